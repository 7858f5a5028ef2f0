//! The kinds of change the event feed and webhooks carry.

use crate::model::vocabulary;

vocabulary!(
    /// What happened, `<resource>.<change>`.
    EventType {
        #[serde(rename = "customer.created")]
        CustomerCreated => "customer.created",
        #[serde(rename = "customer.updated")]
        CustomerUpdated => "customer.updated",
        #[serde(rename = "customer.deleted")]
        CustomerDeleted => "customer.deleted",
        #[serde(rename = "customer.owner_changed")]
        CustomerOwnerChanged => "customer.owner_changed",
        #[serde(rename = "customer.tier_changed")]
        CustomerTierChanged => "customer.tier_changed",
        #[serde(rename = "customer.churned")]
        CustomerChurned => "customer.churned",
        /// The customer's personal data was erased; `data` is the erasure receipt.
        #[serde(rename = "customer.erased")]
        CustomerErased => "customer.erased",
        /// Another customer was merged into this one; `data` is the merge (the survivor as it
        /// now is, the merged id and what moved). `subject_id` is the merged customer.
        #[serde(rename = "customer.merged")]
        CustomerMerged => "customer.merged",
        #[serde(rename = "purchase.created")]
        PurchaseCreated => "purchase.created",
        #[serde(rename = "purchase.deleted")]
        PurchaseDeleted => "purchase.deleted",
        #[serde(rename = "interaction.logged")]
        InteractionLogged => "interaction.logged",
        #[serde(rename = "touchpoint.scheduled")]
        TouchpointScheduled => "touchpoint.scheduled",
        #[serde(rename = "touchpoint.completed")]
        TouchpointCompleted => "touchpoint.completed",
        #[serde(rename = "touchpoint.skipped")]
        TouchpointSkipped => "touchpoint.skipped",
        #[serde(rename = "touchpoint.cancelled")]
        TouchpointCancelled => "touchpoint.cancelled",
        #[serde(rename = "touchpoint.overdue")]
        TouchpointOverdue => "touchpoint.overdue",
        #[serde(rename = "complaint.received")]
        ComplaintReceived => "complaint.received",
        #[serde(rename = "complaint.transitioned")]
        ComplaintTransitioned => "complaint.transitioned",
        #[serde(rename = "complaint.escalated")]
        ComplaintEscalated => "complaint.escalated",
        #[serde(rename = "complaint.reopened")]
        ComplaintReopened => "complaint.reopened",
        #[serde(rename = "segment.member_added")]
        SegmentMemberAdded => "segment.member_added",
        #[serde(rename = "segment.member_removed")]
        SegmentMemberRemoved => "segment.member_removed",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_are_the_stored_names() {
        for kind in EventType::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, kind.as_str());
        }
    }
}
