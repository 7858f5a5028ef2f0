//! Duplicate pairs kept current for the customers changed since they were last compared.

use super::Pass;
use crate::domain::duplicate::find::refresh_unchecked;

/// Customers compared per run: the rest wait for the next one.
const PER_RUN: u64 = 2_000;

pub const PASS: Pass = Pass {
    name: "duplicate_candidates",
    description: "Looks for the duplicate candidates of customers whose name, email, phone, company or city changed since they were last compared",
    run: |db, _, now| Box::pin(refresh_unchecked(db, PER_RUN, now)),
};
