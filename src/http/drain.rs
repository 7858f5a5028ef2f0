//! Shutting down without dropping answers (the requests' side is `drain_guard`). On SIGTERM the process says at once that it is not
//! ready, stops accepting connections, and finishes the requests in flight within the grace
//! period (`RAPPORT_SHUTDOWN_GRACE_SECS`). New long work arriving on connections still open
//! (an import, an export, a campaign) is answered 503 rather than started, since it might not
//! end in time; other requests are still served, each answer closing its connection. When the
//! grace runs out, what is still running is logged and answered 503 (its transaction rolls
//! back) before the server stops, so that no caller sees a connection closed without an answer.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use actix_server::ServerHandle;
use actix_web::http::Method;
use tokio::sync::watch;

/// How long past the grace the server waits for the 503s of what was still running to be
/// written before it closes every connection.
pub const ANSWER_MARGIN: Duration = Duration::from_secs(2);

/// A request being answered.
struct Running {
    method: Method,
    route: String,
    started: Instant,
}

/// Whether the process is draining, whether its grace has run out, and what is running.
pub struct Drain {
    draining: AtomicBool,
    expired: watch::Sender<bool>,
    running: Mutex<HashMap<u64, Running>>,
    next_id: AtomicU64,
}

impl Default for Drain {
    fn default() -> Self {
        Self {
            draining: AtomicBool::new(false),
            expired: watch::channel(false).0,
            running: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
        }
    }
}

/// A request's place among those running; it leaves when dropped (answered or abandoned).
pub(crate) struct Ticket<'a> {
    drain: &'a Drain,
    id: u64,
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        if let Ok(mut running) = self.drain.running.lock() {
            running.remove(&self.id);
        }
    }
}

impl Drain {
    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::SeqCst)
    }

    /// Starts draining; false when a drain had started already.
    fn begin(&self) -> bool {
        !self.draining.swap(true, Ordering::SeqCst)
    }

    fn expire(&self) {
        self.expired.send_replace(true);
    }

    /// Resolves once the grace has run out.
    pub(crate) async fn expired(&self) {
        let mut expired = self.expired.subscribe();
        let _ = expired.wait_for(|expired| *expired).await;
    }

    /// Registers a request as running until the ticket is dropped.
    pub(crate) fn enter(&self, method: Method, route: String) -> Ticket<'_> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut running) = self.running.lock() {
            running.insert(
                id,
                Running {
                    method,
                    route,
                    started: Instant::now(),
                },
            );
        }
        Ticket { drain: self, id }
    }

    /// The requests running now: method, route template and how long they have run.
    fn running(&self) -> Vec<(Method, String, Duration)> {
        self.running.lock().map_or_else(
            |_| Vec::new(),
            |running| {
                running
                    .values()
                    .map(|r| (r.method.clone(), r.route.clone(), r.started.elapsed()))
                    .collect()
            },
        )
    }

    /// How many requests of `route` are running.
    pub fn running_on(&self, route: &str) -> usize {
        self.running().iter().filter(|(_, r, _)| r == route).count()
    }
}

/// Stops the server gracefully: the handle a signal, or a test, starts the drain with.
#[derive(Clone)]
pub struct Shutdown {
    pub(crate) handle: ServerHandle,
    pub(crate) drain: Arc<Drain>,
    pub(crate) grace: Duration,
}

impl Shutdown {
    pub fn is_draining(&self) -> bool {
        self.drain.is_draining()
    }

    /// How many requests of `route` (a route template) are being answered.
    pub fn running_on(&self, route: &str) -> usize {
        self.drain.running_on(route)
    }

    /// Drains and stops the server; returns when it has stopped (at once when another drain
    /// is under way).
    pub async fn run(self) {
        if !self.drain.begin() {
            return;
        }
        tracing::info!(
            grace_secs = self.grace.as_secs(),
            "shutting down: not ready, finishing the requests in flight"
        );
        let drain = self.drain.clone();
        let grace = self.grace;
        let expiry = tokio::spawn(async move {
            tokio::time::sleep(grace).await;
            let running = drain.running();
            for (method, route, running_for) in &running {
                tracing::warn!(
                    http.method = %method,
                    http.route = %route,
                    running_ms = running_for.as_millis() as u64,
                    "still running when the shutdown grace ran out: answered 503"
                );
            }
            drain.expire();
        });
        // The server's own shutdown timeout is the grace and the margin: past it, it closes
        // whatever connections are left.
        self.handle.stop(true).await;
        expiry.abort();
        tracing::info!("stopped");
    }
}

/// Waits for SIGTERM or SIGINT.
pub async fn signalled() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut terminate) => {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        Err(err) => {
            tracing::warn!(error = %err, "SIGTERM cannot be caught; stopping on SIGINT only");
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_register_forgets_a_request_when_its_ticket_goes() {
        let drain = Drain::default();
        let ticket = drain.enter(Method::GET, "/api/v1/customers".into());
        assert_eq!(drain.running_on("/api/v1/customers"), 1);
        drop(ticket);
        assert_eq!(drain.running_on("/api/v1/customers"), 0);
        assert!(drain.begin());
        assert!(!drain.begin());
    }
}
