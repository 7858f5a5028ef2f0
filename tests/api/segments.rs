use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

/// Four customers whose memberships are written out by hand below.
async fn fixture(app: &TestApp) -> Vec<String> {
    let t = &app.admin_token;
    let now = chrono::Utc::now();
    let in_days = |d: i64, year: i32| {
        let day = (now + chrono::Duration::days(d)).date_naive();
        format!("{year}-{}", day.format("%m-%d"))
    };
    let ann = app
        .create_customer(t, &json!({
            "name": "Ann", "tier": "key", "industry": "retail", "city": "Berlin", "email": "ann@ex.com",
            "birthday": in_days(3, 1980), "tags": ["vip", "retail"],
            "attributes": {"plan": "enterprise", "seats": 50, "beta": true}
        }))
        .await;
    let ben = app
        .create_customer(
            t,
            &json!({
                "name": "Ben", "tier": "important", "industry": "software", "tags": ["vip"],
                "attributes": {"plan": "starter", "seats": 5}
            }),
        )
        .await;
    let cid = app
        .create_customer(
            t,
            &json!({
                "name": "Cid", "city": "Paris", "attributes": {"seats": "many"},
                "status": "churned", "churn_reason": "price"
            }),
        )
        .await;
    let dee = app
        .create_customer(t, &json!({
            "name": "Dee", "industry": "retail", "city": "berlin", "birthday": in_days(40, 1990),
            "tags": ["new"], "lifecycle_stage": "commitment"
        }))
        .await;
    let contact = |c: &Value, days_ago: i64| {
        json!({"customer_id": c["id"], "channel": "phone", "direction": "outbound",
               "occurred_at": (now - chrono::Duration::days(days_ago)).to_rfc3339()})
    };
    assert_eq!(
        app.post("/api/v1/interactions", t, &contact(&ann, 100))
            .await
            .status(),
        StatusCode::CREATED
    );
    assert_eq!(
        app.post("/api/v1/interactions", t, &contact(&ben, 10))
            .await
            .status(),
        StatusCode::CREATED
    );
    for _ in 0..2 {
        let res = app
            .post(
                &format!(
                    "/api/v1/customers/{}/purchases",
                    ann["id"].as_str().unwrap()
                ),
                t,
                &json!({"amount_minor": 1000, "currency": "EUR"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    [ann, ben, cid, dee]
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

async fn preview(app: &TestApp, token: &str, rule: Value) -> (u64, BTreeSet<String>) {
    let res = app
        .post("/api/v1/segments/preview", token, &json!({"rule": rule}))
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{rule}");
    let body: Value = res.json().await.unwrap();
    let names = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    (body["count"].as_u64().unwrap(), names)
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

db_test!(
    every_operator_selects_the_expected_customers,
    |app: TestApp| async move {
        fixture(&app).await;
        let me: Value = app
            .get("/api/v1/me", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        let now = chrono::Utc::now();
        let fifty_days_ago = (now - chrono::Duration::days(50)).to_rfc3339();
        let cases: Vec<(Value, Vec<&str>)> = vec![
            (
                json!({"field": "tier", "op": "eq", "value": "key"}),
                vec!["Ann"],
            ),
            (
                json!({"field": "tier", "op": "ne", "value": "general"}),
                vec!["Ann", "Ben"],
            ),
            (
                json!({"field": "tier", "op": "in", "value": ["important", "key"]}),
                vec!["Ann", "Ben"],
            ),
            (
                json!({"field": "tier", "op": "not_in", "value": ["key"]}),
                vec!["Ben", "Cid", "Dee"],
            ),
            (
                json!({"field": "industry", "op": "ne", "value": "retail"}),
                vec!["Ben", "Cid"],
            ),
            (
                json!({"field": "industry", "op": "not_in", "value": ["retail"]}),
                vec!["Ben", "Cid"],
            ),
            (json!({"field": "industry", "op": "is_null"}), vec!["Cid"]),
            (
                json!({"field": "industry", "op": "is_not_null"}),
                vec!["Ann", "Ben", "Dee"],
            ),
            (
                json!({"field": "city", "op": "contains", "value": "ERL"}),
                vec!["Ann", "Dee"],
            ),
            (
                json!({"field": "name", "op": "in", "value": ["Ann", "Dee"]}),
                vec!["Ann", "Dee"],
            ),
            (
                json!({"field": "status", "op": "eq", "value": "churned"}),
                vec!["Cid"],
            ),
            (
                json!({"field": "lifecycle_stage", "op": "eq", "value": "commitment"}),
                vec!["Dee"],
            ),
            (
                json!({"field": "owner_id", "op": "eq", "value": me["id"]}),
                vec!["Ann", "Ben", "Cid", "Dee"],
            ),
            (
                json!({"field": "referred_by_id", "op": "is_not_null"}),
                vec![],
            ),
            (
                json!({"field": "purchase_count", "op": "eq", "value": 2}),
                vec!["Ann"],
            ),
            (
                json!({"field": "purchase_count", "op": "gte", "value": 2.0}),
                vec!["Ann"],
            ),
            (
                json!({"field": "purchase_count", "op": "lt", "value": 1}),
                vec!["Ben", "Cid", "Dee"],
            ),
            (
                json!({"field": "purchase_count", "op": "lte", "value": 0}),
                vec!["Ben", "Cid", "Dee"],
            ),
            (
                json!({"field": "lifetime_value_minor", "op": "gt", "value": 1999}),
                vec!["Ann"],
            ),
            (
                json!({"field": "lifetime_value_minor", "op": "ne", "value": 2000}),
                vec!["Ben", "Cid", "Dee"],
            ),
            (
                json!({"field": "lifetime_value_minor", "op": "in", "value": [0]}),
                vec!["Ben", "Cid", "Dee"],
            ),
            (
                json!({"field": "lifetime_value_minor", "op": "not_in", "value": [0]}),
                vec!["Ann"],
            ),
            (
                json!({"field": "last_contacted_at", "op": "older_than_days", "value": 30}),
                vec!["Ann"],
            ),
            (
                json!({"field": "last_contacted_at", "op": "within_days", "value": 30}),
                vec!["Ben"],
            ),
            (
                json!({"field": "last_contacted_at", "op": "is_null"}),
                vec!["Cid", "Dee"],
            ),
            (
                json!({"field": "last_contacted_at", "op": "lt", "value": fifty_days_ago}),
                vec!["Ann"],
            ),
            (
                json!({"field": "last_contacted_at", "op": "gt", "value": fifty_days_ago}),
                vec!["Ben"],
            ),
            (
                json!({"field": "created_at", "op": "within_days", "value": 1}),
                vec!["Ann", "Ben", "Cid", "Dee"],
            ),
            (
                json!({"field": "created_at", "op": "older_than_days", "value": 1}),
                vec![],
            ),
            (
                json!({"field": "birthday", "op": "birthday_within_days", "value": 7}),
                vec!["Ann"],
            ),
            (
                json!({"field": "birthday", "op": "birthday_within_days", "value": 60}),
                vec!["Ann", "Dee"],
            ),
            (
                json!({"field": "birthday", "op": "is_null"}),
                vec!["Ben", "Cid"],
            ),
            (
                json!({"field": "birthday", "op": "lt", "value": "1985-01-01"}),
                vec!["Ann"],
            ),
            (
                json!({"field": "birthday", "op": "gte", "value": "1985-01-01"}),
                vec!["Dee"],
            ),
            (
                json!({"field": "tags", "op": "contains", "value": "vip"}),
                vec!["Ann", "Ben"],
            ),
            (
                json!({"field": "tags", "op": "in", "value": ["retail", "new"]}),
                vec!["Ann", "Dee"],
            ),
            (
                json!({"field": "tags", "op": "not_in", "value": ["vip"]}),
                vec!["Cid", "Dee"],
            ),
            (json!({"field": "tags", "op": "is_null"}), vec!["Cid"]),
            (
                json!({"field": "tags", "op": "is_not_null"}),
                vec!["Ann", "Ben", "Dee"],
            ),
            (
                json!({"field": "attributes.plan", "op": "eq", "value": "enterprise"}),
                vec!["Ann"],
            ),
            (
                json!({"field": "attributes.plan", "op": "ne", "value": "enterprise"}),
                vec!["Ben", "Cid", "Dee"],
            ),
            (
                json!({"field": "attributes.plan", "op": "in", "value": ["starter", "enterprise"]}),
                vec!["Ann", "Ben"],
            ),
            (
                json!({"field": "attributes.plan", "op": "not_in", "value": ["starter"]}),
                vec!["Ann", "Cid", "Dee"],
            ),
            (
                json!({"field": "attributes.plan", "op": "contains", "value": "PRISE"}),
                vec!["Ann"],
            ),
            (
                json!({"field": "attributes.plan", "op": "is_null"}),
                vec!["Cid", "Dee"],
            ),
            (
                json!({"field": "attributes.plan", "op": "is_not_null"}),
                vec!["Ann", "Ben"],
            ),
            (
                json!({"field": "attributes.seats", "op": "gt", "value": 10}),
                vec!["Ann"],
            ),
            (
                json!({"field": "attributes.seats", "op": "gte", "value": 5}),
                vec!["Ann", "Ben"],
            ),
            (
                json!({"field": "attributes.seats", "op": "lt", "value": 50}),
                vec!["Ben"],
            ),
            (
                json!({"field": "attributes.seats", "op": "lte", "value": 5.0}),
                vec!["Ben"],
            ),
            (
                json!({"field": "attributes.seats", "op": "eq", "value": "many"}),
                vec!["Cid"],
            ),
            (
                json!({"field": "attributes.seats", "op": "eq", "value": 50}),
                vec!["Ann"],
            ),
            (
                json!({"field": "attributes.beta", "op": "eq", "value": true}),
                vec!["Ann"],
            ),
            (
                json!({"field": "attributes.beta", "op": "ne", "value": true}),
                vec!["Ben", "Cid", "Dee"],
            ),
            (
                json!({"not": {"field": "tier", "op": "eq", "value": "general"}}),
                vec!["Ann", "Ben"],
            ),
            (
                json!({"not": {"field": "industry", "op": "eq", "value": "retail"}}),
                vec!["Ben", "Cid"],
            ),
            (
                json!({"any": [{"field": "city", "op": "contains", "value": "paris"}, {"field": "tier", "op": "eq", "value": "key"}]}),
                vec!["Ann", "Cid"],
            ),
            (
                json!({"all": [{"field": "tier", "op": "eq", "value": "general"}, {"field": "industry", "op": "eq", "value": "retail"}]}),
                vec!["Dee"],
            ),
            (
                json!({"all": [
                    {"field": "tags", "op": "contains", "value": "vip"},
                    {"not": {"any": [{"field": "attributes.seats", "op": "gt", "value": 10}, {"field": "status", "op": "eq", "value": "churned"}]}}
                ]}),
                vec!["Ben"],
            ),
        ];
        for (rule, expected) in cases {
            let (count, names) = preview(&app, &app.admin_token, rule.clone()).await;
            assert_eq!(names, set(&expected), "{rule}");
            assert_eq!(count, expected.len() as u64, "{rule}");
        }
    }
);

db_test!(invalid_rules_name_the_bad_part, |app: TestApp| async move {
    let t = &app.admin_token;
    for (rule, field) in [
        (
            json!({"all": [{"field": "shoe_size", "op": "eq", "value": 1}]}),
            "rule.all[0].field",
        ),
        (
            json!({"any": [{"field": "tier", "op": "eq", "value": "key"}, {"field": "name", "op": "gt", "value": "A"}]}),
            "rule.any[1].op",
        ),
        (
            json!({"field": "purchase_count", "op": "gte", "value": "many"}),
            "rule.value",
        ),
        (
            json!({"not": {"field": "tier", "op": "eq", "value": "gold"}}),
            "rule.not.value",
        ),
        (
            json!({"field": "created_at", "op": "gt", "value": "yesterday"}),
            "rule.value",
        ),
        (
            json!({"field": "tags", "op": "eq", "value": "vip"}),
            "rule.op",
        ),
        (json!({"all": []}), "rule.all"),
        (json!("tier = key"), "rule"),
    ] {
        let problem = assert_problem(
            app.post("/api/v1/segments/preview", t, &json!({"rule": rule}))
                .await,
            422,
        )
        .await;
        assert_eq!(error_fields(&problem), vec![field.to_string()], "{rule}");
        let problem = assert_problem(
            app.post(
                "/api/v1/segments",
                t,
                &json!({"name": "Bad", "kind": "dynamic", "rule": rule}),
            )
            .await,
            422,
        )
        .await;
        assert_eq!(error_fields(&problem), vec![field.to_string()]);
    }
    let no_rule = app
        .post(
            "/api/v1/segments",
            t,
            &json!({"name": "X", "kind": "dynamic"}),
        )
        .await;
    assert_eq!(
        error_fields(&assert_problem(no_rule, 422).await),
        vec!["rule"]
    );
    let static_rule = app
        .post(
            "/api/v1/segments",
            t,
            &json!({"name": "X", "kind": "static", "rule": {"field": "name", "op": "is_null"}}),
        )
        .await;
    assert_eq!(
        error_fields(&assert_problem(static_rule, 422).await),
        vec!["rule"]
    );
    let list: Value = app.get("/api/v1/segments", t).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]));
});

db_test!(
    dynamic_segments_count_list_and_filter_customers,
    |app: TestApp| async move {
        let t = &app.admin_token;
        fixture(&app).await;
        let res = app
        .post("/api/v1/segments", t, &json!({"name": "VIPs", "kind": "dynamic", "rule": {"field": "tags", "op": "contains", "value": "vip"}}))
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let segment: Value = res.json().await.unwrap();
        assert_eq!(segment["member_count"], 2);
        let sid = segment["id"].as_str().unwrap();

        let members: Value = app
            .get(&format!("/api/v1/segments/{sid}/customers?sort=name"), t)
            .await
            .json()
            .await
            .unwrap();
        let names: Vec<&str> = members["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, vec!["Ann", "Ben"]);
        let filtered: Value = app
            .get(&format!("/api/v1/customers?segment_id={sid}&tier=key"), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(filtered["items"].as_array().unwrap().len(), 1);
        assert_problem(
            app.get(
                &format!("/api/v1/customers?segment_id={}", uuid::Uuid::now_v7()),
                t,
            )
            .await,
            422,
        )
        .await;

        // Members follow the rule, so they cannot be listed by hand.
        let res = app
            .post(
                &format!("/api/v1/segments/{sid}/members"),
                t,
                &json!({"customer_ids": [uuid::Uuid::now_v7()]}),
            )
            .await;
        assert_problem(res, 409).await;

        // Changing the rule changes the members; a duplicate name is a conflict.
        let changed: Value = app
            .patch(
                &format!("/api/v1/segments/{sid}"),
                t,
                &json!({"rule": {"field": "tier", "op": "eq", "value": "general"}}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(changed["member_count"], 2);
        assert_eq!(changed["version"], 2);
        let dup = app
            .post(
                "/api/v1/segments",
                t,
                &json!({"name": "VIPs", "kind": "static"}),
            )
            .await;
        assert_problem(dup, 409).await;

        // Agents count only their own customers, and cannot change segments.
        let (_, agent) = app.user_with_role("agent").await;
        app.create_customer(&agent, &json!({"name": "Agent's"}))
            .await;
        let seen: Value = app
            .get(&format!("/api/v1/segments/{sid}"), &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(seen["member_count"], 1);
        assert_problem(
            app.patch(
                &format!("/api/v1/segments/{sid}"),
                &agent,
                &json!({"name": "Mine"}),
            )
            .await,
            403,
        )
        .await;
        let res = app
            .call(
                reqwest::Method::DELETE,
                &format!("/api/v1/segments/{sid}"),
                t,
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_problem(app.get(&format!("/api/v1/segments/{sid}"), t).await, 404).await;
    }
);

db_test!(
    static_segments_take_members_in_bulk,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let ids = fixture(&app).await;
        let segment: Value = app
            .post(
                "/api/v1/segments",
                t,
                &json!({"name": "Event invitees", "kind": "static", "description": "Spring fair"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let sid = segment["id"].as_str().unwrap();
        assert_eq!(segment["member_count"], 0);
        let stranger = uuid::Uuid::now_v7();
        let res: Value = app
            .post(
                &format!("/api/v1/segments/{sid}/members"),
                t,
                &json!({"customer_ids": [ids[0], ids[1], ids[1], stranger]}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(res["changed"], 2);
        assert_eq!(res["unknown_ids"], json!([stranger]));
        let again: Value = app
            .post(
                &format!("/api/v1/segments/{sid}/members"),
                t,
                &json!({"customer_ids": [ids[0]]}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(again["changed"], 0);
        let removed: Value = app
            .call(
                reqwest::Method::DELETE,
                &format!("/api/v1/segments/{sid}/members"),
                t,
                Some(&json!({"customer_ids": [ids[1]]})),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(removed["changed"], 1);
        let seg: Value = app
            .get(&format!("/api/v1/segments/{sid}"), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(seg["member_count"], 1);
        let members: Value = app
            .get(&format!("/api/v1/segments/{sid}/customers"), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(members["items"][0]["id"], ids[0].as_str());
        let too_many: Vec<String> = (0..1001)
            .map(|_| uuid::Uuid::now_v7().to_string())
            .collect();
        let res = app
            .post(
                &format!("/api/v1/segments/{sid}/members"),
                t,
                &json!({"customer_ids": too_many}),
            )
            .await;
        assert_problem(res, 422).await;
    }
);
