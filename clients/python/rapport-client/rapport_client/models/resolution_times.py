from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolutionTimes")


@_attrs_define
class ResolutionTimes:
    """Time from receipt to resolution, nearest-rank percentiles.

    Attributes:
        resolved (int):
        median_seconds (int | None | Unset):
        p90_seconds (int | None | Unset):
    """

    resolved: int
    median_seconds: int | None | Unset = UNSET
    p90_seconds: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resolved = self.resolved

        median_seconds: int | None | Unset
        if isinstance(self.median_seconds, Unset):
            median_seconds = UNSET
        else:
            median_seconds = self.median_seconds

        p90_seconds: int | None | Unset
        if isinstance(self.p90_seconds, Unset):
            p90_seconds = UNSET
        else:
            p90_seconds = self.p90_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resolved": resolved,
            }
        )
        if median_seconds is not UNSET:
            field_dict["median_seconds"] = median_seconds
        if p90_seconds is not UNSET:
            field_dict["p90_seconds"] = p90_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resolved = d.pop("resolved")

        def _parse_median_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        median_seconds = _parse_median_seconds(d.pop("median_seconds", UNSET))

        def _parse_p90_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        p90_seconds = _parse_p90_seconds(d.pop("p90_seconds", UNSET))

        resolution_times = cls(
            resolved=resolved,
            median_seconds=median_seconds,
            p90_seconds=p90_seconds,
        )

        resolution_times.additional_properties = d
        return resolution_times

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
