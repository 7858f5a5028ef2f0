from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_window import ContactWindow


T = TypeVar("T", bound="CustomerSummary")


@_attrs_define
class CustomerSummary:
    """What a screen shows of a customer beside one of its records.

    Attributes:
        id (UUID):
        name (str):
        tier (Tier): How much and how steadily a customer buys; drives the contact cadence.
        timezone (str):
        company (None | str | Unset):
        contact_window (ContactWindow | None | Unset):
        preferred_channel (Channel | None | Unset):
        email (None | str | Unset):
        phone (None | str | Unset):
    """

    id: UUID
    name: str
    tier: Tier
    timezone: str
    company: None | str | Unset = UNSET
    contact_window: ContactWindow | None | Unset = UNSET
    preferred_channel: Channel | None | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_window import ContactWindow  # noqa: PLC0415

        id = str(self.id)

        name = self.name

        tier = self.tier.value

        timezone = self.timezone

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        contact_window: dict[str, Any] | None | Unset
        if isinstance(self.contact_window, Unset):
            contact_window = UNSET
        elif isinstance(self.contact_window, ContactWindow):
            contact_window = self.contact_window.to_dict()
        else:
            contact_window = self.contact_window

        preferred_channel: None | str | Unset
        if isinstance(self.preferred_channel, Unset):
            preferred_channel = UNSET
        elif isinstance(self.preferred_channel, Channel):
            preferred_channel = self.preferred_channel.value
        else:
            preferred_channel = self.preferred_channel

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "tier": tier,
                "timezone": timezone,
            }
        )
        if company is not UNSET:
            field_dict["company"] = company
        if contact_window is not UNSET:
            field_dict["contact_window"] = contact_window
        if preferred_channel is not UNSET:
            field_dict["preferred_channel"] = preferred_channel
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_window import ContactWindow  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        tier = Tier(d.pop("tier"))

        timezone = d.pop("timezone")

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_contact_window(data: object) -> ContactWindow | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_window_type_0 = ContactWindow.from_dict(data)

                return contact_window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactWindow | None | Unset, data)

        contact_window = _parse_contact_window(d.pop("contact_window", UNSET))

        def _parse_preferred_channel(data: object) -> Channel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preferred_channel_type_0 = Channel(data)

                return preferred_channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Channel | None | Unset, data)

        preferred_channel = _parse_preferred_channel(d.pop("preferred_channel", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        customer_summary = cls(
            id=id,
            name=name,
            tier=tier,
            timezone=timezone,
            company=company,
            contact_window=contact_window,
            preferred_channel=preferred_channel,
            email=email,
            phone=phone,
        )

        customer_summary.additional_properties = d
        return customer_summary

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
