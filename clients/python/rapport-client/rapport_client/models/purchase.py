from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Purchase")


@_attrs_define
class Purchase:
    """
    Example:
        {'amount_minor': 129900, 'created_at': '2026-11-18T10:05:00Z', 'created_by':
            '01932c8e-0000-7000-8000-000000000001', 'currency': 'EUR', 'customer_id':
            '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'description': 'Annual licence', 'id':
            '01932c91-2222-7000-8000-000000000001', 'occurred_at': '2026-11-18T10:00:00Z', 'version': 1}

    Attributes:
        id (UUID):
        customer_id (UUID):
        amount_minor (int):
        currency (str):
        occurred_at (datetime.datetime):
        created_by (UUID):
        version (int):
        created_at (datetime.datetime):
        description (None | str | Unset):
    """

    id: UUID
    customer_id: UUID
    amount_minor: int
    currency: str
    occurred_at: datetime.datetime
    created_by: UUID
    version: int
    created_at: datetime.datetime
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        amount_minor = self.amount_minor

        currency = self.currency

        occurred_at = self.occurred_at.isoformat()

        created_by = str(self.created_by)

        version = self.version

        created_at = self.created_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "amount_minor": amount_minor,
                "currency": currency,
                "occurred_at": occurred_at,
                "created_by": created_by,
                "version": version,
                "created_at": created_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        customer_id = UUID(d.pop("customer_id"))

        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        created_by = UUID(d.pop("created_by"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        purchase = cls(
            id=id,
            customer_id=customer_id,
            amount_minor=amount_minor,
            currency=currency,
            occurred_at=occurred_at,
            created_by=created_by,
            version=version,
            created_at=created_at,
            description=description,
        )

        purchase.additional_properties = d
        return purchase

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
