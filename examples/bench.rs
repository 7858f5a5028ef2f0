//! A benchmark that prints figures: it starts Rapport in-process on a fresh database, creates
//! customers through the HTTP API with several concurrent clients, then times list queries.
//!
//! cargo run --release --example bench                       # SQLite in a temporary file
//! RAPPORT_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
//!   cargo run --release --example bench                     # an existing, empty PostgreSQL database
//! RAPPORT_BENCH_CUSTOMERS=5000 RAPPORT_BENCH_CLIENTS=16 …   # sizes

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rapport::config::Settings;
use rapport::startup::Application;
use serde_json::{Value, json};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Timings(Vec<Duration>);

impl Timings {
    fn report(mut self, label: &str, wall: Duration) {
        self.0.sort();
        let n = self.0.len();
        let at = |q: f64| self.0[((n as f64 * q) as usize).min(n - 1)];
        println!(
            "{label:<44} {n:>6} req  {:>9.1} req/s  p50 {:>7.2} ms  p95 {:>7.2} ms  p99 {:>7.2} ms",
            n as f64 / wall.as_secs_f64(),
            at(0.50).as_secs_f64() * 1e3,
            at(0.95).as_secs_f64() * 1e3,
            at(0.99).as_secs_f64() * 1e3,
        );
    }
}

/// Runs `total` requests made by `make(i)` from `clients` concurrent tasks.
async fn run<F>(clients: usize, total: usize, make: F) -> (Timings, Duration)
where
    F: Fn(usize) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let make = std::sync::Arc::new(make);
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let make = make.clone();
            tokio::spawn(async move {
                let mut times = Vec::new();
                let mut i = c;
                while i < total {
                    let t = Instant::now();
                    let res = make(i).send().await.expect("request");
                    assert!(res.status().is_success(), "status {}", res.status());
                    res.bytes().await.expect("body");
                    times.push(t.elapsed());
                    i += clients;
                }
                times
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("task"));
    }
    (Timings(all), started.elapsed())
}

#[tokio::main]
async fn main() {
    let customers = env_number("RAPPORT_BENCH_CUSTOMERS", 2000);
    let clients = env_number("RAPPORT_BENCH_CLIENTS", 8);
    let queries = env_number("RAPPORT_BENCH_QUERIES", 400);
    let database_url = std::env::var("RAPPORT_BENCH_DATABASE_URL").unwrap_or_else(|_| {
        let path = std::env::temp_dir().join(format!(
            "rapport-bench-{}.db",
            uuid::Uuid::now_v7().simple()
        ));
        format!("sqlite://{}?mode=rwc", path.display())
    });
    let vars: HashMap<&str, &str> = [
        ("RAPPORT_DATABASE_URL", database_url.as_str()),
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
    let settings = Settings::from_lookup(|k| vars.get(k).map(|v| v.to_string())).expect("settings");
    let app = Application::build(settings).await.expect("app");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());

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
    let backend = if database_url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    println!("Rapport benchmark on {backend}: {customers} customers, {clients} concurrent clients");

    let (c, b, t) = (client.clone(), base.clone(), token.clone());
    let tiers = ["general", "important", "key"];
    let (timings, wall) = run(clients, customers, move |i| {
        c.post(format!("{b}/api/v1/customers"))
            .bearer_auth(&t)
            .json(&json!({
                "name": format!("Customer {i:06}"),
                "email": format!("customer{i}@example.com"),
                "tier": tiers[i % 3],
                "industry": if i % 4 == 0 { "retail" } else { "software" },
                "birthday": format!("1980-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
                "tags": if i % 10 == 0 { vec!["vip"] } else { vec![] },
            }))
    })
    .await;
    timings.report("POST /customers", wall);

    for (label, query) in [
        ("GET /customers?limit=50", "limit=50"),
        ("GET /customers?limit=200&sort=name", "limit=200&sort=name"),
        ("GET /customers?tier=key&limit=50", "tier=key&limit=50"),
        ("GET /customers?tag=vip&limit=50", "tag=vip&limit=50"),
        (
            "GET /customers?q=customer00&limit=50",
            "q=customer00&limit=50",
        ),
        (
            "GET /customers?birthday_within_days=30",
            "birthday_within_days=30&limit=50",
        ),
    ] {
        let (c, b, t, q) = (
            client.clone(),
            base.clone(),
            token.clone(),
            query.to_string(),
        );
        let (timings, wall) = run(clients, queries, move |_| {
            c.get(format!("{b}/api/v1/customers?{q}")).bearer_auth(&t)
        })
        .await;
        timings.report(label, wall);
    }

    // Walking every page with the cursor: the cost of a full keyset scan.
    let started = Instant::now();
    let mut pages = 0;
    let mut cursor: Option<String> = None;
    loop {
        let mut url = format!("{base}/api/v1/customers?limit=200&sort=name");
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let page: Value = client
            .get(url)
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        pages += 1;
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    println!(
        "{:<44} {pages:>6} pages of 200 in {:.1} ms",
        "keyset walk over all customers",
        started.elapsed().as_secs_f64() * 1e3
    );
}
