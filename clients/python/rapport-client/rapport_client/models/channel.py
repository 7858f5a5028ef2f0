from enum import StrEnum


class Channel(StrEnum):
    CHAT = "chat"
    EMAIL = "email"
    EVENT = "event"
    GIFT = "gift"
    LETTER = "letter"
    MEETING = "meeting"
    OTHER = "other"
    PHONE = "phone"
    SMS = "sms"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
