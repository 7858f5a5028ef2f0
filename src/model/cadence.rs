//! Why a touchpoint exists and what starts a playbook.

use crate::model::vocabulary;

vocabulary!(
    /// Why a touchpoint exists.
    Purpose {
        ThankYou => "thank_you",
        UsageCheck => "usage_check",
        ReferralRequest => "referral_request",
        PeriodicCare => "periodic_care",
        Visit => "visit",
        Birthday => "birthday",
        ImportantDate => "important_date",
        Holiday => "holiday",
        ComplaintFollowUp => "complaint_follow_up",
        Custom => "custom",
    }
);

vocabulary!(
    /// What starts a playbook.
    Trigger {
        AfterPurchase => "after_purchase",
        CustomerCreated => "customer_created",
        ComplaintResolved => "complaint_resolved",
    }
);
