//! The audit trail at the edge: every write (`POST`, `PUT`, `PATCH`, `DELETE` under
//! `/api/v1`) and every export read is recorded once answered, with the caller, the route's
//! entity and id, the status, the request id, the client's address and the names of the JSON
//! body's top-level fields. `GET /api/v1/audit` reads it.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, ResponseError, get, web};
use uuid::Uuid;

use crate::domain::audit::{self, Entry};
use crate::dto::audit::{AuditEntry, AuditQuery};
use crate::dto::page::{Page, PageQuery};
use crate::http::error::ApiResult;
use crate::http::extract::{
    Caller, JSON_LIMIT, Query, client_address, is_json_content_type, read_body,
};
use crate::http::middleware::RequestId;
use crate::http::responses::{Busy, ListErrors};
use crate::http::state::AppState;
use crate::model::role::{Actor, ActorRef, ActorType};

/// Set by the sign-in handler on success: who signed in.
#[derive(Clone, Copy, Debug)]
pub struct SignedIn(pub Uuid);

/// The collections of the API and the entity each holds.
const COLLECTIONS: &[(&str, &str)] = &[
    ("customers", "customer"),
    ("purchases", "purchase"),
    ("interactions", "interaction"),
    ("touchpoints", "touchpoint"),
    ("complaints", "complaint"),
    ("segments", "segment"),
    ("playbooks", "playbook"),
    ("users", "user"),
    ("api-keys", "api_key"),
    ("webhooks", "webhook"),
    ("deliveries", "webhook_delivery"),
    ("sla-policies", "sla_policy"),
    ("auth", "session"),
    ("scheduler", "scheduler"),
    ("duplicates", "duplicate"),
    ("dismissals", "duplicate_dismissal"),
];

/// What a request did, read from its route: the action, the entity type and its id (from
/// the path, or from `Location` for a creation).
fn describe(
    method: &Method,
    pattern: &str,
    param: impl Fn(&str) -> Option<String>,
    location: Option<&str>,
) -> (String, String, Option<String>) {
    let rest = pattern.strip_prefix("/api/v1/").unwrap_or(pattern);
    if rest == "segments/{id}/touchpoints" {
        return ("campaign".into(), "segment".into(), param("id"));
    }
    let mut entity = "api";
    let mut id = None;
    let mut suffix: Option<&str> = None;
    for segment in rest.split('/') {
        if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            id = param(name);
        } else if let Some((_, e)) = COLLECTIONS.iter().find(|(c, _)| *c == segment) {
            entity = e;
            id = None;
            suffix = None;
        } else {
            suffix = Some(segment);
        }
    }
    let action = match (suffix, method.as_str()) {
        (Some("token"), _) => "sign_in".to_string(),
        (Some(s), "DELETE") => format!("remove_{}", s.replace('-', "_")),
        (Some(s), "PUT" | "PATCH") => format!("update_{}", s.replace('-', "_")),
        (Some(s), _) => s.replace('-', "_"),
        (None, "POST") => {
            if id.is_none() {
                id = location
                    .and_then(|l| l.rsplit('/').next())
                    .map(str::to_string);
            }
            "create".into()
        }
        (None, "PUT" | "PATCH") => "update".into(),
        (None, "DELETE") => "delete".into(),
        (None, _) => "read".into(),
    };
    (action, entity.to_string(), id)
}

fn audited(method: &Method, path: &str) -> bool {
    path.starts_with("/api/v1/")
        && (matches!(
            *method,
            Method::POST | Method::PUT | Method::PATCH | Method::DELETE
        ) || (*method == Method::GET && path.ends_with("/export")))
}

/// The top-level field names of a JSON object body, sorted; none for anything else.
fn field_names(body: &[u8]) -> Vec<String> {
    match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body) {
        Ok(object) => object.keys().cloned().collect(),
        Err(_) => Vec::new(),
    }
}

/// Records the request in the audit trail once it is answered.
pub async fn record(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let (Some(state), true) = (state, audited(req.method(), req.path())) else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let fields = if is_json_content_type(req.request()) {
        match read_body(req.take_payload(), JSON_LIMIT).await {
            Ok(body) => {
                let names = field_names(&body);
                req.set_payload(actix_web::dev::Payload::from(body));
                names
            }
            // Refused before any route ran: nothing was done, so nothing is recorded.
            Err(err) => return Ok(req.into_response(err.error_response())),
        }
    } else {
        Vec::new()
    };
    let ip = client_address(req.request(), &state.trusted_proxies);
    let res = next.call(req).await?.map_into_boxed_body();
    let request = res.request();
    let Some(pattern) = request.match_pattern() else {
        return Ok(res);
    };
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok());
    let (action, entity_type, entity_id) = describe(
        request.method(),
        &pattern,
        |name| request.match_info().get(name).map(str::to_string),
        location,
    );
    let actor = {
        let extensions = request.extensions();
        extensions.get::<Actor>().map(Actor::recorded).or_else(|| {
            extensions.get::<SignedIn>().map(|s| ActorRef {
                kind: ActorType::User,
                id: s.0,
            })
        })
    };
    let request_id = request.extensions().get::<RequestId>().map(|r| r.0.clone());
    let entry = Entry {
        actor,
        action,
        entity_type,
        entity_id,
        status: res.status().as_u16(),
        request_id,
        ip: Some(ip),
        fields,
    };
    if let Err(err) = state.audit.record(entry, crate::clock::system_now()).await {
        // The change is committed and answered: losing its entry is logged, not refused.
        tracing::error!(error.cause = %err, "audit entry not written");
    }
    Ok(res)
}

/// Read the audit trail
///
/// Admins only. Every write and sign-in, successful or not, and every export read: who,
/// what, when, from where and which fields (never their values). Newest first; filter by
/// actor, entity, action and time. Entries cannot be changed or removed through the API; they
/// are kept for `RAPPORT_AUDIT_RETENTION_DAYS`.
#[utoipa::path(
    tag = "audit",
    params(PageQuery, AuditQuery),
    responses((status = 200, description = "A page of the trail", body = Page<AuditEntry>), ListErrors, Busy),
    security(("bearer" = []))
)]
#[get("/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<AuditQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &audit::list(&state.db, &caller.0, query.0, page.0).await?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(
        method: Method,
        pattern: &str,
        location: Option<&str>,
    ) -> (String, String, Option<String>) {
        describe(&method, pattern, |name| Some(format!("<{name}>")), location)
    }

    #[test]
    fn routes_name_their_action_and_entity() {
        let s = |a: &str, e: &str, id: Option<&str>| {
            (a.to_string(), e.to_string(), id.map(str::to_string))
        };
        assert_eq!(
            of(
                Method::POST,
                "/api/v1/customers",
                Some("/api/v1/customers/abc")
            ),
            s("create", "customer", Some("abc"))
        );
        assert_eq!(
            of(Method::PATCH, "/api/v1/customers/{id}", None),
            s("update", "customer", Some("<id>"))
        );
        assert_eq!(
            of(Method::POST, "/api/v1/customers/{id}/erase", None),
            s("erase", "customer", Some("<id>"))
        );
        assert_eq!(
            of(Method::POST, "/api/v1/customers/{id}/merge", None),
            s("merge", "customer", Some("<id>"))
        );
        assert_eq!(
            of(Method::POST, "/api/v1/duplicates/dismissals", None),
            s("create", "duplicate_dismissal", None)
        );
        assert_eq!(
            of(Method::GET, "/api/v1/customers/{id}/export", None),
            s("export", "customer", Some("<id>"))
        );
        assert_eq!(
            of(Method::PUT, "/api/v1/customers/{id}/owner", None),
            s("update_owner", "customer", Some("<id>"))
        );
        assert_eq!(
            of(
                Method::DELETE,
                "/api/v1/customers/{id}/purchases/{purchase_id}",
                None
            ),
            s("delete", "purchase", Some("<purchase_id>"))
        );
        assert_eq!(
            of(
                Method::POST,
                "/api/v1/webhooks/{id}/deliveries/{delivery_id}/retry",
                None
            ),
            s("retry", "webhook_delivery", Some("<delivery_id>"))
        );
        assert_eq!(
            of(Method::POST, "/api/v1/auth/token", None),
            s("sign_in", "session", None)
        );
        assert_eq!(
            of(Method::DELETE, "/api/v1/segments/{id}/members", None),
            s("remove_members", "segment", Some("<id>"))
        );
        assert_eq!(
            of(Method::POST, "/api/v1/segments/{id}/touchpoints", None),
            s("campaign", "segment", Some("<id>"))
        );
        assert!(audited(&Method::GET, "/api/v1/customers/export"));
        assert!(!audited(&Method::GET, "/api/v1/customers"));
        assert!(!audited(&Method::POST, "/health/ready"));
    }

    #[test]
    fn only_field_names_are_kept() {
        assert_eq!(
            field_names(br#"{"name":"Ada","tier":"key"}"#),
            vec!["name", "tier"]
        );
        assert!(field_names(b"[1,2]").is_empty());
        assert!(field_names(b"not json").is_empty());
    }
}
