from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_type import ActorType
from ..models.channel import Channel
from ..models.consent_state import ConsentState
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentChange")


@_attrs_define
class ConsentChange:
    """One change of a customer's consent: a channel's state or the `do_not_contact` flag.

    Example:
        {'actor_id': '01932c8e-0000-7000-8000-000000000001', 'actor_type': 'user', 'changed_at': '2026-11-02T14:30:00Z',
            'channel': 'phone', 'do_not_contact': None, 'id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d10', 'source': 'phone
            call', 'state': 'refused'}

    Attributes:
        id (UUID):
        actor_type (ActorType): What made a change: a person signed in, an integration's API key, or the service itself
            (the scheduler's escalations and reminders).
        changed_at (datetime.datetime):
        channel (Channel | None | Unset):
        state (ConsentState | None | Unset):
        do_not_contact (bool | None | Unset): The flag's new value, when it changed.
        source (None | str | Unset): Where the customer expressed it, as the caller said; `api` when not given.
        actor_id (None | Unset | UUID):
    """

    id: UUID
    actor_type: ActorType
    changed_at: datetime.datetime
    channel: Channel | None | Unset = UNSET
    state: ConsentState | None | Unset = UNSET
    do_not_contact: bool | None | Unset = UNSET
    source: None | str | Unset = UNSET
    actor_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        actor_type = self.actor_type.value

        changed_at = self.changed_at.isoformat()

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, Channel):
            channel = self.channel.value
        else:
            channel = self.channel

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, ConsentState):
            state = self.state.value
        else:
            state = self.state

        do_not_contact: bool | None | Unset
        if isinstance(self.do_not_contact, Unset):
            do_not_contact = UNSET
        else:
            do_not_contact = self.do_not_contact

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "actor_type": actor_type,
                "changed_at": changed_at,
            }
        )
        if channel is not UNSET:
            field_dict["channel"] = channel
        if state is not UNSET:
            field_dict["state"] = state
        if do_not_contact is not UNSET:
            field_dict["do_not_contact"] = do_not_contact
        if source is not UNSET:
            field_dict["source"] = source
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        actor_type = ActorType(d.pop("actor_type"))

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        def _parse_channel(data: object) -> Channel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = Channel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Channel | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))

        def _parse_state(data: object) -> ConsentState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = ConsentState(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentState | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_do_not_contact(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        do_not_contact = _parse_do_not_contact(d.pop("do_not_contact", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

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

        consent_change = cls(
            id=id,
            actor_type=actor_type,
            changed_at=changed_at,
            channel=channel,
            state=state,
            do_not_contact=do_not_contact,
            source=source,
            actor_id=actor_id,
        )

        consent_change.additional_properties = d
        return consent_change

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
