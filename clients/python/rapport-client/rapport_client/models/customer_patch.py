from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.customer_status import CustomerStatus
from ..models.lifecycle_stage import LifecycleStage
from ..models.sales_stage import SalesStage
from ..models.tier import Tier
from ..models.timezone import Timezone
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent import Consent
    from ..models.contact_window import ContactWindow
    from ..models.customer_patch_attributes import CustomerPatchAttributes
    from ..models.important_date import ImportantDate


T = TypeVar("T", bound="CustomerPatch")


@_attrs_define
class CustomerPatch:
    """A partial update: absent fields stay as they are, `null` clears an optional field.

    Example:
        {'company': None, 'notes': 'Prefers calls after lunch', 'tier': 'key'}

    Attributes:
        name (str | Unset):
        company (None | str | Unset):
        gender (None | str | Unset):
        birthday (datetime.date | None | Unset):
        email (None | str | Unset):
        phone (None | str | Unset):
        industry (None | str | Unset):
        occupation (None | str | Unset):
        position (None | str | Unset):
        city (None | str | Unset):
        country (None | str | Unset):
        timezone (Timezone | Unset): IANA timezone name; `x-enum-varnames` gives each one an identifier for generated
            clients
        preferred_channel (Channel | None | Unset):
        contact_window (ContactWindow | None | Unset):
        source_channel (None | str | Unset):
        referred_by_id (None | Unset | UUID):
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact cadence.
        lifecycle_stage (LifecycleStage | Unset): Where the relationship stands.
        sales_stage (SalesStage | Unset): The selling process, so the pre-sale to after-sale hand-off is visible.
        status (CustomerStatus | Unset):
        churn_reason (None | str | Unset):
        churned_at (datetime.datetime | None | Unset): When the customer was lost, for a loss noticed late: only with
            `status` `churned`, not
            in the future; `null` (or leaving it out when the status changes) means now.
        owner_id (UUID | Unset): Managers and admins only.
        tags (list[str] | Unset): Replaces the whole tag list.
        needs (None | str | Unset):
        pain_points (None | str | Unset):
        preferences (None | str | Unset):
        personality (None | str | Unset):
        notes (None | str | Unset):
        attributes (CustomerPatchAttributes | Unset): Replaces the whole attributes object.
        important_dates (list[ImportantDate] | Unset): Replaces the whole list.
        consent (Consent | Unset): Consent by channel. Channels left out keep their state; `unknown` forgets what was
            recorded.
        do_not_contact (bool | Unset): Setting it cancels the customer's open outbound touchpoints.
        consent_source (str | Unset): Where a consent change sent here was expressed, kept in the consent history;
            defaults
            to `api`. Write-only. Example: phone call.
    """

    name: str | Unset = UNSET
    company: None | str | Unset = UNSET
    gender: None | str | Unset = UNSET
    birthday: datetime.date | None | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    industry: None | str | Unset = UNSET
    occupation: None | str | Unset = UNSET
    position: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    timezone: Timezone | Unset = UNSET
    preferred_channel: Channel | None | Unset = UNSET
    contact_window: ContactWindow | None | Unset = UNSET
    source_channel: None | str | Unset = UNSET
    referred_by_id: None | Unset | UUID = UNSET
    tier: Tier | Unset = UNSET
    lifecycle_stage: LifecycleStage | Unset = UNSET
    sales_stage: SalesStage | Unset = UNSET
    status: CustomerStatus | Unset = UNSET
    churn_reason: None | str | Unset = UNSET
    churned_at: datetime.datetime | None | Unset = UNSET
    owner_id: UUID | Unset = UNSET
    tags: list[str] | Unset = UNSET
    needs: None | str | Unset = UNSET
    pain_points: None | str | Unset = UNSET
    preferences: None | str | Unset = UNSET
    personality: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    attributes: CustomerPatchAttributes | Unset = UNSET
    important_dates: list[ImportantDate] | Unset = UNSET
    consent: Consent | Unset = UNSET
    do_not_contact: bool | Unset = UNSET
    consent_source: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_window import ContactWindow  # noqa: PLC0415

        name = self.name

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        else:
            gender = self.gender

        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        elif isinstance(self.birthday, datetime.date):
            birthday = self.birthday.isoformat()
        else:
            birthday = self.birthday

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

        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        else:
            industry = self.industry

        occupation: None | str | Unset
        if isinstance(self.occupation, Unset):
            occupation = UNSET
        else:
            occupation = self.occupation

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        timezone: str | Unset = UNSET
        if not isinstance(self.timezone, Unset):
            timezone = self.timezone.value

        preferred_channel: None | str | Unset
        if isinstance(self.preferred_channel, Unset):
            preferred_channel = UNSET
        elif isinstance(self.preferred_channel, Channel):
            preferred_channel = self.preferred_channel.value
        else:
            preferred_channel = self.preferred_channel

        contact_window: dict[str, Any] | None | Unset
        if isinstance(self.contact_window, Unset):
            contact_window = UNSET
        elif isinstance(self.contact_window, ContactWindow):
            contact_window = self.contact_window.to_dict()
        else:
            contact_window = self.contact_window

        source_channel: None | str | Unset
        if isinstance(self.source_channel, Unset):
            source_channel = UNSET
        else:
            source_channel = self.source_channel

        referred_by_id: None | str | Unset
        if isinstance(self.referred_by_id, Unset):
            referred_by_id = UNSET
        elif isinstance(self.referred_by_id, UUID):
            referred_by_id = str(self.referred_by_id)
        else:
            referred_by_id = self.referred_by_id

        tier: str | Unset = UNSET
        if not isinstance(self.tier, Unset):
            tier = self.tier.value

        lifecycle_stage: str | Unset = UNSET
        if not isinstance(self.lifecycle_stage, Unset):
            lifecycle_stage = self.lifecycle_stage.value

        sales_stage: str | Unset = UNSET
        if not isinstance(self.sales_stage, Unset):
            sales_stage = self.sales_stage.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        churn_reason: None | str | Unset
        if isinstance(self.churn_reason, Unset):
            churn_reason = UNSET
        else:
            churn_reason = self.churn_reason

        churned_at: None | str | Unset
        if isinstance(self.churned_at, Unset):
            churned_at = UNSET
        elif isinstance(self.churned_at, datetime.datetime):
            churned_at = self.churned_at.isoformat()
        else:
            churned_at = self.churned_at

        owner_id: str | Unset = UNSET
        if not isinstance(self.owner_id, Unset):
            owner_id = str(self.owner_id)

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        needs: None | str | Unset
        if isinstance(self.needs, Unset):
            needs = UNSET
        else:
            needs = self.needs

        pain_points: None | str | Unset
        if isinstance(self.pain_points, Unset):
            pain_points = UNSET
        else:
            pain_points = self.pain_points

        preferences: None | str | Unset
        if isinstance(self.preferences, Unset):
            preferences = UNSET
        else:
            preferences = self.preferences

        personality: None | str | Unset
        if isinstance(self.personality, Unset):
            personality = UNSET
        else:
            personality = self.personality

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        important_dates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.important_dates, Unset):
            important_dates = []
            for important_dates_item_data in self.important_dates:
                important_dates_item = important_dates_item_data.to_dict()
                important_dates.append(important_dates_item)

        consent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.consent, Unset):
            consent = self.consent.to_dict()

        do_not_contact = self.do_not_contact

        consent_source = self.consent_source

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if company is not UNSET:
            field_dict["company"] = company
        if gender is not UNSET:
            field_dict["gender"] = gender
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if industry is not UNSET:
            field_dict["industry"] = industry
        if occupation is not UNSET:
            field_dict["occupation"] = occupation
        if position is not UNSET:
            field_dict["position"] = position
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if preferred_channel is not UNSET:
            field_dict["preferred_channel"] = preferred_channel
        if contact_window is not UNSET:
            field_dict["contact_window"] = contact_window
        if source_channel is not UNSET:
            field_dict["source_channel"] = source_channel
        if referred_by_id is not UNSET:
            field_dict["referred_by_id"] = referred_by_id
        if tier is not UNSET:
            field_dict["tier"] = tier
        if lifecycle_stage is not UNSET:
            field_dict["lifecycle_stage"] = lifecycle_stage
        if sales_stage is not UNSET:
            field_dict["sales_stage"] = sales_stage
        if status is not UNSET:
            field_dict["status"] = status
        if churn_reason is not UNSET:
            field_dict["churn_reason"] = churn_reason
        if churned_at is not UNSET:
            field_dict["churned_at"] = churned_at
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if tags is not UNSET:
            field_dict["tags"] = tags
        if needs is not UNSET:
            field_dict["needs"] = needs
        if pain_points is not UNSET:
            field_dict["pain_points"] = pain_points
        if preferences is not UNSET:
            field_dict["preferences"] = preferences
        if personality is not UNSET:
            field_dict["personality"] = personality
        if notes is not UNSET:
            field_dict["notes"] = notes
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if important_dates is not UNSET:
            field_dict["important_dates"] = important_dates
        if consent is not UNSET:
            field_dict["consent"] = consent
        if do_not_contact is not UNSET:
            field_dict["do_not_contact"] = do_not_contact
        if consent_source is not UNSET:
            field_dict["consent_source"] = consent_source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent import Consent  # noqa: PLC0415
        from ..models.contact_window import ContactWindow  # noqa: PLC0415
        from ..models.customer_patch_attributes import CustomerPatchAttributes  # noqa: PLC0415
        from ..models.important_date import ImportantDate  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_gender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_birthday(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birthday_type_0 = datetime.date.fromisoformat(data)

                return birthday_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))

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

        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        def _parse_occupation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        occupation = _parse_occupation(d.pop("occupation", UNSET))

        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        _timezone = d.pop("timezone", UNSET)
        timezone: Timezone | Unset
        if isinstance(_timezone, Unset):
            timezone = UNSET
        else:
            timezone = Timezone(_timezone)

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

        def _parse_source_channel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_channel = _parse_source_channel(d.pop("source_channel", UNSET))

        def _parse_referred_by_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referred_by_id_type_0 = UUID(data)

                return referred_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        referred_by_id = _parse_referred_by_id(d.pop("referred_by_id", UNSET))

        _tier = d.pop("tier", UNSET)
        tier: Tier | Unset
        if isinstance(_tier, Unset):
            tier = UNSET
        else:
            tier = Tier(_tier)

        _lifecycle_stage = d.pop("lifecycle_stage", UNSET)
        lifecycle_stage: LifecycleStage | Unset
        if isinstance(_lifecycle_stage, Unset):
            lifecycle_stage = UNSET
        else:
            lifecycle_stage = LifecycleStage(_lifecycle_stage)

        _sales_stage = d.pop("sales_stage", UNSET)
        sales_stage: SalesStage | Unset
        if isinstance(_sales_stage, Unset):
            sales_stage = UNSET
        else:
            sales_stage = SalesStage(_sales_stage)

        _status = d.pop("status", UNSET)
        status: CustomerStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CustomerStatus(_status)

        def _parse_churn_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        churn_reason = _parse_churn_reason(d.pop("churn_reason", UNSET))

        def _parse_churned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                churned_at_type_0 = datetime.datetime.fromisoformat(data)

                return churned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        churned_at = _parse_churned_at(d.pop("churned_at", UNSET))

        _owner_id = d.pop("owner_id", UNSET)
        owner_id: UUID | Unset
        if isinstance(_owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = UUID(_owner_id)

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_needs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        needs = _parse_needs(d.pop("needs", UNSET))

        def _parse_pain_points(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pain_points = _parse_pain_points(d.pop("pain_points", UNSET))

        def _parse_preferences(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferences = _parse_preferences(d.pop("preferences", UNSET))

        def _parse_personality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        personality = _parse_personality(d.pop("personality", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _attributes = d.pop("attributes", UNSET)
        attributes: CustomerPatchAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = CustomerPatchAttributes.from_dict(_attributes)

        _important_dates = d.pop("important_dates", UNSET)
        important_dates: list[ImportantDate] | Unset = UNSET
        if _important_dates is not UNSET:
            important_dates = []
            for important_dates_item_data in _important_dates:
                important_dates_item = ImportantDate.from_dict(important_dates_item_data)

                important_dates.append(important_dates_item)

        _consent = d.pop("consent", UNSET)
        consent: Consent | Unset
        if isinstance(_consent, Unset):
            consent = UNSET
        else:
            consent = Consent.from_dict(_consent)

        do_not_contact = d.pop("do_not_contact", UNSET)

        consent_source = d.pop("consent_source", UNSET)

        customer_patch = cls(
            name=name,
            company=company,
            gender=gender,
            birthday=birthday,
            email=email,
            phone=phone,
            industry=industry,
            occupation=occupation,
            position=position,
            city=city,
            country=country,
            timezone=timezone,
            preferred_channel=preferred_channel,
            contact_window=contact_window,
            source_channel=source_channel,
            referred_by_id=referred_by_id,
            tier=tier,
            lifecycle_stage=lifecycle_stage,
            sales_stage=sales_stage,
            status=status,
            churn_reason=churn_reason,
            churned_at=churned_at,
            owner_id=owner_id,
            tags=tags,
            needs=needs,
            pain_points=pain_points,
            preferences=preferences,
            personality=personality,
            notes=notes,
            attributes=attributes,
            important_dates=important_dates,
            consent=consent,
            do_not_contact=do_not_contact,
            consent_source=consent_source,
        )

        return customer_patch
