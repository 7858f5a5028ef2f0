from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer_export_customer import CustomerExportCustomer
    from ..models.customer_export_records import CustomerExportRecords


T = TypeVar("T", bound="CustomerExport")


@_attrs_define
class CustomerExport:
    """Everything Rapport holds about one customer (`GET /customers/{id}/export`).

    Example:
        {'customer': {'id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'name': 'Ada Lovelace'}, 'exported_at':
            '2026-12-01T10:00:00Z', 'format': 'rapport.customer-export.v1', 'records': {'interactions': [{'channel':
            'phone', 'direction': 'outbound', 'id': '01932c90-0000-7000-8000-000000000001', 'summary': 'Thanked for the
            order'}], 'purchases': [{'amount_minor': 125000, 'currency': 'EUR', 'id':
            '01932c91-0000-7000-8000-000000000001'}]}}

    Attributes:
        format_ (str): `rapport.customer-export.v1`.
        exported_at (datetime.datetime):
        customer (CustomerExportCustomer): The customer as `GET /customers/{id}` shows it (a `Customer`).
        records (CustomerExportRecords): Every record linked to the customer, by table, each row with all its stored
            columns:
            `customer_tags`, `segment_members` (memberships), `consent_changes` (consent history),
            `customer_history`, `customer_handoffs`, `playbooks` (a personal plan), `purchases`,
            `interactions`, `touchpoints`, `complaints`, `complaint_events`, `domain_events`,
            `events` (the feed about the customer), `webhook_deliveries` and `webhook_attempts`.
    """

    format_: str
    exported_at: datetime.datetime
    customer: CustomerExportCustomer
    records: CustomerExportRecords
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        exported_at = self.exported_at.isoformat()

        customer = self.customer.to_dict()

        records = self.records.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "exported_at": exported_at,
                "customer": customer,
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_export_customer import CustomerExportCustomer  # noqa: PLC0415
        from ..models.customer_export_records import CustomerExportRecords  # noqa: PLC0415

        d = dict(src_dict)
        format_ = d.pop("format")

        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        customer = CustomerExportCustomer.from_dict(d.pop("customer"))

        records = CustomerExportRecords.from_dict(d.pop("records"))

        customer_export = cls(
            format_=format_,
            exported_at=exported_at,
            customer=customer,
            records=records,
        )

        customer_export.additional_properties = d
        return customer_export

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
