from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.owner_touchpoint_figures import OwnerTouchpointFigures


T = TypeVar("T", bound="TouchpointReport")


@_attrs_define
class TouchpointReport:
    """Whether the planned contacts happen.

    Example:
        {'from': '2026-10-30T09:00:00Z', 'owners': [{'cancelled': 0, 'completed': 9, 'on_time': 8, 'on_time_rate':
            0.889, 'overdue': 2, 'owner_id': '01932c8e-0000-7000-8000-000000000001', 'skipped': 1, 'total': 12, 'upcoming':
            0}], 'to': '2026-11-29T09:00:00Z'}

    Attributes:
        from_ (datetime.datetime):
        to (datetime.datetime):
        owners (list[OwnerTouchpointFigures]): Per assignee, most touchpoints first.
    """

    from_: datetime.datetime
    to: datetime.datetime
    owners: list[OwnerTouchpointFigures]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        owners = []
        for owners_item_data in self.owners:
            owners_item = owners_item_data.to_dict()
            owners.append(owners_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "owners": owners,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.owner_touchpoint_figures import OwnerTouchpointFigures  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        owners = []
        _owners = d.pop("owners")
        for owners_item_data in _owners:
            owners_item = OwnerTouchpointFigures.from_dict(owners_item_data)

            owners.append(owners_item)

        touchpoint_report = cls(
            from_=from_,
            to=to,
            owners=owners,
        )

        touchpoint_report.additional_properties = d
        return touchpoint_report

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
