from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.complaint_category import ComplaintCategory
from ..models.complaint_kind import ComplaintKind
from ..models.severity import Severity
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintPatch")


@_attrs_define
class ComplaintPatch:
    """The descriptive fields; the status changes only through transitions. A new severity
    recomputes the deadlines from `received_at`.

        Example:
            {'remediation_plan': 'Express re-delivery at our cost; carrier review', 'severity': 'critical'}

        Attributes:
            kind (ComplaintKind | Unset): What the customer told us.
            category (ComplaintCategory | Unset):
            severity (Severity | Unset): How urgent the repair is; each severity has its own deadlines (`/sla-policies`).
            subject (str | Unset):
            description (None | str | Unset):
            channel (Channel | None | Unset):
            assignee_id (UUID | Unset): Managers and admins reassign; agents may take a complaint themselves.
            remediation_plan (None | str | Unset):
            resolution (None | str | Unset):
    """

    kind: ComplaintKind | Unset = UNSET
    category: ComplaintCategory | Unset = UNSET
    severity: Severity | Unset = UNSET
    subject: str | Unset = UNSET
    description: None | str | Unset = UNSET
    channel: Channel | None | Unset = UNSET
    assignee_id: UUID | Unset = UNSET
    remediation_plan: None | str | Unset = UNSET
    resolution: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value

        subject = self.subject

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, Channel):
            channel = self.channel.value
        else:
            channel = self.channel

        assignee_id: str | Unset = UNSET
        if not isinstance(self.assignee_id, Unset):
            assignee_id = str(self.assignee_id)

        remediation_plan: None | str | Unset
        if isinstance(self.remediation_plan, Unset):
            remediation_plan = UNSET
        else:
            remediation_plan = self.remediation_plan

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if category is not UNSET:
            field_dict["category"] = category
        if severity is not UNSET:
            field_dict["severity"] = severity
        if subject is not UNSET:
            field_dict["subject"] = subject
        if description is not UNSET:
            field_dict["description"] = description
        if channel is not UNSET:
            field_dict["channel"] = channel
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if remediation_plan is not UNSET:
            field_dict["remediation_plan"] = remediation_plan
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: ComplaintKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ComplaintKind(_kind)

        _category = d.pop("category", UNSET)
        category: ComplaintCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = ComplaintCategory(_category)

        _severity = d.pop("severity", UNSET)
        severity: Severity | Unset
        if isinstance(_severity, Unset):
            severity = UNSET
        else:
            severity = Severity(_severity)

        subject = d.pop("subject", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_channel(data: object) -> Channel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = Channel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Channel | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))

        _assignee_id = d.pop("assignee_id", UNSET)
        assignee_id: UUID | Unset
        if isinstance(_assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = UUID(_assignee_id)

        def _parse_remediation_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remediation_plan = _parse_remediation_plan(d.pop("remediation_plan", UNSET))

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        complaint_patch = cls(
            kind=kind,
            category=category,
            severity=severity,
            subject=subject,
            description=description,
            channel=channel,
            assignee_id=assignee_id,
            remediation_plan=remediation_plan,
            resolution=resolution,
        )

        return complaint_patch
