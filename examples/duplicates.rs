//! Prints what finding duplicates and merging cost over many customers: seeds a fresh
//! database directly (100,000 customers by default: names drawn from 200 given names and
//! 2,000 surnames, 500 companies, 200 cities, one in fifty sharing an email or a phone with
//! another), then asks
//! the running service for the candidates of random customers, creates customers (each is
//! compared on creation), lets the scheduler's pass compare 2,000 changed customers, and
//! merges two customers holding 1,000 linked records each.
//!
//! cargo run --release --example duplicates                        # SQLite, temporary file
//! RAPPORT_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/dups \
//!   cargo run --release --example duplicates                      # an empty PostgreSQL database
//! RAPPORT_BENCH_CUSTOMERS=20000 …

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::Utc;
use entity::{customers, interactions, purchases, users};
use rapport::config::Settings;
use rapport::startup::Application;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Database, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use uuid::Uuid;

const BATCH: usize = 500;
const SEARCHES: usize = 200;
const CREATES: usize = 200;
const LINKED: usize = 1_000;

#[path = "support/seed.rs"]
mod seed;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{what}: {} requests, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        percentile(&times, 1.0)
    );
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ra", "sen", "tor", "vi", "bel", "dan", "el", "fa", "gor", "hal", "in", "jo",
    "kes", "lan", "mar", "no", "pe", "ri", "sa", "tu", "wen",
];

/// A made-up word of `n` syllables chosen by `seed`.
fn word(mut seed: u64, n: usize) -> String {
    let mut out = String::new();
    for _ in 0..n {
        out.push_str(SYLLABLES[(seed % 24) as usize]);
        seed /= 24;
    }
    let mut chars = out.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// The `i`th customer's name: one of 200 given names and one of 2,000 surnames, drawn at
/// random (a fixed sequence), so that a company holds mostly different names.
fn name_of(i: usize) -> String {
    let r = (i as u64)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407)
        >> 24;
    format!(
        "{} {}",
        word(r % 200 + 24, 2),
        word((r / 200) % 2_000 + 600, 3)
    )
}

/// The `i`th customer: a name, company, city and contact data from small pools, so that
/// some names meet in the same places and some contact data repeats.
fn person(i: usize, id: Uuid, owner: Uuid, now: chrono::DateTime<Utc>) -> customers::ActiveModel {
    let mut row = seed::customer(i, id, owner, now);
    let name = name_of(i);
    let company = format!("Company {}", i % 500);
    let city = format!("City {}", (i * 7) % 200);
    // One in fifty shares its email with the customer before it, one in fifty its phone.
    let email_of = if i % 50 == 1 { i - 1 } else { i };
    let phone_of = if i % 50 == 2 { i - 1 } else { i };
    let phone = format!("+4930{:07}", phone_of);
    row.name = Set(name);
    row.email = Set(Some(format!("c{email_of}@example.com")));
    row.phone = Set(Some(phone.clone()));
    row.phone_e164 = Set(Some(phone));
    row.company_key = Set(Some(company.to_lowercase()));
    row.company = Set(Some(company));
    row.city_key = Set(Some(city.to_lowercase()));
    row.city = Set(Some(city));
    row
}

#[tokio::main]
async fn main() {
    let total: usize = std::env::var("RAPPORT_BENCH_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let url = std::env::var("RAPPORT_BENCH_DATABASE_URL").unwrap_or_else(|_| {
        let path =
            std::env::temp_dir().join(format!("rapport-duplicates-{}.db", Uuid::now_v7().simple()));
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

    let db = Database::connect(&url).await.unwrap();
    let owner = users::Entity::find().one(&db).await.unwrap().unwrap().id;
    let now = Utc::now();
    let started = Instant::now();
    let mut ids = Vec::with_capacity(total);
    for chunk in (0..total).collect::<Vec<_>>().chunks(BATCH) {
        let rows: Vec<customers::ActiveModel> = chunk
            .iter()
            .map(|&i| {
                let id = Uuid::now_v7();
                ids.push(id);
                person(i, id, owner, now)
            })
            .collect();
        customers::Entity::insert_many(rows)
            .exec_without_returning(&db)
            .await
            .unwrap();
    }
    let backend = if url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    if backend == "PostgreSQL" {
        use sea_orm::ConnectionTrait;
        db.execute_unprepared("ANALYZE customers").await.unwrap();
    }
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

    // Candidates of customers spread over the table.
    let mut times = Vec::new();
    let mut found = 0;
    for k in 0..SEARCHES {
        let id = ids[(k * 7_919) % ids.len()];
        let t = Instant::now();
        let page: Value = client
            .get(format!("{base}/api/v1/customers/{id}/duplicates"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        times.push(t.elapsed());
        found += page["items"].as_array().map_or(0, Vec::len);
    }
    report(
        &format!(
            "{backend}: GET /customers/{{id}}/duplicates over {total} customers ({found} candidates)"
        ),
        times,
    );

    // Creations, each compared with every customer on the way in.
    let mut times = Vec::new();
    let mut hinted = 0;
    for k in 0..CREATES {
        let body = json!({"name": name_of(k),
                          "company": format!("Company {}", k % 500),
                          "email": format!("c{}@example.com", k * 13)});
        let t = Instant::now();
        let res = client
            .post(format!("{base}/api/v1/customers"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
        times.push(t.elapsed());
        assert_eq!(res.status().as_u16(), 201);
        let created: Value = res.json().await.unwrap();
        hinted += usize::from(
            !created["possible_duplicates"]
                .as_array()
                .unwrap()
                .is_empty(),
        );
    }
    report(
        &format!("{backend}: POST /customers with the duplicate check ({hinted} hinted)"),
        times,
    );

    // The scheduler's pass over changed customers.
    customers::Entity::update_many()
        .col_expr(
            customers::Column::DuplicatesCheckedAt,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .filter(customers::Column::Id.is_in(ids.iter().take(2_000).copied()))
        .exec(&db)
        .await
        .unwrap();
    let t = Instant::now();
    let run: Value = client
        .post(format!("{base}/api/v1/scheduler/run"))
        .bearer_auth(&token)
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pass = run["passes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "duplicate_candidates")
        .unwrap()["affected"]
        .clone();
    println!(
        "{backend}: scheduler run comparing {pass} changed customers in {:.2} s",
        t.elapsed().as_secs_f64()
    );

    // A merge of two customers with 1,000 linked records each.
    let (survivor, from) = (ids[10], ids[11]);
    for customer in [survivor, from] {
        let rows: Vec<interactions::ActiveModel> = (0..LINKED * 7 / 10)
            .map(|k| interactions::ActiveModel {
                id: Set(Uuid::now_v7()),
                customer_id: Set(customer),
                user_id: Set(owner),
                channel: Set("phone".into()),
                direction: Set(if k % 2 == 0 { "inbound" } else { "outbound" }.into()),
                occurred_at: Set(now - chrono::Duration::hours(k as i64)),
                subject: Set(None),
                summary: Set(Some("Call".into())),
                outcome: Set(None),
                satisfaction: Set(None),
                touchpoint_id: Set(None),
                without_consent: Set(false),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            })
            .collect();
        for batch in rows.chunks(BATCH) {
            interactions::Entity::insert_many(batch.to_vec())
                .exec_without_returning(&db)
                .await
                .unwrap();
        }
        let rows: Vec<purchases::ActiveModel> = (0..LINKED * 3 / 10)
            .map(|k| purchases::ActiveModel {
                id: Set(Uuid::now_v7()),
                customer_id: Set(customer),
                amount_minor: Set(1_000 + k as i64),
                currency: Set("EUR".into()),
                occurred_at: Set(now - chrono::Duration::days(k as i64)),
                description: Set(None),
                created_by: Set(owner),
                version: Set(1),
                created_at: Set(now),
            })
            .collect();
        for batch in rows.chunks(BATCH) {
            purchases::Entity::insert_many(batch.to_vec())
                .exec_without_returning(&db)
                .await
                .unwrap();
        }
    }
    let t = Instant::now();
    let res = client
        .post(format!("{base}/api/v1/customers/{survivor}/merge"))
        .bearer_auth(&token)
        .header("If-Match", "*")
        .json(&json!({"from": from, "from_version": 1}))
        .send()
        .await
        .unwrap();
    let elapsed = t.elapsed();
    assert_eq!(res.status().as_u16(), 200, "{}", res.text().await.unwrap());
    let merged: Value = res.json().await.unwrap();
    println!(
        "{backend}: merge of two customers with {LINKED} linked records each in {:.1} ms (moved {})",
        elapsed.as_secs_f64() * 1000.0,
        merged["moved"]
    );
}
