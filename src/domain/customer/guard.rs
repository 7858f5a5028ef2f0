//! The guards every write to a customer's records passes: finding the customer the actor may
//! see, locking it for the change (the parent row every write takes first, see `store`,
//! "Check-then-write"), and who may own it or be given work on it.

use entity::customers;
use sea_orm::{ConnectionTrait, DatabaseTransaction};
use uuid::Uuid;

use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::{Actor, CustomerScope, Role};
use crate::store;
use crate::store::versioned::CustomerRecord;

/// The customer, if the actor may see it; 404 otherwise, so existence does not leak.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, customer.id = %id))]
pub async fn visible_customer<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<customers::Model> {
    store::customers::find_visible(db, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("customer"))
}

/// The customer, if the actor may see it (404 otherwise), locked until the transaction ends:
/// the parent row every write to a customer's records takes first (see `store`,
/// "Check-then-write").
pub async fn locked_customer(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<customers::Model> {
    store::customers::lock_visible(tx, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("customer"))
}

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
                "assignee_id", FieldCode::NotAllowed,
                "must be a user who can see the customer: an agent works only on customers they own",
            ));
            return Ok(());
        }
        None => {}
    }
    errors.push(FieldError::new(
        "assignee_id",
        FieldCode::NotAllowed,
        "must be an active user who can own customers",
    ));
    Ok(())
}

/// A record of a customer, found for change: visible to the actor (404 as `what` otherwise),
/// its customer locked first, the actor allowed to write, then the record itself locked and
/// read again, so that what is checked is what a concurrent writer left.
pub async fn for_change<E: CustomerRecord>(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
    what: &str,
) -> DomainResult<(customers::Model, E::Model)> {
    let found = store::versioned::find_visible::<E, _>(tx, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found(what))?;
    let customer = locked_customer(tx, actor, E::customer_of(&found)).await?;
    actor.ensure_can_write()?;
    let current = store::versioned::lock::<E, _>(tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found(what))?;
    Ok((customer, current))
}

/// The customer a new record is created under, locked (a customer the actor cannot see is
/// answered as one that does not exist, naming `customer_id`), and who the new work goes to:
/// `assignee` or else the owner, checked as [`check_assignee`] does. Every error found so far
/// and here is answered together.
pub async fn parent_for_new(
    tx: &DatabaseTransaction,
    actor: &Actor,
    customer_id: Uuid,
    assignee: Option<Uuid>,
    what: &str,
    mut errors: Vec<FieldError>,
) -> DomainResult<(customers::Model, Uuid)> {
    let Some(customer) =
        store::customers::lock_visible(tx, customer_id, actor.customer_scope()).await?
    else {
        return Err(DomainError::invalid(
            "customer_id",
            FieldCode::NotFound,
            "no such customer",
        ));
    };
    let assignee = assignee.unwrap_or(customer.owner_id);
    check_assignee(tx, actor, assignee, customer.owner_id, what, &mut errors).await?;
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    Ok((customer, assignee))
}
