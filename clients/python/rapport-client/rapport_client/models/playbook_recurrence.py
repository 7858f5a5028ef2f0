from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.purpose import Purpose

T = TypeVar("T", bound="PlaybookRecurrence")


@_attrs_define
class PlaybookRecurrence:
    """A contact repeated `every` period, anchored at the trigger time.

    Example:
        {'channel': 'phone', 'every': 'P3M', 'purpose': 'periodic_care', 'title': 'Quarterly care'}

    Attributes:
        every (str): ISO 8601 duration of at least one day, at most ten years. Example: P3M.
        channel (Channel): A way of reaching a customer.
        purpose (Purpose): Why a touchpoint exists.
        title (str):
    """

    every: str
    channel: Channel
    purpose: Purpose
    title: str

    def to_dict(self) -> dict[str, Any]:
        every = self.every

        channel = self.channel.value

        purpose = self.purpose.value

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "every": every,
                "channel": channel,
                "purpose": purpose,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        every = d.pop("every")

        channel = Channel(d.pop("channel"))

        purpose = Purpose(d.pop("purpose"))

        title = d.pop("title")

        playbook_recurrence = cls(
            every=every,
            channel=channel,
            purpose=purpose,
            title=title,
        )

        return playbook_recurrence
