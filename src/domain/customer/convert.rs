//! Between the stored row and the profile, and from the row to the API's customer.

use entity::customers;
use sea_orm::Set;

use super::rules::Profile;
use super::{birthday, contact};
use crate::dto::customer::Customer;
use crate::model::consent::{Consent, ConsentShown};
use crate::model::customer::{
    Channel, ContactWindow, CustomerStatus, ImportantDate, LifecycleStage, SalesStage, Tier,
};
use crate::model::error::DomainResult;

pub fn write_profile(model: &mut customers::ActiveModel, p: &Profile) {
    model.name = Set(p.name.trim().to_string());
    model.company = Set(p.company.clone());
    model.gender = Set(p.gender.clone());
    model.birthday = Set(p.birthday);
    model.birthday_mmdd = Set(p.birthday.map(birthday::month_day_key));
    model.email = Set(p.email.clone());
    model.phone = Set(p.phone.clone());
    model.phone_e164 = Set(p.phone_e164());
    model.industry = Set(p.industry.clone());
    model.occupation = Set(p.occupation.clone());
    model.position = Set(p.position.clone());
    model.city = Set(p.city.clone());
    model.city_key = Set(p.city.as_deref().and_then(contact::text_key));
    model.company_key = Set(p.company.as_deref().and_then(contact::text_key));
    model.country = Set(p.country.clone());
    model.timezone = Set(p.timezone.clone());
    model.preferred_channel = Set(p.preferred_channel.map(|c| c.as_str().to_string()));
    model.contact_window = Set(p
        .contact_window
        .as_ref()
        .and_then(|w| serde_json::to_value(w).ok()));
    model.source_channel = Set(p.source_channel.clone());
    model.referred_by_id = Set(p.referred_by_id);
    model.tier = Set(p.tier.as_str().into());
    model.lifecycle_stage = Set(p.lifecycle_stage.as_str().into());
    model.sales_stage = Set(p.sales_stage.as_str().into());
    model.status = Set(p.status.as_str().into());
    model.churn_reason = Set(p.churn_reason.clone());
    model.owner_id = Set(p.owner_id);
    model.needs = Set(p.needs.clone());
    model.pain_points = Set(p.pain_points.clone());
    model.preferences = Set(p.preferences.clone());
    model.personality = Set(p.personality.clone());
    model.notes = Set(p.notes.clone());
    model.attributes = Set(serde_json::Value::Object(p.attributes.clone()));
    model.important_dates = Set(serde_json::to_value(&p.important_dates).unwrap_or_default());
    model.consent = Set(p.consent.to_stored());
    model.do_not_contact = Set(p.do_not_contact);
}

pub fn profile_of(m: &customers::Model, tags: Vec<String>) -> DomainResult<Profile> {
    Ok(Profile {
        name: m.name.clone(),
        company: m.company.clone(),
        gender: m.gender.clone(),
        birthday: m.birthday,
        email: m.email.clone(),
        phone: m.phone.clone(),
        industry: m.industry.clone(),
        occupation: m.occupation.clone(),
        position: m.position.clone(),
        city: m.city.clone(),
        country: m.country.clone(),
        timezone: m.timezone.clone(),
        preferred_channel: m
            .preferred_channel
            .as_deref()
            .map(Channel::from_stored)
            .transpose()?,
        contact_window: m
            .contact_window
            .clone()
            .and_then(|v| serde_json::from_value::<ContactWindow>(v).ok()),
        source_channel: m.source_channel.clone(),
        referred_by_id: m.referred_by_id,
        tier: Tier::from_stored(&m.tier)?,
        lifecycle_stage: LifecycleStage::from_stored(&m.lifecycle_stage)?,
        sales_stage: SalesStage::from_stored(&m.sales_stage)?,
        status: CustomerStatus::from_stored(&m.status)?,
        churn_reason: m.churn_reason.clone(),
        churned_at: m.churned_at,
        owner_id: m.owner_id,
        tags,
        needs: m.needs.clone(),
        pain_points: m.pain_points.clone(),
        preferences: m.preferences.clone(),
        personality: m.personality.clone(),
        notes: m.notes.clone(),
        attributes: m.attributes.as_object().cloned().unwrap_or_default(),
        important_dates: serde_json::from_value::<Vec<ImportantDate>>(m.important_dates.clone())
            .unwrap_or_default(),
        consent: Consent::from_stored(&m.consent)?,
        do_not_contact: m.do_not_contact,
    })
}

/// The API's customer from its row, its tags and how many of its touchpoints are overdue
/// now (counted when read, see `store::touchpoints::overdue_count`).
pub fn to_dto(m: customers::Model, tags: Vec<String>, overdue: i64) -> DomainResult<Customer> {
    let p = profile_of(&m, tags)?;
    Ok(Customer {
        id: m.id,
        name: p.name,
        company: p.company,
        gender: p.gender,
        birthday: p.birthday,
        email: p.email,
        phone: p.phone,
        industry: p.industry,
        occupation: p.occupation,
        position: p.position,
        city: p.city,
        country: p.country,
        timezone: p.timezone,
        preferred_channel: p.preferred_channel,
        contact_window: p.contact_window,
        source_channel: p.source_channel,
        referred_by_id: p.referred_by_id,
        tier: p.tier,
        lifecycle_stage: p.lifecycle_stage,
        sales_stage: p.sales_stage,
        status: p.status,
        churn_reason: p.churn_reason,
        churned_at: m.churned_at,
        owner_id: p.owner_id,
        tags: p.tags,
        needs: p.needs,
        pain_points: p.pain_points,
        preferences: p.preferences,
        personality: p.personality,
        notes: p.notes,
        attributes: p.attributes,
        important_dates: p.important_dates,
        consent: ConsentShown(p.consent.shown()),
        do_not_contact: p.do_not_contact,
        last_contacted_at: m.last_contacted_at,
        last_inbound_at: m.last_inbound_at,
        last_outbound_at: m.last_outbound_at,
        lifetime_value_minor: m.lifetime_value_minor,
        lifetime_value_currency: m.lifetime_value_currency,
        purchase_count: m.purchase_count,
        last_purchase_at: m.last_purchase_at,
        next_touchpoint_due_at: m.next_touchpoint_due_at,
        overdue_touchpoints: i32::try_from(overdue).unwrap_or(i32::MAX),
        open_complaints: m.open_complaints,
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}
