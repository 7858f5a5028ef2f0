//! Fail fast while the database is down (`db::breaker`): an API request is answered 503 at
//! once while the breaker is open, and one already waiting for the database is answered as
//! soon as it opens, instead of after the pool's acquire timeout.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError, web};

use crate::http::error::ApiError;
use crate::http::state::AppState;

fn outage() -> ApiError {
    ApiError::Unavailable("the circuit breaker is open: the database does not answer".into())
}

pub async fn fail_fast(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let breaker = match req.app_data::<web::Data<AppState>>() {
        Some(state) if req.path().starts_with("/api/") => state.breaker.clone(),
        _ => {
            return next
                .call(req)
                .await
                .map(ServiceResponse::map_into_boxed_body);
        }
    };
    if breaker.is_open() {
        let res = outage().error_response();
        return Ok(req.into_response(res));
    }
    tokio::select! {
        res = next.call(req) => res.map(ServiceResponse::map_into_boxed_body),
        // Answered as an error: the request itself is held by the handler being dropped
        // (whose transaction rolls back).
        () = breaker.opened() => Err(outage().into()),
    }
}
