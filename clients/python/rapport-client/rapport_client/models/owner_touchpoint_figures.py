from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OwnerTouchpointFigures")


@_attrs_define
class OwnerTouchpointFigures:
    """One owner's planned contacts in the period.

    Attributes:
        owner_id (UUID):
        total (int): Touchpoints due in the period.
        completed (int):
        skipped (int):
        cancelled (int):
        overdue (int): Still scheduled and past due now.
        upcoming (int): Still scheduled and not yet due.
        on_time (int): Completed by the end of the day after they fell due.
        on_time_rate (float | None | Unset): `on_time / completed`; null when none was completed.
    """

    owner_id: UUID
    total: int
    completed: int
    skipped: int
    cancelled: int
    overdue: int
    upcoming: int
    on_time: int
    on_time_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        owner_id = str(self.owner_id)

        total = self.total

        completed = self.completed

        skipped = self.skipped

        cancelled = self.cancelled

        overdue = self.overdue

        upcoming = self.upcoming

        on_time = self.on_time

        on_time_rate: float | None | Unset
        if isinstance(self.on_time_rate, Unset):
            on_time_rate = UNSET
        else:
            on_time_rate = self.on_time_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "owner_id": owner_id,
                "total": total,
                "completed": completed,
                "skipped": skipped,
                "cancelled": cancelled,
                "overdue": overdue,
                "upcoming": upcoming,
                "on_time": on_time,
            }
        )
        if on_time_rate is not UNSET:
            field_dict["on_time_rate"] = on_time_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        owner_id = UUID(d.pop("owner_id"))

        total = d.pop("total")

        completed = d.pop("completed")

        skipped = d.pop("skipped")

        cancelled = d.pop("cancelled")

        overdue = d.pop("overdue")

        upcoming = d.pop("upcoming")

        on_time = d.pop("on_time")

        def _parse_on_time_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate", UNSET))

        owner_touchpoint_figures = cls(
            owner_id=owner_id,
            total=total,
            completed=completed,
            skipped=skipped,
            cancelled=cancelled,
            overdue=overdue,
            upcoming=upcoming,
            on_time=on_time,
            on_time_rate=on_time_rate,
        )

        owner_touchpoint_figures.additional_properties = d
        return owner_touchpoint_figures

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
