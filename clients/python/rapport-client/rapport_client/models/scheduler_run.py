from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pass_outcome import PassOutcome


T = TypeVar("T", bound="SchedulerRun")


@_attrs_define
class SchedulerRun:
    """What a run of every pass did.

    Example:
        {'at': '2026-11-23T09:00:00Z', 'passes': [{'affected': 0, 'description': 'Applies the after-purchase playbooks
            of purchases not yet applied', 'name': 'pending_purchase_playbooks'}, {'affected': 37, 'description': 'Schedules
            birthday and important-date touchpoints coming within 30 days', 'name': 'yearly_greetings'}, {'affected': 2,
            'description': 'Escalates open complaints past their first-response or resolution deadline, once per deadline',
            'name': 'complaint_escalations'}, {'affected': 5, 'description': 'Announces touchpoints that have become overdue
            (touchpoint.overdue), once each', 'name': 'overdue_touchpoints'}, {'affected': 0, 'description': "Forgets events
            older than the feed's retention period", 'name': 'expired_events'}, {'affected': 0, 'description': "Forgets
            delivered and failed webhook deliveries older than the feed's retention period", 'name':
            'expired_webhook_deliveries'}, {'affected': 12, 'description': 'Forgets Idempotency-Key records older than 24
            hours', 'name': 'expired_idempotency_keys'}, {'affected': 0, 'description': 'Forgets sign-in throttles whose
            failures no longer count', 'name': 'expired_login_throttles'}, {'affected': 0, 'description': "Forgets audit
            entries older than the trail's retention period", 'name': 'expired_audit_entries'}, {'affected': 0,
            'description': "Erases the texts of churned customers' interactions and of closed complaints past their
            retention period", 'name': 'personal_data_retention'}, {'affected': 4, 'description': 'Looks for the duplicate
            candidates of customers whose name, email, phone, company or city changed since they were last compared',
            'name': 'duplicate_candidates'}, {'affected': 3, 'description': 'Turns new events into webhook deliveries and
            tries every delivery that is due', 'name': 'webhook_deliveries'}]}

    Attributes:
        at (datetime.datetime): The instant the run treated as now.
        passes (list[PassOutcome]):
    """

    at: datetime.datetime
    passes: list[PassOutcome]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        passes = []
        for passes_item_data in self.passes:
            passes_item = passes_item_data.to_dict()
            passes.append(passes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "passes": passes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pass_outcome import PassOutcome  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        passes = []
        _passes = d.pop("passes")
        for passes_item_data in _passes:
            passes_item = PassOutcome.from_dict(passes_item_data)

            passes.append(passes_item)

        scheduler_run = cls(
            at=at,
            passes=passes,
        )

        scheduler_run.additional_properties = d
        return scheduler_run

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
