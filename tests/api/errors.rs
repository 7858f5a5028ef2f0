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
