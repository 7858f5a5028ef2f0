//! Every caller's work has a bound: statements a time budget, segment rules a size and cost,
//! expensive reads a per-user concurrency.

use std::time::Duration;

use rapport::model::error::DomainError;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;

use crate::db_test;
use crate::helpers::*;

db_test!(
    statements_past_their_budget_are_cancelled,
    |app: TestApp| async move {
        let db = rapport::db::connect(&app.database_url, Some(Duration::from_millis(200)))
            .await
            .unwrap();
        let backend = db.get_database_backend();
        // Counts forever: only the budget can stop it.
        let endless = Statement::from_string(
            backend,
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
        );
        for _ in 0..2 {
            let outcome =
                tokio::time::timeout(Duration::from_secs(30), db.query_one_raw(endless.clone()))
                    .await
                    .expect("the budget stops the statement, it does not hang");
            let err = outcome.expect_err("an endless statement cannot succeed");
            assert!(
                matches!(DomainError::from(err), DomainError::TimedOut(_)),
                "read as a timeout"
            );
            // The pool's connections stay usable, each with a fresh budget.
            for _ in 0..10 {
                let one = Statement::from_string(backend, "SELECT 1");
                db.query_one_raw(one).await.unwrap().unwrap();
            }
        }
        if backend == DbBackend::Postgres {
            let shown = db
                .query_one_raw(Statement::from_string(backend, "SHOW statement_timeout"))
                .await
                .unwrap()
                .unwrap();
            assert_eq!(shown.try_get_by_index::<String>(0).unwrap(), "200ms");
        }
        db.close().await.unwrap();
    }
);

fn city_list(n: usize, offset: usize) -> serde_json::Value {
    json!({"field": "city", "op": "in", "value": (0..n).map(|i| format!("city-{}", offset + i)).collect::<Vec<_>>()})
}

fn contains_all(n: usize) -> serde_json::Value {
    json!({"all": (0..n).map(|i| json!({"field": "notes", "op": "contains", "value": format!("w{i}")})).collect::<Vec<_>>()})
}

async fn segment_count(app: &TestApp) -> usize {
    let page: serde_json::Value = app
        .get("/api/v1/segments?limit=100", &app.admin_token)
        .await
        .json()
        .await
        .unwrap();
    page["items"].as_array().unwrap().len()
}

db_test!(
    oversized_rules_are_refused_and_store_nothing,
    |app: TestApp| async move {
        let t = &app.admin_token;
        app.create_customer(t, &json!({"name": "Someone", "city": "city-7"}))
            .await;
        let huge = json!({"any": (0..40).map(|i| city_list(1000, i * 1000)).collect::<Vec<_>>()});
        for rule in [huge, contains_all(199)] {
            for (path, body) in [
                ("/api/v1/segments/preview", json!({"rule": rule})),
                (
                    "/api/v1/segments",
                    json!({"name": "Too big", "kind": "dynamic", "rule": rule}),
                ),
            ] {
                let problem = assert_problem(app.post(path, t, &body).await, 422).await;
                assert_eq!(error_fields(&problem), ["rule"], "{problem}");
                let message = problem["errors"][0]["message"].as_str().unwrap();
                assert!(message.contains("at most"), "{message}");
            }
        }
        assert_eq!(segment_count(&app).await, 0);
        // At the budget, a rule evaluates on both databases.
        let widest = json!({"any": [city_list(1000, 0), city_list(1000, 1000)]});
        let res = app
            .post(
                "/api/v1/segments",
                t,
                &json!({"name": "Wide", "kind": "dynamic", "rule": widest}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(
            res.json::<serde_json::Value>().await.unwrap()["member_count"],
            1
        );
        let res = app
            .post(
                "/api/v1/segments/preview",
                t,
                &json!({"rule": contains_all(20)}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);

db_test!(
    a_stored_rule_beyond_the_budget_never_breaks_the_list,
    |app: TestApp| async move {
        let t = &app.admin_token;
        app.create_customer(t, &json!({"name": "Someone", "tier": "key"}))
            .await;
        let make = |name: &str| json!({"name": name, "kind": "dynamic", "rule": {"field": "tier", "op": "eq", "value": "key"}});
        let good: serde_json::Value = app
            .post("/api/v1/segments", t, &make("Good"))
            .await
            .json()
            .await
            .unwrap();
        let old: serde_json::Value = app
            .post("/api/v1/segments", t, &make("Old"))
            .await
            .json()
            .await
            .unwrap();
        let old_id = old["id"].as_str().unwrap().to_string();
        // A rule saved before today's budget existed.
        let db = sea_orm::Database::connect(&app.database_url).await.unwrap();
        let backend = db.get_database_backend();
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            match backend {
                DbBackend::Postgres => "UPDATE segments SET rule = $1 WHERE id = $2",
                _ => "UPDATE segments SET rule = ? WHERE id = ?",
            },
            [
                contains_all(199).into(),
                uuid::Uuid::parse_str(&old_id).unwrap().into(),
            ],
        ))
        .await
        .unwrap();
        db.close().await.unwrap();

        let page: serde_json::Value = app.get("/api/v1/segments", t).await.json().await.unwrap();
        let items = page["items"].as_array().unwrap();
        let shown = |id: &serde_json::Value| items.iter().find(|s| s["id"] == *id).unwrap().clone();
        assert_eq!(shown(&good["id"])["member_count"], 1);
        assert!(shown(&good["id"]).get("evaluation_error").is_none());
        let broken = shown(&old["id"]);
        assert!(broken["member_count"].is_null());
        assert!(
            broken["evaluation_error"]
                .as_str()
                .unwrap()
                .contains("at most 20")
        );

        let one = app.get(&format!("/api/v1/segments/{old_id}"), t).await;
        assert_eq!(one.status(), StatusCode::OK);
        assert!(one.json::<serde_json::Value>().await.unwrap()["member_count"].is_null());
        let filtered = app
            .get(&format!("/api/v1/customers?segment_id={old_id}"), t)
            .await;
        assert_eq!(
            error_fields(&assert_problem(filtered, 422).await),
            ["segment_id"]
        );
        // Fixing the rule brings it back.
        let fixed = app
            .patch(
                &format!("/api/v1/segments/{old_id}"),
                t,
                &json!({"rule": {"field": "tier", "op": "eq", "value": "key"}}),
            )
            .await;
        assert_eq!(
            fixed.json::<serde_json::Value>().await.unwrap()["member_count"],
            1
        );
    }
);

db_test!(
    one_caller_cannot_starve_the_others,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let customers: Vec<_> = (0..60)
            .map(|i| {
                app.request(reqwest::Method::POST, "/api/v1/customers", t).json(
                    &json!({"name": format!("Customer {i}"), "notes": format!("note {i} w1 w2 w3")}),
                )
            })
            .collect();
        assert_eq!(
            status_counts(&at_once(customers).await).get(&201),
            Some(&60)
        );
        let (_, viewer) = app.user_with_role("viewer").await;
        let (agent_id, agent) = app.user_with_role("agent").await;
        let own = app
            .create_customer(&agent, &json!({"name": "The agent's own"}))
            .await;
        assert_eq!(own.owner_id, agent_id);

        for _round in 0..3 {
            let mut requests: Vec<_> = (0..16)
                .map(|_| {
                    app.request(reqwest::Method::POST, "/api/v1/segments/preview", &viewer)
                        .json(&json!({"rule": contains_all(20)}))
                })
                .collect();
            requests.push(app.request(
                reqwest::Method::GET,
                &format!("/api/v1/customers/{}", own.id),
                &agent,
            ));
            let mut responses = at_once(requests).await;
            // The other caller is served.
            let other = responses.pop().unwrap();
            assert_eq!(other.status(), StatusCode::OK);
            let counts = status_counts(&responses);
            assert!(counts.keys().all(|s| *s == 200 || *s == 429), "{counts:?}");
            assert!(counts.get(&429).is_some_and(|n| *n >= 1), "{counts:?}");
            let refused = responses
                .into_iter()
                .find(|r| r.status() == StatusCode::TOO_MANY_REQUESTS)
                .unwrap();
            assert_eq!(refused.headers()["retry-after"], "1");
            assert_problem(refused, 429).await;
        }
    }
);
