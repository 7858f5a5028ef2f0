//! The registry of customer records: every table that hangs off a customer, listed once, with
//! what happens to its rows when the customer is locked, handed to another owner, merged into
//! another customer, exported or erased. A new table is one more entry in [`RECORDS`]; the
//! walks below then reach it.
//!
//! Lock order: a write takes the customer's row first (`guard::locked_customer`), then the
//! rows it changes in the order of [`RECORDS`], several rows of one table in id order, so
//! that two writers never wait for each other.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, JsonValue};
use uuid::Uuid;

use crate::domain::complaint::handover;
use crate::model::error::DomainResult;
use crate::model::role::ActorRef;
use crate::store;
use crate::store::customer_records::{Link, Scrubbed, Table};

/// How a write reaches a record under the customer's lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lock {
    /// The customer's row lock covers it: rows are only added or removed under it.
    WithCustomer,
    /// The customer, then the record's own row (`FOR UPDATE`), for records changed in place
    /// under a version.
    CustomerThenRow,
}

/// What a hand-off to another owner does to a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnHandoff {
    /// Nothing: it stays as it was (who logged a call does not change).
    Stays,
    /// The scheduled touchpoints the previous owner held move to the new one.
    ScheduledMove,
    /// The complaints the previous owner held that are not closed (open or resolved) move,
    /// each with an assignment event.
    OpenComplaintsMove,
}

/// What merging a customer into another does to a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnMerge {
    /// Its rows are given to the surviving customer (keyed rows it has already are dropped).
    Moves,
    /// Its rows move with their parent record.
    WithParent,
    /// Its rows go: they are found again for the survivor (duplicate pairs), or said of a
    /// customer that no longer stands on its own (dismissals).
    Dropped,
}

/// What a personal-data export holds of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnExport {
    /// Every row, every column.
    Rows,
    /// Nothing of its own: it is derived from the customer's profile, which is exported.
    Derived,
}

/// What erasing a customer does to a record: personal data goes, the figures stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnErase {
    /// The rows go: they only say something about the person (tags, dates, memberships).
    Delete,
    /// The rows stay for the reports; these columns (free text, snapshots) are overwritten.
    Scrub(&'static [(&'static str, Scrubbed)]),
    /// Rewritten by code that knows the rows' shape: a delivery body keeps its envelope.
    Rewrite,
}

/// One table hanging off a customer.
#[derive(Clone, Copy, Debug)]
pub struct Record {
    pub table: Table,
    pub lock: Lock,
    pub handoff: OnHandoff,
    pub merge: OnMerge,
    pub export: OnExport,
    pub erase: OnErase,
}

const fn record(
    name: &'static str,
    link: Link,
    key: &'static [&'static str],
    lock: Lock,
    handoff: OnHandoff,
    export: OnExport,
    erase: OnErase,
) -> Record {
    Record {
        table: Table { name, link, key },
        lock,
        handoff,
        merge: match link {
            Link::Customer => OnMerge::Moves,
            Link::Complaint | Link::Delivery => OnMerge::WithParent,
            Link::Pair => OnMerge::Dropped,
        },
        export,
        erase,
    }
}

use Link::{Complaint, Customer, Delivery, Pair};
use Lock::{CustomerThenRow, WithCustomer};
use OnErase::{Delete, Rewrite, Scrub};
use OnExport::{Derived, Rows};
use OnHandoff::{OpenComplaintsMove, ScheduledMove, Stays};
use Scrubbed::{Bool, Json, Null, Text};

/// The columns a row about two customers is known by.
const PAIR_KEY: &[&str] = &["customer_id", "other_id"];

/// What an erased free-text field that may not be empty reads.
pub const ERASED: &str = "(erased)";

/// Every table hanging off a customer, in lock order. Erasure walks it backwards, so that a
/// record goes before the one it belongs to.
#[rustfmt::skip]
pub const RECORDS: &[Record] = &[
    //     table                 named by   keyed by        lock             hand-off            export   erasure
    record("customer_tags",      Customer,  &["tag"],        WithCustomer,    Stays,              Rows,    Delete),
    record("customer_dates",     Customer,  &["month_day"],  WithCustomer,    Stays,              Derived, Delete),
    record("segment_members",    Customer,  &["segment_id"], WithCustomer,    Stays,              Rows,    Delete),
    record("consent_changes",    Customer,  &[],             WithCustomer,    Stays,              Rows,    Scrub(&[("source", Null)])),
    record("customer_history",   Customer,  &[],             WithCustomer,    Stays,              Rows,    Scrub(&[("reason", Null)])),
    record("customer_handoffs",  Customer,  &[],             WithCustomer,    Stays,              Rows,    Scrub(&[("reason", Null)])),
    record("playbooks",          Customer,  &[],             CustomerThenRow, Stays,              Rows,    Scrub(&[("name", Text(ERASED)), ("steps", Json("[]")), ("recurrence", Null), ("active", Bool(false))])),
    record("purchases",          Customer,  &[],             CustomerThenRow, Stays,              Rows,    Scrub(&[("description", Null)])),
    record("interactions",       Customer,  &[],             CustomerThenRow, Stays,              Rows,    Scrub(&[("subject", Null), ("summary", Null)])),
    record("touchpoints",        Customer,  &[],             CustomerThenRow, ScheduledMove,      Rows,    Scrub(&[("title", Text(ERASED)), ("notes", Null), ("skip_reason", Null)])),
    record("complaints",         Customer,  &[],             CustomerThenRow, OpenComplaintsMove, Rows,    Scrub(&[("subject", Text(ERASED)), ("description", Null), ("remediation_plan", Null), ("resolution", Null)])),
    record("complaint_events",   Complaint, &[],             WithCustomer,    Stays,              Rows,    Scrub(&[("note", Null), ("details", Null)])),
    record("domain_events",      Customer,  &[],             WithCustomer,    Stays,              Rows,    Scrub(&[])),
    record("events",             Customer,  &[],             WithCustomer,    Stays,              Rows,    Scrub(&[("data", Json(r#"{"erased":true}"#))])),
    record("webhook_deliveries", Customer,  &[],             WithCustomer,    Stays,              Rows,    Rewrite),
    record("webhook_attempts",   Delivery,  &[],             WithCustomer,    Stays,              Rows,    Scrub(&[("response_body", Null), ("error", Null)])),
    record("duplicate_pairs",    Pair,      PAIR_KEY,        WithCustomer,    Stays,              Derived, Delete),
    record("duplicate_dismissals", Pair,    PAIR_KEY,        WithCustomer,    Stays,              Rows,    Delete),
];

/// The open work of `customer` that `from` held moves to `to`, in the caller's transaction
/// (the customer is locked and its owner already written).
pub async fn hand_off<C: ConnectionTrait>(
    db: &C,
    customer: Uuid,
    from: Uuid,
    to: Uuid,
    by: ActorRef,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    for record in RECORDS {
        match record.handoff {
            Stays => {}
            ScheduledMove => {
                store::touchpoints::reassign_open(db, customer, from, to, now).await?;
            }
            OpenComplaintsMove => {
                handover::hand_over(db, Some(customer), from, to, by, now).await?;
            }
        }
    }
    Ok(())
}

/// Gives every record of customer `from` to customer `into` (both locked, `from` first when
/// its id is lower), then recomputes both customers' derived figures. Returns how many rows
/// moved per table.
pub async fn move_all<C: ConnectionTrait>(
    db: &C,
    from: Uuid,
    into: Uuid,
) -> DomainResult<Vec<(&'static str, u64)>> {
    let mut moved = Vec::new();
    for record in RECORDS {
        let n = match record.merge {
            OnMerge::Moves => {
                store::customer_records::repoint(db, &record.table, from, into).await?
            }
            OnMerge::WithParent => 0,
            OnMerge::Dropped => {
                store::customer_records::delete(db, &record.table, from).await?;
                0
            }
        };
        moved.push((record.table.name, n));
    }
    refresh_derived_of(db, &[from, into]).await?;
    Ok(moved)
}

/// Every exported record of `customer`, by table.
pub async fn export<C: ConnectionTrait>(
    db: &C,
    customer: Uuid,
) -> DomainResult<Vec<(&'static str, Vec<JsonValue>)>> {
    let mut out = Vec::new();
    for record in RECORDS.iter().filter(|r| r.export == Rows) {
        out.push((
            record.table.name,
            store::customer_records::rows(db, &record.table, customer).await?,
        ));
    }
    Ok(out)
}

/// Erases the personal data in every record of `customer` (locked by the caller), each
/// before the one it belongs to, and recomputes the customer's derived figures. Returns how
/// many rows each table had erased or deleted.
pub async fn erase<C: ConnectionTrait>(
    db: &C,
    customer: Uuid,
) -> DomainResult<Vec<(&'static str, u64)>> {
    let mut erased = Vec::new();
    for record in RECORDS.iter().rev() {
        let t = &record.table;
        let n = match record.erase {
            Delete => store::customer_records::delete(db, t, customer).await?,
            Scrub(columns) => store::customer_records::scrub(db, t, customer, columns).await?,
            Rewrite => store::webhooks::erase_bodies(db, customer).await?,
        };
        erased.push((t.name, n));
    }
    refresh_derived(db, customer).await?;
    Ok(erased)
}

/// How many rows of `customer` each table holds.
pub async fn counts<C: ConnectionTrait>(
    db: &C,
    customer: Uuid,
) -> DomainResult<Vec<(&'static str, u64)>> {
    let mut out = Vec::new();
    for record in RECORDS {
        let n = store::customer_records::count(db, &record.table, customer).await?;
        out.push((record.table.name, n));
    }
    Ok(out)
}

/// Recomputes every figure the customer row derives from its records (call with it locked).
pub async fn refresh_derived<C: ConnectionTrait>(db: &C, customer: Uuid) -> DomainResult<()> {
    refresh_derived_of(db, &[customer]).await
}

/// [`refresh_derived`] for several customers (call with them locked).
pub async fn refresh_derived_of<C: ConnectionTrait>(
    db: &C,
    customers: &[Uuid],
) -> DomainResult<()> {
    Ok(store::derived::refresh(db, customers).await?)
}
