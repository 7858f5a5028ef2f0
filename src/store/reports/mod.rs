//! The reports' aggregate SQL. Every figure is computed by the database (grouped counts and
//! sums, window functions for running totals, nearest-rank percentiles by offset), so a
//! report reads a bounded number of rows however many customers there are. The few
//! expressions the two databases spell differently (month of a timestamp, seconds between
//! two, a floating-point cast) are written once here per backend.

pub mod activity;
pub mod customers;
pub mod revenue;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, QueryResult, Statement, Value};

use super::DbResult;

/// The spellings that differ between SQLite and PostgreSQL.
#[derive(Clone, Copy)]
pub struct Dialect(DbBackend);

impl Dialect {
    pub fn of<C: ConnectionTrait>(db: &C) -> Self {
        Self(db.get_database_backend())
    }

    /// `YYYY-MM` of a UTC timestamp column.
    pub fn month(self, column: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM')"),
            _ => format!("substr({column}, 1, 7)"),
        }
    }

    /// Whole seconds from `from` to `to`.
    pub fn seconds_between(self, from: &str, to: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!("CAST(EXTRACT(EPOCH FROM ({to} - {from})) AS BIGINT)"),
            _ => format!("CAST(ROUND((julianday({to}) - julianday({from})) * 86400) AS INTEGER)"),
        }
    }

    /// `at` plus whole days.
    pub fn plus_days(self, at: &str, days: i64) -> String {
        match self.0 {
            DbBackend::Postgres => format!("({at} + INTERVAL '{days} days')"),
            _ => format!("julianday({at}) + {days}"),
        }
    }

    /// A comparable form of a timestamp column, to set beside `plus_days`.
    pub fn instant(self, at: &str) -> String {
        match self.0 {
            DbBackend::Postgres => at.to_string(),
            _ => format!("julianday({at})"),
        }
    }

    pub fn float(self, expr: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!("CAST({expr} AS DOUBLE PRECISION)"),
            _ => format!("CAST({expr} AS REAL)"),
        }
    }

    /// A whole-number sum that reads as a 64-bit integer on both (PostgreSQL sums bigints
    /// as numeric).
    pub fn sum(self, expr: &str) -> String {
        format!("CAST(COALESCE(SUM({expr}), 0) AS BIGINT)")
    }

    /// The SQL with `$1, $2 …` placeholders as this backend reads them (`?1 …` on SQLite).
    fn statement(self, sql: &str, values: Vec<Value>) -> Statement {
        let sql = match self.0 {
            DbBackend::Postgres => sql.to_string(),
            _ => sql.replace('$', "?"),
        };
        Statement::from_sql_and_values(self.0, sql, values)
    }
}

pub async fn rows<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: Vec<Value>,
) -> DbResult<Vec<QueryResult>> {
    db.query_all_raw(Dialect::of(db).statement(sql, values))
        .await
}

pub async fn row<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: Vec<Value>,
) -> DbResult<Option<QueryResult>> {
    db.query_one_raw(Dialect::of(db).statement(sql, values))
        .await
}

/// A half-open period `[from, to)`; an open start reaches back to the beginning.
#[derive(Clone, Copy, Debug)]
pub struct Period {
    pub from: Option<DateTime<Utc>>,
    pub to: DateTime<Utc>,
}

impl Period {
    /// `column >= $n AND column < $n+1` with the values appended to `values`.
    fn condition(&self, column: &str, values: &mut Vec<Value>) -> String {
        values.push(self.to.into());
        let mut sql = format!("{column} < ${}", values.len());
        if let Some(from) = self.from {
            values.push(from.into());
            sql.push_str(&format!(" AND {column} >= ${}", values.len()));
        }
        sql
    }
}

/// A count per key of a grouped query (`key`, `n` columns).
pub fn counts(rows: Vec<QueryResult>) -> DbResult<Vec<(Option<String>, i64)>> {
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get::<Option<String>>("", "key")?,
                r.try_get::<i64>("", "n")?,
            ))
        })
        .collect()
}
