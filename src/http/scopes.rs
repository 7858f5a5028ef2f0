//! Which resource each route reads or changes, for API key scopes; and the routes that are
//! for people only (users, keys, the caller's own profile, the scheduler), which no key
//! reaches whatever its role.

use actix_web::http::Method;

use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
use crate::model::scope::{Access, Resource};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Reads or changes one resource.
    Uses(Resource, Access),
    /// Users, API keys, `/me`, the scheduler and webhooks: never for a key.
    PeopleOnly,
}

/// The route of `method path` (a path under `/api/v1`).
pub fn route_of(method: &Method, path: &str) -> Route {
    let parts: Vec<&str> = path
        .trim_start_matches("/api/v1/")
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    let reads = matches!(*method, Method::GET | Method::HEAD);
    let mut access = if reads { Access::Read } else { Access::Write };
    use Resource::*;
    let resource = match parts.as_slice() {
        ["customers", _, "purchases", ..] => Purchases,
        ["customers", ..] | ["duplicates", ..] => Customers,
        ["interactions", ..] => Interactions,
        ["touchpoints", ..] | ["agenda", ..] => Touchpoints,
        // A campaign schedules touchpoints for a segment's members.
        ["segments", _, "touchpoints"] => Touchpoints,
        ["segments", "preview"] => {
            access = Access::Read;
            Segments
        }
        ["segments", ..] => Segments,
        ["playbooks", ..] => Playbooks,
        ["complaints", ..] | ["sla-policies", ..] => Complaints,
        ["reports", ..] => Reports,
        ["events", ..] => Events,
        _ => return Route::PeopleOnly,
    };
    Route::Uses(resource, access)
}

/// Refuses a key the route its scopes do not include, or a route for people only.
pub fn check(actor: &Actor, route: Route) -> DomainResult<()> {
    let Some(key) = actor.key else {
        return Ok(());
    };
    match route {
        Route::PeopleOnly => Err(DomainError::Forbidden(
            "API keys cannot use this route: users, keys, /me and the scheduler are for people"
                .into(),
        )),
        Route::Uses(resource, access) if !key.scopes.allows(resource, access) => {
            let access = match access {
                Access::Read => "read",
                Access::Write => "write",
            };
            Err(DomainError::Forbidden(format!(
                "this API key's scopes do not include {}:{access}",
                resource.as_str()
            )))
        }
        Route::Uses(..) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_map_to_the_resource_they_touch() {
        let r = |m: Method, p: &str| route_of(&m, p);
        use Resource::*;
        assert_eq!(
            r(Method::GET, "/api/v1/customers/x/timeline"),
            Route::Uses(Customers, Access::Read)
        );
        assert_eq!(
            r(Method::POST, "/api/v1/customers/x/purchases"),
            Route::Uses(Purchases, Access::Write)
        );
        assert_eq!(
            r(Method::GET, "/api/v1/agenda"),
            Route::Uses(Touchpoints, Access::Read)
        );
        assert_eq!(
            r(Method::POST, "/api/v1/segments/x/touchpoints"),
            Route::Uses(Touchpoints, Access::Write)
        );
        assert_eq!(
            r(Method::POST, "/api/v1/segments/preview"),
            Route::Uses(Segments, Access::Read)
        );
        assert_eq!(
            r(Method::PUT, "/api/v1/sla-policies/high"),
            Route::Uses(Complaints, Access::Write)
        );
        for people in [
            "/api/v1/users",
            "/api/v1/me",
            "/api/v1/api-keys/x",
            "/api/v1/scheduler/run",
        ] {
            assert_eq!(r(Method::GET, people), Route::PeopleOnly, "{people}");
        }
    }
}
