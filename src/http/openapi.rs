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
    doc
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
