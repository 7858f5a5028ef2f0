from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer import Customer
    from ..models.merge_moved import MergeMoved


T = TypeVar("T", bound="Merge")


@_attrs_define
class Merge:
    """A merge as it was done.

    Example:
        {'customer': {'attributes': {'plan': 'enterprise'}, 'birthday': '1985-12-10', 'churn_reason': None,
            'churned_at': None, 'city': 'London', 'company': 'Analytical Engines Ltd', 'consent': {'chat': 'unknown',
            'email': 'granted', 'event': 'unknown', 'gift': 'unknown', 'letter': 'unknown', 'meeting': 'unknown', 'other':
            'unknown', 'phone': 'granted', 'sms': 'refused', 'visit': 'unknown'}, 'contact_window': {'end': '18:00',
            'start': '12:00', 'weekdays': [1, 2, 3, 4, 5]}, 'country': 'GB', 'created_at': '2026-01-15T10:00:00Z',
            'do_not_contact': False, 'email': 'ada@example.com', 'gender': None, 'id':
            '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'important_dates': [{'date': '2012-03-01', 'label': 'Company
            anniversary', 'recurring': True}], 'industry': 'engineering', 'last_contacted_at': '2026-11-02T14:30:00Z',
            'last_inbound_at': None, 'last_outbound_at': '2026-11-02T14:30:00Z', 'last_purchase_at': '2026-10-20T09:00:00Z',
            'lifecycle_stage': 'expansion', 'lifetime_value_currency': 'EUR', 'lifetime_value_minor': 1250000, 'name': 'Ada
            Lovelace', 'needs': 'Reliable delivery', 'next_touchpoint_due_at': '2026-11-27T12:00:00Z', 'notes': None,
            'occupation': None, 'open_complaints': 0, 'overdue_touchpoints': 0, 'owner_id':
            '01932c8e-0000-7000-8000-000000000001', 'pain_points': None, 'personality': None, 'phone': '+44 20 7946 0000',
            'position': 'CTO', 'preferences': 'Calls after lunch', 'preferred_channel': 'phone', 'purchase_count': 3,
            'referred_by_id': None, 'sales_stage': 'after_sale', 'source_channel': 'trade fair', 'status': 'active', 'tags':
            ['engineering', 'vip'], 'tier': 'important', 'timezone': 'Europe/London', 'updated_at': '2026-11-02T14:30:00Z',
            'version': 4}, 'merged_from': '01932c90-0000-7000-8000-000000000002', 'moved': {'interactions': 12, 'purchases':
            3, 'touchpoints': 2}}

    Attributes:
        customer (Customer): A customer as the API shows it, with the derived relationship-health fields. Example:
            {'attributes': {'plan': 'enterprise'}, 'birthday': '1985-12-10', 'churn_reason': None, 'churned_at': None,
            'city': 'London', 'company': 'Analytical Engines Ltd', 'consent': {'chat': 'unknown', 'email': 'granted',
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
            'important', 'timezone': 'Europe/London', 'updated_at': '2026-11-02T14:30:00Z', 'version': 4}.
        merged_from (UUID):
        moved (MergeMoved): How many rows of each kind of record moved to the survivor (kinds with none left out).
    """

    customer: Customer
    merged_from: UUID
    moved: MergeMoved
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer = self.customer.to_dict()

        merged_from = str(self.merged_from)

        moved = self.moved.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer": customer,
                "merged_from": merged_from,
                "moved": moved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer import Customer  # noqa: PLC0415
        from ..models.merge_moved import MergeMoved  # noqa: PLC0415

        d = dict(src_dict)
        customer = Customer.from_dict(d.pop("customer"))

        merged_from = UUID(d.pop("merged_from"))

        moved = MergeMoved.from_dict(d.pop("moved"))

        merge = cls(
            customer=customer,
            merged_from=merged_from,
            moved=moved,
        )

        merge.additional_properties = d
        return merge

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
