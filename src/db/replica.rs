//! Reads that may be a little stale (reports, exports, segment counts) served by a PostgreSQL
//! hot standby, as long as it is known to be no further behind the primary than a bound.
//!
//! How far behind it is, is measured rather than guessed from timestamps: a monitor samples
//! the primary's WAL position with the instant it read it, and the standby's replayed
//! position. Everything committed before a sample whose position the standby has replayed is
//! visible there, so the standby is at most `now - that sample's instant` behind. When that
//! exceeds the bound, or the standby stops answering, or the monitor itself stalls, reads go
//! to the primary until the standby catches up again.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

use crate::config::ReplicaSettings;

/// Where a read that tolerates staleness goes.
#[derive(Clone)]
pub struct Reads {
    primary: DatabaseConnection,
    standby: Option<Arc<Standby>>,
}

struct Standby {
    pool: DatabaseConnection,
    max_lag: Duration,
    /// When the monitor started; instants below are nanoseconds after it.
    origin: Instant,
    /// The newest instant up to which the standby is known to have everything, plus one
    /// (0: never confirmed).
    confirmed: AtomicU64,
}

/// The most samples the monitor keeps while the standby is far behind: at one every
/// [`check_interval`] this covers hours, after which the bound simply stays exceeded.
const MAX_SAMPLES: usize = 50_000;

impl Reads {
    /// Every read on the primary.
    pub fn primary_only(primary: DatabaseConnection) -> Self {
        Self {
            primary,
            standby: None,
        }
    }

    /// Connects to the standby (lazily: one that is down at startup is simply not used yet)
    /// and starts the monitor that decides whether it is fresh enough.
    pub async fn with_standby(
        primary: DatabaseConnection,
        settings: &ReplicaSettings,
        statement_timeout: Duration,
    ) -> Result<Self, DbErr> {
        let pool = super::connect_standby(&settings.url, statement_timeout).await?;
        let standby = Arc::new(Standby {
            pool,
            max_lag: settings.max_lag,
            origin: Instant::now(),
            confirmed: AtomicU64::new(0),
        });
        tokio::spawn(monitor(primary.clone(), standby.clone()));
        Ok(Self {
            primary,
            standby: Some(standby),
        })
    }

    /// The standby while it is within the bound, else the primary.
    pub fn db(&self) -> &DatabaseConnection {
        match &self.standby {
            Some(standby) if standby.fresh() => &standby.pool,
            _ => &self.primary,
        }
    }

    /// The standby's own pool, for its metrics.
    pub fn standby_pool(&self) -> Option<&DatabaseConnection> {
        self.standby.as_ref().map(|s| &s.pool)
    }

    /// Whether [`Reads::db`] is the standby now.
    pub fn on_standby(&self) -> bool {
        self.standby.as_ref().is_some_and(|s| s.fresh())
    }

    /// How far behind the standby is known to be at most (`None`: no standby, or never
    /// confirmed).
    pub fn standby_lag(&self) -> Option<Duration> {
        self.standby.as_ref().and_then(|s| s.lag())
    }
}

impl Standby {
    fn fresh(&self) -> bool {
        self.lag().is_some_and(|lag| lag <= self.max_lag)
    }

    fn lag(&self) -> Option<Duration> {
        match self.confirmed.load(Ordering::Acquire) {
            0 => None,
            at => Some(
                self.origin
                    .elapsed()
                    .saturating_sub(Duration::from_nanos(at - 1)),
            ),
        }
    }

    fn confirm(&self, at: Instant) {
        let nanos = u64::try_from(at.duration_since(self.origin).as_nanos()).unwrap_or(u64::MAX);
        self.confirmed
            .fetch_max(nanos.saturating_add(1), Ordering::AcqRel);
    }
}

/// Often enough that a caught-up standby is confirmed well within the bound.
fn check_interval(max_lag: Duration) -> Duration {
    (max_lag / 4).clamp(Duration::from_millis(50), Duration::from_secs(1))
}

async fn monitor(primary: DatabaseConnection, standby: Arc<Standby>) {
    let interval = check_interval(standby.max_lag);
    let mut samples = Samples::default();
    let mut warned = false;
    loop {
        let taken = Instant::now();
        if let Ok(Some(position)) = wal_position(&primary, PRIMARY_POSITION).await {
            samples.record(taken, position);
        }
        match wal_position(&standby.pool, STANDBY_POSITION).await {
            Ok(Some(replayed)) => {
                warned = false;
                if let Some(at) = samples.replayed(replayed) {
                    standby.confirm(at);
                }
            }
            Ok(None) => {
                if !warned {
                    tracing::warn!(
                        "RAPPORT_DATABASE_REPLICA_URL is not a hot standby (not in recovery): reads stay on the primary"
                    );
                    warned = true;
                }
            }
            Err(err) => {
                if !warned {
                    tracing::warn!(error.cause = %err, "the read replica does not answer: reads stay on the primary");
                    warned = true;
                }
            }
        }
        tokio::time::sleep(interval).await;
    }
}

/// The primary's WAL positions, each with the instant it was read, oldest first.
#[derive(Default)]
struct Samples(VecDeque<(Instant, i64)>);

impl Samples {
    fn record(&mut self, at: Instant, position: i64) {
        self.0.push_back((at, position));
        if self.0.len() > MAX_SAMPLES {
            self.0.pop_front();
        }
    }

    /// The newest instant up to which a standby that has replayed up to `replayed` holds
    /// everything the primary had committed; samples older than it are let go.
    fn replayed(&mut self, replayed: i64) -> Option<Instant> {
        while self.0.len() > 1 && self.0[1].1 <= replayed {
            self.0.pop_front();
        }
        match self.0.front() {
            Some(&(at, position)) if position <= replayed => Some(at),
            _ => None,
        }
    }
}

const PRIMARY_POSITION: &str = "SELECT (pg_current_wal_lsn() - '0/0')::bigint AS position";
/// NULL on a server that is not replaying WAL, i.e. not a standby.
const STANDBY_POSITION: &str = "SELECT CASE WHEN pg_is_in_recovery() \
     THEN (pg_last_wal_replay_lsn() - '0/0')::bigint END AS position";

async fn wal_position(db: &DatabaseConnection, sql: &str) -> Result<Option<i64>, DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await?;
    match row {
        Some(row) => row.try_get("", "position"),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standby_is_as_fresh_as_the_newest_sample_it_has_replayed() {
        let t0 = Instant::now();
        let at = |ms| t0 + Duration::from_millis(ms);
        let mut samples = Samples::default();
        // Nothing sampled yet: nothing is known.
        assert_eq!(samples.replayed(100), None);
        samples.record(at(0), 100);
        samples.record(at(250), 100);
        samples.record(at(500), 180);
        samples.record(at(750), 260);
        // Replayed up to 100: everything the primary had at 250 ms (still 100) is there.
        assert_eq!(samples.replayed(100), Some(at(250)));
        // Between two samples: only the older one is covered.
        assert_eq!(samples.replayed(200), Some(at(500)));
        assert_eq!(samples.replayed(260), Some(at(750)));
        // Behind the oldest sample still kept: unknown, so not fresh.
        let mut behind = Samples::default();
        behind.record(at(0), 300);
        assert_eq!(behind.replayed(299), None);
    }

    #[test]
    fn the_lag_counts_from_the_confirmed_instant_and_unknown_is_not_fresh() {
        let standby = Standby {
            pool: DatabaseConnection::default(),
            max_lag: Duration::from_secs(5),
            origin: Instant::now() - Duration::from_secs(60),
            confirmed: AtomicU64::new(0),
        };
        assert_eq!(standby.lag(), None);
        assert!(!standby.fresh());
        standby.confirm(Instant::now() - Duration::from_secs(10));
        assert!(standby.lag().unwrap() >= Duration::from_secs(10));
        assert!(!standby.fresh());
        standby.confirm(Instant::now());
        assert!(standby.fresh());
        // An older confirmation never moves it back.
        standby.confirm(Instant::now() - Duration::from_secs(30));
        assert!(standby.fresh());
    }

    #[test]
    fn the_monitor_checks_several_times_within_the_bound() {
        assert_eq!(
            check_interval(Duration::from_secs(5)),
            Duration::from_secs(1)
        );
        assert_eq!(
            check_interval(Duration::from_millis(1000)),
            Duration::from_millis(250)
        );
        assert_eq!(
            check_interval(Duration::from_millis(100)),
            Duration::from_millis(50)
        );
    }
}
