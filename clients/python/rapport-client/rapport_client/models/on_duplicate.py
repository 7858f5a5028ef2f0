from enum import StrEnum


class OnDuplicate(StrEnum):
    SKIP = "skip"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
