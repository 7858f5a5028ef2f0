from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_state import DeliveryState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivery_attempt import DeliveryAttempt


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """
    Example:
        {'attempts': 1, 'created_at': '2026-12-01T10:00:00.100Z', 'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e',
            'delivered_at': None, 'event_id': '01932cb0-0000-7000-8000-000000000001', 'event_type': 'customer.churned',
            'give_up_at': '2026-12-02T10:00:00.100Z', 'id': '01932cc1-0000-7000-8000-000000000001', 'log': [{'at':
            '2026-12-01T10:00:00.120Z', 'error': 'the receiver answered 503', 'latency_ms': 41, 'number': 1,
            'response_body': 'busy', 'status_code': 503}], 'next_attempt_at': '2026-12-01T10:00:05.120Z', 'state':
            'pending', 'webhook_id': '01932cc0-0000-7000-8000-000000000001'}

    Attributes:
        id (UUID):
        webhook_id (UUID):
        event_id (UUID): Also the `webhook-id` header, the same on every try: receivers deduplicate with it.
        event_type (str): An event type, or `webhook.ping`.
        state (DeliveryState): Where a delivery stands: `pending` (to be tried, or being tried), `delivered` (a 2xx
            came back) or `failed` (its retry window closed; `retry` tries again).
        attempts (int):
        give_up_at (datetime.datetime): After this instant a failed try is the last.
        created_at (datetime.datetime):
        log (list[DeliveryAttempt]): Every try, oldest first.
        customer_id (None | Unset | UUID): Null for a ping.
        next_attempt_at (datetime.datetime | None | Unset): When a pending delivery is tried next.
        delivered_at (datetime.datetime | None | Unset):
    """

    id: UUID
    webhook_id: UUID
    event_id: UUID
    event_type: str
    state: DeliveryState
    attempts: int
    give_up_at: datetime.datetime
    created_at: datetime.datetime
    log: list[DeliveryAttempt]
    customer_id: None | Unset | UUID = UNSET
    next_attempt_at: datetime.datetime | None | Unset = UNSET
    delivered_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        webhook_id = str(self.webhook_id)

        event_id = str(self.event_id)

        event_type = self.event_type

        state = self.state.value

        attempts = self.attempts

        give_up_at = self.give_up_at.isoformat()

        created_at = self.created_at.isoformat()

        log = []
        for log_item_data in self.log:
            log_item = log_item_data.to_dict()
            log.append(log_item)

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        elif isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        next_attempt_at: None | str | Unset
        if isinstance(self.next_attempt_at, Unset):
            next_attempt_at = UNSET
        elif isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "webhook_id": webhook_id,
                "event_id": event_id,
                "event_type": event_type,
                "state": state,
                "attempts": attempts,
                "give_up_at": give_up_at,
                "created_at": created_at,
                "log": log,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_attempt import DeliveryAttempt  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        webhook_id = UUID(d.pop("webhook_id"))

        event_id = UUID(d.pop("event_id"))

        event_type = d.pop("event_type")

        state = DeliveryState(d.pop("state"))

        attempts = d.pop("attempts")

        give_up_at = datetime.datetime.fromisoformat(d.pop("give_up_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        log = []
        _log = d.pop("log")
        for log_item_data in _log:
            log_item = DeliveryAttempt.from_dict(log_item_data)

            log.append(log_item)

        def _parse_customer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)

                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at", UNSET))

        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))

        delivery = cls(
            id=id,
            webhook_id=webhook_id,
            event_id=event_id,
            event_type=event_type,
            state=state,
            attempts=attempts,
            give_up_at=give_up_at,
            created_at=created_at,
            log=log,
            customer_id=customer_id,
            next_attempt_at=next_attempt_at,
            delivered_at=delivered_at,
        )

        delivery.additional_properties = d
        return delivery

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
