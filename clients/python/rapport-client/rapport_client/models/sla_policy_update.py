from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SlaPolicyUpdate")


@_attrs_define
class SlaPolicyUpdate:
    """New deadlines for a severity. They apply to complaints received from now on (and to those
    whose severity is changed later); existing deadlines stay as they were set.

        Example:
            {'first_response_minutes': 120, 'resolution_minutes': 2880}

        Attributes:
            first_response_minutes (int): 1 minute to 1 year; not more than `resolution_minutes`.
            resolution_minutes (int): 1 minute to 1 year.
    """

    first_response_minutes: int
    resolution_minutes: int

    def to_dict(self) -> dict[str, Any]:
        first_response_minutes = self.first_response_minutes

        resolution_minutes = self.resolution_minutes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_response_minutes": first_response_minutes,
                "resolution_minutes": resolution_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_response_minutes = d.pop("first_response_minutes")

        resolution_minutes = d.pop("resolution_minutes")

        sla_policy_update = cls(
            first_response_minutes=first_response_minutes,
            resolution_minutes=resolution_minutes,
        )

        return sla_policy_update
