//! A customer's personal-data export: one JSON document with the profile as the API shows it
//! and every record the registry lists (`records::RECORDS`), each table's rows with all their
//! stored columns, written a chunk at a time from one read-only transaction, so the document
//! is a consistent snapshot however long the download takes.

use chrono::{DateTime, Utc};
use sea_orm::{
    AccessMode, DatabaseConnection, DatabaseTransaction, DbBackend, IsolationLevel,
    TransactionOptions, TransactionTrait,
};
use uuid::Uuid;

use super::guard::visible_customer;
use super::records::{OnExport, RECORDS};
use crate::dto::customer::EXPORT_FORMAT;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
use crate::store;

/// Rows read per statement.
const CHUNK: u64 = 500;

pub struct Dossier {
    tx: DatabaseTransaction,
    customer: Uuid,
    /// The next table to write (an index into the exported tables) and how far into it.
    table: usize,
    offset: u64,
    /// Whether the current table's opening has been written.
    opened: bool,
    head: Option<String>,
    done: bool,
}

fn exported() -> impl Iterator<Item = &'static super::records::Record> {
    RECORDS.iter().filter(|r| r.export == OnExport::Rows)
}

/// Checks access (managers and admins; the customer must be visible) and starts the export.
pub async fn start(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Dossier> {
    actor.ensure_manager("export a customer's personal data")?;
    visible_customer(db, actor, id).await?;
    let options = match db.get_database_backend() {
        DbBackend::Postgres => TransactionOptions {
            isolation_level: Some(IsolationLevel::RepeatableRead),
            access_mode: Some(AccessMode::ReadOnly),
            ..Default::default()
        },
        _ => TransactionOptions::default(),
    };
    let tx = db.begin_with_options(options).await?;
    let model = store::customers::find_visible(&tx, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("customer"))?;
    let shown = super::announce::one(super::listing::shown(&tx, vec![model], now).await?)?;
    let head = format!(
        "{{\"format\":{},\"exported_at\":{},\"customer\":{},\"records\":{{",
        serde_json::to_string(EXPORT_FORMAT).map_err(DomainError::internal)?,
        serde_json::to_string(&now).map_err(DomainError::internal)?,
        serde_json::to_string(&shown).map_err(DomainError::internal)?,
    );
    Ok(Dossier {
        tx,
        customer: id,
        table: 0,
        offset: 0,
        opened: false,
        head: Some(head),
        done: false,
    })
}

impl Dossier {
    /// The next piece of the document, or `None` once it is complete.
    pub async fn next_chunk(&mut self) -> DomainResult<Option<String>> {
        if self.done {
            return Ok(None);
        }
        let mut out = self.head.take().unwrap_or_default();
        let Some(record) = exported().nth(self.table) else {
            out.push_str("}}");
            self.done = true;
            return Ok(Some(out));
        };
        if !self.opened {
            if self.table > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(record.table.name).map_err(DomainError::internal)?);
            out.push_str(":[");
            self.opened = true;
        }
        let rows = store::customer_records::rows_page(
            &self.tx,
            &record.table,
            self.customer,
            self.offset,
            CHUNK,
        )
        .await?;
        for (i, row) in rows.iter().enumerate() {
            if self.offset > 0 || i > 0 {
                out.push(',');
            }
            out.push_str(&row.to_string());
        }
        self.offset += rows.len() as u64;
        if (rows.len() as u64) < CHUNK {
            out.push(']');
            self.table += 1;
            self.offset = 0;
            self.opened = false;
        }
        Ok(Some(out))
    }
}
