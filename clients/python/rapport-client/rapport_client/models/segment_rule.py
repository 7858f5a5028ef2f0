from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.segment_rule_op import SegmentRuleOp
from ..types import UNSET, Unset

T = TypeVar("T", bound="SegmentRule")


@_attrs_define
class SegmentRule:
    """{"all": [rules]}, {"any": [rules]}, {"not": rule} or a condition {"field", "op", "value"}. Fields: the customer
    fields, `tags` and `attributes.<key>`. `value` is a string, number, boolean or array as the operator needs, and
    absent for is_null and is_not_null. Budget (422 beyond it): at most 200 nodes, 10 levels, 1000 values in one list,
    2000 values in all and 20 text `contains` conditions (tag `contains` is not a text match and does not count).

        Attributes:
            all_ (list[SegmentRule] | Unset):
            any_ (list[SegmentRule] | Unset):
            not_ (SegmentRule | Unset): {"all": [rules]}, {"any": [rules]}, {"not": rule} or a condition {"field", "op",
                "value"}. Fields: the customer fields, `tags` and `attributes.<key>`. `value` is a string, number, boolean or
                array as the operator needs, and absent for is_null and is_not_null. Budget (422 beyond it): at most 200 nodes,
                10 levels, 1000 values in one list, 2000 values in all and 20 text `contains` conditions (tag `contains` is not
                a text match and does not count).
            field (str | Unset):
            op (SegmentRuleOp | Unset):
            value (bool | float | list[bool | float | str] | str | Unset):
    """

    all_: list[SegmentRule] | Unset = UNSET
    any_: list[SegmentRule] | Unset = UNSET
    not_: SegmentRule | Unset = UNSET
    field: str | Unset = UNSET
    op: SegmentRuleOp | Unset = UNSET
    value: bool | float | list[bool | float | str] | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        all_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.all_, Unset):
            all_ = []
            for all_item_data in self.all_:
                all_item = all_item_data.to_dict()
                all_.append(all_item)

        any_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.any_, Unset):
            any_ = []
            for any_item_data in self.any_:
                any_item = any_item_data.to_dict()
                any_.append(any_item)

        not_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.not_, Unset):
            not_ = self.not_.to_dict()

        field = self.field

        op: str | Unset = UNSET
        if not isinstance(self.op, Unset):
            op = self.op.value

        value: bool | float | list[bool | float | str] | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, list):
            value = []
            for value_type_3_item_data in self.value:
                value_type_3_item: bool | float | str
                value_type_3_item = value_type_3_item_data
                value.append(value_type_3_item)

        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if all_ is not UNSET:
            field_dict["all"] = all_
        if any_ is not UNSET:
            field_dict["any"] = any_
        if not_ is not UNSET:
            field_dict["not"] = not_
        if field is not UNSET:
            field_dict["field"] = field
        if op is not UNSET:
            field_dict["op"] = op
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _all_ = d.pop("all", UNSET)
        all_: list[SegmentRule] | Unset = UNSET
        if _all_ is not UNSET:
            all_ = []
            for all_item_data in _all_:
                all_item = SegmentRule.from_dict(all_item_data)

                all_.append(all_item)

        _any_ = d.pop("any", UNSET)
        any_: list[SegmentRule] | Unset = UNSET
        if _any_ is not UNSET:
            any_ = []
            for any_item_data in _any_:
                any_item = SegmentRule.from_dict(any_item_data)

                any_.append(any_item)

        _not_ = d.pop("not", UNSET)
        not_: SegmentRule | Unset
        if isinstance(_not_, Unset):
            not_ = UNSET
        else:
            not_ = SegmentRule.from_dict(_not_)

        field = d.pop("field", UNSET)

        _op = d.pop("op", UNSET)
        op: SegmentRuleOp | Unset
        if isinstance(_op, Unset):
            op = UNSET
        else:
            op = SegmentRuleOp(_op)

        def _parse_value(data: object) -> bool | float | list[bool | float | str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_3 = []
                _value_type_3 = data
                for value_type_3_item_data in _value_type_3:

                    def _parse_value_type_3_item(data: object) -> bool | float | str:
                        return cast(bool | float | str, data)

                    value_type_3_item = _parse_value_type_3_item(value_type_3_item_data)

                    value_type_3.append(value_type_3_item)

                return value_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | list[bool | float | str] | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        segment_rule = cls(
            all_=all_,
            any_=any_,
            not_=not_,
            field=field,
            op=op,
            value=value,
        )

        segment_rule.additional_properties = d
        return segment_rule

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
