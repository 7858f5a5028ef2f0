from enum import StrEnum


class Trigger(StrEnum):
    AFTER_PURCHASE = "after_purchase"
    COMPLAINT_RESOLVED = "complaint_resolved"
    CUSTOMER_CREATED = "customer_created"

    def __str__(self) -> str:
        return str(self.value)
