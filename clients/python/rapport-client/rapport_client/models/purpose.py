from enum import StrEnum


class Purpose(StrEnum):
    BIRTHDAY = "birthday"
    COMPLAINT_FOLLOW_UP = "complaint_follow_up"
    CUSTOM = "custom"
    HOLIDAY = "holiday"
    IMPORTANT_DATE = "important_date"
    PERIODIC_CARE = "periodic_care"
    REFERRAL_REQUEST = "referral_request"
    THANK_YOU = "thank_you"
    USAGE_CHECK = "usage_check"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
