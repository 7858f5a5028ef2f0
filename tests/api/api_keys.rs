//! API keys: integrations authenticate as themselves, within a role and scopes, until the key
//! expires or is revoked; their writes name the key.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

/// Creates a key as the admin; returns its record and secret.
async fn create_key(app: &TestApp, body: Value) -> (Value, String) {
    let res = app.post("/api/v1/api-keys", &app.admin_token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "create key");
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let created: Value = res.json().await.unwrap();
    assert_eq!(
        location,
        format!("/api/v1/api-keys/{}", created["id"].as_str().unwrap())
    );
    let secret = created["secret"].as_str().unwrap().to_string();
    (created, secret)
}

db_test!(
    a_key_acts_with_its_role_and_is_named_by_its_writes,
    |app: TestApp| async move {
        let (key, secret) = create_key(
        &app,
        json!({"name": "Warehouse sync", "description": "Mirrors customers", "role": "manager"}),
    )
    .await;
        assert!(secret.starts_with("rk_") && secret.len() >= 40, "{secret}");
        assert_eq!(key["prefix"], &secret[..11]);
        assert_eq!(key["role"], "manager");
        assert_eq!(key["scopes"], json!([]));
        assert!(key["last_used_at"].is_null() && key["revoked_at"].is_null());
        let id = key["id"].as_str().unwrap().to_string();

        // The secret is never readable again.
        for path in [
            format!("/api/v1/api-keys/{id}"),
            "/api/v1/api-keys".to_string(),
        ] {
            let res = app.get(&path, &app.admin_token).await;
            assert_eq!(res.status(), StatusCode::OK);
            let text = res.text().await.unwrap();
            assert!(
                !text.contains(&secret[11..]) && !text.contains("\"secret\""),
                "{text}"
            );
        }

        // It works as a bearer token; a write names the key.
        let res = app
            .post(
                "/api/v1/customers",
                &secret,
                &json!({"name": "Ada Lovelace"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let customer: Value = res.json().await.unwrap();
        let me = app
            .get("/api/v1/me", &app.admin_token)
            .await
            .json::<Value>()
            .await
            .unwrap();
        assert_eq!(
            customer["owner_id"], me["id"],
            "a manager key acts for the admin who made it"
        );
        let history = app
            .items(
                &format!(
                    "/api/v1/customers/{}/history",
                    customer["id"].as_str().unwrap()
                ),
                &secret,
            )
            .await;
        assert!(!history.is_empty());
        for entry in &history {
            assert_eq!(entry["actor_type"], "api_key", "{entry}");
            assert_eq!(entry["actor_id"], id.as_str());
        }
        let key = app
            .get(&format!("/api/v1/api-keys/{id}"), &app.admin_token)
            .await
            .json::<Value>()
            .await
            .unwrap();
        assert!(key["last_used_at"].is_string(), "{key}");

        // People's routes stay people's.
        for path in ["/api/v1/me", "/api/v1/users", "/api/v1/api-keys"] {
            assert_problem(app.get(path, &secret).await, 403).await;
        }
        let res = app
            .post(
                "/api/v1/api-keys",
                &secret,
                &json!({"name": "escalate", "role": "manager"}),
            )
            .await;
        assert_problem(res, 403).await;

        // Unknown keys are refused like bad tokens.
        let res = app.get("/api/v1/customers", "rk_not-a-key-at-all").await;
        assert!(res.headers().contains_key("www-authenticate"));
        assert_problem(res, 401).await;
    }
);

db_test!(
    scopes_narrow_what_a_key_reaches,
    |app: TestApp| async move {
        let (_, reader) = create_key(
        &app,
        json!({"name": "Reader", "role": "manager", "scopes": ["customers:read", "complaints:write"]}),
    )
    .await;
        let c = app
            .create_customer(&app.admin_token, &json!({"name": "Ada"}))
            .await;
        assert_eq!(
            app.get("/api/v1/customers", &reader).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            app.get(&format!("/api/v1/customers/{}/timeline", c.id), &reader)
                .await
                .status(),
            StatusCode::OK
        );
        // `write` includes `read`.
        assert_eq!(
            app.get("/api/v1/complaints", &reader).await.status(),
            StatusCode::OK
        );
        let res = app
            .post(
                "/api/v1/complaints",
                &reader,
                &json!({"customer_id": c.id, "subject": "Late"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        for (method, path, body) in [
            (
                Method::POST,
                "/api/v1/customers".to_string(),
                Some(json!({"name": "B"})),
            ),
            (
                Method::PATCH,
                format!("/api/v1/customers/{}", c.id),
                Some(json!({"name": "B"})),
            ),
            (Method::GET, "/api/v1/interactions".to_string(), None),
            (
                Method::GET,
                format!("/api/v1/customers/{}/purchases", c.id),
                None,
            ),
            (Method::GET, "/api/v1/agenda".to_string(), None),
            (Method::GET, "/api/v1/reports/churn".to_string(), None),
        ] {
            let res = app
                .call(method.clone(), &path, &reader, body.as_ref())
                .await;
            let problem = assert_problem(res, 403).await;
            assert!(
                problem["detail"].as_str().unwrap().contains("scopes"),
                "{method} {path}: {problem}"
            );
        }
        assert_eq!(app.customer_count().await, 1, "nothing refused was written");

        // A viewer key cannot write whatever its scopes say.
        let (_, viewer) = create_key(
            &app,
            json!({"name": "Viewer", "role": "viewer", "scopes": ["customers:write"]}),
        )
        .await;
        assert_eq!(
            app.get("/api/v1/customers", &viewer).await.status(),
            StatusCode::OK
        );
        assert_problem(
            app.post("/api/v1/customers", &viewer, &json!({"name": "C"}))
                .await,
            403,
        )
        .await;
    }
);

db_test!(
    an_agent_key_sees_its_agents_customers_only,
    |app: TestApp| async move {
        let (agent, _) = app.user_with_role("agent").await;
        let (other, _) = app.user_with_role("agent").await;
        let mine = app
            .create_customer(
                &app.admin_token,
                &json!({"name": "Mine", "owner_id": agent}),
            )
            .await;
        let theirs = app
            .create_customer(
                &app.admin_token,
                &json!({"name": "Theirs", "owner_id": other}),
            )
            .await;
        let (_, key) = create_key(
            &app,
            json!({"name": "Agent bot", "role": "agent", "owner_id": agent}),
        )
        .await;
        assert_eq!(
            names(
                &app.get("/api/v1/customers", &key)
                    .await
                    .json()
                    .await
                    .unwrap()
            ),
            vec!["Mine"]
        );
        assert_eq!(
            app.get(&format!("/api/v1/customers/{}", mine.id), &key)
                .await
                .status(),
            StatusCode::OK
        );
        assert_problem(
            app.get(&format!("/api/v1/customers/{}", theirs.id), &key)
                .await,
            404,
        )
        .await;
        let res = app
            .post("/api/v1/customers", &key, &json!({"name": "New"}))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(
            res.json::<Value>().await.unwrap()["owner_id"],
            agent.as_str()
        );

        // The key stops with its agent.
        let res = app
            .patch(
                &format!("/api/v1/users/{agent}"),
                &app.admin_token,
                &json!({"active": false, "reassign_to": other}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_problem(app.get("/api/v1/customers", &key).await, 401).await;
    }
);

db_test!(keys_expire_and_revoke_at_once, |app: TestApp| async move {
    let expires = rfc3339(app.clock.now() + Duration::hours(1));
    let (key, secret) = create_key(
        &app,
        json!({"name": "Short", "role": "viewer", "expires_at": expires}),
    )
    .await;
    assert_eq!(
        app.get("/api/v1/customers", &secret).await.status(),
        StatusCode::OK
    );
    app.clock.advance(Duration::hours(2));
    assert_problem(app.get("/api/v1/customers", &secret).await, 401).await;

    let (key2, secret2) = create_key(&app, json!({"name": "Long", "role": "viewer"})).await;
    let id2 = key2["id"].as_str().unwrap();
    assert_eq!(
        app.get("/api/v1/customers", &secret2).await.status(),
        StatusCode::OK
    );
    let res = app
        .call(
            Method::DELETE,
            &format!("/api/v1/api-keys/{id2}"),
            &app.admin_token,
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_problem(app.get("/api/v1/customers", &secret2).await, 401).await;
    let shown: Value = app
        .get(&format!("/api/v1/api-keys/{id2}"), &app.admin_token)
        .await
        .json()
        .await
        .unwrap();
    assert!(shown["revoked_at"].is_string());
    // Again: nothing changes; a revoked key is not edited back to life.
    let res = app
        .call(
            Method::DELETE,
            &format!("/api/v1/api-keys/{id2}"),
            &app.admin_token,
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = app
        .patch(
            &format!("/api/v1/api-keys/{id2}"),
            &app.admin_token,
            &json!({"name": "Back"}),
        )
        .await;
    assert_problem(res, 409).await;

    // A live key's expiry and scopes can change, with If-Match.
    let id = key["id"].as_str().unwrap();
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/api-keys/{id}")))
        .bearer_auth(&app.admin_token)
        .header("If-Match", "\"1\"")
        .json(&json!({"expires_at": null, "scopes": ["customers:read"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["etag"], "\"2\"");
    assert_eq!(
        app.get("/api/v1/customers", &secret).await.status(),
        StatusCode::OK
    );
    assert_problem(app.get("/api/v1/complaints", &secret).await, 403).await;
});

db_test!(
    bad_keys_are_refused_before_anything_is_stored,
    |app: TestApp| async move {
        let (manager_id, manager) = app.user_with_role("manager").await;
        let res = app
            .post(
                "/api/v1/api-keys",
                &manager,
                &json!({"name": "Mine", "role": "viewer"}),
            )
            .await;
        assert_problem(res, 403).await;
        let past = rfc3339(app.clock.now() - Duration::minutes(1));
        let cases = [
            (json!({"name": "A", "role": "admin"}), "role", "not_allowed"),
            (
                json!({"name": "A", "role": "viewer", "scopes": ["users:read"]}),
                "scopes[0]",
                "unknown_value",
            ),
            (
                json!({"name": "A", "role": "agent"}),
                "owner_id",
                "required",
            ),
            (
                json!({"name": "A", "role": "agent", "owner_id": manager_id}),
                "owner_id",
                "not_allowed",
            ),
            (
                json!({"name": "A", "role": "viewer", "expires_at": past}),
                "expires_at",
                "out_of_range",
            ),
            (json!({"name": " ", "role": "viewer"}), "name", "blank"),
            (
                json!({"name": "A", "role": "root"}),
                "role",
                "unknown_value",
            ),
        ];
        for (body, field, code) in cases {
            let problem = assert_problem(
                app.post("/api/v1/api-keys", &app.admin_token, &body).await,
                422,
            )
            .await;
            assert_eq!(problem["errors"][0]["field"], field, "{body}");
            assert_eq!(problem["errors"][0]["code"], code, "{body}");
        }
        let keys = app.items("/api/v1/api-keys", &app.admin_token).await;
        assert!(keys.is_empty());
    }
);
