from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.segment_kind import SegmentKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.segment_rule import SegmentRule


T = TypeVar("T", bound="Segment")


@_attrs_define
class Segment:
    """
    Example:
        {'created_at': '2026-11-18T10:05:00Z', 'created_by': '01932c8e-0000-7000-8000-000000000001', 'description':
            None, 'id': '01932c93-4444-7000-8000-000000000001', 'kind': 'dynamic', 'member_count': 42, 'name': 'Key accounts
            gone quiet', 'rule': {'all': [{'field': 'tier', 'op': 'eq', 'value': 'key'}, {'field': 'last_contacted_at',
            'op': 'older_than_days', 'value': 30}]}, 'updated_at': '2026-11-18T10:05:00Z', 'version': 1}

    Attributes:
        id (UUID):
        name (str):
        kind (SegmentKind):
        member_count (int | None): Members the caller can see (an agent counts only their own customers); null when the
            segment cannot be evaluated now, with the reason in `evaluation_error`.
        created_by (UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        description (None | str | Unset):
        rule (None | SegmentRule | Unset):
        evaluation_error (None | str | Unset): Why the members could not be counted (a stored rule beyond today's
            budget, or counting
            ran past the statement time budget); absent when they were.
    """

    id: UUID
    name: str
    kind: SegmentKind
    member_count: int | None
    created_by: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: None | str | Unset = UNSET
    rule: None | SegmentRule | Unset = UNSET
    evaluation_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.segment_rule import SegmentRule  # noqa: PLC0415

        id = str(self.id)

        name = self.name

        kind = self.kind.value

        member_count: int | None
        member_count = self.member_count

        created_by = str(self.created_by)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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

        evaluation_error: None | str | Unset
        if isinstance(self.evaluation_error, Unset):
            evaluation_error = UNSET
        else:
            evaluation_error = self.evaluation_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "member_count": member_count,
                "created_by": created_by,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if rule is not UNSET:
            field_dict["rule"] = rule
        if evaluation_error is not UNSET:
            field_dict["evaluation_error"] = evaluation_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.segment_rule import SegmentRule  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        kind = SegmentKind(d.pop("kind"))

        def _parse_member_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        member_count = _parse_member_count(d.pop("member_count"))

        created_by = UUID(d.pop("created_by"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        def _parse_evaluation_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evaluation_error = _parse_evaluation_error(d.pop("evaluation_error", UNSET))

        segment = cls(
            id=id,
            name=name,
            kind=kind,
            member_count=member_count,
            created_by=created_by,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            rule=rule,
            evaluation_error=evaluation_error,
        )

        segment.additional_properties = d
        return segment

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
