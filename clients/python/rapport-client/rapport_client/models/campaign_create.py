from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.purpose import Purpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignCreate")


@_attrs_define
class CampaignCreate:
    """A campaign: one touchpoint for every member of a segment (holiday greetings, an event
    invitation, first access to a new product).

        Example:
            {'channel': 'gift', 'due_at': '2026-12-18T09:00:00Z', 'notes': 'Card and calendar', 'purpose': 'holiday',
                'title': "Season's greetings"}

        Attributes:
            due_at (datetime.datetime): Moved forward into each customer's contact window, in the customer's timezone.
            channel (Channel): A way of reaching a customer.
            title (str):
            purpose (None | Purpose | Unset):
            notes (None | str | Unset):
    """

    due_at: datetime.datetime
    channel: Channel
    title: str
    purpose: None | Purpose | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        due_at = self.due_at.isoformat()

        channel = self.channel.value

        title = self.title

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
                "due_at": due_at,
                "channel": channel,
                "title": title,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        channel = Channel(d.pop("channel"))

        title = d.pop("title")

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

        campaign_create = cls(
            due_at=due_at,
            channel=channel,
            title=title,
            purpose=purpose,
            notes=notes,
        )

        return campaign_create
