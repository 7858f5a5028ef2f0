//! The delivery worker: runs beside the interval scheduler on every replica, turning new
//! events into deliveries and sending what is due, without waiting for one endpoint before
//! serving the next. Each endpoint has at most [`PER_ENDPOINT`] tries in flight from this
//! replica, so a slow receiver (up to the send timeout per try) holds only its own share.
//! It looks again as soon as a try ends, and otherwise every [`IDLE`].

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sea_orm::DatabaseConnection;
use tokio::sync::Notify;
use uuid::Uuid;

use crate::clock::Clock;
use crate::domain::webhook::delivery::{self, Outbound};
use crate::store;

/// Tries in flight per endpoint from one replica.
pub const PER_ENDPOINT: usize = 16;

/// How long the worker waits when nothing happened.
pub const IDLE: Duration = Duration::from_millis(200);

pub fn spawn(db: DatabaseConnection, outbound: Outbound, clock: Clock) {
    tokio::spawn(async move {
        let in_flight: Arc<Mutex<HashMap<Uuid, usize>>> = Arc::default();
        let wake = Arc::new(Notify::new());
        loop {
            if let Err(err) = tick(&db, &outbound, &clock, &in_flight, &wake).await {
                tracing::warn!(error.cause = %err, "webhook delivery pass failed");
            }
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(IDLE) => {}
            }
        }
    });
}

async fn tick(
    db: &DatabaseConnection,
    outbound: &Outbound,
    clock: &Clock,
    in_flight: &Arc<Mutex<HashMap<Uuid, usize>>>,
    wake: &Arc<Notify>,
) -> Result<(), crate::model::error::DomainError> {
    delivery::fan_out(db, clock.now()).await?;
    for hook in store::webhooks::active(db).await? {
        let busy = in_flight
            .lock()
            .map(|m| m.get(&hook.id).copied().unwrap_or(0))
            .unwrap_or(PER_ENDPOINT);
        if busy >= PER_ENDPOINT {
            continue;
        }
        let now = clock.now();
        let claim = delivery::claim(db, hook, (PER_ENDPOINT - busy) as u64, now).await?;
        let hook = Arc::new(claim.webhook);
        for d in claim.deliveries {
            if let Ok(mut m) = in_flight.lock() {
                *m.entry(hook.id).or_default() += 1;
            }
            let (db, outbound, hook, in_flight, wake, clock) = (
                db.clone(),
                outbound.clone(),
                hook.clone(),
                in_flight.clone(),
                wake.clone(),
                clock.clone(),
            );
            tokio::spawn(async move {
                if let Err(err) = delivery::attempt(&db, &outbound, &hook, d, clock.now()).await {
                    tracing::warn!(webhook.id = %hook.id, error.cause = %err, "webhook delivery not recorded");
                }
                if let Ok(mut m) = in_flight.lock()
                    && let Some(n) = m.get_mut(&hook.id)
                {
                    *n = n.saturating_sub(1);
                }
                wake.notify_one();
            });
        }
    }
    Ok(())
}
