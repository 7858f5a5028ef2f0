//! The audit trail: every write and every sign-in, successful or not, with who made it, what
//! it touched, when and from where, and the names of the fields it sent (never their values,
//! which may be personal data). It is written once the request has been answered, outside the
//! change's transaction: a process killed between the two loses the entry, never the change.
//! Nothing in the API changes or removes an entry; the retention pass deletes those older than
//! `RAPPORT_AUDIT_RETENTION_DAYS`, and the database refuses anything younger than 30 days.

use chrono::{DateTime, Duration, Utc};
use entity::audit_log;
use sea_orm::{DatabaseConnection, DbBackend, Set};
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::domain::page::keyset;
use crate::dto::audit::{AuditEntry, AuditQuery};
use crate::dto::page::{Page, PageQuery};
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::{Actor, ActorRef, ActorType};
use crate::store;
use crate::store::audit::AuditFilter;

/// The shortest retention the database allows (see the `personal_data` migration).
pub const MIN_RETENTION_DAYS: u32 = 30;
/// Rows one retention pass deletes at most, so that a long-neglected trail is cut in steps.
const FORGET_BATCH: u64 = 5_000;

/// One entry to record.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub actor: Option<ActorRef>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub status: u16,
    pub request_id: Option<String>,
    pub ip: Option<String>,
    pub fields: Vec<String>,
}

/// Entries a group holds at most.
const GROUP: usize = 256;

/// Writes the audit trail a group of entries at a time. Every write request adds an entry
/// once it is answered; one by one they doubled the writes the database takes, and on SQLite,
/// where writers take turns, each waited for a turn of its own. Here a task writes whatever
/// has queued while the previous group was written, in one statement (and on SQLite in one
/// turn), and each request still waits until its entry is written.
#[derive(Clone)]
pub struct Recorder {
    queue: mpsc::Sender<Queued>,
}

struct Queued {
    row: audit_log::ActiveModel,
    written: oneshot::Sender<bool>,
}

impl Recorder {
    /// Starts the writer on the current runtime; it stops once every `Recorder` is dropped.
    pub fn start(db: DatabaseConnection) -> Self {
        let (queue, mut queued) = mpsc::channel::<Queued>(4 * GROUP);
        tokio::spawn(async move {
            while let Some(first) = queued.recv().await {
                let mut group = vec![first];
                while group.len() < GROUP {
                    match queued.try_recv() {
                        Ok(next) => group.push(next),
                        Err(_) => break,
                    }
                }
                let (rows, waiting): (Vec<_>, Vec<_>) =
                    group.into_iter().map(|q| (q.row, q.written)).unzip();
                let written = match write_group(&db, rows).await {
                    Ok(()) => true,
                    Err(err) => {
                        tracing::error!(error.cause = %err, entries = waiting.len(), "audit entries not written");
                        false
                    }
                };
                for waiter in waiting {
                    let _ = waiter.send(written);
                }
            }
        });
        Self { queue }
    }

    /// Records `entry`, returning once it is written.
    pub async fn record(&self, entry: Entry, now: DateTime<Utc>) -> DomainResult<()> {
        let (written, done) = oneshot::channel();
        let queued = Queued {
            row: row_of(entry, now),
            written,
        };
        if self.queue.send(queued).await.is_err() {
            return Err(DomainError::internal("the audit writer has stopped"));
        }
        match done.await {
            Ok(true) => Ok(()),
            _ => Err(DomainError::internal("the audit entry was not written")),
        }
    }
}

/// One group in one statement; on SQLite in a transaction, so that it takes its turn among
/// the writers (on its own it would find the write lock taken under load and sleep in
/// SQLite's busy handler, up to 100 ms a time).
async fn write_group(
    db: &DatabaseConnection,
    rows: Vec<audit_log::ActiveModel>,
) -> DomainResult<()> {
    if db.get_database_backend() == DbBackend::Sqlite {
        let tx = crate::db::begin_write(db).await?;
        store::audit::insert_many(&tx, rows).await?;
        tx.commit().await?;
        return Ok(());
    }
    Ok(store::audit::insert_many(db, rows).await?)
}

fn row_of(entry: Entry, now: DateTime<Utc>) -> audit_log::ActiveModel {
    audit_log::ActiveModel {
        id: Set(Uuid::now_v7()),
        at: Set(now),
        actor_type: Set(entry
            .actor
            .map_or(ActorType::System, |a| a.kind)
            .as_str()
            .into()),
        actor_id: Set(entry.actor.map(|a| a.id)),
        action: Set(entry.action),
        entity_type: Set(entry.entity_type),
        entity_id: Set(entry.entity_id),
        status: Set(i16::try_from(entry.status).unwrap_or(i16::MAX)),
        request_id: Set(entry.request_id),
        ip: Set(entry.ip),
        fields: Set(serde_json::json!(entry.fields)),
    }
}

#[derive(Serialize, Deserialize)]
struct Position {
    id: Uuid,
}

/// `GET /audit` (admin): newest first.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: AuditQuery,
    page: PageQuery,
) -> DomainResult<Page<AuditEntry>> {
    actor.ensure_admin("read the audit trail")?;
    let page = page.request::<Position>()?;
    let filter = AuditFilter {
        actor_id: q.actor_id,
        entity_type: q.entity_type,
        entity_id: q.entity_id,
        action: q.action,
        from: q.from,
        to: q.to,
    };
    let rows = store::audit::list(db, &filter, page.after.map(|p| p.id), page.limit).await?;
    keyset(rows, |r| Position { id: r.id }).try_map(AuditEntry::try_from)
}

/// Deletes the entries older than `retention_days` (at least [`MIN_RETENTION_DAYS`]), a batch
/// at a time; returns how many went.
pub async fn forget_expired(
    db: &DatabaseConnection,
    retention_days: u32,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let cutoff = now - Duration::days(i64::from(retention_days.max(MIN_RETENTION_DAYS)));
    let mut total = 0;
    loop {
        let n = store::audit::delete_older(db, cutoff, FORGET_BATCH).await?;
        total += n;
        if n < FORGET_BATCH {
            return Ok(total);
        }
    }
}
