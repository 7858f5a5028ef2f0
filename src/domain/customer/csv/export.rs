//! `GET /customers/export`: the customers the list filters select, as CSV, read a page at a
//! time so memory stays flat however many there are.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::{COLUMNS, cell_of};
use crate::domain::customer::convert::to_dto;
use crate::domain::customer::listing::filter_of;
use crate::dto::customer::CustomerListQuery;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
use crate::model::sort::CustomerSort;
use crate::store;
use crate::store::customers::CustomerFilter;

/// Customers read per database round trip.
const PAGE: u64 = 1000;

/// An export in progress: the next page is read when the previous one has been sent.
pub struct Export {
    db: DatabaseConnection,
    actor: Actor,
    filter: CustomerFilter,
    /// Where the previous chunk ended: its last customer's id.
    after: Option<Uuid>,
    header_sent: bool,
    done: bool,
}

/// Checks the filters and starts an export, oldest customer first (by id, which is
/// time-ordered).
pub async fn start(
    db: &DatabaseConnection,
    actor: &Actor,
    q: CustomerListQuery,
    now: DateTime<Utc>,
) -> DomainResult<Export> {
    if q.sort.is_some_and(|s| s != CustomerSort::CreatedAsc) {
        return Err(DomainError::invalid(
            "sort",
            FieldCode::NotAllowed,
            "an export is in creation order (`created_at`)",
        ));
    }
    Ok(Export {
        db: db.clone(),
        actor: *actor,
        filter: filter_of(db, q, now).await?,
        after: None,
        header_sent: false,
        done: false,
    })
}

impl Export {
    /// The next chunk of CSV text, or `None` at the end.
    pub async fn next_chunk(&mut self) -> DomainResult<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        let mut out = csv::Writer::from_writer(Vec::new());
        if !self.header_sent {
            out.write_record(COLUMNS).map_err(DomainError::internal)?;
            self.header_sent = true;
        }
        let rows = store::customers::page_by_id(
            &self.db,
            self.actor.customer_scope(),
            &self.filter,
            self.after,
            PAGE,
        )
        .await?;
        self.done = !rows.more;
        self.after = rows.items.last().map(|m| m.id);
        let ids: Vec<Uuid> = rows.items.iter().map(|m| m.id).collect();
        let mut tags: HashMap<Uuid, Vec<String>> =
            store::customers::tags_of(&self.db, &ids).await?;
        for m in rows.items {
            let t = tags.remove(&m.id).unwrap_or_default();
            let customer = serde_json::to_value(to_dto(m, t, 0)?).map_err(DomainError::internal)?;
            let record: Vec<String> = COLUMNS
                .iter()
                .map(|c| cell_of(c, customer.get(*c)))
                .collect();
            out.write_record(&record).map_err(DomainError::internal)?;
        }
        out.into_inner()
            .map(Some)
            .map_err(|e| DomainError::internal(e.to_string()))
    }
}
