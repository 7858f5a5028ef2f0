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

vocabulary!(
    /// What made a change: a person signed in, an integration's API key, or the service itself
    /// (the scheduler's escalations and reminders).
    ActorType {
        User => "user",
        ApiKey => "api_key",
        System => "system",
    }
);

/// Who made a change, as the records of it name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorRef {
    pub kind: ActorType,
    pub id: Uuid,
}

/// The caller of a request. `id` is the user the caller acts as: the signed-in user, or for
/// an API key the user it acts for (whose customers an agent key sees, who a write names where
/// it names no one); `key` is set when an API key made the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: Uuid,
    pub role: Role,
    pub key: Option<KeyGrant>,
}

/// What an API key may do beyond its role: its id, and the resources it may read or write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyGrant {
    pub id: Uuid,
    pub scopes: crate::model::scope::Scopes,
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
    pub fn user(id: Uuid, role: Role) -> Self {
        Self {
            id,
            role,
            key: None,
        }
    }

    /// Who the records of this caller's changes name: the key when a key made them.
    pub fn recorded(&self) -> ActorRef {
        match self.key {
            Some(key) => ActorRef {
                kind: ActorType::ApiKey,
                id: key.id,
            },
            None => ActorRef {
                kind: ActorType::User,
                id: self.id,
            },
        }
    }

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
        let agent = Actor::user(id, Role::Agent);
        assert_eq!(agent.customer_scope(), CustomerScope::OwnedBy(id));
        let viewer = Actor::user(id, Role::Viewer);
        assert_eq!(viewer.customer_scope(), CustomerScope::All);
        assert!(!Role::Viewer.can_write());
    }
}
