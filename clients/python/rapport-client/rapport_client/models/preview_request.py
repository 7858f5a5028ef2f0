from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.segment_rule import SegmentRule


T = TypeVar("T", bound="PreviewRequest")


@_attrs_define
class PreviewRequest:
    """
    Example:
        {'rule': {'all': [{'field': 'tier', 'op': 'eq', 'value': 'key'}, {'field': 'last_contacted_at', 'op':
            'older_than_days', 'value': 30}]}}

    Attributes:
        rule (SegmentRule): {"all": [rules]}, {"any": [rules]}, {"not": rule} or a condition {"field", "op", "value"}.
            Fields: the customer fields, `tags` and `attributes.<key>`. `value` is a string, number, boolean or array as the
            operator needs, and absent for is_null and is_not_null. Budget (422 beyond it): at most 200 nodes, 10 levels,
            1000 values in one list, 2000 values in all and 20 text `contains` conditions (tag `contains` is not a text
            match and does not count).
    """

    rule: SegmentRule

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rule": rule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.segment_rule import SegmentRule  # noqa: PLC0415

        d = dict(src_dict)
        rule = SegmentRule.from_dict(d.pop("rule"))

        preview_request = cls(
            rule=rule,
        )

        return preview_request
