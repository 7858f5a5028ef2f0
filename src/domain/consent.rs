//! Consent obeyed: what a customer agreed to decides where planned contact goes. A playbook
//! step or greeting on a refused channel moves to the customer's preferred allowed channel (or
//! one the customer granted), or is recorded `skipped` with `no consent for <channel>`; a
//! customer marked `do_not_contact` gets nothing planned and loses its open outbound
//! touchpoints. Follow-ups of a complaint stay: the customer asked for the repair. Lower tier:
//! callers hold the customer's row lock.

use chrono::{DateTime, Utc};
use entity::{consent_changes, customers};
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use uuid::Uuid;

use crate::domain::customer::guard::visible_customer;
use crate::domain::customer::records;
use crate::domain::customer::rules::Profile;
use crate::domain::page::{TimeCursor, keyset};
use crate::domain::touchpoint::row::announce;
use crate::dto::page::{Page, PageQuery};
use crate::dto::relationship::ConsentChange;
use crate::model::consent::Consent;
use crate::model::customer::Channel;
use crate::model::error::DomainResult;
use crate::model::role::{Actor, ActorRef, ActorType};
use crate::model::touchpoint::{Source, Status};
use crate::store;

/// The source recorded when a caller names none.
pub const DEFAULT_SOURCE: &str = "api";
/// Why open touchpoints of a customer not to be contacted were cancelled.
pub const DO_NOT_CONTACT_REASON: &str = "do not contact";

/// The touchpoints that reach out to the customer unasked: all but complaint follow-ups.
pub const OUTBOUND: [Source; 4] = [
    Source::Manual,
    Source::Playbook,
    Source::Birthday,
    Source::ImportantDate,
];

/// Why nothing may be planned on `channel`.
pub fn no_consent_reason(channel: Channel) -> String {
    format!("no consent for {}", channel.as_str())
}

/// Where contact the cadence plans for a customer may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contact {
    /// On this channel (the one planned, or where a refused one moved).
    Via(Channel),
    /// The customer refused the planned channel and allows no other: record it skipped.
    Refused(Channel),
    /// The customer is not to be contacted: plan nothing.
    Never,
}

/// Consent and the flag as stored on the customer row.
pub fn of_row(customer: &customers::Model) -> DomainResult<(Consent, bool)> {
    Ok((
        Consent::from_stored(&customer.consent)?,
        customer.do_not_contact,
    ))
}

/// Where outbound contact planned on `channel` for `customer` goes.
pub fn contact(customer: &customers::Model, channel: Channel) -> DomainResult<Contact> {
    let (consent, never) = of_row(customer)?;
    if never {
        return Ok(Contact::Never);
    }
    let preferred = customer
        .preferred_channel
        .as_deref()
        .and_then(Channel::from_name);
    Ok(match consent.route(channel, preferred) {
        Some(via) => Contact::Via(via),
        None => Contact::Refused(channel),
    })
}

/// True when an outbound interaction on `channel` went against what the customer said.
pub fn against_consent(customer: &customers::Model, channel: Channel) -> DomainResult<bool> {
    let (consent, never) = of_row(customer)?;
    Ok(never || !consent.allows(channel))
}

/// The history rows of a change from `before` to `after` (none when consent did not change).
pub fn change_rows(
    customer_id: Uuid,
    before: Option<&Profile>,
    after: &Profile,
    source: Option<&str>,
    actor: Option<ActorRef>,
    now: DateTime<Utc>,
) -> Vec<consent_changes::ActiveModel> {
    let empty = Consent::default();
    let old = before.map_or(&empty, |p| &p.consent);
    let source = Some(source.unwrap_or(DEFAULT_SOURCE).to_string());
    let row = |channel: Option<Channel>, state: Option<&str>, flag: Option<bool>| {
        consent_changes::ActiveModel {
            id: Set(Uuid::now_v7()),
            customer_id: Set(customer_id),
            channel: Set(channel.map(|c| c.as_str().to_string())),
            state: Set(state.map(str::to_string)),
            do_not_contact: Set(flag),
            source: Set(source.clone()),
            actor_type: Set(actor.map_or(ActorType::System, |a| a.kind).as_str().into()),
            actor_id: Set(actor.map(|a| a.id)),
            changed_at: Set(now),
        }
    };
    let mut rows: Vec<_> = old
        .changes(&after.consent)
        .into_iter()
        .map(|(channel, state)| row(Some(channel), Some(state.as_str()), None))
        .collect();
    if before.map_or(after.do_not_contact, |b| {
        b.do_not_contact != after.do_not_contact
    }) {
        rows.push(row(None, None, Some(after.do_not_contact)));
    }
    rows
}

/// Writes the consent history of a change and applies it to the customer's open work: set
/// `do_not_contact` cancels every open outbound touchpoint; a newly refused channel moves its
/// open outbound touchpoints to an allowed one, or cancels them. Returns how many changed.
pub async fn on_change(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    before: &Profile,
    after: &Profile,
    source: Option<&str>,
    actor: Option<ActorRef>,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let rows = change_rows(customer.id, Some(before), after, source, actor, now);
    if rows.is_empty() {
        return Ok(0);
    }
    store::consent::insert_all(tx, rows).await?;
    let mut changed = 0;
    if after.do_not_contact {
        let open = store::touchpoints::open_from(tx, customer.id, &OUTBOUND).await?;
        changed += store::touchpoints::close_many(
            tx,
            &open,
            Status::Cancelled,
            Some(DO_NOT_CONTACT_REASON),
            now,
        )
        .await?;
        announce(tx, actor, &open, now).await?;
    } else {
        let refused: Vec<Channel> = before
            .consent
            .changes(&after.consent)
            .into_iter()
            .filter(|(c, _)| !after.consent.allows(*c))
            .map(|(c, _)| c)
            .collect();
        for channel in refused {
            let open = store::touchpoints::open_on(tx, customer.id, &OUTBOUND, &[channel.as_str()])
                .await?;
            let ids: Vec<Uuid> = open.iter().map(|t| t.id).collect();
            changed += match after.consent.route(channel, after.preferred_channel) {
                Some(via) => store::touchpoints::set_channel(tx, &ids, via.as_str(), now).await?,
                None => {
                    let reason = no_consent_reason(channel);
                    store::touchpoints::close_many(tx, &ids, Status::Cancelled, Some(&reason), now)
                        .await?
                }
            };
            announce(tx, actor, &ids, now).await?;
        }
    }
    if changed > 0 {
        records::refresh_derived(tx, customer.id).await?;
    }
    Ok(changed)
}

/// `GET /customers/{id}/consent-history`: oldest first.
pub async fn history(
    db: &DatabaseConnection,
    actor: &Actor,
    customer_id: Uuid,
    page: PageQuery,
) -> DomainResult<Page<ConsentChange>> {
    visible_customer(db, actor, customer_id).await?;
    let page = page.request::<TimeCursor>()?;
    let after = page.after.map(TimeCursor::bound);
    let rows = store::consent::changes(db, customer_id, after, page.limit).await?;
    keyset(rows, |r| TimeCursor {
        at: r.changed_at,
        id: r.id,
    })
    .try_map(ConsentChange::try_from)
}
