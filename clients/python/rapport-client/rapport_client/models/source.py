from enum import StrEnum


class Source(StrEnum):
    BIRTHDAY = "birthday"
    COMPLAINT = "complaint"
    IMPORTANT_DATE = "important_date"
    MANUAL = "manual"
    PLAYBOOK = "playbook"

    def __str__(self) -> str:
        return str(self.value)
