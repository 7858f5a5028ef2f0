from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.direction import Direction
from ..models.outcome import Outcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_summary import CustomerSummary


T = TypeVar("T", bound="Interaction")


@_attrs_define
class Interaction:
    """
    Example:
        {'channel': 'phone', 'created_at': '2026-11-20T14:35:00Z', 'customer_id':
            '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'direction': 'outbound', 'id': '01932c90-1111-7000-8000-000000000001',
            'occurred_at': '2026-11-20T14:30:00Z', 'outcome': 'positive', 'satisfaction': 5, 'subject': 'Usage check',
            'summary': 'Happy with the delivery', 'touchpoint_id': None, 'updated_at': '2026-11-20T14:35:00Z', 'user_id':
            '01932c8e-0000-7000-8000-000000000001', 'version': 1, 'without_consent': False}

    Attributes:
        id (UUID):
        customer_id (UUID):
        user_id (UUID):
        channel (Channel): A way of reaching a customer.
        direction (Direction): Who reached out.
        occurred_at (datetime.datetime):
        without_consent (bool): Outbound on a channel the customer refused, or to a customer not to be contacted:
            accepted (it happened) and flagged.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        subject (None | str | Unset):
        summary (None | str | Unset):
        outcome (None | Outcome | Unset):
        satisfaction (int | None | Unset):
        touchpoint_id (None | Unset | UUID):
        customer (CustomerSummary | Unset): What a screen shows of a customer beside one of its records.
    """

    id: UUID
    customer_id: UUID
    user_id: UUID
    channel: Channel
    direction: Direction
    occurred_at: datetime.datetime
    without_consent: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    subject: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET
    outcome: None | Outcome | Unset = UNSET
    satisfaction: int | None | Unset = UNSET
    touchpoint_id: None | Unset | UUID = UNSET
    customer: CustomerSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        user_id = str(self.user_id)

        channel = self.channel.value

        direction = self.direction.value

        occurred_at = self.occurred_at.isoformat()

        without_consent = self.without_consent

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        satisfaction: int | None | Unset
        if isinstance(self.satisfaction, Unset):
            satisfaction = UNSET
        else:
            satisfaction = self.satisfaction

        touchpoint_id: None | str | Unset
        if isinstance(self.touchpoint_id, Unset):
            touchpoint_id = UNSET
        elif isinstance(self.touchpoint_id, UUID):
            touchpoint_id = str(self.touchpoint_id)
        else:
            touchpoint_id = self.touchpoint_id

        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "user_id": user_id,
                "channel": channel,
                "direction": direction,
                "occurred_at": occurred_at,
                "without_consent": without_consent,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if subject is not UNSET:
            field_dict["subject"] = subject
        if summary is not UNSET:
            field_dict["summary"] = summary
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if satisfaction is not UNSET:
            field_dict["satisfaction"] = satisfaction
        if touchpoint_id is not UNSET:
            field_dict["touchpoint_id"] = touchpoint_id
        if customer is not UNSET:
            field_dict["customer"] = customer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_summary import CustomerSummary  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        customer_id = UUID(d.pop("customer_id"))

        user_id = UUID(d.pop("user_id"))

        channel = Channel(d.pop("channel"))

        direction = Direction(d.pop("direction"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        without_consent = d.pop("without_consent")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_outcome(data: object) -> None | Outcome | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = Outcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_satisfaction(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        satisfaction = _parse_satisfaction(d.pop("satisfaction", UNSET))

        def _parse_touchpoint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                touchpoint_id_type_0 = UUID(data)

                return touchpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        touchpoint_id = _parse_touchpoint_id(d.pop("touchpoint_id", UNSET))

        _customer = d.pop("customer", UNSET)
        customer: CustomerSummary | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = CustomerSummary.from_dict(_customer)

        interaction = cls(
            id=id,
            customer_id=customer_id,
            user_id=user_id,
            channel=channel,
            direction=direction,
            occurred_at=occurred_at,
            without_consent=without_consent,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            subject=subject,
            summary=summary,
            outcome=outcome,
            satisfaction=satisfaction,
            touchpoint_id=touchpoint_id,
            customer=customer,
        )

        interaction.additional_properties = d
        return interaction

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
