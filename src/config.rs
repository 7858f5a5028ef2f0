//! Typed configuration, read once from `RAPPORT_*` environment variables (and `.env`) and
//! passed down explicitly; nothing reads the environment after start-up.

use std::fmt;
use std::time::Duration;

/// Where the server listens unless `RAPPORT_BIND` says otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// A secret value that never reaches a log line or `Debug` output.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug)]
pub struct JwtSettings {
    pub secret: Secret,
    /// True when no secret was configured and one was generated for this process only.
    pub secret_generated: bool,
    pub issuer: String,
    pub audience: String,
    pub ttl: Duration,
}

#[derive(Clone)]
pub struct ReplicaSettings {
    pub url: String,
    pub max_lag: Duration,
}

impl fmt::Debug for ReplicaSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReplicaSettings")
            .field("url", &redact_url(&self.url))
            .field("max_lag", &self.max_lag)
            .finish()
    }
}

#[derive(Clone, Debug)]
pub struct BootstrapAdmin {
    pub email: String,
    pub password: Secret,
}

#[derive(Clone)]
pub struct Settings {
    pub database_url: String,
    /// A PostgreSQL hot standby for the reads that may be a little stale (reports, exports,
    /// segment counts), and how stale it may be before they go back to the primary.
    pub replica: Option<ReplicaSettings>,
    pub bind: String,
    pub jwt: JwtSettings,
    pub bootstrap_admin: Option<BootstrapAdmin>,
    pub log: String,
    pub log_format: LogFormat,
    pub scheduler_enabled: bool,
    pub scheduler_interval: Duration,
    /// The longest one database statement may run before it is cancelled.
    pub statement_timeout: Duration,
    /// The most members one campaign (`POST /segments/{id}/touchpoints`) reaches.
    pub campaign_max_members: u64,
    /// What purchases make a customer fit the `important` and `key` tiers.
    pub tier_thresholds: crate::domain::report::TierThresholds,
    /// The budget of one CSV import's transaction (on SQLite the budget counts a whole
    /// transaction, and an import is one).
    pub import_timeout: Duration,
    /// Requests per caller (`RAPPORT_RATE_LIMITS`).
    pub rate_limits: crate::domain::rate_limit::RateLimits,
    /// How long a shutdown waits for the requests in flight (`RAPPORT_SHUTDOWN_GRACE_SECS`).
    pub shutdown_grace: Duration,
    /// Proxies (load balancers) whose `X-Forwarded-For` tells the client's address, for
    /// sign-in throttling; a request from anyone else counts under its own address.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The origins a browser frontend may call the API from.
    pub cors_origins: CorsOrigins,
    /// How long the event feed keeps events.
    pub event_retention_days: u64,
    /// Where webhooks may send (`RAPPORT_WEBHOOK_ALLOW_HTTP`, `RAPPORT_WEBHOOK_ALLOWED_HOSTS`).
    pub webhook_policy: crate::domain::webhook::target::Policy,
    /// An endpoint failing this long is turned off (`RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS`).
    pub webhook_disable_after_hours: u64,
    /// How long the audit trail keeps its entries (`RAPPORT_AUDIT_RETENTION_DAYS`).
    pub audit_retention_days: u64,
    /// Erase the free text of churned customers' interactions this long after the churn
    /// (`RAPPORT_RETENTION_CHURNED_INTERACTIONS_DAYS`; off when unset).
    pub churned_interaction_retention_days: Option<u64>,
    /// Erase the texts of complaints this long after they closed
    /// (`RAPPORT_RETENTION_CLOSED_COMPLAINTS_DAYS`; off when unset).
    pub closed_complaint_retention_days: Option<u64>,
}

/// `RAPPORT_CORS_ALLOWED_ORIGINS`: no origin (the default), every origin (`*`; bearer
/// tokens, never cookies, so no credentials are involved), or the listed ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CorsOrigins {
    #[default]
    None,
    Any,
    Listed(Vec<String>),
}

impl CorsOrigins {
    fn parse(value: Option<&str>) -> Result<Self, ConfigError> {
        let name = "RAPPORT_CORS_ALLOWED_ORIGINS";
        let listed: Vec<&str> = value
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .collect();
        if listed.is_empty() {
            return Ok(Self::None);
        }
        if listed == ["*"] {
            return Ok(Self::Any);
        }
        let mut origins = Vec::with_capacity(listed.len());
        for origin in listed {
            if !is_origin(origin) {
                return Err(invalid(
                    name,
                    format!(
                        "{origin:?} is not an origin: write scheme://host[:port] with no path, \
                         such as https://app.example.com, or `*` alone"
                    ),
                ));
            }
            origins.push(origin.trim_end_matches('/').to_ascii_lowercase());
        }
        Ok(Self::Listed(origins))
    }
}

/// `scheme://host[:port]`, the form a browser sends in `Origin`.
fn is_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', '@', ' ', '*'])
}

/// The database URL may carry a password (`postgres://user:secret@host/db` or
/// `?password=secret`); `Debug` shows it redacted so no log line can carry it.
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("database_url", &redact_url(&self.database_url))
            .field("replica", &self.replica)
            .field("bind", &self.bind)
            .field("jwt", &self.jwt)
            .field("bootstrap_admin", &self.bootstrap_admin)
            .field("log", &self.log)
            .field("log_format", &self.log_format)
            .field("scheduler_enabled", &self.scheduler_enabled)
            .field("scheduler_interval", &self.scheduler_interval)
            .field("statement_timeout", &self.statement_timeout)
            .field("campaign_max_members", &self.campaign_max_members)
            .field("tier_thresholds", &self.tier_thresholds)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("import_timeout", &self.import_timeout)
            .field("shutdown_grace", &self.shutdown_grace)
            .field("rate_limits", &self.rate_limits)
            .field("cors_origins", &self.cors_origins)
            .field("event_retention_days", &self.event_retention_days)
            .field("webhook_policy", &self.webhook_policy)
            .field(
                "webhook_disable_after_hours",
                &self.webhook_disable_after_hours,
            )
            .field("audit_retention_days", &self.audit_retention_days)
            .field(
                "churned_interaction_retention_days",
                &self.churned_interaction_retention_days,
            )
            .field(
                "closed_complaint_retention_days",
                &self.closed_complaint_retention_days,
            )
            .finish()
    }
}

/// The URL with the password of its user part and any `password` query parameter replaced.
pub fn redact_url(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let mut out = match base.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let authority = match authority.rsplit_once('@') {
                Some((userinfo, host)) => match userinfo.split_once(':') {
                    Some((user, _)) => format!("{user}:***@{host}"),
                    None => authority.to_string(),
                },
                None => authority.to_string(),
            };
            format!("{scheme}://{authority}{path}")
        }
        None => base.to_string(),
    };
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => pair.to_string(),
            })
            .collect();
        out = format!("{out}?{}", pairs.join("&"));
    }
    out
}

#[derive(Debug, thiserror::Error)]
#[error("configuration variable {name}: {message}")]
pub struct ConfigError {
    pub name: &'static str,
    pub message: String,
}

fn invalid(name: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        name,
        message: message.into(),
    }
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://rapport.db?mode=rwc";
const MIN_SECRET_BYTES: usize = 32;

impl Settings {
    /// Reads the process environment, after loading `.env` when one exists.
    pub fn from_env() -> Result<Self, ConfigError> {
        // A missing .env is the normal case, so its absence is not an error.
        let _ = dotenvy::dotenv();
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds settings from any variable source, so tests never touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());

        let (secret, secret_generated) = match get("RAPPORT_JWT_SECRET") {
            Some(s) if s.len() < MIN_SECRET_BYTES => {
                return Err(invalid(
                    "RAPPORT_JWT_SECRET",
                    format!("must be at least {MIN_SECRET_BYTES} bytes"),
                ));
            }
            Some(s) => (Secret::new(s), false),
            None => (Secret::new(crate::domain::password::random_token(48)), true),
        };

        let ttl_secs = parse_number(
            get("RAPPORT_TOKEN_TTL_SECS"),
            "RAPPORT_TOKEN_TTL_SECS",
            3600,
        )?;
        if ttl_secs == 0 {
            return Err(invalid("RAPPORT_TOKEN_TTL_SECS", "must be positive"));
        }

        let bootstrap_admin = match (
            get("RAPPORT_BOOTSTRAP_ADMIN_EMAIL"),
            get("RAPPORT_BOOTSTRAP_ADMIN_PASSWORD"),
        ) {
            (Some(email), Some(password)) => Some(BootstrapAdmin {
                email,
                password: Secret::new(password),
            }),
            (None, None) => None,
            _ => {
                return Err(invalid(
                    "RAPPORT_BOOTSTRAP_ADMIN_EMAIL",
                    "set both RAPPORT_BOOTSTRAP_ADMIN_EMAIL and RAPPORT_BOOTSTRAP_ADMIN_PASSWORD, or neither",
                ));
            }
        };

        let log_format = match get("RAPPORT_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(invalid(
                    "RAPPORT_LOG_FORMAT",
                    format!("expected `text` or `json`, got `{other}`"),
                ));
            }
        };

        let scheduler_enabled = parse_flag(get("RAPPORT_SCHEDULER"), "RAPPORT_SCHEDULER", true)?;
        let interval = parse_number(
            get("RAPPORT_SCHEDULER_INTERVAL_SECS"),
            "RAPPORT_SCHEDULER_INTERVAL_SECS",
            60,
        )?;
        if interval == 0 {
            return Err(invalid(
                "RAPPORT_SCHEDULER_INTERVAL_SECS",
                "must be positive",
            ));
        }

        let statement_timeout_ms = parse_number(
            get("RAPPORT_STATEMENT_TIMEOUT_MS"),
            "RAPPORT_STATEMENT_TIMEOUT_MS",
            5000,
        )?;
        if statement_timeout_ms == 0 {
            return Err(invalid("RAPPORT_STATEMENT_TIMEOUT_MS", "must be positive"));
        }

        let replica_max_lag_ms = parse_number(
            get("RAPPORT_DATABASE_REPLICA_MAX_LAG_MS"),
            "RAPPORT_DATABASE_REPLICA_MAX_LAG_MS",
            5000,
        )?;
        if replica_max_lag_ms == 0 {
            return Err(invalid(
                "RAPPORT_DATABASE_REPLICA_MAX_LAG_MS",
                "must be positive",
            ));
        }
        let replica = match get("RAPPORT_DATABASE_REPLICA_URL").filter(|u| !u.trim().is_empty()) {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Some(ReplicaSettings {
                    url,
                    max_lag: Duration::from_millis(replica_max_lag_ms),
                })
            }
            Some(_) => {
                return Err(invalid(
                    "RAPPORT_DATABASE_REPLICA_URL",
                    "must be a postgres:// URL of a hot standby",
                ));
            }
            None => None,
        };

        let campaign_max_members = parse_number(
            get("RAPPORT_CAMPAIGN_MAX_MEMBERS"),
            "RAPPORT_CAMPAIGN_MAX_MEMBERS",
            5000,
        )?;
        if campaign_max_members == 0 {
            return Err(invalid("RAPPORT_CAMPAIGN_MAX_MEMBERS", "must be positive"));
        }

        let defaults = crate::domain::report::TierThresholds::default();
        let tier_thresholds = crate::domain::report::TierThresholds {
            key_months: parse_number(
                get("RAPPORT_TIER_KEY_MONTHS"),
                "RAPPORT_TIER_KEY_MONTHS",
                defaults.key_months,
            )?,
            important_purchases: parse_number(
                get("RAPPORT_TIER_IMPORTANT_PURCHASES"),
                "RAPPORT_TIER_IMPORTANT_PURCHASES",
                defaults.important_purchases,
            )?,
            important_amount_minor: parse_number(
                get("RAPPORT_TIER_IMPORTANT_AMOUNT_MINOR"),
                "RAPPORT_TIER_IMPORTANT_AMOUNT_MINOR",
                defaults.important_amount_minor,
            )?,
        };
        if !(1..=12).contains(&tier_thresholds.key_months) {
            return Err(invalid(
                "RAPPORT_TIER_KEY_MONTHS",
                "must be between 1 and 12",
            ));
        }
        if tier_thresholds.important_purchases == 0
            || tier_thresholds.important_amount_minor == 0
            || tier_thresholds.important_amount_minor > i64::MAX as u64
        {
            return Err(invalid(
                "RAPPORT_TIER_IMPORTANT_PURCHASES",
                "the important thresholds must be positive whole numbers",
            ));
        }

        let import_timeout_ms = parse_number(
            get("RAPPORT_IMPORT_TIMEOUT_MS"),
            "RAPPORT_IMPORT_TIMEOUT_MS",
            120_000,
        )?;
        if import_timeout_ms == 0 {
            return Err(invalid("RAPPORT_IMPORT_TIMEOUT_MS", "must be positive"));
        }

        let rate_limits = crate::domain::rate_limit::RateLimits::parse(
            &get("RAPPORT_RATE_LIMITS").unwrap_or_default(),
        )
        .map_err(|e| invalid("RAPPORT_RATE_LIMITS", e))?;

        let shutdown_grace_secs = parse_number(
            get("RAPPORT_SHUTDOWN_GRACE_SECS"),
            "RAPPORT_SHUTDOWN_GRACE_SECS",
            30,
        )?;
        if shutdown_grace_secs > 3_600 {
            return Err(invalid(
                "RAPPORT_SHUTDOWN_GRACE_SECS",
                "must be at most 3600 (an hour)",
            ));
        }

        let event_retention_days = parse_number(
            get("RAPPORT_EVENT_RETENTION_DAYS"),
            "RAPPORT_EVENT_RETENTION_DAYS",
            30,
        )?;
        if !(1..=3650).contains(&event_retention_days) {
            return Err(invalid(
                "RAPPORT_EVENT_RETENTION_DAYS",
                "must be between 1 and 3650",
            ));
        }

        let webhook_policy = crate::domain::webhook::target::Policy::new(
            parse_flag(
                get("RAPPORT_WEBHOOK_ALLOW_HTTP"),
                "RAPPORT_WEBHOOK_ALLOW_HTTP",
                false,
            )?,
            &get("RAPPORT_WEBHOOK_ALLOWED_HOSTS").unwrap_or_default(),
        )
        .map_err(|m| invalid("RAPPORT_WEBHOOK_ALLOWED_HOSTS", m))?;
        let webhook_disable_after_hours = parse_number(
            get("RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS"),
            "RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS",
            72,
        )?;
        if !(1..=8760).contains(&webhook_disable_after_hours) {
            return Err(invalid(
                "RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS",
                "must be between 1 and 8760",
            ));
        }

        let audit_retention_days = parse_number(
            get("RAPPORT_AUDIT_RETENTION_DAYS"),
            "RAPPORT_AUDIT_RETENTION_DAYS",
            365,
        )?;
        if !(30..=36500).contains(&audit_retention_days) {
            return Err(invalid(
                "RAPPORT_AUDIT_RETENTION_DAYS",
                "must be between 30 and 36500",
            ));
        }
        let text_retention = |name: &'static str| -> Result<Option<u64>, ConfigError> {
            match get(name) {
                None => Ok(None),
                Some(v) if v.trim().eq_ignore_ascii_case("off") => Ok(None),
                Some(v) => match parse_number(Some(v), name, 0)? {
                    d @ 1..=36500 => Ok(Some(d)),
                    _ => Err(invalid(name, "must be between 1 and 36500, or `off`")),
                },
            }
        };
        let churned_interaction_retention_days =
            text_retention("RAPPORT_RETENTION_CHURNED_INTERACTIONS_DAYS")?;
        let closed_complaint_retention_days =
            text_retention("RAPPORT_RETENTION_CLOSED_COMPLAINTS_DAYS")?;

        let mut trusted_proxies = Vec::new();
        for address in get("RAPPORT_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            trusted_proxies.push(address.parse().map_err(|_| {
                invalid(
                    "RAPPORT_TRUSTED_PROXIES",
                    "must be IP addresses separated by commas",
                )
            })?);
        }

        let database_url =
            get("RAPPORT_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if replica.is_some() && crate::db::is_sqlite(&database_url) {
            return Err(invalid(
                "RAPPORT_DATABASE_REPLICA_URL",
                "a read replica needs RAPPORT_DATABASE_URL to be PostgreSQL",
            ));
        }

        Ok(Self {
            database_url,
            replica,
            bind: get("RAPPORT_BIND").unwrap_or_else(|| DEFAULT_BIND.into()),
            jwt: JwtSettings {
                secret,
                secret_generated,
                issuer: get("RAPPORT_JWT_ISSUER").unwrap_or_else(|| "rapport".into()),
                audience: get("RAPPORT_JWT_AUDIENCE").unwrap_or_else(|| "rapport-api".into()),
                ttl: Duration::from_secs(ttl_secs),
            },
            bootstrap_admin,
            log: get("RAPPORT_LOG").unwrap_or_else(|| "info".into()),
            log_format,
            scheduler_enabled,
            scheduler_interval: Duration::from_secs(interval),
            statement_timeout: Duration::from_millis(statement_timeout_ms),
            campaign_max_members,
            tier_thresholds,
            import_timeout: Duration::from_millis(import_timeout_ms),
            shutdown_grace: Duration::from_secs(shutdown_grace_secs),
            rate_limits,
            trusted_proxies,
            cors_origins: CorsOrigins::parse(get("RAPPORT_CORS_ALLOWED_ORIGINS").as_deref())?,
            event_retention_days,
            webhook_policy,
            webhook_disable_after_hours,
            audit_retention_days,
            churned_interaction_retention_days,
            closed_complaint_retention_days,
        })
    }
}

/// An on/off switch: `on`, `true` or `1`; `off`, `false` or `0`.
fn parse_flag(
    value: Option<String>,
    name: &'static str,
    default: bool,
) -> Result<bool, ConfigError> {
    match value.as_deref().map(str::trim) {
        None => Ok(default),
        Some("on") | Some("true") | Some("1") => Ok(true),
        Some("off") | Some("false") | Some("0") => Ok(false),
        Some(other) => Err(invalid(
            name,
            format!("expected `on` or `off`, got `{other}`"),
        )),
    }
}

fn parse_number(
    value: Option<String>,
    name: &'static str,
    default: u64,
) -> Result<u64, ConfigError> {
    let unit = if name.ends_with("_MS") {
        " of milliseconds"
    } else if name.ends_with("_SECS") {
        " of seconds"
    } else {
        ""
    };
    match value {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| invalid(name, format!("expected a whole number{unit}, got `{v}`"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_follow_the_design() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(s.bind, "127.0.0.1:8080");
        assert!(s.jwt.secret_generated);
        assert!(s.jwt.secret.expose().len() >= MIN_SECRET_BYTES);
        assert_eq!(s.jwt.issuer, "rapport");
        assert_eq!(s.jwt.audience, "rapport-api");
        assert_eq!(s.jwt.ttl, Duration::from_secs(3600));
        assert!(s.scheduler_enabled);
        assert_eq!(s.log_format, LogFormat::Text);
    }

    #[test]
    fn cors_origins_are_none_any_or_a_checked_list() {
        let origins = |v: &str| settings(&[("RAPPORT_CORS_ALLOWED_ORIGINS", v)]);
        assert_eq!(settings(&[]).unwrap().cors_origins, CorsOrigins::None);
        assert_eq!(origins(" ").unwrap().cors_origins, CorsOrigins::None);
        assert_eq!(origins("*").unwrap().cors_origins, CorsOrigins::Any);
        assert_eq!(
            origins("https://App.example.com/, http://localhost:5173")
                .unwrap()
                .cors_origins,
            CorsOrigins::Listed(vec![
                "https://app.example.com".into(),
                "http://localhost:5173".into()
            ])
        );
        for bad in [
            "app.example.com",
            "https://a.example/path",
            "*, https://a.example",
            "ftp://x",
        ] {
            let err = origins(bad).unwrap_err();
            assert_eq!(err.name, "RAPPORT_CORS_ALLOWED_ORIGINS", "{bad}");
        }
    }

    #[test]
    fn short_secret_is_refused() {
        let err = settings(&[("RAPPORT_JWT_SECRET", "short")]).unwrap_err();
        assert_eq!(err.name, "RAPPORT_JWT_SECRET");
    }

    #[test]
    fn half_a_bootstrap_admin_is_refused() {
        assert!(settings(&[("RAPPORT_BOOTSTRAP_ADMIN_EMAIL", "a@b.c")]).is_err());
    }

    #[test]
    fn secrets_do_not_leak_through_debug() {
        let s = settings(&[
            ("RAPPORT_JWT_SECRET", "0123456789abcdef0123456789abcdef"),
            (
                "RAPPORT_DATABASE_URL",
                "postgres://rapport:db-pass-1@db:5432/rapport",
            ),
            ("RAPPORT_BOOTSTRAP_ADMIN_EMAIL", "a@b.c"),
            ("RAPPORT_BOOTSTRAP_ADMIN_PASSWORD", "admin-pass-2"),
        ])
        .unwrap();
        let shown = format!("{s:?}");
        for secret in ["0123456789abcdef", "db-pass-1", "admin-pass-2"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("postgres://rapport:***@db:5432/rapport"));
    }

    #[test]
    fn urls_lose_their_passwords() {
        assert_eq!(
            redact_url("postgres://u:p%40ss@h/db?sslmode=require&password=x"),
            "postgres://u:***@h/db?sslmode=require&password=***"
        );
        assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(
            redact_url("sqlite://rapport.db?mode=rwc"),
            "sqlite://rapport.db?mode=rwc"
        );
    }
}
