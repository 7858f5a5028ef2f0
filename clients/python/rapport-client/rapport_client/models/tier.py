from enum import StrEnum


class Tier(StrEnum):
    GENERAL = "general"
    IMPORTANT = "important"
    KEY = "key"

    def __str__(self) -> str:
        return str(self.value)
