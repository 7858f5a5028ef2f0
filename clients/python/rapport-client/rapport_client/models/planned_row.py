from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_action import ImportAction
from ..models.matched_by import MatchedBy
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlannedRow")


@_attrs_define
class PlannedRow:
    """
    Attributes:
        row (int):
        action (ImportAction): What happens to a row.
        customer_id (None | Unset | UUID): The customer the row matched (update, skip).
        matched_by (list[MatchedBy] | None | Unset): Why the row matched `customer_id`: each of its `id`, `email`
            (compared without case)
            and `phone` (compared in E.164) that names that customer. Example: ['email', 'phone'].
        duplicate_of_row (int | None | Unset): The earlier row this one repeats.
    """

    row: int
    action: ImportAction
    customer_id: None | Unset | UUID = UNSET
    matched_by: list[MatchedBy] | None | Unset = UNSET
    duplicate_of_row: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        action = self.action.value

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        elif isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        matched_by: list[str] | None | Unset
        if isinstance(self.matched_by, Unset):
            matched_by = UNSET
        elif isinstance(self.matched_by, list):
            matched_by = []
            for matched_by_type_0_item_data in self.matched_by:
                matched_by_type_0_item = matched_by_type_0_item_data.value
                matched_by.append(matched_by_type_0_item)

        else:
            matched_by = self.matched_by

        duplicate_of_row: int | None | Unset
        if isinstance(self.duplicate_of_row, Unset):
            duplicate_of_row = UNSET
        else:
            duplicate_of_row = self.duplicate_of_row

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "action": action,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if matched_by is not UNSET:
            field_dict["matched_by"] = matched_by
        if duplicate_of_row is not UNSET:
            field_dict["duplicate_of_row"] = duplicate_of_row

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        action = ImportAction(d.pop("action"))

        def _parse_customer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)

                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_matched_by(data: object) -> list[MatchedBy] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                matched_by_type_0 = []
                _matched_by_type_0 = data
                for matched_by_type_0_item_data in _matched_by_type_0:
                    matched_by_type_0_item = MatchedBy(matched_by_type_0_item_data)

                    matched_by_type_0.append(matched_by_type_0_item)

                return matched_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MatchedBy] | None | Unset, data)

        matched_by = _parse_matched_by(d.pop("matched_by", UNSET))

        def _parse_duplicate_of_row(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duplicate_of_row = _parse_duplicate_of_row(d.pop("duplicate_of_row", UNSET))

        planned_row = cls(
            row=row,
            action=action,
            customer_id=customer_id,
            matched_by=matched_by,
            duplicate_of_row=duplicate_of_row,
        )

        planned_row.additional_properties = d
        return planned_row

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
