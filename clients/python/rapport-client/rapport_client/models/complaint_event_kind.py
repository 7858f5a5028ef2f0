from enum import StrEnum


class ComplaintEventKind(StrEnum):
    ASSIGNMENT = "assignment"
    CREATED = "created"
    ESCALATION = "escalation"
    NOTE = "note"
    SATISFACTION = "satisfaction"
    TRANSITION = "transition"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
