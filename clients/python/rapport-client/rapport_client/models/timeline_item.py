from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.timeline_kind import TimelineKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaint import Complaint
    from ..models.customer_summary import CustomerSummary
    from ..models.handoff import Handoff
    from ..models.interaction import Interaction
    from ..models.purchase import Purchase
    from ..models.touchpoint import Touchpoint


T = TypeVar("T", bound="TimelineItem")


@_attrs_define
class TimelineItem:
    """
    Example:
        {'at': '2026-11-20T14:30:00Z', 'kind': 'interaction', 'record': {'channel': 'phone', 'created_at':
            '2026-11-20T14:35:00Z', 'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'direction': 'outbound', 'id':
            '01932c90-1111-7000-8000-000000000001', 'occurred_at': '2026-11-20T14:30:00Z', 'outcome': 'positive',
            'satisfaction': 5, 'subject': 'Usage check', 'summary': 'Happy with the delivery', 'touchpoint_id': None,
            'updated_at': '2026-11-20T14:35:00Z', 'user_id': '01932c8e-0000-7000-8000-000000000001', 'version': 1,
            'without_consent': False}}

    Attributes:
        kind (TimelineKind): What a timeline item is.
        at (datetime.datetime):
        record (Complaint | Handoff | Interaction | Purchase | Touchpoint): The record behind a timeline item; its shape
            follows `kind`.
        customer (CustomerSummary | Unset): What a screen shows of a customer beside one of its records.
    """

    kind: TimelineKind
    at: datetime.datetime
    record: Complaint | Handoff | Interaction | Purchase | Touchpoint
    customer: CustomerSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.handoff import Handoff  # noqa: PLC0415
        from ..models.interaction import Interaction  # noqa: PLC0415
        from ..models.purchase import Purchase  # noqa: PLC0415
        from ..models.touchpoint import Touchpoint  # noqa: PLC0415

        kind = self.kind.value

        at = self.at.isoformat()

        record: dict[str, Any]
        if isinstance(self.record, Interaction):
            record = self.record.to_dict()
        elif isinstance(self.record, Purchase):
            record = self.record.to_dict()
        elif isinstance(self.record, Handoff):
            record = self.record.to_dict()
        elif isinstance(self.record, Touchpoint):
            record = self.record.to_dict()
        else:
            record = self.record.to_dict()

        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "at": at,
                "record": record,
            }
        )
        if customer is not UNSET:
            field_dict["customer"] = customer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.complaint import Complaint  # noqa: PLC0415
        from ..models.customer_summary import CustomerSummary  # noqa: PLC0415
        from ..models.handoff import Handoff  # noqa: PLC0415
        from ..models.interaction import Interaction  # noqa: PLC0415
        from ..models.purchase import Purchase  # noqa: PLC0415
        from ..models.touchpoint import Touchpoint  # noqa: PLC0415

        d = dict(src_dict)
        kind = TimelineKind(d.pop("kind"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_record(data: object) -> Complaint | Handoff | Interaction | Purchase | Touchpoint:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_timeline_record_type_0 = Interaction.from_dict(data)

                return componentsschemas_timeline_record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_timeline_record_type_1 = Purchase.from_dict(data)

                return componentsschemas_timeline_record_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_timeline_record_type_2 = Handoff.from_dict(data)

                return componentsschemas_timeline_record_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_timeline_record_type_3 = Touchpoint.from_dict(data)

                return componentsschemas_timeline_record_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_timeline_record_type_4 = Complaint.from_dict(data)

            return componentsschemas_timeline_record_type_4

        record = _parse_record(d.pop("record"))

        _customer = d.pop("customer", UNSET)
        customer: CustomerSummary | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = CustomerSummary.from_dict(_customer)

        timeline_item = cls(
            kind=kind,
            at=at,
            record=record,
            customer=customer,
        )

        timeline_item.additional_properties = d
        return timeline_item

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
