//! A benchmark that prints figures: webhook delivery by one replica to a local receiver.
//! It starts Rapport in-process with its delivery worker and a receiver on the loopback
//! address, then measures
//!
//! 1. throughput: `RAPPORT_BENCH_EVENTS` events are written while the endpoint is off, then it
//!    is turned on and the time until the receiver has them all gives events per second;
//! 2. lag: with the endpoint on, customers are created by concurrent clients and each event's
//!    lag is the instant the receiver got it minus its `occurred_at` (the instant of the
//!    change, within its transaction: commit to delivery, plus the transaction's own time).
//!
//! cargo run --release --example webhook_delivery                  # SQLite in a temporary file
//! RAPPORT_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
//!   cargo run --release --example webhook_delivery                # an existing, empty database
//! RAPPORT_BENCH_EVENTS=5000 RAPPORT_BENCH_CLIENTS=8 …            # sizes

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rapport::config::Settings;
use rapport::startup::Application;
use serde_json::{Value, json};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What the receiver got: each event's id, when it arrived and when it happened.
type Arrivals = Arc<Mutex<Vec<(String, DateTime<Utc>, DateTime<Utc>)>>>;

fn start_receiver(arrivals: Arrivals) -> String {
    let server = actix_web::HttpServer::new(move || {
        let arrivals = arrivals.clone();
        actix_web::App::new().default_service(actix_web::web::to(
            move |body: actix_web::web::Bytes| {
                let arrivals = arrivals.clone();
                async move {
                    let now = Utc::now();
                    let event: Value = serde_json::from_slice(&body).unwrap_or_default();
                    let occurred = event["occurred_at"]
                        .as_str()
                        .and_then(|t| t.parse().ok())
                        .unwrap_or(now);
                    let id = event["id"].as_str().unwrap_or_default().to_string();
                    arrivals.lock().unwrap().push((id, now, occurred));
                    actix_web::HttpResponse::NoContent().finish()
                }
            },
        ))
    })
    .workers(2)
    .bind("127.0.0.1:0")
    .expect("receiver binds");
    let port = server.addrs()[0].port();
    tokio::spawn(server.run());
    format!("http://127.0.0.1:{port}/hooks")
}

async fn create_customers(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    clients: usize,
    total: usize,
    tag: &str,
) {
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (client, base, token, tag) = (
                client.clone(),
                base.to_string(),
                token.to_string(),
                tag.to_string(),
            );
            tokio::spawn(async move {
                let mut i = c;
                while i < total {
                    let res = client
                        .post(format!("{base}/api/v1/customers"))
                        .bearer_auth(&token)
                        .json(&json!({"name": format!("{tag} {i:06}")}))
                        .send()
                        .await
                        .expect("request");
                    assert!(res.status().is_success(), "status {}", res.status());
                    i += clients;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("task");
    }
}

async fn wait_for(arrivals: &Arrivals, count: usize, limit: Duration) -> Duration {
    let started = Instant::now();
    while arrivals.lock().unwrap().len() < count {
        assert!(
            started.elapsed() < limit,
            "only {} of {count} events arrived within {limit:?}",
            arrivals.lock().unwrap().len()
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    started.elapsed()
}

#[tokio::main]
async fn main() {
    let events = env_number("RAPPORT_BENCH_EVENTS", 3000);
    let patience = Duration::from_secs(env_number("RAPPORT_BENCH_PATIENCE_SECS", 300) as u64);
    let lag_events = env_number("RAPPORT_BENCH_LAG_EVENTS", 1000);
    let clients = env_number("RAPPORT_BENCH_CLIENTS", 8);
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
        // The delivery worker runs with the scheduler; its other passes wait an hour.
        ("RAPPORT_SCHEDULER", "on"),
        ("RAPPORT_SCHEDULER_INTERVAL_SECS", "3600"),
        ("RAPPORT_WEBHOOK_ALLOW_HTTP", "true"),
        ("RAPPORT_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"),
        ("RAPPORT_LOG", "warn"),
    ]
    .into_iter()
    .collect();
    // Warnings (a failed pass, a delivery not recorded) would explain poor figures.
    rapport::telemetry::init("warn", rapport::config::LogFormat::Text);
    let settings = Settings::from_lookup(|k| vars.get(k).map(|v| v.to_string())).expect("settings");
    let app = Application::build(settings).await.expect("app");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let backend = if database_url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };

    let arrivals: Arrivals = Arc::default();
    let url = start_receiver(arrivals.clone());
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
    let hook: Value = client
        .post(format!("{base}/api/v1/webhooks"))
        .bearer_auth(&token)
        .json(&json!({"url": url, "event_types": ["customer.created"], "active": false}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let hook_url = format!("{base}/api/v1/webhooks/{}", hook["id"].as_str().unwrap());
    println!(
        "Rapport webhook delivery on {backend}: one replica, a local receiver, {events} events queued, then {lag_events} live from {clients} clients"
    );

    create_customers(&client, &base, &token, clients, events, "Queued").await;
    let res = client
        .patch(&hook_url)
        .bearer_auth(&token)
        .header("If-Match", "\"1\"")
        .json(&json!({"active": true}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    let took = wait_for(&arrivals, events, patience).await;
    println!(
        "throughput: {events} queued events delivered in {:.2} s: {:.0} events/s",
        took.as_secs_f64(),
        events as f64 / took.as_secs_f64()
    );

    arrivals.lock().unwrap().clear();
    let started = Instant::now();
    create_customers(&client, &base, &token, clients, lag_events, "Live").await;
    let writing = started.elapsed();
    wait_for(&arrivals, lag_events, patience).await;
    let mut lags: Vec<f64> = arrivals
        .lock()
        .unwrap()
        .iter()
        .map(|(_, at, occurred)| (*at - *occurred).num_microseconds().unwrap_or(0) as f64 / 1e3)
        .collect();
    lags.sort_by(f64::total_cmp);
    let at = |q: f64| lags[((lags.len() as f64 * q) as usize).min(lags.len() - 1)];
    println!(
        "lag (change to delivery) while {lag_events} customers were created at {:.0}/s: p50 {:.1} ms  p99 {:.1} ms  max {:.1} ms",
        lag_events as f64 / writing.as_secs_f64(),
        at(0.50),
        at(0.99),
        lags.last().copied().unwrap_or_default()
    );
    let mut ids: Vec<&String> = Vec::new();
    let seen = arrivals.lock().unwrap();
    ids.extend(seen.iter().map(|(id, _, _)| id));
    ids.sort();
    ids.dedup();
    println!("each event once: {}", ids.len() == seen.len());
}
