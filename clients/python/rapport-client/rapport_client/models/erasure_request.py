from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ErasureRequest")


@_attrs_define
class ErasureRequest:
    """Why a customer's personal data is erased (kept with the anonymous record).

    Example:
        {'reason': 'Erasure request received by letter on 2026-11-30'}

    Attributes:
        reason (str): Not blank; never personal data of the customer (it is kept).
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        erasure_request = cls(
            reason=reason,
        )

        return erasure_request
