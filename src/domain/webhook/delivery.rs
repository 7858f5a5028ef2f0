//! Delivering the feed to endpoints: events become deliveries (`fan_out`), a worker claims
//! the due ones (`claim`) and tries each (`attempt`), outside any transaction, so a slow or
//! dead receiver holds nothing but its own deliveries. A failed try is retried with
//! exponential backoff and jitter for [`RETRY_WINDOW`]; an endpoint that has failed for
//! longer than `RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS` is turned off.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use entity::{webhook_attempts, webhook_deliveries, webhooks};
use rand::Rng;
use sea_orm::{DatabaseConnection, Set};
use uuid::Uuid;

use super::signature;
use super::target::{self, Policy};
use crate::db::begin_write;
use crate::domain::feed;
use crate::dto::webhook::DeliveryState;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::CustomerScope;
use crate::store;

/// How long a delivery is retried after it was made.
pub const RETRY_WINDOW: chrono::Duration = chrono::Duration::hours(24);

/// How long a receiver has to answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How long a claimed delivery is the claimer's: longer than a try can take, so that only a
/// worker that stopped loses it to another.
const LEASE: chrono::Duration = chrono::Duration::seconds(60);

/// How much of an answer's body the log keeps.
const BODY_KEPT: usize = 1024;

/// Events turned into deliveries per endpoint and pass.
const FAN_OUT_BATCH: u64 = 1_000;

/// What a sender needs: an HTTP client that connects only where the policy allows, and when
/// to give up on an endpoint.
#[derive(Clone)]
pub struct Outbound {
    client: reqwest::Client,
    policy: Arc<Policy>,
    /// An endpoint failing this long is turned off.
    pub disable_after: chrono::Duration,
}

impl Outbound {
    pub fn new(policy: Policy, disable_after: chrono::Duration) -> Result<Self, String> {
        let policy = Arc::new(policy);
        let client = reqwest::Client::builder()
            .dns_resolver(policy.resolver())
            // A redirect would lead where the URL was never checked.
            .redirect(reqwest::redirect::Policy::none())
            // Nor may a proxy from the environment carry requests the policy refuses.
            .no_proxy()
            .timeout(TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .user_agent(concat!("rapport-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Self {
            client,
            policy,
            disable_after,
        })
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }
}

impl std::fmt::Debug for Outbound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outbound")
            .field("policy", &self.policy)
            .field("disable_after", &self.disable_after)
            .finish()
    }
}

/// The wait before the try after `failures` failed ones: 5 s, then four times longer each
/// time up to 6 hours, each stretched or shrunk by up to a fifth at random (`jitter` in
/// 0..1) so that endpoints recovering together are not hit together. Over the 24-hour
/// window that is about ten tries.
pub fn backoff(failures: i32, jitter: f64) -> chrono::Duration {
    let base_ms = 5_000f64 * 4f64.powi(failures.clamp(1, 12) - 1);
    let capped = base_ms.min(6.0 * 3_600_000.0);
    chrono::Duration::milliseconds((capped * (0.8 + 0.4 * jitter.clamp(0.0, 1.0))) as i64)
}

fn wanted_types(hook: &webhooks::Model) -> Vec<String> {
    serde_json::from_value(hook.event_types.clone()).unwrap_or_default()
}

/// Turns the events each active endpoint has not yet seen into its deliveries; returns how
/// many deliveries were made. Endpoints another worker is busy with are left to it.
pub async fn fan_out(db: &DatabaseConnection, now: DateTime<Utc>) -> DomainResult<u64> {
    // Most passes find nothing new: look before taking any lock.
    let end = store::feed::end(db).await?;
    let behind = store::webhooks::active(db)
        .await?
        .iter()
        .any(|h| (h.cursor_tx, h.cursor_seq) < end);
    if !behind {
        return Ok(0);
    }
    let tx = begin_write(db).await?;
    let mut made = 0;
    for hook in store::webhooks::lock_active_for_fan_out(&tx).await? {
        let events = store::feed::read(
            &tx,
            store::feed::FeedQuery {
                after: Some((hook.cursor_tx, hook.cursor_seq)),
                kind: None,
                customer_id: None,
                scope: CustomerScope::All,
                limit: FAN_OUT_BATCH,
            },
        )
        .await?;
        let Some(last) = events.last().map(|e| (e.tx, e.seq)) else {
            continue;
        };
        let wanted = wanted_types(&hook);
        let mut rows = Vec::new();
        // The customer of each row.
        let mut owners = Vec::new();
        for event in events {
            if !wanted.is_empty() && !wanted.contains(&event.kind) {
                continue;
            }
            let (tx_id, seq, kind, customer) =
                (event.tx, event.seq, event.kind.clone(), event.customer_id);
            let dto = feed::to_dto(event)?;
            owners.push(customer);
            rows.push(webhook_deliveries::ActiveModel {
                id: Set(Uuid::now_v7()),
                webhook_id: Set(hook.id),
                event_id: Set(dto.id),
                event_type: Set(kind),
                customer_id: Set(Some(customer)),
                event_tx: Set(tx_id),
                event_seq: Set(seq),
                body: Set(serde_json::to_string(&dto).map_err(DomainError::internal)?),
                state: Set(DeliveryState::Pending.as_str().into()),
                attempts: Set(0),
                next_attempt_at: Set(now),
                give_up_at: Set(now + RETRY_WINDOW),
                lease_id: Set(None),
                lease_until: Set(None),
                last_status: Set(None),
                last_error: Set(None),
                delivered_at: Set(None),
                created_at: Set(now),
            });
        }
        // A customer's new deliveries wait for the one before them, which may be backing off.
        let mut customers: Vec<Uuid> = owners.clone();
        customers.sort_unstable();
        customers.dedup();
        let waiting: std::collections::HashMap<Uuid, DateTime<Utc>> =
            store::webhooks::pending_until(&tx, hook.id, customers)
                .await?
                .into_iter()
                .collect();
        for (row, customer) in rows.iter_mut().zip(&owners) {
            if let Some(until) = waiting.get(customer)
                && *until > now
            {
                row.next_attempt_at = Set(*until);
            }
        }
        made += rows.len() as u64;
        store::webhooks::add_deliveries(&tx, rows).await?;
        store::webhooks::move_cursor(&tx, hook.id, last).await?;
    }
    tx.commit().await?;
    Ok(made)
}

/// Deliveries claimed by one worker for one endpoint.
pub struct Claim {
    pub webhook: webhooks::Model,
    pub deliveries: Vec<webhook_deliveries::Model>,
}

/// Claims up to `limit` due deliveries of the endpoint for this worker.
pub async fn claim(
    db: &DatabaseConnection,
    webhook: webhooks::Model,
    limit: u64,
    now: DateTime<Utc>,
) -> DomainResult<Claim> {
    let tx = begin_write(db).await?;
    let deliveries =
        store::webhooks::claim(&tx, webhook.id, limit, Uuid::now_v7(), now, now + LEASE).await?;
    tx.commit().await?;
    Ok(Claim {
        webhook,
        deliveries,
    })
}

/// What one try came to.
struct Tried {
    status: Option<u16>,
    error: Option<String>,
    body: Option<String>,
    latency_ms: i64,
}

impl Tried {
    fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// Sends the delivery once and writes the outcome; true when the receiver took it.
pub async fn attempt(
    db: &DatabaseConnection,
    outbound: &Outbound,
    hook: &webhooks::Model,
    delivery: webhook_deliveries::Model,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let tried = send(outbound, hook, &delivery, now).await;
    let ok = tried.succeeded();
    record(db, outbound, hook, delivery, tried, now).await?;
    Ok(ok)
}

async fn send(
    outbound: &Outbound,
    hook: &webhooks::Model,
    delivery: &webhook_deliveries::Model,
    now: DateTime<Utc>,
) -> Tried {
    let started = Instant::now();
    let failed = |error: String| Tried {
        status: None,
        error: Some(error),
        body: None,
        latency_ms: started.elapsed().as_millis() as i64,
    };
    // Checked again on every try: the configuration may have changed since it was saved.
    let url = match outbound.policy.parse(&hook.url) {
        Ok(url) => url,
        Err(refusal) => return failed(format!("the URL is refused: {}", refusal.message)),
    };
    if let Some(why) = target::literal_refused(&outbound.policy, &url) {
        return failed(format!("the URL targets a {why} address"));
    }
    let id = delivery.event_id.to_string();
    // The receiver compares it with its own clock, so it is the wall clock's.
    let timestamp = crate::clock::system_now().timestamp();
    let mut secrets = vec![hook.secret.as_str()];
    if let (Some(previous), Some(until)) = (&hook.previous_secret, hook.previous_secret_expires_at)
        && until > now
    {
        secrets.push(previous);
    }
    let signature = signature::header(&secrets, &id, timestamp, delivery.body.as_bytes());
    let response = outbound
        .client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(delivery.body.clone())
        .send()
        .await;
    let mut response = match response {
        Ok(r) => r,
        Err(err) => return failed(describe(&err)),
    };
    let status = response.status().as_u16();
    let mut kept = Vec::new();
    while kept.len() < BODY_KEPT {
        match response.chunk().await {
            Ok(Some(chunk)) => kept.extend_from_slice(&chunk),
            _ => break,
        }
    }
    kept.truncate(BODY_KEPT);
    let body = (!kept.is_empty()).then(|| String::from_utf8_lossy(&kept).into_owned());
    Tried {
        status: Some(status),
        error: (!(200..300).contains(&status)).then(|| format!("the receiver answered {status}")),
        body,
        latency_ms: started.elapsed().as_millis() as i64,
    }
}

/// The cause of a failed request, in words an operator can act on.
fn describe(err: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = err;
    let mut words = err.to_string();
    while let Some(source) = cause.source() {
        words = format!("{words}: {source}");
        cause = source;
    }
    if err.is_timeout() {
        format!("no answer within {} s ({words})", TIMEOUT.as_secs())
    } else {
        words
    }
}

async fn record(
    db: &DatabaseConnection,
    outbound: &Outbound,
    hook: &webhooks::Model,
    delivery: webhook_deliveries::Model,
    tried: Tried,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let Some(lease) = delivery.lease_id else {
        return Ok(());
    };
    let ok = tried.succeeded();
    let number = delivery.attempts + 1;
    let mut outcome = webhook_deliveries::ActiveModel {
        attempts: Set(number),
        lease_id: Set(None),
        lease_until: Set(None),
        last_status: Set(tried.status.map(i32::from)),
        last_error: Set(tried.error.clone()),
        ..Default::default()
    };
    if ok {
        outcome.state = Set(DeliveryState::Delivered.as_str().into());
        outcome.delivered_at = Set(Some(now));
    } else if now >= delivery.give_up_at {
        outcome.state = Set(DeliveryState::Failed.as_str().into());
    } else {
        outcome.next_attempt_at = Set(now + backoff(number, rand::rng().random::<f64>()));
    }
    let retry_at = match &outcome.next_attempt_at {
        sea_orm::ActiveValue::Set(at) => Some(*at),
        _ => None,
    };
    let tx = begin_write(db).await?;
    if !store::webhooks::settle(&tx, delivery.id, lease, outcome).await? {
        // Another worker took the delivery over after this one's lease ran out.
        return Ok(());
    }
    if let (Some(at), Some(customer)) = (retry_at, delivery.customer_id) {
        store::webhooks::hold_back(
            &tx,
            hook.id,
            customer,
            (delivery.event_tx, delivery.event_seq),
            at,
        )
        .await?;
    }
    store::webhooks::log_attempt(
        &tx,
        webhook_attempts::ActiveModel {
            id: Set(Uuid::now_v7()),
            delivery_id: Set(delivery.id),
            webhook_id: Set(hook.id),
            number: Set(number),
            at: Set(now),
            status_code: Set(tried.status.map(i32::from)),
            latency_ms: Set(tried.latency_ms),
            error: Set(tried.error.clone()),
            response_body: Set(tried.body),
        },
    )
    .await?;
    if ok {
        // Endpoints that answer are the common case: nothing to clear unless it was failing
        // when its deliveries were claimed (a failure since then is cleared by the next).
        if hook.failing_since.is_some() {
            store::webhooks::note_success(&tx, hook.id).await?;
        }
    } else {
        let reason = format!(
            "every delivery failed for more than {} hours; the last: {}",
            outbound.disable_after.num_hours(),
            tried.error.as_deref().unwrap_or("no answer")
        );
        if store::webhooks::note_failure(&tx, hook.id, now, now - outbound.disable_after, &reason)
            .await?
        {
            tracing::warn!(webhook.id = %hook.id, reason, "webhook endpoint disabled");
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Forgets settled deliveries older than `retention`, a batch at a time; returns how many.
pub async fn forget_settled(
    db: &DatabaseConnection,
    retention: chrono::Duration,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    Ok(store::webhooks::forget_settled_before(db, now - retention, 10_000).await?)
}

/// Every pending delivery that is due, tried in rounds until none is (a round tries at most
/// one delivery per customer and endpoint, to keep their order), for a run of the scheduler.
/// Returns deliveries made plus tries.
pub async fn deliver_due(
    db: &DatabaseConnection,
    outbound: &Outbound,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    use futures_util::StreamExt;
    let mut affected = fan_out(db, now).await?;
    for _ in 0..MAX_ROUNDS {
        let mut tried = 0;
        for hook in store::webhooks::active(db).await? {
            let claim = claim(db, hook, ROUND_CLAIM, now).await?;
            tried += claim.deliveries.len() as u64;
            let results: Vec<DomainResult<bool>> =
                futures_util::stream::iter(claim.deliveries.into_iter().map(|d| {
                    let hook = &claim.webhook;
                    async move { attempt(db, outbound, hook, d, now).await }
                }))
                .buffer_unordered(16)
                .collect()
                .await;
            for result in results {
                result?;
            }
        }
        if tried == 0 {
            break;
        }
        affected += tried;
    }
    Ok(affected)
}

/// Rounds one scheduler run makes at most, and deliveries it claims per endpoint and round.
const MAX_ROUNDS: usize = 64;
const ROUND_CLAIM: u64 = 256;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_fourfold_to_six_hours_with_a_fifth_of_jitter() {
        let secs = |n, j| backoff(n, j).num_milliseconds() as f64 / 1000.0;
        assert_eq!(secs(1, 0.5), 5.0);
        assert_eq!(secs(2, 0.5), 20.0);
        assert_eq!(secs(3, 0.5), 80.0);
        assert_eq!(secs(1, 0.0), 4.0);
        assert_eq!(secs(1, 1.0), 6.0);
        assert_eq!(secs(9, 0.5), 6.0 * 3600.0);
        assert_eq!(secs(50, 0.5), 6.0 * 3600.0);
        // Tries keep coming for the whole window: the waits before the window closes add up
        // to more than 24 hours only after several tries.
        let mut waited = 0.0;
        let mut tries = 1;
        while waited < 24.0 * 3600.0 {
            waited += secs(tries, 1.0);
            tries += 1;
        }
        assert!((8..=14).contains(&tries), "{tries} tries");
    }
}
