//! Logging through `tracing` (text or JSON) and the Prometheus recorder: requests by route
//! template, the database pools, scheduler passes.

use std::sync::OnceLock;
use std::time::Duration;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Registry};

use crate::config::LogFormat;
use crate::db::PoolUsage;

/// Where sqlx reports how long a connection took to acquire (see `db::timed_acquire`).
const POOL_ACQUIRE_TARGET: &str = "sqlx::pool::acquire";
/// An acquisition slower than this found no idle connection and waited for one.
const POOL_WAIT: f64 = 0.001;

/// Where actix-web's HTTP/1 connection handling reports requests it could not read at all
/// (malformed request lines and headers, connections cut mid-request). Those are the
/// client's mistakes, reported at ERROR by the library: anyone could flood the error log
/// with them, so they are counted in `http_malformed_requests_total` instead and logged
/// only when the filter names this target.
const CONNECTION_TARGET: &str = "actix_http::h1";

pub fn init(filter: &str, format: LogFormat) {
    let mut env_filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    if !filter.contains("actix_http")
        && let Ok(quiet) = format!("{CONNECTION_TARGET}=off").parse()
    {
        env_filter = env_filter.add_directive(quiet);
    }
    let filter = env_filter;
    let logs = tracing_subscriber::fmt::layer().with_target(false);
    let logs: Box<dyn Layer<Registry> + Send + Sync> = match format {
        LogFormat::Json => Box::new(
            logs.json()
                .flatten_event(true)
                .with_current_span(true)
                .with_span_list(false),
        ),
        LogFormat::Text => Box::new(logs),
    };
    // The pool's acquire events feed the metrics whatever the log filter lets through.
    let waits =
        PoolWaits.with_filter(Targets::new().with_target(POOL_ACQUIRE_TARGET, Level::TRACE));
    let malformed =
        MalformedRequests.with_filter(Targets::new().with_target(CONNECTION_TARGET, Level::WARN));
    // A second initialisation (tests) keeps the first subscriber.
    let _ = tracing_subscriber::registry()
        .with(logs.with_filter(filter))
        .with(waits)
        .with(malformed)
        .try_init();
}

/// Counts the requests the connection layer could not read.
struct MalformedRequests;

impl<S: Subscriber> Layer<S> for MalformedRequests {
    fn on_event(&self, _: &Event<'_>, _: Context<'_, S>) {
        metrics::counter!("http_malformed_requests_total").increment(1);
    }
}

/// Turns sqlx's acquire events into `db_pool_acquire_seconds` and `db_pool_waits_total`.
struct PoolWaits;

impl<S: Subscriber> Layer<S> for PoolWaits {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        struct Seconds(Option<f64>);
        impl Visit for Seconds {
            fn record_f64(&mut self, field: &Field, value: f64) {
                if field.name() == "acquired_after_secs" {
                    self.0 = Some(value);
                }
            }
            fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
        }
        let mut seconds = Seconds(None);
        event.record(&mut seconds);
        if let Some(seconds) = seconds.0 {
            metrics::histogram!("db_pool_acquire_seconds").record(seconds);
            if seconds > POOL_WAIT {
                metrics::counter!("db_pool_waits_total").increment(1);
            }
        }
    }
}

/// Sets the gauges of one pool (`main` for requests, `bulk` for CSV imports).
pub fn observe_pool(pool: &'static str, usage: PoolUsage) {
    let in_use = usage.open.saturating_sub(usage.idle);
    metrics::gauge!("db_pool_connections", "pool" => pool, "state" => "in_use").set(in_use);
    metrics::gauge!("db_pool_connections", "pool" => pool, "state" => "idle").set(usage.idle);
    metrics::gauge!("db_pool_max_connections", "pool" => pool).set(usage.max);
}

/// The read replica: how far behind the primary it is known to be at most (-1 while that is
/// unknown), and whether reads that tolerate staleness go to it now.
pub fn observe_replica(lag: Option<Duration>, serving: bool) {
    metrics::gauge!("db_replica_lag_seconds").set(lag.map_or(-1.0, |lag| lag.as_secs_f64()));
    metrics::gauge!("db_replica_serving_reads").set(if serving { 1.0 } else { 0.0 });
}

/// One scheduler pass: its duration, the records it touched, and whether it failed.
pub fn observe_pass(pass: &'static str, took: Duration, affected: Option<u64>) {
    metrics::histogram!("scheduler_pass_duration_seconds", "pass" => pass)
        .record(took.as_secs_f64());
    let (items, failures) = match affected {
        Some(n) => (n, 0),
        None => (0, 1),
    };
    // Both are touched every time, so that each pass shows a failure count from its first run.
    metrics::counter!("scheduler_pass_items_total", "pass" => pass).increment(items);
    metrics::counter!("scheduler_pass_failures_total", "pass" => pass).increment(failures);
    metrics::counter!("scheduler_passes_total", "pass" => pass).increment(1);
}

static METRICS: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process-wide recorder once; tests start several servers in one process.
pub fn init_metrics() {
    METRICS.get_or_init(|| {
        let handle = PrometheusBuilder::new()
            .set_buckets(&[
                0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ])
            .ok()?
            .install_recorder()
            .ok()?;
        // Shown from the start, so that a dashboard tells "no waits" from "not reported".
        metrics::counter!("db_pool_waits_total").absolute(0);
        metrics::counter!("http_malformed_requests_total").absolute(0);
        Some(handle)
    });
}

pub fn render_metrics() -> String {
    match METRICS.get() {
        Some(Some(handle)) => {
            handle.run_upkeep();
            handle.render()
        }
        _ => String::new(),
    }
}
