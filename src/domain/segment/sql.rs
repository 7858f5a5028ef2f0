//! Translating a rule into one SQL condition on `customers`, evaluated by the database.
//! Every leaf is two-valued (true or false, never NULL), so `not` is an exact complement and
//! `ne` includes customers without a value, on SQLite and PostgreSQL alike. Only the JSON
//! attribute access differs between the two dialects.

use chrono::{DateTime, Duration, Utc};
use entity::{customer_tags, customers};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, DbBackend, Value};

use crate::domain::customer::birthday;
use crate::model::customer::Channel;
use crate::model::segment::{Field, Op, Operand, Rule, Scalar, Source};
use crate::store;
use crate::store::contains_pattern;

/// Translates `rule` for `backend`; `now` anchors the day-based operators.
pub fn condition(rule: &Rule, backend: DbBackend, now: DateTime<Utc>) -> Condition {
    match rule {
        Rule::All(children) => children
            .iter()
            .fold(Condition::all(), |c, r| c.add(condition(r, backend, now))),
        Rule::Any(children) => children
            .iter()
            .fold(Condition::any(), |c, r| c.add(condition(r, backend, now))),
        Rule::Not(inner) => condition(inner, backend, now).not(),
        Rule::Condition { field, op, operand } => {
            Condition::all().add(leaf(field, *op, operand, backend, now))
        }
    }
}

fn value(s: &Scalar) -> Value {
    match s {
        Scalar::Text(t) => t.clone().into(),
        Scalar::Number(n) => (*n).into(),
        Scalar::Integer(i) => (*i).into(),
        Scalar::Bool(b) => (*b).into(),
        Scalar::Id(u) => (*u).into(),
        Scalar::Date(d) => (*d).into(),
        Scalar::Timestamp(t) => (*t).into(),
    }
}

fn like_pattern(text: &str) -> LikeExpr {
    LikeExpr::new(contains_pattern(text)).escape('\\')
}

fn many(operand: &Operand) -> Vec<Value> {
    match operand {
        Operand::Many(items) => items.iter().map(value).collect(),
        Operand::One(s) => vec![value(s)],
        _ => Vec::new(),
    }
}

fn leaf(
    field: &Field,
    op: Op,
    operand: &Operand,
    backend: DbBackend,
    now: DateTime<Utc>,
) -> SimpleExpr {
    match field {
        Field::Column(f) => column_leaf(source_value(f.source, now), op, operand, now),
        Field::Tags => tags_leaf(op, operand),
        Field::Attribute(key) => attribute_leaf(key, op, operand, backend),
        Field::Consent(channel) => column_leaf(consent_of(*channel, backend), op, operand, now),
    }
}

fn source_value(source: Source, now: DateTime<Utc>) -> SimpleExpr {
    match source {
        Source::Stored(col) => Expr::col((customers::Entity, col)),
        Source::OverdueTouchpoints => store::touchpoints::overdue_count(now),
    }
}

fn column_leaf(col: SimpleExpr, op: Op, operand: &Operand, now: DateTime<Utc>) -> SimpleExpr {
    let present = col.clone().is_not_null();
    let one = || match operand {
        Operand::One(s) => value(s),
        _ => Value::Bool(None),
    };
    let days = || match operand {
        Operand::Days(d) => Duration::days(i64::from(*d)),
        _ => Duration::zero(),
    };
    match op {
        Op::Eq => present.and(col.eq(one())),
        Op::Ne => col.clone().is_null().or(col.ne(one())),
        Op::In => present.and(col.is_in(many(operand))),
        Op::NotIn => col.clone().is_null().or(col.is_not_in(many(operand))),
        Op::Gt => present.and(col.gt(one())),
        Op::Gte => present.and(col.gte(one())),
        Op::Lt => present.and(col.lt(one())),
        Op::Lte => present.and(col.lte(one())),
        Op::IsNull => col.is_null(),
        Op::IsNotNull => present,
        Op::Contains => present.and(Expr::expr(Func::lower(col)).like(like_pattern(
            match operand {
                Operand::One(Scalar::Text(t)) => t,
                _ => "",
            },
        ))),
        // Older than N days: before now − N days.
        Op::OlderThanDays => present.and(col.lt(now - days())),
        // Within N days of now, either side: the last N days for past events, the next N
        // days for due dates.
        Op::WithinDays => present
            .and(col.clone().gte(now - days()))
            .and(col.lte(now + days())),
        Op::BirthdayWithinDays => {
            let d = u32::try_from(days().num_days()).unwrap_or(0);
            let keys = birthday::keys_within(now.date_naive(), d);
            customers::Column::BirthdayMmdd
                .is_not_null()
                .and(customers::Column::BirthdayMmdd.is_in(keys))
        }
    }
}

fn tagged_with(values: Vec<Value>) -> SimpleExpr {
    customers::Column::Id.in_subquery(
        Query::select()
            .column(customer_tags::Column::CustomerId)
            .from(customer_tags::Entity)
            .and_where(customer_tags::Column::Tag.is_in(values))
            .to_owned(),
    )
}

fn tags_leaf(op: Op, operand: &Operand) -> SimpleExpr {
    let any_tag = || {
        customers::Column::Id.in_subquery(
            Query::select()
                .column(customer_tags::Column::CustomerId)
                .from(customer_tags::Entity)
                .to_owned(),
        )
    };
    match op {
        Op::Contains | Op::In => tagged_with(many(operand)),
        Op::NotIn => tagged_with(many(operand)).not(),
        Op::IsNull => any_tag().not(),
        _ => any_tag(),
    }
}

/// A channel's consent as stored (`unknown` when not recorded). The channel is a word of the
/// closed vocabulary, safe inside the SQL text.
fn consent_of(channel: Channel, backend: DbBackend) -> SimpleExpr {
    let name = channel.as_str();
    let stored = if backend == DbBackend::Sqlite {
        format!("json_extract(\"customers\".\"consent\", '$.{name}')")
    } else {
        format!("(\"customers\".\"consent\" ->> '{name}')")
    };
    Expr::cust(format!("COALESCE({stored}, 'unknown')"))
}

/// JSON attribute access: the one dialect-specific part. The key was checked to be letters,
/// digits and underscores, so it is safe inside the SQL text; values are always bound.
fn attribute_leaf(key: &str, op: Op, operand: &Operand, backend: DbBackend) -> SimpleExpr {
    let sqlite = backend == DbBackend::Sqlite;
    let json_type = if sqlite {
        format!("json_type(\"customers\".\"attributes\", '$.\"{key}\"')")
    } else {
        format!("json_typeof(\"customers\".\"attributes\" -> '{key}')")
    };
    let text = if sqlite {
        format!("json_extract(\"customers\".\"attributes\", '$.\"{key}\"')")
    } else {
        format!("(\"customers\".\"attributes\" ->> '{key}')")
    };
    let (string_type, number_test, true_test, false_test) = if sqlite {
        (
            "'text'",
            format!("{json_type} IN ('integer', 'real')"),
            format!("{json_type} = 'true'"),
            format!("{json_type} = 'false'"),
        )
    } else {
        (
            "'string'",
            format!("{json_type} = 'number'"),
            format!("({json_type} = 'boolean' AND {text} = 'true')"),
            format!("({json_type} = 'boolean' AND {text} = 'false')"),
        )
    };
    // sea-query's placeholder inside custom SQL differs by dialect.
    let ph = if sqlite { "?" } else { "$1" };
    // A number, read only when the value is one (CASE keeps PostgreSQL from casting text).
    let number = if sqlite {
        format!("(CASE WHEN {number_test} THEN {text} END)")
    } else {
        format!("(CASE WHEN {number_test} THEN ({text})::numeric END)")
    };
    let string = format!("(CASE WHEN {json_type} = {string_type} THEN {text} END)");

    let equals = |s: &Scalar| -> SimpleExpr {
        match s {
            Scalar::Text(t) => {
                Expr::cust_with_values(format!("COALESCE({string} = {ph}, FALSE)"), [t.clone()])
            }
            Scalar::Number(n) => {
                Expr::cust_with_values(format!("COALESCE({number} = {ph}, FALSE)"), [*n])
            }
            Scalar::Bool(true) => Expr::cust(format!("COALESCE({true_test}, FALSE)")),
            Scalar::Bool(false) => Expr::cust(format!("COALESCE({false_test}, FALSE)")),
            _ => Expr::cust("FALSE"),
        }
    };
    let ordered = |sql_op: &str| -> SimpleExpr {
        match operand {
            Operand::One(Scalar::Number(n)) => {
                Expr::cust_with_values(format!("COALESCE({number} {sql_op} {ph}, FALSE)"), [*n])
            }
            Operand::One(Scalar::Text(t)) => Expr::cust_with_values(
                format!("COALESCE({string} {sql_op} {ph}, FALSE)"),
                [t.clone()],
            ),
            _ => Expr::cust("FALSE"),
        }
    };
    let any_of = || -> SimpleExpr {
        let items: Vec<&Scalar> = match operand {
            Operand::Many(items) => items.iter().collect(),
            Operand::One(s) => vec![s],
            _ => Vec::new(),
        };
        items
            .into_iter()
            .map(equals)
            .reduce(|a, b| a.or(b))
            .unwrap_or_else(|| Expr::cust("FALSE"))
    };
    let missing = Expr::cust(format!("({json_type} IS NULL OR {json_type} = 'null')"));
    match op {
        Op::Eq => any_of(),
        Op::In => any_of(),
        Op::Ne | Op::NotIn => any_of().not(),
        Op::Gt => ordered(">"),
        Op::Gte => ordered(">="),
        Op::Lt => ordered("<"),
        Op::Lte => ordered("<="),
        Op::Contains => {
            let text = match operand {
                Operand::One(Scalar::Text(t)) => t.as_str(),
                _ => "",
            };
            Expr::cust_with_values(
                format!("COALESCE(LOWER({string}) LIKE {ph} ESCAPE '\\', FALSE)"),
                [contains_pattern(text)],
            )
        }
        Op::IsNull => missing,
        _ => missing.not(),
    }
}
