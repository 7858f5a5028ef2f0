//! The read replica: reports, exports and segment counts read the standby while it is within
//! the configured lag, and the primary beyond it or when the standby does not answer; reads a
//! caller must see their own writes in never leave the primary.
//!
//! The standby tests need a real hot standby of `RAPPORT_TEST_POSTGRES_URL`'s server, named by
//! `RAPPORT_TEST_STANDBY_URL`; CI starts one (`.ci/replication`) and runs them with
//! `--ignored`. They pause the standby's replay, so they must not share it with other tests.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};

use crate::helpers::*;

const NEEDS_STANDBY: &str = "RAPPORT_TEST_STANDBY_URL must name a hot standby of RAPPORT_TEST_POSTGRES_URL's server (CI's .ci/replication starts one)";

async fn export(app: &TestApp) -> String {
    let res = app.get("/api/v1/customers/export", &app.admin_token).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.text().await.unwrap()
}

async fn member_count(app: &TestApp, segment: &str) -> u64 {
    let res = app
        .get(&format!("/api/v1/segments/{segment}"), &app.admin_token)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    body["member_count"].as_u64().expect("member_count")
}

/// Waits until `check` holds, failing after `within`.
async fn eventually<F, Fut>(within: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + within;
    while !check().await {
        assert!(Instant::now() < deadline, "{what} within {within:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn metric(app: &TestApp, name: &str) -> f64 {
    let text = app.client.get(app.url("/metrics")).send().await.unwrap();
    let text = text.text().await.unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or_else(|| panic!("{name} in /metrics"))
}

/// Resumes the standby's replay when the test ends, passed or failed: a paused standby
/// would hold back every test after this one.
struct ResumeReplay(String);

impl Drop for ResumeReplay {
    fn drop(&mut self) {
        let url = self.0.clone();
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(db) = Database::connect(&url).await {
                    let _ = db.execute_unprepared("SELECT pg_wal_replay_resume()").await;
                }
            });
        })
        .join();
    }
}

async fn replay_paused(standby: &DatabaseConnection) -> bool {
    let row = standby
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT pg_get_wal_replay_pause_state() AS state",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<String>("", "state").unwrap() == "paused"
}

#[tokio::test]
#[ignore = "needs a streaming standby: RAPPORT_TEST_STANDBY_URL (CI starts one)"]
async fn stale_reads_use_the_standby_within_the_lag_and_the_primary_beyond_it() {
    let standby_base = std::env::var("RAPPORT_TEST_STANDBY_URL").expect(NEEDS_STANDBY);
    let database_url = fresh_database(Backend::Postgres).await;
    let (_, name) = database_url.rsplit_once('/').unwrap();
    let (standby_prefix, _) = standby_base.rsplit_once('/').unwrap();
    let standby_url = format!("{standby_prefix}/{name}");
    // The standby has the new database once it has replayed its creation.
    let started = Instant::now();
    while Database::connect(&standby_url).await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{NEEDS_STANDBY}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Two replicas of the service on one primary and one standby: one tolerating a minute
    // of lag, one a second.
    let patient = spawn_app_on(
        Backend::Postgres,
        database_url.clone(),
        &[
            ("RAPPORT_DATABASE_REPLICA_URL", standby_url.as_str()),
            ("RAPPORT_DATABASE_REPLICA_MAX_LAG_MS", "60000"),
        ],
    )
    .await;
    let strict = spawn_app_on(
        Backend::Postgres,
        database_url.clone(),
        &[
            ("RAPPORT_DATABASE_REPLICA_URL", standby_url.as_str()),
            ("RAPPORT_DATABASE_REPLICA_MAX_LAG_MS", "1000"),
        ],
    )
    .await;
    let token = patient.admin_token.clone();
    patient
        .create_customer(&token, &json!({"name": "Ada Before"}))
        .await;
    let segment: Value = patient
        .post(
            "/api/v1/segments",
            &token,
            &json!({"name": "Everyone", "kind": "dynamic",
                    "rule": {"field": "name", "op": "is_not_null"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let segment = segment["id"].as_str().expect("segment id").to_string();
    eventually(
        Duration::from_secs(10),
        "both serve from the standby",
        || async {
            metric(&patient, "db_replica_serving_reads").await == 1.0
                && metric(&strict, "db_replica_serving_reads").await == 1.0
                && export(&patient).await.contains("Ada Before")
        },
    )
    .await;

    let standby = Database::connect(&standby_base).await.unwrap();
    let _resume = ResumeReplay(standby_base.clone());
    standby
        .execute_unprepared("SELECT pg_wal_replay_pause()")
        .await
        .unwrap();
    eventually(Duration::from_secs(10), "replay paused", || {
        replay_paused(&standby)
    })
    .await;

    let created = patient
        .create_customer(&token, &json!({"name": "Grace During"}))
        .await;
    // What the caller must see of their own write comes from the primary.
    let seen = patient.get_customer(&created.id.to_string()).await;
    assert_eq!(seen.name, "Grace During");
    let listed: Value = patient
        .get("/api/v1/customers?q=Grace", &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);

    // Within a minute of lag the export and the count come from the standby, which has not
    // seen the new customer.
    assert!(!export(&patient).await.contains("Grace During"));
    assert_eq!(member_count(&patient, &segment).await, 1);
    assert_eq!(metric(&patient, "db_replica_serving_reads").await, 1.0);

    // Beyond a second of lag the other replica reads the primary again.
    eventually(
        Duration::from_secs(10),
        "the strict replica falls back",
        || async { export(&strict).await.contains("Grace During") },
    )
    .await;
    assert_eq!(member_count(&strict, &segment).await, 2);
    assert_eq!(metric(&strict, "db_replica_serving_reads").await, 0.0);
    assert!(metric(&strict, "db_replica_lag_seconds").await > 1.0);

    // Once the standby replays again, both read it and it shows the customer.
    standby
        .execute_unprepared("SELECT pg_wal_replay_resume()")
        .await
        .unwrap();
    eventually(
        Duration::from_secs(10),
        "the standby catches up",
        || async {
            export(&patient).await.contains("Grace During")
                && metric(&strict, "db_replica_serving_reads").await == 1.0
        },
    )
    .await;
    assert_eq!(member_count(&strict, &segment).await, 2);
    drop(strict);
}

#[tokio::test]
#[cfg_attr(
    not(rapport_postgres),
    ignore = "set RAPPORT_TEST_POSTGRES_URL to run it on PostgreSQL"
)]
async fn a_standby_that_does_not_answer_leaves_reads_on_the_primary() {
    let app = spawn_app_with(
        Backend::Postgres,
        &[(
            "RAPPORT_DATABASE_REPLICA_URL",
            "postgres://postgres@127.0.0.1:9/nowhere",
        )],
    )
    .await;
    app.create_customer(&app.admin_token, &json!({"name": "Only Primary"}))
        .await;
    assert!(export(&app).await.contains("Only Primary"));
    let res = app.get("/api/v1/reports/churn", &app.admin_token).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(metric(&app, "db_replica_serving_reads").await, 0.0);
    assert_eq!(metric(&app, "db_replica_lag_seconds").await, -1.0);
}
