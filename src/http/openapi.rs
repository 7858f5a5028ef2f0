//! The parts of the OpenAPI document that no route carries: title, security scheme, tags
//! and the shared problem schema. Paths come from the route registration (`http::routing`).

use serde_json::{Value, json};
use utoipa::openapi::schema::{ArrayItems, Schema};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::server::ServerBuilder;
use utoipa::openapi::tag::TagBuilder;
use utoipa::openapi::{
    Components, ComponentsBuilder, ContactBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Ref, RefOr,
};
use utoipa::{PartialSchema, ToSchema};

use crate::dto::customer_csv::OnDuplicate;
use crate::dto::duplicate::CreateOnDuplicate;
use crate::dto::segment::{SegmentKind, SegmentRule};
use crate::http::error::{FieldError, Problem};
use crate::model::role::Role;
use crate::model::sort::ComplaintSort;
use crate::model::sort::CustomerSort;

pub fn base() -> OpenApi {
    let tags = [
        ("auth", "Tokens and the caller"),
        (
            "customers",
            "The customer database, owners, history and timeline",
        ),
        ("interactions", "Every contact with a customer"),
        ("purchases", "What each customer bought"),
        (
            "segments",
            "Groups of customers: static lists and dynamic rules",
        ),
        (
            "playbooks",
            "Cadences: the contacts each tier (or key account) is owed after a trigger",
        ),
        (
            "touchpoints",
            "The contacts each customer is owed: scheduled, completed, skipped",
        ),
        (
            "complaints",
            "Service repair: complaints, suggestions and praise, their workflow, deadlines and escalation",
        ),
        (
            "reports",
            "Where the relationships stand: revenue, neglect, churn, complaints, contacts, tiers (managers and admins)",
        ),
        ("users", "User management (admins)"),
        (
            "events",
            "The feed of what changed, in order, for integrations",
        ),
        (
            "api-keys",
            "Keys for integrations: service principals with a role and scopes (admins)",
        ),
        (
            "webhooks",
            "Endpoints that receive the event feed as signed Standard Webhooks requests (admins)",
        ),
        (
            "duplicates",
            "Customers that look like one person: candidates, dismissals and merges (managers and admins; agents merge their own)",
        ),
        (
            "audit",
            "The audit trail: every write, sign-in and export, who, when and from where (admins)",
        ),
        ("operations", "Health and metrics, without authentication"),
    ];
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Rapport")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "Customer-relationship maintenance: profiles, tiers, owners, interactions, \
                     complaints and scheduled touchpoints. Errors are RFC 9457 problem documents.",
                ))
                .contact(Some(
                    ContactBuilder::new()
                        .name(Some("Rapport maintainers"))
                        .build(),
                ))
                .build(),
        )
        // Relative, so that Swagger UI and generated clients call the server that serves the
        // document, wherever it is deployed.
        .servers(Some([ServerBuilder::new()
            .url("/")
            .description(Some("The server that serves this document"))
            .build()]))
        .tags(Some(tags.map(|(name, text)| {
            TagBuilder::new().name(name).description(Some(text)).build()
        })))
        .build()
}

/// Adds the shared components to the collected paths.
pub fn finish(mut doc: OpenApi) -> OpenApi {
    let mut components = doc
        .components
        .take()
        .unwrap_or_else(|| ComponentsBuilder::new().build());
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT")
                .description(Some(
                    "An access token from POST /api/v1/auth/token, or an API key (`rk_…`)",
                ))
                .build(),
        ),
    );
    // Query parameters reference CustomerSort and Role; the route collector only gathers
    // the schemas of bodies.
    for (name, schema) in [
        (Problem::name(), Problem::schema()),
        (FieldError::name(), FieldError::schema()),
        (CustomerSort::name(), CustomerSort::schema()),
        (ComplaintSort::name(), ComplaintSort::schema()),
        (OnDuplicate::name(), OnDuplicate::schema()),
        (CreateOnDuplicate::name(), CreateOnDuplicate::schema()),
        (Role::name(), Role::schema()),
        (SegmentKind::name(), SegmentKind::schema()),
        (SegmentRule::name(), SegmentRule::schema()),
    ] {
        components.schemas.insert(name.into_owned(), schema);
    }
    link_page_items(&mut components);
    doc.components = Some(components);
    // Signing in needs no credentials: an empty list says so (`[{}]`, what `security(())`
    // writes, reads as "optional" to some generators, which then demand a token).
    if let Some(op) = doc
        .paths
        .paths
        .get_mut("/api/v1/auth/token")
        .and_then(|item| item.post.as_mut())
    {
        op.security = Some(Vec::new());
    }
    document_rate_limits(&mut doc);
    // Built as JSON, which reads more plainly than builders; a test holds it to the schema.
    doc.webhooks = serde_json::from_value(webhook_payloads(doc.components.as_ref())).ok();
    doc
}

/// Every operation that takes a bearer token may answer 429 past the caller's rate limit, and
/// each of its answers says where the caller stands.
fn document_rate_limits(doc: &mut OpenApi) {
    use crate::http::responses::{rate_limit_headers, rate_limited};
    if let Some(components) = doc.components.as_mut() {
        for (name, header) in rate_limit_headers() {
            components.headers.insert(name.into(), RefOr::T(header));
        }
        components
            .responses
            .insert("RateLimited".into(), rate_limited());
    }
    let header_ref = |name: &str| RefOr::Ref(Ref::new(format!("#/components/headers/{name}")));
    for item in doc.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for op in operations.into_iter().flatten() {
            let authenticated = serde_json::to_value(&op.security)
                .is_ok_and(|s| s.to_string().contains("\"bearer\""));
            if !authenticated {
                continue;
            }
            let responses = &mut op.responses.responses;
            match responses.get_mut("429") {
                Some(RefOr::T(existing)) => {
                    existing.description = format!(
                        "{}; or the caller is past its rate limit",
                        existing.description
                    );
                }
                _ => {
                    responses.insert(
                        "429".into(),
                        RefOr::Ref(Ref::new("#/components/responses/RateLimited")),
                    );
                }
            }
            for (code, response) in responses.iter_mut() {
                if let (true, RefOr::T(response)) =
                    (code.starts_with('2') || code == "429", response)
                {
                    for (name, _) in rate_limit_headers() {
                        response.headers.insert(name.into(), header_ref(name));
                    }
                }
            }
        }
    }
}

/// What the service sends to webhook endpoints, one entry per event type (OpenAPI 3.1
/// `webhooks`): the event as the feed shows it, its `data` typed by the resource.
fn webhook_payloads(components: Option<&Components>) -> Value {
    use crate::model::event::EventType;
    let header = |name: &str, text: &str, example: Value| {
        json!({"name": name, "in": "header", "required": true, "description": text,
               "schema": {"type": "string"}, "example": example})
    };
    let parameters = json!([
        header(
            "webhook-id",
            "The event id: the same on every retry, for deduplication",
            json!("01932cb0-0000-7000-8000-000000000001")
        ),
        header(
            "webhook-timestamp",
            "Seconds since the Unix epoch when this try was signed; refuse old ones",
            json!("1764583200")
        ),
        header(
            "webhook-signature",
            "`v1,<base64 HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>.<body>\">`, keyed with the endpoint's secret (the base64 after `whsec_`); two, separated by a space, during a rotation's grace period",
            json!("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        ),
    ]);
    let responses = json!({
        "2XX": {"description": "Taken: the delivery succeeded"},
        "default": {"description": "Anything else, or no answer within 10 s: retried with backoff for 24 hours"}
    });
    let entry = |name: &str, summary: String, description: &str, schema: Value, data: Value| {
        let customer = (name != crate::domain::webhook::PING)
            .then_some("01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e");
        let example = json!({
            "id": "01932cb0-0000-7000-8000-000000000001", "type": name,
            "occurred_at": "2026-12-01T10:00:00.123Z",
            "actor": {"type": "user", "id": "01932c8e-0000-7000-8000-000000000001"},
            "subject_id": customer.unwrap_or("01932cc0-0000-7000-8000-000000000001"),
            "customer_id": customer, "data": data
        });
        json!({"post": {
            "summary": summary,
            "description": description,
            "operationId": format!("on_{}", name.replace('.', "_")),
            "tags": ["webhooks"],
            "parameters": parameters,
            "requestBody": {"required": true, "content": {"application/json": {
                "schema": schema, "example": example}}},
            "responses": responses,
        }})
    };
    let mut hooks = serde_json::Map::new();
    for kind in EventType::ALL {
        let name = kind.as_str();
        let data = match name.split('.').next().unwrap_or_default() {
            _ if *kind == EventType::CustomerErased => {
                json!({"$ref": "#/components/schemas/Erasure"})
            }
            _ if *kind == EventType::CustomerMerged => {
                json!({"$ref": "#/components/schemas/Merge"})
            }
            "customer" => json!({"$ref": "#/components/schemas/Customer"}),
            "purchase" => json!({"$ref": "#/components/schemas/Purchase"}),
            "interaction" => json!({"$ref": "#/components/schemas/Interaction"}),
            "touchpoint" => json!({"$ref": "#/components/schemas/Touchpoint"}),
            "complaint" => json!({"$ref": "#/components/schemas/Complaint"}),
            _ => {
                json!({"type": "object", "required": ["segment_id", "customer_id"], "properties": {
                "segment_id": {"type": "string", "format": "uuid"},
                "customer_id": {"type": "string", "format": "uuid"}}})
            }
        };
        // The resource's own example, so that the payload's example is valid against it.
        let resource = data["$ref"]
            .as_str()
            .map(|r| r.trim_start_matches("#/components/schemas/"));
        let example_data = match resource.and_then(|r| components.and_then(|c| example_of(c, r))) {
            Some(example) => example,
            None => json!({"segment_id": "01932cd0-0000-7000-8000-000000000001",
                           "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e"}),
        };
        hooks.insert(
            name.into(),
            entry(
                name,
                format!("A {name} event"),
                "Sent to endpoints subscribed to this type (or to every type).",
                json!({"allOf": [
                    {"$ref": "#/components/schemas/Event"},
                    {"type": "object", "properties": {"type": {"type": "string", "enum": [name]}, "data": data}}
                ]}),
                example_data,
            ),
        );
    }
    hooks.insert(
        "webhook.ping".into(),
        entry(
            crate::domain::webhook::PING,
            "A ping".into(),
            "Sent by `POST /api/v1/webhooks/{id}/ping` to check an endpoint; not part of the feed.",
            json!({"type": "object",
            "required": ["id", "type", "occurred_at", "actor", "subject_id", "customer_id", "data"],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "type": {"type": "string", "enum": ["webhook.ping"]},
                "occurred_at": {"type": "string", "format": "date-time"},
                "actor": {"$ref": "#/components/schemas/EventActor"},
                "subject_id": {"type": "string", "format": "uuid", "description": "The endpoint"},
                "customer_id": {"type": "null"},
                "data": {"type": "object", "required": ["webhook_id", "url"], "properties": {
                    "webhook_id": {"type": "string", "format": "uuid"},
                    "url": {"type": "string"}}}
            }}),
            json!({"webhook_id": "01932cc0-0000-7000-8000-000000000001",
                   "url": "https://hooks.example.com/rapport"}),
        ),
    );
    Value::Object(hooks)
}

/// utoipa inlines a generic argument: `Page_Customer.items` would repeat the whole `Customer`
/// schema, and generated clients would get an anonymous type for every page's items. Each
/// `Page_<T>` refers to `T` instead, and carries an example page made of `T`'s example.
fn link_page_items(components: &mut Components) {
    let pages: Vec<String> = components
        .schemas
        .keys()
        .filter(|name| {
            name.strip_prefix("Page_")
                .is_some_and(|item| components.schemas.contains_key(item))
        })
        .cloned()
        .collect();
    for page in pages {
        let item = &page["Page_".len()..];
        let example = example_of(components, item);
        let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(&page) else {
            continue;
        };
        if let Some(RefOr::T(Schema::Array(items))) = object.properties.get_mut("items") {
            items.items =
                ArrayItems::RefOrSchema(Box::new(RefOr::Ref(Ref::from_schema_name(item))));
        }
        if let Some(example) = example {
            object.example = Some(json!({"items": [example], "next_cursor": null}));
        }
    }
    let preview = example_of(components, "Customer");
    if let (Some(example), Some(RefOr::T(Schema::Object(object)))) =
        (preview, components.schemas.get_mut("PreviewResponse"))
    {
        object.example = Some(json!({"count": 1, "items": [example]}));
    }
    // A merge answers the whole survivor, a creation the whole customer: their examples
    // are the customer's.
    let customer = example_of(components, "Customer");
    if let (Some(customer), Some(RefOr::T(Schema::Object(object)))) =
        (customer.clone(), components.schemas.get_mut("Merge"))
        && let Some(Value::Object(example)) = object.example.as_mut()
    {
        example.insert("customer".into(), customer);
    }
    if let (Some(Value::Object(mut example)), Some(RefOr::T(schema))) =
        (customer, components.schemas.get_mut("CustomerCreated"))
    {
        example.insert(
            "possible_duplicates".into(),
            json!(["01932c90-0000-7000-8000-000000000002"]),
        );
        set_example(schema, Value::Object(example));
    }
}

/// Sets the example of a schema, whatever its kind (`CustomerCreated` is an `allOf`).
fn set_example(schema: &mut Schema, example: Value) {
    match schema {
        Schema::Object(object) => object.example = Some(example),
        Schema::AllOf(all) => all.example = Some(example),
        _ => {}
    }
}

fn example_of(components: &Components, name: &str) -> Option<Value> {
    match components.schemas.get(name)? {
        RefOr::T(Schema::Object(object)) => object.example.clone(),
        _ => None,
    }
}

/// The document as committed in `openapi/openapi.json`.
pub fn to_pretty_json(doc: &OpenApi) -> String {
    let mut text = doc.to_pretty_json().unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_type_and_the_ping_are_described_as_webhooks() {
        let hooks: utoipa::openapi::Paths =
            serde_json::from_value(webhook_payloads(None)).expect("webhooks read as paths");
        assert_eq!(
            hooks.paths.len(),
            crate::model::event::EventType::ALL.len() + 1
        );
        let doc = serde_json::to_value(finish(base())).expect("document");
        let ping = &doc["webhooks"]["webhook.ping"]["post"];
        assert_eq!(
            ping["requestBody"]["content"]["application/json"]["schema"]["properties"]["type"]["enum"],
            json!(["webhook.ping"])
        );
        assert_eq!(ping["parameters"].as_array().map(Vec::len), Some(3));
    }
}
