//! Who is responsible for a customer. A hand-off is recorded (from, to, by, reason, at) and
//! the customer's open work moves with it in the same transaction, so nobody is forgotten
//! when a salesperson leaves.

use chrono::{DateTime, Utc};
use entity::{customer_handoffs, customers};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::history::{self, Change};
use super::ops::{get, locked_customer, visible_customer};
use crate::db::begin_write;
use crate::domain::page::{TimeCursor, keyset};
use crate::domain::version::Precondition;
use crate::dto::customer::Customer;
use crate::dto::page::{Page, PageQuery};
use crate::dto::relationship::{Handoff, OwnerChange};
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::{Actor, CustomerScope, Role};
use crate::store;

/// Whether `user_id` may be given customers: an active user whose role can own them. The
/// user stays share-locked until the transaction ends, so a concurrent deactivation or
/// demotion (which locks the user exclusively, then counts their customers) cannot miss the
/// customer this transaction assigns.
#[tracing::instrument(skip_all, fields(user.id = %user_id))]
pub async fn can_own(tx: &DatabaseTransaction, user_id: Uuid) -> DomainResult<bool> {
    match store::users::lock_shared(tx, user_id).await? {
        Some(u) if u.active => Ok(Role::from_stored(&u.role)?.can_own_customers()),
        _ => Ok(false),
    }
}

/// Who may be given open work (`what`: "touchpoints", "complaints") on a customer owned by
/// `owner`: an active user who can own customers and can see this one (an agent only works
/// on the customers they own); an agent gives work only to themselves. The user stays
/// share-locked, as in `can_own`.
pub async fn check_assignee(
    tx: &DatabaseTransaction,
    actor: &Actor,
    assignee: Uuid,
    owner: Uuid,
    what: &str,
    errors: &mut Vec<FieldError>,
) -> DomainResult<()> {
    if actor.role == Role::Agent && assignee != actor.id {
        return Err(DomainError::Forbidden(format!(
            "agents assign {what} only to themselves"
        )));
    }
    let role = match store::users::lock_shared(tx, assignee).await? {
        Some(u) if u.active => Some(Role::from_stored(&u.role)?),
        _ => None,
    };
    match role {
        Some(role) if !role.can_own_customers() => {}
        Some(role) if CustomerScope::of(assignee, role).reaches(owner) => return Ok(()),
        Some(_) => {
            errors.push(FieldError::new(
                "assignee_id",
                "must be a user who can see the customer: an agent works only on customers they own",
            ));
            return Ok(());
        }
        None => {}
    }
    errors.push(FieldError::new(
        "assignee_id",
        "must be an active user who can own customers",
    ));
    Ok(())
}

/// Records a hand-off that has been written to the customer row.
#[tracing::instrument(skip_all, fields(customer.id = %customer_id))]
pub async fn record_handoff<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    from: Uuid,
    to: Uuid,
    by: Uuid,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    store::history::insert_handoff(
        db,
        customer_handoffs::ActiveModel {
            id: Set(Uuid::now_v7()),
            customer_id: Set(customer_id),
            from_owner_id: Set(from),
            to_owner_id: Set(to),
            by_user_id: Set(by),
            reason: Set(reason),
            at: Set(now),
        },
    )
    .await?;
    // Open work moves with the customer, in this transaction: the scheduled touchpoints and
    // the open complaints the previous owner held.
    store::touchpoints::reassign_open(db, customer_id, from, to, now).await?;
    crate::domain::complaint::edit::hand_over(db, Some(customer_id), from, to, by, now).await?;
    Ok(())
}

/// Hands one customer to `to`, bumping its version.
async fn hand_over(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    to: Uuid,
    by: Uuid,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    customers::Entity::update_many()
        .col_expr(customers::Column::OwnerId, Expr::value(to))
        .col_expr(
            customers::Column::Version,
            Expr::col(customers::Column::Version).add(1),
        )
        .col_expr(customers::Column::UpdatedAt, Expr::value(now))
        .filter(customers::Column::Id.eq(customer.id))
        .exec(tx)
        .await?;
    record_handoff(
        tx,
        customer.id,
        customer.owner_id,
        to,
        by,
        reason.clone(),
        now,
    )
    .await?;
    history::record(
        tx,
        customer.id,
        vec![Change {
            field: "owner",
            from: Some(customer.owner_id.to_string()),
            to: Some(to.to_string()),
            reason,
        }],
        Some(by),
        now,
    )
    .await
}

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
            "must be an active user who can own customers",
        )]));
    }
    precondition.check(customer.version)?;
    if customer.owner_id != input.owner_id {
        hand_over(&tx, &customer, input.owner_id, actor.id, input.reason, now).await?;
    }
    tx.commit().await?;
    get(db, actor, id, now).await
}

/// Hands every customer of `from` to `to` (a user being deactivated). Returns how many.
#[tracing::instrument(skip_all)]
pub async fn hand_over_all(
    tx: &DatabaseTransaction,
    from: Uuid,
    to: Uuid,
    by: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let owned = customers::Entity::find()
        .filter(customers::Column::OwnerId.eq(from))
        .filter(customers::Column::DeletedAt.is_null())
        .order_by_asc(customers::Column::Id)
        .lock_exclusive()
        .all(tx)
        .await?;
    for customer in &owned {
        hand_over(
            tx,
            customer,
            to,
            by,
            Some("previous owner deactivated".into()),
            now,
        )
        .await?;
    }
    Ok(owned.len())
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
    Ok(keyset(rows, |r| TimeCursor { at: r.at, id: r.id }).map(Handoff::from))
}
