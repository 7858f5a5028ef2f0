from enum import StrEnum


class SalesStage(StrEnum):
    AFTER_SALE = "after_sale"
    CONTRACTED = "contracted"
    FIRST_MEETING = "first_meeting"
    INQUIRY = "inquiry"
    NEEDS_IDENTIFIED = "needs_identified"
    NEGOTIATION = "negotiation"

    def __str__(self) -> str:
        return str(self.value)
