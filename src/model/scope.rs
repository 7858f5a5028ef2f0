//! What an API key may reach beyond its role: per resource, read or read and write. A key
//! with no scopes may do everything its role allows.

use crate::model::vocabulary;

vocabulary!(
    /// The resources a scope names; routes map to them in the HTTP layer.
    Resource {
        Customers => "customers",
        Interactions => "interactions",
        Purchases => "purchases",
        Touchpoints => "touchpoints",
        Complaints => "complaints",
        Segments => "segments",
        Playbooks => "playbooks",
        Reports => "reports",
        Events => "events",
    }
);

/// Reading, or changing (which includes reading).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// A set of `resource:read` / `resource:write` grants, as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scopes(u32);

impl Scopes {
    /// Everything the role allows: a key created without scopes.
    pub const ALL: Scopes = Scopes(u32::MAX);

    fn bit(resource: Resource, access: Access) -> u32 {
        let index = Resource::ALL
            .iter()
            .position(|r| *r == resource)
            .unwrap_or(0) as u32;
        1 << (2 * index + u32::from(access == Access::Write))
    }

    /// Reads scope names (`customers:read`, `complaints:write`); an empty list is every
    /// scope. `Err` names the first that is not one.
    pub fn parse<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, &'a str> {
        let mut bits = 0;
        let mut any = false;
        for name in names {
            any = true;
            let (resource, access) = name.split_once(':').ok_or(name)?;
            let resource = Resource::from_name(resource).ok_or(name)?;
            bits |= match access {
                "read" => Self::bit(resource, Access::Read),
                "write" => Self::bit(resource, Access::Read) | Self::bit(resource, Access::Write),
                _ => return Err(name),
            };
        }
        Ok(if any { Scopes(bits) } else { Self::ALL })
    }

    pub fn allows(self, resource: Resource, access: Access) -> bool {
        self.0 & Self::bit(resource, access) != 0
    }

    /// Every scope name, for the OpenAPI enum.
    pub fn names() -> Vec<String> {
        Resource::ALL
            .iter()
            .flat_map(|r| {
                [
                    format!("{}:read", r.as_str()),
                    format!("{}:write", r.as_str()),
                ]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_includes_read_and_nothing_else() {
        let s = Scopes::parse(["customers:write", "reports:read"]).unwrap();
        assert!(s.allows(Resource::Customers, Access::Read));
        assert!(s.allows(Resource::Customers, Access::Write));
        assert!(s.allows(Resource::Reports, Access::Read));
        assert!(!s.allows(Resource::Reports, Access::Write));
        assert!(!s.allows(Resource::Complaints, Access::Read));
        assert!(!s.allows(Resource::Events, Access::Write));
    }

    #[test]
    fn no_scopes_is_everything_and_unknown_names_are_refused() {
        let all = Scopes::parse([]).unwrap();
        for r in Resource::ALL {
            assert!(all.allows(*r, Access::Write));
        }
        assert_eq!(Scopes::parse(["customers:delete"]), Err("customers:delete"));
        assert_eq!(Scopes::parse(["users:read"]), Err("users:read"));
        assert_eq!(Scopes::parse(["customers"]), Err("customers"));
        assert_eq!(Scopes::names().len(), 2 * Resource::ALL.len());
    }
}
