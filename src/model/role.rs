//! Roles and what each may do. Record-level access (an agent only reaches the customers they
//! own) is expressed as a `CustomerScope` that persistence turns into a query condition.

use uuid::Uuid;

use crate::model::error::{DomainError, DomainResult};
use crate::model::vocabulary;

vocabulary!(
    Role {
        /// Everything, including users.
        Admin => "admin",
        /// All customers, reassignment, segments, playbooks, reports.
        Manager => "manager",
        /// An account manager: only the customers they own and those customers' records.
        Agent => "agent",
        /// Reads every customer, changes nothing.
        Viewer => "viewer",
    }
);

impl Role {
    pub fn can_write(self) -> bool {
        self != Role::Viewer
    }

    /// Whether customers may be assigned to a user with this role.
    pub fn can_own_customers(self) -> bool {
        self != Role::Viewer
    }
}

/// The authenticated caller, as the domain sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: Uuid,
    pub role: Role,
}

/// Which customers an actor can reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomerScope {
    All,
    OwnedBy(Uuid),
}

impl CustomerScope {
    /// The customers a user of `role` reaches.
    pub fn of(user_id: Uuid, role: Role) -> Self {
        match role {
            Role::Agent => Self::OwnedBy(user_id),
            Role::Admin | Role::Manager | Role::Viewer => Self::All,
        }
    }

    /// Whether a customer owned by `owner` is in the scope.
    pub fn reaches(self, owner: Uuid) -> bool {
        match self {
            Self::All => true,
            Self::OwnedBy(user) => user == owner,
        }
    }
}

impl Actor {
    pub fn customer_scope(&self) -> CustomerScope {
        CustomerScope::of(self.id, self.role)
    }

    /// Viewers read everything and change nothing.
    pub fn ensure_can_write(&self) -> DomainResult<()> {
        if self.role.can_write() {
            Ok(())
        } else {
            Err(DomainError::Forbidden(
                "viewers cannot change records".into(),
            ))
        }
    }

    /// Admins only; `action` completes "only admins …" in the refusal.
    pub fn ensure_admin(&self, action: &str) -> DomainResult<()> {
        if self.role == Role::Admin {
            Ok(())
        } else {
            Err(DomainError::Forbidden(format!("only admins {action}")))
        }
    }

    /// Managers and admins only; `action` completes "only managers and admins …".
    pub fn ensure_manager(&self, action: &str) -> DomainResult<()> {
        if matches!(self.role, Role::Admin | Role::Manager) {
            Ok(())
        } else {
            Err(DomainError::Forbidden(format!(
                "only managers and admins {action}"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_stored(role.as_str()).unwrap(), *role);
        }
        assert!(Role::from_stored("root").is_err());
    }

    #[test]
    fn only_agents_are_scoped_to_their_customers() {
        let id = Uuid::now_v7();
        let agent = Actor {
            id,
            role: Role::Agent,
        };
        assert_eq!(agent.customer_scope(), CustomerScope::OwnedBy(id));
        let viewer = Actor {
            id,
            role: Role::Viewer,
        };
        assert_eq!(viewer.customer_scope(), CustomerScope::All);
        assert!(!Role::Viewer.can_write());
    }
}
