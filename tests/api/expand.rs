//! `expand`: lists of records that hang off a customer embed its summary (and their
//! assignee's), in a bounded number of statements, and never a customer the caller cannot see.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::complaints::receive;
use crate::db_test;
use crate::helpers::*;

/// Customers of one agent, each with a manual touchpoint due today, a complaint and a call.
async fn book(app: &TestApp, agent: &str, n: usize) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        let c = app
            .create_customer(
                &app.admin_token,
                &json!({
                    "name": format!("Ada {i}"), "company": "Analytical Engines", "tier": "key",
                    "owner_id": agent, "email": format!("ada{i}@example.com"), "phone": "+44 20 7946 0000",
                    "timezone": "Europe/London", "preferred_channel": "phone",
                    "contact_window": {"weekdays": [1, 2, 3, 4, 5], "start": "12:00", "end": "17:00"}
                }),
            )
            .await;
        let due = rfc3339(app.clock.now() + Duration::hours(2));
        app.schedule(
            &app.admin_token,
            json!({"customer_id": c.id, "due_at": due, "channel": "phone", "purpose": "usage_check", "title": "Call"}),
        )
        .await;
        receive(
            app,
            &app.admin_token,
            json!({"customer_id": c.id, "subject": "Late"}),
        )
        .await;
        let res = app
            .post(
                "/api/v1/interactions",
                &app.admin_token,
                &json!({"customer_id": c.id, "channel": "phone", "direction": "outbound", "subject": "Hello"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        ids.push(c.id);
    }
    ids
}

fn assert_summary(item: &Value, agent: &str) {
    let c = &item["customer"];
    assert_eq!(c["id"], item["customer_id"], "{item}");
    assert!(c["name"].as_str().unwrap().starts_with("Ada "));
    assert_eq!(c["company"], "Analytical Engines");
    assert_eq!(c["tier"], "key");
    assert_eq!(c["timezone"], "Europe/London");
    assert_eq!(c["preferred_channel"], "phone");
    assert_eq!(c["contact_window"]["start"], "12:00");
    assert!(c["email"].as_str().unwrap().ends_with("@example.com"));
    assert_eq!(c["phone"], "+44 20 7946 0000");
    if item.get("assignee_id").is_some() {
        assert_eq!(item["assignee"]["id"], agent, "{item}");
        assert_eq!(item["assignee"]["role"], "agent");
        assert!(item["assignee"]["name"].as_str().is_some());
    }
}

db_test!(
    lists_embed_customer_and_assignee_summaries,
    |app: TestApp| async move {
        let (agent, agent_token) = app.user_with_role("agent").await;
        let ids = book(&app, &agent, 3).await;
        let me = &agent_token;

        let agenda: Value = app
            .get("/api/v1/agenda?expand=customer,assignee", me)
            .await
            .json()
            .await
            .unwrap();
        let items: Vec<&Value> = agenda["days"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["items"].as_array().unwrap())
            .collect();
        assert_eq!(items.len(), 3, "{agenda}");
        for item in items {
            assert_summary(item, &agent);
        }
        for path in [
            "/api/v1/touchpoints?expand=customer,assignee",
            "/api/v1/complaints?expand=assignee,customer",
            "/api/v1/interactions?expand=customer",
        ] {
            let items = app.items(path, me).await;
            assert_eq!(items.len(), 3, "{path}");
            for item in &items {
                assert_summary(item, &agent);
            }
        }
        let timeline = app
            .items(
                &format!("/api/v1/customers/{}/timeline?expand=customer", ids[0]),
                me,
            )
            .await;
        assert!(timeline.len() >= 3);
        for item in &timeline {
            assert_eq!(item["customer"]["id"], ids[0].as_str(), "{item}");
        }

        // Only what is asked for is embedded.
        let plain = app.items("/api/v1/touchpoints", me).await;
        assert!(
            plain
                .iter()
                .all(|t| t.get("customer").is_none() && t.get("assignee").is_none())
        );
        let customers_only = app.items("/api/v1/complaints?expand=customer", me).await;
        assert!(
            customers_only
                .iter()
                .all(|c| c.get("customer").is_some() && c.get("assignee").is_none())
        );

        // Unknown expansions are refused, naming the parameter and its code.
        for path in [
            "/api/v1/touchpoints?expand=owner",
            "/api/v1/agenda?expand=customer,,bogus",
            "/api/v1/agenda?expand=",
            "/api/v1/complaints?expand=customer,",
            "/api/v1/touchpoints?expand=%20customer",
            "/api/v1/interactions?expand=assignee",
            "/api/v1/customers/00000000-0000-7000-8000-000000000000/timeline?expand=assignee",
        ] {
            let problem = assert_problem(app.get(path, me).await, 422).await;
            assert_eq!(problem["errors"][0]["field"], "expand", "{path}");
            assert_eq!(problem["errors"][0]["code"], "unknown_value", "{path}");
        }
    }
);

db_test!(
    an_expansion_shows_only_customers_the_caller_sees,
    |app: TestApp| async move {
        let (agent, _) = app.user_with_role("agent").await;
        let ids = book(&app, &agent, 2).await;
        // A deleted customer's records stay listed for managers; the customer is gone.
        let res = app
            .call(
                reqwest::Method::DELETE,
                &format!("/api/v1/customers/{}", ids[0]),
                &app.admin_token,
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let items = app
            .items("/api/v1/interactions?expand=customer", &app.admin_token)
            .await;
        for item in &items {
            if item["customer_id"] == ids[0].as_str() {
                assert!(item.get("customer").is_none(), "{item}");
            } else {
                assert_eq!(item["customer"]["id"], ids[1].as_str());
            }
        }
        // Another agent sees nothing of the first agent's customers, expanded or not.
        let (_, other) = app.user_with_role("agent").await;
        for path in [
            "/api/v1/touchpoints?expand=customer",
            "/api/v1/complaints?expand=customer",
            "/api/v1/interactions?expand=customer",
        ] {
            assert!(app.items(path, &other).await.is_empty(), "{path}");
        }
    }
);

db_test!(
    an_expanded_page_costs_the_same_statements_for_any_length,
    |app: TestApp| async move {
        let (agent, token) = app.user_with_role("agent").await;
        book(&app, &agent, 12).await;
        // Counted on the server's pool: statements per request, for 2 and for 12 items.
        for (list, extra) in [
            ("/api/v1/touchpoints", 2),
            ("/api/v1/complaints", 2),
            ("/api/v1/interactions", 1),
        ] {
            let expand = if extra == 2 {
                "customer,assignee"
            } else {
                "customer"
            };
            let (bare, _) = app
                .statements_for(&format!("{list}?limit=12"), &token)
                .await;
            let (short, body) = app
                .statements_for(&format!("{list}?limit=2&expand={expand}"), &token)
                .await;
            assert_eq!(body["items"].as_array().unwrap().len(), 2);
            let (long, body) = app
                .statements_for(&format!("{list}?limit=12&expand={expand}"), &token)
                .await;
            assert_eq!(body["items"].as_array().unwrap().len(), 12);
            assert_eq!(short, long, "{list}: statements do not grow with the page");
            assert_eq!(
                long,
                bare + extra,
                "{list}: one statement per kind of embedded record"
            );
        }
        let (bare, _) = app.statements_for("/api/v1/agenda", &token).await;
        let (expanded, _) = app
            .statements_for("/api/v1/agenda?expand=customer,assignee", &token)
            .await;
        assert_eq!(expanded, bare + 2);
    }
);
