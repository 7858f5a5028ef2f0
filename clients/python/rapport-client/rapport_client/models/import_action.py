from enum import StrEnum


class ImportAction(StrEnum):
    CREATE = "create"
    ERROR = "error"
    SKIP = "skip"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
