from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.curve_point import CurvePoint
    from ..models.eighty_percent import EightyPercent
    from ..models.ranked_customer import RankedCustomer
    from ..models.top_share import TopShare


T = TypeVar("T", bound="ParetoReport")


@_attrs_define
class ParetoReport:
    """Who brings the revenue: the 80/20 rule, measured.

    Example:
        {'currency': 'EUR', 'curve': [{'customer_share': 0.0, 'customers': 0, 'revenue_share': 0.0}, {'customer_share':
            0.1, 'customers': 1, 'revenue_share': 0.4}], 'customers': 10, 'eighty_percent': {'customer_share': 0.4,
            'customers': 4}, 'from': None, 'revenue_minor': 1000000, 'to': '2026-11-29T09:00:00Z', 'top':
            [{'cumulative_share': 0.4, 'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'name': 'Ada Lovelace',
            'rank': 1, 'revenue_minor': 400000, 'revenue_share': 0.4, 'tier': 'key'}], 'top_20_percent': {'customers': 2,
            'revenue_minor': 700000, 'revenue_share': 0.7}}

    Attributes:
        to (datetime.datetime):
        customers (int): Customers who bought in the period.
        revenue_minor (int):
        top_20_percent (TopShare):
        eighty_percent (EightyPercent):
        top (list[RankedCustomer]): The top of the ranking, up to `limit` customers.
        curve (list[CurvePoint]): The cumulative curve: the origin and at most 100 points, for a chart.
        currency (None | str | Unset): The currency every figure is in; null when nothing was bought.
        from_ (datetime.datetime | None | Unset):
    """

    to: datetime.datetime
    customers: int
    revenue_minor: int
    top_20_percent: TopShare
    eighty_percent: EightyPercent
    top: list[RankedCustomer]
    curve: list[CurvePoint]
    currency: None | str | Unset = UNSET
    from_: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to.isoformat()

        customers = self.customers

        revenue_minor = self.revenue_minor

        top_20_percent = self.top_20_percent.to_dict()

        eighty_percent = self.eighty_percent.to_dict()

        top = []
        for top_item_data in self.top:
            top_item = top_item_data.to_dict()
            top.append(top_item)

        curve = []
        for curve_item_data in self.curve:
            curve_item = curve_item_data.to_dict()
            curve.append(curve_item)

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

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
                "customers": customers,
                "revenue_minor": revenue_minor,
                "top_20_percent": top_20_percent,
                "eighty_percent": eighty_percent,
                "top": top,
                "curve": curve,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.curve_point import CurvePoint  # noqa: PLC0415
        from ..models.eighty_percent import EightyPercent  # noqa: PLC0415
        from ..models.ranked_customer import RankedCustomer  # noqa: PLC0415
        from ..models.top_share import TopShare  # noqa: PLC0415

        d = dict(src_dict)
        to = datetime.datetime.fromisoformat(d.pop("to"))

        customers = d.pop("customers")

        revenue_minor = d.pop("revenue_minor")

        top_20_percent = TopShare.from_dict(d.pop("top_20_percent"))

        eighty_percent = EightyPercent.from_dict(d.pop("eighty_percent"))

        top = []
        _top = d.pop("top")
        for top_item_data in _top:
            top_item = RankedCustomer.from_dict(top_item_data)

            top.append(top_item)

        curve = []
        _curve = d.pop("curve")
        for curve_item_data in _curve:
            curve_item = CurvePoint.from_dict(curve_item_data)

            curve.append(curve_item)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

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

        pareto_report = cls(
            to=to,
            customers=customers,
            revenue_minor=revenue_minor,
            top_20_percent=top_20_percent,
            eighty_percent=eighty_percent,
            top=top,
            curve=curve,
            currency=currency,
            from_=from_,
        )

        pareto_report.additional_properties = d
        return pareto_report

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
