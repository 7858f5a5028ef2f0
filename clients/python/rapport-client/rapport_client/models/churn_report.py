from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.count import Count


T = TypeVar("T", bound="ChurnReport")


@_attrs_define
class ChurnReport:
    """Customers lost: why, which kind, when.

    Example:
        {'by_month': [{'count': 1, 'key': '2026-09'}, {'count': 2, 'key': '2026-10'}], 'by_reason': [{'count': 2, 'key':
            'price'}, {'count': 1, 'key': None}], 'by_tier': [{'count': 3, 'key': 'general'}], 'from':
            '2025-11-29T09:00:00Z', 'to': '2026-11-29T09:00:00Z', 'total': 3}

    Attributes:
        from_ (datetime.datetime):
        to (datetime.datetime):
        total (int):
        by_reason (list[Count]): The 100 most frequent reasons, most frequent first; null for none given.
        by_tier (list[Count]):
        by_month (list[Count]): By month of the loss (UTC), in order.
    """

    from_: datetime.datetime
    to: datetime.datetime
    total: int
    by_reason: list[Count]
    by_tier: list[Count]
    by_month: list[Count]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        total = self.total

        by_reason = []
        for by_reason_item_data in self.by_reason:
            by_reason_item = by_reason_item_data.to_dict()
            by_reason.append(by_reason_item)

        by_tier = []
        for by_tier_item_data in self.by_tier:
            by_tier_item = by_tier_item_data.to_dict()
            by_tier.append(by_tier_item)

        by_month = []
        for by_month_item_data in self.by_month:
            by_month_item = by_month_item_data.to_dict()
            by_month.append(by_month_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "total": total,
                "by_reason": by_reason,
                "by_tier": by_tier,
                "by_month": by_month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.count import Count  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        total = d.pop("total")

        by_reason = []
        _by_reason = d.pop("by_reason")
        for by_reason_item_data in _by_reason:
            by_reason_item = Count.from_dict(by_reason_item_data)

            by_reason.append(by_reason_item)

        by_tier = []
        _by_tier = d.pop("by_tier")
        for by_tier_item_data in _by_tier:
            by_tier_item = Count.from_dict(by_tier_item_data)

            by_tier.append(by_tier_item)

        by_month = []
        _by_month = d.pop("by_month")
        for by_month_item_data in _by_month:
            by_month_item = Count.from_dict(by_month_item_data)

            by_month.append(by_month_item)

        churn_report = cls(
            from_=from_,
            to=to,
            total=total,
            by_reason=by_reason,
            by_tier=by_tier,
            by_month=by_month,
        )

        churn_report.additional_properties = d
        return churn_report

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
