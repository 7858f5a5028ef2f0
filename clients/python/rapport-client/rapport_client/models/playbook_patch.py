from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.trigger import Trigger
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.playbook_recurrence import PlaybookRecurrence
    from ..models.playbook_step import PlaybookStep


T = TypeVar("T", bound="PlaybookPatch")


@_attrs_define
class PlaybookPatch:
    """
    Example:
        {'active': True, 'steps': [{'channel': 'phone', 'offset': 'P2D', 'purpose': 'thank_you', 'title': 'Call to
            thank'}]}

    Attributes:
        name (str | Unset):
        trigger (Trigger | Unset): What starts a playbook.
        steps (list[PlaybookStep] | Unset):
        recurrence (None | PlaybookRecurrence | Unset):
        active (bool | Unset):
    """

    name: str | Unset = UNSET
    trigger: Trigger | Unset = UNSET
    steps: list[PlaybookStep] | Unset = UNSET
    recurrence: None | PlaybookRecurrence | Unset = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.playbook_recurrence import PlaybookRecurrence  # noqa: PLC0415

        name = self.name

        trigger: str | Unset = UNSET
        if not isinstance(self.trigger, Unset):
            trigger = self.trigger.value

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        recurrence: dict[str, Any] | None | Unset
        if isinstance(self.recurrence, Unset):
            recurrence = UNSET
        elif isinstance(self.recurrence, PlaybookRecurrence):
            recurrence = self.recurrence.to_dict()
        else:
            recurrence = self.recurrence

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if trigger is not UNSET:
            field_dict["trigger"] = trigger
        if steps is not UNSET:
            field_dict["steps"] = steps
        if recurrence is not UNSET:
            field_dict["recurrence"] = recurrence
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.playbook_recurrence import PlaybookRecurrence  # noqa: PLC0415
        from ..models.playbook_step import PlaybookStep  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _trigger = d.pop("trigger", UNSET)
        trigger: Trigger | Unset
        if isinstance(_trigger, Unset):
            trigger = UNSET
        else:
            trigger = Trigger(_trigger)

        _steps = d.pop("steps", UNSET)
        steps: list[PlaybookStep] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = PlaybookStep.from_dict(steps_item_data)

                steps.append(steps_item)

        def _parse_recurrence(data: object) -> None | PlaybookRecurrence | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recurrence_type_0 = PlaybookRecurrence.from_dict(data)

                return recurrence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaybookRecurrence | Unset, data)

        recurrence = _parse_recurrence(d.pop("recurrence", UNSET))

        active = d.pop("active", UNSET)

        playbook_patch = cls(
            name=name,
            trigger=trigger,
            steps=steps,
            recurrence=recurrence,
            active=active,
        )

        return playbook_patch
