from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier
from ..models.trigger import Trigger
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.playbook_recurrence import PlaybookRecurrence
    from ..models.playbook_step import PlaybookStep


T = TypeVar("T", bound="Playbook")


@_attrs_define
class Playbook:
    """
    Example:
        {'active': True, 'created_at': '2026-11-23T09:00:00Z', 'customer_id': None, 'id':
            '01932c99-5555-7000-8000-000000000001', 'is_default': True, 'name': 'Key accounts after a sale', 'recurrence':
            {'channel': 'phone', 'every': 'P1M', 'purpose': 'periodic_care', 'title': 'Monthly personal contact'}, 'steps':
            [{'channel': 'letter', 'offset': 'P1D', 'purpose': 'thank_you', 'title': 'Handwritten thank-you'}, {'channel':
            'visit', 'offset': 'P2W', 'purpose': 'visit', 'title': 'Visit'}], 'tier': 'key', 'trigger': 'after_purchase',
            'updated_at': '2026-11-23T09:00:00Z', 'version': 1}

    Attributes:
        id (UUID):
        name (str):
        trigger (Trigger): What starts a playbook.
        steps (list[PlaybookStep]):
        active (bool):
        is_default (bool): Seeded from the defaults on first start (and perhaps edited since).
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        tier (None | Tier | Unset):
        customer_id (None | Unset | UUID):
        recurrence (None | PlaybookRecurrence | Unset):
    """

    id: UUID
    name: str
    trigger: Trigger
    steps: list[PlaybookStep]
    active: bool
    is_default: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    tier: None | Tier | Unset = UNSET
    customer_id: None | Unset | UUID = UNSET
    recurrence: None | PlaybookRecurrence | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.playbook_recurrence import PlaybookRecurrence  # noqa: PLC0415

        id = str(self.id)

        name = self.name

        trigger = self.trigger.value

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        active = self.active

        is_default = self.is_default

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "trigger": trigger,
                "steps": steps,
                "active": active,
                "is_default": is_default,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if tier is not UNSET:
            field_dict["tier"] = tier
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if recurrence is not UNSET:
            field_dict["recurrence"] = recurrence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.playbook_recurrence import PlaybookRecurrence  # noqa: PLC0415
        from ..models.playbook_step import PlaybookStep  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        trigger = Trigger(d.pop("trigger"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = PlaybookStep.from_dict(steps_item_data)

            steps.append(steps_item)

        active = d.pop("active")

        is_default = d.pop("is_default")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        playbook = cls(
            id=id,
            name=name,
            trigger=trigger,
            steps=steps,
            active=active,
            is_default=is_default,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            tier=tier,
            customer_id=customer_id,
            recurrence=recurrence,
        )

        playbook.additional_properties = d
        return playbook

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
