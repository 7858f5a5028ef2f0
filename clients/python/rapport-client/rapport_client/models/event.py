from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType

if TYPE_CHECKING:
    from ..models.event_actor import EventActor
    from ..models.event_data import EventData


T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """
    Example:
        {'actor': {'id': '01932ca0-0000-7000-8000-000000000001', 'type': 'api_key'}, 'customer_id':
            '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'data': {'id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'name': 'Ada
            Lovelace', 'tier': 'key'}, 'id': '01932cb0-0000-7000-8000-000000000001', 'occurred_at':
            '2026-12-01T10:00:00.123Z', 'subject_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'type':
            'customer.tier_changed'}

    Attributes:
        id (UUID): Unique; `after` takes it to resume the feed from this event.
        type_ (EventType): What happened, `<resource>.<change>`.
        occurred_at (datetime.datetime):
        actor (EventActor): Who made a change.
        subject_id (UUID): The record the event is about (a customer, purchase, touchpoint, complaint…).
        customer_id (UUID):
        data (EventData): The record as the API showed it when the event happened: a `Customer` for
            `customer.*`, a `Purchase`, `Interaction`, `Touchpoint` or `Complaint` for theirs, and
            `{"segment_id", "customer_id"}` for `segment.*`; an `Erasure` for `customer.erased`
            and a `Merge` for `customer.merged`.
            Once the customer is erased, the `data` of every earlier event about it is
            `{"erased": true}`.
    """

    id: UUID
    type_: EventType
    occurred_at: datetime.datetime
    actor: EventActor
    subject_id: UUID
    customer_id: UUID
    data: EventData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_.value

        occurred_at = self.occurred_at.isoformat()

        actor = self.actor.to_dict()

        subject_id = str(self.subject_id)

        customer_id = str(self.customer_id)

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "actor": actor,
                "subject_id": subject_id,
                "customer_id": customer_id,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_actor import EventActor  # noqa: PLC0415
        from ..models.event_data import EventData  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = EventType(d.pop("type"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor = EventActor.from_dict(d.pop("actor"))

        subject_id = UUID(d.pop("subject_id"))

        customer_id = UUID(d.pop("customer_id"))

        data = EventData.from_dict(d.pop("data"))

        event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            actor=actor,
            subject_id=subject_id,
            customer_id=customer_id,
            data=data,
        )

        event.additional_properties = d
        return event

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
