//! The orders lists are sorted in, as callers name them (`-` sorts descending): one
//! vocabulary the API, the domain and the store's queries share.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Sort keys of the customers list; `-` sorts descending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum CustomerSort {
    #[serde(rename = "name")]
    NameAsc,
    #[serde(rename = "-name")]
    NameDesc,
    #[serde(rename = "created_at")]
    CreatedAsc,
    #[serde(rename = "-created_at")]
    CreatedDesc,
    #[serde(rename = "updated_at")]
    UpdatedAsc,
    #[serde(rename = "-updated_at")]
    UpdatedDesc,
    #[serde(rename = "last_contacted_at")]
    LastContactedAsc,
    #[serde(rename = "-last_contacted_at")]
    LastContactedDesc,
    #[serde(rename = "lifetime_value_minor")]
    ValueAsc,
    #[serde(rename = "-lifetime_value_minor")]
    ValueDesc,
    #[serde(rename = "purchase_count")]
    PurchasesAsc,
    #[serde(rename = "-purchase_count")]
    PurchasesDesc,
    #[serde(rename = "last_purchase_at")]
    LastPurchaseAsc,
    #[serde(rename = "-last_purchase_at")]
    LastPurchaseDesc,
    #[serde(rename = "next_touchpoint_due_at")]
    NextTouchpointAsc,
    #[serde(rename = "-next_touchpoint_due_at")]
    NextTouchpointDesc,
    #[serde(rename = "overdue_touchpoints")]
    OverdueAsc,
    #[serde(rename = "-overdue_touchpoints")]
    OverdueDesc,
    #[serde(rename = "open_complaints")]
    OpenComplaintsAsc,
    #[serde(rename = "-open_complaints")]
    OpenComplaintsDesc,
}

// Sort keys of the complaints list (undocumented in the schema, which keeps its words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ComplaintSort {
    #[serde(rename = "-received_at")]
    ReceivedDesc,
    #[serde(rename = "received_at")]
    ReceivedAsc,
    #[serde(rename = "resolution_due_at")]
    ResolutionDueAsc,
}
