//! The audit trail keeps its entries for its retention period.

use super::Pass;
use crate::domain::audit::forget_expired;

pub const PASS: Pass = Pass {
    name: "expired_audit_entries",
    description: "Forgets audit entries older than the trail's retention period",
    // Audit entries are stamped with the system clock, so their age is measured by it too.
    run: |db, options, _now| {
        Box::pin(forget_expired(
            db,
            options.audit_retention_days,
            crate::clock::system_now(),
        ))
    },
};
