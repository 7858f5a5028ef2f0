from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.complaint_category import ComplaintCategory
from ..models.complaint_kind import ComplaintKind
from ..models.complaint_status import ComplaintStatus
from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_summary import CustomerSummary
    from ..models.user_summary import UserSummary


T = TypeVar("T", bound="Complaint")


@_attrs_define
class Complaint:
    """
    Example:
        {'assignee_id': '01932c8e-0000-7000-8000-000000000001', 'breached': False, 'category': 'delivery', 'channel':
            'phone', 'closed_at': None, 'created_at': '2026-11-20T09:05:00Z', 'customer_id':
            '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'description': 'The pallet arrived two days late again.',
            'escalation_level': 0, 'first_responded_at': '2026-11-20T09:40:00Z', 'first_response_due_at':
            '2026-11-20T13:00:00Z', 'id': '01932ca0-8888-7000-8000-000000000001', 'kind': 'complaint', 'received_at':
            '2026-11-20T09:00:00Z', 'remediation_plan': 'Express re-delivery at our cost; carrier review', 'resolution':
            None, 'resolution_due_at': '2026-11-23T09:00:00Z', 'resolved_at': None, 'satisfaction_after': None, 'severity':
            'high', 'status': 'in_progress', 'subject': 'Second late delivery this month', 'updated_at':
            '2026-11-20T10:00:00Z', 'version': 3, 'waiting_since': None}

    Attributes:
        id (UUID):
        customer_id (UUID):
        kind (ComplaintKind): What the customer told us.
        category (ComplaintCategory):
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-policies`).
        subject (str):
        received_at (datetime.datetime):
        assignee_id (UUID):
        status (ComplaintStatus): Where a complaint stands in the repair workflow.
        escalation_level (int): How many deadlines were missed and escalated.
        first_response_due_at (datetime.datetime): From the severity's SLA policy; moved by the time spent waiting on
            the customer.
        resolution_due_at (datetime.datetime):
        breached (bool): A deadline was missed (answered or resolved late, or still open past it); judged at the
            time of the request.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        description (None | str | Unset):
        channel (Channel | None | Unset):
        remediation_plan (None | str | Unset):
        resolution (None | str | Unset):
        satisfaction_after (int | None | Unset): The customer's rating of the repair, recorded when closing.
        first_responded_at (datetime.datetime | None | Unset): When the complaint was acknowledged.
        resolved_at (datetime.datetime | None | Unset):
        closed_at (datetime.datetime | None | Unset):
        waiting_since (datetime.datetime | None | Unset): Set while `waiting_on_customer`: the SLA clock stopped at this
            instant.
        customer (CustomerSummary | Unset): What a screen shows of a customer beside one of its records.
        assignee (UserSummary | Unset): What a screen shows of the user a record is assigned to.
    """

    id: UUID
    customer_id: UUID
    kind: ComplaintKind
    category: ComplaintCategory
    severity: Severity
    subject: str
    received_at: datetime.datetime
    assignee_id: UUID
    status: ComplaintStatus
    escalation_level: int
    first_response_due_at: datetime.datetime
    resolution_due_at: datetime.datetime
    breached: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: None | str | Unset = UNSET
    channel: Channel | None | Unset = UNSET
    remediation_plan: None | str | Unset = UNSET
    resolution: None | str | Unset = UNSET
    satisfaction_after: int | None | Unset = UNSET
    first_responded_at: datetime.datetime | None | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    waiting_since: datetime.datetime | None | Unset = UNSET
    customer: CustomerSummary | Unset = UNSET
    assignee: UserSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        kind = self.kind.value

        category = self.category.value

        severity = self.severity.value

        subject = self.subject

        received_at = self.received_at.isoformat()

        assignee_id = str(self.assignee_id)

        status = self.status.value

        escalation_level = self.escalation_level

        first_response_due_at = self.first_response_due_at.isoformat()

        resolution_due_at = self.resolution_due_at.isoformat()

        breached = self.breached

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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

        satisfaction_after: int | None | Unset
        if isinstance(self.satisfaction_after, Unset):
            satisfaction_after = UNSET
        else:
            satisfaction_after = self.satisfaction_after

        first_responded_at: None | str | Unset
        if isinstance(self.first_responded_at, Unset):
            first_responded_at = UNSET
        elif isinstance(self.first_responded_at, datetime.datetime):
            first_responded_at = self.first_responded_at.isoformat()
        else:
            first_responded_at = self.first_responded_at

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        waiting_since: None | str | Unset
        if isinstance(self.waiting_since, Unset):
            waiting_since = UNSET
        elif isinstance(self.waiting_since, datetime.datetime):
            waiting_since = self.waiting_since.isoformat()
        else:
            waiting_since = self.waiting_since

        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        assignee: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assignee, Unset):
            assignee = self.assignee.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "kind": kind,
                "category": category,
                "severity": severity,
                "subject": subject,
                "received_at": received_at,
                "assignee_id": assignee_id,
                "status": status,
                "escalation_level": escalation_level,
                "first_response_due_at": first_response_due_at,
                "resolution_due_at": resolution_due_at,
                "breached": breached,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if channel is not UNSET:
            field_dict["channel"] = channel
        if remediation_plan is not UNSET:
            field_dict["remediation_plan"] = remediation_plan
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if satisfaction_after is not UNSET:
            field_dict["satisfaction_after"] = satisfaction_after
        if first_responded_at is not UNSET:
            field_dict["first_responded_at"] = first_responded_at
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if waiting_since is not UNSET:
            field_dict["waiting_since"] = waiting_since
        if customer is not UNSET:
            field_dict["customer"] = customer
        if assignee is not UNSET:
            field_dict["assignee"] = assignee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_summary import CustomerSummary  # noqa: PLC0415
        from ..models.user_summary import UserSummary  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        customer_id = UUID(d.pop("customer_id"))

        kind = ComplaintKind(d.pop("kind"))

        category = ComplaintCategory(d.pop("category"))

        severity = Severity(d.pop("severity"))

        subject = d.pop("subject")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        assignee_id = UUID(d.pop("assignee_id"))

        status = ComplaintStatus(d.pop("status"))

        escalation_level = d.pop("escalation_level")

        first_response_due_at = datetime.datetime.fromisoformat(d.pop("first_response_due_at"))

        resolution_due_at = datetime.datetime.fromisoformat(d.pop("resolution_due_at"))

        breached = d.pop("breached")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        def _parse_satisfaction_after(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        satisfaction_after = _parse_satisfaction_after(d.pop("satisfaction_after", UNSET))

        def _parse_first_responded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        first_responded_at = _parse_first_responded_at(d.pop("first_responded_at", UNSET))

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_waiting_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                waiting_since_type_0 = datetime.datetime.fromisoformat(data)

                return waiting_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        waiting_since = _parse_waiting_since(d.pop("waiting_since", UNSET))

        _customer = d.pop("customer", UNSET)
        customer: CustomerSummary | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = CustomerSummary.from_dict(_customer)

        _assignee = d.pop("assignee", UNSET)
        assignee: UserSummary | Unset
        if isinstance(_assignee, Unset):
            assignee = UNSET
        else:
            assignee = UserSummary.from_dict(_assignee)

        complaint = cls(
            id=id,
            customer_id=customer_id,
            kind=kind,
            category=category,
            severity=severity,
            subject=subject,
            received_at=received_at,
            assignee_id=assignee_id,
            status=status,
            escalation_level=escalation_level,
            first_response_due_at=first_response_due_at,
            resolution_due_at=resolution_due_at,
            breached=breached,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            channel=channel,
            remediation_plan=remediation_plan,
            resolution=resolution,
            satisfaction_after=satisfaction_after,
            first_responded_at=first_responded_at,
            resolved_at=resolved_at,
            closed_at=closed_at,
            waiting_since=waiting_since,
            customer=customer,
            assignee=assignee,
        )

        complaint.additional_properties = d
        return complaint

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
