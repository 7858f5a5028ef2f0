//! Reading an uploaded CSV: UTF-8 with or without a byte-order mark, comma- or
//! semicolon-separated (told from the header line), a header naming the columns, and rows
//! whose problems (ragged, not UTF-8) are reported by record number (the header is row 1)
//! without stopping the rest.

use std::collections::HashSet;

use super::{COLUMNS, OWNER_EMAIL};
use crate::dto::customer_csv::ImportError;
use crate::model::error::FieldCode;

/// The most data rows one import takes.
pub const MAX_ROWS: usize = 100_000;

/// A data row: its number in the file (the header is row 1) and its cells.
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// What a file holds: its columns, the rows that could be read, and the rows that could not.
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    pub errors: Vec<ImportError>,
}

/// Comma, unless the header line has more semicolons than commas (outside quotes).
fn delimiter(text: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// The most columns a header may have: every column once, with room to spare.
pub const MAX_COLUMNS: usize = 64;

/// A problem of the header: of one of its columns (`header.<column>`), or of the whole.
fn header_error(column: &str, code: FieldCode, message: impl Into<String>) -> ImportError {
    let field = if column == "header" {
        column.to_string()
    } else {
        format!("header.{column}")
    };
    ImportError::new(1, field, code, message)
}

/// Checks the header: known, distinct columns including `name`. Problems are row-1 errors.
fn check_header(columns: &[String]) -> Vec<ImportError> {
    if columns.len() > MAX_COLUMNS {
        return vec![header_error(
            "header",
            FieldCode::TooMany,
            format!(
                "has {} columns; a header has at most {MAX_COLUMNS}",
                columns.len()
            ),
        )];
    }
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for column in columns {
        if !COLUMNS.contains(&column.as_str()) && column != OWNER_EMAIL {
            errors.push(header_error(
                column,
                FieldCode::UnknownField,
                format!(
                    "unknown column; the columns are {} and {OWNER_EMAIL}",
                    COLUMNS.join(", ")
                ),
            ));
        } else if !seen.insert(column.as_str()) {
            errors.push(header_error(column, FieldCode::Conflict, "appears twice"));
        }
    }
    if !seen.contains("name") {
        errors.push(header_error(
            "name",
            FieldCode::Required,
            "the header must have a name column",
        ));
    }
    if seen.contains("owner_id") && seen.contains(OWNER_EMAIL) {
        errors.push(header_error(
            OWNER_EMAIL,
            FieldCode::Conflict,
            "give owner_id or owner_email, not both",
        ));
    }
    errors
}

/// Reads the file. `Err` holds problems that make the whole file unusable (header, rows);
/// problems of single rows are in `Table::errors`.
pub fn parse(body: &[u8]) -> Result<Table, Vec<ImportError>> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![header_error(
            "header",
            FieldCode::Required,
            "the file is empty",
        )]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(body))
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut records = reader.byte_records();
    let header = match records.next() {
        Some(Ok(record)) => record,
        _ => {
            return Err(vec![header_error(
                "header",
                FieldCode::InvalidFormat,
                "the header line cannot be read",
            )]);
        }
    };
    let mut columns = Vec::with_capacity(header.len());
    for cell in header.iter() {
        match std::str::from_utf8(cell) {
            Ok(name) => columns.push(name.trim().to_lowercase()),
            Err(_) => {
                return Err(vec![header_error(
                    "header",
                    FieldCode::InvalidFormat,
                    "is not valid UTF-8",
                )]);
            }
        }
    }
    let problems = check_header(&columns);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut table = Table {
        columns,
        rows: Vec::new(),
        errors: Vec::new(),
    };
    // Rows are numbered as a spreadsheet numbers the records it opens: the header is row 1
    // and each record the next, however many lines its quoted cells span. Empty lines are
    // no records and take no number.
    for (number, record) in (2usize..).zip(records) {
        if table.rows.len() + table.errors.len() >= MAX_ROWS {
            return Err(vec![ImportError {
                row: number,
                field: "body".into(),
                code: FieldCode::TooMany,
                message: format!("an import takes at most {MAX_ROWS} rows"),
            }]);
        }
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                table.errors.push(ImportError {
                    row: number,
                    field: "row".into(),
                    code: FieldCode::InvalidFormat,
                    message: format!("cannot be read: {e}"),
                });
                continue;
            }
        };
        if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if record.len() != table.columns.len() {
            table.errors.push(ImportError {
                row: number,
                field: "row".into(),
                code: FieldCode::InvalidFormat,
                message: format!(
                    "has {} cells; the header has {}",
                    record.len(),
                    table.columns.len()
                ),
            });
            continue;
        }
        let mut cells = Vec::with_capacity(record.len());
        let mut bad = None;
        for (column, cell) in table.columns.iter().zip(record.iter()) {
            match std::str::from_utf8(cell) {
                Ok(text) => cells.push(text.to_string()),
                Err(_) => {
                    bad = Some(column.clone());
                    break;
                }
            }
        }
        match bad {
            Some(column) => table.errors.push(ImportError {
                row: number,
                field: column,
                code: FieldCode::InvalidFormat,
                message: "is not valid UTF-8".into(),
            }),
            None => table.rows.push(Row { number, cells }),
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_are_told_from_the_header() {
        assert_eq!(delimiter(b"name;email;tags\nA;a@x;\"v,w\""), b';');
        assert_eq!(delimiter(b"name,email\n"), b',');
        assert_eq!(delimiter(b"\"a;b;c\",email\n"), b',');
    }

    #[test]
    fn a_bom_ragged_rows_and_bad_bytes_are_told_apart() {
        let body =
            b"\xEF\xBB\xBFname,email\nAda,ada@x.com\nBob\n\xFF\xFE,c@x.com\n\nEve,eve@x.com\n";
        let table = parse(body).unwrap();
        assert_eq!(table.columns, ["name", "email"]);
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 5]);
        let errors: Vec<(usize, &str)> = table
            .errors
            .iter()
            .map(|e| (e.row, e.field.as_str()))
            .collect();
        assert_eq!(errors, [(3, "row"), (4, "name")]);
    }

    #[test]
    fn a_cell_over_several_lines_shifts_no_later_row() {
        let body = b"name,notes\nAda,\"line one\nline two\nline three\"\nBob\nEve,ok\n";
        let table = parse(body).unwrap();
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 4]);
        assert_eq!(table.errors[0].row, 3);
    }

    #[test]
    fn the_header_is_checked_whole() {
        let errors = parse(b"email,nmae,email\n").err().unwrap();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["header.nmae", "header.email", "header.name"]);
        assert!(parse(b"").is_err());
    }
}
