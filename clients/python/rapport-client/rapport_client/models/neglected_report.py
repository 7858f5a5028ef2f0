from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.count import Count
    from ..models.customer import Customer
    from ..models.owner_count import OwnerCount


T = TypeVar("T", bound="NeglectedReport")


@_attrs_define
class NeglectedReport:
    """Active customers nobody has been in touch with.

    Example:
        {'by_owner': [{'count': 3, 'owner_id': '01932c8e-0000-7000-8000-000000000001'}], 'by_tier': [{'count': 2, 'key':
            'general'}, {'count': 1, 'key': 'key'}], 'days': 90, 'items': [], 'next_cursor': None, 'since':
            '2026-08-31T09:00:00Z', 'total': 3}

    Attributes:
        days (int):
        since (datetime.datetime): Customers last contacted before this instant, or never.
        total (int):
        by_tier (list[Count]):
        by_owner (list[OwnerCount]): Most neglected first.
        items (list[Customer]): The customers, most valuable first (`lifetime_value_minor`), a page at a time.
        next_cursor (None | str | Unset):
    """

    days: int
    since: datetime.datetime
    total: int
    by_tier: list[Count]
    by_owner: list[OwnerCount]
    items: list[Customer]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        days = self.days

        since = self.since.isoformat()

        total = self.total

        by_tier = []
        for by_tier_item_data in self.by_tier:
            by_tier_item = by_tier_item_data.to_dict()
            by_tier.append(by_tier_item)

        by_owner = []
        for by_owner_item_data in self.by_owner:
            by_owner_item = by_owner_item_data.to_dict()
            by_owner.append(by_owner_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days": days,
                "since": since,
                "total": total,
                "by_tier": by_tier,
                "by_owner": by_owner,
                "items": items,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.count import Count  # noqa: PLC0415
        from ..models.customer import Customer  # noqa: PLC0415
        from ..models.owner_count import OwnerCount  # noqa: PLC0415

        d = dict(src_dict)
        days = d.pop("days")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        total = d.pop("total")

        by_tier = []
        _by_tier = d.pop("by_tier")
        for by_tier_item_data in _by_tier:
            by_tier_item = Count.from_dict(by_tier_item_data)

            by_tier.append(by_tier_item)

        by_owner = []
        _by_owner = d.pop("by_owner")
        for by_owner_item_data in _by_owner:
            by_owner_item = OwnerCount.from_dict(by_owner_item_data)

            by_owner.append(by_owner_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Customer.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        neglected_report = cls(
            days=days,
            since=since,
            total=total,
            by_tier=by_tier,
            by_owner=by_owner,
            items=items,
            next_cursor=next_cursor,
        )

        neglected_report.additional_properties = d
        return neglected_report

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
