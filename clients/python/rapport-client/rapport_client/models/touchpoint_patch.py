from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..types import UNSET, Unset

T = TypeVar("T", bound="TouchpointPatch")


@_attrs_define
class TouchpointPatch:
    """Reschedule, reassign, retitle or annotate an open touchpoint.

    Example:
        {'due_at': '2026-12-03T15:00:00Z', 'notes': 'Asked to call after the fair'}

    Attributes:
        due_at (datetime.datetime | Unset):
        assignee_id (UUID | Unset):
        channel (Channel | Unset): A way of reaching a customer.
        title (str | Unset):
        notes (None | str | Unset):
    """

    due_at: datetime.datetime | Unset = UNSET
    assignee_id: UUID | Unset = UNSET
    channel: Channel | Unset = UNSET
    title: str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        assignee_id: str | Unset = UNSET
        if not isinstance(self.assignee_id, Unset):
            assignee_id = str(self.assignee_id)

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        title = self.title

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if channel is not UNSET:
            field_dict["channel"] = channel
        if title is not UNSET:
            field_dict["title"] = title
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _due_at = d.pop("due_at", UNSET)
        due_at: datetime.datetime | Unset
        if isinstance(_due_at, Unset):
            due_at = UNSET
        else:
            due_at = datetime.datetime.fromisoformat(_due_at)

        _assignee_id = d.pop("assignee_id", UNSET)
        assignee_id: UUID | Unset
        if isinstance(_assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = UUID(_assignee_id)

        _channel = d.pop("channel", UNSET)
        channel: Channel | Unset
        if isinstance(_channel, Unset):
            channel = UNSET
        else:
            channel = Channel(_channel)

        title = d.pop("title", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        touchpoint_patch = cls(
            due_at=due_at,
            assignee_id=assignee_id,
            channel=channel,
            title=title,
            notes=notes,
        )

        return touchpoint_patch
