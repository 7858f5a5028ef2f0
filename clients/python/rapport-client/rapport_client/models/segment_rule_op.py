from enum import StrEnum


class SegmentRuleOp(StrEnum):
    BIRTHDAY_WITHIN_DAYS = "birthday_within_days"
    CONTAINS = "contains"
    EQ = "eq"
    GT = "gt"
    GTE = "gte"
    IN = "in"
    IS_NOT_NULL = "is_not_null"
    IS_NULL = "is_null"
    LT = "lt"
    LTE = "lte"
    NE = "ne"
    NOT_IN = "not_in"
    OLDER_THAN_DAYS = "older_than_days"
    WITHIN_DAYS = "within_days"

    def __str__(self) -> str:
        return str(self.value)
