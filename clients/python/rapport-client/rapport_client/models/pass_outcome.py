from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PassOutcome")


@_attrs_define
class PassOutcome:
    """What one pass did.

    Example:
        {'affected': 12, 'description': 'Forgets Idempotency-Key records older than 24 hours', 'name':
            'expired_idempotency_keys'}

    Attributes:
        name (str):
        description (str):
        affected (int): Records the pass created, changed or removed.
    """

    name: str
    description: str
    affected: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        affected = self.affected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "affected": affected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        affected = d.pop("affected")

        pass_outcome = cls(
            name=name,
            description=description,
            affected=affected,
        )

        pass_outcome.additional_properties = d
        return pass_outcome

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
