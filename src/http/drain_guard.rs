//! The requests' side of a drain (`http::drain`): each is registered while it runs, new long
//! work is refused once the drain has begun, and whatever still runs when the grace is out is
//! answered 503.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{ConnectionType, Method};
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError, web};

use crate::http::error::ApiError;
use crate::http::state::AppState;

/// The routes whose work may outlast a drain: started during one, they are refused.
const LONG_WORK: [(Method, &str); 4] = [
    (Method::POST, "/api/v1/customers/import"),
    (Method::GET, "/api/v1/customers/export"),
    (Method::GET, "/api/v1/customers/{id}/export"),
    (Method::POST, "/api/v1/segments/{id}/touchpoints"),
];

fn is_long_work(method: &Method, route: &str) -> bool {
    LONG_WORK.iter().any(|(m, r)| m == method && *r == route)
}

/// Keeps the register of running requests, refuses long work during a drain, and answers
/// 503 for whatever is still running when the grace runs out.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let drain = &state.drain;
    let route = req.match_pattern().unwrap_or_else(|| "unmatched".into());
    if drain.is_draining() && is_long_work(req.method(), &route) {
        let res = ApiError::ShuttingDown.error_response();
        return Ok(closing(req.into_response(res)));
    }
    let _ticket = drain.enter(req.method().clone(), route);
    tokio::select! {
        res = next.call(req) => {
            let res = res?.map_into_boxed_body();
            Ok(if drain.is_draining() { closing(res) } else { res })
        }
        // The request cannot be answered as a response here (it is held by the handler being
        // dropped), so it is answered as an error, which actix-web turns into the problem.
        () = drain.expired() => Err(ApiError::ShuttingDown.into()),
    }
}

/// The connection closes after this answer, so that a draining server is left by its clients.
fn closing(mut res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    res.response_mut()
        .head_mut()
        .set_connection_type(ConnectionType::Close);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_work_is_named_by_method_and_route() {
        assert!(is_long_work(&Method::POST, "/api/v1/customers/import"));
        assert!(is_long_work(&Method::GET, "/api/v1/customers/{id}/export"));
        assert!(!is_long_work(&Method::GET, "/api/v1/customers/import"));
        assert!(!is_long_work(&Method::GET, "/api/v1/customers"));
    }
}
