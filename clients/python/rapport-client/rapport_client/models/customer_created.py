from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.customer_status import CustomerStatus
from ..models.lifecycle_stage import LifecycleStage
from ..models.sales_stage import SalesStage
from ..models.tier import Tier
from ..models.timezone import Timezone
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_shown import ConsentShown
    from ..models.contact_window import ContactWindow
    from ..models.customer_attributes import CustomerAttributes
    from ..models.important_date import ImportantDate


T = TypeVar("T", bound="CustomerCreated")


@_attrs_define
class CustomerCreated:
    """A new customer, with the customers it may duplicate.

    Example:
        {'attributes': {'plan': 'enterprise'}, 'birthday': '1985-12-10', 'churn_reason': None, 'churned_at': None,
            'city': 'London', 'company': 'Analytical Engines Ltd', 'consent': {'chat': 'unknown', 'email': 'granted',
            'event': 'unknown', 'gift': 'unknown', 'letter': 'unknown', 'meeting': 'unknown', 'other': 'unknown', 'phone':
            'granted', 'sms': 'refused', 'visit': 'unknown'}, 'contact_window': {'end': '18:00', 'start': '12:00',
            'weekdays': [1, 2, 3, 4, 5]}, 'country': 'GB', 'created_at': '2026-01-15T10:00:00Z', 'do_not_contact': False,
            'email': 'ada@example.com', 'gender': None, 'id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'important_dates':
            [{'date': '2012-03-01', 'label': 'Company anniversary', 'recurring': True}], 'industry': 'engineering',
            'last_contacted_at': '2026-11-02T14:30:00Z', 'last_inbound_at': None, 'last_outbound_at':
            '2026-11-02T14:30:00Z', 'last_purchase_at': '2026-10-20T09:00:00Z', 'lifecycle_stage': 'expansion',
            'lifetime_value_currency': 'EUR', 'lifetime_value_minor': 1250000, 'name': 'Ada Lovelace', 'needs': 'Reliable
            delivery', 'next_touchpoint_due_at': '2026-11-27T12:00:00Z', 'notes': None, 'occupation': None,
            'open_complaints': 0, 'overdue_touchpoints': 0, 'owner_id': '01932c8e-0000-7000-8000-000000000001',
            'pain_points': None, 'personality': None, 'phone': '+44 20 7946 0000', 'position': 'CTO', 'possible_duplicates':
            ['01932c90-0000-7000-8000-000000000002'], 'preferences': 'Calls after lunch', 'preferred_channel': 'phone',
            'purchase_count': 3, 'referred_by_id': None, 'sales_stage': 'after_sale', 'source_channel': 'trade fair',
            'status': 'active', 'tags': ['engineering', 'vip'], 'tier': 'important', 'timezone': 'Europe/London',
            'updated_at': '2026-11-02T14:30:00Z', 'version': 4}

    Attributes:
        id (UUID):
        name (str):
        timezone (Timezone): IANA timezone name; `x-enum-varnames` gives each one an identifier for generated clients
        tier (Tier): How much and how steadily a customer buys; drives the contact cadence.
        lifecycle_stage (LifecycleStage): Where the relationship stands.
        sales_stage (SalesStage): The selling process, so the pre-sale to after-sale hand-off is visible.
        status (CustomerStatus):
        owner_id (UUID):
        tags (list[str]):
        attributes (CustomerAttributes):
        important_dates (list[ImportantDate]):
        consent (ConsentShown): Consent by channel, every channel named.
        do_not_contact (bool): No outbound contact: the cadence plans nothing and campaigns leave the customer out.
        lifetime_value_minor (int): Sum of purchases in minor units of `lifetime_value_currency`.
        purchase_count (int):
        overdue_touchpoints (int):
        open_complaints (int):
        version (int): Increases with every change; send it back in `If-Match`.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        possible_duplicates (list[UUID]): Strong duplicate candidates (score 70 or more) among the customers the caller
            can
            see, most likely first; empty when there are none.
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
        preferred_channel (Channel | None | Unset):
        contact_window (ContactWindow | None | Unset):
        source_channel (None | str | Unset):
        referred_by_id (None | Unset | UUID):
        churn_reason (None | str | Unset):
        churned_at (datetime.datetime | None | Unset):
        needs (None | str | Unset):
        pain_points (None | str | Unset):
        preferences (None | str | Unset):
        personality (None | str | Unset):
        notes (None | str | Unset):
        last_contacted_at (datetime.datetime | None | Unset):
        last_inbound_at (datetime.datetime | None | Unset):
        last_outbound_at (datetime.datetime | None | Unset):
        lifetime_value_currency (None | str | Unset):
        last_purchase_at (datetime.datetime | None | Unset):
        next_touchpoint_due_at (datetime.datetime | None | Unset):
    """

    id: UUID
    name: str
    timezone: Timezone
    tier: Tier
    lifecycle_stage: LifecycleStage
    sales_stage: SalesStage
    status: CustomerStatus
    owner_id: UUID
    tags: list[str]
    attributes: CustomerAttributes
    important_dates: list[ImportantDate]
    consent: ConsentShown
    do_not_contact: bool
    lifetime_value_minor: int
    purchase_count: int
    overdue_touchpoints: int
    open_complaints: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    possible_duplicates: list[UUID]
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
    preferred_channel: Channel | None | Unset = UNSET
    contact_window: ContactWindow | None | Unset = UNSET
    source_channel: None | str | Unset = UNSET
    referred_by_id: None | Unset | UUID = UNSET
    churn_reason: None | str | Unset = UNSET
    churned_at: datetime.datetime | None | Unset = UNSET
    needs: None | str | Unset = UNSET
    pain_points: None | str | Unset = UNSET
    preferences: None | str | Unset = UNSET
    personality: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    last_contacted_at: datetime.datetime | None | Unset = UNSET
    last_inbound_at: datetime.datetime | None | Unset = UNSET
    last_outbound_at: datetime.datetime | None | Unset = UNSET
    lifetime_value_currency: None | str | Unset = UNSET
    last_purchase_at: datetime.datetime | None | Unset = UNSET
    next_touchpoint_due_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_window import ContactWindow  # noqa: PLC0415

        id = str(self.id)

        name = self.name

        timezone = self.timezone.value

        tier = self.tier.value

        lifecycle_stage = self.lifecycle_stage.value

        sales_stage = self.sales_stage.value

        status = self.status.value

        owner_id = str(self.owner_id)

        tags = self.tags

        attributes = self.attributes.to_dict()

        important_dates = []
        for important_dates_item_data in self.important_dates:
            important_dates_item = important_dates_item_data.to_dict()
            important_dates.append(important_dates_item)

        consent = self.consent.to_dict()

        do_not_contact = self.do_not_contact

        lifetime_value_minor = self.lifetime_value_minor

        purchase_count = self.purchase_count

        overdue_touchpoints = self.overdue_touchpoints

        open_complaints = self.open_complaints

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        possible_duplicates = []
        for possible_duplicates_item_data in self.possible_duplicates:
            possible_duplicates_item = str(possible_duplicates_item_data)
            possible_duplicates.append(possible_duplicates_item)

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

        last_contacted_at: None | str | Unset
        if isinstance(self.last_contacted_at, Unset):
            last_contacted_at = UNSET
        elif isinstance(self.last_contacted_at, datetime.datetime):
            last_contacted_at = self.last_contacted_at.isoformat()
        else:
            last_contacted_at = self.last_contacted_at

        last_inbound_at: None | str | Unset
        if isinstance(self.last_inbound_at, Unset):
            last_inbound_at = UNSET
        elif isinstance(self.last_inbound_at, datetime.datetime):
            last_inbound_at = self.last_inbound_at.isoformat()
        else:
            last_inbound_at = self.last_inbound_at

        last_outbound_at: None | str | Unset
        if isinstance(self.last_outbound_at, Unset):
            last_outbound_at = UNSET
        elif isinstance(self.last_outbound_at, datetime.datetime):
            last_outbound_at = self.last_outbound_at.isoformat()
        else:
            last_outbound_at = self.last_outbound_at

        lifetime_value_currency: None | str | Unset
        if isinstance(self.lifetime_value_currency, Unset):
            lifetime_value_currency = UNSET
        else:
            lifetime_value_currency = self.lifetime_value_currency

        last_purchase_at: None | str | Unset
        if isinstance(self.last_purchase_at, Unset):
            last_purchase_at = UNSET
        elif isinstance(self.last_purchase_at, datetime.datetime):
            last_purchase_at = self.last_purchase_at.isoformat()
        else:
            last_purchase_at = self.last_purchase_at

        next_touchpoint_due_at: None | str | Unset
        if isinstance(self.next_touchpoint_due_at, Unset):
            next_touchpoint_due_at = UNSET
        elif isinstance(self.next_touchpoint_due_at, datetime.datetime):
            next_touchpoint_due_at = self.next_touchpoint_due_at.isoformat()
        else:
            next_touchpoint_due_at = self.next_touchpoint_due_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "timezone": timezone,
                "tier": tier,
                "lifecycle_stage": lifecycle_stage,
                "sales_stage": sales_stage,
                "status": status,
                "owner_id": owner_id,
                "tags": tags,
                "attributes": attributes,
                "important_dates": important_dates,
                "consent": consent,
                "do_not_contact": do_not_contact,
                "lifetime_value_minor": lifetime_value_minor,
                "purchase_count": purchase_count,
                "overdue_touchpoints": overdue_touchpoints,
                "open_complaints": open_complaints,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "possible_duplicates": possible_duplicates,
            }
        )
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
        if preferred_channel is not UNSET:
            field_dict["preferred_channel"] = preferred_channel
        if contact_window is not UNSET:
            field_dict["contact_window"] = contact_window
        if source_channel is not UNSET:
            field_dict["source_channel"] = source_channel
        if referred_by_id is not UNSET:
            field_dict["referred_by_id"] = referred_by_id
        if churn_reason is not UNSET:
            field_dict["churn_reason"] = churn_reason
        if churned_at is not UNSET:
            field_dict["churned_at"] = churned_at
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
        if last_contacted_at is not UNSET:
            field_dict["last_contacted_at"] = last_contacted_at
        if last_inbound_at is not UNSET:
            field_dict["last_inbound_at"] = last_inbound_at
        if last_outbound_at is not UNSET:
            field_dict["last_outbound_at"] = last_outbound_at
        if lifetime_value_currency is not UNSET:
            field_dict["lifetime_value_currency"] = lifetime_value_currency
        if last_purchase_at is not UNSET:
            field_dict["last_purchase_at"] = last_purchase_at
        if next_touchpoint_due_at is not UNSET:
            field_dict["next_touchpoint_due_at"] = next_touchpoint_due_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_shown import ConsentShown  # noqa: PLC0415
        from ..models.contact_window import ContactWindow  # noqa: PLC0415
        from ..models.customer_attributes import CustomerAttributes  # noqa: PLC0415
        from ..models.important_date import ImportantDate  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        timezone = Timezone(d.pop("timezone"))

        tier = Tier(d.pop("tier"))

        lifecycle_stage = LifecycleStage(d.pop("lifecycle_stage"))

        sales_stage = SalesStage(d.pop("sales_stage"))

        status = CustomerStatus(d.pop("status"))

        owner_id = UUID(d.pop("owner_id"))

        tags = cast(list[str], d.pop("tags"))

        attributes = CustomerAttributes.from_dict(d.pop("attributes"))

        important_dates = []
        _important_dates = d.pop("important_dates")
        for important_dates_item_data in _important_dates:
            important_dates_item = ImportantDate.from_dict(important_dates_item_data)

            important_dates.append(important_dates_item)

        consent = ConsentShown.from_dict(d.pop("consent"))

        do_not_contact = d.pop("do_not_contact")

        lifetime_value_minor = d.pop("lifetime_value_minor")

        purchase_count = d.pop("purchase_count")

        overdue_touchpoints = d.pop("overdue_touchpoints")

        open_complaints = d.pop("open_complaints")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        possible_duplicates = []
        _possible_duplicates = d.pop("possible_duplicates")
        for possible_duplicates_item_data in _possible_duplicates:
            possible_duplicates_item = UUID(possible_duplicates_item_data)

            possible_duplicates.append(possible_duplicates_item)

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

        def _parse_last_contacted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_contacted_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_contacted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_contacted_at = _parse_last_contacted_at(d.pop("last_contacted_at", UNSET))

        def _parse_last_inbound_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_inbound_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_inbound_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_inbound_at = _parse_last_inbound_at(d.pop("last_inbound_at", UNSET))

        def _parse_last_outbound_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_outbound_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_outbound_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_outbound_at = _parse_last_outbound_at(d.pop("last_outbound_at", UNSET))

        def _parse_lifetime_value_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lifetime_value_currency = _parse_lifetime_value_currency(d.pop("lifetime_value_currency", UNSET))

        def _parse_last_purchase_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_purchase_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_purchase_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_purchase_at = _parse_last_purchase_at(d.pop("last_purchase_at", UNSET))

        def _parse_next_touchpoint_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_touchpoint_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_touchpoint_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_touchpoint_due_at = _parse_next_touchpoint_due_at(d.pop("next_touchpoint_due_at", UNSET))

        customer_created = cls(
            id=id,
            name=name,
            timezone=timezone,
            tier=tier,
            lifecycle_stage=lifecycle_stage,
            sales_stage=sales_stage,
            status=status,
            owner_id=owner_id,
            tags=tags,
            attributes=attributes,
            important_dates=important_dates,
            consent=consent,
            do_not_contact=do_not_contact,
            lifetime_value_minor=lifetime_value_minor,
            purchase_count=purchase_count,
            overdue_touchpoints=overdue_touchpoints,
            open_complaints=open_complaints,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            possible_duplicates=possible_duplicates,
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
            preferred_channel=preferred_channel,
            contact_window=contact_window,
            source_channel=source_channel,
            referred_by_id=referred_by_id,
            churn_reason=churn_reason,
            churned_at=churned_at,
            needs=needs,
            pain_points=pain_points,
            preferences=preferences,
            personality=personality,
            notes=notes,
            last_contacted_at=last_contacted_at,
            last_inbound_at=last_inbound_at,
            last_outbound_at=last_outbound_at,
            lifetime_value_currency=lifetime_value_currency,
            last_purchase_at=last_purchase_at,
            next_touchpoint_due_at=next_touchpoint_due_at,
        )

        customer_created.additional_properties = d
        return customer_created

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
