use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

/// Four customers whose memberships are written out by hand below.
pub async fn fixture(app: &TestApp) -> Vec<String> {
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
    let contact = |c: &Customer, days_ago: i64| {
        json!({"customer_id": c.id, "channel": "phone", "direction": "outbound",
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
                &format!("/api/v1/customers/{}/purchases", ann.id.as_str()),
                t,
                &json!({"amount_minor": 1000, "currency": "EUR"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    [ann, ben, cid, dee].iter().map(|c| c.id.clone()).collect()
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
