from enum import StrEnum


class EventType(StrEnum):
    COMPLAINT_ESCALATED = "complaint.escalated"
    COMPLAINT_RECEIVED = "complaint.received"
    COMPLAINT_REOPENED = "complaint.reopened"
    COMPLAINT_TRANSITIONED = "complaint.transitioned"
    CUSTOMER_CHURNED = "customer.churned"
    CUSTOMER_CREATED = "customer.created"
    CUSTOMER_DELETED = "customer.deleted"
    CUSTOMER_ERASED = "customer.erased"
    CUSTOMER_MERGED = "customer.merged"
    CUSTOMER_OWNER_CHANGED = "customer.owner_changed"
    CUSTOMER_TIER_CHANGED = "customer.tier_changed"
    CUSTOMER_UPDATED = "customer.updated"
    INTERACTION_LOGGED = "interaction.logged"
    PURCHASE_CREATED = "purchase.created"
    PURCHASE_DELETED = "purchase.deleted"
    SEGMENT_MEMBER_ADDED = "segment.member_added"
    SEGMENT_MEMBER_REMOVED = "segment.member_removed"
    TOUCHPOINT_CANCELLED = "touchpoint.cancelled"
    TOUCHPOINT_COMPLETED = "touchpoint.completed"
    TOUCHPOINT_OVERDUE = "touchpoint.overdue"
    TOUCHPOINT_SCHEDULED = "touchpoint.scheduled"
    TOUCHPOINT_SKIPPED = "touchpoint.skipped"

    def __str__(self) -> str:
        return str(self.value)
