from enum import StrEnum


class ComplaintKind(StrEnum):
    COMPLAINT = "complaint"
    PRAISE = "praise"
    SUGGESTION = "suggestion"

    def __str__(self) -> str:
        return str(self.value)
