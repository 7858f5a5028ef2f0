from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agenda_day import AgendaDay
    from ..models.touchpoint import Touchpoint


T = TypeVar("T", bound="Agenda")


@_attrs_define
class Agenda:
    """
    Example:
        {'days': [{'date': '2026-11-23', 'items': []}], 'from': '2026-11-23T08:00:00Z', 'generated_at':
            '2026-11-23T08:00:00Z', 'overdue': [], 'timezone': 'Europe/Berlin', 'truncated': False, 'until':
            '2026-11-30T08:00:00Z', 'user_id': '01932c8e-0000-7000-8000-000000000001'}

    Attributes:
        user_id (UUID):
        timezone (str):
        generated_at (datetime.datetime): The instant "now" the agenda was computed at.
        from_ (datetime.datetime): Upcoming touchpoints are those due in `[from, until)`; `until` is the start of the
            day after the last one, in the agenda's timezone.
        until (datetime.datetime):
        overdue (list[Touchpoint]): Scheduled and past due, oldest first.
        days (list[AgendaDay]): Every day from today to the last day of the window, each with its touchpoints.
        truncated (bool): True when more than 500 touchpoints matched and only the first 500 are shown.
    """

    user_id: UUID
    timezone: str
    generated_at: datetime.datetime
    from_: datetime.datetime
    until: datetime.datetime
    overdue: list[Touchpoint]
    days: list[AgendaDay]
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        timezone = self.timezone

        generated_at = self.generated_at.isoformat()

        from_ = self.from_.isoformat()

        until = self.until.isoformat()

        overdue = []
        for overdue_item_data in self.overdue:
            overdue_item = overdue_item_data.to_dict()
            overdue.append(overdue_item)

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "timezone": timezone,
                "generated_at": generated_at,
                "from": from_,
                "until": until,
                "overdue": overdue,
                "days": days,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_day import AgendaDay  # noqa: PLC0415
        from ..models.touchpoint import Touchpoint  # noqa: PLC0415

        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))

        timezone = d.pop("timezone")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        overdue = []
        _overdue = d.pop("overdue")
        for overdue_item_data in _overdue:
            overdue_item = Touchpoint.from_dict(overdue_item_data)

            overdue.append(overdue_item)

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = AgendaDay.from_dict(days_item_data)

            days.append(days_item)

        truncated = d.pop("truncated")

        agenda = cls(
            user_id=user_id,
            timezone=timezone,
            generated_at=generated_at,
            from_=from_,
            until=until,
            overdue=overdue,
            days=days,
            truncated=truncated,
        )

        agenda.additional_properties = d
        return agenda

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
