//! A stale `If-Match` changes nothing, on every resource that takes one.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn stale(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = app
        .client
        .request(method, app.url(path))
        .bearer_auth(&app.admin_token)
        .header("If-Match", "\"99\"");
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

db_test!(
    stale_versions_are_refused_everywhere,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let (agent, _) = app.user_with_role("agent").await;
        let c = app.create_customer(t, &json!({"name": "Kept"})).await;
        let cid = c.id.as_str();

        let res = stale(
            &app,
            Method::PUT,
            &format!("/api/v1/customers/{cid}/owner"),
            Some(json!({"owner_id": agent})),
        )
        .await;
        assert_problem(res, 412).await;
        assert_eq!(app.get_customer(cid).await.owner_id, c.owner_id);
        let handoffs: Value = app
            .get(&format!("/api/v1/customers/{cid}/owner-history"), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(handoffs["items"], json!([]));

        let purchase: Value = app
            .post(
                &format!("/api/v1/customers/{cid}/purchases"),
                t,
                &json!({"amount_minor": 700, "currency": "EUR"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let res = stale(
            &app,
            Method::DELETE,
            &format!(
                "/api/v1/customers/{cid}/purchases/{}",
                purchase["id"].as_str().unwrap()
            ),
            None,
        )
        .await;
        assert_problem(res, 412).await;
        assert_eq!(app.get_customer(cid).await.lifetime_value_minor, 700);

        let interaction: Value = app
            .post(
                "/api/v1/interactions",
                t,
                &json!({"customer_id": cid, "channel": "sms", "direction": "inbound"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let ipath = format!(
            "/api/v1/interactions/{}",
            interaction["id"].as_str().unwrap()
        );
        assert_problem(stale(&app, Method::DELETE, &ipath, None).await, 412).await;
        assert_eq!(app.get(&ipath, t).await.status(), StatusCode::OK);

        let segment: Value = app
            .post(
                "/api/v1/segments",
                t,
                &json!({"name": "Kept segment", "kind": "static"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let spath = format!("/api/v1/segments/{}", segment["id"].as_str().unwrap());
        assert_problem(
            stale(
                &app,
                Method::PATCH,
                &spath,
                Some(json!({"name": "Renamed"})),
            )
            .await,
            412,
        )
        .await;
        assert_problem(stale(&app, Method::DELETE, &spath, None).await, 412).await;
        let kept: Value = app.get(&spath, t).await.json().await.unwrap();
        assert_eq!(kept["name"], "Kept segment");
        assert_eq!(kept["version"], 1);

        let upath = format!("/api/v1/users/{agent}");
        assert_problem(
            stale(
                &app,
                Method::PATCH,
                &upath,
                Some(json!({"name": "Renamed"})),
            )
            .await,
            412,
        )
        .await;
        let user: Value = app.get(&upath, t).await.json().await.unwrap();
        assert_eq!(user["name"], "Test agent");

        // The current version goes through.
        let res = app
            .client
            .patch(app.url(&spath))
            .bearer_auth(t)
            .header("If-Match", "\"1\"")
            .json(&json!({"name": "Renamed"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["etag"], "\"2\"");
    }
);

db_test!(
    new_resources_refuse_malformed_bodies,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "Target"})).await;
        let cid = c.id.as_str();
        let tp: Value = app
            .post(
                "/api/v1/touchpoints",
                t,
                &json!({"customer_id": cid, "due_at": "2030-01-01T09:00:00Z", "channel": "phone", "title": "Call"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let tp_id = tp["id"].as_str().unwrap();
        for path in [
            "/api/v1/interactions".to_string(),
            format!("/api/v1/customers/{cid}/purchases"),
            "/api/v1/segments".to_string(),
            "/api/v1/segments/preview".to_string(),
            "/api/v1/playbooks".to_string(),
            "/api/v1/touchpoints".to_string(),
            format!("/api/v1/touchpoints/{tp_id}/complete"),
            format!("/api/v1/touchpoints/{tp_id}/skip"),
        ] {
            // An array is not an object, whatever the fields.
            let res = app.post(&path, t, &json!([{"name": "x"}])).await;
            assert_problem(res, 422).await;
            let res = app
                .client
                .post(app.url(&path))
                .bearer_auth(t)
                .header("Content-Type", "application/json")
                .body("{\"broken\": ")
                .send()
                .await
                .unwrap();
            assert_problem(res, 400).await;
            let res = app
                .client
                .post(app.url(&path))
                .bearer_auth(t)
                .body("x")
                .send()
                .await
                .unwrap();
            assert_problem(res, 415).await;
            let res = app
                .client
                .post(app.url(&path))
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            assert_problem(res, 401).await;
        }
        let list: Value = app
            .get("/api/v1/interactions", t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"], json!([]));
        assert_eq!(app.get_customer(cid).await.purchase_count, 0);
        let playbooks: Value = app.get("/api/v1/playbooks", t).await.json().await.unwrap();
        assert_eq!(
            playbooks["items"].as_array().unwrap().len(),
            3,
            "the defaults only"
        );
        let still: Value = app
            .get(&format!("/api/v1/touchpoints/{tp_id}"), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (still["status"].as_str(), still["version"].as_i64()),
            (Some("scheduled"), Some(1))
        );
        // Unknown and malformed ids, and unknown enum values in queries.
        for path in [
            format!("/api/v1/touchpoints/{}", uuid::Uuid::now_v7()),
            format!("/api/v1/playbooks/{}", uuid::Uuid::now_v7()),
            "/api/v1/touchpoints/not-an-id".to_string(),
            "/api/v1/playbooks/not-an-id".to_string(),
        ] {
            assert_problem(app.get(&path, t).await, 404).await;
        }
        for path in [
            "/api/v1/touchpoints?status=pending",
            "/api/v1/touchpoints?purpose=gossip",
            "/api/v1/touchpoints?due_before=tomorrow",
            "/api/v1/touchpoints?limit=500",
            "/api/v1/playbooks?trigger=on_birthday",
        ] {
            assert_problem(app.get(path, t).await, 422).await;
        }
    }
);
