from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_code import FieldCode

T = TypeVar("T", bound="ImportError_")


@_attrs_define
class ImportError_:
    """A row that was not imported, and why.

    Attributes:
        row (int): The spreadsheet row: the header is row 1 and each record the next, however many
            lines its quoted cells span.
        field (str): The column, or `row` for the row as a whole.
        code (FieldCode): What is wrong with a field: one stable word per kind of mistake, so that a frontend
            shows its own translated text (`message` says it in English, with the detail).

            * `required`: missing, or needed by another field's value (`churn_reason` for `churned`)
            * `invalid_type`: not the schema's JSON type (a string for a number, a fraction for an
              integer, an array for an object)
            * `unknown_field`: a key or CSV column the schema does not have
            * `unknown_value`: not one of the enum's values, or not a known name
            * `invalid_format`: text that does not parse (email, phone, timezone, time, currency,
              id, timestamp, cursor, header value)
            * `too_short` / `too_long`: text outside its length bounds
            * `too_many`: a list, file or rule with more (or fewer) entries than allowed
            * `out_of_range`: a number, date or instant outside its range
            * `blank`: empty or only white space
            * `in_future`: an instant or date that must not lie ahead
            * `not_found`: names a record that does not exist or that the caller may not see
            * `not_allowed`: names a record or value that may not be used here, or a field that
              does not apply with the others given
            * `conflict`: clashes with the stored state or another field (a second currency, a
              cursor of another sort order, a reused idempotency key)
        message (str):
    """

    row: int
    field: str
    code: FieldCode
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        field = self.field

        code = self.code.value

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "field": field,
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        field = d.pop("field")

        code = FieldCode(d.pop("code"))

        message = d.pop("message")

        import_error = cls(
            row=row,
            field=field,
            code=code,
            message=message,
        )

        import_error.additional_properties = d
        return import_error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
