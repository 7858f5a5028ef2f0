from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.left_out import LeftOut


T = TypeVar("T", bound="CampaignResult")


@_attrs_define
class CampaignResult:
    """What a campaign scheduled.

    Example:
        {'left_out': 3, 'left_out_reasons': [{'count': 1, 'reason': 'do not contact'}, {'count': 2, 'reason': 'no
            consent for email'}], 'scheduled': 240, 'segment_id': '01932c9b-7777-7000-8000-000000000001'}

    Attributes:
        segment_id (UUID):
        scheduled (int): Touchpoints scheduled: one per member, each assigned to the customer's owner.
        left_out (int): Members left out because of what they said about being contacted.
        left_out_reasons (list[LeftOut]): How many were left out for each reason.
    """

    segment_id: UUID
    scheduled: int
    left_out: int
    left_out_reasons: list[LeftOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        segment_id = str(self.segment_id)

        scheduled = self.scheduled

        left_out = self.left_out

        left_out_reasons = []
        for left_out_reasons_item_data in self.left_out_reasons:
            left_out_reasons_item = left_out_reasons_item_data.to_dict()
            left_out_reasons.append(left_out_reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "segment_id": segment_id,
                "scheduled": scheduled,
                "left_out": left_out,
                "left_out_reasons": left_out_reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.left_out import LeftOut  # noqa: PLC0415

        d = dict(src_dict)
        segment_id = UUID(d.pop("segment_id"))

        scheduled = d.pop("scheduled")

        left_out = d.pop("left_out")

        left_out_reasons = []
        _left_out_reasons = d.pop("left_out_reasons")
        for left_out_reasons_item_data in _left_out_reasons:
            left_out_reasons_item = LeftOut.from_dict(left_out_reasons_item_data)

            left_out_reasons.append(left_out_reasons_item)

        campaign_result = cls(
            segment_id=segment_id,
            scheduled=scheduled,
            left_out=left_out,
            left_out_reasons=left_out_reasons,
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
