from enum import StrEnum


class CustomerSort(StrEnum):
    CREATED_AT = "created_at"
    LAST_CONTACTED_AT = "last_contacted_at"
    LAST_PURCHASE_AT = "last_purchase_at"
    LIFETIME_VALUE_MINOR = "lifetime_value_minor"
    NAME = "name"
    NEXT_TOUCHPOINT_DUE_AT = "next_touchpoint_due_at"
    OPEN_COMPLAINTS = "open_complaints"
    OVERDUE_TOUCHPOINTS = "overdue_touchpoints"
    PURCHASE_COUNT = "purchase_count"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-name"
    VALUE_11 = "-purchase_count"
    VALUE_13 = "-last_purchase_at"
    VALUE_15 = "-next_touchpoint_due_at"
    VALUE_17 = "-overdue_touchpoints"
    VALUE_19 = "-open_complaints"
    VALUE_3 = "-created_at"
    VALUE_5 = "-updated_at"
    VALUE_7 = "-last_contacted_at"
    VALUE_9 = "-lifetime_value_minor"

    def __str__(self) -> str:
        return str(self.value)
