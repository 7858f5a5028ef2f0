//! `POST /customers/import`: every row is decoded and checked like a `POST /customers` body,
//! matched against the customers the caller can see (by `id`, then email, then the phone in
//! E.164) and against earlier rows, and then created, updated or skipped. Rows with
//! problems are reported and left out; the others are written in one transaction, new
//! customers in batches. A dry run answers the plan and writes nothing.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use entity::{customer_dates, customer_tags, customers};
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use serde_json::Value;
use uuid::Uuid;

use super::read;
use super::rows::{Decoded, check_references, decode, errors_of, lookups};
use crate::db::begin_write;
use crate::domain::customer::announce::announce;
use crate::domain::customer::convert::profile_of;
use crate::domain::customer::convert::to_dto;
use crate::domain::customer::history;
use crate::domain::customer::ops::{
    ProfileChange, check_profile, new_row, reaches_beyond, write_change, write_plain_changes,
};
use crate::domain::feed::{self, Change};
use crate::domain::schedule;
use crate::dto::customer::CustomerPatch;
use crate::dto::customer_csv::{
    ImportAction, ImportQuery, ImportResult, MAX_IMPORT_ERRORS, MatchedBy, OnDuplicate, PlannedRow,
};
use crate::dto::decode::from_validated;
use crate::model::cadence::Trigger;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError, first_errors};
use crate::model::event::EventType;
use crate::model::role::{Actor, CustomerScope};
use crate::store;

/// New customers whose rows are built and written together.
const BUILD_BATCH: usize = 5_000;

/// Existing customers locked, checked and changed together.
const UPDATE_BATCH: usize = 500;

/// After a bulk load this large, PostgreSQL's planner statistics are refreshed at once:
/// until autovacuum does it, lookups by email or phone would scan the whole table.
const REFRESH_STATISTICS_AFTER: u64 = 10_000;

/// Existing customers by id, email and E.164 phone (the oldest where several share one).
struct Existing {
    ids: HashSet<Uuid>,
    emails: HashMap<String, Uuid>,
    phones: HashMap<String, Uuid>,
}

async fn existing(
    tx: &DatabaseTransaction,
    scope: CustomerScope,
    rows: &[Decoded],
) -> DomainResult<Existing> {
    let ids: Vec<Uuid> = rows.iter().filter_map(|d| d.id).collect();
    let emails: Vec<String> = rows.iter().filter_map(|d| d.email.clone()).collect();
    let phones: Vec<String> = rows.iter().filter_map(|d| d.phone.clone()).collect();
    let mut found = Existing {
        ids: HashSet::new(),
        emails: HashMap::new(),
        phones: HashMap::new(),
    };
    for m in store::customer_import::matching(tx, scope, &ids, &emails, &phones).await? {
        found.ids.insert(m.id);
        if let Some(email) = m.email {
            let known = found.emails.entry(email).or_insert(m.id);
            *known = (*known).min(m.id);
        }
        if let Some(p) = m.phone_e164 {
            let known = found.phones.entry(p).or_insert(m.id);
            *known = (*known).min(m.id);
        }
    }
    Ok(found)
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn import(
    db: &DatabaseConnection,
    actor: &Actor,
    body: &[u8],
    q: ImportQuery,
    now: DateTime<Utc>,
) -> DomainResult<ImportResult> {
    actor.ensure_can_write()?;
    let dry_run = q.dry_run.unwrap_or(false);
    let mode = q.on_duplicate.unwrap_or_default();
    let mut result = ImportResult {
        dry_run,
        created: 0,
        updated: 0,
        skipped: 0,
        errors: Vec::new(),
        errors_omitted: 0,
        plan: None,
    };
    // A file that cannot be read as customers at all (its header, its size) is refused
    // whole; problems of single rows are answered in the result.
    let table = read::parse(body).map_err(|errors| {
        DomainError::Validation(
            errors
                .into_iter()
                .map(|e| FieldError::new(e.field, e.code, format!("row {}: {}", e.row, e.message)))
                .collect(),
        )
    })?;
    result.errors.extend(table.errors.iter().cloned());
    let mut plan: Vec<PlannedRow> = table
        .errors
        .iter()
        .map(|e| planned(e.row, ImportAction::Error, None, None))
        .collect();

    let tx = begin_write(db).await?;
    store::customer_import::lock_imports(&tx).await?;
    let mut lookups = lookups(&tx, &table).await?;
    let mut decoded = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let checked = match decode(
            &table.columns,
            row,
            &lookups,
            actor,
            now,
            mode == OnDuplicate::Update,
        ) {
            Ok(d) => check_references(&tx, actor, &d, &mut lookups)
                .await?
                .map(|()| d),
            Err(e) => Err(e),
        };
        match checked {
            Ok(d) => decoded.push(d),
            Err(errors) => {
                plan.push(planned(row.number, ImportAction::Error, None, None));
                result.errors.extend(errors);
            }
        }
    }

    drop(table);
    let found = existing(&tx, actor.customer_scope(), &decoded).await?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    // Why each matched customer was matched, for the plan.
    let mut reasons: HashMap<Uuid, Vec<MatchedBy>> = HashMap::new();
    let mut creates = Vec::new();
    let mut updates = Vec::new();
    for d in decoded {
        let (matched, matched_by) = match_of(&d, &found);
        // A row repeats an earlier one when they share an email, a phone or the customer
        // they match.
        let keys: Vec<String> = [
            matched.map(|id| format!("id:{id}")),
            d.email.as_ref().map(|e| format!("email:{e}")),
            d.phone.as_ref().map(|p| format!("phone:{p}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if let Some(first) = keys.iter().find_map(|k| seen.get(k)) {
            let mut row = planned(d.number, ImportAction::Skip, matched, Some(*first));
            row.matched_by = matched_by;
            plan.push(row);
            result.skipped += 1;
            continue;
        }
        for key in keys {
            seen.insert(key, d.number);
        }
        if let (Some(id), Some(by)) = (matched, matched_by) {
            reasons.insert(id, by);
        }
        match (matched, mode) {
            (None, _) => creates.push(d),
            (Some(id), OnDuplicate::Skip) => {
                plan.push(planned(d.number, ImportAction::Skip, Some(id), None));
                result.skipped += 1;
            }
            (Some(id), OnDuplicate::Update) => updates.push((id, d)),
        }
    }

    for (row, id, outcome) in update_all(&tx, actor, updates, dry_run, now).await? {
        match outcome {
            Outcome::Changed => {
                plan.push(planned(row, ImportAction::Update, Some(id), None));
                result.updated += 1;
            }
            // A row that would change nothing is skipped, on a dry run as for real.
            Outcome::Unchanged => {
                plan.push(planned(row, ImportAction::Skip, Some(id), None));
                result.skipped += 1;
            }
            Outcome::Refused(errors) => {
                plan.push(planned(row, ImportAction::Error, Some(id), None));
                result.errors.extend(errors_of(row, errors));
            }
        }
    }
    for d in &creates {
        plan.push(planned(d.number, ImportAction::Create, None, None));
    }
    for row in &mut plan {
        if row.matched_by.is_none()
            && let Some(id) = row.customer_id
        {
            row.matched_by = reasons.get(&id).cloned();
        }
    }
    result.created = creates.len() as u64;
    if !dry_run {
        create_all(&tx, actor, creates, now).await?;
        tx.commit().await?;
        if result.created >= REFRESH_STATISTICS_AFTER {
            store::customer_import::refresh_statistics(db).await?;
        }
    }
    result.errors.sort_by_key(|e| e.row);
    let (errors, omitted) = first_errors(std::mem::take(&mut result.errors), MAX_IMPORT_ERRORS);
    result.errors = errors;
    result.errors_omitted = omitted as u64;
    if dry_run {
        plan.sort_by_key(|p| p.row);
        result.plan = Some(plan);
    }
    Ok(result)
}

/// The existing customer a row names, first by `id`, then by email, then by phone, and
/// each of those that names that same customer.
fn match_of(d: &Decoded, found: &Existing) -> (Option<Uuid>, Option<Vec<MatchedBy>>) {
    let by_id = d.id.filter(|id| found.ids.contains(id));
    let by_email = d.email.as_ref().and_then(|e| found.emails.get(e).copied());
    let by_phone = d.phone.as_ref().and_then(|p| found.phones.get(p).copied());
    let Some(matched) = by_id.or(by_email).or(by_phone) else {
        return (None, None);
    };
    let reasons = [
        (by_id, MatchedBy::Id),
        (by_email, MatchedBy::Email),
        (by_phone, MatchedBy::Phone),
    ]
    .into_iter()
    .filter(|(id, _)| *id == Some(matched))
    .map(|(_, by)| by)
    .collect();
    (Some(matched), Some(reasons))
}

fn planned(
    row: usize,
    action: ImportAction,
    customer_id: Option<Uuid>,
    duplicate_of_row: Option<usize>,
) -> PlannedRow {
    PlannedRow {
        row,
        action,
        customer_id,
        matched_by: None,
        duplicate_of_row,
    }
}

/// What became of a row updating an existing customer.
enum Outcome {
    Changed,
    Unchanged,
    Refused(Vec<FieldError>),
}

/// Rows updating existing customers, a batch at a time: each batch's customers are locked and
/// read (with their tags) in a statement each, every row is checked as `PATCH
/// /customers/{id}` would check it, and the changes that stay within the customers' records
/// are written together; one that reaches beyond (a new owner, reach, dates, consent, a
/// churn) is carried out on its own, as the PATCH would.
async fn update_all(
    tx: &DatabaseTransaction,
    actor: &Actor,
    updates: Vec<(Uuid, Decoded)>,
    dry_run: bool,
    now: DateTime<Utc>,
) -> DomainResult<Vec<(usize, Uuid, Outcome)>> {
    let mut outcomes = Vec::with_capacity(updates.len());
    let mut updates = updates.into_iter().peekable();
    while updates.peek().is_some() {
        let batch: Vec<(Uuid, Decoded)> = updates.by_ref().take(UPDATE_BATCH).collect();
        let ids: Vec<Uuid> = batch.iter().map(|(id, _)| *id).collect();
        let locked: HashMap<Uuid, customers::Model> =
            store::customers::lock_many_visible(tx, &ids, actor.customer_scope())
                .await?
                .into_iter()
                .map(|m| (m.id, m))
                .collect();
        let mut tags = store::customers::tags_of(tx, &ids).await?;
        let mut plain = Vec::new();
        for (id, d) in batch {
            let tags = tags.remove(&id).unwrap_or_default();
            let outcome =
                match planned_change(tx, actor, locked.get(&id), tags, d.patch, now).await? {
                    Err(errors) => Outcome::Refused(errors),
                    Ok(None) => Outcome::Unchanged,
                    Ok(Some(_)) if dry_run => Outcome::Changed,
                    Ok(Some((current, change))) if reaches_beyond(&change) => {
                        let kinds = write_change(tx, actor, current, change, now).await?;
                        announce(tx, Some(actor.recorded()), &kinds, current.id, now).await?;
                        Outcome::Changed
                    }
                    Ok(Some((current, change))) => {
                        plain.push((current.clone(), change));
                        Outcome::Changed
                    }
                };
            outcomes.push((d.number, id, outcome));
        }
        write_plain_changes(tx, actor, plain, now).await?;
    }
    Ok(outcomes)
}

/// The change a row asks of the (locked) customer, checked whole; `None` when it changes
/// nothing, and a refusal as the row's errors.
async fn planned_change<'a>(
    tx: &DatabaseTransaction,
    actor: &Actor,
    current: Option<&'a customers::Model>,
    tags: Vec<String>,
    patch: Value,
    now: DateTime<Utc>,
) -> DomainResult<Result<Option<(&'a customers::Model, ProfileChange)>, Vec<FieldError>>> {
    let owner_refused = |message: String| {
        Ok(Err(vec![FieldError::new(
            "owner_id",
            FieldCode::NotAllowed,
            message,
        )]))
    };
    let patch: CustomerPatch = match from_validated(patch) {
        Ok(p) => p,
        Err(errors) => return Ok(Err(errors)),
    };
    let Some(current) = current else {
        return Ok(Err(vec![FieldError::new(
            "id",
            FieldCode::NotFound,
            "no such customer",
        )]));
    };
    if patch.owner_id.is_some_and(|o| o != current.owner_id)
        && let Err(DomainError::Forbidden(message)) = actor.ensure_manager("reassign customers")
    {
        return owner_refused(message);
    }
    let before = profile_of(current, tags)?;
    let mut after = before.clone();
    let consent_source = patch.consent_source.clone();
    after.apply(patch);
    match check_profile(tx, actor, current, before, after, consent_source, now).await {
        Ok(change) if change.after == change.before => Ok(Ok(None)),
        Ok(change) => Ok(Ok(Some((current, change)))),
        Err(DomainError::Validation(errors)) => Ok(Err(errors)),
        Err(DomainError::Forbidden(message)) => owner_refused(message),
        Err(other) => Err(other),
    }
}

/// Writes the new customers in batches, then starts their `customer_created` playbooks.
async fn create_all(
    tx: &DatabaseTransaction,
    actor: &Actor,
    creates: Vec<Decoded>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let mut ids = Vec::with_capacity(creates.len());
    // Rows are built some thousands at a time, so a large file never holds them all at once.
    for batch in creates.chunks(BUILD_BATCH) {
        let (mut rows, mut tags, mut dates, mut changes) = (
            Vec::with_capacity(batch.len()),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        for d in batch {
            let id = Uuid::now_v7();
            ids.push(id);
            rows.push(new_row(id, &d.profile, now));
            tags.extend(d.profile.tags.iter().map(|tag| customer_tags::ActiveModel {
                customer_id: Set(id),
                tag: Set(tag.clone()),
            }));
            dates.extend(d.profile.month_days().into_iter().map(|month_day| {
                customer_dates::ActiveModel {
                    customer_id: Set(id),
                    month_day: Set(month_day),
                }
            }));
            changes.extend(history::rows(
                id,
                history::changes(None, &d.profile),
                Some(actor.recorded()),
                now,
            ));
        }
        store::customer_import::insert_new(tx, rows, tags, dates, changes).await?;
        // The new customers as the API shows them: nothing is overdue for a customer yet.
        let batch_ids = &ids[ids.len() - batch.len()..];
        let mut stored: std::collections::HashMap<Uuid, _> =
            store::customers::many_visible(tx, batch_ids, CustomerScope::All)
                .await?
                .into_iter()
                .map(|m| (m.id, m))
                .collect();
        let shown = batch_ids
            .iter()
            .zip(batch)
            .filter_map(|(id, d)| {
                stored
                    .remove(id)
                    .map(|m| to_dto(m, d.profile.tags.clone(), 0))
            })
            .collect::<DomainResult<Vec<_>>>()?;
        let created = shown
            .iter()
            .map(|c| Change {
                kind: EventType::CustomerCreated,
                subject_id: c.id,
                customer_id: c.id,
                data: c,
            })
            .collect();
        feed::emit_all(tx, Some(actor.recorded()), created, now).await?;
    }
    if store::playbooks::any_active_for(tx, Trigger::CustomerCreated.as_str()).await? {
        for id in ids {
            if let Some(stored) = store::customers::find_visible(tx, id, CustomerScope::All).await?
            {
                schedule::on_trigger(tx, &stored, Trigger::CustomerCreated, now, id, now).await?;
            }
        }
    }
    Ok(())
}
