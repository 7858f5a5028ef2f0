from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CurvePoint")


@_attrs_define
class CurvePoint:
    """A point of the cumulative revenue curve.

    Attributes:
        customers (int): The top `customers` of the ranking…
        customer_share (float): …as a share of all customers who bought, 0–1…
        revenue_share (float): …bring this share of the revenue, 0–1.
    """

    customers: int
    customer_share: float
    revenue_share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customers = self.customers

        customer_share = self.customer_share

        revenue_share = self.revenue_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customers": customers,
                "customer_share": customer_share,
                "revenue_share": revenue_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customers = d.pop("customers")

        customer_share = d.pop("customer_share")

        revenue_share = d.pop("revenue_share")

        curve_point = cls(
            customers=customers,
            customer_share=customer_share,
            revenue_share=revenue_share,
        )

        curve_point.additional_properties = d
        return curve_point

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
