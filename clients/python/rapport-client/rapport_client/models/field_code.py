from enum import StrEnum


class FieldCode(StrEnum):
    BLANK = "blank"
    CONFLICT = "conflict"
    INVALID_FORMAT = "invalid_format"
    INVALID_TYPE = "invalid_type"
    IN_FUTURE = "in_future"
    NOT_ALLOWED = "not_allowed"
    NOT_FOUND = "not_found"
    OUT_OF_RANGE = "out_of_range"
    REQUIRED = "required"
    TOO_LONG = "too_long"
    TOO_MANY = "too_many"
    TOO_SHORT = "too_short"
    UNKNOWN_FIELD = "unknown_field"
    UNKNOWN_VALUE = "unknown_value"

    def __str__(self) -> str:
        return str(self.value)
