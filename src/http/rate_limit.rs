//! Applies the per-caller rate limits (`domain::rate_limit`) once a request's caller is known,
//! and tells every authenticated caller where it stands: `RateLimit-Policy` and `RateLimit`
//! (draft-ietf-httpapi-ratelimit-headers) on each answer, 429 with `Retry-After` past it.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpRequest};
use uuid::Uuid;

use crate::domain::rate_limit::{Bucket, Class, Decision, Policy, RateLimits};
use crate::http::error::ApiError;
use crate::model::role::Actor;

pub const RATELIMIT: HeaderName = HeaderName::from_static("ratelimit");
pub const RATELIMIT_POLICY: HeaderName = HeaderName::from_static("ratelimit-policy");

/// Past this many buckets, the full ones (callers idle for a window) are forgotten.
const PRUNE_PAST: usize = 10_000;

/// This replica's buckets, one per user and per API key.
pub struct Limiter {
    limits: RateLimits,
    buckets: Mutex<HashMap<Uuid, (Class, Bucket)>>,
}

/// Where the caller of a request stands, for its answer's headers.
#[derive(Clone, Copy, Debug)]
struct Standing {
    class: Class,
    policy: Policy,
    decision: Decision,
}

impl Limiter {
    pub fn new(limits: RateLimits) -> Self {
        Self {
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn take(&self, actor: &Actor) -> Option<Standing> {
        let class = Class::of(actor);
        let policy = self.limits.of(class)?;
        let key = actor.key.map_or(actor.id, |k| k.id);
        let now = Instant::now();
        let mut buckets = self.buckets.lock().ok()?;
        if buckets.len() > PRUNE_PAST {
            let limits = self.limits;
            buckets.retain(|_, (c, b)| limits.of(*c).is_some_and(|p| !b.is_full(p, now)));
        }
        let decision = buckets
            .entry(key)
            .or_insert_with(|| (class, Bucket::full(policy, now)))
            .1
            .take(policy, now);
        Some(Standing {
            class,
            policy,
            decision,
        })
    }
}

/// Counts the request against its caller's bucket: 429 when it is empty.
pub fn admit(req: &HttpRequest, limiter: &Limiter, actor: &Actor) -> Result<(), ApiError> {
    let Some(standing) = limiter.take(actor) else {
        return Ok(());
    };
    req.extensions_mut().insert(standing);
    if standing.decision.allowed {
        Ok(())
    } else {
        Err(ApiError::TooManyRequests {
            detail: format!(
                "more than {} requests in {} s for a caller of class {}; retry after `Retry-After` seconds",
                standing.policy.quota,
                standing.policy.window_secs,
                standing.class.name()
            ),
            retry_after_secs: standing.decision.retry_after_secs,
        })
    }
}

/// Writes the caller's standing on the answer.
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut res = next.call(req).await?;
    let standing = res.request().extensions().get::<Standing>().copied();
    if let Some(s) = standing {
        let name = s.class.name();
        let policy = format!("\"{name}\";q={};w={}", s.policy.quota, s.policy.window_secs);
        let current = format!(
            "\"{name}\";r={};t={}",
            s.decision.remaining, s.decision.full_in_secs
        );
        for (header, value) in [(RATELIMIT_POLICY, policy), (RATELIMIT, current)] {
            if let Ok(value) = HeaderValue::from_str(&value) {
                res.headers_mut().insert(header, value);
            }
        }
    }
    Ok(res)
}
