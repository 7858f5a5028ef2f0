from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.purpose import Purpose

T = TypeVar("T", bound="PlaybookStep")


@_attrs_define
class PlaybookStep:
    """One contact of a playbook, `offset` after the trigger.

    Example:
        {'channel': 'email', 'offset': 'P3D', 'purpose': 'thank_you', 'title': 'Thank you, and is everything working?'}

    Attributes:
        offset (str): ISO 8601 duration after the trigger: `P3D`, `PT24H`, `P1W`, `P1M` (calendar months keep
            the day of the month, clamped to the month's end). At most ten years. Example: P3D.
        channel (Channel): A way of reaching a customer.
        purpose (Purpose): Why a touchpoint exists.
        title (str):
    """

    offset: str
    channel: Channel
    purpose: Purpose
    title: str

    def to_dict(self) -> dict[str, Any]:
        offset = self.offset

        channel = self.channel.value

        purpose = self.purpose.value

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "offset": offset,
                "channel": channel,
                "purpose": purpose,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offset = d.pop("offset")

        channel = Channel(d.pop("channel"))

        purpose = Purpose(d.pop("purpose"))

        title = d.pop("title")

        playbook_step = cls(
            offset=offset,
            channel=channel,
            purpose=purpose,
            title=title,
        )

        return playbook_step
