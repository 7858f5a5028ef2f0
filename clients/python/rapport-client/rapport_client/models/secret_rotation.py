from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretRotation")


@_attrs_define
class SecretRotation:
    """
    Example:
        {'grace_hours': 24}

    Attributes:
        grace_hours (int | None | Unset): How long the old secret keeps signing beside the new one, 0–168 hours (default
            24), so
            that receivers can change over without refusing a delivery. Default: 24.
    """

    grace_hours: int | None | Unset = 24

    def to_dict(self) -> dict[str, Any]:
        grace_hours: int | None | Unset
        if isinstance(self.grace_hours, Unset):
            grace_hours = UNSET
        else:
            grace_hours = self.grace_hours

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if grace_hours is not UNSET:
            field_dict["grace_hours"] = grace_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_grace_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_hours = _parse_grace_hours(d.pop("grace_hours", UNSET))

        secret_rotation = cls(
            grace_hours=grace_hours,
        )

        return secret_rotation
