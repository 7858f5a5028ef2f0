from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.segment_rule import SegmentRule


T = TypeVar("T", bound="SegmentPatch")


@_attrs_define
class SegmentPatch:
    """
    Example:
        {'description': 'Key accounts without contact for a month'}

    Attributes:
        name (str | Unset):
        description (None | str | Unset):
        rule (SegmentRule | Unset): {"all": [rules]}, {"any": [rules]}, {"not": rule} or a condition {"field", "op",
            "value"}. Fields: the customer fields, `tags` and `attributes.<key>`. `value` is a string, number, boolean or
            array as the operator needs, and absent for is_null and is_not_null. Budget (422 beyond it): at most 200 nodes,
            10 levels, 1000 values in one list, 2000 values in all and 20 text `contains` conditions (tag `contains` is not
            a text match and does not count).
    """

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    rule: SegmentRule | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        rule: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rule, Unset):
            rule = self.rule.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if rule is not UNSET:
            field_dict["rule"] = rule

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.segment_rule import SegmentRule  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _rule = d.pop("rule", UNSET)
        rule: SegmentRule | Unset
        if isinstance(_rule, Unset):
            rule = UNSET
        else:
            rule = SegmentRule.from_dict(_rule)

        segment_patch = cls(
            name=name,
            description=description,
            rule=rule,
        )

        return segment_patch
