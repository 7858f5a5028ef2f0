from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.tier import Tier
from ..models.trigger import Trigger
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.playbook_recurrence import PlaybookRecurrence
    from ..models.playbook_step import PlaybookStep


T = TypeVar("T", bound="PlaybookCreate")


@_attrs_define
class PlaybookCreate:
    """
    Example:
        {'name': 'Key accounts after a sale', 'recurrence': {'channel': 'phone', 'every': 'P1M', 'purpose':
            'periodic_care', 'title': 'Monthly personal contact'}, 'steps': [{'channel': 'letter', 'offset': 'P1D',
            'purpose': 'thank_you', 'title': 'Handwritten thank-you'}, {'channel': 'visit', 'offset': 'P2W', 'purpose':
            'visit', 'title': 'Visit'}], 'tier': 'key', 'trigger': 'after_purchase'}

    Attributes:
        name (str):
        trigger (Trigger): What starts a playbook.
        steps (list[PlaybookStep]):
        tier (None | Tier | Unset):
        customer_id (None | Unset | UUID): One customer's personal plan, which replaces the tier's playbooks for that
            customer
            and trigger. Not together with `tier`.
        recurrence (None | PlaybookRecurrence | Unset):
        active (bool | None | Unset): Defaults to true.
    """

    name: str
    trigger: Trigger
    steps: list[PlaybookStep]
    tier: None | Tier | Unset = UNSET
    customer_id: None | Unset | UUID = UNSET
    recurrence: None | PlaybookRecurrence | Unset = UNSET
    active: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.playbook_recurrence import PlaybookRecurrence  # noqa: PLC0415

        name = self.name

        trigger = self.trigger.value

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        tier: None | str | Unset
        if isinstance(self.tier, Unset):
            tier = UNSET
        elif isinstance(self.tier, Tier):
            tier = self.tier.value
        else:
            tier = self.tier

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        elif isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        recurrence: dict[str, Any] | None | Unset
        if isinstance(self.recurrence, Unset):
            recurrence = UNSET
        elif isinstance(self.recurrence, PlaybookRecurrence):
            recurrence = self.recurrence.to_dict()
        else:
            recurrence = self.recurrence

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "trigger": trigger,
                "steps": steps,
            }
        )
        if tier is not UNSET:
            field_dict["tier"] = tier
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
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
        name = d.pop("name")

        trigger = Trigger(d.pop("trigger"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = PlaybookStep.from_dict(steps_item_data)

            steps.append(steps_item)

        def _parse_tier(data: object) -> None | Tier | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tier_type_0 = Tier(data)

                return tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tier | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        def _parse_customer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)

                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

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

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        playbook_create = cls(
            name=name,
            trigger=trigger,
            steps=steps,
            tier=tier,
            customer_id=customer_id,
            recurrence=recurrence,
            active=active,
        )

        return playbook_create
