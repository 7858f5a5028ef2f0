//! `rapport-bench`: seeds a realistic data set, starts the release server on it, drives it
//! with wrk scenario by scenario at two concurrencies, compares GET by id with a minimal
//! baseline server in the same sitting, times a CSV import and scheduler passes, and prints
//! one table (and writes the same figures as JSON).
//!
//! cargo build --release
//! cargo run --release -p rapport-bench -- --db postgres --customers 1000000
//! cargo run --release -p rapport-bench -- --db sqlite

#![allow(clippy::print_stdout)]

mod baseline;
mod load;
mod report;
mod seed;
mod server;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::Utc;
use clap::{Parser, Subcommand, ValueEnum};
use load::{Requests, Scenario};
use rapport::config::Settings;
use report::{Figures, Row};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use server::Server;

#[derive(Parser, Debug)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the baseline (started by the benchmark itself).
    Baseline {
        #[arg(long)]
        database_url: String,
        #[arg(long)]
        bind: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Db {
    Sqlite,
    Postgres,
}

#[derive(clap::Args, Debug)]
struct RunArgs {
    /// The database to measure.
    #[arg(long, value_enum, default_value = "sqlite")]
    db: Db,
    /// PostgreSQL: the database to (re)create; SQLite: the file (default: a new file in
    /// the temporary directory).
    #[arg(long)]
    database_url: Option<String>,
    /// Customers to seed (default 1,000,000 on PostgreSQL, 100,000 on SQLite).
    #[arg(long)]
    customers: Option<usize>,
    /// Seconds each scenario runs at each concurrency.
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// Concurrencies to measure every scenario at: throughput, then latency.
    #[arg(long, value_delimiter = ',', default_values_t = [32, 8])]
    connections: Vec<u32>,
    /// Rows of the CSV import.
    #[arg(long, default_value_t = 100_000)]
    import_rows: usize,
    /// Where the figures are written as JSON.
    #[arg(long, default_value = "target/bench/rapport-bench.json")]
    json: PathBuf,
    /// Measure only the scenarios whose names contain one of these; `import` and
    /// `scheduler pass` name the imports and the passes.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rapport-bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command {
        Some(Command::Baseline { database_url, bind }) => {
            runtime.block_on(baseline::serve(&database_url, &bind))
        }
        None => runtime.block_on(run(cli.run)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rapport-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// The database URL to use, made empty: a PostgreSQL database dropped and created again, or a
/// new SQLite file.
async fn fresh_database(args: &RunArgs) -> Result<String, String> {
    match args.db {
        Db::Sqlite => {
            let url = args.database_url.clone().unwrap_or_else(|| {
                let path = std::env::temp_dir().join(format!(
                    "rapport-bench-{}.db",
                    uuid::Uuid::now_v7().simple()
                ));
                format!("sqlite://{}?mode=rwc", path.display())
            });
            let path = url
                .trim_start_matches("sqlite://")
                .split('?')
                .next()
                .unwrap_or_default()
                .to_string();
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{path}{suffix}"));
            }
            Ok(url)
        }
        Db::Postgres => {
            let url = args
                .database_url
                .clone()
                .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/rapport_bench".into());
            let (server, name) = url
                .rsplit_once('/')
                .ok_or("the PostgreSQL URL names no database")?;
            let name = name.split('?').next().unwrap_or(name);
            let admin = Database::connect(format!("{server}/postgres"))
                .await
                .map_err(err)?;
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await
                .map_err(err)?;
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .map_err(err)?;
            admin.close().await.map_err(err)?;
            Ok(url)
        }
    }
}

fn settings_for(url: &str) -> Result<Settings, String> {
    let vars = [
        ("RAPPORT_DATABASE_URL", url.to_string()),
        ("RAPPORT_JWT_SECRET", server::JWT_SECRET.to_string()),
        (
            "RAPPORT_BOOTSTRAP_ADMIN_EMAIL",
            seed::ADMIN_EMAIL.to_string(),
        ),
        (
            "RAPPORT_BOOTSTRAP_ADMIN_PASSWORD",
            seed::PASSWORD.to_string(),
        ),
        ("RAPPORT_SCHEDULER", "off".to_string()),
    ];
    Settings::from_lookup(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))
        .map_err(err)
}

async fn run(args: RunArgs) -> Result<(), String> {
    let rapport_bin = server::sibling("rapport")?;
    let me = std::env::current_exe().map_err(err)?;
    let customers = args.customers.unwrap_or(match args.db {
        Db::Postgres => 1_000_000,
        Db::Sqlite => 100_000,
    });
    let url = fresh_database(&args).await?;
    let backend = match args.db {
        Db::Postgres => "PostgreSQL",
        Db::Sqlite => "SQLite",
    };
    println!("{backend}: seeding {customers} customers");

    // The schema and defaults are the service's own: migrated, playbooks seeded, admin made.
    let settings = settings_for(&url)?;
    let db = rapport::startup::prepare_database(&settings)
        .await
        .map_err(err)?;
    let now = Utc::now();
    rapport::domain::playbook::seed_defaults(&db, now)
        .await
        .map_err(err)?;
    rapport::domain::user::ensure_bootstrap_admin(&db, settings.bootstrap_admin.as_ref(), now)
        .await
        .map_err(err)?;
    let seeded = seed::seed(&db, customers, now).await?;
    if args.db == Db::Postgres {
        // A bulk load leaves the planner's statistics behind until autovacuum catches up; a
        // running service has them.
        db.execute_unprepared("VACUUM ANALYZE").await.map_err(err)?;
    }
    db.close().await.map_err(err)?;
    println!(
        "seeded in {:.1} s ({} interactions, {} purchases, {} touchpoints)",
        seeded.elapsed.as_secs_f64(),
        customers * 5,
        customers * 2,
        customers
    );

    let port = server::free_port()?;
    let bind = format!("127.0.0.1:{port}");
    let env = server::server_env(&url, &bind);
    let rapport = Server::start(&rapport_bin, &[], &env, port, "/health/ready").await?;
    let admin = server::sign_in(&rapport.base, seed::ADMIN_EMAIL, seed::PASSWORD).await?;
    let mut agents = Vec::new();
    for k in 0..seed::OWNERS {
        agents.push(server::sign_in(&rapport.base, &seed::agent_email(k), seed::PASSWORD).await?);
    }
    let segments = create_segments(&rapport.base, &admin).await?;
    let scenarios = scenarios(&seeded, &admin, &agents, &segments);
    let dir = std::env::temp_dir().join(format!("rapport-bench-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).map_err(err)?;
    let duration = Duration::from_secs(args.duration);
    let wanted = |name: &str| args.only.is_empty() || args.only.iter().any(|o| name.contains(o));

    let mut figures = Figures::new(backend, customers, seeded.elapsed);
    for &connections in &args.connections {
        for scenario in scenarios.iter().filter(|s| wanted(&s.name)) {
            let measured = load::run(&rapport.base, scenario, connections, duration, &dir).await?;
            figures.push(Row::new(&scenario.name, connections, measured));
        }
    }

    // The member count of a dynamic segment, read by itself (an evaluation per request).
    let count = segment_count(&rapport.base, &admin, &segments[0]).await?;
    figures.segment_count_ms = Some(count);

    // GET by id against the baseline, alternating A B A B on the same data.
    if wanted("get by id") {
        let connections = args.connections.first().copied().unwrap_or(32);
        let get = scenarios
            .iter()
            .find(|s| s.name == "get by id")
            .ok_or("no get by id scenario")?;
        let baseline_port = server::free_port()?;
        let baseline_bind = format!("127.0.0.1:{baseline_port}");
        let mut pairs = Vec::new();
        for _ in 0..2 {
            let a = load::run(&rapport.base, get, connections, duration, &dir).await?;
            let baseline = Server::start(
                &me,
                &["baseline", "--database-url", &url, "--bind", &baseline_bind],
                &[],
                baseline_port,
                "/health",
            )
            .await?;
            let b = load::run(&baseline.base, get, connections, duration, &dir).await?;
            baseline.stop().await;
            pairs.push((a, b));
        }
        figures.baseline(connections, pairs);
    }
    figures.peak_rss_mib = rapport.peak_rss_mib();

    // A CSV import of new customers, then the same file again updating every row.
    if wanted("import") {
        figures.imports = import(&rapport.base, &admin, args.import_rows).await?;
    }
    rapport.stop().await;

    // The scheduler's pass over every customer, twice: the second finds nothing new due.
    let mut passes = Vec::new();
    for _ in 0..if wanted("scheduler pass") { 2 } else { 0 } {
        let started = Instant::now();
        let status = tokio::process::Command::new(&rapport_bin)
            .args(["scheduler", "run-once"])
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(std::process::Stdio::null())
            .status()
            .await
            .map_err(err)?;
        if !status.success() {
            return Err(format!("the scheduler pass failed: {status}"));
        }
        passes.push(started.elapsed());
    }
    figures.scheduler_passes = passes;

    figures.print();
    if let Some(dir) = args.json.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    std::fs::write(
        &args.json,
        serde_json::to_string_pretty(&figures.json()).map_err(err)?,
    )
    .map_err(err)?;
    println!("figures written to {}", args.json.display());
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Twenty dynamic segments of the kinds account managers keep; the first is measured.
async fn create_segments(base: &str, token: &str) -> Result<Vec<String>, String> {
    let client = reqwest::Client::new();
    let tiers = [
        json!(["important", "key"]),
        json!(["key"]),
        json!(["general"]),
        json!(["important"]),
    ];
    let plans = ["enterprise", "team", "starter"];
    let days = [30, 60, 90, 14, 45];
    let mut ids = Vec::new();
    for n in 0..20 {
        let rule = json!({"all": [
            {"field": "tier", "op": "in", "value": tiers[n % 4]},
            {"field": "last_contacted_at", "op": "older_than_days", "value": days[n % 5]},
            {"field": "attributes.plan", "op": "eq", "value": plans[n % 3]},
            {"not": {"field": "tags", "op": "contains", "value": "do-not-call"}}
        ]});
        let res: Value = client
            .post(format!("{base}/api/v1/segments"))
            .bearer_auth(token)
            .json(&json!({"name": format!("Bench segment {n}"), "kind": "dynamic", "rule": rule}))
            .send()
            .await
            .map_err(err)?
            .json()
            .await
            .map_err(err)?;
        ids.push(
            res["id"]
                .as_str()
                .ok_or_else(|| format!("segment not created: {res}"))?
                .to_string(),
        );
    }
    Ok(ids)
}

fn scenarios(
    seeded: &seed::Seeded,
    admin: &str,
    agents: &[String],
    segments: &[String],
) -> Vec<Scenario> {
    let admin = vec![admin.to_string()];
    let ids: Vec<String> = seeded.sample.iter().map(|id| id.to_string()).collect();
    let by_id: Vec<String> = ids
        .iter()
        .map(|id| format!("/api/v1/customers/{id}"))
        .collect();
    let lists: Vec<String> = seeded
        .owners
        .iter()
        .flat_map(|owner| {
            ["key", "important", "general"].map(|tier| {
                format!("/api/v1/customers?owner_id={owner}&tier={tier}&limit=50&sort=-last_contacted_at")
            })
        })
        .collect();
    let searches: Vec<String> = (0..500)
        .map(|i| {
            format!(
                "/api/v1/customers?q={}&limit=20",
                seed::search_term(i * 7919)
            )
        })
        .collect();
    let timelines: Vec<String> = ids
        .iter()
        .map(|id| format!("/api/v1/customers/{id}/timeline?limit=20"))
        .collect();
    let segment_pages: Vec<String> = segments
        .iter()
        .map(|id| format!("/api/v1/segments/{id}/customers?limit=50"))
        .collect();
    let scenario = |name: &str, tokens: &[String], requests: Requests| Scenario {
        name: name.into(),
        tokens: tokens.to_vec(),
        requests,
    };
    vec![
        scenario("get by id", &admin, Requests::Get(by_id.clone())),
        scenario("list owner+tier", &admin, Requests::Get(lists)),
        scenario("search q=", &admin, Requests::Get(searches)),
        // Each agent pages through a segment's members (their own customers in it).
        scenario(
            "segment page (agents)",
            agents,
            Requests::Get(segment_pages),
        ),
        scenario(
            "agenda (agents)",
            agents,
            Requests::Get(vec!["/api/v1/agenda?days=7".into()]),
        ),
        scenario("timeline", &admin, Requests::Get(timelines)),
        scenario("post customer", &admin, Requests::PostCustomer),
        scenario(
            "post interaction",
            &admin,
            Requests::PostInteraction(ids.clone()),
        ),
        scenario("mixed 80/20", &admin, Requests::Mixed(by_id, ids)),
    ]
}

/// Milliseconds of `GET /segments/{id}` (which counts the members), median of five.
async fn segment_count(base: &str, token: &str, id: &str) -> Result<f64, String> {
    let client = reqwest::Client::new();
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let res: Value = client
            .get(format!("{base}/api/v1/segments/{id}"))
            .bearer_auth(token)
            .send()
            .await
            .map_err(err)?
            .json()
            .await
            .map_err(err)?;
        if res["member_count"].as_u64().is_none() {
            return Err(format!("the segment was not counted: {res}"));
        }
        times.push(started.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[2])
}

/// Seconds of a CSV import of `rows` new customers; of the same customers again with a new
/// company and tags (changes within their records); and again with a new tier (a change
/// with consequences: each customer's cadence is planned anew).
async fn import(base: &str, token: &str, rows: usize) -> Result<Vec<(String, f64)>, String> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(300))
        .build()
        .map_err(err)?;
    let file = |tier: &str, company: &str| {
        let mut csv = String::from("name,email,phone,tier,tags,company\n");
        for i in 0..rows {
            csv.push_str(&format!(
                "Imported {i},imported{i}@bench.example,+4940{i:08},{tier},imported;{company},{company}\n"
            ));
        }
        csv
    };
    let mut out = Vec::new();
    for (label, query, tier, company) in [
        (format!("import {rows} new rows"), "", "general", "first"),
        (
            format!("import {rows} rows updating profiles"),
            "?on_duplicate=update",
            "general",
            "second",
        ),
        (
            format!("import {rows} rows re-tiering"),
            "?on_duplicate=update",
            "important",
            "second",
        ),
    ] {
        let started = Instant::now();
        let answered = async {
            let res = client
                .post(format!("{base}/api/v1/customers/import{query}"))
                .bearer_auth(token)
                .header("Content-Type", "text/csv")
                .body(file(tier, company))
                .send()
                .await
                .map_err(err)?;
            let status = res.status();
            let body = res.text().await.map_err(err)?;
            if status.is_success() {
                Ok(())
            } else {
                Err(format!("{status} {body}"))
            }
        }
        .await;
        // A failed or timed-out import is a figure too (NaN, shown as failed), not the end
        // of the run: the scheduler passes after it are still measured.
        match answered {
            Ok(()) => out.push((label, started.elapsed().as_secs_f64())),
            Err(cause) => {
                eprintln!(
                    "{label}: failed after {:.1} s: {cause}",
                    started.elapsed().as_secs_f64()
                );
                out.push((format!("{label} (failed)"), f64::NAN));
            }
        }
    }
    Ok(out)
}
