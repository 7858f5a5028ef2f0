//! Personal data kept no longer than configured.

use super::Pass;
use crate::domain::retention::erase_expired_texts;

pub const PASS: Pass = Pass {
    name: "personal_data_retention",
    description: "Erases the texts of churned customers' interactions and of closed complaints past their retention period",
    run: |db, options, now| Box::pin(erase_expired_texts(db, &options.text_retention, now)),
};
