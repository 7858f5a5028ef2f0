from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.severity import Severity

T = TypeVar("T", bound="SlaPolicy")


@_attrs_define
class SlaPolicy:
    """The deadlines of one severity, in minutes after a complaint is received.

    Example:
        {'first_response_minutes': 240, 'resolution_minutes': 4320, 'severity': 'high', 'updated_at':
            '2026-11-29T08:00:00Z', 'version': 1}

    Attributes:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-policies`).
        first_response_minutes (int):
        resolution_minutes (int):
        version (int):
        updated_at (datetime.datetime):
    """

    severity: Severity
    first_response_minutes: int
    resolution_minutes: int
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        severity = self.severity.value

        first_response_minutes = self.first_response_minutes

        resolution_minutes = self.resolution_minutes

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "severity": severity,
                "first_response_minutes": first_response_minutes,
                "resolution_minutes": resolution_minutes,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        severity = Severity(d.pop("severity"))

        first_response_minutes = d.pop("first_response_minutes")

        resolution_minutes = d.pop("resolution_minutes")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        sla_policy = cls(
            severity=severity,
            first_response_minutes=first_response_minutes,
            resolution_minutes=resolution_minutes,
            version=version,
            updated_at=updated_at,
        )

        sla_policy.additional_properties = d
        return sla_policy

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
