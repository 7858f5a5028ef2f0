//! An import's rows read as customers: each decoded and checked like a `POST /customers`
//! body (with the body that would change an existing customer beside it), and the
//! references it makes checked once per owner and referrer however many rows repeat them.

use std::collections::{HashMap, HashSet};

use sea_orm::DatabaseTransaction;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::read::{self, Row};
use super::{OWNER_EMAIL, value_of};
use crate::domain::customer::guard::can_own;
use crate::domain::customer::rules::Profile;
use crate::dto::customer::CustomerCreate;
use crate::dto::customer_csv::ImportError;
use crate::dto::decode::from_validated;
use crate::model::error::FieldCode;
use crate::model::error::{DomainResult, FieldError};
use crate::model::role::{Actor, Role};
use crate::store;

/// Columns an existing customer keeps when their cell is empty: they cannot be empty.
const KEPT_WHEN_EMPTY: &[&str] = &[
    "name",
    "timezone",
    "tier",
    "lifecycle_stage",
    "sales_stage",
    "status",
    "owner_id",
];

/// A row read as a new customer, with the body it would change an existing one with.
pub(super) struct Decoded {
    pub number: usize,
    pub id: Option<Uuid>,
    pub profile: Profile,
    pub patch: Value,
    pub email: Option<String>,
    /// The phone in E.164.
    pub phone: Option<String>,
}

pub(super) fn errors_of(number: usize, errors: Vec<FieldError>) -> Vec<ImportError> {
    errors
        .into_iter()
        .map(|e| ImportError::of_field(number, e))
        .collect()
}

/// An agent's row naming another owner, or an owner the agent cannot know of.
fn not_own(number: usize) -> Vec<ImportError> {
    error(
        number,
        "owner_id",
        FieldCode::NotAllowed,
        "agents import only customers they own",
    )
}

fn error(
    number: usize,
    field: &str,
    code: FieldCode,
    message: impl Into<String>,
) -> Vec<ImportError> {
    vec![ImportError::new(number, field, code, message)]
}

/// What the import knows beyond the file: the owners named by email, and the answers to
/// the checks that many rows repeat.
pub(super) struct Lookups {
    owners_by_email: HashMap<String, Uuid>,
    can_own: HashMap<Uuid, bool>,
    visible: HashMap<Uuid, bool>,
}

pub(super) async fn lookups(
    tx: &DatabaseTransaction,
    table: &read::Table,
) -> DomainResult<Lookups> {
    let mut owners_by_email = HashMap::new();
    if let Some(at) = table.columns.iter().position(|c| c == OWNER_EMAIL) {
        let emails: HashSet<String> = table
            .rows
            .iter()
            .map(|r| r.cells[at].trim().to_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        let emails: Vec<String> = emails.into_iter().collect();
        for user in store::users::by_emails(tx, &emails).await? {
            if user.active {
                owners_by_email.insert(user.email, user.id);
            }
        }
    }
    Ok(Lookups {
        owners_by_email,
        can_own: HashMap::new(),
        visible: HashMap::new(),
    })
}

/// The row as a create body (cells with a value) and a patch body (every column, an empty
/// cell clearing its field unless the field cannot be empty).
pub(super) fn decode(
    columns: &[String],
    row: &Row,
    lookups: &Lookups,
    actor: &Actor,
    now: chrono::DateTime<chrono::Utc>,
    keep_patch: bool,
) -> Result<Decoded, Vec<ImportError>> {
    let n = row.number;
    let mut create = Map::new();
    let mut patch = Map::new();
    let mut id = None;
    for (column, cell) in columns.iter().zip(&row.cells) {
        let empty = cell.trim().is_empty();
        match column.as_str() {
            "id" if empty => {}
            "id" => match cell.trim().parse::<Uuid>() {
                Ok(v) => id = Some(v),
                Err(_) => {
                    return Err(error(
                        n,
                        "id",
                        FieldCode::InvalidFormat,
                        "is not a customer id (a UUID)",
                    ));
                }
            },
            OWNER_EMAIL if empty => {}
            OWNER_EMAIL => match lookups.owners_by_email.get(&cell.trim().to_lowercase()) {
                Some(owner) => {
                    create.insert("owner_id".into(), Value::String(owner.to_string()));
                    patch.insert("owner_id".into(), Value::String(owner.to_string()));
                }
                // An agent learns nothing of other accounts: an unknown email is answered as
                // another user's is.
                None if actor.role == Role::Agent => return Err(not_own(n)),
                None => {
                    return Err(error(
                        n,
                        OWNER_EMAIL,
                        FieldCode::NotFound,
                        "no active user has this email",
                    ));
                }
            },
            name if empty => {
                if !KEPT_WHEN_EMPTY.contains(&name) {
                    let cleared = match name {
                        "tags" | "important_dates" => Value::Array(Vec::new()),
                        "attributes" => Value::Object(Map::new()),
                        _ => Value::Null,
                    };
                    patch.insert(name.into(), cleared);
                }
            }
            name => {
                let value = value_of(name, cell)
                    .map_err(|m| error(n, name, FieldCode::InvalidFormat, m))?;
                create.insert(name.into(), value.clone());
                patch.insert(name.into(), value);
            }
        }
    }
    let input: CustomerCreate =
        from_validated(Value::Object(create)).map_err(|e| errors_of(n, e))?;
    let mut profile = Profile::from_create(input, actor.id);
    profile.normalise();
    let mut problems = profile.check(now);
    problems.extend(profile.check_phone(None));
    if !problems.is_empty() {
        return Err(errors_of(n, problems));
    }
    if actor.role == Role::Agent && profile.owner_id != actor.id {
        return Err(not_own(n));
    }
    Ok(Decoded {
        number: n,
        id,
        email: profile.email.clone(),
        phone: profile.phone_e164(),
        profile,
        // Only an import that updates needs it; a large file keeps less in memory without.
        patch: if keep_patch {
            Value::Object(patch)
        } else {
            Value::Null
        },
    })
}

/// The references a new customer's row makes: an owner who can own customers, a referrer
/// the caller can see. Answers are kept, as many rows name the same owner.
pub(super) async fn check_references(
    tx: &DatabaseTransaction,
    actor: &Actor,
    d: &Decoded,
    lookups: &mut Lookups,
) -> DomainResult<Result<(), Vec<ImportError>>> {
    let owner = d.profile.owner_id;
    let owner_ok = match lookups.can_own.get(&owner) {
        Some(known) => *known,
        None => {
            let ok = can_own(tx, owner).await?;
            lookups.can_own.insert(owner, ok);
            ok
        }
    };
    if !owner_ok {
        return Ok(Err(error(
            d.number,
            "owner_id",
            FieldCode::NotAllowed,
            "must be an active user who can own customers",
        )));
    }
    if let Some(referrer) = d.profile.referred_by_id {
        let seen = match lookups.visible.get(&referrer) {
            Some(known) => *known,
            None => {
                let seen = store::customers::find_visible(tx, referrer, actor.customer_scope())
                    .await?
                    .is_some();
                lookups.visible.insert(referrer, seen);
                seen
            }
        };
        if !seen {
            return Ok(Err(error(
                d.number,
                "referred_by_id",
                FieldCode::NotFound,
                "no such customer",
            )));
        }
    }
    Ok(Ok(()))
}
