//! API types: the request and response bodies and query parameters of the HTTP API, with
//! their OpenAPI schemas. They are not database entities; conversions live beside them.

pub mod agenda;
pub mod api_key;
pub mod audit;
pub mod auth;
pub mod complaint;
pub mod customer;
pub mod customer_csv;
pub mod decode;
pub mod duplicate;
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
pub mod webhook;

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
        use utoipa::openapi::extensions::ExtensionsBuilder;
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
        let identifiers: Vec<String> = names.iter().map(|n| timezone_identifier(n)).collect();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "IANA timezone name; `x-enum-varnames` gives each one an identifier for generated clients",
            ))
            .enum_values(Some(names))
            .examples([serde_json::json!("Europe/Berlin")])
            .extensions(Some(
                ExtensionsBuilder::new()
                    .add("x-enum-varnames", identifiers)
                    .build(),
            ))
            .into()
    }
}

/// An identifier for a timezone name that no other name shares: `Etc/GMT+1` and `Etc/GMT-1`
/// would both become `ETC_GMT1` once their signs were dropped, as generators drop them.
pub fn timezone_identifier(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        let signed = chars.peek().is_some_and(char::is_ascii_digit);
        match c {
            '+' => out.push_str("_PLUS_"),
            '-' if signed => out.push_str("_MINUS_"),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_uppercase()),
            _ => out.push('_'),
        }
    }
    let mut squeezed = String::with_capacity(out.len());
    for c in out.chars() {
        if !(c == '_' && squeezed.ends_with('_')) {
            squeezed.push(c);
        }
    }
    squeezed.trim_matches('_').to_string()
}

impl utoipa::ToSchema for Timezone {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_timezone_has_an_identifier_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for tz in chrono_tz::TZ_VARIANTS {
            let id = timezone_identifier(tz.name());
            assert!(
                id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{id}"
            );
            assert!(!id.starts_with(|c: char| c.is_ascii_digit()), "{id}");
            assert!(
                seen.insert(id.clone()),
                "{} and another are both {id}",
                tz.name()
            );
        }
        assert_eq!(timezone_identifier("Etc/GMT+1"), "ETC_GMT_PLUS_1");
        assert_eq!(timezone_identifier("GMT-0"), "GMT_MINUS_0");
        assert_eq!(
            timezone_identifier("America/Port-au-Prince"),
            "AMERICA_PORT_AU_PRINCE"
        );
    }
}
