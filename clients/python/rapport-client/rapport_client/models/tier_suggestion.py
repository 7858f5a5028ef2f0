from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier

if TYPE_CHECKING:
    from ..models.tier_evidence import TierEvidence


T = TypeVar("T", bound="TierSuggestion")


@_attrs_define
class TierSuggestion:
    """A customer whose purchases fit another tier.

    Example:
        {'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'evidence': {'active_months': 10, 'currency': 'EUR',
            'largest_purchase_minor': 240000, 'purchases': 14, 'revenue_minor': 1820000}, 'name': 'Ada Lovelace', 'reason':
            'bought in 10 of the last 12 months (key from 9)', 'suggested_tier': 'key', 'tier': 'general'}

    Attributes:
        customer_id (UUID):
        name (str):
        tier (Tier): How much and how steadily a customer buys; drives the contact cadence.
        suggested_tier (Tier): How much and how steadily a customer buys; drives the contact cadence.
        reason (str):
        evidence (TierEvidence): What a customer's purchases over the last 12 months show.
    """

    customer_id: UUID
    name: str
    tier: Tier
    suggested_tier: Tier
    reason: str
    evidence: TierEvidence
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        name = self.name

        tier = self.tier.value

        suggested_tier = self.suggested_tier.value

        reason = self.reason

        evidence = self.evidence.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "name": name,
                "tier": tier,
                "suggested_tier": suggested_tier,
                "reason": reason,
                "evidence": evidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tier_evidence import TierEvidence  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        name = d.pop("name")

        tier = Tier(d.pop("tier"))

        suggested_tier = Tier(d.pop("suggested_tier"))

        reason = d.pop("reason")

        evidence = TierEvidence.from_dict(d.pop("evidence"))

        tier_suggestion = cls(
            customer_id=customer_id,
            name=name,
            tier=tier,
            suggested_tier=suggested_tier,
            reason=reason,
            evidence=evidence,
        )

        tier_suggestion.additional_properties = d
        return tier_suggestion

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
