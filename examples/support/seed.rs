//! Customer rows for the benchmarks, written straight to the database (the HTTP path is
//! measured by `bench`): varied tiers, industries, plans and last contacts, no birthdays.

use chrono::{DateTime, Duration, Utc};
use entity::customers;
use sea_orm::Set;
use serde_json::json;
use uuid::Uuid;

/// The `i`th benchmark customer.
pub fn customer(i: usize, id: Uuid, owner: Uuid, now: DateTime<Utc>) -> customers::ActiveModel {
    let tiers = ["general", "important", "key"];
    let plans = ["starter", "team", "enterprise"];
    customers::ActiveModel {
        id: Set(id),
        name: Set(format!("Customer {i:07}")),
        company: Set(None),
        gender: Set(None),
        birthday: Set(None),
        birthday_mmdd: Set(None),
        email: Set(Some(format!("c{i}@example.com"))),
        phone: Set(None),
        phone_e164: Set(None),
        industry: Set(Some(
            if i.is_multiple_of(2) {
                "retail"
            } else {
                "software"
            }
            .into(),
        )),
        occupation: Set(None),
        position: Set(None),
        city: Set(None),
        country: Set(None),
        timezone: Set("UTC".into()),
        preferred_channel: Set(None),
        contact_window: Set(None),
        source_channel: Set(None),
        referred_by_id: Set(None),
        tier: Set(tiers[i % 3].into()),
        lifecycle_stage: Set("exploration".into()),
        sales_stage: Set("inquiry".into()),
        status: Set("active".into()),
        churn_reason: Set(None),
        churned_at: Set(None),
        owner_id: Set(owner),
        needs: Set(None),
        pain_points: Set(None),
        preferences: Set(None),
        personality: Set(None),
        notes: Set(None),
        attributes: Set(json!({"plan": plans[i % 3], "seats": i % 100})),
        important_dates: Set(json!([])),
        last_contacted_at: Set(Some(now - Duration::days((i % 120) as i64))),
        last_inbound_at: Set(None),
        last_outbound_at: Set(None),
        lifetime_value_minor: Set((i % 1000) as i64 * 100),
        lifetime_value_currency: Set(Some("EUR".into())),
        purchase_count: Set((i % 5) as i32),
        last_purchase_at: Set(None),
        next_touchpoint_due_at: Set(None),
        open_complaints: Set(0),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        consent: Set(serde_json::json!({})),
        do_not_contact: Set(false),
        erased_at: Set(None),
        erasure_reason: Set(None),
        company_key: Set(None),
        city_key: Set(None),
        merged_into: Set(None),
        merged_at: Set(None),
        duplicates_checked_at: Set(Some(now)),
    }
}
