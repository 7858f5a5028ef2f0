//! Who is responsible for a customer. A hand-off is recorded (from, to, by, reason, at) and
//! the customer's open work moves with it in the same transaction, so nobody is forgotten
//! when a salesperson leaves.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::guard::{can_own, locked_customer, visible_customer};
use super::handoff::hand_over;
use super::ops::get;
use crate::db::begin_write;
use crate::domain::page::{TimeCursor, keyset};
use crate::domain::version::Precondition;
use crate::dto::customer::Customer;
use crate::dto::page::{Page, PageQuery};
use crate::dto::relationship::{Handoff, OwnerChange};
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::Actor;
use crate::store;

/// `PUT /customers/{id}/owner`: managers and admins hand a customer over.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, customer.id = %id))]
pub async fn change_owner(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    input: OwnerChange,
    now: DateTime<Utc>,
) -> DomainResult<Customer> {
    let tx = begin_write(db).await?;
    // Locked, so the version checked is the one the hand-off replaces.
    let customer = locked_customer(&tx, actor, id).await?;
    actor.ensure_manager("hand customers over")?;
    if !can_own(&tx, input.owner_id).await? {
        return Err(DomainError::Validation(vec![FieldError::new(
            "owner_id",
            FieldCode::NotAllowed,
            "must be an active user who can own customers",
        )]));
    }
    precondition.check(customer.version)?;
    if customer.owner_id != input.owner_id {
        hand_over(
            &tx,
            &customer,
            input.owner_id,
            actor.recorded(),
            input.reason,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    get(db, actor, id, now).await
}

/// The customer's hand-offs, newest first.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, customer.id = %id))]
pub async fn owner_history(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    page: PageQuery,
) -> DomainResult<Page<Handoff>> {
    visible_customer(db, actor, id).await?;
    let page = page.request::<TimeCursor>()?;
    let after = page.after.map(TimeCursor::bound);
    let rows = store::history::handoffs(db, id, after, false, page.limit).await?;
    keyset(rows, |r| TimeCursor { at: r.at, id: r.id }).try_map(Handoff::try_from)
}
