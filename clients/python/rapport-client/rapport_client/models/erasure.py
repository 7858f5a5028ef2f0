from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Erasure")


@_attrs_define
class Erasure:
    """The receipt of an erasure, the same every time it is asked for again.

    Example:
        {'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'erased_at': '2026-12-01T10:00:00Z', 'reason': 'Erasure
            request received by letter on 2026-11-30'}

    Attributes:
        customer_id (UUID):
        erased_at (datetime.datetime):
        reason (str):
    """

    customer_id: UUID
    erased_at: datetime.datetime
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        erased_at = self.erased_at.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "erased_at": erased_at,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        erased_at = datetime.datetime.fromisoformat(d.pop("erased_at"))

        reason = d.pop("reason")

        erasure = cls(
            customer_id=customer_id,
            erased_at=erased_at,
            reason=reason,
        )

        erasure.additional_properties = d
        return erasure

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
