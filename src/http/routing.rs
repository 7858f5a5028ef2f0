//! Route registration, done once: the same registration yields the actix routes and the
//! OpenAPI document, and the document's path table answers unknown methods with 405.

use actix_web::{HttpRequest, HttpResponse, web};
use utoipa::openapi::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt, scope};

use super::{
    agenda, api_keys, audit, auth, complaints, customer_csv, customers, duplicates, events, health,
    interactions, middleware, personal_data, playbooks, purchases, relationships, reports,
    scheduler, segments, touchpoints, users, webhooks,
};
use crate::http::error::ApiError;

/// Registers every documented route.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::live)
        .service(health::ready)
        .service(health::metrics)
        // Sign-in answers carry an access token, so they are never kept for replay: this
        // scope sits outside the idempotency middleware.
        .service(scope::scope("/api/v1/auth").service(auth::create_token))
        .service(
            scope::scope("/api/v1")
                .wrap(actix_web::middleware::from_fn(middleware::idempotency))
                .service(auth::get_me)
                .service(users::list_users)
                .service(users::create_user)
                .service(users::get_user)
                .service(users::update_user)
                .service(api_keys::list_api_keys)
                .service(api_keys::create_api_key)
                .service(api_keys::get_api_key)
                .service(api_keys::update_api_key)
                .service(api_keys::revoke_api_key)
                .service(webhooks::list_webhooks)
                .service(webhooks::create_webhook)
                .service(webhooks::get_webhook)
                .service(webhooks::update_webhook)
                .service(webhooks::delete_webhook)
                .service(webhooks::rotate_webhook_secret)
                .service(webhooks::list_webhook_deliveries)
                .service(webhooks::retry_webhook_delivery)
                .service(webhooks::ping_webhook)
                .service(customers::list_customers)
                .service(customers::create_customer)
                // Before `/customers/{id}`, which would take `export` for an id.
                .service(customer_csv::import_customers)
                .service(customer_csv::export_customers)
                .service(customers::get_customer)
                .service(customers::update_customer)
                .service(customers::delete_customer)
                .service(relationships::change_customer_owner)
                .service(relationships::list_owner_history)
                .service(relationships::list_customer_history)
                .service(personal_data::list_consent_history)
                .service(personal_data::export_customer)
                .service(personal_data::erase_customer)
                .service(duplicates::list_customer_duplicates)
                .service(duplicates::merge_customer)
                .service(duplicates::list_duplicates)
                .service(duplicates::dismiss_duplicate)
                .service(relationships::get_customer_timeline)
                .service(purchases::list_purchases)
                .service(purchases::create_purchase)
                .service(purchases::get_purchase)
                .service(purchases::delete_purchase)
                .service(interactions::list_interactions)
                .service(interactions::create_interaction)
                .service(interactions::get_interaction)
                .service(interactions::update_interaction)
                .service(interactions::delete_interaction)
                .service(segments::list_segments)
                .service(segments::create_segment)
                .service(segments::preview_segment)
                .service(segments::get_segment)
                .service(segments::update_segment)
                .service(segments::delete_segment)
                .service(segments::add_segment_members)
                .service(segments::remove_segment_members)
                .service(segments::list_segment_customers)
                .service(playbooks::list_playbooks)
                .service(playbooks::create_playbook)
                .service(playbooks::get_playbook)
                .service(playbooks::update_playbook)
                .service(playbooks::delete_playbook)
                .service(touchpoints::list_touchpoints)
                .service(touchpoints::create_touchpoint)
                .service(touchpoints::get_touchpoint)
                .service(touchpoints::update_touchpoint)
                .service(touchpoints::complete_touchpoint)
                .service(touchpoints::skip_touchpoint)
                .service(touchpoints::cancel_touchpoint)
                .service(touchpoints::schedule_campaign)
                .service(complaints::list_complaints)
                .service(complaints::create_complaint)
                .service(complaints::get_complaint)
                .service(complaints::update_complaint)
                .service(complaints::transition_complaint)
                .service(complaints::add_complaint_note)
                .service(complaints::list_complaint_events)
                .service(complaints::list_sla_policies)
                .service(complaints::get_sla_policy)
                .service(complaints::update_sla_policy)
                .service(reports::get_pareto_report)
                .service(reports::get_neglected_report)
                .service(reports::get_churn_report)
                .service(reports::get_complaint_report)
                .service(reports::get_touchpoint_report)
                .service(reports::get_tier_suggestions)
                .service(agenda::get_agenda)
                .service(events::list_events)
                .service(audit::list_audit)
                .service(scheduler::run_scheduler),
        );
}

/// The OpenAPI document, built from the route registration without a database.
pub fn document() -> OpenApi {
    let (_, paths) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(crate::http::openapi::base())
        .configure(configure)
        .split_for_parts();
    crate::http::openapi::finish(paths)
}

/// Path templates and the methods each accepts, for 405 answers.
#[derive(Clone, Debug)]
pub struct MethodTable(Vec<(Vec<String>, Vec<String>)>);

impl MethodTable {
    pub fn from_document(doc: &OpenApi) -> Self {
        let rows = doc
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments = path.split('/').skip(1).map(str::to_string).collect();
                let value = serde_json::to_value(item).unwrap_or_default();
                let methods = ["get", "put", "post", "delete", "patch", "head", "options"]
                    .iter()
                    .filter(|m| value.get(**m).is_some())
                    .map(|m| m.to_uppercase())
                    .collect();
                (segments, methods)
            })
            .collect();
        Self(rows)
    }

    /// The methods of the template `path` fits; a literal segment fits better than a
    /// parameter (`/customers/export` is not `/customers/{id}`).
    pub fn allowed(&self, path: &str) -> Option<Vec<String>> {
        let parts: Vec<&str> = path.split('/').skip(1).collect();
        self.0
            .iter()
            .filter(|(template, _)| {
                template.len() == parts.len()
                    && template
                        .iter()
                        .zip(&parts)
                        .all(|(t, p)| (t.starts_with('{') && !p.is_empty()) || t == p)
            })
            .min_by_key(|(template, _)| template.iter().filter(|t| t.starts_with('{')).count())
            .map(|(_, methods)| methods.clone())
    }
}

/// A path whose id segment is not an id: nothing lives there, unless the path is another
/// route's literal one (`PATCH /customers/export`), which does not take this method.
pub fn unmatched_path(req: &HttpRequest) -> ApiError {
    let allowed = req
        .app_data::<web::Data<MethodTable>>()
        .and_then(|table| table.allowed(req.path()))
        .filter(|allow| !allow.iter().any(|m| m == req.method().as_str()));
    match allowed {
        Some(allow) => ApiError::MethodNotAllowed { allow },
        None => ApiError::NotFound("no record with that id".into()),
    }
}

/// Answers requests no route took: 405 with `Allow` for a known path, else 404.
pub async fn fallback(
    req: HttpRequest,
    table: web::Data<MethodTable>,
) -> Result<HttpResponse, ApiError> {
    Err(match table.allowed(req.path()) {
        Some(allow) => ApiError::MethodNotAllowed { allow },
        None => ApiError::NotFound(format!("no resource at {}", req.path())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_table_matches_templates_segment_by_segment() {
        let table = MethodTable::from_document(&document());
        assert_eq!(
            table.allowed("/api/v1/customers"),
            Some(vec!["GET".to_string(), "POST".to_string()])
        );
        assert_eq!(
            table.allowed("/api/v1/customers/0193-any-id"),
            Some(vec![
                "GET".to_string(),
                "DELETE".to_string(),
                "PATCH".to_string()
            ])
        );
        assert_eq!(table.allowed("/api/v1/customers/a/b"), None);
        assert_eq!(
            table.allowed("/api/v1/customers/export"),
            Some(vec!["GET".to_string()])
        );
        assert_eq!(table.allowed("/api/v1/customers//"), None);
        assert_eq!(table.allowed("/nowhere"), None);
    }
}
