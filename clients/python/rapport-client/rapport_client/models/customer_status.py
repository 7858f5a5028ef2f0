from enum import StrEnum


class CustomerStatus(StrEnum):
    ACTIVE = "active"
    CHURNED = "churned"

    def __str__(self) -> str:
        return str(self.value)
