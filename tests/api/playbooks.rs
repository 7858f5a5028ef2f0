use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn playbooks(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let res = app.get(&format!("/api/v1/playbooks{query}"), token).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["items"]
        .as_array()
        .unwrap()
        .clone()
}

fn by_tier<'a>(items: &'a [Value], tier: &str) -> &'a Value {
    items.iter().find(|p| p["tier"] == tier).unwrap()
}

db_test!(
    defaults_are_seeded_once_and_edits_stand,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let seeded = playbooks(&app, t, "").await;
        assert_eq!(seeded.len(), 3);
        let general = by_tier(&seeded, "general");
        assert_eq!(general["trigger"], "after_purchase");
        assert_eq!(general["is_default"], true);
        let offsets = |p: &Value| -> Vec<String> {
            p["steps"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["offset"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(offsets(general), ["P3D", "P1M"]);
        assert_eq!(general["recurrence"]["every"], "P3M");
        assert_eq!(offsets(by_tier(&seeded, "important")), ["PT24H", "P1W"]);
        assert_eq!(by_tier(&seeded, "important")["recurrence"]["every"], "P3M");
        assert_eq!(offsets(by_tier(&seeded, "key")), ["P1D", "P2W"]);
        assert_eq!(by_tier(&seeded, "key")["recurrence"]["every"], "P1M");

        // Edit one default and delete another, then start again on the same database.
        let key_id = by_tier(&seeded, "key")["id"].as_str().unwrap().to_string();
        let important_id = by_tier(&seeded, "important")["id"]
            .as_str()
            .unwrap()
            .to_string();
        let edited = app
            .patch(
                &format!("/api/v1/playbooks/{key_id}"),
                t,
                &json!({"name": "Our key accounts", "recurrence": null}),
            )
            .await;
        assert_eq!(edited.status(), StatusCode::OK);
        let deleted = app
            .call(
                Method::DELETE,
                &format!("/api/v1/playbooks/{important_id}"),
                t,
                None,
            )
            .await;
        assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
        for _restart in 0..2 {
            let again = rapport::startup::Application::build(settings_for(&app.database_url, &[]))
                .await
                .unwrap();
            drop(again);
        }
        let after = playbooks(&app, t, "").await;
        assert_eq!(after.len(), 2, "the deleted default is not re-created");
        let key = by_tier(&after, "key");
        assert_eq!(key["name"], "Our key accounts");
        assert!(key["recurrence"].is_null());
        assert_eq!(key["version"], 2);
    }
);

db_test!(
    playbooks_are_validated_and_only_managers_write,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let (_, manager) = app.user_with_role("manager").await;
        let (_, agent) = app.user_with_role("agent").await;
        let (_, viewer) = app.user_with_role("viewer").await;
        let good = json!({
            "name": "Welcome", "trigger": "customer_created",
            "steps": [{"offset": "P2D", "channel": "email", "purpose": "custom", "title": "Welcome aboard"}]
        });
        for token in [&agent, &viewer] {
            assert_problem(app.post("/api/v1/playbooks", token, &good).await, 403).await;
        }
        let created = app.post("/api/v1/playbooks", &manager, &good).await;
        assert_eq!(created.status(), StatusCode::CREATED);
        let created: Value = created.json().await.unwrap();
        assert!(created["tier"].is_null() && created["customer_id"].is_null());
        assert_eq!(created["active"], true);
        assert_eq!(created["is_default"], false);
        // Everyone reads.
        for token in [&agent, &viewer] {
            let res = app
                .get(
                    &format!("/api/v1/playbooks/{}", created["id"].as_str().unwrap()),
                    token,
                )
                .await;
            assert_eq!(res.status(), StatusCode::OK);
        }
        let customer = app.create_customer(t, &json!({"name": "C"})).await;
        let step = |offset: &str, title: &str| json!({"offset": offset, "channel": "phone", "purpose": "visit", "title": title});
        for (body, fields) in [
            (
                json!({"name": "X", "trigger": "after_purchase", "steps": [step("P3", "a")]}),
                vec!["steps[0].offset"],
            ),
            (
                json!({"name": "X", "trigger": "after_purchase", "steps": [step("PT1D", "a"), step("P1D", " ")]}),
                vec!["steps[0].offset", "steps[1].title"],
            ),
            (
                json!({"name": "X", "trigger": "after_purchase", "steps": [step("P11Y", "a")]}),
                vec!["steps[0].offset"],
            ),
            (
                json!({"name": "X", "trigger": "after_purchase", "steps": [], "recurrence": {"every": "PT12H", "channel": "phone", "purpose": "visit", "title": "t"}}),
                vec!["recurrence.every"],
            ),
            (
                json!({"name": "X", "trigger": "after_purchase", "steps": []}),
                vec!["steps"],
            ),
            (
                json!({"name": "X", "trigger": "after_purchase", "tier": "key", "customer_id": customer.id, "steps": [step("P1D", "a")]}),
                vec!["customer_id"],
            ),
            (
                json!({"name": "X", "trigger": "after_purchase", "customer_id": uuid::Uuid::now_v7(), "steps": [step("P1D", "a")]}),
                vec!["customer_id"],
            ),
        ] {
            let problem =
                assert_problem(app.post("/api/v1/playbooks", &manager, &body).await, 422).await;
            assert_eq!(error_fields(&problem), fields, "{body}");
        }
        for body in [
            json!({"name": "X", "trigger": "on_birthday", "steps": []}),
            json!({"name": "X", "trigger": "after_purchase", "steps": [{"offset": "P1D", "channel": "pigeon", "purpose": "visit", "title": "a"}]}),
            json!({"name": "X", "trigger": "after_purchase", "steps": "P1D"}),
        ] {
            assert_problem(app.post("/api/v1/playbooks", &manager, &body).await, 422).await;
        }
        assert_eq!(
            playbooks(&app, t, "").await.len(),
            4,
            "nothing stored by refused bodies"
        );
        // Filters.
        assert_eq!(
            playbooks(&app, t, "?trigger=customer_created").await.len(),
            1
        );
        assert_eq!(playbooks(&app, t, "?tier=key").await.len(), 1);
        assert_problem(app.get("/api/v1/playbooks?tier=gold", t).await, 422).await;
    }
);

db_test!(
    personal_plans_follow_their_customer,
    |app: TestApp| async move {
        let (_, manager) = app.user_with_role("manager").await;
        let (_, agent_a) = app.user_with_role("agent").await;
        let (_, agent_b) = app.user_with_role("agent").await;
        let account = app
            .create_customer(&agent_a, &json!({"name": "Big account", "tier": "key"}))
            .await;
        let plan = app
            .post(
                "/api/v1/playbooks",
                &manager,
                &json!({
                    "name": "Big account's plan", "customer_id": account.id, "trigger": "after_purchase",
                    "steps": [{"offset": "P1D", "channel": "letter", "purpose": "thank_you", "title": "Letter from the CEO"}],
                    "recurrence": {"every": "P2W", "channel": "phone", "purpose": "periodic_care", "title": "Fortnightly call"}
                }),
            )
            .await;
        assert_eq!(plan.status(), StatusCode::CREATED);
        let plan: Value = plan.json().await.unwrap();
        let path = format!("/api/v1/playbooks/{}", plan["id"].as_str().unwrap());
        assert_eq!(app.get(&path, &agent_a).await.status(), StatusCode::OK);
        assert_problem(app.get(&path, &agent_b).await, 404).await;
        assert_eq!(
            playbooks(&app, &agent_a, &format!("?customer_id={}", account.id))
                .await
                .len(),
            1
        );
        assert_eq!(
            playbooks(&app, &agent_b, "").await.len(),
            3,
            "the defaults only"
        );
        // Changes need the current version.
        let stale = app
            .request(Method::PATCH, &path, &manager)
            .header("If-Match", "\"7\"")
            .json(&json!({"active": false}))
            .send()
            .await
            .unwrap();
        assert_problem(stale, 412).await;
        let res = app
            .request(Method::PATCH, &path, &manager)
            .header("If-Match", "\"1\"")
            .json(&json!({"active": false}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["etag"], "\"2\"");
        assert_eq!(playbooks(&app, &manager, "?active=false").await.len(), 1);
    }
);
