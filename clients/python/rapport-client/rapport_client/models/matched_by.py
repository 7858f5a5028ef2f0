from enum import StrEnum


class MatchedBy(StrEnum):
    EMAIL = "email"
    ID = "id"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
