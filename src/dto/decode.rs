//! Turning a JSON value into a request type: only objects become structs (`strict`), a
//! serde failure names the field it is about, and validator's nested errors become
//! `{field, message}` pairs. The HTTP extractors and the CSV import decode alike.

use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::model::error::{FieldCode, FieldError};

/// How many times one document is read again past a field that does not decode, so that
/// its other fields are checked too; the failures after that many are not looked for.
pub const MAX_DECODE_PASSES: usize = 24;

/// Deserialises `value` as `T`, refusing NUL characters (PostgreSQL cannot store them), and
/// validates it, answering every bad field at once: a field that does not decode is noted
/// and taken out (or stood in for) and the document read again, and the validation of the
/// rest is added, so that a form learns all its errors from one submit.
pub fn from_validated<T: DeserializeOwned + Validate>(
    value: serde_json::Value,
) -> Result<T, Vec<FieldError>> {
    let (decoded, mut errors) = decode_collecting::<T>(value);
    let Some(decoded) = decoded else {
        return Err(errors);
    };
    if let Err(invalid) = decoded.validate() {
        // A field already refused, or stood in for, has said what was wrong with it.
        let noted: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
        errors.extend(
            flatten(&invalid)
                .into_iter()
                .filter(|e| !noted.iter().any(|n| is_within(&e.field, n))),
        );
    }
    if errors.is_empty() {
        Ok(decoded)
    } else {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        Err(errors)
    }
}

/// `field` is `outer` or lies inside it.
fn is_within(field: &str, outer: &str) -> bool {
    field
        .strip_prefix(outer)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// `T` from `value` when it decodes once the bad fields are out of the way, and the errors of
/// those fields.
fn decode_collecting<T: DeserializeOwned>(
    mut value: serde_json::Value,
) -> (Option<T>, Vec<FieldError>) {
    let mut errors: Vec<FieldError> = Vec::new();
    for field in nul_characters(&mut value) {
        errors.push(FieldError::new(
            field,
            FieldCode::InvalidFormat,
            "text must not contain NUL characters",
        ));
    }
    let mut attempts: std::collections::HashMap<String, usize> = Default::default();
    for _ in 0..MAX_DECODE_PASSES {
        let err =
            match serde_path_to_error::deserialize::<_, T>(super::strict::Strict(value.clone())) {
                Ok(decoded) => return (Some(decoded), errors),
                Err(err) => err,
            };
        let path = err.path().to_string();
        let error = serde_error(&path, clean(err.into_inner().to_string()));
        let field = error.field.clone();
        // A failure of a field around one already noted is of the stand-ins' making.
        if !errors.iter().any(|e| is_within(&e.field, &field)) {
            errors.push(error);
        }
        // When nothing stands in for the field, its container is taken out or stood in for.
        let mut target = field;
        loop {
            let attempt = attempts.entry(target.clone()).or_default();
            if stand_in(&mut value, &target, *attempt) {
                *attempt += 1;
                break;
            }
            match container_of(&target) {
                Some(outer) => target = outer,
                None => return (None, errors),
            }
        }
    }
    (None, errors)
}

/// The path of the value holding `field`: `a.b` for `a.b[2]` and for `a.b.c`.
fn container_of(field: &str) -> Option<String> {
    let cut = field.rfind(['.', '['])?;
    Some(field[..cut].to_string())
}

/// Values tried in turn for a required field that is missing or of the wrong type, so that
/// the document decodes past it; what fits is never seen, as the field's error is answered.
const STAND_INS: [fn() -> serde_json::Value; 5] = [
    || serde_json::Value::String(String::new()),
    || serde_json::Value::from(0),
    || serde_json::Value::Bool(false),
    || serde_json::Value::Array(Vec::new()),
    || serde_json::Value::Object(Default::default()),
];

/// Takes the bad value at `field` out of `value` (first), or puts the next stand-in there;
/// false when there is nothing left to try or the field cannot be reached.
fn stand_in(value: &mut serde_json::Value, field: &str, attempt: usize) -> bool {
    use serde_json::Value;
    let Some((parent, last)) = parent_of(value, field) else {
        return false;
    };
    match (parent, last) {
        (Value::Object(map), Step::Key(key)) => {
            if attempt == 0 && map.contains_key(&key) {
                map.remove(&key);
                return true;
            }
            let Some(make) = STAND_INS.get(attempt.saturating_sub(1)) else {
                return false;
            };
            map.insert(key, make());
            true
        }
        (Value::Array(items), Step::Index(i)) if i < items.len() => {
            let Some(make) = STAND_INS.get(attempt) else {
                return false;
            };
            items[i] = make();
            true
        }
        _ => false,
    }
}

enum Step {
    Key(String),
    Index(usize),
}

/// The container holding the last step of a dotted field path (`a.b[2].c`), and that step.
fn parent_of<'v>(
    value: &'v mut serde_json::Value,
    field: &str,
) -> Option<(&'v mut serde_json::Value, Step)> {
    if field == "body" || field.is_empty() {
        return None;
    }
    let mut steps = Vec::new();
    for part in field.split('.') {
        let (key, indices) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            steps.push(Step::Index(index.trim_end_matches(']').parse().ok()?));
        }
    }
    let last = steps.pop()?;
    let mut here = value;
    for step in steps {
        here = match (here, step) {
            (serde_json::Value::Object(map), Step::Key(k)) => map.get_mut(&k)?,
            (serde_json::Value::Array(items), Step::Index(i)) => items.get_mut(i)?,
            _ => return None,
        };
    }
    Some((here, last))
}

/// A serde failure at `path` as a field error: the field it is about and its code.
pub fn serde_error(path: &str, message: String) -> FieldError {
    FieldError::new(field_name(path, &message), serde_code(&message), message)
}

/// The code of a serde failure, read from the message: serde's own messages start with
/// fixed words (`missing field`, `unknown variant`, `invalid type:` …), and the service's
/// deserializers say `must be between` or the span of years.
pub fn serde_code(message: &str) -> FieldCode {
    let starts = |p: &str| message.starts_with(p);
    if starts("missing field") {
        FieldCode::Required
    } else if starts("unknown field") {
        FieldCode::UnknownField
    } else if starts("unknown variant") {
        FieldCode::UnknownValue
    } else if starts("invalid type:") || message.contains("expected a whole number") {
        FieldCode::InvalidType
    } else if starts("invalid length ") {
        FieldCode::TooMany
    } else if message.contains("must be between")
        || message == super::time::OUT_OF_RANGE
        || message.contains("out of range")
        || (starts("invalid value: integer") && !message.contains("expected a"))
    {
        FieldCode::OutOfRange
    } else {
        FieldCode::InvalidFormat
    }
}

/// serde_json's messages end with a position the client does not need twice.
fn clean(message: String) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// The paths of the strings (and keys) containing U+0000, which are taken out of `value`
/// (the characters from strings, the entries whose key has one), at most `MAX_FIELD_ERRORS`.
fn nul_characters(value: &mut serde_json::Value) -> Vec<String> {
    let mut found = Vec::new();
    while found.len() < crate::model::error::MAX_FIELD_ERRORS {
        let Some(path) = nul_character(value, "") else {
            break;
        };
        match parent_of(value, &path) {
            Some((serde_json::Value::Object(map), Step::Key(key))) if key.contains('\0') => {
                map.remove(&key);
            }
            Some((serde_json::Value::Object(map), Step::Key(key))) => {
                if let Some(serde_json::Value::String(s)) = map.get_mut(&key) {
                    s.retain(|c| c != '\0');
                }
            }
            Some((serde_json::Value::Array(items), Step::Index(i))) => {
                if let Some(serde_json::Value::String(s)) = items.get_mut(i) {
                    s.retain(|c| c != '\0');
                }
            }
            _ => {
                // The whole body is a string with NUL: nothing to decode past.
                if let serde_json::Value::String(s) = value {
                    s.retain(|c| c != '\0');
                }
            }
        }
        found.push(path);
    }
    found
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
    let from_message = named("missing field `")
        .or_else(|| named("unknown field `"))
        .or_else(|| named("duplicate field `"));
    match (path, from_message) {
        (".", Some(name)) => name,
        (".", None) => "body".into(),
        (p, Some(name))
            if message.starts_with("missing field") || message.starts_with("duplicate field") =>
        {
            format!("{p}.{name}")
        }
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
                    out.push(FieldError::new(path.clone(), code_of(e), describe(e)));
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

/// The code of a validator failure; a length is about text, or about a list's entries.
fn code_of(e: &validator::ValidationError) -> FieldCode {
    match e.code.as_ref() {
        "length" => {
            let bound = |k: &str| e.params.get(k).and_then(serde_json::Value::as_u64);
            match e.params.get("value") {
                Some(serde_json::Value::String(text)) => {
                    let chars = text.chars().count() as u64;
                    if bound("min").is_some_and(|min| chars < min) {
                        FieldCode::TooShort
                    } else {
                        FieldCode::TooLong
                    }
                }
                _ => FieldCode::TooMany,
            }
        }
        "range" | "out_of_range" => FieldCode::OutOfRange,
        "required" => FieldCode::Required,
        _ => FieldCode::InvalidFormat,
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
