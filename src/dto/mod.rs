//! API types: the request and response bodies and query parameters of the HTTP API, with
//! their OpenAPI schemas. They are not database entities; conversions live beside them.

pub mod agenda;
pub mod api_key;
pub mod auth;
pub mod complaint;
pub mod customer;
pub mod customer_csv;
pub mod decode;
pub mod event;
pub mod expand;
pub mod interaction;
pub mod page;
pub mod playbook;
pub mod purchase;
pub mod relationship;
pub mod report;
pub mod segment;
pub mod strict;
pub mod time;
pub mod touchpoint;
pub mod user;

use serde::{Deserialize, Deserializer};

/// For PATCH bodies: tells an absent field (`None`) from an explicit `null` (`Some(None)`).
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// For PATCH bodies: a field that may be absent but, when present, must not be `null`.
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Schema-only type: the IANA timezone names the service knows.
pub struct Timezone;

impl utoipa::PartialSchema for Timezone {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("IANA timezone name"))
            .enum_values(Some(chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())))
            .examples([serde_json::json!("Europe/Berlin")])
            .into()
    }
}

impl utoipa::ToSchema for Timezone {}
