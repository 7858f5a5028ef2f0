from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignResult")


@_attrs_define
class CampaignResult:
    """What a campaign scheduled.

    Example:
        {'scheduled': 240, 'segment_id': '01932c9b-7777-7000-8000-000000000001'}

    Attributes:
        segment_id (UUID):
        scheduled (int): Touchpoints scheduled: one per member, each assigned to the customer's owner.
    """

    segment_id: UUID
    scheduled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        segment_id = str(self.segment_id)

        scheduled = self.scheduled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "segment_id": segment_id,
                "scheduled": scheduled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        segment_id = UUID(d.pop("segment_id"))

        scheduled = d.pop("scheduled")

        campaign_result = cls(
            segment_id=segment_id,
            scheduled=scheduled,
        )

        campaign_result.additional_properties = d
        return campaign_result

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
