//! `GET /customers/{id}/duplicates`, `GET /duplicates` and dismissals: managers and admins,
//! who see every customer.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::find;
use crate::db::begin_write;
use crate::domain::customer::guard::visible_customer;
use crate::domain::page::keyset;
use crate::dto::duplicate::{Dismissal, DismissalRequest, DuplicateListQuery};
use crate::dto::page::{Page, PageQuery};
use crate::model::duplicate::{Candidate, Reason, ordered};
use crate::model::error::{DomainError, DomainResult, FieldCode, FieldError};
use crate::model::role::Actor;
use crate::store;
use crate::store::page::Rows;

const LOOK: &str = "look for duplicates";

/// Where a customer's page of candidates ended.
#[derive(Debug, Serialize, Deserialize)]
struct CandidateCursor {
    score: i16,
    other: Uuid,
}

/// Where a page of every pair ended.
#[derive(Debug, Serialize, Deserialize)]
struct PairCursor {
    score: i16,
    a: Uuid,
    b: Uuid,
}

/// The candidates of one customer, found now, most likely first.
pub async fn of_customer(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    page: PageQuery,
) -> DomainResult<Page<Candidate>> {
    actor.ensure_manager(LOOK)?;
    let request = page.request::<CandidateCursor>()?;
    visible_customer(db, actor, id).await?;
    let probe = store::duplicates::identity_of(db, id)
        .await?
        .ok_or_else(|| DomainError::not_found("customer"))?;
    let found = find::candidates(db, &probe, actor.customer_scope()).await?;
    let rest: Vec<Candidate> = found
        .into_iter()
        .filter(|c| match &request.after {
            None => true,
            Some(after) => {
                c.score < after.score || (c.score == after.score && c.other_id > after.other)
            }
        })
        .take(usize::try_from(request.limit + 1).unwrap_or(usize::MAX))
        .collect();
    Ok(keyset(Rows::cut(rest, request.limit), |c| {
        CandidateCursor {
            score: c.score,
            other: c.other_id,
        }
    }))
}

/// Every pair found among the live customers, most likely first. Pairs are found when a
/// customer is created through the API and, for every other write, by the scheduler's
/// `duplicate_candidates` pass.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: DuplicateListQuery,
    page: PageQuery,
) -> DomainResult<Page<Candidate>> {
    actor.ensure_manager(LOOK)?;
    let min_score = match q.min_score {
        None => 0,
        Some(n @ 0..=100) => n as i16,
        Some(_) => {
            return Err(DomainError::invalid(
                "min_score",
                FieldCode::OutOfRange,
                "must be between 0 and 100",
            ));
        }
    };
    let request = page.request::<PairCursor>()?;
    let after = request.after.as_ref().map(|c| (c.score, c.a, c.b));
    let rows = store::duplicates::pairs_page(db, min_score, after, request.limit).await?;
    let items = rows
        .items
        .into_iter()
        .map(|p| {
            Ok(Candidate {
                customer_id: p.customer_id,
                other_id: p.other_id,
                score: p.score,
                reasons: serde_json::from_value::<Vec<Reason>>(p.reasons)
                    .map_err(DomainError::internal)?,
            })
        })
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(keyset(
        Rows {
            items,
            more: rows.more,
        },
        |c| PairCursor {
            score: c.score,
            a: c.customer_id,
            b: c.other_id,
        },
    ))
}

/// Dismisses a pair as "not a duplicate"; `true` when it was not dismissed before.
pub async fn dismiss(
    db: &DatabaseConnection,
    actor: &Actor,
    input: DismissalRequest,
    now: DateTime<Utc>,
) -> DomainResult<(Dismissal, bool)> {
    actor.ensure_manager("dismiss duplicates")?;
    if input.customer_id == input.other_id {
        return Err(DomainError::invalid(
            "other_id",
            FieldCode::NotAllowed,
            "a customer is not a duplicate of itself",
        ));
    }
    let tx = begin_write(db).await?;
    let mut errors = Vec::new();
    for (field, id) in [
        ("customer_id", input.customer_id),
        ("other_id", input.other_id),
    ] {
        if store::customers::find_visible(&tx, id, actor.customer_scope())
            .await?
            .is_none()
        {
            errors.push(FieldError::no_such(field, "customer"));
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let created = store::duplicates::dismiss(
        &tx,
        input.customer_id,
        input.other_id,
        actor.recorded(),
        now,
    )
    .await?;
    let (a, b) = ordered(input.customer_id, input.other_id);
    let dismissed_at = store::duplicates::dismissed_at(&tx, a, b)
        .await?
        .unwrap_or(now);
    tx.commit().await?;
    Ok((
        Dismissal {
            customer_id: a,
            other_id: b,
            dismissed_at,
        },
        created,
    ))
}
