use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn put_owner(app: &TestApp, token: &str, customer: &str, body: Value) -> reqwest::Response {
    app.call(
        reqwest::Method::PUT,
        &format!("/api/v1/customers/{customer}/owner"),
        token,
        Some(&body),
    )
    .await
}

db_test!(
    hand_offs_are_recorded_with_their_history,
    |app: TestApp| async move {
        let (agent_a, token_a) = app.user_with_role("agent").await;
        let (agent_b, token_b) = app.user_with_role("agent").await;
        let (_, manager) = app.user_with_role("manager").await;
        let c = app
            .create_customer(&token_a, &json!({"name": "Handed"}))
            .await;
        let cid = c.id.as_str();

        // Agents cannot hand over, even their own customers.
        assert_problem(
            put_owner(&app, &token_a, cid, json!({"owner_id": agent_b})).await,
            403,
        )
        .await;
        // Not to a viewer or an unknown user.
        let (viewer, _) = app.user_with_role("viewer").await;
        let bad = put_owner(&app, &manager, cid, json!({"owner_id": viewer})).await;
        assert_eq!(
            error_fields(&assert_problem(bad, 422).await),
            vec!["owner_id"]
        );

        let res = put_owner(
            &app,
            &manager,
            cid,
            json!({"owner_id": agent_b, "reason": "after-sale care"}),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let moved: Value = res.json().await.unwrap();
        assert_eq!(moved["owner_id"], agent_b.as_str());
        assert_eq!(moved["version"], 2);
        // The new owner sees it; the old one no longer does.
        assert_eq!(
            app.get(&format!("/api/v1/customers/{cid}"), &token_b)
                .await
                .status(),
            StatusCode::OK
        );
        assert_problem(
            app.get(&format!("/api/v1/customers/{cid}"), &token_a).await,
            404,
        )
        .await;

        // Naming the current owner again records nothing.
        assert_eq!(
            put_owner(&app, &manager, cid, json!({"owner_id": agent_b}))
                .await
                .status(),
            StatusCode::OK
        );

        let handoffs: Value = app
            .get(&format!("/api/v1/customers/{cid}/owner-history"), &manager)
            .await
            .json()
            .await
            .unwrap();
        let items = handoffs["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["from_owner_id"], agent_a.as_str());
        assert_eq!(items[0]["to_owner_id"], agent_b.as_str());
        assert_eq!(items[0]["reason"], "after-sale care");

        // A manager's PATCH of owner_id is a hand-off too.
        let patched = app
            .patch(
                &format!("/api/v1/customers/{cid}"),
                &manager,
                &json!({"owner_id": agent_a, "tier": "key"}),
            )
            .await;
        assert_eq!(patched.status(), StatusCode::OK);
        let handoffs: Value = app
            .get(&format!("/api/v1/customers/{cid}/owner-history"), &manager)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(handoffs["items"].as_array().unwrap().len(), 2);
        assert_eq!(handoffs["items"][0]["to_owner_id"], agent_a.as_str());

        let history: Value = app
            .get(&format!("/api/v1/customers/{cid}/history"), &manager)
            .await
            .json()
            .await
            .unwrap();
        let rows: Vec<(String, Value, Value)> = history["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["field"].as_str().unwrap().to_string(),
                    h["from"].clone(),
                    h["to"].clone(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                ("tier".into(), Value::Null, json!("general")),
                ("lifecycle_stage".into(), Value::Null, json!("exploration")),
                ("status".into(), Value::Null, json!("active")),
                ("owner".into(), Value::Null, json!(agent_a)),
                ("owner".into(), json!(agent_a), json!(agent_b)),
                ("tier".into(), json!("general"), json!("key")),
                ("owner".into(), json!(agent_b), json!(agent_a)),
            ]
        );
    }
);

db_test!(
    churn_is_in_the_history_with_its_reason,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "Leaving"})).await;
        let cid = c.id.as_str();
        let no_reason = app
            .patch(
                &format!("/api/v1/customers/{cid}"),
                t,
                &json!({"status": "churned"}),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(no_reason, 422).await),
            vec!["churn_reason"]
        );
        app.patch(
            &format!("/api/v1/customers/{cid}"),
            t,
            &json!({"status": "churned", "churn_reason": "moved abroad"}),
        )
        .await;
        let history: Value = app
            .get(&format!("/api/v1/customers/{cid}/history?limit=2"), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(history["items"].as_array().unwrap().len(), 2);
        let rest: Value = app
            .get(
                &format!(
                    "/api/v1/customers/{cid}/history?limit=50&cursor={}",
                    history["next_cursor"].as_str().unwrap()
                ),
                t,
            )
            .await
            .json()
            .await
            .unwrap();
        let last = rest["items"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["field"], "status");
        assert_eq!(last["to"], "churned");
        assert_eq!(last["reason"], "moved abroad");
        assert!(last["actor_id"].is_string());
    }
);

db_test!(
    deactivation_hands_customers_over_or_is_refused,
    |app: TestApp| async move {
        let (leaving, leaving_token) = app.user_with_role("agent").await;
        let (heir, heir_token) = app.user_with_role("agent").await;
        for name in ["One", "Two", "Three"] {
            app.create_customer(&leaving_token, &json!({"name": name}))
                .await;
        }
        let path = format!("/api/v1/users/{leaving}");
        assert_problem(
            app.patch(&path, &app.admin_token, &json!({"active": false}))
                .await,
            409,
        )
        .await;
        let to_self = app
            .patch(
                &path,
                &app.admin_token,
                &json!({"active": false, "reassign_to": leaving}),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(to_self, 422).await),
            vec!["reassign_to"]
        );
        let list: Value = app
            .get("/api/v1/customers", &leaving_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"].as_array().unwrap().len(), 3);

        let res = app
            .patch(
                &path,
                &app.admin_token,
                &json!({"active": false, "reassign_to": heir}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<Value>().await.unwrap()["active"], false);
        let list: Value = app
            .get("/api/v1/customers", &heir_token)
            .await
            .json()
            .await
            .unwrap();
        let items = list["items"].as_array().unwrap();
        assert_eq!(items.len(), 3);
        for c in items {
            assert_eq!(c["owner_id"], heir.as_str());
            let handoffs: Value = app
                .get(
                    &format!(
                        "/api/v1/customers/{}/owner-history",
                        c["id"].as_str().unwrap()
                    ),
                    &heir_token,
                )
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(handoffs["items"][0]["from_owner_id"], leaving.as_str());
        }
        assert_problem(app.get("/api/v1/me", &leaving_token).await, 401).await;
    }
);

db_test!(
    timeline_merges_kinds_newest_first_across_pages,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let (agent, _) = app.user_with_role("agent").await;
        let c = app.create_customer(t, &json!({"name": "Busy"})).await;
        let cid = c.id.as_str();
        for (day, kind) in [
            (1, "interaction"),
            (2, "purchase"),
            (3, "interaction"),
            (4, "purchase"),
            (5, "interaction"),
        ] {
            let at = format!("2026-02-0{day}T12:00:00Z");
            let res = if kind == "interaction" {
                app.post("/api/v1/interactions", t, &json!({"customer_id": cid, "channel": "email", "direction": "outbound", "occurred_at": at})).await
            } else {
                app.post(
                    &format!("/api/v1/customers/{cid}/purchases"),
                    t,
                    &json!({"amount_minor": 100, "currency": "EUR", "occurred_at": at}),
                )
                .await
            };
            assert_eq!(res.status(), StatusCode::CREATED);
        }
        // Same instant as the day-3 interaction, to exercise ties across kinds.
        app.post(
            &format!("/api/v1/customers/{cid}/purchases"),
            t,
            &json!({"amount_minor": 5, "currency": "EUR", "occurred_at": "2026-02-03T12:00:00Z"}),
        )
        .await;
        put_owner(&app, t, cid, json!({"owner_id": agent})).await;

        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let url = match &cursor {
                Some(c) => format!("/api/v1/customers/{cid}/timeline?limit=2&cursor={c}"),
                None => format!("/api/v1/customers/{cid}/timeline?limit=2"),
            };
            let page: Value = app.get(&url, t).await.json().await.unwrap();
            assert!(page["items"].as_array().unwrap().len() <= 2);
            for item in page["items"].as_array().unwrap() {
                seen.push((
                    item["kind"].as_str().unwrap().to_string(),
                    item["at"].as_str().unwrap()[..10].to_string(),
                ));
                assert!(item["record"]["id"].is_string());
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        // The purchases scheduled the general playbook: its touchpoints are on the timeline at
        // their due times.
        let touchpoints = seen.iter().filter(|(k, _)| k == "touchpoint").count();
        assert!(touchpoints >= 3, "{seen:?}");
        let mut by_day = seen.clone();
        by_day.sort_by(|a, b| b.1.cmp(&a.1));
        assert_eq!(
            seen.iter().map(|(_, d)| d.clone()).collect::<Vec<_>>(),
            by_day.iter().map(|(_, d)| d.clone()).collect::<Vec<_>>(),
            "newest first across kinds"
        );
        let seen: Vec<(String, String)> = seen
            .into_iter()
            .filter(|(k, _)| k != "touchpoint")
            .collect();
        let kinds: Vec<&str> = seen.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            kinds,
            vec![
                "handoff",
                "interaction",
                "purchase",
                "purchase",
                "interaction",
                "purchase",
                "interaction"
            ]
        );
        let days: Vec<&str> = seen.iter().skip(1).map(|(_, d)| d.as_str()).collect();
        assert_eq!(
            days,
            vec![
                "2026-02-05",
                "2026-02-04",
                "2026-02-03",
                "2026-02-03",
                "2026-02-02",
                "2026-02-01"
            ]
        );
    }
);

db_test!(
    relationship_resources_of_other_agents_are_404,
    |app: TestApp| async move {
        let (_, mine) = app.user_with_role("agent").await;
        let (_, other) = app.user_with_role("agent").await;
        let c = app
            .create_customer(&mine, &json!({"name": "Private"}))
            .await;
        let cid = c.id.as_str();
        for sub in ["history", "owner-history", "timeline", "purchases"] {
            let path = format!("/api/v1/customers/{cid}/{sub}");
            assert_eq!(
                app.get(&path, &mine).await.status(),
                StatusCode::OK,
                "{sub}"
            );
            assert_problem(app.get(&path, &other).await, 404).await;
        }
        assert_problem(
            put_owner(&app, &other, cid, json!({"owner_id": uuid::Uuid::now_v7()})).await,
            404,
        )
        .await;
    }
);
