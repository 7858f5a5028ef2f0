from enum import StrEnum


class Status(StrEnum):
    CANCELLED = "cancelled"
    DONE = "done"
    SCHEDULED = "scheduled"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
