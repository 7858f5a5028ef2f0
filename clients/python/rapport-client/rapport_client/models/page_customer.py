from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer import Customer


T = TypeVar("T", bound="PageCustomer")


@_attrs_define
class PageCustomer:
    """
    Example:
        {'items': [{'attributes': {'plan': 'enterprise'}, 'birthday': '1985-12-10', 'churn_reason': None, 'churned_at':
            None, 'city': 'London', 'company': 'Analytical Engines Ltd', 'consent': {'chat': 'unknown', 'email': 'granted',
            'event': 'unknown', 'gift': 'unknown', 'letter': 'unknown', 'meeting': 'unknown', 'other': 'unknown', 'phone':
            'granted', 'sms': 'refused', 'visit': 'unknown'}, 'contact_window': {'end': '18:00', 'start': '12:00',
            'weekdays': [1, 2, 3, 4, 5]}, 'country': 'GB', 'created_at': '2026-01-15T10:00:00Z', 'do_not_contact': False,
            'email': 'ada@example.com', 'gender': None, 'id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'important_dates':
            [{'date': '2012-03-01', 'label': 'Company anniversary', 'recurring': True}], 'industry': 'engineering',
            'last_contacted_at': '2026-11-02T14:30:00Z', 'last_inbound_at': None, 'last_outbound_at':
            '2026-11-02T14:30:00Z', 'last_purchase_at': '2026-10-20T09:00:00Z', 'lifecycle_stage': 'expansion',
            'lifetime_value_currency': 'EUR', 'lifetime_value_minor': 1250000, 'name': 'Ada Lovelace', 'needs': 'Reliable
            delivery', 'next_touchpoint_due_at': '2026-11-27T12:00:00Z', 'notes': None, 'occupation': None,
            'open_complaints': 0, 'overdue_touchpoints': 0, 'owner_id': '01932c8e-0000-7000-8000-000000000001',
            'pain_points': None, 'personality': None, 'phone': '+44 20 7946 0000', 'position': 'CTO', 'preferences': 'Calls
            after lunch', 'preferred_channel': 'phone', 'purchase_count': 3, 'referred_by_id': None, 'sales_stage':
            'after_sale', 'source_channel': 'trade fair', 'status': 'active', 'tags': ['engineering', 'vip'], 'tier':
            'important', 'timezone': 'Europe/London', 'updated_at': '2026-11-02T14:30:00Z', 'version': 4}], 'next_cursor':
            None}

    Attributes:
        items (list[Customer]):
        next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last page.
    """

    items: list[Customer]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
                "items": items,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer import Customer  # noqa: PLC0415

        d = dict(src_dict)
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

        page_customer = cls(
            items=items,
            next_cursor=next_cursor,
        )

        page_customer.additional_properties = d
        return page_customer

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
