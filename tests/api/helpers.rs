//! Spawning an app per test and typed helpers for the calls most tests make.

use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use rapport::config::Settings;
use rapport::startup::Application;
use reqwest::{Method, Response, StatusCode};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use uuid::Uuid;

pub const ADMIN_EMAIL: &str = "admin@example.com";
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";
pub const JWT_SECRET: &str = "test-secret-that-is-long-enough-0123456789";

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub admin_token: String,
    pub database_url: String,
    /// The server's business clock: `clock.advance(..)` makes time pass for it.
    pub clock: rapport::clock::Clock,
    pub backend: Backend,
    /// Statements the server has sent on its main pool: round trips per request.
    pub statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Stops the server as SIGTERM does.
    pub shutdown: rapport::http::drain::Shutdown,
}

/// Each test's database is removed when the test ends, passed or failed.
impl Drop for TestApp {
    fn drop(&mut self) {
        let url = self.database_url.clone();
        let backend = self.backend;
        // Drop cannot await; a thread with its own runtime does the removal and is joined.
        let _ = std::thread::spawn(move || remove_database(backend, &url)).join();
    }
}

pub fn remove_database(backend: Backend, url: &str) {
    match backend {
        Backend::Sqlite => {
            let path = url
                .trim_start_matches("sqlite://")
                .split('?')
                .next()
                .unwrap_or_default();
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{path}{suffix}"));
            }
        }
        Backend::Postgres => {
            let (Ok(base), Some((_, name))) = (
                std::env::var("RAPPORT_TEST_POSTGRES_URL"),
                url.rsplit_once('/'),
            ) else {
                return;
            };
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async {
                if let Ok(admin) = Database::connect(&base).await {
                    // FORCE ends the pool connections the test's server still holds.
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    let _ = admin.close().await;
                }
            });
        }
    }
}

/// Declares one test per database backend. The PostgreSQL one is ignored, with its reason,
/// when RAPPORT_TEST_POSTGRES_URL was unset at build time (`build.rs`); CI always sets it.
#[macro_export]
macro_rules! db_test {
    ($name:ident, with $extra:expr, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let app = $crate::helpers::spawn_app_with($crate::helpers::Backend::Sqlite, &$extra)
                    .await;
                ($body)(app).await;
            }

            #[tokio::test]
            #[cfg_attr(
                not(rapport_postgres),
                ignore = "set RAPPORT_TEST_POSTGRES_URL to run it on PostgreSQL"
            )]
            async fn postgres() {
                let app =
                    $crate::helpers::spawn_app_with($crate::helpers::Backend::Postgres, &$extra)
                        .await;
                ($body)(app).await;
            }
        }
    };
    ($name:ident, $body:expr) => {
        $crate::db_test!($name, with [], $body);
    };
}

pub async fn fresh_database(backend: Backend) -> String {
    let name = format!("rapport_t_{}", Uuid::now_v7().simple());
    match backend {
        Backend::Sqlite => {
            let path = std::env::temp_dir().join(format!("{name}.db"));
            format!("sqlite://{}?mode=rwc", path.display())
        }
        Backend::Postgres => {
            let base = std::env::var("RAPPORT_TEST_POSTGRES_URL").expect("postgres url");
            let admin = Database::connect(&base).await.expect("connect to postgres");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            let (prefix, _) = base.rsplit_once('/').expect("url has a database name");
            format!("{prefix}/{name}")
        }
    }
}

pub fn settings_for(database_url: &str, extra: &[(&str, &str)]) -> Settings {
    let mut vars: HashMap<String, String> = [
        ("RAPPORT_DATABASE_URL", database_url),
        ("RAPPORT_BIND", "127.0.0.1:0"),
        ("RAPPORT_JWT_SECRET", JWT_SECRET),
        ("RAPPORT_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL),
        ("RAPPORT_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
        ("RAPPORT_SCHEDULER", "off"),
        // Tests send requests far faster than anyone would; the limits' own tests set them.
        ("RAPPORT_RATE_LIMITS", "off"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in extra {
        vars.insert(k.to_string(), v.to_string());
    }
    Settings::from_lookup(|k| vars.get(k).cloned()).expect("test settings")
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, &[]).await
}

pub async fn spawn_app_with(backend: Backend, extra: &[(&str, &str)]) -> TestApp {
    let database_url = fresh_database(backend).await;
    spawn_app_on(backend, database_url, extra).await
}

/// A server on an existing database (which it removes when dropped, as every test app does).
pub async fn spawn_app_on(
    backend: Backend,
    database_url: String,
    extra: &[(&str, &str)],
) -> TestApp {
    // No log lines in test output, but the subscriber that turns pool events into metrics.
    rapport::telemetry::init("off", rapport::config::LogFormat::Text);
    let app = Application::build(settings_for(&database_url, extra))
        .await
        .expect("application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let clock = app.clock();
    let statements = app.statements();
    let shutdown = app.shutdown();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let mut test_app = TestApp {
        address,
        client,
        admin_token: String::new(),
        database_url,
        clock,
        backend,
        statements,
        shutdown,
    };
    test_app.admin_token = test_app.token(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    test_app
}

impl TestApp {
    /// The statements the server sends to answer one GET of `path`.
    pub async fn statements_for(&self, path: &str, token: &str) -> (u64, Value) {
        use std::sync::atomic::Ordering;
        let before = self.statements.load(Ordering::SeqCst);
        let res = self.get(path, token).await;
        assert_eq!(res.status(), StatusCode::OK, "GET {path}");
        let body: Value = res.json().await.expect("body");
        (self.statements.load(Ordering::SeqCst) - before, body)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn token(&self, email: &str, password: &str) -> String {
        let res = self
            .client
            .post(self.url("/api/v1/auth/token"))
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .expect("token request");
        assert_eq!(res.status(), StatusCode::OK, "sign-in of {email}");
        let body: Value = res.json().await.expect("token body");
        body["access_token"]
            .as_str()
            .expect("access_token")
            .to_string()
    }

    /// Sends a request as the holder of `token`, with an optional JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<&Value>,
    ) -> Response {
        let mut req = self
            .client
            .request(method, self.url(path))
            .bearer_auth(token);
        if let Some(b) = body {
            req = req.json(b);
        }
        req.send().await.expect("request")
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.call(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Response {
        self.call(Method::POST, path, token, Some(body)).await
    }

    pub async fn patch(&self, path: &str, token: &str, body: &Value) -> Response {
        self.call(Method::PATCH, path, token, Some(body)).await
    }

    /// Creates a user with `role` and returns its id and a token.
    pub async fn user_with_role(&self, role: &str) -> (String, String) {
        let password = "a-long-enough-password";
        let (id, email) = self.user_with_password(role, password).await;
        (id, self.token(&email, password).await)
    }

    /// The items of the page a GET of `path` answers, which must be a 200.
    pub async fn items(&self, path: &str, token: &str) -> Vec<Value> {
        let res = self.get(path, token).await;
        assert_eq!(res.status(), StatusCode::OK, "GET {path}");
        let page: Value = res.json().await.expect("page");
        page["items"].as_array().expect("items").clone()
    }

    pub async fn create_customer(&self, token: &str, body: &Value) -> Customer {
        let res = self.post("/api/v1/customers", token, body).await;
        assert_eq!(res.status(), StatusCode::CREATED, "create customer");
        res.json().await.expect("customer")
    }

    pub async fn get_customer(&self, id: &str) -> Customer {
        let res = self
            .get(&format!("/api/v1/customers/{id}"), &self.admin_token)
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json().await.expect("customer")
    }

    /// Sends a CSV file to the customers import.
    pub async fn send_csv(
        &self,
        token: &str,
        query: &str,
        body: impl Into<reqwest::Body>,
    ) -> Response {
        self.client
            .post(self.url(&format!("/api/v1/customers/import{query}")))
            .bearer_auth(token)
            .header("content-type", "text/csv")
            .body(body)
            .send()
            .await
            .expect("request")
    }

    /// Runs every scheduler pass once, as the admin.
    pub async fn run_scheduler(&self) -> Value {
        let res = self
            .post("/api/v1/scheduler/run", &self.admin_token, &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "scheduler run");
        res.json().await.expect("run")
    }

    /// How many customers the admin sees (up to a page of 200).
    pub async fn customer_count(&self) -> usize {
        self.items("/api/v1/customers?limit=200", &self.admin_token)
            .await
            .len()
    }

    /// Logs a purchase as the admin.
    pub async fn buy(&self, customer: &str, amount_minor: i64, currency: &str, at: DateTime<Utc>) {
        let body =
            json!({"amount_minor": amount_minor, "currency": currency, "occurred_at": rfc3339(at)});
        let res = self
            .post(
                &format!("/api/v1/customers/{customer}/purchases"),
                &self.admin_token,
                &body,
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "buy");
    }

    /// Schedules a manual touchpoint.
    pub async fn schedule(&self, token: &str, body: Value) -> Touchpoint {
        let res = self.post("/api/v1/touchpoints", token, &body).await;
        assert_eq!(res.status(), StatusCode::CREATED, "schedule");
        res.json().await.expect("touchpoint")
    }

    /// The customer's touchpoints (up to a page of 200), as the admin sees them.
    pub async fn touchpoints_of(&self, customer: &str) -> Vec<Value> {
        self.items(
            &format!("/api/v1/touchpoints?customer_id={customer}&limit=200"),
            &self.admin_token,
        )
        .await
    }
}

/// An instant as the API takes it, to the second.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// An instant the API answered.
pub fn at(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("not a time: {v}")))
        .unwrap()
        .with_timezone(&Utc)
}

/// Asserts that `value` is an instant the server set between `before` and `after` (read
/// from the test's clock around the request); PostgreSQL keeps microseconds.
pub fn assert_set_between(value: &Value, before: DateTime<Utc>, after: DateTime<Utc>) {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("not an instant: {value}"));
    let at = DateTime::parse_from_rfc3339(text)
        .expect("RFC 3339")
        .to_utc();
    assert!(
        before.trunc_subsecs(6) <= at && at <= after,
        "{at} is not between {before} and {after}"
    );
}

/// A touchpoint as the API shows it: the fields tests read.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Touchpoint {
    pub id: String,
    pub customer_id: String,
    pub assignee_id: String,
    pub due_at: String,
    pub status: String,
    pub purpose: String,
    pub source: String,
    pub overdue: bool,
    pub version: i64,
}

impl Touchpoint {
    pub fn path(&self) -> String {
        format!("/api/v1/touchpoints/{}", self.id)
    }
}

/// A customer as the API shows it: the fields tests read, typed as a client would read them
/// (timestamps as the RFC 3339 text the API sends).
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Customer {
    pub id: String,
    pub name: String,
    pub tier: String,
    pub timezone: String,
    pub tags: Vec<String>,
    pub owner_id: String,
    pub version: i64,
    pub last_contacted_at: Option<String>,
    pub last_inbound_at: Option<String>,
    pub last_outbound_at: Option<String>,
    pub lifetime_value_minor: i64,
    pub lifetime_value_currency: Option<String>,
    pub purchase_count: i64,
    pub last_purchase_at: Option<String>,
    pub next_touchpoint_due_at: Option<String>,
    pub overdue_touchpoints: i64,
    pub open_complaints: i64,
}

/// Asserts a problem+json response and returns its body.
pub async fn assert_problem(res: Response, status: u16) -> Value {
    assert_eq!(res.status().as_u16(), status, "status");
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = res.json().await.expect("problem body");
    assert_eq!(body["status"], status);
    if status == 422 {
        assert_codes_documented(&body["errors"]);
    }
    assert!(body["type"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(body["title"].as_str().is_some());
    assert!(body["detail"].as_str().is_some());
    body
}

/// The codes a field error may carry: the `FieldCode` enum of the committed document.
pub fn field_codes() -> Vec<String> {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .expect("openapi.json"),
    )
    .expect("openapi.json parses");
    doc["components"]["schemas"]["FieldCode"]["enum"]
        .as_array()
        .expect("FieldCode enum")
        .iter()
        .map(|c| c.as_str().expect("code").to_string())
        .collect()
}

/// Every entry of a list of field errors (a 422's `errors`, an import's row errors) has a
/// `code` from the documented vocabulary beside its `message`.
pub fn assert_codes_documented(errors: &Value) {
    let codes = field_codes();
    let errors = errors.as_array().expect("errors is a list");
    assert!(!errors.is_empty(), "a 422 lists its field errors");
    for e in errors {
        let code = e["code"].as_str().unwrap_or_default();
        assert!(codes.iter().any(|c| c == code), "undocumented code in {e}");
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{e}");
    }
}

/// The fields named in a 422 problem.
pub fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e["field"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The `name` of each item of a page, in order.
pub fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

/// Sends the requests at the same instant: each task waits at a barrier until all are ready,
/// so a check-then-write race shows. Answers in the order given.
pub async fn at_once(requests: Vec<reqwest::RequestBuilder>) -> Vec<Response> {
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(requests.len()));
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|request| {
            let barrier = barrier.clone();
            tokio::spawn(async move {
                barrier.wait().await;
                request.send().await.expect("request")
            })
        })
        .collect();
    let mut responses = Vec::with_capacity(tasks.len());
    for task in tasks {
        responses.push(task.await.expect("request task"));
    }
    responses
}

/// How many responses have each status.
pub fn status_counts(responses: &[Response]) -> std::collections::BTreeMap<u16, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for res in responses {
        *counts.entry(res.status().as_u16()).or_default() += 1;
    }
    counts
}

impl TestApp {
    /// A request as the holder of `token`, ready to send (for `at_once`).
    pub fn request(&self, method: Method, path: &str, token: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, self.url(path))
            .bearer_auth(token)
    }

    /// Creates a user with `role` and a known password; returns its id and email.
    pub async fn user_with_password(&self, role: &str, password: &str) -> (String, String) {
        let email = format!("{role}-{}@example.com", Uuid::now_v7().simple());
        let res = self
            .post(
                "/api/v1/users",
                &self.admin_token,
                &json!({"email": email, "name": format!("Test {role}"), "role": role, "password": password}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let user: Value = res.json().await.expect("user");
        (user["id"].as_str().expect("id").to_string(), email)
    }
}
