use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

db_test!(create_read_and_defaults, |app: TestApp| async move {
    let res = app
        .post(
            "/api/v1/customers",
            &app.admin_token,
            &json!({
                "name": "Ada Lovelace", "email": "Ada@Example.com", "phone": "+44 20 7946 0000",
                "birthday": "1985-12-10", "tier": "important", "timezone": "Europe/London",
                "contact_window": {"weekdays": [1, 2.0, 2], "start": "12:00", "end": "18:00"},
                "tags": ["vip", " vip", "eng"], "attributes": {"plan": "enterprise", "seats": 12},
                "important_dates": [{"label": "Wedding", "date": "2015-06-12"}]
            }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let created: Value = res.json().await.unwrap();
    assert_eq!(
        location,
        format!("/api/v1/customers/{}", created["id"].as_str().unwrap())
    );
    assert_eq!(created["email"], "ada@example.com");
    assert_eq!(created["status"], "active");
    assert_eq!(created["lifecycle_stage"], "exploration");
    assert_eq!(created["sales_stage"], "inquiry");
    assert_eq!(created["contact_window"]["weekdays"], json!([1, 2]));
    assert_eq!(created["tags"], json!(["eng", "vip"]));
    assert_eq!(created["important_dates"][0]["recurring"], true);
    assert_eq!(created["lifetime_value_minor"], 0);
    assert_eq!(created["version"], 1);

    // Read back whole, as a client sees it: every field as created, without the hint a
    // creation answers.
    let mut created = created;
    assert_eq!(created["possible_duplicates"], json!([]));
    created
        .as_object_mut()
        .unwrap()
        .remove("possible_duplicates");
    let path = format!("/api/v1/customers/{}", created["id"].as_str().unwrap());
    let fetched: Value = app.get(&path, &app.admin_token).await.json().await.unwrap();
    assert_eq!(fetched, created);

    let minimal = app
        .create_customer(&app.admin_token, &json!({"name": "Bob"}))
        .await;
    assert_eq!(minimal.timezone, "UTC");
    assert_eq!(minimal.tier, "general");
    assert!(minimal.tags.is_empty());
});

db_test!(
    invalid_profiles_are_422_and_store_nothing,
    |app: TestApp| async move {
        let cases = [
            (json!({}), "name"),
            (json!({"name": "   "}), "name"),
            (json!({"name": "A", "email": "not-an-email"}), "email"),
            (json!({"name": "A", "phone": "call me"}), "phone"),
            (json!({"name": "A", "timezone": "Mars/Olympus"}), "timezone"),
            (json!({"name": "A", "birthday": "2999-01-01"}), "birthday"),
            (json!({"name": "A", "birthday": "1990-02-30"}), "birthday"),
            (json!({"name": "A", "tier": "platinum"}), "tier"),
            (
                json!({"name": "A", "contact_window": {"weekdays": [8], "start": "09:00", "end": "10:00"}}),
                "contact_window.weekdays[0]",
            ),
            (
                json!({"name": "A", "contact_window": {"weekdays": [1], "start": "25:00", "end": "10:00"}}),
                "contact_window.start",
            ),
            (
                json!({"name": "A", "contact_window": {"weekdays": [1], "start": "09:00", "end": "09:00"}}),
                "contact_window.end",
            ),
            (json!({"name": "A", "status": "churned"}), "churn_reason"),
            (
                json!({"name": "A", "referred_by_id": uuid::Uuid::now_v7()}),
                "referred_by_id",
            ),
            (
                json!({"name": "A", "owner_id": uuid::Uuid::now_v7()}),
                "owner_id",
            ),
            (json!({"name": "A", "tags": [""]}), "tags[0]"),
            (
                json!({"name": "A", "lifetime_value_minor": 5}),
                "lifetime_value_minor",
            ),
            (json!({"name": 42}), "name"),
            (json!({"name": "A", "attributes": [1, 2]}), "attributes"),
        ];
        for (body, field) in cases {
            let problem = assert_problem(
                app.post("/api/v1/customers", &app.admin_token, &body).await,
                422,
            )
            .await;
            assert!(
                error_fields(&problem).contains(&field.to_string()),
                "{body}: expected {field} in {problem}"
            );
        }
        let list: Value = app
            .get("/api/v1/customers", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"], json!([]));
    }
);

db_test!(
    patch_changes_only_given_fields_and_honours_if_match,
    |app: TestApp| async move {
        let c = app
            .create_customer(
                &app.admin_token,
                &json!({"name": "Cleo", "company": "Acme", "city": "Oslo"}),
            )
            .await;
        let path = format!("/api/v1/customers/{}", c.id.as_str());

        let before = app.clock.now();
        let res = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&app.admin_token)
        .header("If-Match", "\"1\"")
        .json(&json!({"company": null, "tier": "key", "status": "churned", "churn_reason": "moved away"}))
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["etag"], "\"2\"");
        let updated: Value = res.json().await.unwrap();
        assert_eq!(updated["company"], Value::Null);
        assert_eq!(updated["city"], "Oslo");
        assert_eq!(updated["tier"], "key");
        assert_set_between(&updated["churned_at"], before, app.clock.now());

        // A stale If-Match changes nothing.
        let stale = app
            .client
            .patch(app.url(&path))
            .bearer_auth(&app.admin_token)
            .header("If-Match", "\"1\"")
            .json(&json!({"name": "Overwritten"}))
            .send()
            .await
            .unwrap();
        assert_problem(stale, 412).await;
        let stored = app.get_customer(c.id.as_str()).await;
        assert_eq!(stored.name, "Cleo");
        assert_eq!(stored.version, 2);

        // Returning to active clears the churn.
        let back: Value = app
            .patch(&path, &app.admin_token, &json!({"status": "active"}))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(back["churned_at"], Value::Null);
        assert_eq!(back["churn_reason"], Value::Null);

        // Invalid patch: 422, nothing stored.
        let bad = app
            .patch(&path, &app.admin_token, &json!({"name": null}))
            .await;
        assert_problem(bad, 422).await;
        assert_eq!(app.get_customer(c.id.as_str()).await.version, 3);
    }
);

db_test!(soft_delete_hides_the_customer, |app: TestApp| async move {
    let c = app
        .create_customer(&app.admin_token, &json!({"name": "Dora"}))
        .await;
    let path = format!("/api/v1/customers/{}", c.id.as_str());
    let stale = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&app.admin_token)
        .header("If-Match", "\"7\"")
        .send()
        .await
        .unwrap();
    assert_problem(stale, 412).await;
    assert_eq!(
        app.get(&path, &app.admin_token).await.status(),
        StatusCode::OK
    );

    let res = app
        .call(Method::DELETE, &path, &app.admin_token, None)
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_problem(app.get(&path, &app.admin_token).await, 404).await;
    assert_problem(
        app.call(Method::DELETE, &path, &app.admin_token, None)
            .await,
        404,
    )
    .await;
    let list: Value = app
        .get("/api/v1/customers", &app.admin_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"], json!([]));
});

db_test!(concurrent_writes_all_succeed, |app: TestApp| async move {
    // SQLite allows one writer: without BEGIN IMMEDIATE and a busy timeout some of these
    // would fail with "database is locked".
    let creates = (0..40).map(|i| {
        let app = &app;
        async move {
            app.post(
                "/api/v1/customers",
                &app.admin_token,
                &json!({"name": format!("Parallel {i}"), "tags": ["load"]}),
            )
            .await
            .status()
        }
    });
    let statuses = futures_util::future::join_all(creates).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::CREATED),
        "{statuses:?}"
    );

    let first: Value = app
        .get("/api/v1/customers?limit=200&tag=load", &app.admin_token)
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<String> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 40);
    let patches = ids.iter().map(|id| {
        let app = &app;
        async move {
            app.patch(
                &format!("/api/v1/customers/{id}"),
                &app.admin_token,
                &json!({"tier": "key"}),
            )
            .await
            .status()
        }
    });
    let statuses = futures_util::future::join_all(patches).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
});
