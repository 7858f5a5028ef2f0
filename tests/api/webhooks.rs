//! Webhooks: endpoints receive every event they subscribe to as a signed Standard Webhooks
//! request; failures are retried with backoff on the business clock, one customer's events
//! in order; an endpoint that keeps failing is turned off; URLs that would reach the
//! service's own network are refused.

use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::Duration;
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::db_test;
use crate::helpers::*;

/// What the receiver was sent.
#[derive(Clone, Debug)]
pub struct Received {
    pub id: String,
    pub timestamp: String,
    pub signature: String,
    pub body: String,
}

impl Received {
    pub fn event(&self) -> Value {
        serde_json::from_str(&self.body).expect("the body is JSON")
    }
}

/// A local endpoint that records every request and answers with the status it is told.
pub struct Receiver {
    pub url: String,
    pub status: Arc<AtomicU16>,
    pub seen: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    pub async fn start() -> Self {
        let status = Arc::new(AtomicU16::new(200));
        let seen: Arc<Mutex<Vec<Received>>> = Arc::default();
        let (s, r) = (status.clone(), seen.clone());
        let server = actix_web::HttpServer::new(move || {
            let (s, r) = (s.clone(), r.clone());
            actix_web::App::new().default_service(actix_web::web::to(
                move |req: actix_web::HttpRequest, body: actix_web::web::Bytes| {
                    let (s, r) = (s.clone(), r.clone());
                    async move {
                        let header = |name: &str| {
                            req.headers()
                                .get(name)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or_default()
                                .to_string()
                        };
                        r.lock().unwrap().push(Received {
                            id: header("webhook-id"),
                            timestamp: header("webhook-timestamp"),
                            signature: header("webhook-signature"),
                            body: String::from_utf8_lossy(&body).into_owned(),
                        });
                        let code = s.load(Ordering::SeqCst);
                        actix_web::HttpResponse::build(
                            actix_web::http::StatusCode::from_u16(code).unwrap(),
                        )
                        .body(format!("answered {code}"))
                    }
                },
            ))
        })
        .workers(1)
        .bind("127.0.0.1:0")
        .expect("receiver binds");
        let port = server.addrs()[0].port();
        tokio::spawn(server.run());
        Self {
            url: format!("http://127.0.0.1:{port}/hooks"),
            status,
            seen,
        }
    }

    pub fn answer(&self, code: u16) {
        self.status.store(code, Ordering::SeqCst);
    }

    pub fn seen(&self) -> Vec<Received> {
        self.seen.lock().unwrap().clone()
    }
}

/// The local receiver may be reached: plain http to the loopback address.
pub const LOCAL: [(&str, &str); 2] = [
    ("RAPPORT_WEBHOOK_ALLOW_HTTP", "true"),
    ("RAPPORT_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"),
];

/// Does `signature` (`v1,<sig> …`) hold one valid signature of the request by `secret`?
pub fn signed_by(r: &Received, secret: &str) -> bool {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").expect("whsec_ secret"))
        .expect("base64 key");
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{}.{}.{}", r.id, r.timestamp, r.body).as_bytes());
    let expected = format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()));
    r.signature.split(' ').any(|s| s == expected)
}

pub async fn subscribe(app: &TestApp, body: Value) -> Value {
    let res = app.post("/api/v1/webhooks", &app.admin_token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "subscribe");
    res.json().await.unwrap()
}

async fn deliveries(app: &TestApp, hook: &str, filter: &str) -> Vec<Value> {
    app.items(
        &format!("/api/v1/webhooks/{hook}/deliveries?limit=200{filter}"),
        &app.admin_token,
    )
    .await
}

async fn webhook(app: &TestApp, id: &str) -> Value {
    let res = app
        .get(&format!("/api/v1/webhooks/{id}"), &app.admin_token)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn feed_ids(app: &TestApp, filter: &str) -> Vec<String> {
    app.items(
        &format!("/api/v1/events?limit=200{filter}"),
        &app.admin_token,
    )
    .await
    .iter()
    .map(|e| e["id"].as_str().unwrap().to_string())
    .collect()
}

db_test!(
    events_arrive_signed_as_the_feed_shows_them,
    with LOCAL,
    |app: TestApp| async move {
        let receiver = Receiver::start().await;
        let hook = subscribe(
            &app,
            json!({"url": receiver.url, "event_types": ["customer.created", "purchase.created"],
                   "description": "warehouse"}),
        )
        .await;
        let secret = hook["secret"].as_str().unwrap().to_string();
        assert!(secret.starts_with("whsec_"), "{secret}");
        assert_eq!(hook["event_types"], json!(["customer.created", "purchase.created"]));
        assert_eq!(hook["active"], true);
        let id = hook["id"].as_str().unwrap().to_string();

        // The secret is never shown again.
        let shown = webhook(&app, &id).await;
        assert!(shown.get("secret").is_none());
        assert_eq!(shown["secret_prefix"], secret[..10]);
        let listed = app.items("/api/v1/webhooks", &app.admin_token).await;
        assert!(!serde_json::to_string(&listed).unwrap().contains(&secret));

        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Ada Lovelace"}))
            .await;
        app.buy(&customer.id, 12_000, "EUR", app.clock.now()).await;
        // Not subscribed: a change to the profile.
        let res = app
            .patch(
                &format!("/api/v1/customers/{}", customer.id),
                &app.admin_token,
                &json!({"company": "Analytical Engines"}),
            )
            .await;
        assert!(res.status().is_success());
        let run = app.run_scheduler().await;
        let pass = run["passes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "webhook_deliveries")
            .unwrap()
            .clone();
        assert!(pass["affected"].as_u64().unwrap() >= 2, "{pass}");

        let seen = receiver.seen();
        let wanted =
            feed_ids(&app, "&type=customer.created").await.into_iter().chain(
                feed_ids(&app, "&type=purchase.created").await,
            );
        assert_eq!(
            seen.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
            wanted.collect::<Vec<_>>(),
            "each subscribed event once, in feed order"
        );
        let events = app.items("/api/v1/events?limit=200", &app.admin_token).await;
        for r in &seen {
            assert!(signed_by(r, &secret), "signature of {}", r.id);
            assert!(!signed_by(r, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
            let body = r.event();
            assert_eq!(body["id"], r.id.as_str(), "webhook-id is the event id");
            let in_feed = events.iter().find(|e| e["id"] == body["id"]).unwrap();
            assert_eq!(&body, in_feed, "the body is the event as the feed shows it");
            let ts: i64 = r.timestamp.parse().unwrap();
            assert!((ts - chrono::Utc::now().timestamp()).abs() < 60);
        }
        assert_eq!(seen[0].event()["data"]["name"], "Ada Lovelace");

        let log = deliveries(&app, &id, "").await;
        assert_eq!(log.len(), 2);
        for d in &log {
            assert_eq!(d["state"], "delivered", "{d}");
            assert_eq!(d["attempts"], 1);
            assert_eq!(d["next_attempt_at"], Value::Null);
            assert_eq!(d["log"][0]["status_code"], 200);
            assert_eq!(d["log"][0]["response_body"], "answered 200");
            assert!(d["log"][0]["latency_ms"].as_i64().unwrap() >= 0);
        }
        // Newest first.
        assert_eq!(log[0]["event_type"], "purchase.created");

        // A second run sends nothing again.
        app.run_scheduler().await;
        assert_eq!(receiver.seen().len(), 2);
    }
);

db_test!(
    failures_back_off_on_the_business_clock_and_keep_each_customers_order,
    with LOCAL,
    |app: TestApp| async move {
        let receiver = Receiver::start().await;
        receiver.answer(503);
        let hook = subscribe(
            &app,
            json!({"url": receiver.url, "event_types": ["customer.created", "customer.updated"]}),
        )
        .await;
        let id = hook["id"].as_str().unwrap().to_string();
        let ada = app
            .create_customer(&app.admin_token, &json!({"name": "Ada"}))
            .await;
        for company in ["One", "Two"] {
            let res = app
                .patch(
                    &format!("/api/v1/customers/{}", ada.id),
                    &app.admin_token,
                    &json!({"company": company}),
                )
                .await;
            assert!(res.status().is_success());
        }
        let grace = app
            .create_customer(&app.admin_token, &json!({"name": "Grace"}))
            .await;
        let order = feed_ids(&app, &format!("&customer_id={}", ada.id)).await;
        assert_eq!(order.len(), 3);

        let started = app.clock.now();
        app.run_scheduler().await;
        // Ada's first event and Grace's: Ada's later ones wait behind her first.
        let seen = receiver.seen();
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert_eq!(seen[0].id, order[0]);
        let first = deliveries(&app, &id, &format!("&event_id={}", order[0])).await;
        let d = &first[0];
        assert_eq!(d["state"], "pending");
        assert_eq!(d["attempts"], 1);
        assert_eq!(d["log"][0]["status_code"], 503);
        assert_eq!(d["log"][0]["error"], "the receiver answered 503");
        let next = at(&d["next_attempt_at"]);
        assert!(
            next >= started + Duration::seconds(4) && next <= app.clock.now() + Duration::seconds(6),
            "first retry after 5 s ± a fifth: {next}"
        );
        assert_eq!(
            at(&d["give_up_at"]) - at(&d["created_at"]),
            Duration::hours(24)
        );
        // Not yet due: nothing is sent.
        app.run_scheduler().await;
        assert_eq!(receiver.seen().len(), 2);

        app.clock.advance(Duration::seconds(7));
        app.run_scheduler().await;
        assert_eq!(receiver.seen().len(), 4, "both heads tried again");
        let d = &deliveries(&app, &id, &format!("&event_id={}", order[0])).await[0];
        assert_eq!(d["attempts"], 2);
        let wait = at(&d["next_attempt_at"]) - at(&d["log"][1]["at"]);
        assert!(
            wait >= Duration::seconds(16) && wait <= Duration::seconds(24),
            "the second wait is four times the first: {wait}"
        );
        let failing = webhook(&app, &id).await;
        assert!(failing["failing_since"].is_string());
        assert_eq!(failing["active"], true);

        // The receiver recovers: everything arrives, Ada's events in feed order, once each.
        receiver.answer(204);
        app.clock.advance(Duration::seconds(25));
        app.run_scheduler().await;
        let seen = receiver.seen();
        let delivered: Vec<String> = seen[4..].iter().map(|r| r.id.clone()).collect();
        let adas: Vec<String> = delivered
            .iter()
            .filter(|id| order.contains(id))
            .cloned()
            .collect();
        assert_eq!(adas, order, "Ada's events in order after recovery");
        assert_eq!(delivered.len(), 4, "{delivered:?}");
        let graces = feed_ids(&app, &format!("&customer_id={}", grace.id)).await;
        assert!(delivered.contains(&graces[0]));
        assert!(
            deliveries(&app, &id, "&state=pending").await.is_empty(),
            "nothing left pending"
        );
        assert_eq!(deliveries(&app, &id, "&state=delivered").await.len(), 4);
        assert_eq!(webhook(&app, &id).await["failing_since"], Value::Null);
    }
);

db_test!(
    a_delivery_gives_up_after_a_day_and_an_endpoint_failing_too_long_is_turned_off,
    with [
        ("RAPPORT_WEBHOOK_ALLOW_HTTP", "true"),
        ("RAPPORT_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"),
        ("RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS", "30"),
    ],
    |app: TestApp| async move {
        let receiver = Receiver::start().await;
        receiver.answer(500);
        let hook = subscribe(&app, json!({"url": receiver.url, "event_types": ["customer.created"]})).await;
        let id = hook["id"].as_str().unwrap().to_string();
        app.create_customer(&app.admin_token, &json!({"name": "Ada"})).await;
        app.run_scheduler().await;
        // Six-hourly runs for a day and a bit: the delivery is tried with growing waits,
        // then given up.
        for _ in 0..5 {
            app.clock.advance(Duration::hours(6));
            app.run_scheduler().await;
        }
        let d = &deliveries(&app, &id, "").await[0];
        assert_eq!(d["state"], "failed", "{d}");
        let tries = d["attempts"].as_i64().unwrap();
        assert!((5..=14).contains(&tries), "{tries} tries");
        assert_eq!(d["log"].as_array().unwrap().len() as i64, tries);
        assert_eq!(webhook(&app, &id).await["active"], true, "failing for 30 h only later");

        // A manual retry tries it once more.
        let res = app
            .post(
                &format!("/api/v1/webhooks/{id}/deliveries/{}/retry", d["id"].as_str().unwrap()),
                &app.admin_token,
                &json!({}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let queued: Value = res.json().await.unwrap();
        assert_eq!(queued["state"], "pending");
        app.clock.advance(Duration::hours(7));
        app.create_customer(&app.admin_token, &json!({"name": "Grace"})).await;
        app.run_scheduler().await;
        let shown = webhook(&app, &id).await;
        assert_eq!(shown["active"], false, "failing for over 30 hours: {shown}");
        let reason = shown["disabled_reason"].as_str().unwrap();
        assert!(reason.contains("30 hours") && reason.contains("500"), "{reason}");
        let sent = receiver.seen().len();
        app.clock.advance(Duration::hours(1));
        app.run_scheduler().await;
        assert_eq!(receiver.seen().len(), sent, "a disabled endpoint is sent nothing");
        let res = app
            .post(&format!("/api/v1/webhooks/{id}/ping"), &app.admin_token, &json!({}))
            .await;
        assert_problem(res, 409).await;

        // Turned back on, it gets what is pending, and what it missed.
        receiver.answer(200);
        app.create_customer(&app.admin_token, &json!({"name": "Hedy"})).await;
        let res = app
            .request(Method::PATCH, &format!("/api/v1/webhooks/{id}"), &app.admin_token)
            .header("If-Match", format!("\"{}\"", shown["version"]))
            .json(&json!({"active": true}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let on: Value = res.json().await.unwrap();
        assert_eq!(on["disabled_reason"], Value::Null);
        assert_eq!(on["failing_since"], Value::Null);
        app.run_scheduler().await;
        let names: Vec<String> = receiver.seen()[sent..]
            .iter()
            .map(|r| r.event()["data"]["name"].as_str().unwrap().to_string())
            .collect();
        // Ada's delivery had its one more try while the endpoint still failed, and stays
        // failed; what came after is delivered, in order.
        assert_eq!(names, ["Grace", "Hedy"]);
        assert!(deliveries(&app, &id, "&state=pending").await.is_empty());
        let failed = deliveries(&app, &id, "&state=failed").await;
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0]["attempts"].as_i64().unwrap(), tries + 1);
    }
);

db_test!(
    rotation_signs_with_both_secrets_during_the_grace_period,
    with LOCAL,
    |app: TestApp| async move {
        let receiver = Receiver::start().await;
        let hook = subscribe(&app, json!({"url": receiver.url})).await;
        let id = hook["id"].as_str().unwrap().to_string();
        let old = hook["secret"].as_str().unwrap().to_string();
        let res = app
            .request(Method::POST, &format!("/api/v1/webhooks/{id}/rotate-secret"), &app.admin_token)
            .header("If-Match", "\"1\"")
            .json(&json!({"grace_hours": 2}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let rotated: Value = res.json().await.unwrap();
        let new = rotated["secret"].as_str().unwrap().to_string();
        assert_ne!(new, old);
        assert!(rotated["previous_secret_expires_at"].is_string());

        let res = app
            .post(&format!("/api/v1/webhooks/{id}/ping"), &app.admin_token, &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let ping: Value = res.json().await.unwrap();
        assert_eq!(ping["event_type"], "webhook.ping");
        app.run_scheduler().await;
        let r = receiver.seen().pop().unwrap();
        assert_eq!(r.event()["type"], "webhook.ping");
        assert_eq!(r.event()["data"]["webhook_id"], id.as_str());
        assert_eq!(r.signature.split(' ').count(), 2);
        assert!(signed_by(&r, &new) && signed_by(&r, &old));

        // After the grace period only the new secret signs.
        app.clock.advance(Duration::hours(3));
        app.create_customer(&app.admin_token, &json!({"name": "Ada"})).await;
        app.run_scheduler().await;
        let r = receiver.seen().pop().unwrap();
        assert_eq!(r.signature.split(' ').count(), 1);
        assert!(signed_by(&r, &new) && !signed_by(&r, &old));
        assert_eq!(webhook(&app, &id).await["previous_secret_expires_at"], Value::Null);
    }
);

db_test!(
    workers_running_at_once_deliver_each_event_once,
    with LOCAL,
    |app: TestApp| async move {
        let receiver = Receiver::start().await;
        subscribe(&app, json!({"url": receiver.url, "event_types": ["customer.created"]})).await;
        for i in 0..30 {
            app.create_customer(&app.admin_token, &json!({"name": format!("C{i}")}))
                .await;
        }
        let runs = (0..6)
            .map(|_| {
                app.request(Method::POST, "/api/v1/scheduler/run", &app.admin_token)
                    .json(&json!({}))
            })
            .collect();
        let answers = at_once(runs).await;
        assert!(answers.iter().all(|r| r.status() == StatusCode::OK));
        let mut ids: Vec<String> = receiver.seen().iter().map(|r| r.id.clone()).collect();
        assert_eq!(ids.len(), 30, "each event delivered once");
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 30);
    }
);

db_test!(
    webhook_urls_must_be_public_https,
    |app: TestApp| async move {
        for (url, code) in [
            ("http://hooks.example.com/rapport", "not_allowed"),
            ("https://127.0.0.1/hooks", "not_allowed"),
            ("https://localhost:8443/hooks", "not_allowed"),
            ("https://10.0.0.8/hooks", "not_allowed"),
            ("https://192.168.1.20/hooks", "not_allowed"),
            ("https://169.254.169.254/latest/meta-data", "not_allowed"),
            ("https://[::1]/hooks", "not_allowed"),
            ("https://[fe80::1]/hooks", "not_allowed"),
            ("ftp://hooks.example.com/", "invalid_format"),
            ("not a url", "invalid_format"),
            ("https://user:pw@hooks.example.com/", "invalid_format"),
        ] {
            let res = app
                .post("/api/v1/webhooks", &app.admin_token, &json!({"url": url}))
                .await;
            let problem = assert_problem(res, 422).await;
            assert_eq!(problem["errors"][0]["field"], "url", "{url}");
            assert_eq!(problem["errors"][0]["code"], code, "{url}: {problem}");
        }
        let res = app
            .post(
                "/api/v1/webhooks",
                &app.admin_token,
                &json!({"url": "https://hooks.example.com/", "event_types": ["customer.exploded"]}),
            )
            .await;
        let problem = assert_problem(res, 422).await;
        assert_eq!(problem["errors"][0]["field"], "event_types[0]");
        // Nothing was made by the refused requests.
        assert!(
            app.items("/api/v1/webhooks", &app.admin_token)
                .await
                .is_empty()
        );
    }
);

db_test!(
    plain_http_is_allowed_by_configuration_but_not_to_private_addresses,
    with[("RAPPORT_WEBHOOK_ALLOW_HTTP", "true")],
    |app: TestApp| async move {
        let res = app
            .post(
                "/api/v1/webhooks",
                &app.admin_token,
                &json!({"url": "http://127.0.0.1:9/hooks"}),
            )
            .await;
        let problem = assert_problem(res, 422).await;
        assert_eq!(problem["errors"][0]["code"], "not_allowed");
    }
);

db_test!(
    only_admins_manage_webhooks,
    with LOCAL,
    |app: TestApp| async move {
        let receiver = Receiver::start().await;
        let hook = subscribe(&app, json!({"url": receiver.url})).await;
        let id = hook["id"].as_str().unwrap().to_string();
        let (_, manager) = app.user_with_role("manager").await;
        let key: Value = app
            .post("/api/v1/api-keys", &app.admin_token, &json!({"name": "k", "role": "manager"}))
            .await
            .json()
            .await
            .unwrap();
        let key = key["secret"].as_str().unwrap().to_string();
        for token in [&manager, &key] {
            assert_problem(app.get("/api/v1/webhooks", token).await, 403).await;
            assert_problem(
                app.post("/api/v1/webhooks", token, &json!({"url": receiver.url})).await,
                403,
            )
            .await;
            assert_problem(
                app.get(&format!("/api/v1/webhooks/{id}/deliveries"), token).await,
                403,
            )
            .await;
        }
        assert_problem(
            app.get(&format!("/api/v1/webhooks/{}", uuid::Uuid::now_v7()), &app.admin_token)
                .await,
            404,
        )
        .await;
        // A stale version is refused; the right one removes the endpoint and its log.
        let res = app
            .request(Method::DELETE, &format!("/api/v1/webhooks/{id}"), &app.admin_token)
            .header("If-Match", "\"7\"")
            .send()
            .await
            .unwrap();
        assert_problem(res, 412).await;
        let res = app
            .request(Method::DELETE, &format!("/api/v1/webhooks/{id}"), &app.admin_token)
            .header("If-Match", "\"1\"")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_problem(
            app.get(&format!("/api/v1/webhooks/{id}"), &app.admin_token).await,
            404,
        )
        .await;
    }
);
