//! How an interaction went, in words every layer shares.

use crate::model::vocabulary;

vocabulary!(
    /// Who reached out.
    Direction {
        Inbound => "inbound",
        Outbound => "outbound",
    }
);

vocabulary!(
    Outcome {
        Positive => "positive",
        Neutral => "neutral",
        Negative => "negative",
        NoAnswer => "no_answer",
    }
);
