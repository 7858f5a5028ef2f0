//! The segment rule language: a tree of `all`, `any`, `not` and conditions
//! `{"field", "op", "value"}` over customer fields, tags and `attributes.<key>`. Parsing
//! checks everything the database would otherwise trip over, and names the bad part by its
//! path in the tree (`rule.all[1].op`).

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::dto::time;
use crate::model::consent::ConsentState;
use crate::model::customer::Channel;
use crate::model::error::{FieldCode, FieldError};
pub use crate::model::segment::{
    FIELDS, Field, FieldType, MAX_DEPTH, MAX_LIST, MAX_NODES, MAX_PATTERNS, MAX_VALUES, Op,
    Operand, Rule, Scalar, Source, ops_for, valid_attribute_key,
};

struct Parser {
    errors: Vec<FieldError>,
    nodes: usize,
    values: usize,
    patterns: usize,
}

impl Parser {
    fn fail(&mut self, path: &str, code: FieldCode, message: impl Into<String>) -> Option<Rule> {
        self.errors.push(FieldError::new(path, code, message));
        None
    }

    fn node(&mut self, value: &Value, path: &str, depth: usize) -> Option<Rule> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return self.fail(
                path,
                FieldCode::TooMany,
                format!("a rule has at most {MAX_NODES} nodes"),
            );
        }
        if depth > MAX_DEPTH {
            return self.fail(
                path,
                FieldCode::TooMany,
                format!("a rule nests at most {MAX_DEPTH} levels"),
            );
        }
        let Some(obj) = value.as_object() else {
            return self.fail(
                path,
                FieldCode::InvalidType,
                "must be an object: {\"all\"}, {\"any\"}, {\"not\"} or a condition",
            );
        };
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        match keys.as_slice() {
            ["all"] | ["any"] => {
                let key = keys[0];
                let Some(items) = obj[key].as_array().filter(|a| !a.is_empty()) else {
                    return self.fail(&format!("{path}.{key}"), FieldCode::InvalidType, "must be a non-empty array of rules");
                };
                let children: Vec<Option<Rule>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.node(v, &format!("{path}.{key}[{i}]"), depth + 1))
                    .collect();
                let children: Option<Vec<Rule>> = children.into_iter().collect();
                let children = children?;
                Some(if key == "all" { Rule::All(children) } else { Rule::Any(children) })
            }
            ["not"] => {
                let inner = self.node(&obj["not"], &format!("{path}.not"), depth + 1)?;
                Some(Rule::Not(Box::new(inner)))
            }
            _ if obj.contains_key("field") || obj.contains_key("op") => self.condition(obj, path),
            _ => self.fail(path, FieldCode::InvalidType, "must be {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or {\"field\", \"op\", \"value\"}"),
        }
    }

    fn condition(&mut self, obj: &serde_json::Map<String, Value>, path: &str) -> Option<Rule> {
        if let Some(extra) = obj
            .keys()
            .find(|k| !matches!(k.as_str(), "field" | "op" | "value"))
        {
            return self.fail(
                &format!("{path}.{extra}"),
                FieldCode::UnknownField,
                "unknown key in a condition",
            );
        }
        let Some(name) = obj.get("field").and_then(Value::as_str) else {
            return self.fail(
                &format!("{path}.field"),
                FieldCode::InvalidType,
                "must be a field name",
            );
        };
        let (field, ftype) = if name == "tags" {
            (Field::Tags, FieldType::Tags)
        } else if let Some(key) = name.strip_prefix("attributes.") {
            if !valid_attribute_key(key) {
                return self.fail(
                    &format!("{path}.field"),
                    FieldCode::InvalidFormat,
                    "attribute keys are 1 to 64 letters, digits or underscores",
                );
            }
            (Field::Attribute(key.to_string()), FieldType::Attribute)
        } else if let Some(channel) = name.strip_prefix("consent.") {
            let Some(channel) = Channel::from_name(channel) else {
                return self.fail(
                    &format!("{path}.field"),
                    FieldCode::UnknownValue,
                    format!("consent channels are {}", Channel::NAMES.join(", ")),
                );
            };
            (Field::Consent(channel), FieldType::Consent)
        } else if let Some(column) = FIELDS.iter().find(|f| f.name == name) {
            (Field::Column(column), column.kind)
        } else {
            return self.fail(
                &format!("{path}.field"),
                FieldCode::UnknownValue,
                format!("unknown field `{name}`"),
            );
        };
        let Some(op_text) = obj.get("op").and_then(Value::as_str) else {
            return self.fail(
                &format!("{path}.op"),
                FieldCode::InvalidType,
                "must be an operator name",
            );
        };
        let Some(op) = Op::from_name(op_text) else {
            return self.fail(
                &format!("{path}.op"),
                FieldCode::UnknownValue,
                format!("unknown operator `{op_text}`"),
            );
        };
        if !ops_for(ftype).contains(&op) {
            let allowed: Vec<&str> = ops_for(ftype).iter().map(|o| o.as_str()).collect();
            return self.fail(
                &format!("{path}.op"),
                FieldCode::NotAllowed,
                format!(
                    "`{op_text}` does not apply to `{name}`; use one of {}",
                    allowed.join(", ")
                ),
            );
        }
        let value = obj.get("value").unwrap_or(&Value::Null);
        let vpath = format!("{path}.value");
        let operand = match op {
            Op::IsNull | Op::IsNotNull => {
                if !value.is_null() {
                    return self.fail(&vpath, FieldCode::NotAllowed, "takes no value");
                }
                Operand::None
            }
            Op::OlderThanDays | Op::WithinDays | Op::BirthdayWithinDays => {
                let max = if op == Op::BirthdayWithinDays {
                    366
                } else {
                    36_500
                };
                match whole(value)
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|n| *n <= max)
                {
                    Some(days) => Operand::Days(days),
                    None => {
                        return self.fail(
                            &vpath,
                            FieldCode::OutOfRange,
                            format!("must be a whole number of days from 0 to {max}"),
                        );
                    }
                }
            }
            Op::In | Op::NotIn => {
                let Some(items) = value
                    .as_array()
                    .filter(|a| !a.is_empty() && a.len() <= MAX_LIST)
                else {
                    return self.fail(
                        &vpath,
                        FieldCode::InvalidType,
                        format!("must be an array of 1 to {MAX_LIST} values"),
                    );
                };
                let mut scalars = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match scalar(ftype, item) {
                        Ok(s) => scalars.push(s),
                        Err((code, m)) => return self.fail(&format!("{vpath}[{i}]"), code, m),
                    }
                }
                Operand::Many(scalars)
            }
            _ => match scalar(ftype, value) {
                Ok(s) => {
                    let ordered = matches!(op, Op::Gt | Op::Gte | Op::Lt | Op::Lte);
                    if op == Op::Contains && !matches!(s, Scalar::Text(_)) {
                        return self.fail(&vpath, FieldCode::InvalidType, "must be a string");
                    }
                    if ordered
                        && ftype == FieldType::Attribute
                        && !matches!(s, Scalar::Number(_) | Scalar::Text(_))
                    {
                        return self.fail(
                            &vpath,
                            FieldCode::InvalidType,
                            "must be a number or a string",
                        );
                    }
                    Operand::One(s)
                }
                Err((code, m)) => return self.fail(&vpath, code, m),
            },
        };
        self.values += match &operand {
            Operand::Many(items) => items.len(),
            Operand::None => 0,
            _ => 1,
        };
        if op == Op::Contains && field != Field::Tags {
            self.patterns += 1;
        }
        Some(Rule::Condition { field, op, operand })
    }

    /// The whole tree's budget, checked once it is read.
    fn check_budget(&mut self, prefix: &str) {
        if self.values > MAX_VALUES {
            self.fail(
                prefix,
                FieldCode::TooMany,
                format!(
                    "a rule has at most {MAX_VALUES} values in all (this one has {})",
                    self.values
                ),
            );
        }
        if self.patterns > MAX_PATTERNS {
            self.fail(
                prefix, FieldCode::TooMany,
                format!(
                    "a rule has at most {MAX_PATTERNS} text `contains` conditions (this one has {})",
                    self.patterns
                ),
            );
        }
    }
}

/// The years a date or timestamp operand may name, as every instant the API takes.
const YEARS: &str = "between 1900 and 9999";

fn whole(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
        }),
        _ => None,
    }
}

fn scalar(t: FieldType, value: &Value) -> Result<Scalar, (FieldCode, String)> {
    use FieldCode::{InvalidFormat, InvalidType, UnknownValue};
    let text = || value.as_str().map(str::to_string);
    match t {
        FieldType::Text | FieldType::Tags => text()
            .filter(|s| s.chars().count() <= 200 && !s.contains('\0'))
            .map(Scalar::Text)
            .ok_or_else(|| {
                (
                    InvalidType,
                    "must be a string of at most 200 characters".into(),
                )
            }),
        FieldType::Enum(allowed) => match text() {
            Some(s) if allowed.contains(&s.as_str()) => Ok(Scalar::Text(s)),
            _ => Err((
                UnknownValue,
                format!("must be one of {}", allowed.join(", ")),
            )),
        },
        FieldType::Id => text()
            .and_then(|s| s.parse().ok())
            .map(Scalar::Id)
            .ok_or_else(|| (InvalidFormat, "must be a UUID".into())),
        FieldType::Date => text()
            .and_then(|s| s.parse().ok())
            .filter(time::date_in_range)
            .map(Scalar::Date)
            .ok_or_else(|| {
                (
                    InvalidFormat,
                    format!("must be a date YYYY-MM-DD whose year is {YEARS}"),
                )
            }),
        FieldType::Timestamp => text()
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.with_timezone(&Utc))
            .filter(time::instant_in_range)
            .map(Scalar::Timestamp)
            .ok_or_else(|| {
                (
                    InvalidFormat,
                    format!("must be an RFC 3339 timestamp whose year is {YEARS}"),
                )
            }),
        FieldType::Integer => whole(value)
            .map(Scalar::Integer)
            .ok_or_else(|| (InvalidType, "must be a whole number".into())),
        FieldType::Bool => match value {
            Value::Bool(b) => Ok(Scalar::Bool(*b)),
            _ => Err((InvalidType, "must be true or false".into())),
        },
        FieldType::Consent => match text() {
            Some(s) if ConsentState::from_name(&s).is_some() => Ok(Scalar::Text(s)),
            _ => Err((
                UnknownValue,
                format!("must be one of {}", ConsentState::NAMES.join(", ")),
            )),
        },
        FieldType::Attribute => match value {
            Value::String(s) if s.chars().count() <= 200 && !s.contains('\0') => {
                Ok(Scalar::Text(s.clone()))
            }
            Value::Number(n) => n
                .as_f64()
                .map(Scalar::Number)
                .ok_or_else(|| (InvalidType, "must be a finite number".into())),
            Value::Bool(b) => Ok(Scalar::Bool(*b)),
            _ => Err((
                InvalidType,
                "must be a string (at most 200 characters), a number or a boolean".into(),
            )),
        },
    }
}

/// Parses and checks a rule; every problem is reported with its path under `prefix`.
pub fn parse(value: &Value, prefix: &str) -> Result<Rule, Vec<FieldError>> {
    let mut parser = Parser {
        errors: Vec::new(),
        nodes: 0,
        values: 0,
        patterns: 0,
    };
    let rule = parser.node(value, prefix, 1);
    parser.check_budget(prefix);
    match rule {
        Some(rule) if parser.errors.is_empty() => Ok(rule),
        _ => Err(parser.errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn error_paths(v: Value) -> Vec<String> {
        parse(&v, "rule")
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_full_tree_parses() {
        let rule = parse(
            &json!({"all": [
                {"field": "tier", "op": "in", "value": ["important", "key"]},
                {"any": [
                    {"field": "last_contacted_at", "op": "older_than_days", "value": 90.0},
                    {"field": "last_contacted_at", "op": "is_null"}
                ]},
                {"not": {"field": "tags", "op": "contains", "value": "do-not-call"}},
                {"field": "attributes.plan", "op": "eq", "value": "enterprise"}
            ]}),
            "rule",
        )
        .unwrap();
        let Rule::All(children) = rule else {
            panic!("not all")
        };
        assert_eq!(children.len(), 4);
    }

    #[test]
    fn bad_parts_are_named_by_path() {
        assert_eq!(
            error_paths(json!({"all": [{"field": "shoe_size", "op": "eq", "value": 3}]})),
            vec!["rule.all[0].field"]
        );
        assert_eq!(
            error_paths(json!({"any": [{"field": "name", "op": "gt", "value": "A"}]})),
            vec!["rule.any[0].op"]
        );
        assert_eq!(
            error_paths(json!({"not": {"field": "tier", "op": "eq", "value": "gold"}})),
            vec!["rule.not.value"]
        );
        assert_eq!(
            error_paths(json!({"field": "purchase_count", "op": "gte", "value": "3"})),
            vec!["rule.value"]
        );
        assert_eq!(
            error_paths(json!({"field": "birthday", "op": "birthday_within_days", "value": 400})),
            vec!["rule.value"]
        );
        assert_eq!(error_paths(json!({"all": []})), vec!["rule.all"]);
        assert_eq!(
            error_paths(json!({"field": "email", "op": "is_null", "value": "x"})),
            vec!["rule.value"]
        );
        assert_eq!(
            error_paths(json!({"field": "attributes.bad key", "op": "eq", "value": 1})),
            vec!["rule.field"]
        );
        assert_eq!(
            error_paths(json!({"field": "tier", "op": "in", "value": ["key", "gold"]})),
            vec!["rule.value[1]"]
        );
        assert_eq!(error_paths(json!([1])), vec!["rule"]);
        assert_eq!(
            error_paths(json!({"field": "name", "op": "eq", "value": "a", "extra": 1})),
            vec!["rule.extra"]
        );
    }

    #[test]
    fn every_field_reads_its_own_column() {
        use sea_orm::IdenStatic;
        for f in FIELDS {
            if let Source::Stored(column) = f.source {
                assert_eq!(column.as_str(), f.name);
            }
        }
        let mut names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
    }

    #[test]
    fn depth_and_size_are_bounded() {
        let mut deep = json!({"field": "name", "op": "is_null"});
        for _ in 0..12 {
            deep = json!({"not": deep});
        }
        assert!(parse(&deep, "rule").is_err());
        let wide = json!({"any": vec![json!({"field": "name", "op": "is_null"}); 250]});
        assert!(parse(&wide, "rule").is_err());
    }

    #[test]
    fn values_and_patterns_have_a_budget() {
        let list = |n: usize| json!({"field": "city", "op": "in", "value": (0..n).map(|i| format!("c{i}")).collect::<Vec<_>>()});
        assert!(parse(&json!({"any": [list(1000), list(1000)]}), "rule").is_ok());
        let over = parse(&json!({"any": [list(1000), list(1000), list(1)]}), "rule").unwrap_err();
        assert_eq!(over[0].field, "rule");
        assert!(
            over[0].message.contains("2000 values"),
            "{}",
            over[0].message
        );

        let contains = |n: usize| json!({"all": vec![json!({"field": "notes", "op": "contains", "value": "x"}); n]});
        assert!(parse(&contains(20), "rule").is_ok());
        let over = parse(&contains(21), "rule").unwrap_err();
        assert!(
            over[0].message.contains("20 text `contains`"),
            "{}",
            over[0].message
        );
        // Tag membership is an index lookup, not a pattern.
        let tags =
            json!({"all": vec![json!({"field": "tags", "op": "contains", "value": "x"}); 40]});
        assert!(parse(&tags, "rule").is_ok());
    }
}
