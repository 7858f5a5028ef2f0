from enum import StrEnum


class ComplaintSort(StrEnum):
    RECEIVED_AT = "received_at"
    RESOLUTION_DUE_AT = "resolution_due_at"
    VALUE_0 = "-received_at"

    def __str__(self) -> str:
        return str(self.value)
