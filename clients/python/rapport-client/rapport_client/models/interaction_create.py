from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.direction import Direction
from ..models.outcome import Outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="InteractionCreate")


@_attrs_define
class InteractionCreate:
    """
    Example:
        {'channel': 'phone', 'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'direction': 'outbound',
            'occurred_at': '2026-11-20T14:30:00Z', 'outcome': 'positive', 'satisfaction': 5, 'subject': 'Usage check',
            'summary': 'Happy with the delivery'}

    Attributes:
        customer_id (UUID):
        channel (Channel): A way of reaching a customer.
        direction (Direction): Who reached out.
        user_id (None | Unset | UUID): Who spoke with the customer; defaults to the caller. Agents log only their own.
        occurred_at (datetime.datetime | None | Unset): When it happened; defaults to now and may not be in the future.
        subject (None | str | Unset):
        summary (None | str | Unset):
        outcome (None | Outcome | Unset):
        satisfaction (int | None | Unset):
        touchpoint_id (None | Unset | UUID): The touchpoint this interaction fulfils, if any.
    """

    customer_id: UUID
    channel: Channel
    direction: Direction
    user_id: None | Unset | UUID = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    subject: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET
    outcome: None | Outcome | Unset = UNSET
    satisfaction: int | None | Unset = UNSET
    touchpoint_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        channel = self.channel.value

        direction = self.direction.value

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "channel": channel,
                "direction": direction,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        channel = Channel(d.pop("channel"))

        direction = Direction(d.pop("direction"))

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

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

        interaction_create = cls(
            customer_id=customer_id,
            channel=channel,
            direction=direction,
            user_id=user_id,
            occurred_at=occurred_at,
            subject=subject,
            summary=summary,
            outcome=outcome,
            satisfaction=satisfaction,
            touchpoint_id=touchpoint_id,
        )

        return interaction_create
