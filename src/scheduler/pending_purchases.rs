//! Purchases whose `after_purchase` event was never applied get their playbook touchpoints.

use super::Pass;
use crate::domain::purchase::apply_pending;

/// Events applied per run at most; the next run goes on.
const PER_RUN: u64 = 1000;

pub const PASS: Pass = Pass {
    name: "pending_purchase_playbooks",
    description: "Applies the after-purchase playbooks of purchases not yet applied",
    run: |db, _, now| Box::pin(apply_pending(db, now, PER_RUN)),
};
