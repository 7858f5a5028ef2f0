//! The conventions every route shares: problem documents for malformed input, unknown
//! routes and methods, sizes and content types.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn raw(
    app: &TestApp,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> reqwest::Response {
    let mut req = app
        .client
        .request(method, app.url(path))
        .bearer_auth(&app.admin_token)
        .body(body);
    if let Some(ct) = content_type {
        req = req.header("Content-Type", ct);
    }
    req.send().await.unwrap()
}

db_test!(malformed_bodies_are_problems, |app: TestApp| async move {
    let json_ct = Some("application/json");
    for body in [
        &b"{"[..],
        b"",
        b"[1,2",
        b"{\"name\": \"A\"} trailing",
        b"\xff\xfe",
    ] {
        let res = raw(
            &app,
            Method::POST,
            "/api/v1/customers",
            json_ct,
            body.to_vec(),
        )
        .await;
        assert_problem(res, 400).await;
    }
    // Objects given as arrays are refused, at the top and inside.
    let res = app
        .post("/api/v1/customers", &app.admin_token, &json!([]))
        .await;
    assert_eq!(error_fields(&assert_problem(res, 422).await), vec!["body"]);
    let res = app
        .post(
            "/api/v1/customers",
            &app.admin_token,
            &json!({"name": "A", "contact_window": [[1], "09:00", "10:00"]}),
        )
        .await;
    assert_eq!(
        error_fields(&assert_problem(res, 422).await),
        vec!["contact_window"]
    );
    let res = raw(
        &app,
        Method::POST,
        "/api/v1/customers",
        Some("text/plain"),
        b"{\"name\":\"A\"}".to_vec(),
    )
    .await;
    assert_problem(res, 415).await;
    let res = raw(
        &app,
        Method::POST,
        "/api/v1/customers",
        None,
        b"{\"name\":\"A\"}".to_vec(),
    )
    .await;
    assert_problem(res, 415).await;
    let huge = format!(
        "{{\"name\": \"A\", \"notes\": \"{}\"}}",
        "x".repeat(1_100_000)
    );
    let res = raw(
        &app,
        Method::POST,
        "/api/v1/customers",
        json_ct,
        huge.into_bytes(),
    )
    .await;
    assert_problem(res, 413).await;
    let res = raw(
        &app,
        Method::POST,
        "/api/v1/customers",
        Some("application/merge-patch+json"),
        b"{\"name\":\"Ok\"}".to_vec(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(app.customer_count().await, 1);
});

db_test!(
    bad_ids_unknown_routes_and_methods,
    |app: TestApp| async move {
        assert_problem(
            app.get("/api/v1/customers/not-a-uuid", &app.admin_token)
                .await,
            404,
        )
        .await;
        let unknown = format!("/api/v1/customers/{}", uuid::Uuid::now_v7());
        assert_problem(app.get(&unknown, &app.admin_token).await, 404).await;
        assert_problem(
            app.patch(&unknown, &app.admin_token, &json!({"name": "x"}))
                .await,
            404,
        )
        .await;
        assert_problem(app.get("/api/v1/nothing-here", &app.admin_token).await, 404).await;

        let res = app
            .call(Method::PUT, "/api/v1/customers", &app.admin_token, None)
            .await;
        assert_eq!(res.headers()["allow"], "GET, POST");
        assert_problem(res, 405).await;
        let res = app
            .call(Method::POST, &unknown, &app.admin_token, Some(&json!({})))
            .await;
        assert_eq!(res.headers()["allow"], "GET, DELETE, PATCH");
        assert_problem(res, 405).await;
    }
);

db_test!(
    integers_accept_a_zero_fraction_only,
    |app: TestApp| async move {
        let ok = app
        .post(
            "/api/v1/customers",
            &app.admin_token,
            &json!({"name": "A", "contact_window": {"weekdays": [1.0, 5], "start": "09:00", "end": "12:00"}}),
        )
        .await;
        assert_eq!(ok.status(), StatusCode::CREATED);
        let bad = app
        .post(
            "/api/v1/customers",
            &app.admin_token,
            &json!({"name": "B", "contact_window": {"weekdays": [1.5], "start": "09:00", "end": "12:00"}}),
        )
        .await;
        assert_eq!(
            error_fields(&assert_problem(bad, 422).await),
            vec!["contact_window.weekdays[0]"]
        );
        let list = app
            .get("/api/v1/customers?limit=1.0", &app.admin_token)
            .await;
        assert_eq!(list.status(), StatusCode::OK);
        assert_problem(
            app.get("/api/v1/customers?limit=1.5", &app.admin_token)
                .await,
            422,
        )
        .await;
        assert_eq!(app.customer_count().await, 1);
    }
);

db_test!(
    documented_error_examples_are_what_the_server_sends,
    |app: TestApp| async move {
        let doc: Value = app
            .client
            .get(app.url("/api-docs/openapi.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let example = |path: &str, method: &str, status: &str| {
            doc["paths"][path][method]["responses"][status]["content"]["application/problem+json"]
                ["example"]
                .clone()
        };

        let res = app
            .client
            .get(app.url("/api/v1/customers"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body, example("/api/v1/customers", "get", "401"));

        let path = format!("/api/v1/customers/{}", uuid::Uuid::now_v7());
        let res = app.get(&path, &app.admin_token).await;
        assert_eq!(res.status(), 404);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body, example("/api/v1/customers/{id}", "get", "404"));

        let res = app
            .client
            .post(app.url("/api/v1/customers"))
            .bearer_auth(&app.admin_token)
            .header("Content-Type", "text/plain")
            .body("name=Ada")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 415);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body, example("/api/v1/customers", "post", "415"));
    }
);

db_test!(
    a_form_learns_every_bad_field_from_one_answer,
    |app: TestApp| async move {
        let res = app
            .post(
                "/api/v1/customers",
                &app.admin_token,
                &json!({"name": "n".repeat(5_000), "email": "not an email", "tier": "platinum"}),
            )
            .await;
        let problem = assert_problem(res, 422).await;
        let found: Vec<(String, String)> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["field"].as_str().unwrap().into(),
                    e["code"].as_str().unwrap().into(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = [
            ("email", "invalid_format"),
            ("name", "too_long"),
            ("tier", "unknown_value"),
        ]
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect();
        assert_eq!(found, expected, "{problem}");
        assert_eq!(problem["detail"], "3 fields are invalid");

        // Missing, mistyped and unknown fields, nested ones too, in the same answer.
        let res = app
        .post(
            "/api/v1/customers",
            &app.admin_token,
            &json!({"birthday": 3, "contact_window": {"start": "09:00", "end": "17:00", "weekdays": [9]}, "colour": "red"}),
        )
        .await;
        let problem = assert_problem(res, 422).await;
        let codes: Vec<(String, String)> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["field"].as_str().unwrap().into(),
                    e["code"].as_str().unwrap().into(),
                )
            })
            .collect();
        for wanted in [
            ("birthday", "invalid_type"),
            ("colour", "unknown_field"),
            ("contact_window.weekdays[0]", "out_of_range"),
            ("name", "required"),
        ] {
            assert!(
                codes.contains(&(wanted.0.to_string(), wanted.1.to_string())),
                "{wanted:?} in {codes:?}"
            );
        }
        assert_eq!(app.customer_count().await, 0, "nothing is stored");

        // Query parameters and headers carry codes too.
        let problem = assert_problem(
            app.get("/api/v1/customers?limit=0", &app.admin_token).await,
            422,
        )
        .await;
        assert_eq!(problem["errors"][0]["code"], "out_of_range");
        let res = app
            .client
            .post(app.url("/api/v1/customers"))
            .bearer_auth(&app.admin_token)
            .header("Idempotency-Key", "")
            .json(&json!({"name": "A"}))
            .send()
            .await
            .unwrap();
        let problem = assert_problem(res, 422).await;
        assert_eq!(problem["errors"][0]["code"], "invalid_format");
    }
);

db_test!(
    timestamps_have_at_most_millisecond_precision,
    |app: TestApp| async move {
        let fine = regex::Regex::new(r"\d{2}:\d{2}:\d{2}\.\d{4,}").unwrap();
        let c = app
            .create_customer(&app.admin_token, &json!({"name": "Ada", "tier": "key"}))
            .await;
        let sent = "2026-01-05T10:20:30.123456789Z";
        let res = app
        .post(
            "/api/v1/interactions",
            &app.admin_token,
            &json!({"customer_id": c.id, "channel": "phone", "direction": "inbound", "occurred_at": sent}),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let interaction: Value = res.json().await.unwrap();
        assert_eq!(interaction["occurred_at"], "2026-01-05T10:20:30.123Z");
        let res = app
            .post(
                &format!("/api/v1/customers/{}/purchases", c.id),
                &app.admin_token,
                &json!({"amount_minor": 1000, "currency": "EUR", "occurred_at": sent}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        crate::complaints::receive(
            &app,
            &app.admin_token,
            json!({"customer_id": c.id, "subject": "Late"}),
        )
        .await;
        // Every answer a frontend reads, on either database.
        for path in [
            format!("/api/v1/customers/{}", c.id),
            "/api/v1/customers".to_string(),
            "/api/v1/touchpoints".to_string(),
            "/api/v1/complaints".to_string(),
            "/api/v1/interactions".to_string(),
            format!("/api/v1/customers/{}/purchases", c.id),
            format!("/api/v1/customers/{}/timeline", c.id),
            format!("/api/v1/customers/{}/history", c.id),
            "/api/v1/agenda".to_string(),
            "/api/v1/users".to_string(),
            "/api/v1/me".to_string(),
            "/api/v1/customers/export".to_string(),
        ] {
            let res = app.get(&path, &app.admin_token).await;
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let text = res.text().await.unwrap();
            assert!(text.contains("T"), "{path} has timestamps");
            assert!(!fine.is_match(&text), "{path}: {text}");
        }
    }
);
