from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookCreated")


@_attrs_define
class WebhookCreated:
    """A new endpoint and, this once, its signing secret.

    Example:
        {'active': True, 'created_at': '2026-12-01T10:00:00Z', 'created_by': '01932c8e-0000-7000-8000-000000000001',
            'description': None, 'disabled_reason': None, 'event_types': [], 'failing_since': None, 'id':
            '01932cc0-0000-7000-8000-000000000001', 'previous_secret_expires_at': None, 'secret':
            'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwexampleexample=', 'secret_prefix': 'whsec_MfKQ', 'updated_at':
            '2026-12-01T10:00:00Z', 'url': 'https://hooks.example.com/rapport', 'version': 1}

    Attributes:
        id (UUID):
        url (str):
        event_types (list[EventType]): Empty: every type.
        active (bool):
        secret_prefix (str): The start of the signing secret, to tell secrets apart.
        created_by (UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        secret (str): `whsec_…`, for verifying deliveries with a Standard Webhooks library. It is not shown
            again; `rotate-secret` makes a new one. Example: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwexampleexample=.
        description (None | str | Unset):
        disabled_reason (None | str | Unset): Why the service turned the endpoint off (it failed for longer than
            `RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS`); null otherwise.
        failing_since (datetime.datetime | None | Unset): Since when every attempt has failed; null while the endpoint
            answers.
        previous_secret_expires_at (datetime.datetime | None | Unset): Until when the secret before the last rotation
            still signs, if it does.
    """

    id: UUID
    url: str
    event_types: list[EventType]
    active: bool
    secret_prefix: str
    created_by: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    secret: str
    description: None | str | Unset = UNSET
    disabled_reason: None | str | Unset = UNSET
    failing_since: datetime.datetime | None | Unset = UNSET
    previous_secret_expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        active = self.active

        secret_prefix = self.secret_prefix

        created_by = str(self.created_by)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        secret = self.secret

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        failing_since: None | str | Unset
        if isinstance(self.failing_since, Unset):
            failing_since = UNSET
        elif isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        previous_secret_expires_at: None | str | Unset
        if isinstance(self.previous_secret_expires_at, Unset):
            previous_secret_expires_at = UNSET
        elif isinstance(self.previous_secret_expires_at, datetime.datetime):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "event_types": event_types,
                "active": active,
                "secret_prefix": secret_prefix,
                "created_by": created_by,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "secret": secret,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if disabled_reason is not UNSET:
            field_dict["disabled_reason"] = disabled_reason
        if failing_since is not UNSET:
            field_dict["failing_since"] = failing_since
        if previous_secret_expires_at is not UNSET:
            field_dict["previous_secret_expires_at"] = previous_secret_expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = EventType(event_types_item_data)

            event_types.append(event_types_item)

        active = d.pop("active")

        secret_prefix = d.pop("secret_prefix")

        created_by = UUID(d.pop("created_by"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        secret = d.pop("secret")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason", UNSET))

        def _parse_failing_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.datetime.fromisoformat(data)

                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        failing_since = _parse_failing_since(d.pop("failing_since", UNSET))

        def _parse_previous_secret_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previous_secret_expires_at", UNSET))

        webhook_created = cls(
            id=id,
            url=url,
            event_types=event_types,
            active=active,
            secret_prefix=secret_prefix,
            created_by=created_by,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            secret=secret,
            description=description,
            disabled_reason=disabled_reason,
            failing_since=failing_since,
            previous_secret_expires_at=previous_secret_expires_at,
        )

        webhook_created.additional_properties = d
        return webhook_created

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
