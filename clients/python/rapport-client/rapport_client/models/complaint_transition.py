from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.complaint_status import ComplaintStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintTransition")


@_attrs_define
class ComplaintTransition:
    """A step of the workflow: `open → acknowledged → in_progress → resolved → closed`,
    `in_progress ⇄ waiting_on_customer`, `resolved → reopened → in_progress`.

        Example:
            {'note': 'Re-delivered by express', 'resolution': 'Express re-delivery at our cost; new carrier from December',
                'to': 'resolved'}

        Attributes:
            to (ComplaintStatus): Where a complaint stands in the repair workflow.
            note (None | str | Unset): Kept in the complaint's history with the transition.
            resolution (None | str | Unset): With `to: resolved` only; required there unless the complaint has one already.
            satisfaction_after (int | None | Unset):
    """

    to: ComplaintStatus
    note: None | str | Unset = UNSET
    resolution: None | str | Unset = UNSET
    satisfaction_after: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        satisfaction_after: int | None | Unset
        if isinstance(self.satisfaction_after, Unset):
            satisfaction_after = UNSET
        else:
            satisfaction_after = self.satisfaction_after

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if satisfaction_after is not UNSET:
            field_dict["satisfaction_after"] = satisfaction_after

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = ComplaintStatus(d.pop("to"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_satisfaction_after(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        satisfaction_after = _parse_satisfaction_after(d.pop("satisfaction_after", UNSET))

        complaint_transition = cls(
            to=to,
            note=note,
            resolution=resolution,
            satisfaction_after=satisfaction_after,
        )

        return complaint_transition
