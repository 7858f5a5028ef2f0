from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.purpose import Purpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="TouchpointCreate")


@_attrs_define
class TouchpointCreate:
    """
    Example:
        {'channel': 'visit', 'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'due_at': '2026-12-01T10:00:00Z',
            'purpose': 'visit', 'title': 'Bring the new catalogue'}

    Attributes:
        customer_id (UUID):
        due_at (datetime.datetime): Kept as given: only generated touchpoints are moved into the contact window.
        channel (Channel): A way of reaching a customer.
        title (str):
        assignee_id (None | Unset | UUID): Defaults to the customer's owner. Agents assign only themselves.
        purpose (None | Purpose | Unset):
        notes (None | str | Unset):
    """

    customer_id: UUID
    due_at: datetime.datetime
    channel: Channel
    title: str
    assignee_id: None | Unset | UUID = UNSET
    purpose: None | Purpose | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        due_at = self.due_at.isoformat()

        channel = self.channel.value

        title = self.title

        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        elif isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        elif isinstance(self.purpose, Purpose):
            purpose = self.purpose.value
        else:
            purpose = self.purpose

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "due_at": due_at,
                "channel": channel,
                "title": title,
            }
        )
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        channel = Channel(d.pop("channel"))

        title = d.pop("title")

        def _parse_assignee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)

                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

        def _parse_purpose(data: object) -> None | Purpose | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purpose_type_0 = Purpose(data)

                return purpose_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Purpose | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        touchpoint_create = cls(
            customer_id=customer_id,
            due_at=due_at,
            channel=channel,
            title=title,
            assignee_id=assignee_id,
            purpose=purpose,
            notes=notes,
        )

        return touchpoint_create
