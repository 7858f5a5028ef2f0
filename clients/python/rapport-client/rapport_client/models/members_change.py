from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MembersChange")


@_attrs_define
class MembersChange:
    """
    Example:
        {'customer_ids': ['01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e']}

    Attributes:
        customer_ids (list[UUID]): Up to 1000 customer ids; ids that name no customer are reported, not fatal.
    """

    customer_ids: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        customer_ids = []
        for customer_ids_item_data in self.customer_ids:
            customer_ids_item = str(customer_ids_item_data)
            customer_ids.append(customer_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_ids": customer_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_ids = []
        _customer_ids = d.pop("customer_ids")
        for customer_ids_item_data in _customer_ids:
            customer_ids_item = UUID(customer_ids_item_data)

            customer_ids.append(customer_ids_item)

        members_change = cls(
            customer_ids=customer_ids,
        )

        return members_change
