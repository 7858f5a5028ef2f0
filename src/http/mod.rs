//! The HTTP layer: one module per resource. Handlers extract, authorise, call the domain and
//! shape the response; they hold no SQL and no business rules.

pub mod agenda;
pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod breaker;
pub mod complaints;
pub mod cors;
pub mod customer_csv;
pub mod customers;
pub mod drain;
pub mod drain_guard;
pub mod duplicates;
pub mod error;
pub mod events;
pub mod extract;
pub mod head_guard;
pub mod headers;
pub mod health;
pub mod interactions;
pub mod middleware;
pub mod openapi;
pub mod personal_data;
pub mod playbooks;
pub mod purchases;
pub mod rate_limit;
pub mod relationships;
pub mod reports;
pub mod request_span;
pub mod responses;
pub mod routing;
pub mod scheduler;
pub mod scopes;
pub mod segments;
pub mod state;
pub mod streaming;
pub mod touchpoints;
pub mod users;
pub mod webhooks;

use actix_web::HttpResponse;
use actix_web::http::header;
use serde::Serialize;

use crate::domain::version::etag;

/// A 200 response carrying the record's version as its `ETag`. Personal data is never cached.
pub fn with_etag<T: Serialize>(version: i32, body: &T) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body)
}

/// A 201 response with `Location` and `ETag`.
pub fn created<T: Serialize>(location: String, version: i32, body: &T) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .insert_header((header::ETAG, etag(version)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body)
}

/// A list response; lists are not cached either.
pub fn page<T: Serialize>(body: &T) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body)
}
