//! Rate limits per caller: a token bucket per signed-in user and per API key, its size and
//! refill set per role (`RAPPORT_RATE_LIMITS`). A bucket holds `quota` requests and refills
//! at `quota` per `window`, so a caller may burst to the quota and then keeps to its rate.
//! The buckets live in each replica's memory: behind N replicas a caller gets up to N times
//! the rate (a limit shared by all would need the buckets in a store every replica reaches,
//! such as an atomic update of a row per caller, at one more round trip per request).

use std::time::{Duration, Instant};

use crate::model::role::{Actor, Role};

/// Whose bucket sizes apply: people by role, API keys apart (their role sets what they may
/// do, not how often).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Admin,
    Manager,
    Agent,
    Viewer,
    ApiKey,
}

impl Class {
    const ALL: [Class; 5] = [
        Class::Admin,
        Class::Manager,
        Class::Agent,
        Class::Viewer,
        Class::ApiKey,
    ];

    pub fn of(actor: &Actor) -> Self {
        if actor.key.is_some() {
            return Self::ApiKey;
        }
        match actor.role {
            Role::Admin => Self::Admin,
            Role::Manager => Self::Manager,
            Role::Agent => Self::Agent,
            Role::Viewer => Self::Viewer,
        }
    }

    /// The policy's name in `RAPPORT_RATE_LIMITS` and in the `RateLimit` headers.
    pub fn name(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Manager => "manager",
            Self::Agent => "agent",
            Self::Viewer => "viewer",
            Self::ApiKey => "api_key",
        }
    }
}

/// A bucket's size and refill: `quota` requests per `window_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub quota: u32,
    pub window_secs: u32,
}

impl Policy {
    fn per_second(&self) -> f64 {
        f64::from(self.quota) / f64::from(self.window_secs)
    }
}

/// The policy of each class; `None` where there is no limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits([Option<Policy>; 5]);

/// Bounds of one policy: a quota of at most a million, a window of at most a day.
const MAX_QUOTA: u32 = 1_000_000;
const MAX_WINDOW_SECS: u32 = 86_400;

impl Default for RateLimits {
    /// People: 600 requests a minute (a burst of 600, then 10 a second), more than any
    /// screen needs; API keys: 3,000 a minute (50 a second).
    fn default() -> Self {
        let people = Some(Policy {
            quota: 600,
            window_secs: 60,
        });
        Self([
            people,
            people,
            people,
            people,
            Some(Policy {
                quota: 3_000,
                window_secs: 60,
            }),
        ])
    }
}

impl RateLimits {
    pub fn off() -> Self {
        Self([None; 5])
    }

    pub fn of(&self, class: Class) -> Option<Policy> {
        self.0[Class::ALL.iter().position(|c| *c == class).unwrap_or(0)]
    }

    /// `off`, or a comma-separated list of `class=quota/window_secs` (or `class=off`) over
    /// the defaults, e.g. `agent=300/60,api_key=off`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Self::default());
        }
        if text == "off" {
            return Ok(Self::off());
        }
        let mut limits = Self::default();
        for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (name, value) = item
                .split_once('=')
                .ok_or_else(|| format!("`{item}`: write class=quota/window_secs"))?;
            let index = Class::ALL
                .iter()
                .position(|c| c.name() == name.trim())
                .ok_or_else(|| {
                    format!(
                        "`{}` is not one of admin, manager, agent, viewer, api_key",
                        name.trim()
                    )
                })?;
            limits.0[index] = match value.trim() {
                "off" => None,
                value => Some(policy(value).map_err(|e| format!("`{item}`: {e}"))?),
            };
        }
        Ok(limits)
    }
}

fn policy(value: &str) -> Result<Policy, String> {
    let (quota, window) = value
        .split_once('/')
        .ok_or("write quota/window_secs, such as 600/60")?;
    let quota: u32 = quota
        .trim()
        .parse()
        .map_err(|_| "the quota is not a number")?;
    let window_secs: u32 = window
        .trim()
        .parse()
        .map_err(|_| "the window is not a number of seconds")?;
    if !(1..=MAX_QUOTA).contains(&quota) {
        return Err(format!("the quota must be 1 to {MAX_QUOTA}"));
    }
    if !(1..=MAX_WINDOW_SECS).contains(&window_secs) {
        return Err(format!("the window must be 1 to {MAX_WINDOW_SECS} seconds"));
    }
    Ok(Policy { quota, window_secs })
}

/// One caller's bucket.
#[derive(Clone, Copy, Debug)]
pub struct Bucket {
    tokens: f64,
    at: Instant,
}

/// The outcome of one request against its bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    /// Requests left now.
    pub remaining: u32,
    /// Seconds until the bucket is full again (the `t` of the `RateLimit` header).
    pub full_in_secs: u64,
    /// Seconds until the next request is allowed (`Retry-After` when refused).
    pub retry_after_secs: u64,
}

impl Bucket {
    pub fn full(policy: Policy, now: Instant) -> Self {
        Self {
            tokens: f64::from(policy.quota),
            at: now,
        }
    }

    /// Whether the bucket is full at `now`: such a bucket can be forgotten.
    pub fn is_full(&self, policy: Policy, now: Instant) -> bool {
        self.level(policy, now) >= f64::from(policy.quota)
    }

    fn level(&self, policy: Policy, now: Instant) -> f64 {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        (self.tokens + elapsed * policy.per_second()).min(f64::from(policy.quota))
    }

    /// Takes one request from the bucket at `now`, when there is one.
    pub fn take(&mut self, policy: Policy, now: Instant) -> Decision {
        let level = self.level(policy, now);
        let allowed = level >= 1.0;
        self.tokens = if allowed { level - 1.0 } else { level };
        self.at = now;
        let rate = policy.per_second();
        let secs = |missing: f64| Duration::from_secs_f64(missing.max(0.0) / rate).as_secs_f64();
        Decision {
            allowed,
            remaining: self.tokens.floor() as u32,
            full_in_secs: secs(f64::from(policy.quota) - self.tokens).ceil() as u64,
            retry_after_secs: if allowed {
                0
            } else {
                (secs(1.0 - self.tokens).ceil() as u64).max(1)
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const THREE_A_MINUTE: Policy = Policy {
        quota: 3,
        window_secs: 60,
    };

    #[test]
    fn a_bucket_allows_its_quota_at_once_then_refills_at_its_rate() {
        let start = Instant::now();
        let mut bucket = Bucket::full(THREE_A_MINUTE, start);
        for left in [2, 1, 0] {
            let d = bucket.take(THREE_A_MINUTE, start);
            assert!(d.allowed);
            assert_eq!(d.remaining, left);
        }
        let refused = bucket.take(THREE_A_MINUTE, start);
        assert!(!refused.allowed);
        assert_eq!(refused.retry_after_secs, 20);
        assert_eq!(refused.full_in_secs, 60);
        // One request's worth comes back every 20 s.
        let later = start + Duration::from_secs(20);
        assert!(bucket.take(THREE_A_MINUTE, later).allowed);
        assert!(!bucket.take(THREE_A_MINUTE, later).allowed);
        assert!(bucket.is_full(THREE_A_MINUTE, later + Duration::from_secs(60)));
    }

    #[test]
    fn refused_requests_do_not_drain_the_bucket_further() {
        let start = Instant::now();
        let mut bucket = Bucket::full(THREE_A_MINUTE, start);
        for _ in 0..100 {
            bucket.take(THREE_A_MINUTE, start);
        }
        assert!(
            bucket
                .take(THREE_A_MINUTE, start + Duration::from_secs(20))
                .allowed
        );
    }

    #[test]
    fn limits_parse_over_the_defaults_and_refuse_what_is_not_a_policy() {
        let limits = RateLimits::parse("agent=300/60, api_key=off").unwrap();
        assert_eq!(
            limits.of(Class::Agent),
            Some(Policy {
                quota: 300,
                window_secs: 60
            })
        );
        assert_eq!(limits.of(Class::ApiKey), None);
        assert_eq!(
            limits.of(Class::Admin),
            RateLimits::default().of(Class::Admin)
        );
        assert_eq!(RateLimits::parse("off").unwrap(), RateLimits::off());
        assert_eq!(RateLimits::parse("").unwrap(), RateLimits::default());
        for wrong in [
            "agent",
            "robot=1/1",
            "agent=0/60",
            "agent=10/0",
            "agent=ten/60",
            "agent=10",
            "agent=10/100000",
        ] {
            assert!(RateLimits::parse(wrong).is_err(), "{wrong}");
        }
    }
}
