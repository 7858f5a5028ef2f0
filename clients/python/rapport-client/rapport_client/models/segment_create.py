from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.segment_kind import SegmentKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.segment_rule import SegmentRule


T = TypeVar("T", bound="SegmentCreate")


@_attrs_define
class SegmentCreate:
    """
    Example:
        {'kind': 'dynamic', 'name': 'Key accounts gone quiet', 'rule': {'all': [{'field': 'tier', 'op': 'eq', 'value':
            'key'}, {'field': 'last_contacted_at', 'op': 'older_than_days', 'value': 30}]}}

    Attributes:
        name (str):
        kind (SegmentKind):
        description (None | str | Unset):
        rule (None | SegmentRule | Unset):
    """

    name: str
    kind: SegmentKind
    description: None | str | Unset = UNSET
    rule: None | SegmentRule | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.segment_rule import SegmentRule  # noqa: PLC0415

        name = self.name

        kind = self.kind.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        rule: dict[str, Any] | None | Unset
        if isinstance(self.rule, Unset):
            rule = UNSET
        elif isinstance(self.rule, SegmentRule):
            rule = self.rule.to_dict()
        else:
            rule = self.rule

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if rule is not UNSET:
            field_dict["rule"] = rule

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.segment_rule import SegmentRule  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = SegmentKind(d.pop("kind"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_rule(data: object) -> None | SegmentRule | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rule_type_0 = SegmentRule.from_dict(data)

                return rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SegmentRule | Unset, data)

        rule = _parse_rule(d.pop("rule", UNSET))

        segment_create = cls(
            name=name,
            kind=kind,
            description=description,
            rule=rule,
        )

        return segment_create
