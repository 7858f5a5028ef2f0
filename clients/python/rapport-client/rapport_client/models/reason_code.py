from enum import StrEnum


class ReasonCode(StrEnum):
    SAME_EMAIL = "same_email"
    SAME_PHONE = "same_phone"
    SIMILAR_NAME_SAME_CITY = "similar_name_same_city"
    SIMILAR_NAME_SAME_COMPANY = "similar_name_same_company"

    def __str__(self) -> str:
        return str(self.value)
