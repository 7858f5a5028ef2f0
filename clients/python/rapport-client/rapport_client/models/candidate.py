from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reason import Reason


T = TypeVar("T", bound="Candidate")


@_attrs_define
class Candidate:
    """Two customers that may be one person. `customer_id` is the customer asked about (on
    `GET /customers/{id}/duplicates`) or the one with the lower id (on `GET /duplicates`).

        Example:
            {'customer_id': '01932c90-0000-7000-8000-000000000001', 'other_id': '01932c90-0000-7000-8000-000000000002',
                'reasons': [{'code': 'same_email', 'detail': 'ada@example.com'}, {'code': 'same_phone', 'detail':
                '+442079460000'}], 'score': 98}

        Attributes:
            customer_id (UUID):
            other_id (UUID):
            score (int): 0–100: how likely the two are one person. 70 or more is a strong candidate.
            reasons (list[Reason]):
    """

    customer_id: UUID
    other_id: UUID
    score: int
    reasons: list[Reason]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        other_id = str(self.other_id)

        score = self.score

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "other_id": other_id,
                "score": score,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reason import Reason  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        other_id = UUID(d.pop("other_id"))

        score = d.pop("score")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        candidate = cls(
            customer_id=customer_id,
            other_id=other_id,
            score=score,
            reasons=reasons,
        )

        candidate.additional_properties = d
        return candidate

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
