from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_type import ActorType
from ..models.complaint_event_kind import ComplaintEventKind
from ..models.complaint_status import ComplaintStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaint_event_details_type_0 import ComplaintEventDetailsType0


T = TypeVar("T", bound="ComplaintEvent")


@_attrs_define
class ComplaintEvent:
    """One entry of a complaint's history; entries are never changed or removed.

    Example:
        {'actor_id': '01932c8e-0000-7000-8000-000000000001', 'actor_type': 'user', 'at': '2026-11-20T09:40:00Z',
            'complaint_id': '01932ca0-8888-7000-8000-000000000001', 'details': None, 'from_status': 'open', 'id':
            '01932ca1-9999-7000-8000-000000000001', 'kind': 'transition', 'note': 'Apologised by phone', 'to_status':
            'acknowledged'}

    Attributes:
        id (UUID):
        complaint_id (UUID):
        kind (ComplaintEventKind): What an entry of a complaint's history records.
        actor_type (ActorType): What made a change: a person signed in, an integration's API key, or the service itself
            (the scheduler's escalations and reminders).
        at (datetime.datetime):
        actor_id (None | Unset | UUID): Who made the change; null for the scheduler (escalations).
        from_status (ComplaintStatus | None | Unset):
        to_status (ComplaintStatus | None | Unset):
        note (None | str | Unset):
        details (ComplaintEventDetailsType0 | None | Unset): What else changed: the assignees of an assignment or
            escalation
            (`from_assignee_id`, `to_assignee_id`), the escalated `deadline` and `level`, the
            `rating` of a satisfaction, the `fields` of an update, the `touchpoint_id` scheduled.
    """

    id: UUID
    complaint_id: UUID
    kind: ComplaintEventKind
    actor_type: ActorType
    at: datetime.datetime
    actor_id: None | Unset | UUID = UNSET
    from_status: ComplaintStatus | None | Unset = UNSET
    to_status: ComplaintStatus | None | Unset = UNSET
    note: None | str | Unset = UNSET
    details: ComplaintEventDetailsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.complaint_event_details_type_0 import ComplaintEventDetailsType0  # noqa: PLC0415

        id = str(self.id)

        complaint_id = str(self.complaint_id)

        kind = self.kind.value

        actor_type = self.actor_type.value

        at = self.at.isoformat()

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        from_status: None | str | Unset
        if isinstance(self.from_status, Unset):
            from_status = UNSET
        elif isinstance(self.from_status, ComplaintStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status: None | str | Unset
        if isinstance(self.to_status, Unset):
            to_status = UNSET
        elif isinstance(self.to_status, ComplaintStatus):
            to_status = self.to_status.value
        else:
            to_status = self.to_status

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        details: dict[str, Any] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, ComplaintEventDetailsType0):
            details = self.details.to_dict()
        else:
            details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "complaint_id": complaint_id,
                "kind": kind,
                "actor_type": actor_type,
                "at": at,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if from_status is not UNSET:
            field_dict["from_status"] = from_status
        if to_status is not UNSET:
            field_dict["to_status"] = to_status
        if note is not UNSET:
            field_dict["note"] = note
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.complaint_event_details_type_0 import ComplaintEventDetailsType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        complaint_id = UUID(d.pop("complaint_id"))

        kind = ComplaintEventKind(d.pop("kind"))

        actor_type = ActorType(d.pop("actor_type"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

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

        def _parse_from_status(data: object) -> ComplaintStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = ComplaintStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComplaintStatus | None | Unset, data)

        from_status = _parse_from_status(d.pop("from_status", UNSET))

        def _parse_to_status(data: object) -> ComplaintStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_status_type_0 = ComplaintStatus(data)

                return to_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComplaintStatus | None | Unset, data)

        to_status = _parse_to_status(d.pop("to_status", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_details(data: object) -> ComplaintEventDetailsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = ComplaintEventDetailsType0.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComplaintEventDetailsType0 | None | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        complaint_event = cls(
            id=id,
            complaint_id=complaint_id,
            kind=kind,
            actor_type=actor_type,
            at=at,
            actor_id=actor_id,
            from_status=from_status,
            to_status=to_status,
            note=note,
            details=details,
        )

        complaint_event.additional_properties = d
        return complaint_event

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
