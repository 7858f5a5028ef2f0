//! Erasing free text past its retention period, a batch at a time.

use chrono::{DateTime, Utc};
use entity::{complaint_events, complaints, customers, interactions};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::DbResult;
use crate::model::complaint::ComplaintStatus;
use crate::model::customer::CustomerStatus;

/// What an erased complaint subject reads (it may not be empty).
const ERASED: &str = "(erased)";

/// Clears the subject and summary of up to `limit` interactions of customers churned before
/// `cutoff`; returns how many.
pub async fn churned_interactions<C: ConnectionTrait>(
    db: &C,
    cutoff: DateTime<Utc>,
    limit: u64,
) -> DbResult<u64> {
    let churned = Query::select()
        .column(customers::Column::Id)
        .from(customers::Entity)
        .and_where(customers::Column::Status.eq(CustomerStatus::Churned.as_str()))
        .and_where(customers::Column::ChurnedAt.lt(cutoff))
        .to_owned();
    let batch = Query::select()
        .column(interactions::Column::Id)
        .from(interactions::Entity)
        .and_where(interactions::Column::CustomerId.in_subquery(churned))
        .cond_where(
            Condition::any()
                .add(interactions::Column::Subject.is_not_null())
                .add(interactions::Column::Summary.is_not_null()),
        )
        .limit(limit)
        .to_owned();
    Ok(interactions::Entity::update_many()
        .col_expr(interactions::Column::Subject, Expr::cust("NULL"))
        .col_expr(interactions::Column::Summary, Expr::cust("NULL"))
        .filter(interactions::Column::Id.in_subquery(batch))
        .exec(db)
        .await?
        .rows_affected)
}

/// Erases the texts of up to `limit` complaints closed before `cutoff`, and the notes of their
/// events; returns how many complaints.
pub async fn closed_complaints<C: ConnectionTrait>(
    db: &C,
    cutoff: DateTime<Utc>,
    limit: u64,
) -> DbResult<u64> {
    let batch: Vec<uuid::Uuid> = complaints::Entity::find()
        .select_only()
        .column(complaints::Column::Id)
        .filter(complaints::Column::Status.eq(ComplaintStatus::Closed.as_str()))
        .filter(complaints::Column::ClosedAt.lt(cutoff))
        .filter(
            Condition::any()
                .add(complaints::Column::Subject.ne(ERASED))
                .add(complaints::Column::Description.is_not_null())
                .add(complaints::Column::RemediationPlan.is_not_null())
                .add(complaints::Column::Resolution.is_not_null()),
        )
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    if batch.is_empty() {
        return Ok(0);
    }
    complaint_events::Entity::update_many()
        .col_expr(complaint_events::Column::Note, Expr::cust("NULL"))
        .col_expr(complaint_events::Column::Details, Expr::cust("NULL"))
        .filter(complaint_events::Column::ComplaintId.is_in(batch.iter().copied()))
        .exec(db)
        .await?;
    Ok(complaints::Entity::update_many()
        .col_expr(complaints::Column::Subject, Expr::value(ERASED))
        .col_expr(complaints::Column::Description, Expr::cust("NULL"))
        .col_expr(complaints::Column::RemediationPlan, Expr::cust("NULL"))
        .col_expr(complaints::Column::Resolution, Expr::cust("NULL"))
        .filter(complaints::Column::Id.is_in(batch))
        .exec(db)
        .await?
        .rows_affected)
}
