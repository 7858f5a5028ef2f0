//! Duplicate candidates in the store: the customers that may be one person with another,
//! narrowed by index (email, E.164 phone; similar names by `pg_trgm` on PostgreSQL, the same
//! company or city on SQLite), the pairs found, and the pairs dismissed.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use entity::{customers, duplicate_dismissals, duplicate_pairs};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::model::duplicate::{Candidate, Identity, ordered};
use crate::model::role::{ActorRef, CustomerScope};

/// The most customers one exact key (an email, a phone) brings into a comparison.
pub const PER_KEY: u64 = 50;

/// The most customers of one company, and of one city, a comparison reads on SQLite, where
/// names are compared after reading (PostgreSQL compares them in its trigram index).
pub const PER_BLOCK: u64 = 2_000;

type IdentityRow = (
    Uuid,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn identity((id, name, email, phone_e164, company_key, city_key): IdentityRow) -> Identity {
    Identity {
        id,
        name,
        email,
        phone_e164,
        company_key,
        city_key,
    }
}

fn identities() -> sea_orm::Select<customers::Entity> {
    use customers::Column as C;
    customers::Entity::find().select_only().columns([
        C::Id,
        C::Name,
        C::Email,
        C::PhoneE164,
        C::CompanyKey,
        C::CityKey,
    ])
}

/// The live customers of `scope` other than `probe` that share its email or phone, or whose
/// name may be alike in its company or city; the matcher scores them.
pub async fn near<C: ConnectionTrait>(
    db: &C,
    probe: &Identity,
    scope: CustomerScope,
) -> DbResult<Vec<Identity>> {
    use customers::Column as Col;
    let base = || {
        identities()
            .filter(super::scope::customers(scope))
            .filter(Col::Id.ne(probe.id))
    };
    let mut found: Vec<Identity> = Vec::new();
    let mut exact = Condition::any();
    if let Some(email) = &probe.email {
        exact = exact.add(Col::Email.eq(email.clone()));
    }
    if let Some(phone) = &probe.phone_e164 {
        exact = exact.add(Col::PhoneE164.eq(phone.clone()));
    }
    if !exact.is_empty() {
        // Unordered: an order would have SQLite read the table in id order rather than the
        // two indexes.
        let rows: Vec<IdentityRow> = base()
            .filter(exact)
            .limit(2 * PER_KEY)
            .into_tuple()
            .all(db)
            .await?;
        found.extend(rows.into_iter().map(identity));
    }
    if probe.name.trim().is_empty() {
        return Ok(found);
    }
    let blocks = [
        probe.company_key.clone().map(|c| Col::CompanyKey.eq(c)),
        probe.city_key.clone().map(|c| Col::CityKey.eq(c)),
    ];
    let postgres = db.get_database_backend() == DbBackend::Postgres;
    for block in blocks.into_iter().flatten() {
        let query = base().filter(block);
        // Each block by its own index: a condition on both would read the table in id order.
        let query = if postgres {
            // `%`: at least pg_trgm's similarity threshold (0.3), answered by the GIN index
            // or within the block; the matcher then keeps the names alike enough.
            query
                .filter(Expr::cust_with_values(
                    "\"customers\".\"name\" % $1",
                    [probe.name.clone()],
                ))
                .limit(PER_KEY)
        } else {
            query.limit(PER_BLOCK)
        };
        let rows: Vec<IdentityRow> = query.into_tuple().all(db).await?;
        let known: HashSet<Uuid> = found.iter().map(|i| i.id).collect();
        found.extend(
            rows.into_iter()
                .map(identity)
                .filter(|i| !known.contains(&i.id)),
        );
    }
    Ok(found)
}

/// What the matcher compares a stored customer by.
pub async fn identity_of<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<Option<Identity>> {
    let row: Option<IdentityRow> = identities()
        .filter(customers::Column::Id.eq(id))
        .into_tuple()
        .one(db)
        .await?;
    Ok(row.map(identity))
}

/// Live customers whose candidates have not been looked for since their keys last changed,
/// oldest id first.
pub async fn unchecked<C: ConnectionTrait>(db: &C, limit: u64) -> DbResult<Vec<Identity>> {
    let rows: Vec<IdentityRow> = identities()
        .filter(super::scope::live())
        .filter(customers::Column::DuplicatesCheckedAt.is_null())
        .order_by_asc(customers::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(identity).collect())
}

/// Replaces the stored pairs `id` is part of with `pairs`, and marks it checked.
pub async fn replace_pairs<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    pairs: &[Candidate],
    now: DateTime<Utc>,
) -> DbResult<()> {
    forget_pairs(db, id).await?;
    insert_pairs(db, pairs, now).await?;
    customers::Entity::update_many()
        .col_expr(customers::Column::DuplicatesCheckedAt, Expr::value(now))
        .filter(customers::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Stores pairs found (a pair found again takes the new score and reasons).
pub async fn insert_pairs<C: ConnectionTrait>(
    db: &C,
    pairs: &[Candidate],
    now: DateTime<Utc>,
) -> DbResult<()> {
    if pairs.is_empty() {
        return Ok(());
    }
    let rows = pairs.iter().map(|c| {
        let (a, b) = ordered(c.customer_id, c.other_id);
        duplicate_pairs::ActiveModel {
            customer_id: Set(a),
            other_id: Set(b),
            score: Set(c.score),
            reasons: Set(serde_json::to_value(&c.reasons).unwrap_or_default()),
            found_at: Set(now),
        }
    });
    duplicate_pairs::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                duplicate_pairs::Column::CustomerId,
                duplicate_pairs::Column::OtherId,
            ])
            .update_columns([
                duplicate_pairs::Column::Score,
                duplicate_pairs::Column::Reasons,
                duplicate_pairs::Column::FoundAt,
            ])
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Forgets every stored pair `id` is part of.
pub async fn forget_pairs<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<u64> {
    Ok(duplicate_pairs::Entity::delete_many()
        .filter(
            Condition::any()
                .add(duplicate_pairs::Column::CustomerId.eq(id))
                .add(duplicate_pairs::Column::OtherId.eq(id)),
        )
        .exec(db)
        .await?
        .rows_affected)
}

/// Where a page of pairs ended: its score and ids.
pub type PairAfter = (i16, Uuid, Uuid);

/// A page of the stored pairs of two live customers, most likely first.
pub async fn pairs_page<C: ConnectionTrait>(
    db: &C,
    min_score: i16,
    after: Option<PairAfter>,
    limit: u64,
) -> DbResult<Rows<duplicate_pairs::Model>> {
    use duplicate_pairs::Column as P;
    let live = |column: P| column.in_subquery(super::scope::customer_ids(CustomerScope::All));
    let mut query = duplicate_pairs::Entity::find()
        .filter(P::Score.gte(min_score))
        .filter(live(P::CustomerId))
        .filter(live(P::OtherId));
    if let Some((score, a, b)) = after {
        query = query.filter(
            Condition::any()
                .add(P::Score.lt(score))
                .add(P::Score.eq(score).and(P::CustomerId.gt(a)))
                .add(
                    P::Score
                        .eq(score)
                        .and(P::CustomerId.eq(a))
                        .and(P::OtherId.gt(b)),
                ),
        );
    }
    let query = query
        .order_by_desc(P::Score)
        .order_by_asc(P::CustomerId)
        .order_by_asc(P::OtherId);
    super::page::fetch(db, query, limit).await
}

/// The customers dismissed as "not a duplicate" of `id`.
pub async fn dismissed_with<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<HashSet<Uuid>> {
    use duplicate_dismissals::Column as D;
    let rows: Vec<(Uuid, Uuid)> = duplicate_dismissals::Entity::find()
        .select_only()
        .columns([D::CustomerId, D::OtherId])
        .filter(
            Condition::any()
                .add(D::CustomerId.eq(id))
                .add(D::OtherId.eq(id)),
        )
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(a, b)| if a == id { b } else { a })
        .collect())
}

/// Records that `a` and `b` are not one person and forgets their pair; `false` when that was
/// known already.
pub async fn dismiss<C: ConnectionTrait>(
    db: &C,
    a: Uuid,
    b: Uuid,
    by: ActorRef,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let (a, b) = ordered(a, b);
    let inserted = duplicate_dismissals::Entity::insert(duplicate_dismissals::ActiveModel {
        customer_id: Set(a),
        other_id: Set(b),
        actor_type: Set(by.kind.as_str().into()),
        actor_id: Set(Some(by.id)),
        dismissed_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            duplicate_dismissals::Column::CustomerId,
            duplicate_dismissals::Column::OtherId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    duplicate_pairs::Entity::delete_many()
        .filter(duplicate_pairs::Column::CustomerId.eq(a))
        .filter(duplicate_pairs::Column::OtherId.eq(b))
        .exec(db)
        .await?;
    Ok(inserted > 0)
}

/// When the pair `(a, b)` (lower id first) was dismissed.
pub async fn dismissed_at<C: ConnectionTrait>(
    db: &C,
    a: Uuid,
    b: Uuid,
) -> DbResult<Option<DateTime<Utc>>> {
    Ok(duplicate_dismissals::Entity::find_by_id((a, b))
        .one(db)
        .await?
        .map(|d| d.dismissed_at))
}

/// Makes the customers looked for again (a merge changed who they may be one person with).
pub async fn recheck<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> DbResult<()> {
    customers::Entity::update_many()
        .col_expr(
            customers::Column::DuplicatesCheckedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(customers::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

/// Serialises the writes that create customers with one of these keys (an email, a phone,
/// a company or city key), so that two creations of one person at once see each other. On
/// SQLite the write lock taken at `BEGIN` does this already.
pub async fn lock_keys<C: ConnectionTrait>(db: &C, keys: &[String]) -> DbResult<()> {
    if db.get_database_backend() != DbBackend::Postgres || keys.is_empty() {
        return Ok(());
    }
    let mut keys: Vec<String> = keys.iter().map(|k| format!("duplicate:{k}")).collect();
    keys.sort();
    keys.dedup();
    // One statement, the locks taken left to right in key order, so that two writers never
    // wait for each other.
    let calls: Vec<String> = (1..=keys.len())
        .map(|n| format!("pg_advisory_xact_lock(72616971, hashtext(${n}))"))
        .collect();
    let lock = Query::select()
        .expr(Expr::cust_with_values(
            calls.join(", "),
            keys.into_iter().map(sea_orm::Value::from),
        ))
        .to_owned();
    db.query_one(&lock).await?;
    Ok(())
}
