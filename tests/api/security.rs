//! What a hostile caller tries: answers that grow with the input, instants outside the span
//! the databases keep, work assigned on customers the assignee cannot see, account probing
//! through an import, formulas hidden behind a tab.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

/// Every error answer stays under this many bytes, whatever the request.
const ANSWER_BUDGET: usize = 64 * 1024;

db_test!(
    error_answers_are_bounded_whatever_the_input,
    |app: TestApp| async move {
        let (_, agent) = app.user_with_role("agent").await;

        // 50,000 unknown columns: one error about the header, not one per column.
        let header = format!("name{}\nAda\n", ",x".repeat(50_000));
        let res = app.send_csv(&agent, "", header).await;
        let bytes = res.bytes().await.unwrap();
        assert!(bytes.len() < 1024, "{} bytes", bytes.len());
        let problem: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(problem["status"], 422);
        assert_eq!(error_fields(&problem), ["header"]);

        // Under the column limit, but every column named by a long text: each error's parts
        // are cut to their bounds.
        let long = "y".repeat(100_000);
        let columns: Vec<String> = (0..60).map(|i| format!("{long}{i}")).collect();
        let res = app
            .send_csv(&agent, "", format!("name,{}\n", columns.join(",")))
            .await;
        let bytes = res.bytes().await.unwrap();
        assert!(bytes.len() < ANSWER_BUDGET, "{} bytes", bytes.len());
        let problem: Value = serde_json::from_slice(&bytes).unwrap();
        let errors = problem["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 60);
        for e in errors {
            assert!(e["field"].as_str().unwrap().chars().count() <= 200);
            assert!(e["message"].as_str().unwrap().chars().count() <= 500);
        }

        // 3,000 bad rows: the first 1,000 are listed and the rest counted; nothing imported.
        let rows = "Bob,not-an-email\n".repeat(3_000);
        let res = app
            .send_csv(&agent, "", format!("name,email\n{rows}"))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let result: Value = res.json().await.unwrap();
        assert_eq!(result["errors"].as_array().unwrap().len(), 1_000);
        assert_eq!(result["errors"][0]["row"], 2);
        assert_eq!(result["errors_omitted"], 2_000);
        assert_eq!(result["created"], 0);

        // A JSON body with many bad parts: at most 100 errors, the rest counted.
        let conditions: Vec<Value> = (0..150)
            .map(|i| json!({"field": format!("nope{i}"), "op": "eq", "value": 1}))
            .collect();
        let res = app
            .post(
                "/api/v1/segments/preview",
                &app.admin_token,
                &json!({"rule": {"any": conditions}}),
            )
            .await;
        let problem = assert_problem(res, 422).await;
        assert_eq!(problem["errors"].as_array().unwrap().len(), 100);
        assert_eq!(problem["errors_omitted"], 50);
        assert!(problem.to_string().len() < ANSWER_BUDGET);
    }
);

/// The parameters and body fields of the document that hold an instant or a date.
struct TimeInput {
    method: String,
    path: String,
    /// `Some(field path)` for a body field, `None` for a query parameter.
    body_field: Option<Vec<String>>,
    name: String,
    format: String,
    example: Value,
    schema: Value,
}

fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap();
            &document["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// Each property path below `schema` whose format is a date or a date-time.
fn time_fields(
    document: &Value,
    schema: &Value,
    prefix: &[String],
    out: &mut Vec<(Vec<String>, String)>,
) {
    // Rule trees refer to themselves; the time fields of a body lie a few levels down.
    if prefix.len() > 6 {
        return;
    }
    let schema = resolve(document, schema);
    for variant in ["allOf", "oneOf", "anyOf"] {
        for part in schema[variant].as_array().into_iter().flatten() {
            time_fields(document, part, prefix, out);
        }
    }
    if let Some(format) = schema["format"].as_str()
        && (format == "date" || format == "date-time")
    {
        out.push((prefix.to_vec(), format.to_string()));
        return;
    }
    if let Some(items) = schema.get("items") {
        let mut path = prefix.to_vec();
        path.push("[0]".into());
        time_fields(document, items, &path, out);
    }
    for (name, property) in schema["properties"].as_object().into_iter().flatten() {
        let mut path = prefix.to_vec();
        path.push(name.clone());
        time_fields(document, property, &path, out);
    }
}

fn time_inputs(document: &Value) -> Vec<TimeInput> {
    let mut inputs = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                let format = parameter["schema"]["format"].as_str().unwrap_or_default();
                if parameter["in"] == "query" && (format == "date" || format == "date-time") {
                    inputs.push(TimeInput {
                        method: method.to_uppercase(),
                        path: path.clone(),
                        body_field: None,
                        name: parameter["name"].as_str().unwrap().to_string(),
                        format: format.to_string(),
                        example: Value::Null,
                        schema: Value::Null,
                    });
                }
            }
            let content = &operation["requestBody"]["content"]["application/json"];
            if content.is_null() {
                continue;
            }
            let mut fields = Vec::new();
            time_fields(document, &content["schema"], &[], &mut fields);
            let example = match &content["example"] {
                Value::Null => resolve(document, &content["schema"])["example"].clone(),
                given => given.clone(),
            };
            for (field, format) in fields {
                inputs.push(TimeInput {
                    method: method.to_uppercase(),
                    path: path.clone(),
                    name: field.join(".").replace(".[", "["),
                    body_field: Some(field),
                    format,
                    example: example.clone(),
                    schema: content["schema"].clone(),
                });
            }
        }
    }
    inputs
}

/// `body` with `value` at `path` (array steps written `[0]`), made where missing.
fn set_at(body: &mut Value, path: &[String], value: Value) {
    let Some((first, rest)) = path.split_first() else {
        *body = value;
        return;
    };
    if first == "[0]" {
        // The one list of dated items in a body (important dates) needs a label beside.
        if body.as_array().is_none_or(|a| a.is_empty()) {
            *body = json!([{"label": "Probe"}]);
        }
        set_at(&mut body[0], rest, value);
    } else {
        if !body.is_object() {
            *body = json!({});
        }
        let slot = body
            .as_object_mut()
            .unwrap()
            .entry(first.clone())
            .or_insert(Value::Null);
        if rest.first().is_some_and(|r| r == "[0]") && !slot.is_array() {
            *slot = json!([]);
        }
        set_at(slot, rest, value);
    }
}

db_test!(
    every_instant_and_date_outside_the_span_is_refused,
    |app: TestApp| async move {
        let res = app.get("/api-docs/openapi.json", &app.admin_token).await;
        let document: Value = res.json().await.unwrap();
        let inputs = time_inputs(&document);
        assert!(
            inputs.len() >= 25,
            "found only {} time inputs",
            inputs.len()
        );
        // Paths under a customer need one that exists, as the profile's dates are checked
        // with the customer; every other id may be unknown, since fields are checked first.
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Span"}))
            .await;
        for input in &inputs {
            let path = input
                .path
                .replace("/customers/{id}", &format!("/customers/{}", customer.id))
                .split('/')
                .map(|part| {
                    if part.starts_with('{') {
                        "0193a000-0000-7000-8000-000000000001"
                    } else {
                        part
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            let values = match input.format.as_str() {
                "date" => vec!["1899-12-31", "+10000-01-01", "-10000-01-01"],
                _ => vec![
                    "1899-12-31T23:59:59Z",
                    "+10000-01-01T00:00:00Z",
                    "-10000-01-01T00:00:00Z",
                    "+262142-12-31T23:59:59Z",
                ],
            };
            for value in values {
                let method = reqwest::Method::from_bytes(input.method.as_bytes()).unwrap();
                let request = app.request(method, &path, &app.admin_token);
                let request = match &input.body_field {
                    None => request.query(&[(input.name.as_str(), value)]),
                    Some(field) => {
                        let mut body = input.example.clone();
                        // The customer the body names is the one made above.
                        let schema = resolve(&document, &input.schema);
                        for name in schema["required"].as_array().into_iter().flatten() {
                            let name = name.as_str().unwrap();
                            let format = &schema["properties"][name]["format"];
                            let is_id = format == "uuid" && name.ends_with("customer_id");
                            if is_id {
                                body[name] = json!(customer.id);
                            }
                        }
                        set_at(&mut body, field, json!(value));
                        request.json(&body)
                    }
                };
                let res = request.send().await.unwrap();
                let what = format!("{} {path} {} = {value}", input.method, input.name);
                assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{what}");
                let problem: Value = res.json().await.unwrap();
                assert!(
                    error_fields(&problem).contains(&input.name),
                    "{what}: {problem}"
                );
            }
        }
        // Segment rules take the same span.
        let rule = json!({"rule": {"field": "last_contacted_at", "op": "lt", "value": "-10000-01-01T00:00:00Z"}});
        let problem = assert_problem(
            app.post("/api/v1/segments/preview", &app.admin_token, &rule)
                .await,
            422,
        )
        .await;
        assert_eq!(error_fields(&problem), ["rule.value"]);
        let rule = json!({"rule": {"field": "birthday", "op": "gt", "value": "1899-12-31"}});
        assert_problem(
            app.post("/api/v1/segments/preview", &app.admin_token, &rule)
                .await,
            422,
        )
        .await;
        // The first and last instants of the span are taken.
        let res = app
            .get("/api/v1/touchpoints?due_after=1900-01-01T00:00:00Z&due_before=9999-12-31T23:59:59Z", &app.admin_token)
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);

db_test!(
    a_campaign_at_the_end_of_time_stays_inside_it,
    |app: TestApp| async move {
        let (_, manager) = app.user_with_role("manager").await;
        let kiritimati = app
            .create_customer(
                &app.admin_token,
                &json!({"name": "Line Islands", "tags": ["edge"], "timezone": "Pacific/Kiritimati",
                "contact_window": {"weekdays": [1], "start": "09:00", "end": "10:00"}}),
            )
            .await;
        let res = app
            .post(
                "/api/v1/segments",
                &app.admin_token,
                &json!({"name": "Edge", "kind": "dynamic", "rule": {"field": "tags", "op": "contains", "value": "edge"}}),
            )
            .await;
        let segment: Value = res.json().await.unwrap();
        let path = format!(
            "/api/v1/segments/{}/touchpoints",
            segment["id"].as_str().unwrap()
        );
        let body = |due: &str| json!({"due_at": due, "channel": "phone", "purpose": "custom", "title": "Edge"});
        let problem = assert_problem(
            app.post(&path, &manager, &body("+262142-12-31T23:59:59Z"))
                .await,
            422,
        )
        .await;
        assert_eq!(error_fields(&problem), ["due_at"]);

        // The last hour of the span: the next Monday window would be past it, so the
        // touchpoint keeps its time rather than leave the span.
        let res = app
            .post(&path, &manager, &body("9999-12-31T23:00:00Z"))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let touchpoints = app
            .items(
                &format!("/api/v1/touchpoints?customer_id={}", kiritimati.id),
                &app.admin_token,
            )
            .await;
        assert_eq!(touchpoints.len(), 1);
        assert_eq!(touchpoints[0]["due_at"], "9999-12-31T23:00:00Z");
        // Far in the future, it is not overdue.
        let overdue = app
            .items("/api/v1/touchpoints?overdue=true", &app.admin_token)
            .await;
        assert!(overdue.is_empty());
    }
);

db_test!(
    work_is_assigned_only_to_someone_who_can_see_the_customer,
    |app: TestApp| async move {
        let (ann_id, ann) = app.user_with_role("agent").await;
        let (_, ben) = app.user_with_role("agent").await;
        let (manager_id, manager) = app.user_with_role("manager").await;
        let bens = app.create_customer(&ben, &json!({"name": "Ben's"})).await;
        let anns = app.create_customer(&ann, &json!({"name": "Ann's"})).await;
        let visit = |customer: &str, assignee: &str| {
            json!({"customer_id": customer, "assignee_id": assignee, "due_at": "2026-12-10T10:00:00Z",
                   "channel": "visit", "purpose": "visit", "title": "Secret visit"})
        };

        // Ann cannot see Ben's customer, so she cannot be given work on it.
        let res = app
            .post("/api/v1/touchpoints", &manager, &visit(&bens.id, &ann_id))
            .await;
        let problem = assert_problem(res, 422).await;
        assert_eq!(error_fields(&problem), ["assignee_id"]);
        let complaint = json!({"customer_id": bens.id, "assignee_id": ann_id, "kind": "complaint",
            "category": "service", "severity": "high", "subject": "Late", "channel": "phone"});
        let problem = assert_problem(
            app.post("/api/v1/complaints", &manager, &complaint).await,
            422,
        )
        .await;
        assert_eq!(error_fields(&problem), ["assignee_id"]);

        // Nor by reassignment.
        let res = app
            .post(
                "/api/v1/touchpoints",
                &manager,
                &visit(&bens.id, &manager_id),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let held: Value = res.json().await.unwrap();
        let res = app
            .patch(
                &format!("/api/v1/touchpoints/{}", held["id"].as_str().unwrap()),
                &manager,
                &json!({"assignee_id": ann_id}),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(res, 422).await),
            ["assignee_id"]
        );
        let mut complaint_for_manager = complaint.clone();
        complaint_for_manager["assignee_id"] = json!(manager_id);
        let res = app
            .post("/api/v1/complaints", &manager, &complaint_for_manager)
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let open: Value = res.json().await.unwrap();
        let res = app
            .patch(
                &format!("/api/v1/complaints/{}", open["id"].as_str().unwrap()),
                &manager,
                &json!({"assignee_id": ann_id}),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(res, 422).await),
            ["assignee_id"]
        );

        // Ann's agenda and list show nothing of Ben's customer; the manager's shows the visit.
        let agenda: Value = app
            .get("/api/v1/agenda?days=30", &ann)
            .await
            .json()
            .await
            .unwrap();
        assert!(!agenda.to_string().contains("Secret visit"), "{agenda}");
        assert!(app.items("/api/v1/touchpoints", &ann).await.is_empty());
        let theirs: Value = app
            .get("/api/v1/agenda?days=30", &manager)
            .await
            .json()
            .await
            .unwrap();
        assert!(theirs.to_string().contains(&bens.id));

        // Work on her own customer may be given to her, and she sees it everywhere.
        let res = app
            .post("/api/v1/touchpoints", &manager, &visit(&anns.id, &ann_id))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let hers: Value = res.json().await.unwrap();
        let agenda: Value = app
            .get("/api/v1/agenda?days=30", &ann)
            .await
            .json()
            .await
            .unwrap();
        assert!(agenda.to_string().contains(hers["id"].as_str().unwrap()));
        let res = app
            .get(
                &format!("/api/v1/touchpoints/{}", hers["id"].as_str().unwrap()),
                &ann,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);

db_test!(
    an_export_neutralises_formulas_behind_a_tab_or_a_carriage_return,
    |app: TestApp| async move {
        app.create_customer(
            &app.admin_token,
            &json!({"name": "Tabbed", "company": "\t=HYPERLINK(\"http://x\")", "notes": "\r=cmd|' /C calc'!A0"}),
        )
        .await;
        let res = app.get("/api/v1/customers/export", &app.admin_token).await;
        let text = res.text().await.unwrap();
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        let headers = csv::Reader::from_reader(text.as_bytes())
            .headers()
            .unwrap()
            .clone();
        let cell = |name: &str| {
            let at = headers.iter().position(|h| h == name).unwrap();
            rows[0][at].to_string()
        };
        assert_eq!(cell("company"), "'\t=HYPERLINK(\"http://x\")");
        assert_eq!(cell("notes"), "'\r=cmd|' /C calc'!A0");
    }
);

/// A client whose connections come from `address` (any of 127.0.0.0/8 reaches the server).
fn client_from(address: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(Some(address.parse().unwrap()))
        .build()
        .unwrap()
}

async fn sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    forwarded_for: Option<&str>,
    password: &str,
) -> u16 {
    let mut request = client
        .post(app.url("/api/v1/auth/token"))
        .json(&json!({"email": ADMIN_EMAIL, "password": password}));
    if let Some(address) = forwarded_for {
        request = request.header("X-Forwarded-For", address);
    }
    request.send().await.unwrap().status().as_u16()
}

db_test!(
    a_lockout_holds_back_only_the_address_that_keeps_failing,
    |app: TestApp| async move {
        let attacker = client_from("127.0.0.2");
        for _ in 0..5 {
            assert_eq!(sign_in(&app, &attacker, None, "wrong").await, 401);
        }
        assert_eq!(sign_in(&app, &attacker, None, ADMIN_PASSWORD).await, 429);
        // A forged X-Forwarded-For from a peer that is not a trusted proxy changes nothing.
        assert_eq!(
            sign_in(&app, &attacker, Some("198.51.100.7"), ADMIN_PASSWORD).await,
            429
        );
        // The admin, elsewhere, signs in.
        let admin = client_from("127.0.0.3");
        assert_eq!(sign_in(&app, &admin, None, ADMIN_PASSWORD).await, 200);
        // Parallel guessing from the attacker's address stays refused.
        assert_eq!(sign_in(&app, &attacker, None, "wrong").await, 429);
    }
);

/// A sign-in from `client` with `password`, not yet sent.
fn sign_in_request(
    app: &TestApp,
    client: &reqwest::Client,
    password: &str,
) -> reqwest::RequestBuilder {
    client
        .post(app.url("/api/v1/auth/token"))
        .json(&json!({"email": ADMIN_EMAIL, "password": password}))
}

fn statuses(responses: &[reqwest::Response]) -> Vec<u16> {
    responses.iter().map(|r| r.status().as_u16()).collect()
}

db_test!(
    right_passwords_sent_at_once_all_sign_in,
    |app: TestApp| async move {
        let tabs = client_from("127.0.0.5");
        for n in [8, 20] {
            let requests = (0..n)
                .map(|_| sign_in_request(&app, &tabs, ADMIN_PASSWORD))
                .collect();
            assert_eq!(
                statuses(&at_once(requests).await),
                vec![200; n],
                "{n} at once"
            );
        }
        // A right password among wrong ones sent at once is not refused for them either.
        let mixed = client_from("127.0.0.6");
        let requests = ["wrong", "wrong", "wrong", ADMIN_PASSWORD]
            .map(|password| sign_in_request(&app, &mixed, password))
            .into();
        assert_eq!(statuses(&at_once(requests).await), vec![401, 401, 401, 200]);
    }
);

db_test!(
    wrong_passwords_sent_at_once_are_checked_only_up_to_the_lock,
    |app: TestApp| async move {
        let guesser = client_from("127.0.0.7");
        let requests = (0..40)
            .map(|_| sign_in_request(&app, &guesser, "wrong"))
            .collect();
        let responses = at_once(requests).await;
        let counts = status_counts(&responses);
        assert_eq!(counts.get(&401), Some(&5), "{counts:?}");
        assert_eq!(counts.get(&429), Some(&35), "{counts:?}");
        let refused = responses.iter().find(|r| r.status() == 429).unwrap();
        assert!(refused.headers().contains_key("retry-after"));
        // The lock holds for the right password from that address, and not elsewhere.
        assert_eq!(sign_in(&app, &guesser, None, ADMIN_PASSWORD).await, 429);
        let owner = client_from("127.0.0.8");
        assert_eq!(sign_in(&app, &owner, None, ADMIN_PASSWORD).await, 200);
    }
);

db_test!(
    behind_a_trusted_proxy_the_forwarded_address_counts,
    with[("RAPPORT_TRUSTED_PROXIES", "127.0.0.4")],
    |app: TestApp| async move {
        let proxy = client_from("127.0.0.4");
        for _ in 0..5 {
            assert_eq!(
                sign_in(&app, &proxy, Some("203.0.113.5"), "wrong").await,
                401
            );
        }
        assert_eq!(
            sign_in(&app, &proxy, Some("203.0.113.5"), ADMIN_PASSWORD).await,
            429
        );
        // What the client wrote before the proxy's own entry is not believed.
        assert_eq!(
            sign_in(
                &app,
                &proxy,
                Some("198.51.100.1, 203.0.113.5"),
                ADMIN_PASSWORD
            )
            .await,
            429
        );
        assert_eq!(
            sign_in(&app, &proxy, Some("203.0.113.6"), ADMIN_PASSWORD).await,
            200
        );
    }
);

/// Sends `raw` on a connection of its own and reads the whole answer.
async fn raw_exchange(app: &TestApp, raw: Vec<u8>) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let _ = stream.write_all(&raw).await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    String::from_utf8_lossy(&answer).into_owned()
}

fn problem_of(answer: &str) -> Value {
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/problem+json"),
        "{head}"
    );
    assert!(
        head.to_ascii_lowercase().contains("x-request-id: "),
        "{head}"
    );
    serde_json::from_str(body).unwrap()
}

async fn malformed_count(app: &TestApp) -> u64 {
    let metrics = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    metrics
        .lines()
        .find_map(|l| l.strip_prefix("http_malformed_requests_total "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap()
}

db_test!(
    the_request_heads_own_limits_are_problem_documents,
    |app: TestApp| async move {
        let before = malformed_count(&app).await;
        // A 100 kB query string.
        let line = format!(
            "GET /api/v1/customers?q={} HTTP/1.1\r\nHost: x\r\n\r\n",
            "a".repeat(100_000)
        );
        let answer = raw_exchange(&app, line.into_bytes()).await;
        assert!(
            answer.starts_with("HTTP/1.1 414 "),
            "{}",
            &answer[..answer.len().min(200)]
        );
        let problem = problem_of(&answer);
        assert_eq!(problem["status"], 414);

        // 200 kB of headers.
        let headers = format!(
            "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
            "b".repeat(200_000)
        );
        let answer = raw_exchange(&app, headers.into_bytes()).await;
        assert!(
            answer.starts_with("HTTP/1.1 431 "),
            "{}",
            &answer[..answer.len().min(200)]
        );
        assert_eq!(problem_of(&answer)["status"], 431);

        // Within the limits, a long query is the API's to judge.
        let res = app
            .get(
                &format!("/api/v1/customers?q={}", "a".repeat(8_000)),
                &app.admin_token,
            )
            .await;
        assert_ne!(res.status().as_u16(), 414);

        // Malformed requests are counted, not logged as server errors.
        raw_exchange(&app, b"NOT HTTP AT ALL\r\n\r\n".to_vec()).await;
        assert!(malformed_count(&app).await >= before + 3);
    }
);
