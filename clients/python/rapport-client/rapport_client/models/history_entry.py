from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_type import ActorType
from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """One change of tier, lifecycle stage, status or owner.

    Example:
        {'actor_id': '01932c8e-0000-7000-8000-000000000001', 'actor_type': 'user', 'at': '2026-11-18T10:05:00Z',
            'field': 'tier', 'from': 'general', 'id': '01932c92-3333-7000-8000-000000000001', 'reason': None, 'to':
            'important'}

    Attributes:
        id (UUID):
        field (str): `tier`, `lifecycle_stage`, `status` or `owner`.
        actor_type (ActorType): What made a change: a person signed in, an integration's API key, or the service itself
            (the scheduler's escalations and reminders).
        at (datetime.datetime):
        from_ (None | str | Unset): The value before; null when the customer was created.
        to (None | str | Unset):
        actor_id (None | Unset | UUID): Who made the change (a user or an API key, as `actor_type` says); null for
            changes
            made by the system.
        reason (None | str | Unset):
    """

    id: UUID
    field: str
    actor_type: ActorType
    at: datetime.datetime
    from_: None | str | Unset = UNSET
    to: None | str | Unset = UNSET
    actor_id: None | Unset | UUID = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        field = self.field

        actor_type = self.actor_type.value

        at = self.at.isoformat()

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        to: None | str | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        else:
            to = self.to

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

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
                "field": field,
                "actor_type": actor_type,
                "at": at,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        field = d.pop("field")

        actor_type = ActorType(d.pop("actor_type"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_from_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        def _parse_actor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        history_entry = cls(
            id=id,
            field=field,
            actor_type=actor_type,
            at=at,
            from_=from_,
            to=to,
            actor_id=actor_id,
            reason=reason,
        )

        history_entry.additional_properties = d
        return history_entry

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
