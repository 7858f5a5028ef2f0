//! The repair workflow as data: one table of permitted transitions, from which both the
//! check and the 409's list of allowed targets are read.

use crate::model::complaint::ComplaintStatus::{self, *};

/// Every permitted `(from, to)`, written once.
const TRANSITIONS: &[(ComplaintStatus, ComplaintStatus)] = &[
    (Open, Acknowledged),
    (Acknowledged, InProgress),
    (InProgress, WaitingOnCustomer),
    (WaitingOnCustomer, InProgress),
    (InProgress, Resolved),
    (Resolved, Closed),
    (Resolved, Reopened),
    (Reopened, InProgress),
];

/// The states a complaint in `from` may move to, in the table's order.
pub fn allowed_from(from: ComplaintStatus) -> Vec<ComplaintStatus> {
    TRANSITIONS
        .iter()
        .filter(|(f, _)| *f == from)
        .map(|(_, t)| *t)
        .collect()
}

/// `to` when the workflow permits it, else the targets it would have permitted.
pub fn transition(
    from: ComplaintStatus,
    to: ComplaintStatus,
) -> Result<ComplaintStatus, Vec<ComplaintStatus>> {
    if TRANSITIONS.contains(&(from, to)) {
        Ok(to)
    } else {
        Err(allowed_from(from))
    }
}

impl ComplaintStatus {
    /// The SLA clock runs: open, and not waiting on the customer.
    pub fn clock_runs(self) -> bool {
        self.is_open() && self != WaitingOnCustomer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_is_permitted_exactly_when_the_table_says() {
        let expected: &[(ComplaintStatus, &[ComplaintStatus])] = &[
            (Open, &[Acknowledged]),
            (Acknowledged, &[InProgress]),
            (InProgress, &[WaitingOnCustomer, Resolved]),
            (WaitingOnCustomer, &[InProgress]),
            (Resolved, &[Closed, Reopened]),
            (Reopened, &[InProgress]),
            (Closed, &[]),
        ];
        assert_eq!(expected.len(), ComplaintStatus::ALL.len());
        for (from, targets) in expected {
            assert_eq!(allowed_from(*from), targets.to_vec(), "from {from:?}");
            for to in ComplaintStatus::ALL {
                let result = transition(*from, *to);
                if targets.contains(to) {
                    assert_eq!(result, Ok(*to));
                } else {
                    assert_eq!(result, Err(targets.to_vec()), "{from:?} -> {to:?}");
                }
            }
        }
    }

    #[test]
    fn open_and_running_clock() {
        assert!(Open.is_open() && Reopened.is_open() && WaitingOnCustomer.is_open());
        assert!(!Resolved.is_open() && !Closed.is_open());
        assert!(!WaitingOnCustomer.clock_runs());
        assert!(InProgress.clock_runs() && Reopened.clock_runs());
    }
}
