use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

/// What `POST /scheduler/run` said the pass named `name` did.
fn affected(run: &Value, name: &str) -> u64 {
    run["passes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("no pass {name} in {run}"))["affected"]
        .as_u64()
        .unwrap()
}

db_test!(
    admins_run_every_pass_and_see_what_each_did,
    |app: TestApp| async move {
        // A key used 25 hours ago is past its window; the pass forgets it exactly once.
        let res = app
            .client
            .post(app.url("/api/v1/customers"))
            .bearer_auth(&app.admin_token)
            .header("Idempotency-Key", "old-key")
            .json(&json!({"name": "Ada"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let db = Database::connect(&app.database_url).await.unwrap();
        let past = (chrono::Utc::now() - chrono::Duration::hours(25)).to_rfc3339();
        db.execute_unprepared(&format!(
            "UPDATE idempotency_keys SET created_at = '{past}'"
        ))
        .await
        .unwrap();

        let res = app
            .post("/api/v1/scheduler/run", &app.admin_token, &json!({}))
            .await;
        assert_eq!(res.status(), 200);
        let run: Value = res.json().await.unwrap();
        assert_eq!(affected(&run, "expired_idempotency_keys"), 1);
        assert_eq!(affected(&run, "expired_login_throttles"), 0);

        let again: Value = app
            .post("/api/v1/scheduler/run", &app.admin_token, &json!({}))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(affected(&again, "expired_idempotency_keys"), 0);
    }
);

db_test!(only_admins_run_the_scheduler, |app: TestApp| async move {
    for role in ["manager", "agent", "viewer"] {
        let (_, token) = app.user_with_role(role).await;
        let res = app.post("/api/v1/scheduler/run", &token, &json!({})).await;
        assert_problem(res, 403).await;
    }
    let res = app
        .client
        .post(app.url("/api/v1/scheduler/run"))
        .send()
        .await
        .unwrap();
    assert_problem(res, 401).await;
});
