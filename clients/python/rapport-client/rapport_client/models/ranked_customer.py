from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier

T = TypeVar("T", bound="RankedCustomer")


@_attrs_define
class RankedCustomer:
    """One customer in the revenue ranking.

    Attributes:
        rank (int): 1 for the customer who brought the most.
        customer_id (UUID):
        name (str):
        tier (Tier): How much and how steadily a customer buys; drives the contact cadence.
        revenue_minor (int):
        revenue_share (float): Of all revenue in the period, 0–1.
        cumulative_share (float): Of all revenue, brought by this customer and everyone ranked above, 0–1.
    """

    rank: int
    customer_id: UUID
    name: str
    tier: Tier
    revenue_minor: int
    revenue_share: float
    cumulative_share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        customer_id = str(self.customer_id)

        name = self.name

        tier = self.tier.value

        revenue_minor = self.revenue_minor

        revenue_share = self.revenue_share

        cumulative_share = self.cumulative_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rank": rank,
                "customer_id": customer_id,
                "name": name,
                "tier": tier,
                "revenue_minor": revenue_minor,
                "revenue_share": revenue_share,
                "cumulative_share": cumulative_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rank = d.pop("rank")

        customer_id = UUID(d.pop("customer_id"))

        name = d.pop("name")

        tier = Tier(d.pop("tier"))

        revenue_minor = d.pop("revenue_minor")

        revenue_share = d.pop("revenue_share")

        cumulative_share = d.pop("cumulative_share")

        ranked_customer = cls(
            rank=rank,
            customer_id=customer_id,
            name=name,
            tier=tier,
            revenue_minor=revenue_minor,
            revenue_share=revenue_share,
            cumulative_share=cumulative_share,
        )

        ranked_customer.additional_properties = d
        return ranked_customer

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
