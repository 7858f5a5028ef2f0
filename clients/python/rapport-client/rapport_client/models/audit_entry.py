from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_actor import EventActor


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """One write or sign-in: who, what, when and from where. `fields` names what the request
    body set, never its values.

        Example:
            {'action': 'update', 'actor': {'id': '01932c8e-0000-7000-8000-000000000001', 'type': 'user'}, 'at':
                '2026-12-01T10:00:00.123Z', 'entity_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'entity_type': 'customer',
                'fields': ['tier', 'notes'], 'id': '01932cc0-0000-7000-8000-000000000001', 'ip': '203.0.113.7', 'request_id':
                '01932cc0-0000-7000-8000-0000000000aa', 'status': 200}

        Attributes:
            id (UUID):
            at (datetime.datetime):
            actor (EventActor): Who made a change.
            action (str): `create`, `update`, `delete`, `sign_in`, `export`, `erase`, or the name of the
                operation the path ends in (`complete`, `transitions`, `rotate_secret`…).
            entity_type (str): `customer`, `purchase`, `interaction`, `touchpoint`, `complaint`, `segment`,
                `playbook`, `user`, `api_key`, `webhook`, `session`…
            status (int): The HTTP status the request was answered with.
            fields (list[str]): The top-level fields of the JSON body sent, by name.
            entity_id (None | str | Unset):
            request_id (None | str | Unset):
            ip (None | str | Unset):
    """

    id: UUID
    at: datetime.datetime
    actor: EventActor
    action: str
    entity_type: str
    status: int
    fields: list[str]
    entity_id: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    ip: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        at = self.at.isoformat()

        actor = self.actor.to_dict()

        action = self.action

        entity_type = self.entity_type

        status = self.status

        fields = self.fields

        entity_id: None | str | Unset
        if isinstance(self.entity_id, Unset):
            entity_id = UNSET
        else:
            entity_id = self.entity_id

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        ip: None | str | Unset
        if isinstance(self.ip, Unset):
            ip = UNSET
        else:
            ip = self.ip

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor": actor,
                "action": action,
                "entity_type": entity_type,
                "status": status,
                "fields": fields,
            }
        )
        if entity_id is not UNSET:
            field_dict["entity_id"] = entity_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if ip is not UNSET:
            field_dict["ip"] = ip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_actor import EventActor  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = EventActor.from_dict(d.pop("actor"))

        action = d.pop("action")

        entity_type = d.pop("entity_type")

        status = d.pop("status")

        fields = cast(list[str], d.pop("fields"))

        def _parse_entity_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        entity_id = _parse_entity_id(d.pop("entity_id", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip = _parse_ip(d.pop("ip", UNSET))

        audit_entry = cls(
            id=id,
            at=at,
            actor=actor,
            action=action,
            entity_type=entity_type,
            status=status,
            fields=fields,
            entity_id=entity_id,
            request_id=request_id,
            ip=ip,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
