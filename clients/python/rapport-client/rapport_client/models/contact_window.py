from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ContactWindow")


@_attrs_define
class ContactWindow:
    """When a customer may be contacted, in the customer's own timezone. A window whose end is
    before its start runs past midnight (22:00–02:00).

        Example:
            {'end': '18:00', 'start': '12:00', 'weekdays': [1, 2, 3, 4, 5]}

        Attributes:
            weekdays (list[int]): Repeated days count once.
            start (str): Local time `HH:MM`. Example: 12:00.
            end (str): Local time `HH:MM`, different from `start`. Example: 18:00.
    """

    weekdays: list[int]
    start: str
    end: str

    def to_dict(self) -> dict[str, Any]:
        weekdays = self.weekdays

        start = self.start

        end = self.end

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "weekdays": weekdays,
                "start": start,
                "end": end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weekdays = cast(list[int], d.pop("weekdays"))

        start = d.pop("start")

        end = d.pop("end")

        contact_window = cls(
            weekdays=weekdays,
            start=start,
            end=end,
        )

        return contact_window
