use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn post_with_key(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/customers"))
        .bearer_auth(&app.admin_token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

db_test!(
    retries_replay_the_first_response,
    |app: TestApp| async move {
        let body = json!({"name": "Once"});
        let first = post_with_key(&app, "key-1", &body).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let location = first.headers()["location"].clone();
        let first: Value = first.json().await.unwrap();

        let retry = post_with_key(&app, "key-1", &body).await;
        assert_eq!(retry.status(), StatusCode::CREATED);
        assert_eq!(retry.headers()["idempotent-replayed"], "true");
        assert_eq!(retry.headers()["location"], location);
        assert_eq!(retry.headers()["etag"], "\"1\"");
        assert_eq!(retry.json::<Value>().await.unwrap(), first);

        let list: Value = app
            .get("/api/v1/customers", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"].as_array().unwrap().len(), 1);

        // Same key, different body: refused, nothing created.
        let other = post_with_key(&app, "key-1", &json!({"name": "Twice"})).await;
        assert_eq!(
            error_fields(&assert_problem(other, 422).await),
            vec!["Idempotency-Key"]
        );
        // Another key acts again.
        assert_eq!(
            post_with_key(&app, "key-2", &body).await.status(),
            StatusCode::CREATED
        );
        let list: Value = app
            .get("/api/v1/customers", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"].as_array().unwrap().len(), 2);
    }
);

db_test!(
    failed_requests_are_replayed_as_they_were,
    |app: TestApp| async move {
        let bad = json!({"name": "A", "tier": "gold"});
        assert_problem(post_with_key(&app, "bad", &bad).await, 422).await;
        let again = post_with_key(&app, "bad", &bad).await;
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_problem(again, 422).await;
        let long_key = "k".repeat(300);
        assert_problem(
            post_with_key(&app, &long_key, &json!({"name": "A"})).await,
            422,
        )
        .await;
    }
);
