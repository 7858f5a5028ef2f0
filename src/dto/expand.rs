//! `expand`: what a list of records that hang off a customer embeds in each item, so that a
//! screen (an agenda, a complaints queue, a timeline) needs one request, not one per row.

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::model::customer::{Channel, ContactWindow, Tier};
use crate::model::role::Role;

crate::model::vocabulary!(
    /// A related record a list item may embed.
    Expansion {
        Customer => "customer",
        Assignee => "assignee",
    }
);

/// What to embed, as `expand=customer`, `expand=assignee` or `expand=customer,assignee`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Expand {
    pub customer: bool,
    pub assignee: bool,
}

impl Expand {
    pub fn any(self) -> bool {
        self.customer || self.assignee
    }
}

impl<'de> Deserialize<'de> for Expand {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let mut expand = Expand::default();
        // As the documented pattern says: names separated by single commas, nothing else.
        for word in text.split(',') {
            match Expansion::from_name(word) {
                Some(Expansion::Customer) => expand.customer = true,
                Some(Expansion::Assignee) => expand.assignee = true,
                None => {
                    return Err(serde::de::Error::custom(format!(
                        "unknown variant `{word}`, expected a comma-separated list of {}",
                        Expansion::NAMES.join(", ")
                    )));
                }
            }
        }
        Ok(expand)
    }
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExpandQuery {
    /// Related records to embed in each item, comma-separated: `customer` (a summary of the
    /// item's customer) and, where the item has an assignee, `assignee`. An embedded
    /// customer the caller may not see is left out.
    #[param(value_type = Option<String>, pattern = r"^(customer|assignee)(,(customer|assignee))*$", example = "customer,assignee")]
    pub expand: Option<Expand>,
}

impl ExpandQuery {
    pub fn get(&self) -> Expand {
        self.expand.unwrap_or_default()
    }
}

/// What a screen shows of a customer beside one of its records.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct CustomerSummary {
    pub id: Uuid,
    pub name: String,
    pub company: Option<String>,
    pub tier: Tier,
    pub timezone: String,
    pub contact_window: Option<ContactWindow>,
    pub preferred_channel: Option<Channel>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// What a screen shows of the user a record is assigned to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct UserSummary {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// `expand` on lists whose items have a customer but no assignee.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerExpandQuery {
    /// `customer` embeds a summary of the item's customer in each item.
    #[serde(default, deserialize_with = "customer_only")]
    #[param(value_type = Option<String>, pattern = r"^customer$", example = "customer")]
    pub expand: Option<Expand>,
}

impl CustomerExpandQuery {
    pub fn get(&self) -> Expand {
        self.expand.unwrap_or_default()
    }
}

fn customer_only<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Expand>, D::Error> {
    let expand = Expand::deserialize(deserializer)?;
    if expand.assignee {
        return Err(serde::de::Error::custom(
            "unknown variant `assignee`, expected customer (these records have no assignee)",
        ));
    }
    Ok(Some(expand))
}
