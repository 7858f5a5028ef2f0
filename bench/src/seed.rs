//! The data set: written straight into the service's own schema (migrated by the service's
//! own code) with multi-row inserts, several batches at once. Every derived figure a customer
//! row keeps (contact times, value, next touchpoint, open complaints) agrees with the records
//! written beside it, as the service would have left it.

use std::time::{Duration as Elapsed, Instant};

use chrono::{DateTime, Duration, Utc};
use entity::{complaints, customer_tags, customers, interactions, playbooks, purchases};
use entity::{touchpoints, users};
use rapport::domain::complaint::row::set_sla;
use rapport::domain::complaint::sla::{Policy, SlaState};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use tokio::task::JoinSet;
use uuid::Uuid;

/// The password of every seeded user.
pub const PASSWORD: &str = "bench-password-123";
pub const ADMIN_EMAIL: &str = "bench-admin@example.com";
pub const OWNERS: usize = 20;
const INTERACTIONS: usize = 5;
const PURCHASES: usize = 2;
/// Customers written per batch: the customer rows of one batch are one statement (SQLite
/// takes at most 32,766 parameters a statement).
const BATCH: usize = 400;
/// Batches written at once.
const WRITERS: usize = 4;

pub fn agent_email(k: usize) -> String {
    format!("agent{k}@bench.example")
}

pub struct Seeded {
    pub owners: Vec<Uuid>,
    /// A sample of customer ids, for the scenarios to pick from.
    pub sample: Vec<Uuid>,
    pub elapsed: Elapsed,
}

/// Writes `total` customers with their records, owned by 20 agents.
pub async fn seed(
    db: &DatabaseConnection,
    total: usize,
    now: DateTime<Utc>,
) -> Result<Seeded, String> {
    let started = Instant::now();
    let hash = rapport::domain::password::hash(PASSWORD)?;
    let owners = agents(db, &hash, now).await?;
    let playbook = tier_playbooks(db).await?;
    let mut jobs = JoinSet::new();
    let mut starts = (0..total).step_by(BATCH);
    let mut sample = Vec::new();
    loop {
        while jobs.len() < WRITERS {
            let Some(start) = starts.next() else { break };
            let batch = Batch::new(start, (start + BATCH).min(total), &owners, &playbook, now);
            sample.extend(batch.customers.iter().step_by(37).map(id_of));
            let db = db.clone();
            jobs.spawn(async move { batch.write(&db).await });
        }
        match jobs.join_next().await {
            Some(done) => done.map_err(|e| e.to_string())??,
            None => break,
        }
    }
    sample.truncate(5_000);
    Ok(Seeded {
        owners,
        sample,
        elapsed: started.elapsed(),
    })
}

fn id_of(row: &customers::ActiveModel) -> Uuid {
    match &row.id {
        sea_orm::ActiveValue::Set(id) | sea_orm::ActiveValue::Unchanged(id) => *id,
        sea_orm::ActiveValue::NotSet => Uuid::nil(),
    }
}

async fn agents(
    db: &DatabaseConnection,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>, String> {
    let mut ids = Vec::new();
    for k in 0..OWNERS {
        let id = Uuid::now_v7();
        users::ActiveModel {
            id: Set(id),
            email: Set(agent_email(k)),
            name: Set(format!("Agent {k}")),
            role: Set("agent".into()),
            active: Set(true),
            password_hash: Set(hash.to_string()),
            version: Set(1),
            token_version: Set(0),
            timezone: Set("Europe/Berlin".into()),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await
        .map_err(|e| e.to_string())?;
        ids.push(id);
    }
    Ok(ids)
}

/// The seeded default playbook of each tier (general, important, key).
async fn tier_playbooks(db: &DatabaseConnection) -> Result<[Option<Uuid>; 3], String> {
    let mut out = [None; 3];
    for (slot, tier) in TIERS.iter().enumerate() {
        out[slot] = playbooks::Entity::find()
            .filter(playbooks::Column::Tier.eq(*tier))
            .order_by_asc(playbooks::Column::CreatedAt)
            .one(db)
            .await
            .map_err(|e| e.to_string())?
            .map(|p| p.id);
    }
    Ok(out)
}

const TIERS: [&str; 3] = ["general", "important", "key"];
const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ra", "sen", "tor", "vi", "bel", "dan", "el", "fa", "gor", "hal", "in", "jo",
    "kes", "lan", "mar", "no", "pe", "ri", "sa", "tu", "wen",
];

/// A fixed pseudo-random number for `i` and `salt`.
fn mix(i: usize, salt: u64) -> u64 {
    let mut x = (i as u64) ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn word(mut seed: u64, n: usize) -> String {
    let mut out = String::new();
    for _ in 0..n {
        out.push_str(SYLLABLES[(seed % 24) as usize]);
        seed /= 24;
    }
    let mut chars = out.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// One of 200 given names and 5,000 surnames.
pub fn name_of(i: usize) -> String {
    let r = mix(i, 1);
    format!(
        "{} {}",
        word(r % 200 + 24, 2),
        word((r / 200) % 5_000 + 600, 3)
    )
}

/// A surname fragment as a user would type it into a search box.
pub fn search_term(i: usize) -> String {
    let name = name_of(i);
    let surname = name.split(' ').nth(1).unwrap_or("ka").to_lowercase();
    surname.chars().take(5).collect()
}

/// The tier of the `i`th customer: 70% general, 25% important, 5% key.
fn tier_of(i: usize) -> usize {
    match mix(i, 2) % 100 {
        0..70 => 0,
        70..95 => 1,
        _ => 2,
    }
}

struct Batch {
    customers: Vec<customers::ActiveModel>,
    tags: Vec<customer_tags::ActiveModel>,
    interactions: Vec<interactions::ActiveModel>,
    purchases: Vec<purchases::ActiveModel>,
    touchpoints: Vec<touchpoints::ActiveModel>,
    complaints: Vec<complaints::ActiveModel>,
}

impl Batch {
    fn new(
        from: usize,
        to: usize,
        owners: &[Uuid],
        playbook: &[Option<Uuid>; 3],
        now: DateTime<Utc>,
    ) -> Self {
        let mut b = Batch {
            customers: Vec::new(),
            tags: Vec::new(),
            interactions: Vec::new(),
            purchases: Vec::new(),
            touchpoints: Vec::new(),
            complaints: Vec::new(),
        };
        for i in from..to {
            b.add(i, owners[i % owners.len()], playbook, now);
        }
        b
    }

    fn add(&mut self, i: usize, owner: Uuid, playbook: &[Option<Uuid>; 3], now: DateTime<Utc>) {
        let id = Uuid::now_v7();
        let tier = tier_of(i);
        let r = mix(i, 3);
        let mut row = customer(i, id, owner, TIERS[tier], now);

        // Five contacts, the newest 0–119 days ago, each older one a month or two before.
        let mut at = now - Duration::days((r % 120) as i64) - Duration::minutes((r % 600) as i64);
        let (mut inbound, mut outbound) = (None, None);
        for k in 0..INTERACTIONS {
            let direction = if (r >> k) & 1 == 0 {
                "outbound"
            } else {
                "inbound"
            };
            if direction == "inbound" {
                inbound = inbound.or(Some(at));
            } else {
                outbound = outbound.or(Some(at));
            }
            self.interactions.push(interactions::ActiveModel {
                id: Set(Uuid::now_v7()),
                customer_id: Set(id),
                user_id: Set(owner),
                channel: Set(["phone", "email", "meeting", "chat"][(r as usize + k) % 4].into()),
                direction: Set(direction.into()),
                occurred_at: Set(at),
                subject: Set(Some(format!("Contact {k}"))),
                summary: Set(Some(
                    "Talked about the next order and how the team uses it".into(),
                )),
                outcome: Set(Some(
                    ["positive", "neutral", "negative"][(r as usize + k) % 3].into(),
                )),
                satisfaction: Set((r as usize + k)
                    .is_multiple_of(2)
                    .then_some(((r as i32 + k as i32) % 5) + 1)),
                touchpoint_id: Set(None),
                without_consent: Set(false),
                version: Set(1),
                created_at: Set(at),
                updated_at: Set(at),
            });
            at -= Duration::days(30 + ((r >> (8 + k)) % 30) as i64);
        }
        row.last_contacted_at = Set(Some(
            now - Duration::days((r % 120) as i64) - Duration::minutes((r % 600) as i64),
        ));
        row.last_inbound_at = Set(inbound);
        row.last_outbound_at = Set(outbound);

        // Two purchases, about seven and one months ago.
        let mut value = 0;
        let mut last = None;
        for k in 0..PURCHASES {
            let amount = ((mix(i, 10 + k as u64) % 2_000) as i64 + 10) * 100;
            let occurred = now - Duration::days(if k == 0 { 210 } else { 30 } + (r % 20) as i64);
            value += amount;
            last = Some(occurred);
            self.purchases.push(purchases::ActiveModel {
                id: Set(Uuid::now_v7()),
                customer_id: Set(id),
                amount_minor: Set(amount),
                currency: Set("EUR".into()),
                occurred_at: Set(occurred),
                description: Set(Some("Licence".into())),
                created_by: Set(owner),
                version: Set(1),
                created_at: Set(occurred),
            });
        }
        row.lifetime_value_minor = Set(value);
        row.lifetime_value_currency = Set(Some("EUR".into()));
        row.purchase_count = Set(PURCHASES as i32);
        row.last_purchase_at = Set(last);

        // The tier's cadence: the next check-in, due from five days ago to 55 days ahead.
        let due =
            now + Duration::days((r % 60) as i64 - 5) + Duration::hours(((r >> 6) % 8) as i64);
        self.touchpoints.push(touchpoints::ActiveModel {
            id: Set(Uuid::now_v7()),
            customer_id: Set(id),
            assignee_id: Set(owner),
            due_at: Set(due),
            channel: Set("phone".into()),
            purpose: Set("periodic_care".into()),
            title: Set("Check in".into()),
            notes: Set(None),
            status: Set("scheduled".into()),
            source: Set(if playbook[tier].is_some() {
                "playbook"
            } else {
                "manual"
            }
            .into()),
            playbook_id: Set(playbook[tier]),
            occurrence_key: Set(playbook[tier].map(|p| format!("bench:{p}:{id}"))),
            series_anchor_at: Set(None),
            completed_at: Set(None),
            interaction_id: Set(None),
            skip_reason: Set(None),
            complaint_id: Set(None),
            overdue_noted: Set(false),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        });
        row.next_touchpoint_due_at = Set(Some(due));

        // One customer in a hundred has an open complaint.
        if i % 100 == 7 {
            self.complaints.push(complaint(
                id,
                owner,
                now - Duration::hours((r % 48) as i64),
                now,
            ));
            row.open_complaints = Set(1);
        }
        for (n, tag) in ["vip", "newsletter", "do-not-call"].iter().enumerate() {
            if (r >> (20 + n * 3)).is_multiple_of(5) {
                self.tags.push(customer_tags::ActiveModel {
                    customer_id: Set(id),
                    tag: Set((*tag).into()),
                });
            }
        }
        self.customers.push(row);
    }

    async fn write(self, db: &DatabaseConnection) -> Result<(), String> {
        insert(db, self.customers, BATCH).await?;
        insert(db, self.tags, 2_000).await?;
        insert(db, self.interactions, 1_000).await?;
        insert(db, self.purchases, 2_000).await?;
        insert(db, self.touchpoints, 1_000).await?;
        insert(db, self.complaints, 500).await
    }
}

async fn insert<A>(db: &DatabaseConnection, rows: Vec<A>, per: usize) -> Result<(), String>
where
    A: sea_orm::ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per).collect();
        <A::Entity as EntityTrait>::insert_many(chunk)
            .exec_without_returning(db)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn customer(
    i: usize,
    id: Uuid,
    owner: Uuid,
    tier: &str,
    now: DateTime<Utc>,
) -> customers::ActiveModel {
    let r = mix(i, 4);
    let plans = ["starter", "team", "enterprise"];
    let company = format!("Company {}", r % 5_000);
    let city = ["Berlin", "Hamburg", "Munich", "Cologne", "Vienna", "Zurich"][(r % 6) as usize];
    let phone = format!("+4930{:08}", i);
    let created = now - Duration::days(120 + (r % 900) as i64);
    customers::ActiveModel {
        id: Set(id),
        name: Set(name_of(i)),
        company_key: Set(Some(company.to_lowercase())),
        company: Set(Some(company)),
        gender: Set(None),
        birthday: Set(None),
        birthday_mmdd: Set(None),
        email: Set(Some(format!("c{i}@bench.example"))),
        phone: Set(Some(phone.clone())),
        phone_e164: Set(Some(phone)),
        industry: Set(Some(
            ["retail", "software", "logistics", "health"][(r % 4) as usize].into(),
        )),
        occupation: Set(None),
        position: Set(Some("Purchasing".into())),
        city_key: Set(Some(city.to_lowercase())),
        city: Set(Some(city.into())),
        country: Set(Some("DE".into())),
        timezone: Set("Europe/Berlin".into()),
        preferred_channel: Set(Some("phone".into())),
        contact_window: Set(None),
        source_channel: Set(Some("referral".into())),
        referred_by_id: Set(None),
        tier: Set(tier.into()),
        lifecycle_stage: Set("expansion".into()),
        sales_stage: Set("after_sale".into()),
        status: Set("active".into()),
        churn_reason: Set(None),
        churned_at: Set(None),
        owner_id: Set(owner),
        needs: Set(Some("Faster delivery".into())),
        pain_points: Set(None),
        preferences: Set(None),
        personality: Set(None),
        notes: Set(None),
        attributes: Set(json!({"plan": plans[(r % 3) as usize], "seats": r % 200})),
        important_dates: Set(json!([])),
        last_contacted_at: Set(None),
        last_inbound_at: Set(None),
        last_outbound_at: Set(None),
        lifetime_value_minor: Set(0),
        lifetime_value_currency: Set(None),
        purchase_count: Set(0),
        last_purchase_at: Set(None),
        next_touchpoint_due_at: Set(None),
        open_complaints: Set(0),
        version: Set(1),
        created_at: Set(created),
        updated_at: Set(created),
        deleted_at: Set(None),
        consent: Set(json!({})),
        do_not_contact: Set(false),
        erased_at: Set(None),
        erasure_reason: Set(None),
        merged_into: Set(None),
        merged_at: Set(None),
        duplicates_checked_at: Set(Some(now)),
    }
}

fn complaint(
    customer: Uuid,
    owner: Uuid,
    received: DateTime<Utc>,
    now: DateTime<Utc>,
) -> complaints::ActiveModel {
    let policy = Policy {
        first_response_minutes: 24 * 60,
        resolution_minutes: 7 * 24 * 60,
    };
    let mut row = complaints::ActiveModel {
        id: Set(Uuid::now_v7()),
        customer_id: Set(customer),
        kind: Set("complaint".into()),
        category: Set("delivery".into()),
        severity: Set("medium".into()),
        subject: Set("Late delivery".into()),
        description: Set(Some("The last order arrived a week late".into())),
        channel: Set(Some("phone".into())),
        received_at: Set(received),
        assignee_id: Set(owner),
        remediation_plan: Set(None),
        resolution: Set(None),
        satisfaction_after: Set(None),
        escalation_level: Set(0),
        closed_at: Set(None),
        version: Set(1),
        created_at: Set(received),
        updated_at: Set(now),
        ..Default::default()
    };
    set_sla(&mut row, &SlaState::received(received, policy));
    row
}
