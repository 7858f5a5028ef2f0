from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TopShare")


@_attrs_define
class TopShare:
    """
    Attributes:
        customers (int):
        revenue_minor (int):
        revenue_share (float):
    """

    customers: int
    revenue_minor: int
    revenue_share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customers = self.customers

        revenue_minor = self.revenue_minor

        revenue_share = self.revenue_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customers": customers,
                "revenue_minor": revenue_minor,
                "revenue_share": revenue_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customers = d.pop("customers")

        revenue_minor = d.pop("revenue_minor")

        revenue_share = d.pop("revenue_share")

        top_share = cls(
            customers=customers,
            revenue_minor=revenue_minor,
            revenue_share=revenue_share,
        )

        top_share.additional_properties = d
        return top_share

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
