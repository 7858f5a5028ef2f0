//! The customers CSV import's parameters and answer.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::model::error::{FieldCode, FieldError};

/// What to do with a row naming a customer who exists already.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnDuplicate {
    /// Leave the customer as it is (the default).
    #[default]
    Skip,
    /// Change the customer's fields to the row's (columns the file does not have stay).
    Update,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Answer the plan for every row and change nothing.
    pub dry_run: Option<bool>,
    /// A row matches an existing customer by `id`, else by email (case-insensitive), else by
    /// phone (compared in E.164). Default `skip`.
    pub on_duplicate: Option<OnDuplicate>,
}

/// A row that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportError {
    /// The spreadsheet row: the header is row 1 and each record the next, however many
    /// lines its quoted cells span.
    pub row: usize,
    /// The column, or `row` for the row as a whole.
    pub field: String,
    pub code: FieldCode,
    pub message: String,
}

impl ImportError {
    /// An error of `row`, its field and message cut to the bounds of every error answer.
    pub fn new(
        row: usize,
        field: impl Into<String>,
        code: FieldCode,
        message: impl Into<String>,
    ) -> Self {
        Self::of_field(row, FieldError::new(field, code, message))
    }

    pub fn of_field(row: usize, error: FieldError) -> Self {
        let FieldError {
            field,
            code,
            message,
        } = error;
        Self {
            row,
            field,
            code,
            message,
        }
    }
}

/// The most row errors an import answers; `errors_omitted` counts the rest.
pub const MAX_IMPORT_ERRORS: usize = 1_000;

/// What happens to a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportAction {
    Create,
    Update,
    /// A duplicate of an existing customer (`customer_id`) that is not updated
    /// (`on_duplicate=skip`, or nothing in the row differs from it), or of an earlier row.
    Skip,
    Error,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PlannedRow {
    pub row: usize,
    pub action: ImportAction,
    /// The customer the row matched (update, skip).
    pub customer_id: Option<Uuid>,
    /// Why the row matched `customer_id`: each of its `id`, `email` (compared without case)
    /// and `phone` (compared in E.164) that names that customer.
    #[schema(example = json!(["email", "phone"]))]
    pub matched_by: Option<Vec<MatchedBy>>,
    /// The earlier row this one repeats.
    pub duplicate_of_row: Option<usize>,
}

/// What an import row and an existing customer share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Id,
    Email,
    Phone,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "dry_run": false, "created": 2, "updated": 0, "skipped": 1,
    "errors": [{"row": 4, "field": "email", "code": "invalid_format", "message": "must be a valid email address"}],
    "errors_omitted": 0,
    "plan": null
}))]
pub struct ImportResult {
    pub dry_run: bool,
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    /// Rows not imported, by row (the first 1,000; a dry run's `plan` marks every one); the
    /// others are imported, all in one transaction.
    #[schema(max_items = 1000)]
    pub errors: Vec<ImportError>,
    /// How many more errors there were than `errors` lists.
    pub errors_omitted: u64,
    /// On a dry run, what would happen to each row.
    pub plan: Option<Vec<PlannedRow>>,
}
