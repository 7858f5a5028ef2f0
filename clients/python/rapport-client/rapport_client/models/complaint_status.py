from enum import StrEnum


class ComplaintStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    OPEN = "open"
    REOPENED = "reopened"
    RESOLVED = "resolved"
    WAITING_ON_CUSTOMER = "waiting_on_customer"

    def __str__(self) -> str:
        return str(self.value)
