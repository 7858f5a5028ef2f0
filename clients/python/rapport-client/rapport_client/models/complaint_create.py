from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.complaint_category import ComplaintCategory
from ..models.complaint_kind import ComplaintKind
from ..models.severity import Severity
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintCreate")


@_attrs_define
class ComplaintCreate:
    """
    Example:
        {'category': 'delivery', 'channel': 'phone', 'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e',
            'description': 'The pallet arrived two days late again.', 'kind': 'complaint', 'severity': 'high', 'subject':
            'Second late delivery this month'}

    Attributes:
        customer_id (UUID):
        subject (str):
        kind (ComplaintKind | None | Unset):
        category (ComplaintCategory | None | Unset):
        severity (None | Severity | Unset):
        description (None | str | Unset):
        channel (Channel | None | Unset):
        received_at (datetime.datetime | None | Unset): When the customer told us; defaults to now and may not be in the
            future. The deadlines
            count from here.
        assignee_id (None | Unset | UUID): Defaults to the customer's owner. Agents assign only themselves.
        remediation_plan (None | str | Unset):
    """

    customer_id: UUID
    subject: str
    kind: ComplaintKind | None | Unset = UNSET
    category: ComplaintCategory | None | Unset = UNSET
    severity: None | Severity | Unset = UNSET
    description: None | str | Unset = UNSET
    channel: Channel | None | Unset = UNSET
    received_at: datetime.datetime | None | Unset = UNSET
    assignee_id: None | Unset | UUID = UNSET
    remediation_plan: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        subject = self.subject

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ComplaintKind):
            kind = self.kind.value
        else:
            kind = self.kind

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, ComplaintCategory):
            category = self.category.value
        else:
            category = self.category

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        elif isinstance(self.severity, Severity):
            severity = self.severity.value
        else:
            severity = self.severity

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

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        elif isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        remediation_plan: None | str | Unset
        if isinstance(self.remediation_plan, Unset):
            remediation_plan = UNSET
        else:
            remediation_plan = self.remediation_plan

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "subject": subject,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if category is not UNSET:
            field_dict["category"] = category
        if severity is not UNSET:
            field_dict["severity"] = severity
        if description is not UNSET:
            field_dict["description"] = description
        if channel is not UNSET:
            field_dict["channel"] = channel
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if remediation_plan is not UNSET:
            field_dict["remediation_plan"] = remediation_plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        subject = d.pop("subject")

        def _parse_kind(data: object) -> ComplaintKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = ComplaintKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComplaintKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_category(data: object) -> ComplaintCategory | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = ComplaintCategory(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComplaintCategory | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_severity(data: object) -> None | Severity | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                severity_type_0 = Severity(data)

                return severity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Severity | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

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

        def _parse_received_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        received_at = _parse_received_at(d.pop("received_at", UNSET))

        def _parse_assignee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)

                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

        def _parse_remediation_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remediation_plan = _parse_remediation_plan(d.pop("remediation_plan", UNSET))

        complaint_create = cls(
            customer_id=customer_id,
            subject=subject,
            kind=kind,
            category=category,
            severity=severity,
            description=description,
            channel=channel,
            received_at=received_at,
            assignee_id=assignee_id,
            remediation_plan=remediation_plan,
        )

        return complaint_create
