//! The profile a customer record must satisfy, checked as a whole after a create or a patch
//! has been applied, so every invalid field is reported at once.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;
use uuid::Uuid;

use crate::dto::customer::{CustomerCreate, CustomerPatch};
use crate::dto::time;
use crate::model::consent::Consent;
use crate::model::customer::{
    Channel, ContactWindow, CustomerStatus, ImportantDate, LifecycleStage, SalesStage,
    TAG_SEPARATOR, Tier,
};
use crate::model::error::FieldCode;
use crate::model::error::FieldError;

/// Every editable field of a customer.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub name: String,
    pub company: Option<String>,
    pub gender: Option<String>,
    pub birthday: Option<NaiveDate>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub industry: Option<String>,
    pub occupation: Option<String>,
    pub position: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub timezone: String,
    pub preferred_channel: Option<Channel>,
    pub contact_window: Option<ContactWindow>,
    pub source_channel: Option<String>,
    pub referred_by_id: Option<Uuid>,
    pub tier: Tier,
    pub lifecycle_stage: LifecycleStage,
    pub sales_stage: SalesStage,
    pub status: CustomerStatus,
    pub churn_reason: Option<String>,
    /// When the customer was lost, while churned: recorded late when given, else the change.
    pub churned_at: Option<DateTime<Utc>>,
    pub owner_id: Uuid,
    pub tags: Vec<String>,
    pub needs: Option<String>,
    pub pain_points: Option<String>,
    pub preferences: Option<String>,
    pub personality: Option<String>,
    pub notes: Option<String>,
    pub attributes: serde_json::Map<String, serde_json::Value>,
    pub important_dates: Vec<ImportantDate>,
    pub consent: Consent,
    pub do_not_contact: bool,
}

impl Profile {
    /// The month-days of the important dates (one-off ones too: they are greeted on their
    /// day), each once, for the scheduler's index.
    pub fn month_days(&self) -> Vec<i32> {
        let days: BTreeSet<i32> = self
            .important_dates
            .iter()
            .map(|d| super::birthday::month_day_key(d.date))
            .collect();
        days.into_iter().collect()
    }

    pub fn from_create(c: CustomerCreate, default_owner: Uuid) -> Self {
        Self {
            name: c.name,
            company: c.company,
            gender: c.gender,
            birthday: c.birthday,
            email: c.email,
            phone: c.phone,
            industry: c.industry,
            occupation: c.occupation,
            position: c.position,
            city: c.city,
            country: c.country,
            timezone: c.timezone.unwrap_or_else(|| "UTC".into()),
            preferred_channel: c.preferred_channel,
            contact_window: c.contact_window,
            source_channel: c.source_channel,
            referred_by_id: c.referred_by_id,
            tier: c.tier.unwrap_or(Tier::General),
            lifecycle_stage: c.lifecycle_stage.unwrap_or(LifecycleStage::Exploration),
            sales_stage: c.sales_stage.unwrap_or(SalesStage::Inquiry),
            status: c.status.unwrap_or(CustomerStatus::Active),
            churn_reason: c.churn_reason,
            churned_at: c.churned_at,
            owner_id: c.owner_id.unwrap_or(default_owner),
            tags: c
                .tags
                .unwrap_or_default()
                .into_iter()
                .map(|t| t.0)
                .collect(),
            needs: c.needs,
            pain_points: c.pain_points,
            preferences: c.preferences,
            personality: c.personality,
            notes: c.notes,
            attributes: c.attributes.unwrap_or_default(),
            important_dates: c.important_dates.unwrap_or_default(),
            consent: {
                let mut consent = Consent::default();
                if let Some(given) = &c.consent {
                    consent.merge(given);
                }
                consent
            },
            do_not_contact: c.do_not_contact.unwrap_or(false),
        }
    }

    /// Applies a partial update: absent fields stay, `null` clears.
    pub fn apply(&mut self, p: CustomerPatch) {
        fn set<T>(target: &mut T, value: Option<T>) {
            if let Some(v) = value {
                *target = v;
            }
        }
        set(&mut self.name, p.name);
        set(&mut self.company, p.company);
        set(&mut self.gender, p.gender);
        set(&mut self.birthday, p.birthday);
        set(&mut self.email, p.email);
        set(&mut self.phone, p.phone);
        set(&mut self.industry, p.industry);
        set(&mut self.occupation, p.occupation);
        set(&mut self.position, p.position);
        set(&mut self.city, p.city);
        set(&mut self.country, p.country);
        set(&mut self.timezone, p.timezone);
        set(&mut self.preferred_channel, p.preferred_channel);
        set(&mut self.contact_window, p.contact_window);
        set(&mut self.source_channel, p.source_channel);
        set(&mut self.referred_by_id, p.referred_by_id);
        set(&mut self.tier, p.tier);
        set(&mut self.lifecycle_stage, p.lifecycle_stage);
        set(&mut self.sales_stage, p.sales_stage);
        set(&mut self.churn_reason, p.churn_reason);
        set(&mut self.churned_at, p.churned_at);
        set(&mut self.owner_id, p.owner_id);
        set(
            &mut self.tags,
            p.tags.map(|tags| tags.into_iter().map(|t| t.0).collect()),
        );
        set(&mut self.needs, p.needs);
        set(&mut self.pain_points, p.pain_points);
        set(&mut self.preferences, p.preferences);
        set(&mut self.personality, p.personality);
        set(&mut self.notes, p.notes);
        set(&mut self.attributes, p.attributes);
        set(&mut self.important_dates, p.important_dates);
        set(&mut self.do_not_contact, p.do_not_contact);
        if let Some(given) = &p.consent {
            self.consent.merge(given);
        }
        if let Some(status) = p.status {
            // Returning to active forgets why and when the customer was lost (the history
            // keeps both).
            if status == CustomerStatus::Active && self.status != CustomerStatus::Active {
                self.churn_reason = None;
                self.churned_at = None;
            }
            self.status = status;
        }
    }

    /// Normalises what has a canonical form: emails in lower case, tags trimmed and unique.
    pub fn normalise(&mut self) {
        if let Some(email) = self.email.as_mut() {
            *email = super::contact::normalise_email(email);
        }
        if let Some(window) = self.contact_window.as_mut() {
            window.weekdays.sort();
            window.weekdays.dedup();
        }
        // Tags are a set, kept (and read back) in order: the same tags in another order are
        // no change.
        self.tags = self
            .tags
            .iter()
            .map(|t| t.trim().to_string())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
    }

    /// Whether the two profiles agree in everything duplicates are recognised by.
    pub fn same_identity(&self, other: &Profile) -> bool {
        self.name == other.name
            && self.email == other.email
            && self.phone == other.phone
            && self.country == other.country
            && self.company == other.company
            && self.city == other.city
    }

    /// The phone in E.164, when it has one that can be read.
    pub fn phone_e164(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        super::contact::e164(phone, self.country.as_deref()).ok()
    }

    /// The phone must be readable as a number of a country whenever it, or the country it is
    /// read with, is set or changed (`before`: the profile before a change); a number stored
    /// before numbers were read is left alone until then.
    pub fn check_phone(&self, before: Option<&Profile>) -> Option<FieldError> {
        let phone = self.phone.as_deref()?;
        let unchanged = before.is_some_and(|b| b.phone == self.phone && b.country == self.country);
        if unchanged || !is_phone(phone) {
            return None;
        }
        super::contact::e164(phone, self.country.as_deref())
            .err()
            .map(|problem| FieldError::new("phone", FieldCode::InvalidFormat, problem.message()))
    }

    /// The rules the JSON schema cannot express, and those worth a clearer message.
    pub fn check(&self, now: DateTime<Utc>) -> Vec<FieldError> {
        let today = now.date_naive();
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(FieldError::new(
                "name",
                FieldCode::Blank,
                "must not be blank",
            ));
        }
        if let Some(phone) = &self.phone
            && !is_phone(phone)
        {
            errors.push(FieldError::new(
                "phone",
                FieldCode::InvalidFormat,
                "must be digits with an optional leading + and spaces, dots, dashes or parentheses",
            ));
        }
        if self.timezone.parse::<chrono_tz::Tz>().is_err() {
            errors.push(FieldError::new(
                "timezone",
                FieldCode::InvalidFormat,
                "must be an IANA timezone name such as Europe/Berlin",
            ));
        }
        if let Some(birthday) = self.birthday {
            if !time::date_in_range(&birthday) {
                errors.push(FieldError::new(
                    "birthday",
                    FieldCode::OutOfRange,
                    time::OUT_OF_RANGE,
                ));
            } else if birthday > today {
                errors.push(FieldError::new(
                    "birthday",
                    FieldCode::InFuture,
                    "must not be in the future",
                ));
            }
        }
        if let Some(window) = &self.contact_window {
            check_window(window, &mut errors);
        }
        for (i, tag) in self.tags.iter().enumerate() {
            if tag.trim().is_empty() || tag.chars().count() > 64 {
                errors.push(FieldError::new(
                    format!("tags[{i}]"),
                    FieldCode::TooLong,
                    "must be 1 to 64 characters and not blank",
                ));
            }
        }
        // The CSV export joins tags with `;`: a tag holding one would come back as two.
        if let Some(tag) = self.tags.iter().find(|t| t.contains(TAG_SEPARATOR)) {
            errors.push(FieldError::new(
                "tags",
                FieldCode::InvalidFormat,
                format!("{tag:?} contains \"{TAG_SEPARATOR}\", which separates tags in CSV files"),
            ));
        }
        if self.tags.len() > 50 {
            errors.push(FieldError::new(
                "tags",
                FieldCode::TooMany,
                "at most 50 tags",
            ));
        }
        if self.important_dates.len() > 50 {
            errors.push(FieldError::new(
                "important_dates",
                FieldCode::TooMany,
                "at most 50 dates",
            ));
        }
        for (i, date) in self.important_dates.iter().enumerate() {
            let len = date.label.chars().count();
            if date.label.trim().is_empty() || len > 100 {
                errors.push(FieldError::new(
                    format!("important_dates[{i}].label"),
                    FieldCode::TooLong,
                    "must be 1 to 100 characters and not blank",
                ));
            }
            if !time::date_in_range(&date.date) {
                errors.push(FieldError::new(
                    format!("important_dates[{i}].date"),
                    FieldCode::OutOfRange,
                    time::OUT_OF_RANGE,
                ));
            }
        }
        if let Some(at) = self.churned_at {
            if self.status != CustomerStatus::Churned {
                errors.push(FieldError::new(
                    "churned_at",
                    FieldCode::NotAllowed,
                    "only applies when status is churned",
                ));
            } else if !time::instant_in_range(&at) {
                errors.push(FieldError::new(
                    "churned_at",
                    FieldCode::OutOfRange,
                    time::OUT_OF_RANGE,
                ));
            } else if at > now + CLOCK_SKEW {
                errors.push(FieldError::new(
                    "churned_at",
                    FieldCode::InFuture,
                    "must not be in the future",
                ));
            }
        }
        if self.status == CustomerStatus::Churned
            && self
                .churn_reason
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
        {
            errors.push(FieldError::new(
                "churn_reason",
                FieldCode::Required,
                "is required when status is churned",
            ));
        }
        errors
    }
}

/// Clocks differ a little between clients and servers; this much "future" is tolerated.
const CLOCK_SKEW: chrono::Duration = chrono::Duration::minutes(2);

/// When the customer was lost: the time recorded (kept while churned, or given when the loss
/// is noticed late), else the change itself; none while active.
pub fn churned_at(profile: &Profile, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    match profile.status {
        CustomerStatus::Active => None,
        CustomerStatus::Churned => profile.churned_at.or(Some(now)),
    }
}

fn check_window(window: &ContactWindow, errors: &mut Vec<FieldError>) {
    let start = window.start_time();
    let end = window.end_time();
    if start.is_none() {
        errors.push(FieldError::new(
            "contact_window.start",
            FieldCode::InvalidFormat,
            "must be a time HH:MM",
        ));
    }
    if end.is_none() {
        errors.push(FieldError::new(
            "contact_window.end",
            FieldCode::InvalidFormat,
            "must be a time HH:MM",
        ));
    }
    if start.is_some() && start == end {
        errors.push(FieldError::new(
            "contact_window.end",
            FieldCode::Conflict,
            "must differ from start",
        ));
    }
    if window.weekdays.is_empty() {
        errors.push(FieldError::new(
            "contact_window.weekdays",
            FieldCode::TooMany,
            "must list at least one weekday",
        ));
    }
}

/// Mirrors `PHONE_PATTERN`: optional `+`, a digit, then 2–30 digits or separators.
pub fn is_phone(value: &str) -> bool {
    let rest = value.strip_prefix('+').unwrap_or(value);
    let mut chars = rest.chars();
    let first_is_digit = chars.next().is_some_and(|c| c.is_ascii_digit());
    let tail: Vec<char> = chars.collect();
    first_is_digit
        && (2..=30).contains(&tail.len())
        && tail
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        let create: CustomerCreate =
            serde_json::from_value(serde_json::json!({"name": "Ada"})).unwrap();
        Profile::from_create(create, Uuid::now_v7())
    }

    fn today() -> DateTime<Utc> {
        "2026-11-22T12:00:00Z".parse().unwrap()
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn defaults_are_valid() {
        let p = profile();
        assert_eq!(p.timezone, "UTC");
        assert_eq!(p.tier, Tier::General);
        assert!(p.check(today()).is_empty());
    }

    #[test]
    fn every_broken_rule_is_reported() {
        let mut p = profile();
        p.name = "  ".into();
        p.phone = Some("call me".into());
        p.timezone = "Mars/Olympus".into();
        p.birthday = Some("2030-01-01".parse().unwrap());
        p.status = CustomerStatus::Churned;
        p.contact_window = Some(ContactWindow {
            weekdays: vec![],
            start: "09:00".into(),
            end: "09:00".into(),
        });
        assert_eq!(
            fields(p.check(today())),
            vec![
                "name",
                "phone",
                "timezone",
                "birthday",
                "contact_window.end",
                "contact_window.weekdays",
                "churn_reason"
            ]
        );
    }

    #[test]
    fn phone_shapes() {
        assert!(is_phone("+49 (30) 1234-5678"));
        assert!(is_phone("555"));
        assert!(!is_phone("+"));
        assert!(!is_phone("12"));
        assert!(!is_phone("-123"));
        assert!(!is_phone("12a45"));
    }

    #[test]
    fn patch_keeps_absent_fields_and_clears_nulls() {
        let mut p = profile();
        p.company = Some("Acme".into());
        p.city = Some("Berlin".into());
        let patch: CustomerPatch =
            serde_json::from_value(serde_json::json!({"company": null, "tier": "key"})).unwrap();
        p.apply(patch);
        assert_eq!(p.company, None);
        assert_eq!(p.city.as_deref(), Some("Berlin"));
        assert_eq!(p.tier, Tier::Key);
    }

    #[test]
    fn churn_time_follows_status() {
        let now: DateTime<Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
        let earlier: DateTime<Utc> = "2026-10-01T10:00:00Z".parse().unwrap();
        let mut p = profile();
        p.status = CustomerStatus::Churned;
        p.churn_reason = Some("moved".into());
        assert_eq!(churned_at(&p, now), Some(now));
        p.churned_at = Some(earlier);
        assert_eq!(churned_at(&p, now), Some(earlier));
        assert!(p.check(now).is_empty());
        p.churned_at = Some(now + chrono::Duration::hours(1));
        assert_eq!(fields(p.check(now)), ["churned_at"]);
        let back: CustomerPatch =
            serde_json::from_value(serde_json::json!({"status": "active"})).unwrap();
        p.apply(back);
        assert_eq!((p.churned_at, churned_at(&p, now)), (None, None));
        p.churned_at = Some(earlier);
        assert_eq!(fields(p.check(now)), ["churned_at"]);
    }

    #[test]
    fn tags_are_trimmed_unique_and_in_order() {
        let mut p = profile();
        p.tags = vec![" vip".into(), "vip".into(), "new".into()];
        p.email = Some("Ada@Example.COM".into());
        p.normalise();
        assert_eq!(p.tags, vec!["new", "vip"]);
        assert_eq!(p.email.as_deref(), Some("ada@example.com"));
    }
}
