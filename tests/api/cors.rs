//! Browser frontends on another origin: every route of the OpenAPI document answers
//! preflights and simple requests for a listed origin, and gives nothing to the others.

use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

const APP_ORIGIN: &str = "https://app.example.com";
const OTHER_ORIGIN: &str = "https://evil.example.net";
const REQUEST_HEADERS: &str =
    "authorization, content-type, if-match, idempotency-key, x-request-id";

/// Every operation of the committed document, its path parameters filled in.
fn operations() -> Vec<(Method, String)> {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .unwrap(),
    )
    .unwrap();
    let id = "0193a000-0000-7000-8000-000000000001";
    let template = regex::Regex::new(r"\{[^}]+\}").unwrap();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/api/v1/") {
            continue;
        }
        let concrete = template.replace_all(path, id).into_owned();
        for method in item.as_object().unwrap().keys() {
            out.push((
                Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(),
                concrete.clone(),
            ));
        }
    }
    assert!(out.len() > 60, "the document lists every route");
    out
}

async fn preflight(app: &TestApp, origin: &str, method: &Method, path: &str) -> Response {
    app.client
        .request(Method::OPTIONS, app.url(path))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method.as_str())
        .header("Access-Control-Request-Headers", REQUEST_HEADERS)
        .send()
        .await
        .unwrap()
}

fn header<'a>(res: &'a Response, name: &str) -> Option<&'a str> {
    res.headers().get(name).and_then(|v| v.to_str().ok())
}

fn listed(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

db_test!(
    every_route_answers_a_listed_origin_and_no_other,
    with[(
        "RAPPORT_CORS_ALLOWED_ORIGINS",
        "https://app.example.com, http://localhost:5173"
    )],
    |app: TestApp| async move {
        for (method, path) in operations() {
            let name = format!("{method} {path}");
            // The preflight needs no token and answers with the route's own methods.
            let res = preflight(&app, APP_ORIGIN, &method, &path).await;
            assert_eq!(res.status(), StatusCode::NO_CONTENT, "{name}: preflight");
            assert_eq!(
                header(&res, "access-control-allow-origin"),
                Some(APP_ORIGIN),
                "{name}"
            );
            let methods = listed(header(&res, "access-control-allow-methods"));
            assert!(
                methods.contains(&method.as_str().to_ascii_lowercase()),
                "{name}: {methods:?}"
            );
            let allowed = listed(header(&res, "access-control-allow-headers"));
            for wanted in REQUEST_HEADERS.split(", ") {
                assert!(
                    allowed.contains(&wanted.to_string()),
                    "{name}: {wanted} in {allowed:?}"
                );
            }
            assert_eq!(
                header(&res, "access-control-max-age"),
                Some("3600"),
                "{name}"
            );
            assert_eq!(
                header(&res, "access-control-allow-credentials"),
                None,
                "{name}"
            );
            assert!(
                listed(header(&res, "vary")).contains(&"origin".to_string()),
                "{name}: Vary"
            );

            // A preflight from an origin not listed is refused, with no CORS header.
            let res = preflight(&app, OTHER_ORIGIN, &method, &path).await;
            assert_eq!(header(&res, "access-control-allow-origin"), None, "{name}");
            assert_problem(res, 403).await;

            // The request itself: the listed origin may read the answer (here a 401, or a
            // 4xx about the missing body, which a frontend must be able to read to send its
            // user to sign in); the other not.
            for (origin, expected) in [(APP_ORIGIN, Some(APP_ORIGIN)), (OTHER_ORIGIN, None)] {
                let res = app
                    .client
                    .request(method.clone(), app.url(&path))
                    .header("Origin", origin)
                    .send()
                    .await
                    .unwrap();
                assert!(res.status().is_client_error(), "{name} from {origin}");
                assert_eq!(
                    header(&res, "access-control-allow-origin"),
                    expected,
                    "{name}"
                );
            }
        }
    }
);

db_test!(
    answers_expose_what_a_frontend_reads,
    with[("RAPPORT_CORS_ALLOWED_ORIGINS", "https://app.example.com")],
    |app: TestApp| async move {
        let res = app
            .client
            .post(app.url("/api/v1/customers"))
            .bearer_auth(&app.admin_token)
            .header("Origin", APP_ORIGIN)
            .header("Idempotency-Key", "cors-1")
            .json(&json!({"name": "Ada Lovelace"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(
            header(&res, "access-control-allow-origin"),
            Some(APP_ORIGIN)
        );
        let exposed = listed(header(&res, "access-control-expose-headers"));
        for name in [
            "etag",
            "location",
            "x-request-id",
            "retry-after",
            "idempotent-replayed",
            "ratelimit",
            "ratelimit-policy",
        ] {
            assert!(exposed.contains(&name.to_string()), "{name} in {exposed:?}");
        }
        let id = res.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();

        // An error answer carries the headers too, so the page can read its problem.
        let res = app
            .client
            .patch(app.url(&format!("/api/v1/customers/{id}")))
            .bearer_auth(&app.admin_token)
            .header("Origin", APP_ORIGIN)
            .header("If-Match", "\"99\"")
            .json(&json!({"name": "Ada"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            header(&res, "access-control-allow-origin"),
            Some(APP_ORIGIN)
        );
        assert_problem(res, 412).await;

        // Preflights are not requests: the idempotency key is untouched by them, and a
        // request after many of them acts once.
        for _ in 0..20 {
            let res = preflight(&app, APP_ORIGIN, &Method::POST, "/api/v1/customers").await;
            assert_eq!(res.status(), StatusCode::NO_CONTENT);
        }
        let res = app
            .client
            .post(app.url("/api/v1/customers"))
            .bearer_auth(&app.admin_token)
            .header("Origin", APP_ORIGIN)
            .header("Idempotency-Key", "cors-1")
            .json(&json!({"name": "Ada Lovelace"}))
            .send()
            .await
            .unwrap();
        assert_eq!(header(&res, "idempotent-replayed"), Some("true"));
        assert_eq!(app.customer_count().await, 1);

        // A sign-in page on the listed origin: its preflight and the sign-in itself.
        let res = preflight(&app, APP_ORIGIN, &Method::POST, "/api/v1/auth/token").await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let res = app
            .client
            .post(app.url("/api/v1/auth/token"))
            .header("Origin", APP_ORIGIN)
            .json(&json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            header(&res, "access-control-allow-origin"),
            Some(APP_ORIGIN)
        );
    }
);

db_test!(
    without_configured_origins_no_origin_is_allowed,
    |app: TestApp| async move {
        let res = preflight(&app, APP_ORIGIN, &Method::GET, "/api/v1/customers").await;
        assert_eq!(header(&res, "access-control-allow-origin"), None);
        assert_problem(res, 403).await;
        let res = app
            .client
            .get(app.url("/api/v1/me"))
            .bearer_auth(&app.admin_token)
            .header("Origin", APP_ORIGIN)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header(&res, "access-control-allow-origin"), None);
        // A plain OPTIONS, not a preflight, is still a method the paths do not declare.
        let res = app
            .client
            .request(Method::OPTIONS, app.url("/api/v1/customers"))
            .send()
            .await
            .unwrap();
        assert_problem(res, 405).await;
    }
);

db_test!(
    a_wildcard_allows_every_origin_without_credentials,
    with[("RAPPORT_CORS_ALLOWED_ORIGINS", "*")],
    |app: TestApp| async move {
        let res = preflight(
            &app,
            OTHER_ORIGIN,
            &Method::PATCH,
            "/api/v1/customers/0193a000-0000-7000-8000-000000000001",
        )
        .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(header(&res, "access-control-allow-origin"), Some("*"));
        assert_eq!(header(&res, "access-control-allow-credentials"), None);
        assert_eq!(
            listed(header(&res, "access-control-allow-methods")),
            vec!["get", "delete", "patch"]
        );
    }
);
