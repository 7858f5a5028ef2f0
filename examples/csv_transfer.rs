//! Prints how long a CSV import of many customers takes (a dry run, the import, and the same
//! file again as a re-import that matches every row) and the process's peak memory during
//! each, then how long their export takes and the memory meanwhile. Starts Rapport
//! in-process on a fresh database.
//!
//! cargo run --release --example csv_transfer                       # SQLite, temporary file
//! RAPPORT_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/csv \
//!   cargo run --release --example csv_transfer                     # an empty PostgreSQL database
//! RAPPORT_BENCH_CUSTOMERS=20000 …                                  # size (default 100000)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::Instant;

use rapport::config::Settings;
use rapport::startup::Application;
use serde_json::{Value, json};

/// A field of /proc/self/status, in MiB (Linux).
fn memory(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Starts a new peak-memory measurement (Linux: writing 5 to clear_refs resets VmHWM).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn file(customers: usize) -> String {
    let tiers = ["general", "important", "key"];
    let mut text = String::from("name,email,phone,tier,city,tags,attributes\n");
    for i in 0..customers {
        text.push_str(&format!(
            "Customer {i:07},c{i}@example.com,+49 30 {i:07},{},Berlin,\"vip;fair {}\",\"{{\"\"plan\"\":\"\"pro\"\",\"\"seats\"\":{}}}\"\n",
            tiers[i % 3],
            i % 10,
            i % 100
        ));
    }
    text
}

#[tokio::main]
async fn main() {
    let customers: usize = std::env::var("RAPPORT_BENCH_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let database_url = std::env::var("RAPPORT_BENCH_DATABASE_URL").unwrap_or_else(|_| {
        let path =
            std::env::temp_dir().join(format!("rapport-csv-{}.db", uuid::Uuid::now_v7().simple()));
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
    let body = file(customers);
    println!(
        "{backend}: {customers} customers, a {:.1} MiB file",
        body.len() as f64 / 1048576.0
    );

    for (label, query) in [
        ("import, dry run", "?dry_run=true"),
        ("import", ""),
        ("import again, every row matched and skipped", ""),
        (
            "import again, every row matched and updated (unchanged)",
            "?on_duplicate=update",
        ),
    ] {
        reset_peak();
        let t = Instant::now();
        let res = client
            .post(format!("{base}/api/v1/customers/import{query}"))
            .bearer_auth(&token)
            .header("content-type", "text/csv")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{}", res.status());
        let result: Value = res.json().await.unwrap();
        println!(
            "{label:<58} {:>8.2} s  created {} updated {} skipped {} errors {}; peak RSS {:.0} MiB",
            t.elapsed().as_secs_f64(),
            result["created"],
            result["updated"],
            result["skipped"],
            result["errors"].as_array().map_or(0, Vec::len),
            memory("VmHWM:")
        );
    }

    let before = memory("VmRSS:");
    reset_peak();
    let t = Instant::now();
    let mut res = client
        .get(format!("{base}/api/v1/customers/export"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    let (mut bytes, mut lines) = (0usize, 0usize);
    while let Some(chunk) = res.chunk().await.unwrap() {
        bytes += chunk.len();
        lines += chunk.iter().filter(|&&b| b == b'\n').count();
    }
    println!(
        "{:<58} {:>8.2} s  {lines} lines, {:.1} MiB; process RSS {before:.0} MiB before, peak {:.0} MiB during",
        "export",
        t.elapsed().as_secs_f64(),
        bytes as f64 / 1048576.0,
        memory("VmHWM:")
    );
}
