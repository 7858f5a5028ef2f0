from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MembersResult")


@_attrs_define
class MembersResult:
    """
    Example:
        {'changed': 2, 'unknown_ids': ['01932c94-5555-7000-8000-000000000009']}

    Attributes:
        changed (int): Customers added to or removed from the segment by this call.
        unknown_ids (list[UUID]): Ids that name no customer.
    """

    changed: int
    unknown_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        unknown_ids = []
        for unknown_ids_item_data in self.unknown_ids:
            unknown_ids_item = str(unknown_ids_item_data)
            unknown_ids.append(unknown_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed": changed,
                "unknown_ids": unknown_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed = d.pop("changed")

        unknown_ids = []
        _unknown_ids = d.pop("unknown_ids")
        for unknown_ids_item_data in _unknown_ids:
            unknown_ids_item = UUID(unknown_ids_item_data)

            unknown_ids.append(unknown_ids_item)

        members_result = cls(
            changed=changed,
            unknown_ids=unknown_ids,
        )

        members_result.additional_properties = d
        return members_result

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
