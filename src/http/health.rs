//! Operational endpoints, without authentication.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::state::AppState;

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"status": "ok"}))]
pub struct Health {
    #[schema(example = "ok")]
    pub status: String,
}

/// Liveness: the process answers
///
/// Answers 200 as long as the process serves HTTP, whatever the database does; an
/// orchestrator restarts the process when it stops answering.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "The process is serving", body = Health)),
    security(())
)]
#[get("/health/live")]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".into(),
    })
}

/// The longest a readiness answer waits for the database.
const READY_WITHIN: std::time::Duration = std::time::Duration::from_millis(800);

/// Readiness: the database answers and the process is not shutting down
///
/// 200 when a database connection answers a ping, 503 with `Retry-After` otherwise, so that a
/// load balancer sends requests only to replicas that can serve them. It answers within a
/// second in every state: a ping slower than that is a failure, and while the database is
/// known to be down (the circuit breaker is open) it answers 503 at once. From SIGTERM on it
/// answers 503 `draining` at once, while the requests in flight are finished.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (
            status = 503,
            description = "The database is not answering (`database unavailable`), or the process is shutting down (`draining`)",
            body = Health,
            example = json!({"status": "database unavailable"})
        ),
    ),
    security(())
)]
#[get("/health/ready")]
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    if state.drain.is_draining() {
        return HttpResponse::ServiceUnavailable()
            .insert_header(("Retry-After", "5"))
            .json(Health {
                status: "draining".into(),
            });
    }
    // Within a second in every state: at once while the breaker is open, and a ping that
    // waits longer (for a busy pool, a database not answering) counts as failed.
    let answered = !state.breaker.is_open()
        && matches!(
            tokio::time::timeout(READY_WITHIN, state.db.ping()).await,
            Ok(Ok(()))
        );
    if answered {
        HttpResponse::Ok().json(Health {
            status: "ok".into(),
        })
    } else {
        HttpResponse::ServiceUnavailable()
            .insert_header(("Retry-After", "5"))
            .json(Health {
                status: "database unavailable".into(),
            })
    }
}

/// Prometheus metrics
///
/// Requests and their latency by route template, method and status; the database pool
/// (connections in use, idle, and requests that waited for one); scheduler passes (runs,
/// duration, records affected). Text exposition format 0.0.4.
#[utoipa::path(
    tag = "operations",
    responses((
        status = 200,
        description = "Prometheus text exposition",
        body = String,
        content_type = "text/plain",
        example = json!("# TYPE http_requests_total counter\nhttp_requests_total{method=\"GET\",route=\"/api/v1/customers\",status=\"200\"} 42\n")
    )),
    security(())
)]
#[get("/metrics")]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    for (pool, db) in [("main", &state.db), ("bulk", &state.bulk_db)] {
        if let Some(usage) = crate::db::pool_usage(db) {
            crate::telemetry::observe_pool(pool, usage);
        }
    }
    if let Some(standby) = state.reads.standby_pool() {
        if let Some(usage) = crate::db::pool_usage(standby) {
            crate::telemetry::observe_pool("replica", usage);
        }
        crate::telemetry::observe_replica(state.reads.standby_lag(), state.reads.on_standby());
    }
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(crate::telemetry::render_metrics())
}
