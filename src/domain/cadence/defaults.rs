//! The playbooks of DESIGN §1, seeded on first start. Each has a stable key, so seeding can
//! tell "never seeded" from "edited" or "deleted" and never overwrites either.

use crate::model::cadence::{Purpose, Trigger};
use crate::model::customer::{Channel, Tier};

pub struct DefaultStep {
    pub offset: &'static str,
    pub channel: Channel,
    pub purpose: Purpose,
    pub title: &'static str,
}

pub struct DefaultPlaybook {
    /// Stable identity of a seeded default.
    pub key: &'static str,
    pub name: &'static str,
    pub tier: Tier,
    pub trigger: Trigger,
    pub steps: &'static [DefaultStep],
    /// Every, channel, purpose, title.
    pub recurrence: Option<DefaultStep>,
}

pub const DEFAULTS: &[DefaultPlaybook] = &[
    DefaultPlaybook {
        key: "default-general-after-purchase",
        name: "General customers after a sale",
        tier: Tier::General,
        trigger: Trigger::AfterPurchase,
        steps: &[
            DefaultStep {
                offset: "P3D",
                channel: Channel::Email,
                purpose: Purpose::ThankYou,
                title: "Thank you, and is everything working?",
            },
            DefaultStep {
                offset: "P1M",
                channel: Channel::Phone,
                purpose: Purpose::ReferralRequest,
                title: "Check in and ask for referrals",
            },
        ],
        recurrence: Some(DefaultStep {
            offset: "P3M",
            channel: Channel::Phone,
            purpose: Purpose::PeriodicCare,
            title: "Quarterly care",
        }),
    },
    DefaultPlaybook {
        key: "default-important-after-purchase",
        name: "Important customers after a sale",
        tier: Tier::Important,
        trigger: Trigger::AfterPurchase,
        steps: &[
            DefaultStep {
                offset: "PT24H",
                channel: Channel::Phone,
                purpose: Purpose::ThankYou,
                title: "Thank you within a day",
            },
            DefaultStep {
                offset: "P1W",
                channel: Channel::Phone,
                purpose: Purpose::UsageCheck,
                title: "How is it going after a week?",
            },
        ],
        recurrence: Some(DefaultStep {
            offset: "P3M",
            channel: Channel::Visit,
            purpose: Purpose::Visit,
            title: "Quarterly visit",
        }),
    },
    DefaultPlaybook {
        key: "default-key-after-purchase",
        name: "Key accounts after a sale",
        tier: Tier::Key,
        trigger: Trigger::AfterPurchase,
        steps: &[
            DefaultStep {
                offset: "P1D",
                channel: Channel::Letter,
                purpose: Purpose::ThankYou,
                title: "Handwritten thank-you",
            },
            DefaultStep {
                offset: "P2W",
                channel: Channel::Visit,
                purpose: Purpose::Visit,
                title: "Visit",
            },
        ],
        recurrence: Some(DefaultStep {
            offset: "P1M",
            channel: Channel::Phone,
            purpose: Purpose::PeriodicCare,
            title: "Monthly personal contact",
        }),
    },
];

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::domain::cadence::duration::CalendarDuration;
    use crate::domain::cadence::plan::{Reach, next_occurrence, step};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn playbook(tier: Tier) -> &'static DefaultPlaybook {
        DEFAULTS.iter().find(|p| p.tier == tier).unwrap()
    }

    /// Every default step and the first recurring occurrence, for each tier, from one sale on
    /// Friday 2026-01-30 15:00 UTC, for a customer in UTC without a window.
    #[test]
    fn every_default_step_for_every_tier() {
        let sale = at("2026-01-30T15:00:00Z");
        let reach = Reach {
            tz: chrono_tz::UTC,
            window: None,
        };
        let expected: [(Tier, &[&str], &str); 3] = [
            (
                Tier::General,
                &["2026-02-02T15:00:00Z", "2026-02-28T15:00:00Z"],
                "2026-04-30T15:00:00Z",
            ),
            (
                Tier::Important,
                &["2026-01-31T15:00:00Z", "2026-02-06T15:00:00Z"],
                "2026-04-30T15:00:00Z",
            ),
            (
                Tier::Key,
                &["2026-01-31T15:00:00Z", "2026-02-13T15:00:00Z"],
                "2026-02-28T15:00:00Z",
            ),
        ];
        for (tier, steps, first_recurring) in expected {
            let p = playbook(tier);
            let due: Vec<DateTime<Utc>> = p
                .steps
                .iter()
                .map(|s| {
                    step(
                        sale,
                        &CalendarDuration::parse(s.offset).unwrap(),
                        &reach,
                        sale,
                    )
                    .unwrap()
                    .due_at
                })
                .collect();
            let want: Vec<DateTime<Utc>> = steps.iter().map(|s| at(s)).collect();
            assert_eq!(due, want, "{tier:?}");
            let every = CalendarDuration::parse(p.recurrence.as_ref().unwrap().offset).unwrap();
            assert_eq!(
                next_occurrence(sale, &every, sale, &reach, sale),
                Some(at(first_recurring)),
                "{tier:?}"
            );
        }
    }

    #[test]
    fn one_default_per_tier_with_valid_durations() {
        for tier in Tier::ALL {
            assert_eq!(
                DEFAULTS.iter().filter(|p| p.tier == *tier).count(),
                1,
                "{tier:?}"
            );
        }
        for p in DEFAULTS {
            for s in p.steps.iter().chain(p.recurrence.as_ref()) {
                assert!(CalendarDuration::parse(s.offset).is_ok(), "{}", s.offset);
            }
        }
    }
}
