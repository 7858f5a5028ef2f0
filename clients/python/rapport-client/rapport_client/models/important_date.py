from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportantDate")


@_attrs_define
class ImportantDate:
    """A personal date worth a greeting: a child's birthday, a wedding anniversary, a store
    reopening.

        Example:
            {'date': '2015-06-12', 'label': 'Wedding anniversary', 'recurring': True}

        Attributes:
            label (str):
            date (datetime.date):
            recurring (bool | Unset): Whether the date comes back every year. Default: True.
    """

    label: str
    date: datetime.date
    recurring: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        date = self.date.isoformat()

        recurring = self.recurring

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "date": date,
            }
        )
        if recurring is not UNSET:
            field_dict["recurring"] = recurring

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        date = datetime.date.fromisoformat(d.pop("date"))

        recurring = d.pop("recurring", UNSET)

        important_date = cls(
            label=label,
            date=date,
            recurring=recurring,
        )

        return important_date
