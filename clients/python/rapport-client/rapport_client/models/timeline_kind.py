from enum import StrEnum


class TimelineKind(StrEnum):
    COMPLAINT = "complaint"
    HANDOFF = "handoff"
    INTERACTION = "interaction"
    PURCHASE = "purchase"
    TOUCHPOINT = "touchpoint"

    def __str__(self) -> str:
        return str(self.value)
