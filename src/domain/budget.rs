//! How much expensive work one caller may have in flight. Evaluating segment rules is the
//! costliest read the API offers (pattern matches over every customer); each caller gets a
//! few at a time and all callers together at most half the connection pool, so that cheap
//! requests always find a connection. The counts are per process: with N replicas a caller
//! may run N times as many, each replica's pool protected all the same.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};
use uuid::Uuid;

use crate::model::error::{DomainError, DomainResult};

/// Segment evaluations one caller may run at once.
pub const PER_CALLER: usize = 2;
/// How long an evaluation waits for a free slot before it is turned away.
pub const SLOT_WAIT: Duration = Duration::from_secs(2);

pub struct Evaluations {
    running: Mutex<HashMap<Uuid, usize>>,
    slots: Semaphore,
    wait: Duration,
}

/// A running evaluation; dropping it frees its places.
pub struct Evaluation<'a> {
    owner: &'a Evaluations,
    caller: Uuid,
    _slot: SemaphorePermit<'a>,
}

impl Evaluations {
    /// `slots`: evaluations all callers together may run at once; `wait`: how long one
    /// waits for a free slot.
    pub fn new(slots: usize, wait: Duration) -> Self {
        Self {
            running: Mutex::new(HashMap::new()),
            slots: Semaphore::new(slots.max(1)),
            wait,
        }
    }

    fn running(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, usize>> {
        // The map holds plain counts; a panic elsewhere cannot leave it inconsistent.
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn leave(&self, caller: Uuid) {
        let mut running = self.running();
        if let Some(n) = running.get_mut(&caller) {
            *n -= 1;
            if *n == 0 {
                running.remove(&caller);
            }
        }
    }

    /// Takes a place for one evaluation by `caller`: 429 when the caller already runs
    /// `PER_CALLER`, 503 when every slot stays busy for a while.
    pub async fn enter(&self, caller: Uuid) -> DomainResult<Evaluation<'_>> {
        {
            let mut running = self.running();
            let n = running.entry(caller).or_default();
            if *n >= PER_CALLER {
                return Err(DomainError::Throttled {
                    detail: format!(
                        "at most {PER_CALLER} segment evaluations per caller run at once; retry when one has finished"
                    ),
                    retry_after_secs: 1,
                });
            }
            *n += 1;
        }
        match tokio::time::timeout(self.wait, self.slots.acquire()).await {
            Ok(Ok(slot)) => Ok(Evaluation {
                owner: self,
                caller,
                _slot: slot,
            }),
            _ => {
                self.leave(caller);
                Err(DomainError::Overloaded(
                    "every segment evaluation slot is busy; retry shortly".into(),
                ))
            }
        }
    }
}

impl Drop for Evaluation<'_> {
    fn drop(&mut self) {
        self.owner.leave(self.caller);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn callers_get_a_few_places_each() {
        let evaluations = Evaluations::new(3, SLOT_WAIT);
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let first = evaluations.enter(a).await.unwrap();
        let second = evaluations.enter(a).await.unwrap();
        assert!(matches!(
            evaluations.enter(a).await,
            Err(DomainError::Throttled { .. })
        ));
        let other = evaluations.enter(b).await.unwrap();
        drop(first);
        let third = evaluations.enter(a).await.unwrap();
        drop((second, third, other));
        assert!(evaluations.running().is_empty());
    }

    #[tokio::test]
    async fn a_full_house_turns_callers_away() {
        let evaluations = Evaluations::new(1, Duration::from_millis(10));
        let _held = evaluations.enter(Uuid::now_v7()).await.unwrap();
        let caller = Uuid::now_v7();
        assert!(matches!(
            evaluations.enter(caller).await,
            Err(DomainError::Overloaded(_))
        ));
        assert!(!evaluations.running().contains_key(&caller));
    }
}
