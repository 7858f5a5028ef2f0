//! Customer queries: visibility-scoped lookups, keyset-paginated lists, tag storage and
//! version-checked updates.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::{customer_dates, customer_tags, customers, users};
use sea_orm::sea_query::{Expr, ExprTrait, Func, NullOrdering, Order, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, QueryResult, QuerySelect, QueryTrait, Set,
};

use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::model::customer::CustomerStatus;
use crate::model::role::CustomerScope;
use crate::model::sort::CustomerSort;

/// What a customers list is narrowed to; built by the domain from the query parameters.
#[derive(Debug, Default)]
pub struct CustomerFilter {
    pub owner_id: Option<Uuid>,
    pub tier: Option<&'static str>,
    pub lifecycle_stage: Option<&'static str>,
    pub status: Option<&'static str>,
    pub tag: Option<String>,
    pub industry: Option<String>,
    pub q: Option<String>,
    pub last_contacted_before: Option<DateTime<Utc>>,
    pub birthday_keys: Option<Vec<i32>>,
    /// Customers with a scheduled touchpoint due before this instant.
    pub next_touchpoint_due_before: Option<DateTime<Utc>>,
    /// Customers with at least this many touchpoints overdue at the instant given.
    pub overdue_touchpoints_min: Option<(i64, DateTime<Utc>)>,
    /// Customers with at least this many open complaints.
    pub open_complaints_min: Option<i64>,
    /// Membership of a segment, translated by the domain.
    pub segment: Option<Condition>,
    /// Consent and `do_not_contact` conditions, translated by the domain.
    pub consent: Option<Condition>,
}

/// Where the previous page ended: the last row's sort key (`None` where it had no value) and
/// id. The domain reads it from the client's cursor.
#[derive(Debug)]
pub struct After {
    pub key: Option<sea_orm::Value>,
    pub id: Uuid,
}

/// The live customers of `ids` that `scope` reaches, in one query.
pub async fn many_visible<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    scope: CustomerScope,
) -> DbResult<Vec<customers::Model>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    visible_among(ids, scope).all(db).await
}

fn visible_among(ids: &[Uuid], scope: CustomerScope) -> sea_orm::Select<customers::Entity> {
    customers::Entity::find()
        .filter(customers::Column::Id.is_in(ids.iter().copied()))
        .filter(super::scope::customers(scope))
}

/// The customer, live or deleted.
pub async fn find_any<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<Option<customers::Model>> {
    customers::Entity::find_by_id(id).one(db).await
}

pub async fn find_visible<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: CustomerScope,
) -> DbResult<Option<customers::Model>> {
    customers::Entity::find_by_id(id)
        .filter(super::scope::customers(scope))
        .one(db)
        .await
}

/// A customer as one statement reads it for a bearer token: the row, its tags and overdue
/// count, and the role of the token's user when that user is active at `token_version`.
pub struct ReadForToken {
    pub model: customers::Model,
    pub tags: Vec<String>,
    pub overdue: i64,
    pub caller_role: Option<String>,
}

/// The live customer `id` with everything [`ReadForToken`] holds, in one round trip (the
/// caller's check rides along as a subquery); `None` when no live customer has that id.
pub async fn find_for_token<C: ConnectionTrait>(
    db: &C,
    user: Uuid,
    token_version: i32,
    id: Uuid,
    now: DateTime<Utc>,
) -> DbResult<Option<ReadForToken>> {
    let backend = db.get_database_backend();
    let caller_role = Query::select()
        .column(users::Column::Role)
        .from(users::Entity)
        .and_where(users::Column::Id.eq(user))
        .and_where(users::Column::Active.eq(true))
        .and_where(users::Column::TokenVersion.eq(token_version))
        .to_owned();
    let statement = customers::Entity::find_by_id(id)
        .filter(super::scope::live())
        .column_as(
            Expr::SubQuery(None, Box::new(caller_role.into())),
            "caller_role",
        )
        .column_as(tag_list(backend), "tag_list")
        .column_as(super::touchpoints::overdue_count(now), "overdue_count")
        .build(backend);
    let Some(row) = db.query_one_raw(statement).await? else {
        return Ok(None);
    };
    let model = super::customer_rows::model(&row)?;
    let tags = tags_in(&row)?;
    Ok(Some(ReadForToken {
        model,
        tags,
        overdue: row.try_get("", "overdue_count")?,
        caller_role: row.try_get("", "caller_role")?,
    }))
}

/// The tags of the customer a query on `customers` is at, as one JSON array (text; null
/// or `[]` for none).
fn tag_list(backend: DbBackend) -> Expr {
    Expr::cust(match backend {
        DbBackend::Postgres => {
            r#"(SELECT json_agg(t.tag)::text FROM customer_tags t WHERE t.customer_id = "customers"."id")"#
        }
        _ => {
            r#"(SELECT json_group_array(t.tag) FROM customer_tags t WHERE t.customer_id = "customers"."id")"#
        }
    })
}

/// The `tag_list` column of `row`, in tag order.
fn tags_in(row: &QueryResult) -> DbResult<Vec<String>> {
    let list: Option<String> = row.try_get("", "tag_list")?;
    let mut tags: Vec<String> = match list {
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| sea_orm::DbErr::Type(format!("stored tags: {e}")))?,
        None => Vec::new(),
    };
    tags.sort();
    Ok(tags)
}

/// What a customer is shown with beside its row: its tags (in order) and the count of its
/// overdue touchpoints, for each of `ids`, in one statement.
pub async fn shown_extras<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    now: DateTime<Utc>,
) -> DbResult<HashMap<Uuid, (Vec<String>, i64)>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        let query = Query::select()
            .column((customers::Entity, customers::Column::Id))
            .expr_as(tag_list(db.get_database_backend()), "tag_list")
            .expr_as(super::touchpoints::overdue_count(now), "overdue_count")
            .from(customers::Entity)
            .and_where(customers::Column::Id.is_in(chunk.iter().copied()))
            .to_owned();
        for row in db.query_all(&query).await? {
            let id: Uuid = row.try_get("", "id")?;
            let overdue: i64 = row.try_get("", "overdue_count")?;
            out.insert(id, (tags_in(&row)?, overdue));
        }
    }
    Ok(out)
}

/// Replaces every personal field of the customer with nothing (the name with `name`), keeps
/// its tier, stages, status, owner and figures, and marks it erased.
pub async fn erase_profile<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    name: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> DbResult<u64> {
    use customers::Column as C;
    let mut update = customers::Entity::update_many()
        .col_expr(C::Name, Expr::value(name))
        .col_expr(C::Timezone, Expr::value("UTC"))
        .col_expr(C::Attributes, Expr::value(serde_json::json!({})))
        .col_expr(C::ImportantDates, Expr::value(serde_json::json!([])))
        .col_expr(C::Consent, Expr::value(serde_json::json!({})))
        .col_expr(C::DoNotContact, Expr::value(true))
        .col_expr(C::ErasedAt, Expr::value(now))
        .col_expr(C::ErasureReason, Expr::value(reason))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .col_expr(C::Version, Expr::col(C::Version).add(1));
    for column in [
        C::Company,
        C::Gender,
        C::Birthday,
        C::BirthdayMmdd,
        C::Email,
        C::Phone,
        C::PhoneE164,
        C::CompanyKey,
        C::CityKey,
        C::Industry,
        C::Occupation,
        C::Position,
        C::City,
        C::Country,
        C::PreferredChannel,
        C::ContactWindow,
        C::SourceChannel,
        C::ReferredById,
        C::ChurnReason,
        C::Needs,
        C::PainPoints,
        C::Preferences,
        C::Personality,
        C::Notes,
    ] {
        update = update.col_expr(column, Expr::cust("NULL"));
    }
    Ok(update.filter(C::Id.eq(id)).exec(db).await?.rows_affected)
}

/// Marks `from` merged into `into` (its row stays, unlisted, pointing at `into`), and
/// points the customers merged into `from` earlier, and those `from` referred, at `into`.
pub async fn mark_merged<C: ConnectionTrait>(
    db: &C,
    from: Uuid,
    into: Uuid,
    now: DateTime<Utc>,
) -> DbResult<()> {
    use customers::Column as C;
    customers::Entity::update_many()
        .col_expr(C::MergedInto, Expr::value(into))
        .col_expr(C::MergedAt, Expr::value(now))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .col_expr(C::Version, Expr::col(C::Version).add(1))
        .filter(C::Id.eq(from))
        .exec(db)
        .await?;
    customers::Entity::update_many()
        .col_expr(C::MergedInto, Expr::value(into))
        .filter(C::MergedInto.eq(from))
        .exec(db)
        .await?;
    customers::Entity::update_many()
        .col_expr(C::ReferredById, Expr::value(into))
        .filter(C::ReferredById.eq(from))
        .filter(C::Id.ne(into))
        .exec(db)
        .await?;
    Ok(())
}

/// Moves the customer's version on without changing its profile (its records changed).
pub async fn touch<C: ConnectionTrait>(db: &C, id: Uuid, now: DateTime<Utc>) -> DbResult<()> {
    use customers::Column as C;
    customers::Entity::update_many()
        .col_expr(C::UpdatedAt, Expr::value(now))
        .col_expr(C::Version, Expr::col(C::Version).add(1))
        .filter(C::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The customer that `id`, merged away, now is, when `scope` reached `id` before the merge.
pub async fn merged_into<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: CustomerScope,
) -> DbResult<Option<Uuid>> {
    use customers::Column as C;
    let mut query = customers::Entity::find_by_id(id)
        .select_only()
        .column(C::MergedInto)
        .filter(C::MergedInto.is_not_null())
        .filter(C::DeletedAt.is_null())
        .filter(C::ErasedAt.is_null());
    if let CustomerScope::OwnedBy(owner) = scope {
        query = query.filter(C::OwnerId.eq(owner));
    }
    Ok(query.into_tuple::<Option<Uuid>>().one(db).await?.flatten())
}

/// The customer row whatever its state (deleted, erased), locked until the transaction ends.
pub async fn lock_any<C: ConnectionTrait>(tx: &C, id: Uuid) -> DbResult<Option<customers::Model>> {
    customers::Entity::find_by_id(id)
        .lock_exclusive()
        .one(tx)
        .await
}

/// `find_visible`, with the row locked until the transaction ends (see "Check-then-write").
pub async fn lock_visible<C: ConnectionTrait>(
    tx: &C,
    id: Uuid,
    scope: CustomerScope,
) -> DbResult<Option<customers::Model>> {
    customers::Entity::find_by_id(id)
        .filter(super::scope::customers(scope))
        .lock_exclusive()
        .one(tx)
        .await
}

/// The visible customers of `ids`, locked for the rest of the transaction (in id order, so
/// that two transactions locking overlapping sets wait rather than deadlock).
pub async fn lock_many_visible<C: ConnectionTrait>(
    tx: &C,
    ids: &[Uuid],
    scope: CustomerScope,
) -> DbResult<Vec<customers::Model>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    visible_among(ids, scope)
        .order_by_asc(customers::Column::Id)
        .lock_exclusive()
        .all(tx)
        .await
}

pub async fn tags_of<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
) -> DbResult<HashMap<Uuid, Vec<String>>> {
    let mut map: HashMap<Uuid, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    let rows = customer_tags::Entity::find()
        .filter(customer_tags::Column::CustomerId.is_in(ids.iter().copied()))
        .order_by_asc(customer_tags::Column::Tag)
        .all(db)
        .await?;
    for row in rows {
        map.entry(row.customer_id).or_default().push(row.tag);
    }
    Ok(map)
}

pub async fn replace_tags<C: ConnectionTrait>(db: &C, id: Uuid, tags: &[String]) -> DbResult<()> {
    customer_tags::Entity::delete_many()
        .filter(customer_tags::Column::CustomerId.eq(id))
        .exec(db)
        .await?;
    if !tags.is_empty() {
        customer_tags::Entity::insert_many(tags.iter().map(|tag| customer_tags::ActiveModel {
            customer_id: Set(id),
            tag: Set(tag.clone()),
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Replaces the month-days of the customer's recurring important dates.
pub async fn replace_month_days<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    month_days: &[i32],
) -> DbResult<()> {
    customer_dates::Entity::delete_many()
        .filter(customer_dates::Column::CustomerId.eq(id))
        .exec(db)
        .await?;
    if !month_days.is_empty() {
        customer_dates::Entity::insert_many(month_days.iter().map(|&month_day| {
            customer_dates::ActiveModel {
                customer_id: Set(id),
                month_day: Set(month_day),
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    model: customers::ActiveModel,
) -> DbResult<customers::Model> {
    model.insert(db).await
}

/// What a sort orders by: a column, or the overdue count at `now` (counted, not stored).
fn sort_key(sort: CustomerSort, now: DateTime<Utc>) -> (Expr, Order) {
    use CustomerSort::*;
    let column = |c: customers::Column| Expr::col((customers::Entity, c));
    let (key, order) = match sort {
        NameAsc => (column(customers::Column::Name), Order::Asc),
        NameDesc => (column(customers::Column::Name), Order::Desc),
        CreatedAsc => (column(customers::Column::CreatedAt), Order::Asc),
        CreatedDesc => (column(customers::Column::CreatedAt), Order::Desc),
        UpdatedAsc => (column(customers::Column::UpdatedAt), Order::Asc),
        UpdatedDesc => (column(customers::Column::UpdatedAt), Order::Desc),
        LastContactedAsc => (column(customers::Column::LastContactedAt), Order::Asc),
        LastContactedDesc => (column(customers::Column::LastContactedAt), Order::Desc),
        ValueAsc => (column(customers::Column::LifetimeValueMinor), Order::Asc),
        ValueDesc => (column(customers::Column::LifetimeValueMinor), Order::Desc),
        PurchasesAsc => (column(customers::Column::PurchaseCount), Order::Asc),
        PurchasesDesc => (column(customers::Column::PurchaseCount), Order::Desc),
        LastPurchaseAsc => (column(customers::Column::LastPurchaseAt), Order::Asc),
        LastPurchaseDesc => (column(customers::Column::LastPurchaseAt), Order::Desc),
        NextTouchpointAsc => (column(customers::Column::NextTouchpointDueAt), Order::Asc),
        NextTouchpointDesc => (column(customers::Column::NextTouchpointDueAt), Order::Desc),
        OverdueAsc => (super::touchpoints::overdue_count(now), Order::Asc),
        OverdueDesc => (super::touchpoints::overdue_count(now), Order::Desc),
        OpenComplaintsAsc => (column(customers::Column::OpenComplaints), Order::Asc),
        OpenComplaintsDesc => (column(customers::Column::OpenComplaints), Order::Desc),
    };
    (key, order)
}

/// Rows strictly after the cursor in (sort key, id) order, with nulls last in both directions.
fn after_condition(key: &Expr, order: &Order, after: &After) -> Condition {
    let id = customers::Column::Id;
    let descending = matches!(order, Order::Desc);
    let beyond = |v: sea_orm::Value| {
        if descending {
            key.clone().lt(v)
        } else {
            key.clone().gt(v)
        }
    };
    let id_beyond = if descending {
        id.lt(after.id)
    } else {
        id.gt(after.id)
    };
    match &after.key {
        Some(v) => Condition::any()
            .add(beyond(v.clone()))
            .add(
                Condition::all()
                    .add(key.clone().eq(v.clone()))
                    .add(id_beyond),
            )
            .add(key.clone().is_null()),
        None => Condition::all().add(key.clone().is_null()).add(id_beyond),
    }
}

fn filter_condition(filter: &CustomerFilter, backend: DbBackend) -> Condition {
    let mut cond = Condition::all();
    if let Some(consent) = &filter.consent {
        cond = cond.add(consent.clone());
    }
    if let Some(owner) = filter.owner_id {
        cond = cond.add(customers::Column::OwnerId.eq(owner));
    }
    if let Some(tier) = filter.tier {
        cond = cond.add(customers::Column::Tier.eq(tier));
    }
    if let Some(stage) = filter.lifecycle_stage {
        cond = cond.add(customers::Column::LifecycleStage.eq(stage));
    }
    if let Some(status) = filter.status {
        cond = cond.add(customers::Column::Status.eq(status));
    }
    if let Some(industry) = &filter.industry {
        cond = cond.add(customers::Column::Industry.eq(industry.clone()));
    }
    if let Some(tag) = &filter.tag {
        cond = cond.add(
            customers::Column::Id.in_subquery(
                Query::select()
                    .column(customer_tags::Column::CustomerId)
                    .from(customer_tags::Entity)
                    .and_where(customer_tags::Column::Tag.eq(tag.clone()))
                    .to_owned(),
            ),
        );
    }
    if let Some(q) = &filter.q {
        let pattern = super::contains_pattern(q);
        // On PostgreSQL `ILIKE`, which the columns' trigram indexes answer; SQLite reads
        // every row (its `LIKE` ignores ASCII case; the pattern is in lower case already).
        let like = |col: customers::Column| match backend {
            DbBackend::Postgres => Expr::cust_with_exprs(
                "$1 ILIKE $2 ESCAPE '\\'",
                [
                    Expr::col((customers::Entity, col)),
                    Expr::val(pattern.clone()),
                ],
            ),
            _ => Expr::expr(Func::lower(Expr::col((customers::Entity, col))))
                .like(sea_orm::sea_query::LikeExpr::new(pattern.clone()).escape('\\')),
        };
        cond = cond.add(
            Condition::any()
                .add(like(customers::Column::Name))
                .add(like(customers::Column::Company))
                .add(like(customers::Column::Email))
                .add(like(customers::Column::Phone)),
        );
    }
    if let Some(before) = filter.last_contacted_before {
        cond = cond.add(
            Condition::any()
                .add(customers::Column::LastContactedAt.is_null())
                .add(customers::Column::LastContactedAt.lt(before)),
        );
    }
    if let Some(keys) = &filter.birthday_keys {
        cond = cond.add(customers::Column::BirthdayMmdd.is_in(keys.iter().copied()));
    }
    if let Some(before) = filter.next_touchpoint_due_before {
        cond = cond.add(customers::Column::NextTouchpointDueAt.lt(before));
    }
    if let Some((min, now)) = filter.overdue_touchpoints_min {
        cond = cond.add(super::touchpoints::overdue_count(now).gte(min));
    }
    if let Some(min) = filter.open_complaints_min {
        cond = cond.add(customers::Column::OpenComplaints.gte(min));
    }
    if let Some(segment) = &filter.segment {
        cond = cond.add(segment.clone());
    }
    cond
}

/// One page of customers plus whether more follow.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    filter: &CustomerFilter,
    sort: CustomerSort,
    after: Option<&After>,
    limit: u64,
    now: DateTime<Utc>,
) -> DbResult<Rows<customers::Model>> {
    let (key, order) = sort_key(sort, now);
    let mut query = customers::Entity::find()
        .filter(super::scope::customers(scope))
        .filter(filter_condition(filter, db.get_database_backend()));
    if let Some(after) = after {
        query = query.filter(after_condition(&key, &order, after));
    }
    let query = query
        .order_by_with_nulls(key, order.clone(), NullOrdering::Last)
        .order_by(customers::Column::Id, order)
        .limit(limit + 1);
    Ok(Rows::cut(
        super::customer_rows::all(db, query).await?,
        limit,
    ))
}

/// Active customers whose birthday or a recurring important date falls on one of
/// `month_days`, in id order after `after`: the candidates of the yearly greetings.
/// One page of the customers a filter selects, by id (ids are time-ordered, so this is
/// creation order): a walk over the primary key, however many there are.
pub async fn page_by_id<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    filter: &CustomerFilter,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Rows<customers::Model>> {
    let mut query = customers::Entity::find()
        .filter(super::scope::customers(scope))
        .filter(filter_condition(filter, db.get_database_backend()));
    if let Some(after) = after {
        query = query.filter(customers::Column::Id.gt(after));
    }
    let query = query.order_by_asc(customers::Column::Id);
    super::page::fetch(db, query, limit).await
}

pub async fn with_yearly_dates<C: ConnectionTrait>(
    db: &C,
    month_days: &[i32],
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Vec<customers::Model>> {
    let mut query = customers::Entity::find()
        .filter(super::scope::live())
        .filter(customers::Column::Status.eq(CustomerStatus::Active.as_str()))
        .filter(
            Condition::any()
                .add(customers::Column::BirthdayMmdd.is_in(month_days.iter().copied()))
                .add(
                    customers::Column::Id.in_subquery(
                        Query::select()
                            .column(customer_dates::Column::CustomerId)
                            .from(customer_dates::Entity)
                            .and_where(
                                customer_dates::Column::MonthDay.is_in(month_days.iter().copied()),
                            )
                            .to_owned(),
                    ),
                ),
        );
    if let Some(after) = after {
        query = query.filter(customers::Column::Id.gt(after));
    }
    query
        .order_by_asc(customers::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// The live customers matching `condition`, locked until the transaction ends, in id order
/// (so concurrent lockers queue rather than deadlock); at most `limit`.
pub async fn lock_matching<C: ConnectionTrait>(
    tx: &C,
    condition: Condition,
    limit: u64,
) -> DbResult<Vec<customers::Model>> {
    customers::Entity::find()
        .filter(super::scope::live())
        .filter(condition)
        .order_by_asc(customers::Column::Id)
        .limit(limit)
        .lock_exclusive()
        .all(tx)
        .await
}

/// How many customers the scope reaches that match the filter, counted by the database.
pub async fn count<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    filter: &CustomerFilter,
) -> DbResult<u64> {
    use sea_orm::PaginatorTrait;
    customers::Entity::find()
        .filter(super::scope::customers(scope))
        .filter(filter_condition(filter, db.get_database_backend()))
        .count(db)
        .await
}

/// How many live customers a user owns.
pub async fn count_owned_by<C: ConnectionTrait>(db: &C, owner: Uuid) -> DbResult<u64> {
    use sea_orm::PaginatorTrait;
    customers::Entity::find()
        .filter(super::scope::customers(CustomerScope::OwnedBy(owner)))
        .count(db)
        .await
}
