//! Where a touchpoint stands and where it came from.

use crate::model::vocabulary;

vocabulary!(
    Status {
        Scheduled => "scheduled",
        Done => "done",
        Skipped => "skipped",
        Cancelled => "cancelled",
    }
);

vocabulary!(
    /// Where a touchpoint came from.
    Source {
        Manual => "manual",
        Playbook => "playbook",
        Birthday => "birthday",
        ImportantDate => "important_date",
        Complaint => "complaint",
    }
);
