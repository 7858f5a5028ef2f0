//! SQLite's writers queue in the process, first come first served, instead of polling the
//! database's write lock. SQLite lets one transaction write at a time; one that finds the
//! lock taken retries on a growing sleep (its busy handler: 1, 2, 5 … 100 ms), so under a
//! burst of writes a waiter that has slept long keeps missing its turn and the slowest write
//! takes seconds. Here a writer waits for a turn on a fair semaphore before `BEGIN
//! IMMEDIATE`; the turn passes on when its transaction ends, which the connection's commit
//! and rollback hooks report.
//!
//! Only one transaction per database file holds the write lock, so the turn of the writer
//! that holds it is kept once per file, whichever connection (or pool) it is on. A turn
//! that is never handed back (a connection lost in the middle of a transaction, which
//! reports no rollback) is taken back from whoever waits past [`TURN_WAIT`]; from then on
//! SQLite's own lock still orders the writers, as it does for writes outside transactions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use sea_orm::sqlx::SqliteConnection;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The longest a writer waits for its turn before it goes ahead on SQLite's lock alone.
const TURN_WAIT: Duration = Duration::from_secs(1);

pub struct WriterGate {
    turns: Arc<Semaphore>,
    /// The turn of the writer in its transaction now.
    held: Mutex<Option<OwnedSemaphorePermit>>,
}

impl WriterGate {
    /// The gate of the database file at `path`.
    pub fn of(path: &Path) -> Arc<Self> {
        static GATES: OnceLock<Mutex<HashMap<PathBuf, Arc<WriterGate>>>> = OnceLock::new();
        let gates = GATES.get_or_init(|| Mutex::new(HashMap::new()));
        let mut gates = gates
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        gates
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                Arc::new(Self {
                    turns: Arc::new(Semaphore::new(1)),
                    held: Mutex::new(None),
                })
            })
            .clone()
    }

    /// Waits for this writer's turn; `None` when it waited past [`TURN_WAIT`] (the turn
    /// held then is taken back, as one never handed back would be).
    pub async fn wait_turn(&self) -> Option<OwnedSemaphorePermit> {
        match tokio::time::timeout(TURN_WAIT, self.turns.clone().acquire_owned()).await {
            Ok(Ok(turn)) => Some(turn),
            _ => {
                self.hand_back();
                None
            }
        }
    }

    /// The writer that waited for `turn` is in its transaction now.
    pub fn enter(&self, turn: OwnedSemaphorePermit) {
        *self.held.lock().unwrap_or_else(|p| p.into_inner()) = Some(turn);
    }

    /// A transaction ended: the next writer's turn.
    fn hand_back(&self) {
        let turn = self.held.lock().unwrap_or_else(|p| p.into_inner()).take();
        drop(turn);
    }

    /// Has `conn` report the end of each of its transactions to the gate.
    pub async fn watch(
        self: &Arc<Self>,
        conn: &mut SqliteConnection,
    ) -> Result<(), sea_orm::sqlx::Error> {
        let mut handle = conn.lock_handle().await?;
        let on_commit = self.clone();
        handle.set_commit_hook(move || {
            on_commit.hand_back();
            true
        });
        let on_rollback = self.clone();
        handle.set_rollback_hook(move || on_rollback.hand_back());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn turns_pass_in_order_and_a_lost_one_is_taken_back() {
        let gate = WriterGate::of(Path::new("/tmp/rapport-gate-test.db"));
        let first = gate.wait_turn().await.unwrap();
        gate.enter(first);
        let waiting = {
            let gate = gate.clone();
            tokio::spawn(async move {
                let turn = gate.wait_turn().await;
                let got = turn.is_some();
                // In its transaction, it will never hand its turn back.
                turn.into_iter().for_each(|t| gate.enter(t));
                got
            })
        };
        tokio::task::yield_now().await;
        gate.hand_back();
        assert!(waiting.await.unwrap(), "the next writer's turn");
        // That turn is never handed back: the next writer waits a second, then goes ahead.
        let started = std::time::Instant::now();
        assert!(gate.wait_turn().await.is_none());
        assert!(started.elapsed() >= TURN_WAIT);
        assert!(gate.wait_turn().await.is_some());
    }
}
