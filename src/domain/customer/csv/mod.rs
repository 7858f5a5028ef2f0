//! Customers as CSV: the columns (the JSON field names, so a spreadsheet reads like the API),
//! how a cell becomes a value and back, and the import and export built on them.
//!
//! An empty cell means no value. `tags` is a `;`-separated list; `contact_window`,
//! `attributes` and `important_dates` hold their JSON. `owner_email` may stand for
//! `owner_id`. A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
//! carriage return first) is exported behind a `'`, which the import takes off again, so an
//! export re-imports to the same data.

pub mod export;
pub mod import;
pub mod read;
mod rows;

use serde_json::Value;

use crate::model::customer::TAG_SEPARATOR;

/// The columns an export writes, in order; the import reads any of them, plus
/// `owner_email`.
pub const COLUMNS: &[&str] = &[
    "id",
    "name",
    "company",
    "gender",
    "birthday",
    "email",
    "phone",
    "industry",
    "occupation",
    "position",
    "city",
    "country",
    "timezone",
    "preferred_channel",
    "contact_window",
    "source_channel",
    "referred_by_id",
    "tier",
    "lifecycle_stage",
    "sales_stage",
    "status",
    "churn_reason",
    "churned_at",
    "owner_id",
    "tags",
    "needs",
    "pain_points",
    "preferences",
    "personality",
    "notes",
    "attributes",
    "important_dates",
];

/// The column an import may use instead of `owner_id`.
pub const OWNER_EMAIL: &str = "owner_email";

/// Columns whose cells hold JSON.
const JSON_COLUMNS: &[&str] = &["contact_window", "attributes", "important_dates"];

/// The first characters that make a spreadsheet evaluate a cell (OWASP's CSV injection
/// list: a tab or carriage return may stand before the formula).
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A cell as exported: formulas neutralised behind a `'`.
pub fn neutralise(cell: String) -> String {
    if cell.starts_with(is_formula_start) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// A cell as imported: a neutralised formula read back as the text it was.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(is_formula_start) => rest,
        _ => cell,
    }
}

/// A customer field's value (the API's JSON) as a cell.
pub fn cell_of(column: &str, value: Option<&Value>) -> String {
    let text = match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if column == "tags" => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(&TAG_SEPARATOR.to_string()),
        Some(v @ (Value::Array(_) | Value::Object(_))) => v.to_string(),
        Some(other) => other.to_string(),
    };
    neutralise(text)
}

/// A cell as the value of a customer field, or why it cannot be one.
pub fn value_of(column: &str, cell: &str) -> Result<Value, String> {
    let cell = restore(cell.trim());
    if column == "tags" {
        return Ok(Value::Array(
            cell.split(TAG_SEPARATOR)
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| Value::String(t.to_string()))
                .collect(),
        ));
    }
    if JSON_COLUMNS.contains(&column) {
        return serde_json::from_str(cell).map_err(|_| "is not valid JSON".to_string());
    }
    Ok(Value::String(cell.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for text in [
            "=SUM(A1:A3)",
            "+49 30 1234",
            "-12",
            "@cmd",
            "\t=1+1",
            "\r=cmd",
        ] {
            let exported = neutralise(text.to_string());
            assert_eq!(exported, format!("'{text}"));
            assert_eq!(restore(&exported), text);
        }
        assert_eq!(neutralise("Ada".into()), "Ada");
        assert_eq!(
            restore("'quoted"),
            "'quoted",
            "an ordinary apostrophe stays"
        );
    }

    #[test]
    fn cells_round_trip_through_values() {
        let tags = json!(["vip", "trade fair"]);
        assert_eq!(cell_of("tags", Some(&tags)), "vip;trade fair");
        assert_eq!(value_of("tags", "vip; trade fair;").unwrap(), tags);
        let window = json!({"weekdays": [1, 2], "start": "09:00", "end": "12:00"});
        let cell = cell_of("contact_window", Some(&window));
        assert_eq!(value_of("contact_window", &cell).unwrap(), window);
        assert!(value_of("attributes", "{not json").is_err());
        assert_eq!(cell_of("email", None), "");
        assert_eq!(
            value_of("phone", &cell_of("phone", Some(&json!("+49 1")))).unwrap(),
            json!("+49 1")
        );
    }
}
