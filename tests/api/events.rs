//! The event feed: every change appends its event in its own transaction; a reader that
//! polls from its last cursor sees every event once, in order, under concurrent writers; and
//! sees only what it may.

use std::collections::HashSet;

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::complaints::{move_to, receive};
use crate::db_test;
use crate::helpers::*;

/// Every event the caller may see, from the start, page by page; and the last cursor.
async fn feed(app: &TestApp, token: &str, filter: &str) -> (Vec<Value>, Option<String>) {
    let mut events = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut path = format!("/api/v1/events?limit=50{filter}");
        if let Some(a) = &after {
            path.push_str(&format!("&after={a}"));
        }
        let res = app.get(&path, token).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let page: Value = res.json().await.unwrap();
        let items = page["items"].as_array().unwrap().clone();
        let next = page["next_cursor"].as_str().map(str::to_string);
        if items.is_empty() {
            assert_eq!(next, after, "an empty page answers the cursor it was given");
            return (events, after);
        }
        assert_eq!(next.as_deref(), items.last().unwrap()["id"].as_str());
        events.extend(items);
        after = next;
    }
}

fn types(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_string())
        .collect()
}

/// The events after `mark` (the count of events seen before the step).
async fn since(app: &TestApp, mark: &mut usize) -> Vec<Value> {
    let (all, _) = feed(app, &app.admin_token, "").await;
    let new = all[*mark..].to_vec();
    *mark = all.len();
    new
}

fn assert_has(events: &[Value], wanted: &[&str], step: &str) {
    let got = types(events);
    for w in wanted {
        assert!(got.iter().any(|t| t == w), "{step}: {w} in {got:?}");
    }
}

db_test!(every_change_appends_its_event, |app: TestApp| async move {
    let t = app.admin_token.clone();
    let me: Value = app.get("/api/v1/me", &t).await.json().await.unwrap();
    let (agent, _) = app.user_with_role("agent").await;
    let mut mark = since(&app, &mut 0).await.len();

    let c = app
        .create_customer(&t, &json!({"name": "Ada", "tier": "general"}))
        .await;
    let id = c.id.clone();
    let new = since(&app, &mut mark).await;
    assert_eq!(types(&new), vec!["customer.created"]);
    let e = &new[0];
    assert_eq!(e["subject_id"], id.as_str());
    assert_eq!(e["customer_id"], id.as_str());
    assert_eq!(e["actor"], json!({"type": "user", "id": me["id"]}));
    assert_eq!(e["data"]["name"], "Ada");
    assert!(e["occurred_at"].is_string() && e["id"].is_string());

    app.patch(
        &format!("/api/v1/customers/{id}"),
        &t,
        &json!({"tier": "key"}),
    )
    .await;
    // The key tier's cadence starts too (`touchpoint.scheduled`).
    let new = since(&app, &mut mark).await;
    let about_customer: Vec<&Value> = new
        .iter()
        .filter(|e| e["type"].as_str().unwrap().starts_with("customer."))
        .collect();
    assert_eq!(about_customer.len(), 2, "{new:?}");
    assert_eq!(about_customer[0]["type"], "customer.updated");
    assert_eq!(about_customer[1]["type"], "customer.tier_changed");
    assert_eq!(about_customer[1]["data"]["tier"], "key");

    app.patch(
        &format!("/api/v1/customers/{id}"),
        &t,
        &json!({"owner_id": agent}),
    )
    .await;
    assert_has(
        &since(&app, &mut mark).await,
        &["customer.updated", "customer.owner_changed"],
        "owner",
    );

    let res = app
        .post(
            &format!("/api/v1/customers/{id}/purchases"),
            &t,
            &json!({"amount_minor": 1000, "currency": "EUR"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let purchase: Value = res.json().await.unwrap();
    let new = since(&app, &mut mark).await;
    assert_has(
        &new,
        &["purchase.created", "touchpoint.scheduled"],
        "purchase",
    );
    let scheduled: Vec<&Value> = new
        .iter()
        .filter(|e| e["type"] == "touchpoint.scheduled")
        .collect();
    assert_eq!(scheduled[0]["data"]["customer_id"], id.as_str());
    assert_eq!(scheduled[0]["data"]["status"], "scheduled");

    let res = app
        .call(
            Method::DELETE,
            &format!(
                "/api/v1/customers/{id}/purchases/{}",
                purchase["id"].as_str().unwrap()
            ),
            &t,
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        types(&since(&app, &mut mark).await),
        vec!["purchase.deleted"]
    );

    let res = app
        .post(
            "/api/v1/interactions",
            &t,
            &json!({"customer_id": id, "channel": "phone", "direction": "inbound"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(
        types(&since(&app, &mut mark).await),
        vec!["interaction.logged"]
    );

    // Touchpoints by hand: scheduled, then skipped, cancelled, completed.
    let due = rfc3339(app.clock.now() + Duration::hours(1));
    let mut manual = Vec::new();
    for _ in 0..4 {
        let tp = app
            .schedule(
                &t,
                json!({"customer_id": id, "due_at": due, "channel": "phone", "title": "Call"}),
            )
            .await;
        manual.push(tp.id);
    }
    let new = since(&app, &mut mark).await;
    assert_eq!(types(&new), vec!["touchpoint.scheduled"; 4]);
    app.post(
        &format!("/api/v1/touchpoints/{}/skip", manual[0]),
        &t,
        &json!({"reason": "on holiday"}),
    )
    .await;
    assert_eq!(
        types(&since(&app, &mut mark).await),
        vec!["touchpoint.skipped"]
    );
    app.post(
        &format!("/api/v1/touchpoints/{}/cancel", manual[1]),
        &t,
        &json!({}),
    )
    .await;
    assert_eq!(
        types(&since(&app, &mut mark).await),
        vec!["touchpoint.cancelled"]
    );
    let res = app
        .post(
            &format!("/api/v1/touchpoints/{}/complete", manual[2]),
            &t,
            &json!({"outcome": "positive"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        types(&since(&app, &mut mark).await),
        vec!["interaction.logged", "touchpoint.completed"]
    );

    // Overdue once, when the scheduler notices, by the system.
    app.clock.advance(Duration::hours(2));
    app.run_scheduler().await;
    let new = since(&app, &mut mark).await;
    let overdue: Vec<&Value> = new
        .iter()
        .filter(|e| e["type"] == "touchpoint.overdue")
        .collect();
    assert!(
        overdue
            .iter()
            .any(|e| e["subject_id"] == manual[3].as_str()),
        "{new:?}"
    );
    assert_eq!(overdue[0]["actor"], json!({"type": "system", "id": null}));
    assert_eq!(overdue[0]["data"]["overdue"], true);
    app.run_scheduler().await;
    assert!(!types(&since(&app, &mut mark).await).contains(&"touchpoint.overdue".to_string()));

    // Complaints: received, transitioned, reopened, escalated.
    let received = rfc3339(app.clock.now() - Duration::hours(3));
    let complaint = receive(&app, &t, json!({"customer_id": id, "subject": "Down", "severity": "critical", "received_at": received})).await;
    let cid = complaint["id"].as_str().unwrap().to_string();
    assert_has(
        &since(&app, &mut mark).await,
        &["complaint.received"],
        "received",
    );
    app.run_scheduler().await;
    assert_has(
        &since(&app, &mut mark).await,
        &["complaint.escalated"],
        "escalated",
    );
    move_to(&app, &t, &cid, json!({"to": "acknowledged"})).await;
    let new = since(&app, &mut mark).await;
    assert_eq!(types(&new), vec!["complaint.transitioned"]);
    assert_eq!(new[0]["data"]["status"], "acknowledged");
    move_to(&app, &t, &cid, json!({"to": "in_progress"})).await;
    move_to(
        &app,
        &t,
        &cid,
        json!({"to": "resolved", "resolution": "Fixed"}),
    )
    .await;
    since(&app, &mut mark).await;
    move_to(&app, &t, &cid, json!({"to": "reopened"})).await;
    assert_has(
        &since(&app, &mut mark).await,
        &["complaint.transitioned", "complaint.reopened"],
        "reopened",
    );

    // Static segment members.
    let res = app
        .post(
            "/api/v1/segments",
            &t,
            &json!({"name": "Fair", "kind": "static"}),
        )
        .await;
    let sid = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.post(
        &format!("/api/v1/segments/{sid}/members"),
        &t,
        &json!({"customer_ids": [id]}),
    )
    .await;
    let new = since(&app, &mut mark).await;
    assert_eq!(types(&new), vec!["segment.member_added"]);
    assert_eq!(
        new[0]["data"],
        json!({"segment_id": sid, "customer_id": id})
    );
    app.post(
        &format!("/api/v1/segments/{sid}/members"),
        &t,
        &json!({"customer_ids": [id]}),
    )
    .await;
    assert!(
        since(&app, &mut mark).await.is_empty(),
        "a member added again is no change"
    );
    app.call(
        Method::DELETE,
        &format!("/api/v1/segments/{sid}/members"),
        &t,
        Some(&json!({"customer_ids": [id]})),
    )
    .await;
    assert_eq!(
        types(&since(&app, &mut mark).await),
        vec!["segment.member_removed"]
    );

    // Churned, then deleted.
    app.patch(
        &format!("/api/v1/customers/{id}"),
        &t,
        &json!({"status": "churned", "churn_reason": "moved"}),
    )
    .await;
    assert_has(
        &since(&app, &mut mark).await,
        &[
            "customer.updated",
            "customer.churned",
            "touchpoint.cancelled",
        ],
        "churn",
    );
    let res = app
        .call(Method::DELETE, &format!("/api/v1/customers/{id}"), &t, None)
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let new = since(&app, &mut mark).await;
    assert_eq!(types(&new), vec!["customer.deleted"]);
    assert_eq!(new[0]["data"]["name"], "Ada");

    // The type and customer filters.
    let (created, _) = feed(&app, &t, "&type=customer.created").await;
    assert!(created.iter().all(|e| e["type"] == "customer.created"));
    let (about, _) = feed(&app, &t, &format!("&customer_id={id}")).await;
    assert!(about.iter().all(|e| e["customer_id"] == id.as_str()));
    assert_eq!(about.len(), feed(&app, &t, "").await.0.len());
});

db_test!(
    a_reader_polling_under_concurrent_writers_sees_each_event_once,
    |app: TestApp| async move {
        let writers = 6;
        let rounds = 5;
        let mut seen: Vec<String> = Vec::new();
        let mut cursor: Option<String> = None;
        for round in 0..rounds {
            // Writers release their creates at once while the reader polls.
            let requests: Vec<_> = (0..writers)
                .map(|i| {
                    app.request(Method::POST, "/api/v1/customers", &app.admin_token)
                        .json(&json!({"name": format!("W{round}-{i}")}))
                })
                .collect();
            let writes = tokio::spawn(at_once(requests));
            for _ in 0..3 {
                let path = match &cursor {
                    Some(c) => format!("/api/v1/events?type=customer.created&limit=200&after={c}"),
                    None => "/api/v1/events?type=customer.created&limit=200".to_string(),
                };
                let page: Value = app.get(&path, &app.admin_token).await.json().await.unwrap();
                for e in page["items"].as_array().unwrap() {
                    seen.push(e["id"].as_str().unwrap().to_string());
                }
                cursor = page["next_cursor"].as_str().map(str::to_string);
            }
            for res in writes.await.unwrap() {
                assert_eq!(res.status(), StatusCode::CREATED);
            }
        }
        // Drain what is left.
        loop {
            let path = match &cursor {
                Some(c) => format!("/api/v1/events?type=customer.created&limit=200&after={c}"),
                None => "/api/v1/events?type=customer.created&limit=200".to_string(),
            };
            let page: Value = app.get(&path, &app.admin_token).await.json().await.unwrap();
            let items = page["items"].as_array().unwrap();
            if items.is_empty() {
                break;
            }
            seen.extend(items.iter().map(|e| e["id"].as_str().unwrap().to_string()));
            cursor = page["next_cursor"].as_str().map(str::to_string);
        }
        let unique: HashSet<&String> = seen.iter().collect();
        assert_eq!(unique.len(), seen.len(), "no event seen twice");
        assert_eq!(seen.len(), writers * rounds, "no event missed");
        let (all, _) = feed(&app, &app.admin_token, "&type=customer.created").await;
        let ordered: Vec<String> = all
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(seen, ordered, "the reader saw them in the feed's order");
    }
);

db_test!(readers_see_only_what_they_may, |app: TestApp| async move {
    let (agent, agent_token) = app.user_with_role("agent").await;
    let (_, other) = app.user_with_role("agent").await;
    let mine = app
        .create_customer(
            &app.admin_token,
            &json!({"name": "Mine", "owner_id": agent}),
        )
        .await;
    app.create_customer(&app.admin_token, &json!({"name": "Theirs"}))
        .await;
    let (events, _) = feed(&app, &agent_token, "").await;
    assert!(!events.is_empty());
    assert!(
        events.iter().all(|e| e["customer_id"] == mine.id.as_str()),
        "{events:?}"
    );
    assert!(feed(&app, &other, "").await.0.is_empty());

    // Keys: an agent key sees its agent's; a key without events:read is refused.
    let res = app
        .post("/api/v1/api-keys", &app.admin_token, &json!({"name": "Bot", "role": "agent", "owner_id": agent, "scopes": ["events:read", "customers:write"]}))
        .await;
    let key = res.json::<Value>().await.unwrap();
    let secret = key["secret"].as_str().unwrap();
    assert_eq!(feed(&app, secret, "").await.0.len(), events.len());
    let res = app
        .post("/api/v1/customers", secret, &json!({"name": "By the bot"}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let (events, _) = feed(&app, secret, "&type=customer.created").await;
    let last = events.last().unwrap();
    assert_eq!(last["actor"], json!({"type": "api_key", "id": key["id"]}));
    let res = app
        .post(
            "/api/v1/api-keys",
            &app.admin_token,
            &json!({"name": "Blind", "role": "manager", "scopes": ["customers:read"]}),
        )
        .await;
    let blind = res.json::<Value>().await.unwrap()["secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert_problem(app.get("/api/v1/events", &blind).await, 403).await;

    // Bad parameters.
    for (path, field, code) in [
        (
            "/api/v1/events?after=0193a000-0000-7000-8000-000000000001",
            "after",
            "not_found",
        ),
        ("/api/v1/events?limit=0", "limit", "out_of_range"),
        (
            "/api/v1/events?type=customer.exploded",
            "type",
            "unknown_value",
        ),
    ] {
        let problem = assert_problem(app.get(path, &app.admin_token).await, 422).await;
        assert_eq!(problem["errors"][0]["field"], field, "{path}");
        assert_eq!(problem["errors"][0]["code"], code, "{path}");
    }
});

db_test!(
    events_are_kept_for_the_retention_period,
    |app: TestApp| async move {
        app.create_customer(&app.admin_token, &json!({"name": "Old news"}))
            .await;
        let (before, cursor) = feed(&app, &app.admin_token, "").await;
        assert!(!before.is_empty());
        app.clock.advance(Duration::days(29));
        app.run_scheduler().await;
        assert_eq!(feed(&app, &app.admin_token, "").await.0.len(), before.len());
        app.clock.advance(Duration::days(2));
        app.run_scheduler().await;
        assert!(feed(&app, &app.admin_token, "").await.0.is_empty());
        let problem = assert_problem(
            app.get(
                &format!("/api/v1/events?after={}", cursor.unwrap()),
                &app.admin_token,
            )
            .await,
            422,
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], "after");
    }
);
