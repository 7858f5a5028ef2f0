//! Complaints: receiving, the workflow and its 409s, deadlines per severity, the paused
//! clock, the follow-up, reopening on low satisfaction, history, access and bad input.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

pub async fn receive(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post("/api/v1/complaints", token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "receive complaint");
    res.json().await.unwrap()
}

pub async fn transition(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.post(
        &format!("/api/v1/complaints/{id}/transitions"),
        token,
        &body,
    )
    .await
}

/// Moves the complaint to `to`, which must succeed, and returns it.
pub async fn move_to(app: &TestApp, token: &str, id: &str, body: Value) -> Value {
    let res = transition(app, token, id, body.clone()).await;
    assert_eq!(res.status(), StatusCode::OK, "transition {body}");
    res.json().await.unwrap()
}

pub async fn events(app: &TestApp, id: &str) -> Vec<Value> {
    app.items(
        &format!("/api/v1/complaints/{id}/events?limit=200"),
        &app.admin_token,
    )
    .await
}

pub async fn get_complaint(app: &TestApp, id: &str) -> Value {
    let res = app
        .get(&format!("/api/v1/complaints/{id}"), &app.admin_token)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn list(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    app.items(&format!("/api/v1/complaints{query}"), token)
        .await
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

/// The path from `open` to each state, as transition bodies.
fn path_to(status: &str) -> Vec<Value> {
    let ack = json!({"to": "acknowledged", "note": "Sorry for the trouble"});
    let progress = json!({"to": "in_progress"});
    let resolve = json!({"to": "resolved", "resolution": "Replaced the part"});
    match status {
        "open" => vec![],
        "acknowledged" => vec![ack],
        "in_progress" => vec![ack, progress],
        "waiting_on_customer" => vec![ack, progress, json!({"to": "waiting_on_customer"})],
        "resolved" => vec![ack, progress, resolve],
        "reopened" => vec![ack, progress, resolve, json!({"to": "reopened"})],
        "closed" => vec![ack, progress, resolve, json!({"to": "closed"})],
        other => panic!("unknown status {other}"),
    }
}

async fn complaint_in(app: &TestApp, customer: &str, status: &str) -> String {
    let c = receive(
        app,
        &app.admin_token,
        json!({"customer_id": customer, "subject": format!("In {status}")}),
    )
    .await;
    for step in path_to(status) {
        move_to(app, &app.admin_token, &id(&c), step).await;
    }
    id(&c)
}

db_test!(
    every_transition_is_allowed_or_refused_with_the_allowed_targets,
    |app: TestApp| async move {
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Workflow"}))
            .await;
        let table: &[(&str, &[&str])] = &[
            ("open", &["acknowledged"]),
            ("acknowledged", &["in_progress"]),
            ("in_progress", &["waiting_on_customer", "resolved"]),
            ("waiting_on_customer", &["in_progress"]),
            ("resolved", &["closed", "reopened"]),
            ("reopened", &["in_progress"]),
            ("closed", &[]),
        ];
        let all = [
            "open",
            "acknowledged",
            "in_progress",
            "waiting_on_customer",
            "resolved",
            "reopened",
            "closed",
        ];
        for (from, allowed) in table {
            let refused_here = complaint_in(&app, &customer.id, from).await;
            for to in all {
                if allowed.contains(&to) {
                    let fresh = complaint_in(&app, &customer.id, from).await;
                    let mut body = json!({"to": to});
                    if to == "resolved" {
                        body["resolution"] = json!("Fixed");
                    }
                    let moved = move_to(&app, &app.admin_token, &fresh, body).await;
                    assert_eq!(moved["status"], to, "{from} -> {to}");
                } else {
                    let res = transition(
                        &app,
                        &app.admin_token,
                        &refused_here,
                        json!({"to": to, "resolution": if to == "resolved" { json!("x") } else { Value::Null }}),
                    )
                    .await;
                    let problem = assert_problem(res, 409).await;
                    assert_eq!(problem["allowed"], json!(allowed), "{from} -> {to}");
                }
            }
            // Refused moves changed nothing.
            let after = get_complaint(&app, &refused_here).await;
            assert_eq!(after["status"], *from);
        }
    }
);

db_test!(
    deadlines_follow_each_severitys_policy_and_admins_change_them,
    |app: TestApp| async move {
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Deadlines"}))
            .await;
        let received = Utc::now() - Duration::minutes(10);
        for (severity, response_h, resolution_h) in [
            ("critical", 1, 24),
            ("high", 4, 72),
            ("medium", 24, 168),
            ("low", 72, 336),
        ] {
            let c = receive(
                &app,
                &app.admin_token,
                json!({"customer_id": customer.id, "subject": severity, "severity": severity, "received_at": rfc3339(received)}),
            )
            .await;
            let r = at(&c["received_at"]);
            assert_eq!(r, at(&json!(rfc3339(received))));
            assert_eq!(
                at(&c["first_response_due_at"]) - r,
                Duration::hours(response_h),
                "{severity}"
            );
            assert_eq!(
                at(&c["resolution_due_at"]) - r,
                Duration::hours(resolution_h),
                "{severity}"
            );
            assert_eq!(c["breached"], false);
            assert_eq!(c["status"], "open");
            assert_eq!(c["escalation_level"], 0);
        }
        // The default severity is medium.
        let plain = receive(
            &app,
            &app.admin_token,
            json!({"customer_id": customer.id, "subject": "Plain"}),
        )
        .await;
        assert_eq!(
            (
                plain["severity"].as_str(),
                plain["kind"].as_str(),
                plain["category"].as_str()
            ),
            (Some("medium"), Some("complaint"), Some("other"))
        );

        let policies: Value = app
            .get("/api/v1/sla-policies", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        let severities: Vec<&str> = policies["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["severity"].as_str().unwrap())
            .collect();
        assert_eq!(severities, ["critical", "high", "medium", "low"]);
        assert_eq!(policies["items"][0]["first_response_minutes"], 60);

        let path = "/api/v1/sla-policies/high";
        let body = json!({"first_response_minutes": 30, "resolution_minutes": 600});
        let (_, manager) = app.user_with_role("manager").await;
        assert_problem(
            app.call(Method::PUT, path, &manager, Some(&body)).await,
            403,
        )
        .await;
        let stale = app
            .request(Method::PUT, path, &app.admin_token)
            .header("If-Match", "\"7\"")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_problem(stale, 412).await;
        let bad = app
            .call(
                Method::PUT,
                path,
                &app.admin_token,
                Some(&json!({"first_response_minutes": 700, "resolution_minutes": 600})),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(bad, 422).await),
            ["first_response_minutes"]
        );
        let bad = app
            .call(
                Method::PUT,
                path,
                &app.admin_token,
                Some(&json!({"first_response_minutes": 0, "resolution_minutes": 600})),
            )
            .await;
        assert_problem(bad, 422).await;
        assert_problem(
            app.call(
                Method::PUT,
                "/api/v1/sla-policies/urgent",
                &app.admin_token,
                Some(&body),
            )
            .await,
            404,
        )
        .await;
        let res = app
            .request(Method::PUT, path, &app.admin_token)
            .header("If-Match", "\"1\"")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["etag"], "\"2\"");
        let changed: Value = res.json().await.unwrap();
        assert_eq!(
            (
                changed["first_response_minutes"].as_i64(),
                changed["version"].as_i64()
            ),
            (Some(30), Some(2))
        );

        // New complaints use it; existing deadlines stay as they were set.
        let new = receive(
            &app,
            &app.admin_token,
            json!({"customer_id": customer.id, "subject": "New", "severity": "high"}),
        )
        .await;
        assert_eq!(
            at(&new["resolution_due_at"]) - at(&new["received_at"]),
            Duration::minutes(600)
        );
        let old = list(&app, &app.admin_token, "?severity=high&sort=received_at").await;
        assert_eq!(
            at(&old[0]["resolution_due_at"]) - at(&old[0]["received_at"]),
            Duration::hours(72)
        );
        // A new severity recomputes the deadlines from receipt.
        let path = format!("/api/v1/complaints/{}", id(&plain));
        let res = app
            .request(Method::PATCH, &path, &app.admin_token)
            .header("If-Match", "\"1\"")
            .json(&json!({"severity": "high"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let raised: Value = res.json().await.unwrap();
        assert_eq!(
            at(&raised["first_response_due_at"]) - at(&raised["received_at"]),
            Duration::minutes(30)
        );
        assert_eq!(raised["version"], 2);
    }
);

db_test!(
    waiting_on_the_customer_moves_both_deadlines_by_exactly_the_time_waited,
    |app: TestApp| async move {
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Waiting"}))
            .await;
        let c = receive(
            &app,
            &app.admin_token,
            json!({"customer_id": customer.id, "subject": "Broken", "severity": "critical"}),
        )
        .await;
        let cid = id(&c);
        let before = app.clock.now();
        let acked = move_to(&app, &app.admin_token, &cid, json!({"to": "acknowledged"})).await;
        assert_set_between(&acked["first_responded_at"], before, app.clock.now());
        move_to(&app, &app.admin_token, &cid, json!({"to": "in_progress"})).await;
        let before = app.clock.now();
        let waiting = move_to(
            &app,
            &app.admin_token,
            &cid,
            json!({"to": "waiting_on_customer", "note": "Asked for photos"}),
        )
        .await;
        assert_set_between(&waiting["waiting_since"], before, app.clock.now());
        // Two days pass: far past the 24-hour deadline, but the clock is stopped.
        app.clock.advance(Duration::days(2));
        assert_eq!(get_complaint(&app, &cid).await["breached"], false);
        assert!(
            list(&app, &app.admin_token, "?breached=true")
                .await
                .is_empty()
        );
        let resumed = move_to(&app, &app.admin_token, &cid, json!({"to": "in_progress"})).await;
        assert!(resumed["waiting_since"].is_null());

        let history = events(&app, &cid).await;
        let wait_at = at(&history
            .iter()
            .find(|e| e["to_status"] == "waiting_on_customer")
            .unwrap()["at"]);
        let resume_at = at(&history
            .iter()
            .rev()
            .find(|e| e["to_status"] == "in_progress")
            .unwrap()["at"]);
        let waited = resume_at - wait_at;
        assert!(waited >= Duration::days(2) && waited < Duration::days(2) + Duration::minutes(1));
        for field in ["first_response_due_at", "resolution_due_at"] {
            assert_eq!(at(&resumed[field]) - at(&waiting[field]), waited, "{field}");
        }
        assert_eq!(resumed["breached"], false);
        // Time runs again: the 24 hours were nearly untouched before the wait.
        app.clock.advance(Duration::hours(23));
        assert_eq!(get_complaint(&app, &cid).await["breached"], false);
        app.clock.advance(Duration::hours(2));
        assert_eq!(get_complaint(&app, &cid).await["breached"], true);
        assert_eq!(
            list(&app, &app.admin_token, "?breached=true").await.len(),
            1
        );
        assert!(
            list(&app, &app.admin_token, "?breached=false")
                .await
                .is_empty()
        );
    }
);

db_test!(
    resolving_schedules_a_follow_up_and_low_satisfaction_reopens,
    |app: TestApp| async move {
        let (agent_id, agent) = app.user_with_role("agent").await;
        let customer = app
            .create_customer(
                &agent,
                &json!({"name": "Follow", "timezone": "Europe/Berlin",
            "contact_window": {"weekdays": [1, 2, 3, 4, 5], "start": "09:00", "end": "17:00"}}),
            )
            .await;
        let c = receive(
            &app,
            &agent,
            json!({"customer_id": customer.id, "subject": "Scratched table", "channel": "email"}),
        )
        .await;
        assert_eq!(c["assignee_id"], agent_id.as_str());
        assert_eq!(app.get_customer(&customer.id).await.open_complaints, 1);
        let cid = id(&c);
        move_to(&app, &agent, &cid, json!({"to": "acknowledged"})).await;
        move_to(&app, &agent, &cid, json!({"to": "in_progress"})).await;
        // A resolution is needed, in the body or on the record.
        let missing = transition(&app, &agent, &cid, json!({"to": "resolved"})).await;
        assert_eq!(
            error_fields(&assert_problem(missing, 422).await),
            ["resolution"]
        );
        let res = app
            .patch(
                &format!("/api/v1/complaints/{cid}"),
                &agent,
                &json!({"resolution": "Replaced the table top"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let resolved = move_to(&app, &agent, &cid, json!({"to": "resolved"})).await;
        assert_eq!(resolved["resolution"], "Replaced the table top");
        assert_eq!(app.get_customer(&customer.id).await.open_complaints, 0);

        let follow_ups = format!(
            "/api/v1/touchpoints?customer_id={}&purpose=complaint_follow_up",
            customer.id
        );
        let follow: Vec<Value> = app.items(&follow_ups, &agent).await;
        assert_eq!(follow.len(), 1);
        let t = &follow[0];
        assert_eq!(
            (t["source"].as_str(), t["status"].as_str()),
            (Some("complaint"), Some("scheduled"))
        );
        assert_eq!(t["complaint_id"], cid.as_str());
        assert_eq!(t["assignee_id"], agent_id.as_str());
        assert_eq!(t["channel"], "email");
        // Three days after resolving, moved forward into the weekday office hours in Berlin.
        let due = at(&t["due_at"]);
        let earliest = at(&resolved["resolved_at"]) + Duration::days(3);
        assert!(
            due >= earliest && due < earliest + Duration::days(3),
            "{due} vs {earliest}"
        );
        let local = due.with_timezone(&chrono_tz::Europe::Berlin);
        use chrono::{Datelike, Timelike};
        assert!(
            local.weekday().number_from_monday() <= 5 && (9..17).contains(&local.hour()),
            "{local}"
        );

        // "2 of 5": not done; reopened, and the owner is told.
        let reopened = move_to(
            &app,
            &agent,
            &cid,
            json!({"to": "closed", "satisfaction_after": 2, "note": "Still wobbly"}),
        )
        .await;
        assert_eq!(reopened["status"], "reopened");
        assert_eq!(reopened["satisfaction_after"], 2);
        assert!(reopened["closed_at"].is_null() && reopened["resolved_at"].is_null());
        assert_eq!(app.get_customer(&customer.id).await.open_complaints, 1);
        let touchpoints: Vec<Value> = app.items(&follow_ups, &agent).await;
        assert_eq!(touchpoints.len(), 2);
        let cancelled = touchpoints.iter().find(|x| x["id"] == t["id"]).unwrap();
        assert_eq!(cancelled["status"], "cancelled");
        let told = touchpoints.iter().find(|x| x["id"] != t["id"]).unwrap();
        assert_eq!(
            (told["status"].as_str(), told["assignee_id"].as_str()),
            (Some("scheduled"), Some(customer.owner_id.as_str()))
        );
        let kinds: Vec<(String, String)> = events(&app, &cid)
            .await
            .iter()
            .map(|e| {
                (
                    e["kind"].as_str().unwrap().into(),
                    e["to_status"].as_str().unwrap_or("").into(),
                )
            })
            .collect();
        let tail: Vec<(String, String)> = kinds[kinds.len() - 3..].to_vec();
        assert_eq!(tail[0], ("satisfaction".to_string(), String::new()));
        assert_eq!(tail[1], ("transition".to_string(), "reopened".to_string()));

        // Repaired again, and this time the customer is happy.
        move_to(&app, &agent, &cid, json!({"to": "in_progress"})).await;
        move_to(
            &app,
            &agent,
            &cid,
            json!({"to": "resolved", "resolution": "New table delivered"}),
        )
        .await;
        let before = app.clock.now();
        let closed = move_to(
            &app,
            &agent,
            &cid,
            json!({"to": "closed", "satisfaction_after": 5}),
        )
        .await;
        assert_eq!(
            (
                closed["status"].as_str(),
                closed["satisfaction_after"].as_i64()
            ),
            (Some("closed"), Some(5))
        );
        assert_set_between(&closed["closed_at"], before, app.clock.now());
        assert_eq!(app.get_customer(&customer.id).await.open_complaints, 0);
        let again = transition(&app, &agent, &cid, json!({"to": "reopened"})).await;
        assert_eq!(assert_problem(again, 409).await["allowed"], json!([]));
        // The customer timeline shows the complaint.
        let timeline: Value = app
            .get(
                &format!("/api/v1/customers/{}/timeline", customer.id),
                &agent,
            )
            .await
            .json()
            .await
            .unwrap();
        assert!(
            timeline["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["kind"] == "complaint" && i["record"]["id"] == cid.as_str())
        );
    }
);

db_test!(
    open_complaints_is_exact_filterable_sortable_and_in_rules,
    |app: TestApp| async move {
        let (_, agent) = app.user_with_role("agent").await;
        let calm = app.create_customer(&agent, &json!({"name": "Calm"})).await;
        let upset = app.create_customer(&agent, &json!({"name": "Upset"})).await;
        for subject in ["One", "Two"] {
            receive(
                &app,
                &agent,
                json!({"customer_id": upset.id, "subject": subject}),
            )
            .await;
        }
        let praise = receive(
            &app,
            &agent,
            json!({"customer_id": calm.id, "subject": "Great service", "kind": "praise"}),
        )
        .await;
        assert_eq!(app.get_customer(&upset.id).await.open_complaints, 2);
        assert_eq!(
            app.get_customer(&upset.id).await.version,
            upset.version,
            "derived: no version bump"
        );
        let page: Value = app
            .get("/api/v1/customers?open_complaints_min=2", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&page), ["Upset"]);
        let page: Value = app
            .get("/api/v1/customers?sort=-open_complaints", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&page), ["Upset", "Calm"]);
        let page: Value = app
            .get("/api/v1/customers?sort=open_complaints&limit=1", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&page), ["Calm"]);
        let cursor = page["next_cursor"].as_str().unwrap();
        let next: Value = app
            .get(
                &format!("/api/v1/customers?sort=open_complaints&limit=1&cursor={cursor}"),
                &agent,
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&next), ["Upset"]);
        assert_problem(
            app.get("/api/v1/customers?open_complaints_min=-1", &agent)
                .await,
            422,
        )
        .await;
        let preview: Value = app
            .post(
                "/api/v1/segments/preview",
                &agent,
                &json!({"rule": {"field": "open_complaints", "op": "gte", "value": 2}}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(preview["count"], 1);
        // Filters of the complaints list.
        assert_eq!(list(&app, &agent, "?kind=praise").await.len(), 1);
        assert_eq!(
            list(&app, &agent, &format!("?customer_id={}", upset.id))
                .await
                .len(),
            2
        );
        assert_eq!(
            list(&app, &agent, "?status=open&category=other&severity=medium")
                .await
                .len(),
            3
        );
        let from = praise["received_at"].as_str().unwrap().replace('+', "%2B");
        assert_eq!(
            list(&app, &agent, &format!("?received_from={from}"))
                .await
                .len(),
            1
        );
        assert_eq!(
            list(&app, &agent, &format!("?received_to={from}"))
                .await
                .len(),
            2
        );
        let first: Value = app
            .get("/api/v1/complaints?limit=2", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(first["items"][0]["id"], praise["id"], "newest first");
        let cursor = first["next_cursor"].as_str().unwrap();
        assert_eq!(
            list(&app, &agent, &format!("?limit=2&cursor={cursor}"))
                .await
                .len(),
            1
        );
        assert_problem(
            app.get(
                &format!("/api/v1/complaints?sort=received_at&cursor={cursor}"),
                &agent,
            )
            .await,
            422,
        )
        .await;
        assert_eq!(list(&app, &agent, "?sort=resolution_due_at").await.len(), 3);
    }
);

db_test!(
    agents_reach_only_their_own_customers_complaints,
    |app: TestApp| async move {
        let (_, owner) = app.user_with_role("agent").await;
        let (other_id, other) = app.user_with_role("agent").await;
        let (_, viewer) = app.user_with_role("viewer").await;
        let customer = app.create_customer(&owner, &json!({"name": "Mine"})).await;
        let c = receive(
            &app,
            &owner,
            json!({"customer_id": customer.id, "subject": "Mine"}),
        )
        .await;
        let cid = id(&c);
        let path = format!("/api/v1/complaints/{cid}");
        assert_problem(app.get(&path, &other).await, 404).await;
        assert_problem(app.get(&format!("{path}/events"), &other).await, 404).await;
        assert_problem(
            transition(&app, &other, &cid, json!({"to": "acknowledged"})).await,
            404,
        )
        .await;
        assert_problem(
            app.patch(&path, &other, &json!({"subject": "x"})).await,
            404,
        )
        .await;
        assert_problem(
            app.post(&format!("{path}/notes"), &other, &json!({"note": "x"}))
                .await,
            404,
        )
        .await;
        assert!(list(&app, &other, "").await.is_empty());
        let res = app
            .post(
                "/api/v1/complaints",
                &other,
                &json!({"customer_id": customer.id, "subject": "x"}),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(res, 422).await),
            ["customer_id"]
        );
        // Agents give complaints only to themselves.
        let res = app
            .post(
                "/api/v1/complaints",
                &owner,
                &json!({"customer_id": customer.id, "subject": "x", "assignee_id": other_id}),
            )
            .await;
        assert_problem(res, 403).await;
        // Viewers read everything and change nothing.
        assert_eq!(app.get(&path, &viewer).await.status(), StatusCode::OK);
        assert_problem(
            transition(&app, &viewer, &cid, json!({"to": "acknowledged"})).await,
            403,
        )
        .await;
        assert_problem(
            app.post(
                "/api/v1/complaints",
                &viewer,
                &json!({"customer_id": customer.id, "subject": "x"}),
            )
            .await,
            403,
        )
        .await;
        // The owner acts and annotates; the history keeps who did what.
        let res = app
            .post(
                &format!("{path}/notes"),
                &owner,
                &json!({"note": "Called, left a message"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let note: Value = res.json().await.unwrap();
        assert_eq!(
            (note["kind"].as_str(), note["note"].as_str()),
            (Some("note"), Some("Called, left a message"))
        );
        let history = events(&app, &cid).await;
        assert_eq!(
            history
                .iter()
                .map(|e| e["kind"].as_str().unwrap())
                .collect::<Vec<_>>(),
            ["created", "note"]
        );
        assert_eq!(history[1]["actor_id"], customer.owner_id.as_str());
    }
);

db_test!(
    bad_input_is_answered_with_problems_and_changes_nothing,
    |app: TestApp| async move {
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Input"}))
            .await;
        let c = receive(
            &app,
            &app.admin_token,
            json!({"customer_id": customer.id, "subject": "Valid"}),
        )
        .await;
        let cid = id(&c);
        let future = rfc3339(Utc::now() + Duration::days(1));
        for (body, field) in [
            (
                json!({"customer_id": customer.id, "subject": " "}),
                "subject",
            ),
            (
                json!({"customer_id": customer.id, "subject": "x", "severity": "urgent"}),
                "severity",
            ),
            (
                json!({"customer_id": customer.id, "subject": "x", "kind": "rant"}),
                "kind",
            ),
            (
                json!({"customer_id": customer.id, "subject": "x", "received_at": future}),
                "received_at",
            ),
            (
                json!({"customer_id": uuid::Uuid::now_v7(), "subject": "x"}),
                "customer_id",
            ),
            (
                json!({"customer_id": customer.id, "subject": "x", "status": "closed"}),
                "status",
            ),
        ] {
            let problem = assert_problem(
                app.post("/api/v1/complaints", &app.admin_token, &body)
                    .await,
                422,
            )
            .await;
            assert_eq!(error_fields(&problem), [field], "{body}");
        }
        for (body, field) in [
            (
                json!({"to": "acknowledged", "resolution": "x"}),
                "resolution",
            ),
            (
                json!({"to": "acknowledged", "satisfaction_after": 5}),
                "satisfaction_after",
            ),
            (json!({"to": "done"}), "to"),
            (
                json!({"to": "closed", "satisfaction_after": 6}),
                "satisfaction_after",
            ),
        ] {
            let problem = assert_problem(
                transition(&app, &app.admin_token, &cid, body.clone()).await,
                422,
            )
            .await;
            assert_eq!(error_fields(&problem), [field], "{body}");
        }
        let blank = app
            .post(
                &format!("/api/v1/complaints/{cid}/notes"),
                &app.admin_token,
                &json!({"note": "  "}),
            )
            .await;
        assert_eq!(error_fields(&assert_problem(blank, 422).await), ["note"]);
        assert_problem(
            transition(
                &app,
                &app.admin_token,
                &uuid::Uuid::now_v7().to_string(),
                json!({"to": "acknowledged"}),
            )
            .await,
            404,
        )
        .await;
        let policy = "/api/v1/sla-policies/low";
        let wrong = app
            .call(
                Method::PUT,
                policy,
                &app.admin_token,
                Some(&json!({"first_response_minutes": "ten", "resolution_minutes": 600})),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(wrong, 422).await),
            ["first_response_minutes"]
        );
        let broken = app
            .client
            .put(app.url(policy))
            .bearer_auth(&app.admin_token)
            .header("content-type", "application/json")
            .body("{\"first_response_minutes\":")
            .send()
            .await
            .unwrap();
        assert_problem(broken, 400).await;
        let low: Value = app
            .get(policy, &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (
                low["first_response_minutes"].as_i64(),
                low["version"].as_i64()
            ),
            (Some(72 * 60), Some(1))
        );
        let patch = app
            .patch(
                &format!("/api/v1/complaints/{cid}"),
                &app.admin_token,
                &json!({"status": "closed"}),
            )
            .await;
        assert_eq!(error_fields(&assert_problem(patch, 422).await), ["status"]);
        let malformed = app
            .client
            .post(app.url("/api/v1/complaints"))
            .bearer_auth(&app.admin_token)
            .header("content-type", "application/json")
            .body("{\"customer_id\":")
            .send()
            .await
            .unwrap();
        assert_problem(malformed, 400).await;
        let big = "x".repeat(1_100_000);
        let res = app
            .post(
                "/api/v1/complaints",
                &app.admin_token,
                &json!({"customer_id": customer.id, "subject": "x", "description": big}),
            )
            .await;
        assert_problem(res, 413).await;
        assert_problem(
            app.get("/api/v1/complaints/not-an-id", &app.admin_token)
                .await,
            404,
        )
        .await;
        assert_problem(
            app.get(
                &format!("/api/v1/complaints/{}", uuid::Uuid::now_v7()),
                &app.admin_token,
            )
            .await,
            404,
        )
        .await;
        assert_problem(
            app.client
                .get(app.url("/api/v1/complaints"))
                .send()
                .await
                .unwrap(),
            401,
        )
        .await;
        assert_problem(
            app.get("/api/v1/complaints?breached=maybe", &app.admin_token)
                .await,
            422,
        )
        .await;
        assert_problem(
            app.call(
                Method::DELETE,
                &format!("/api/v1/complaints/{cid}"),
                &app.admin_token,
                None,
            )
            .await,
            405,
        )
        .await;
        let stale = app
            .request(
                Method::PATCH,
                &format!("/api/v1/complaints/{cid}"),
                &app.admin_token,
            )
            .header("If-Match", "\"4\"")
            .json(&json!({"subject": "New"}))
            .send()
            .await
            .unwrap();
        assert_problem(stale, 412).await;
        // Nothing of it stuck.
        let after = get_complaint(&app, &cid).await;
        assert_eq!(
            (
                after["subject"].as_str(),
                after["status"].as_str(),
                after["version"].as_i64()
            ),
            (Some("Valid"), Some("open"), Some(1))
        );
        assert_eq!(list(&app, &app.admin_token, "").await.len(), 1);
        assert_eq!(events(&app, &cid).await.len(), 1);
    }
);

db_test!(
    concurrent_transitions_and_receipts_stay_consistent,
    |app: TestApp| async move {
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Racing"}))
            .await;
        let c = receive(
            &app,
            &app.admin_token,
            json!({"customer_id": customer.id, "subject": "Race"}),
        )
        .await;
        let cid = id(&c);
        let path = format!("/api/v1/complaints/{cid}/transitions");
        let answers = at_once(
            (0..8)
                .map(|_| {
                    app.request(Method::POST, &path, &app.admin_token)
                        .json(&json!({"to": "acknowledged"}))
                })
                .collect(),
        )
        .await;
        let counts = status_counts(&answers);
        assert_eq!(counts.get(&200), Some(&1), "{counts:?}");
        assert_eq!(counts.get(&409), Some(&7), "{counts:?}");
        let transitions = events(&app, &cid)
            .await
            .into_iter()
            .filter(|e| e["kind"] == "transition")
            .count();
        assert_eq!(transitions, 1);
        assert_eq!(get_complaint(&app, &cid).await["version"], 2);

        let answers = at_once(
            (0..10)
                .map(|i| {
                    app.request(Method::POST, "/api/v1/complaints", &app.admin_token)
                        .json(
                            &json!({"customer_id": customer.id, "subject": format!("At once {i}")}),
                        )
                })
                .collect(),
        )
        .await;
        assert_eq!(status_counts(&answers).get(&201), Some(&10));
        assert_eq!(app.get_customer(&customer.id).await.open_complaints, 11);
    }
);
