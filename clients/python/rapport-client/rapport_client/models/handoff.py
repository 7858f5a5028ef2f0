from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_type import ActorType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Handoff")


@_attrs_define
class Handoff:
    """One hand-off of a customer from one owner to another.

    Example:
        {'actor_type': 'user', 'at': '2026-11-18T10:05:00Z', 'by_user_id': '01932c8e-0000-7000-8000-000000000003',
            'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'from_owner_id': '01932c8e-0000-7000-8000-000000000001',
            'id': '01932c95-6666-7000-8000-000000000001', 'reason': 'after-sale care', 'to_owner_id':
            '01932c8e-0000-7000-8000-000000000002'}

    Attributes:
        id (UUID):
        customer_id (UUID):
        from_owner_id (UUID):
        to_owner_id (UUID):
        by_user_id (UUID): Who made the hand-off: a user, or the API key `actor_type` says.
        actor_type (ActorType): What made a change: a person signed in, an integration's API key, or the service itself
            (the scheduler's escalations and reminders).
        at (datetime.datetime):
        reason (None | str | Unset):
    """

    id: UUID
    customer_id: UUID
    from_owner_id: UUID
    to_owner_id: UUID
    by_user_id: UUID
    actor_type: ActorType
    at: datetime.datetime
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        from_owner_id = str(self.from_owner_id)

        to_owner_id = str(self.to_owner_id)

        by_user_id = str(self.by_user_id)

        actor_type = self.actor_type.value

        at = self.at.isoformat()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "from_owner_id": from_owner_id,
                "to_owner_id": to_owner_id,
                "by_user_id": by_user_id,
                "actor_type": actor_type,
                "at": at,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        customer_id = UUID(d.pop("customer_id"))

        from_owner_id = UUID(d.pop("from_owner_id"))

        to_owner_id = UUID(d.pop("to_owner_id"))

        by_user_id = UUID(d.pop("by_user_id"))

        actor_type = ActorType(d.pop("actor_type"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        handoff = cls(
            id=id,
            customer_id=customer_id,
            from_owner_id=from_owner_id,
            to_owner_id=to_owner_id,
            by_user_id=by_user_id,
            actor_type=actor_type,
            at=at,
            reason=reason,
        )

        handoff.additional_properties = d
        return handoff

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
