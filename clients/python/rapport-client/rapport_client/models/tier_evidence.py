from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TierEvidence")


@_attrs_define
class TierEvidence:
    """What a customer's purchases over the last 12 months show.

    Attributes:
        purchases (int):
        revenue_minor (int):
        active_months (int): Distinct calendar months (UTC) with a purchase.
        largest_purchase_minor (int):
        currency (None | str | Unset):
    """

    purchases: int
    revenue_minor: int
    active_months: int
    largest_purchase_minor: int
    currency: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purchases = self.purchases

        revenue_minor = self.revenue_minor

        active_months = self.active_months

        largest_purchase_minor = self.largest_purchase_minor

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "purchases": purchases,
                "revenue_minor": revenue_minor,
                "active_months": active_months,
                "largest_purchase_minor": largest_purchase_minor,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purchases = d.pop("purchases")

        revenue_minor = d.pop("revenue_minor")

        active_months = d.pop("active_months")

        largest_purchase_minor = d.pop("largest_purchase_minor")

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        tier_evidence = cls(
            purchases=purchases,
            revenue_minor=revenue_minor,
            active_months=active_months,
            largest_purchase_minor=largest_purchase_minor,
            currency=currency,
        )

        tier_evidence.additional_properties = d
        return tier_evidence

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
