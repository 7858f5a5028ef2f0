from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Dismissal")


@_attrs_define
class Dismissal:
    """A pair dismissed as "not a duplicate": it is never proposed again.

    Example:
        {'customer_id': '01932c90-0000-7000-8000-000000000001', 'dismissed_at': '2026-12-02T10:00:00Z', 'other_id':
            '01932c90-0000-7000-8000-000000000002'}

    Attributes:
        customer_id (UUID): The lower of the two ids.
        other_id (UUID):
        dismissed_at (datetime.datetime):
    """

    customer_id: UUID
    other_id: UUID
    dismissed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        other_id = str(self.other_id)

        dismissed_at = self.dismissed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "other_id": other_id,
                "dismissed_at": dismissed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        other_id = UUID(d.pop("other_id"))

        dismissed_at = datetime.datetime.fromisoformat(d.pop("dismissed_at"))

        dismissal = cls(
            customer_id=customer_id,
            other_id=other_id,
            dismissed_at=dismissed_at,
        )

        dismissal.additional_properties = d
        return dismissal

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
