from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.purpose import Purpose
from ..models.source import Source
from ..models.status import Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_summary import CustomerSummary
    from ..models.user_summary import UserSummary


T = TypeVar("T", bound="Touchpoint")


@_attrs_define
class Touchpoint:
    """
    Example:
        {'assignee_id': '01932c8e-0000-7000-8000-000000000001', 'channel': 'phone', 'complaint_id': None,
            'completed_at': None, 'created_at': '2026-11-20T12:00:00Z', 'customer_id':
            '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'due_at': '2026-11-27T12:00:00Z', 'id':
            '01932c9a-6666-7000-8000-000000000001', 'interaction_id': None, 'notes': None, 'overdue': False, 'playbook_id':
            '01932c99-5555-7000-8000-000000000001', 'purpose': 'usage_check', 'skip_reason': None, 'source': 'playbook',
            'status': 'scheduled', 'title': 'How is it going after a week?', 'updated_at': '2026-11-20T12:00:00Z',
            'version': 1}

    Attributes:
        id (UUID):
        customer_id (UUID):
        assignee_id (UUID):
        due_at (datetime.datetime):
        channel (Channel): A way of reaching a customer.
        purpose (Purpose): Why a touchpoint exists.
        title (str):
        status (Status):
        overdue (bool): Scheduled and due before now; derived when read.
        source (Source): Where a touchpoint came from.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        notes (None | str | Unset):
        playbook_id (None | Unset | UUID):
        completed_at (datetime.datetime | None | Unset):
        interaction_id (None | Unset | UUID): The interaction that completed it.
        skip_reason (None | str | Unset):
        complaint_id (None | Unset | UUID): The complaint this touchpoint follows up (`source: complaint`).
        customer (CustomerSummary | Unset): What a screen shows of a customer beside one of its records.
        assignee (UserSummary | Unset): What a screen shows of the user a record is assigned to.
    """

    id: UUID
    customer_id: UUID
    assignee_id: UUID
    due_at: datetime.datetime
    channel: Channel
    purpose: Purpose
    title: str
    status: Status
    overdue: bool
    source: Source
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    notes: None | str | Unset = UNSET
    playbook_id: None | Unset | UUID = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    interaction_id: None | Unset | UUID = UNSET
    skip_reason: None | str | Unset = UNSET
    complaint_id: None | Unset | UUID = UNSET
    customer: CustomerSummary | Unset = UNSET
    assignee: UserSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        assignee_id = str(self.assignee_id)

        due_at = self.due_at.isoformat()

        channel = self.channel.value

        purpose = self.purpose.value

        title = self.title

        status = self.status.value

        overdue = self.overdue

        source = self.source.value

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        playbook_id: None | str | Unset
        if isinstance(self.playbook_id, Unset):
            playbook_id = UNSET
        elif isinstance(self.playbook_id, UUID):
            playbook_id = str(self.playbook_id)
        else:
            playbook_id = self.playbook_id

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        interaction_id: None | str | Unset
        if isinstance(self.interaction_id, Unset):
            interaction_id = UNSET
        elif isinstance(self.interaction_id, UUID):
            interaction_id = str(self.interaction_id)
        else:
            interaction_id = self.interaction_id

        skip_reason: None | str | Unset
        if isinstance(self.skip_reason, Unset):
            skip_reason = UNSET
        else:
            skip_reason = self.skip_reason

        complaint_id: None | str | Unset
        if isinstance(self.complaint_id, Unset):
            complaint_id = UNSET
        elif isinstance(self.complaint_id, UUID):
            complaint_id = str(self.complaint_id)
        else:
            complaint_id = self.complaint_id

        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        assignee: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assignee, Unset):
            assignee = self.assignee.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "assignee_id": assignee_id,
                "due_at": due_at,
                "channel": channel,
                "purpose": purpose,
                "title": title,
                "status": status,
                "overdue": overdue,
                "source": source,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes
        if playbook_id is not UNSET:
            field_dict["playbook_id"] = playbook_id
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if interaction_id is not UNSET:
            field_dict["interaction_id"] = interaction_id
        if skip_reason is not UNSET:
            field_dict["skip_reason"] = skip_reason
        if complaint_id is not UNSET:
            field_dict["complaint_id"] = complaint_id
        if customer is not UNSET:
            field_dict["customer"] = customer
        if assignee is not UNSET:
            field_dict["assignee"] = assignee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_summary import CustomerSummary  # noqa: PLC0415
        from ..models.user_summary import UserSummary  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        customer_id = UUID(d.pop("customer_id"))

        assignee_id = UUID(d.pop("assignee_id"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        channel = Channel(d.pop("channel"))

        purpose = Purpose(d.pop("purpose"))

        title = d.pop("title")

        status = Status(d.pop("status"))

        overdue = d.pop("overdue")

        source = Source(d.pop("source"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_playbook_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                playbook_id_type_0 = UUID(data)

                return playbook_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        playbook_id = _parse_playbook_id(d.pop("playbook_id", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_interaction_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interaction_id_type_0 = UUID(data)

                return interaction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        interaction_id = _parse_interaction_id(d.pop("interaction_id", UNSET))

        def _parse_skip_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        skip_reason = _parse_skip_reason(d.pop("skip_reason", UNSET))

        def _parse_complaint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complaint_id_type_0 = UUID(data)

                return complaint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        complaint_id = _parse_complaint_id(d.pop("complaint_id", UNSET))

        _customer = d.pop("customer", UNSET)
        customer: CustomerSummary | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = CustomerSummary.from_dict(_customer)

        _assignee = d.pop("assignee", UNSET)
        assignee: UserSummary | Unset
        if isinstance(_assignee, Unset):
            assignee = UNSET
        else:
            assignee = UserSummary.from_dict(_assignee)

        touchpoint = cls(
            id=id,
            customer_id=customer_id,
            assignee_id=assignee_id,
            due_at=due_at,
            channel=channel,
            purpose=purpose,
            title=title,
            status=status,
            overdue=overdue,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            notes=notes,
            playbook_id=playbook_id,
            completed_at=completed_at,
            interaction_id=interaction_id,
            skip_reason=skip_reason,
            complaint_id=complaint_id,
            customer=customer,
            assignee=assignee,
        )

        touchpoint.additional_properties = d
        return touchpoint

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
