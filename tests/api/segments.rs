use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

use crate::segment_operators::fixture;

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
