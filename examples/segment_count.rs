//! Prints how long a dynamic segment's `member_count` takes over many customers: seeds a
//! fresh database directly (100,000 customers by default), then asks the running service.
//!
//! cargo run --release --example segment_count                        # SQLite, temporary file
//! RAPPORT_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/seg \
//!   cargo run --release --example segment_count                      # an empty PostgreSQL database
//! RAPPORT_BENCH_CUSTOMERS=200000 …

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::Instant;

use chrono::Utc;
use entity::{customer_tags, customers, users};
use rapport::config::Settings;
use rapport::startup::Application;
use sea_orm::{Database, EntityTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

const BATCH: usize = 500;

#[path = "support/seed.rs"]
mod seed;

#[tokio::main]
async fn main() {
    let total: usize = std::env::var("RAPPORT_BENCH_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let url = std::env::var("RAPPORT_BENCH_DATABASE_URL").unwrap_or_else(|_| {
        let path =
            std::env::temp_dir().join(format!("rapport-segments-{}.db", Uuid::now_v7().simple()));
        format!("sqlite://{}?mode=rwc", path.display())
    });
    let vars: HashMap<&str, &str> = [
        ("RAPPORT_DATABASE_URL", url.as_str()),
        ("RAPPORT_BIND", "127.0.0.1:0"),
        (
            "RAPPORT_JWT_SECRET",
            "bench-secret-that-is-long-enough-0123456789",
        ),
        ("RAPPORT_BOOTSTRAP_ADMIN_EMAIL", "bench@example.com"),
        ("RAPPORT_BOOTSTRAP_ADMIN_PASSWORD", "bench-password-123"),
        ("RAPPORT_SCHEDULER", "off"),
    ]
    .into_iter()
    .collect();
    let app =
        Application::build(Settings::from_lookup(|k| vars.get(k).map(|v| v.to_string())).unwrap())
            .await
            .unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());

    // Seed directly: the HTTP path is measured by the other benchmark.
    let db = Database::connect(&url).await.unwrap();
    let owner = users::Entity::find().one(&db).await.unwrap().unwrap().id;
    let now = Utc::now();
    let started = Instant::now();
    for chunk in (0..total).collect::<Vec<_>>().chunks(BATCH) {
        let mut tags = Vec::new();
        let rows: Vec<customers::ActiveModel> = chunk
            .iter()
            .map(|&i| {
                let id = Uuid::now_v7();
                if i % 7 == 0 {
                    tags.push(customer_tags::ActiveModel {
                        customer_id: Set(id),
                        tag: Set("do-not-call".into()),
                    });
                }
                seed::customer(i, id, owner, now)
            })
            .collect();
        customers::Entity::insert_many(rows)
            .exec(&db)
            .await
            .unwrap();
        if !tags.is_empty() {
            customer_tags::Entity::insert_many(tags)
                .exec(&db)
                .await
                .unwrap();
        }
    }
    let backend = if url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    println!(
        "{backend}: seeded {total} customers in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let client = reqwest::Client::new();
    let token: Value = client
        .post(format!("{base}/api/v1/auth/token"))
        .json(&json!({"email": "bench@example.com", "password": "bench-password-123"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["access_token"].as_str().unwrap().to_string();
    let rule = json!({"all": [
        {"field": "tier", "op": "in", "value": ["important", "key"]},
        {"field": "last_contacted_at", "op": "older_than_days", "value": 30},
        {"field": "attributes.plan", "op": "eq", "value": "enterprise"},
        {"not": {"field": "tags", "op": "contains", "value": "do-not-call"}}
    ]});
    let segment: Value = client
        .post(format!("{base}/api/v1/segments"))
        .bearer_auth(&token)
        .json(&json!({"name": "Quiet enterprise accounts", "kind": "dynamic", "rule": rule}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = segment["id"].as_str().unwrap();
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let s: Value = client
            .get(format!("{base}/api/v1/segments/{id}"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        times.push(t.elapsed().as_secs_f64() * 1e3);
        count = s["member_count"].as_u64().unwrap();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "GET /segments/{{id}} member_count = {count} of {total}: median {:.1} ms, min {:.1} ms, max {:.1} ms (5 runs)",
        times[2], times[0], times[4]
    );
    let t = Instant::now();
    let page: Value = client
        .get(format!("{base}/api/v1/segments/{id}/customers?limit=50"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    println!(
        "GET /segments/{{id}}/customers first page of {}: {:.1} ms",
        page["items"].as_array().unwrap().len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}
