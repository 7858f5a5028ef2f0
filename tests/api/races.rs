//! Check-then-write under concurrency: each test releases many requests at the same instant
//! (`at_once`) and repeats rounds, then checks what is stored.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

db_test!(concurrent_purchases_all_count, |app: TestApp| async move {
    let t = &app.admin_token;
    let c = app.create_customer(t, &json!({"name": "Busy buyer"})).await;
    let path = format!("/api/v1/customers/{}/purchases", c.id);
    let mut expected_total = 0;
    for round in 0..3 {
        let requests = (1..=20)
            .map(|i| {
                app.request(Method::POST, &path, t)
                    .json(&json!({"amount_minor": round * 100 + i, "currency": "EUR"}))
            })
            .collect();
        let counts = status_counts(&at_once(requests).await);
        assert_eq!(counts.get(&201), Some(&20), "{counts:?}");
        expected_total += (1..=20).map(|i| round * 100 + i).sum::<i64>();
    }
    let stored = app.get_customer(&c.id).await;
    assert_eq!(stored.purchase_count, 60);
    assert_eq!(stored.lifetime_value_minor, expected_total);
});

db_test!(
    first_purchases_in_two_currencies_keep_one,
    |app: TestApp| async move {
        let t = &app.admin_token;
        for round in 0..5 {
            let c = app
                .create_customer(t, &json!({"name": format!("New buyer {round}")}))
                .await;
            let path = format!("/api/v1/customers/{}/purchases", c.id);
            let requests = (0..8)
                .map(|i| {
                    let currency = if i % 2 == 0 { "EUR" } else { "USD" };
                    app.request(Method::POST, &path, t)
                        .json(&json!({"amount_minor": 1000, "currency": currency}))
                })
                .collect();
            let responses = at_once(requests).await;
            let mut accepted = Vec::new();
            for res in responses {
                match res.status().as_u16() {
                    201 => accepted.push(
                        res.json::<Value>().await.unwrap()["currency"]
                            .as_str()
                            .unwrap()
                            .to_string(),
                    ),
                    _ => assert_eq!(error_fields(&assert_problem(res, 422).await), ["currency"]),
                }
            }
            accepted.sort();
            accepted.dedup();
            assert_eq!(accepted.len(), 1, "one currency per customer: {accepted:?}");
            let stored = app.get_customer(&c.id).await;
            assert_eq!(stored.purchase_count, 4);
            assert_eq!(
                stored.lifetime_value_currency.as_deref(),
                Some(accepted[0].as_str())
            );
        }
    }
);

db_test!(
    contact_times_follow_the_newest_of_concurrent_interactions,
    |app: TestApp| async move {
        let t = &app.admin_token;
        for round in 0..3 {
            let c = app
                .create_customer(t, &json!({"name": format!("Chatty {round}")}))
                .await;
            let requests = (1..=20)
                .map(|day| {
                    app.request(Method::POST, "/api/v1/interactions", t)
                        .json(&json!({
                            "customer_id": c.id, "channel": "phone", "direction": "inbound",
                            "occurred_at": format!("2026-03-{day:02}T10:00:00Z"),
                        }))
                })
                .collect();
            let counts = status_counts(&at_once(requests).await);
            assert_eq!(counts.get(&201), Some(&20), "{counts:?}");
            let stored = app.get_customer(&c.id).await;
            assert_eq!(
                stored.last_contacted_at.as_deref(),
                Some("2026-03-20T10:00:00Z")
            );
            assert_eq!(
                stored.last_inbound_at.as_deref(),
                Some("2026-03-20T10:00:00Z")
            );
        }
    }
);

db_test!(
    admins_demoting_each_other_leave_one_admin,
    |app: TestApp| async move {
        let (a, token_a) = app.user_with_role("admin").await;
        let (b, token_b) = app.user_with_role("admin").await;
        // The bootstrap admin steps down, leaving exactly two.
        let me: Value = app
            .get("/api/v1/me", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        let res = app
            .patch(
                &format!("/api/v1/users/{}", me["id"].as_str().unwrap()),
                &token_a,
                &json!({"role": "manager"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        for _round in 0..5 {
            let requests = vec![
                app.request(Method::PATCH, &format!("/api/v1/users/{b}"), &token_a)
                    .json(&json!({"role": "manager"})),
                app.request(Method::PATCH, &format!("/api/v1/users/{a}"), &token_b)
                    .json(&json!({"role": "manager"})),
            ];
            let responses = at_once(requests).await;
            let counts = status_counts(&responses);
            // The loser is refused as the last admin (409), or, when it authenticates after the
            // winner committed, as no longer an admin (403).
            assert_eq!(counts.get(&200), Some(&1), "{counts:?}");
            assert_eq!(
                counts.get(&409).or(counts.get(&403)),
                Some(&1),
                "{counts:?}"
            );
            let won_by_a = responses[0].status() == StatusCode::OK;
            let admins: Value = app
                .get(
                    "/api/v1/users?role=admin&active=true",
                    if won_by_a { &token_a } else { &token_b },
                )
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(admins["items"].as_array().unwrap().len(), 1);
            // The survivor promotes the other again for the next round.
            let (survivor, demoted) = if won_by_a {
                (&token_a, &b)
            } else {
                (&token_b, &a)
            };
            let res = app
                .patch(
                    &format!("/api/v1/users/{demoted}"),
                    survivor,
                    &json!({"role": "admin"}),
                )
                .await;
            assert_eq!(res.status(), StatusCode::OK);
        }
    }
);

db_test!(
    concurrent_hand_offs_honour_if_match,
    |app: TestApp| async move {
        let (manager, token) = app.user_with_role("manager").await;
        let mut agents = Vec::new();
        for _ in 0..10 {
            agents.push(app.user_with_role("agent").await.0);
        }
        for round in 0..3 {
            let c = app
                .create_customer(
                    &token,
                    &json!({"name": format!("Wanted {round}"), "owner_id": manager}),
                )
                .await;
            let requests = agents
                .iter()
                .map(|agent| {
                    app.request(
                        Method::PUT,
                        &format!("/api/v1/customers/{}/owner", c.id),
                        &token,
                    )
                    .header("If-Match", format!("\"{}\"", c.version))
                    .json(&json!({"owner_id": agent}))
                })
                .collect();
            let counts = status_counts(&at_once(requests).await);
            assert_eq!(counts.get(&200), Some(&1), "{counts:?}");
            assert_eq!(counts.get(&412), Some(&9), "{counts:?}");
            let history: Value = app
                .get(&format!("/api/v1/customers/{}/owner-history", c.id), &token)
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(history["items"].as_array().unwrap().len(), 1);
            assert_eq!(app.get_customer(&c.id).await.version, c.version + 1);
        }
    }
);

db_test!(
    concurrent_patches_honour_if_match,
    |app: TestApp| async move {
        let t = &app.admin_token;
        for round in 0..3 {
            let c = app
                .create_customer(t, &json!({"name": format!("Edited {round}")}))
                .await;
            let requests = (0..20)
                .map(|i| {
                    app.request(Method::PATCH, &format!("/api/v1/customers/{}", c.id), t)
                        .header("If-Match", format!("\"{}\"", c.version))
                        .json(&json!({"notes": format!("writer {i}")}))
                })
                .collect();
            let counts = status_counts(&at_once(requests).await);
            assert_eq!(counts.get(&200), Some(&1), "{counts:?}");
            assert_eq!(counts.get(&412), Some(&19), "{counts:?}");
            assert_eq!(app.get_customer(&c.id).await.version, c.version + 1);
        }
    }
);

db_test!(
    deactivation_never_strands_customers,
    |app: TestApp| async move {
        let t = &app.admin_token;
        for round in 0..4 {
            let (agent, _) = app.user_with_role("agent").await;
            let mut requests: Vec<_> = (0..10)
                .map(|i| {
                    app.request(Method::POST, "/api/v1/customers", t)
                        .json(&json!({"name": format!("Assigned {round}-{i}"), "owner_id": agent}))
                })
                .collect();
            requests.insert(
                5,
                app.request(Method::PATCH, &format!("/api/v1/users/{agent}"), t)
                    .json(&json!({"active": false})),
            );
            let responses = at_once(requests).await;
            let deactivated = responses[5].status() == StatusCode::OK;
            let created = responses
                .iter()
                .enumerate()
                .filter(|(i, r)| *i != 5 && r.status() == StatusCode::CREATED)
                .count();
            let owned: Value = app
                .get(&format!("/api/v1/customers?owner_id={agent}&limit=100"), t)
                .await
                .json()
                .await
                .unwrap();
            let owned = owned["items"].as_array().unwrap().len();
            assert_eq!(owned, created);
            // Either the deactivation saw the customers and was refused, or the creations saw
            // an inactive owner and were refused: never an inactive owner with customers.
            assert!(!(deactivated && owned > 0), "inactive agent owns {owned}");
        }
    }
);
