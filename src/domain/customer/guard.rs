//! The guards every write to a customer's records passes: finding the customer the actor may
//! see, locking it for the change (the parent row every write takes first, see `store`,
//! "Check-then-write"), and who may own it or be given work on it.

use entity::customers;
use sea_orm::{ConnectionTrait, DatabaseTransaction};
use uuid::Uuid;

use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::{Actor, CustomerScope, Role};
use crate::store;

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
