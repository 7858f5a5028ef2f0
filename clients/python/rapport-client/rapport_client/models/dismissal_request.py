from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="DismissalRequest")


@_attrs_define
class DismissalRequest:
    """Two customers someone says are not one person.

    Example:
        {'customer_id': '01932c90-0000-7000-8000-000000000001', 'other_id': '01932c90-0000-7000-8000-000000000002'}

    Attributes:
        customer_id (UUID):
        other_id (UUID):
    """

    customer_id: UUID
    other_id: UUID

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        other_id = str(self.other_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "other_id": other_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        other_id = UUID(d.pop("other_id"))

        dismissal_request = cls(
            customer_id=customer_id,
            other_id=other_id,
        )

        return dismissal_request
