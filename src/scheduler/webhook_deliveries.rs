//! Webhook deliveries in a scheduler run: every due one is tried before the run answers, so
//! `POST /scheduler/run` and `rapport scheduler run-once` deliver what is due at their `now`.
//! The background worker (`webhook_worker`) does the same continuously.

use super::Pass;
use crate::domain::webhook::delivery::{deliver_due, forget_settled};

pub const PASS: Pass = Pass {
    name: "webhook_deliveries",
    description: "Turns new events into webhook deliveries and tries every delivery that is due",
    run: |db, options, now| Box::pin(deliver_due(db, &options.webhooks, now)),
};

pub const EXPIRED: Pass = Pass {
    name: "expired_webhook_deliveries",
    description: "Forgets delivered and failed webhook deliveries older than the feed's retention period",
    run: |db, options, now| Box::pin(forget_settled(db, options.event_retention, now)),
};
