//! Deadlines and escalation, as arithmetic over explicit times (no clock, no database).
//!
//! A complaint's deadlines are its `received_at` plus the severity's first-response and
//! resolution times, plus all the time it spent waiting on the customer: the clock pauses at
//! `waiting_on_customer` and both deadlines move by exactly the time waited when it resumes.
//! Escalation happens once per deadline: at the first-response deadline if still unanswered,
//! at the resolution deadline if still unresolved, and once more a whole resolution period
//! after that.

use chrono::{DateTime, Duration, Utc};
use entity::complaints;

use crate::model::complaint::ComplaintStatus;
use crate::model::error::DomainResult;
use crate::model::role::Role;
use crate::model::vocabulary;

/// The deadlines a severity sets, in minutes after receipt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub first_response_minutes: i32,
    pub resolution_minutes: i32,
}

vocabulary!(
    /// A deadline that escalates when missed.
    Deadline {
        FirstResponse => "first_response",
        Resolution => "resolution",
        /// A whole resolution period after the resolution deadline.
        ResolutionOverdue => "resolution_overdue",
    }
);

/// What the SLA rules read and write of a complaint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlaState {
    pub status: ComplaintStatus,
    pub received_at: DateTime<Utc>,
    pub first_response_due_at: DateTime<Utc>,
    pub resolution_due_at: DateTime<Utc>,
    pub first_responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub waiting_since: Option<DateTime<Utc>>,
    pub paused_seconds: i64,
    pub response_escalated: bool,
    pub resolution_escalations: i32,
}

impl SlaState {
    /// A complaint just received under `policy`.
    pub fn received(received_at: DateTime<Utc>, policy: Policy) -> Self {
        let mut state = Self {
            status: ComplaintStatus::Open,
            received_at,
            first_response_due_at: received_at,
            resolution_due_at: received_at,
            first_responded_at: None,
            resolved_at: None,
            waiting_since: None,
            paused_seconds: 0,
            response_escalated: false,
            resolution_escalations: 0,
        };
        state.apply_policy(policy);
        state
    }

    pub fn of(m: &complaints::Model) -> DomainResult<Self> {
        Ok(Self {
            status: ComplaintStatus::from_stored(&m.status)?,
            received_at: m.received_at,
            first_response_due_at: m.first_response_due_at,
            resolution_due_at: m.resolution_due_at,
            first_responded_at: m.first_responded_at,
            resolved_at: m.resolved_at,
            waiting_since: m.waiting_since,
            paused_seconds: m.paused_seconds,
            response_escalated: m.response_escalated,
            resolution_escalations: m.resolution_escalations,
        })
    }

    /// Deadlines from receipt under `policy` (a new severity, or its policy changed for this
    /// complaint), keeping the time already waited.
    pub fn apply_policy(&mut self, policy: Policy) {
        let paused = Duration::seconds(self.paused_seconds);
        self.first_response_due_at =
            self.received_at + Duration::minutes(i64::from(policy.first_response_minutes)) + paused;
        self.resolution_due_at =
            self.received_at + Duration::minutes(i64::from(policy.resolution_minutes)) + paused;
    }

    /// Stops the clock.
    pub fn pause(&mut self, now: DateTime<Utc>) {
        self.waiting_since = Some(now);
    }

    /// Restarts the clock; both deadlines move by exactly the time waited, which is returned.
    pub fn resume(&mut self, now: DateTime<Utc>) -> Duration {
        let Some(since) = self.waiting_since.take() else {
            return Duration::zero();
        };
        let waited = (now - since).max(Duration::zero());
        self.first_response_due_at += waited;
        self.resolution_due_at += waited;
        self.paused_seconds += waited.num_seconds();
        // Whole seconds are kept in `paused_seconds`; the deadlines carry the exact wait.
        waited
    }

    /// The instant the SLA clock shows: stopped while waiting on the customer.
    fn clock_at(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.waiting_since.unwrap_or(now)
    }

    /// The first response came (or, unanswered, is now) later than its deadline.
    pub fn response_breached(&self, now: DateTime<Utc>) -> bool {
        self.first_responded_at.unwrap_or(self.clock_at(now)) > self.first_response_due_at
    }

    /// The resolution came (or, unresolved, is now) later than its deadline.
    pub fn resolution_breached(&self, now: DateTime<Utc>) -> bool {
        self.resolved_at.unwrap_or(self.clock_at(now)) > self.resolution_due_at
    }

    pub fn breached(&self, now: DateTime<Utc>) -> bool {
        self.response_breached(now) || self.resolution_breached(now)
    }

    /// The resolution time the deadlines were set with.
    fn resolution_period(&self) -> Duration {
        self.resolution_due_at - self.received_at - Duration::seconds(self.paused_seconds)
    }

    /// The next deadline that would escalate, and when; none once the complaint is repaired,
    /// while the clock is paused, or when every deadline has escalated.
    pub fn next_escalation(&self) -> Option<(Deadline, DateTime<Utc>)> {
        if !self.status.clock_runs() {
            return None;
        }
        let mut pending = Vec::new();
        if !self.response_escalated
            && self.first_responded_at.is_none()
            && self.status == ComplaintStatus::Open
        {
            pending.push((Deadline::FirstResponse, self.first_response_due_at));
        }
        match self.resolution_escalations {
            0 => pending.push((Deadline::Resolution, self.resolution_due_at)),
            1 => pending.push((
                Deadline::ResolutionOverdue,
                self.resolution_due_at + self.resolution_period(),
            )),
            _ => {}
        }
        pending.into_iter().min_by_key(|(_, at)| *at)
    }

    /// Marks every deadline passed by `now` as escalated, earliest first, and returns them
    /// with the instant each fell due. Each deadline escalates once: a second call at the
    /// same `now` returns nothing.
    pub fn escalate_due(&mut self, now: DateTime<Utc>) -> Vec<(Deadline, DateTime<Utc>)> {
        let mut due = Vec::new();
        while let Some((deadline, at)) = self.next_escalation() {
            if at > now {
                break;
            }
            match deadline {
                Deadline::FirstResponse => self.response_escalated = true,
                Deadline::Resolution | Deadline::ResolutionOverdue => {
                    self.resolution_escalations += 1
                }
            }
            due.push((deadline, at));
        }
        due
    }
}

/// Who a complaint goes to when it reaches escalation `level`: a manager takes over from an
/// agent at level 1, an admin from anyone else at level 2 and beyond; `None` keeps the
/// assignee.
pub fn escalation_target(level: i32, assignee: Role) -> Option<Role> {
    match (level, assignee) {
        (..=0, _) => None,
        (1, Role::Agent | Role::Viewer) => Some(Role::Manager),
        (1, _) => None,
        (_, Role::Admin) => None,
        (_, _) => Some(Role::Admin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    const HIGH: Policy = Policy {
        first_response_minutes: 4 * 60,
        resolution_minutes: 3 * 24 * 60,
    };

    #[test]
    fn deadlines_follow_the_policy() {
        let s = SlaState::received(at("2026-11-02T10:00:00Z"), HIGH);
        assert_eq!(s.first_response_due_at, at("2026-11-02T14:00:00Z"));
        assert_eq!(s.resolution_due_at, at("2026-11-05T10:00:00Z"));
    }

    #[test]
    fn waiting_moves_both_deadlines_by_exactly_the_time_waited() {
        let mut s = SlaState::received(at("2026-11-02T10:00:00Z"), HIGH);
        s.status = ComplaintStatus::WaitingOnCustomer;
        s.pause(at("2026-11-02T12:00:00Z"));
        // While waiting, the clock shows the moment it stopped.
        assert!(!s.resolution_breached(at("2026-11-30T00:00:00Z")));
        let waited = s.resume(at("2026-11-04T12:30:00Z"));
        assert_eq!(waited, Duration::minutes(2 * 24 * 60 + 30));
        assert_eq!(s.first_response_due_at, at("2026-11-04T14:30:00Z"));
        assert_eq!(s.resolution_due_at, at("2026-11-07T10:30:00Z"));
        assert_eq!(s.paused_seconds, waited.num_seconds());
        // A new policy keeps the time waited.
        s.apply_policy(HIGH);
        assert_eq!(s.resolution_due_at, at("2026-11-07T10:30:00Z"));
    }

    #[test]
    fn breached_reads_the_answer_times_or_now() {
        let mut s = SlaState::received(at("2026-11-02T10:00:00Z"), HIGH);
        assert!(!s.breached(at("2026-11-02T13:59:00Z")));
        assert!(s.response_breached(at("2026-11-02T14:01:00Z")));
        s.first_responded_at = Some(at("2026-11-02T13:00:00Z"));
        assert!(!s.breached(at("2026-11-04T00:00:00Z")));
        assert!(s.resolution_breached(at("2026-11-05T10:00:01Z")));
        s.resolved_at = Some(at("2026-11-05T09:00:00Z"));
        assert!(!s.breached(at("2027-01-01T00:00:00Z")));
        s.first_responded_at = Some(at("2026-11-02T15:00:00Z"));
        assert!(
            s.breached(at("2027-01-01T00:00:00Z")),
            "a late answer stays late"
        );
    }

    #[test]
    fn each_deadline_escalates_once_in_order() {
        let mut s = SlaState::received(at("2026-11-02T10:00:00Z"), HIGH);
        assert_eq!(
            s.next_escalation(),
            Some((Deadline::FirstResponse, at("2026-11-02T14:00:00Z")))
        );
        assert!(s.escalate_due(at("2026-11-02T13:59:59Z")).is_empty());
        assert_eq!(
            s.escalate_due(at("2026-11-02T14:00:00Z")),
            [(Deadline::FirstResponse, at("2026-11-02T14:00:00Z"))]
        );
        assert!(s.escalate_due(at("2026-11-02T14:00:00Z")).is_empty());
        assert_eq!(
            s.next_escalation(),
            Some((Deadline::Resolution, at("2026-11-05T10:00:00Z")))
        );
        // A pass that comes late escalates every deadline it missed, each once.
        assert_eq!(
            s.escalate_due(at("2026-11-09T00:00:00Z")),
            [
                (Deadline::Resolution, at("2026-11-05T10:00:00Z")),
                (Deadline::ResolutionOverdue, at("2026-11-08T10:00:00Z"))
            ]
        );
        assert_eq!(s.next_escalation(), None);
    }

    #[test]
    fn the_second_resolution_escalation_is_one_period_later() {
        let mut s = SlaState::received(at("2026-11-02T10:00:00Z"), HIGH);
        s.status = ComplaintStatus::InProgress;
        s.first_responded_at = Some(at("2026-11-02T11:00:00Z"));
        s.resolution_escalations = 1;
        assert_eq!(
            s.next_escalation(),
            Some((Deadline::ResolutionOverdue, at("2026-11-08T10:00:00Z")))
        );
        // With time waited, the period is still the policy's.
        s.paused_seconds = 3600;
        s.resolution_due_at += Duration::hours(1);
        assert_eq!(
            s.next_escalation().map(|(_, at)| at),
            Some(at("2026-11-08T11:00:00Z"))
        );
    }

    #[test]
    fn nothing_escalates_while_waiting_or_once_repaired() {
        let mut s = SlaState::received(at("2026-11-02T10:00:00Z"), HIGH);
        for status in [
            ComplaintStatus::WaitingOnCustomer,
            ComplaintStatus::Resolved,
            ComplaintStatus::Closed,
        ] {
            s.status = status;
            assert_eq!(s.next_escalation(), None);
        }
        s.status = ComplaintStatus::Acknowledged;
        s.first_responded_at = Some(at("2026-11-02T15:00:00Z"));
        assert_eq!(
            s.next_escalation().map(|(d, _)| d),
            Some(Deadline::Resolution)
        );
    }

    #[test]
    fn agents_hand_over_to_managers_then_admins() {
        assert_eq!(escalation_target(1, Role::Agent), Some(Role::Manager));
        assert_eq!(escalation_target(1, Role::Manager), None);
        assert_eq!(escalation_target(2, Role::Agent), Some(Role::Admin));
        assert_eq!(escalation_target(2, Role::Manager), Some(Role::Admin));
        assert_eq!(escalation_target(3, Role::Admin), None);
        assert_eq!(escalation_target(0, Role::Agent), None);
    }
}
