//! Turning a JSON value into a request type: only objects become structs (`strict`), a
//! serde failure names the field it is about, and validator's nested errors become
//! `{field, message}` pairs. The HTTP extractors and the CSV import decode alike.

use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::model::error::FieldError;

/// Deserialises `value` as `T`, refusing NUL characters, and validates it.
pub fn from_validated<T: DeserializeOwned + Validate>(
    value: serde_json::Value,
) -> Result<T, Vec<FieldError>> {
    let decoded: T = from_value(value)?;
    decoded.validate().map_err(|e| flatten(&e))?;
    Ok(decoded)
}

/// Deserialises `value` as `T`, refusing NUL characters (PostgreSQL cannot store them).
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Vec<FieldError>> {
    if let Some(field) = nul_character(&value, "") {
        return Err(vec![FieldError::new(
            field,
            "text must not contain NUL characters",
        )]);
    }
    serde_path_to_error::deserialize::<_, T>(super::strict::Strict(value)).map_err(|err| {
        let path = err.path().to_string();
        let message = clean(err.into_inner().to_string());
        vec![FieldError::new(field_name(&path, &message), message)]
    })
}

/// serde_json's messages end with a position the client does not need twice.
fn clean(message: String) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// The path of the first string (or key) containing U+0000.
fn nul_character(value: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value;
    let here = || {
        if path.is_empty() {
            "body".to_string()
        } else {
            path.to_string()
        }
    };
    match value {
        Value::String(s) => s.contains('\0').then(here),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| nul_character(v, &format!("{}[{i}]", here()))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let child = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            if k.contains('\0') {
                Some(child)
            } else {
                nul_character(v, &child)
            }
        }),
        _ => None,
    }
}

/// The field a serde error is about: its path, or for a missing field the name in the message.
pub fn field_name(path: &str, message: &str) -> String {
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string)
    };
    let from_message = named("missing field `").or_else(|| named("unknown field `"));
    match (path, from_message) {
        (".", Some(name)) => name,
        (".", None) => "body".into(),
        (p, Some(name)) if message.starts_with("missing field") => format!("{p}.{name}"),
        (p, _) => p.to_string(),
    }
}

/// Flattens validator's nested errors into `{field, message}` pairs with dotted paths.
pub fn flatten(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    walk(errors, "", &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn walk(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    out.push(FieldError::new(path.clone(), describe(e)));
                }
            }
            ValidationErrorsKind::Struct(inner) => walk(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    walk(inner, &format!("{path}[{i}]"), out);
                }
            }
        }
    }
}

fn describe(e: &validator::ValidationError) -> String {
    if let Some(m) = &e.message {
        return m.to_string();
    }
    let param = |k: &str| e.params.get(k).map(|v| v.to_string());
    match e.code.as_ref() {
        "email" => "must be a valid email address".into(),
        "length" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("length must be between {min} and {max}"),
            (None, Some(max)) => format!("length must be at most {max}"),
            (Some(min), None) => format!("length must be at least {min}"),
            _ => "has the wrong length".into(),
        },
        "range" => "is out of range".into(),
        other => format!("is invalid ({other})"),
    }
}
