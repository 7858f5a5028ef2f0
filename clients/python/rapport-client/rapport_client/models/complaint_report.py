from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compliance import Compliance
    from ..models.count import Count
    from ..models.resolution_times import ResolutionTimes
    from ..models.satisfaction_figures import SatisfactionFigures


T = TypeVar("T", bound="ComplaintReport")


@_attrs_define
class ComplaintReport:
    """How complaints are handled.

    Example:
        {'by_category': [{'count': 4, 'key': 'delivery'}], 'by_kind': [{'count': 4, 'key': 'complaint'}], 'by_severity':
            [{'count': 4, 'key': 'high'}], 'by_status': [{'count': 3, 'key': 'closed'}, {'count': 1, 'key': 'open'}],
            'first_response': {'due': 4, 'on_time': 3, 'rate': 0.75}, 'from': None, 'resolution': {'due': 3, 'on_time': 3,
            'rate': 1.0}, 'satisfaction_after': {'average': 4.33, 'rated': 3}, 'time_to_resolve': {'median_seconds': 86400,
            'p90_seconds': 172800, 'resolved': 3}, 'to': '2026-11-29T09:00:00Z', 'total': 4}

    Attributes:
        to (datetime.datetime):
        total (int): Complaints received in the period.
        by_status (list[Count]):
        by_category (list[Count]):
        by_severity (list[Count]):
        by_kind (list[Count]):
        first_response (Compliance): How often a deadline was kept.
        resolution (Compliance): How often a deadline was kept.
        time_to_resolve (ResolutionTimes): Time from receipt to resolution, nearest-rank percentiles.
        satisfaction_after (SatisfactionFigures):
        from_ (datetime.datetime | None | Unset):
    """

    to: datetime.datetime
    total: int
    by_status: list[Count]
    by_category: list[Count]
    by_severity: list[Count]
    by_kind: list[Count]
    first_response: Compliance
    resolution: Compliance
    time_to_resolve: ResolutionTimes
    satisfaction_after: SatisfactionFigures
    from_: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to.isoformat()

        total = self.total

        by_status = []
        for by_status_item_data in self.by_status:
            by_status_item = by_status_item_data.to_dict()
            by_status.append(by_status_item)

        by_category = []
        for by_category_item_data in self.by_category:
            by_category_item = by_category_item_data.to_dict()
            by_category.append(by_category_item)

        by_severity = []
        for by_severity_item_data in self.by_severity:
            by_severity_item = by_severity_item_data.to_dict()
            by_severity.append(by_severity_item)

        by_kind = []
        for by_kind_item_data in self.by_kind:
            by_kind_item = by_kind_item_data.to_dict()
            by_kind.append(by_kind_item)

        first_response = self.first_response.to_dict()

        resolution = self.resolution.to_dict()

        time_to_resolve = self.time_to_resolve.to_dict()

        satisfaction_after = self.satisfaction_after.to_dict()

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.datetime):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "total": total,
                "by_status": by_status,
                "by_category": by_category,
                "by_severity": by_severity,
                "by_kind": by_kind,
                "first_response": first_response,
                "resolution": resolution,
                "time_to_resolve": time_to_resolve,
                "satisfaction_after": satisfaction_after,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.compliance import Compliance  # noqa: PLC0415
        from ..models.count import Count  # noqa: PLC0415
        from ..models.resolution_times import ResolutionTimes  # noqa: PLC0415
        from ..models.satisfaction_figures import SatisfactionFigures  # noqa: PLC0415

        d = dict(src_dict)
        to = datetime.datetime.fromisoformat(d.pop("to"))

        total = d.pop("total")

        by_status = []
        _by_status = d.pop("by_status")
        for by_status_item_data in _by_status:
            by_status_item = Count.from_dict(by_status_item_data)

            by_status.append(by_status_item)

        by_category = []
        _by_category = d.pop("by_category")
        for by_category_item_data in _by_category:
            by_category_item = Count.from_dict(by_category_item_data)

            by_category.append(by_category_item)

        by_severity = []
        _by_severity = d.pop("by_severity")
        for by_severity_item_data in _by_severity:
            by_severity_item = Count.from_dict(by_severity_item_data)

            by_severity.append(by_severity_item)

        by_kind = []
        _by_kind = d.pop("by_kind")
        for by_kind_item_data in _by_kind:
            by_kind_item = Count.from_dict(by_kind_item_data)

            by_kind.append(by_kind_item)

        first_response = Compliance.from_dict(d.pop("first_response"))

        resolution = Compliance.from_dict(d.pop("resolution"))

        time_to_resolve = ResolutionTimes.from_dict(d.pop("time_to_resolve"))

        satisfaction_after = SatisfactionFigures.from_dict(d.pop("satisfaction_after"))

        def _parse_from_(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.datetime.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        complaint_report = cls(
            to=to,
            total=total,
            by_status=by_status,
            by_category=by_category,
            by_severity=by_severity,
            by_kind=by_kind,
            first_response=first_response,
            resolution=resolution,
            time_to_resolve=time_to_resolve,
            satisfaction_after=satisfaction_after,
            from_=from_,
        )

        complaint_report.additional_properties = d
        return complaint_report

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
