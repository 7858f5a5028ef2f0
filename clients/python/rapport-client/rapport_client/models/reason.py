from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason_code import ReasonCode

T = TypeVar("T", bound="Reason")


@_attrs_define
class Reason:
    """One reason, with what matched.

    Example:
        {'code': 'same_phone', 'detail': '+493012345678'}

    Attributes:
        code (ReasonCode): Why two customers look like one person.

            * `same_email`: the same email address (compared without case)
            * `same_phone`: the same phone number once both are read in E.164
            * `similar_name_same_company`: names alike (trigram similarity at least 0.5) at the same
              company
            * `similar_name_same_city`: names alike in the same city
        detail (str): What the two share, or how alike their names are.
    """

    code: ReasonCode
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = ReasonCode(d.pop("code"))

        detail = d.pop("detail")

        reason = cls(
            code=code,
            detail=detail,
        )

        reason.additional_properties = d
        return reason

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
