//! A circuit breaker on the PostgreSQL primary, so that while the database is down every
//! request hears so at once instead of waiting out the pool's acquire timeout (3 s).
//!
//! A monitor of its own, on one connection outside the pool, pings the database a few times a
//! second. When a ping fails or takes too long, a fresh connection decides: the pool may only
//! be busy, or the backends may have been terminated with the database still up, and neither
//! is an outage. When that connection cannot be made either, the breaker opens: requests are
//! answered 503 at once and those waiting are answered too. One probe at a time (the monitor's
//! next connection attempt) closes it again once the database answers.
//!
//! SQLite is a file in the process, never "down": there the breaker stays closed.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sea_orm::sqlx::Connection;
use sea_orm::sqlx::postgres::PgConnection;
use tokio::sync::watch;

/// How often the monitor pings while the database answers, and probes while it does not.
const CHECK_EVERY: Duration = Duration::from_millis(250);
/// A ping, or a new connection, slower than this counts as failed.
const PING_WITHIN: Duration = Duration::from_millis(400);
const CONNECT_WITHIN: Duration = Duration::from_millis(500);

pub struct Breaker {
    open: AtomicBool,
    changes: watch::Sender<bool>,
}

impl Breaker {
    /// A breaker that never opens (SQLite, tests of other things).
    pub fn closed() -> Arc<Self> {
        Arc::new(Self {
            open: AtomicBool::new(false),
            changes: watch::channel(false).0,
        })
    }

    /// A breaker watching the PostgreSQL database at `url` (closed for SQLite).
    pub fn watching(url: &str) -> Arc<Self> {
        let breaker = Self::closed();
        if !super::is_sqlite(url) {
            metrics::gauge!("db_breaker_open").set(0.0);
            tokio::spawn(monitor(url.to_string(), breaker.clone()));
        }
        breaker
    }

    pub fn is_open(&self) -> bool {
        self.open.load(Ordering::SeqCst)
    }

    /// Resolves once the breaker is open (at once when it is).
    pub async fn opened(&self) {
        let mut changes = self.changes.subscribe();
        let _ = changes.wait_for(|open| *open).await;
    }

    fn set(&self, open: bool) {
        if self.open.swap(open, Ordering::SeqCst) != open {
            self.changes.send_replace(open);
            metrics::gauge!("db_breaker_open").set(if open { 1.0 } else { 0.0 });
            if open {
                tracing::error!(
                    "the database does not answer: requests are answered 503 until it does"
                );
            } else {
                tracing::info!("the database answers again");
            }
        }
    }
}

/// A new connection to `url` within [`CONNECT_WITHIN`].
async fn connect(url: &str) -> Option<PgConnection> {
    match tokio::time::timeout(CONNECT_WITHIN, PgConnection::connect(url)).await {
        Ok(Ok(conn)) => Some(conn),
        _ => None,
    }
}

async fn monitor(url: String, breaker: Arc<Breaker>) {
    let mut conn: Option<PgConnection> = None;
    loop {
        tokio::time::sleep(CHECK_EVERY).await;
        let answered = match conn.as_mut() {
            Some(c) => matches!(
                tokio::time::timeout(PING_WITHIN, c.ping()).await,
                Ok(Ok(()))
            ),
            None => false,
        };
        if answered {
            breaker.set(false);
            continue;
        }
        // A connection that failed its ping is not trusted again; a fresh one decides.
        conn = connect(&url).await;
        breaker.set(conn.is_none());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn opening_wakes_those_waiting_and_closing_reports_closed() {
        let breaker = Breaker::closed();
        let waiting = {
            let breaker = breaker.clone();
            tokio::spawn(async move { breaker.opened().await })
        };
        assert!(!breaker.is_open());
        breaker.set(true);
        tokio::time::timeout(Duration::from_secs(1), waiting)
            .await
            .expect("woken")
            .unwrap();
        assert!(breaker.is_open());
        breaker.set(false);
        assert!(!breaker.is_open());
    }

    #[tokio::test]
    async fn an_unreachable_database_opens_the_breaker() {
        // Nothing listens on port 1.
        let breaker = Breaker::watching("postgres://nobody@127.0.0.1:1/none");
        tokio::time::timeout(Duration::from_secs(2), breaker.opened())
            .await
            .expect("opened within two checks");
    }
}
