from enum import StrEnum


class ComplaintCategory(StrEnum):
    BILLING = "billing"
    DELIVERY = "delivery"
    OTHER = "other"
    PRODUCT = "product"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
