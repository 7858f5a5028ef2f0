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

use chrono::{Duration, Utc};
use entity::{customer_tags, customers, users};
use rapport::config::Settings;
use rapport::startup::Application;
use sea_orm::{Database, EntityTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

const BATCH: usize = 500;

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
    let tiers = ["general", "important", "key"];
    let plans = ["starter", "team", "enterprise"];
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
                customers::ActiveModel {
                    id: Set(id),
                    name: Set(format!("Customer {i:07}")),
                    company: Set(None),
                    gender: Set(None),
                    birthday: Set(None),
                    birthday_mmdd: Set(None),
                    email: Set(Some(format!("c{i}@example.com"))),
                    phone: Set(None),
                    industry: Set(Some(if i % 2 == 0 { "retail" } else { "software" }.into())),
                    occupation: Set(None),
                    position: Set(None),
                    city: Set(None),
                    country: Set(None),
                    timezone: Set("UTC".into()),
                    preferred_channel: Set(None),
                    contact_window: Set(None),
                    source_channel: Set(None),
                    referred_by_id: Set(None),
                    tier: Set(tiers[i % 3].into()),
                    lifecycle_stage: Set("exploration".into()),
                    sales_stage: Set("inquiry".into()),
                    status: Set("active".into()),
                    churn_reason: Set(None),
                    churned_at: Set(None),
                    owner_id: Set(owner),
                    needs: Set(None),
                    pain_points: Set(None),
                    preferences: Set(None),
                    personality: Set(None),
                    notes: Set(None),
                    attributes: Set(json!({"plan": plans[i % 3], "seats": i % 100})),
                    important_dates: Set(json!([])),
                    last_contacted_at: Set(Some(now - Duration::days((i % 120) as i64))),
                    last_inbound_at: Set(None),
                    last_outbound_at: Set(None),
                    lifetime_value_minor: Set((i % 1000) as i64 * 100),
                    lifetime_value_currency: Set(Some("EUR".into())),
                    purchase_count: Set((i % 5) as i32),
                    last_purchase_at: Set(None),
                    next_touchpoint_due_at: Set(None),
                    open_complaints: Set(0),
                    version: Set(1),
                    created_at: Set(now),
                    updated_at: Set(now),
                    deleted_at: Set(None),
                }
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
