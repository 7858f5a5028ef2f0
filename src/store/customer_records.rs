//! The rows hanging off a customer, reached by table: what the registry of customer records
//! (`domain::customer::records`) does to a table, written once for all of them.

use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ConnectionTrait, FromQueryResult, JsonValue, StatementBuilder};
use uuid::Uuid;

use super::DbResult;

/// How a table's rows name their customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// A `customer_id` column.
    Customer,
    /// A `complaint_id` column: the rows belong to the customer of their complaint.
    Complaint,
    /// A `delivery_id` column: the rows belong to the customer of their webhook delivery.
    Delivery,
    /// `customer_id` and `other_id` columns: the rows are about two customers, each of whom
    /// they belong to.
    Pair,
}

/// The value erasure writes into a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scrubbed {
    Null,
    Text(&'static str),
    /// JSON text, written as a JSON value.
    Json(&'static str),
    Bool(bool),
}

/// A table hanging off a customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub link: Link,
    /// The columns besides `customer_id` that make a row unique, for tables keyed by
    /// customer (a tag, a segment): a customer's rows then merge into another's by key.
    pub key: &'static [&'static str],
}

fn table(t: &Table) -> Alias {
    Alias::new(t.name)
}

/// The condition that selects the rows of `customer` in `t`.
fn of(t: &Table, customer: Uuid) -> Expr {
    match t.link {
        Link::Customer => Expr::col((table(t), Alias::new("customer_id"))).eq(customer),
        Link::Complaint => Expr::col((table(t), Alias::new("complaint_id"))).in_subquery(
            Query::select()
                .column(Alias::new("id"))
                .from(Alias::new("complaints"))
                .and_where(Expr::col(Alias::new("customer_id")).eq(customer))
                .to_owned(),
        ),
        Link::Pair => Expr::col((table(t), Alias::new("customer_id")))
            .eq(customer)
            .or(Expr::col((table(t), Alias::new("other_id"))).eq(customer)),
        Link::Delivery => Expr::col((table(t), Alias::new("delivery_id"))).in_subquery(
            Query::select()
                .column(Alias::new("id"))
                .from(Alias::new("webhook_deliveries"))
                .and_where(Expr::col(Alias::new("customer_id")).eq(customer))
                .to_owned(),
        ),
    }
}

fn rows_query(t: &Table, customer: Uuid) -> SelectStatement {
    Query::select()
        .column(Asterisk)
        .from(table(t))
        .and_where(of(t, customer))
        .to_owned()
}

/// Every row of `customer` in `t`, as JSON objects of its columns.
pub async fn rows<C: ConnectionTrait>(
    db: &C,
    t: &Table,
    customer: Uuid,
) -> DbResult<Vec<JsonValue>> {
    let statement = StatementBuilder::build(&rows_query(t, customer), &db.get_database_backend());
    JsonValue::find_by_statement(statement).all(db).await
}

/// One page of the rows of `customer` in `t`, in a stable order (the table's key, else its
/// id), `offset` rows in.
pub async fn rows_page<C: ConnectionTrait>(
    db: &C,
    t: &Table,
    customer: Uuid,
    offset: u64,
    limit: u64,
) -> DbResult<Vec<JsonValue>> {
    let mut query = rows_query(t, customer);
    if t.key.is_empty() {
        query.order_by((table(t), Alias::new("id")), sea_orm::Order::Asc);
    } else {
        for column in t.key {
            query.order_by((table(t), Alias::new(*column)), sea_orm::Order::Asc);
        }
    }
    query.offset(offset).limit(limit);
    let statement = StatementBuilder::build(&query, &db.get_database_backend());
    JsonValue::find_by_statement(statement).all(db).await
}

/// How many rows of `customer` `t` holds.
pub async fn count<C: ConnectionTrait>(db: &C, t: &Table, customer: Uuid) -> DbResult<u64> {
    let query = Query::select()
        .expr_as(Expr::col(Asterisk).count(), Alias::new("n"))
        .from(table(t))
        .and_where(of(t, customer))
        .to_owned();
    let row = db.query_one(&query).await?;
    Ok(row
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .map_or(0, |n| u64::try_from(n).unwrap_or(0)))
}

/// Deletes the rows of `customer` in `t`; returns how many.
pub async fn delete<C: ConnectionTrait>(db: &C, t: &Table, customer: Uuid) -> DbResult<u64> {
    let query = Query::delete()
        .from_table(table(t))
        .and_where(of(t, customer))
        .to_owned();
    Ok(db.execute(&query).await?.rows_affected())
}

/// Overwrites `columns` in every row of `customer` in `t`; returns how many rows.
pub async fn scrub<C: ConnectionTrait>(
    db: &C,
    t: &Table,
    customer: Uuid,
    columns: &[(&'static str, Scrubbed)],
) -> DbResult<u64> {
    if columns.is_empty() {
        return Ok(0);
    }
    let mut query = Query::update();
    query.table(table(t)).and_where(of(t, customer));
    for (column, value) in columns {
        // A bare NULL, not a text parameter: PostgreSQL types a bound null, and a text null
        // does not go into a JSON or timestamp column.
        let value: Expr = match value {
            Scrubbed::Null => Expr::cust("NULL"),
            Scrubbed::Text(text) => Expr::val(*text),
            Scrubbed::Json(text) => Expr::val(
                serde_json::from_str::<JsonValue>(text)
                    .map_err(|e| sea_orm::DbErr::Custom(format!("scrub value of {column}: {e}")))?,
            ),
            Scrubbed::Bool(b) => Expr::val(*b),
        };
        query.value(Alias::new(*column), value);
    }
    Ok(db.execute(&query).await?.rows_affected())
}

/// Gives the rows of customer `from` in `t` to customer `to`; rows keyed by customer that
/// `to` already has (the same tag, the same segment) are dropped instead. Rows linked
/// through a complaint move with it. Returns how many moved.
pub async fn repoint<C: ConnectionTrait>(db: &C, t: &Table, from: Uuid, to: Uuid) -> DbResult<u64> {
    if t.link != Link::Customer {
        return Ok(0);
    }
    if !t.key.is_empty() {
        let held = Alias::new("held");
        let mut same_key = Query::select();
        same_key
            .expr(Expr::val(1))
            .from_as(table(t), held.clone())
            .and_where(Expr::col((held.clone(), Alias::new("customer_id"))).eq(to));
        for column in t.key {
            same_key.and_where(
                Expr::col((held.clone(), Alias::new(*column)))
                    .equals((table(t), Alias::new(*column))),
            );
        }
        let duplicates = Query::delete()
            .from_table(table(t))
            .and_where(of(t, from))
            .and_where(Expr::exists(same_key.to_owned()))
            .to_owned();
        db.execute(&duplicates).await?;
    }
    let moved = Query::update()
        .table(table(t))
        .value(Alias::new("customer_id"), to)
        .and_where(of(t, from))
        .to_owned();
    Ok(db.execute(&moved).await?.rows_affected())
}
