from enum import StrEnum


class ConsentState(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
