//! Reports, each checked against figures worked out by hand for a small fixture.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::complaints::{move_to, receive};
use crate::db_test;
use crate::helpers::*;

async fn report(app: &TestApp, path: &str) -> Value {
    let res = app
        .get(&format!("/api/v1/reports/{path}"), &app.admin_token)
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.json().await.unwrap()
}

fn encoded(t: DateTime<Utc>) -> String {
    rfc3339(t).replace('+', "%2B")
}

db_test!(
    pareto_shares_and_curve_match_the_hand_count,
    |app: TestApp| async move {
        let now = Utc::now();
        let mut ids = Vec::new();
        for name in ["A", "B", "C", "D", "E"] {
            ids.push(
                app.create_customer(&app.admin_token, &json!({"name": name}))
                    .await
                    .id,
            );
        }
        // A 5000 (in two purchases), B 2500, C 1500, D 600, E 400: 10000 in all.
        app.buy(&ids[0], 3000, "EUR", now - Duration::days(10))
            .await;
        app.buy(&ids[0], 2000, "EUR", now - Duration::days(5)).await;
        for (i, amount) in [(1, 2500), (2, 1500), (3, 600), (4, 400)] {
            app.buy(&ids[i], amount, "EUR", now - Duration::days(3))
                .await;
        }
        // Outside the period, and in another currency.
        app.buy(&ids[4], 99_999, "EUR", now - Duration::days(400))
            .await;
        let usd = app
            .create_customer(&app.admin_token, &json!({"name": "Dollar"}))
            .await;
        app.buy(&usd.id, 7000, "USD", now - Duration::days(1)).await;

        let from = encoded(now - Duration::days(30));
        let res = app
            .get(
                &format!("/api/v1/reports/pareto?from={from}"),
                &app.admin_token,
            )
            .await;
        let problem = assert_problem(res, 422).await;
        assert_eq!(error_fields(&problem), ["currency"]);
        assert!(problem["detail"].as_str().unwrap().contains("EUR, USD"));

        let r = report(&app, &format!("pareto?from={from}&currency=EUR&limit=2")).await;
        assert_eq!(
            (
                r["currency"].as_str(),
                r["customers"].as_i64(),
                r["revenue_minor"].as_i64()
            ),
            (Some("EUR"), Some(5), Some(10_000))
        );
        // The top fifth is one customer, A, with half the revenue.
        assert_eq!(
            r["top_20_percent"],
            json!({"customers": 1, "revenue_minor": 5000, "revenue_share": 0.5})
        );
        // 5000 + 2500 + 1500 = 9000 ≥ 8000: three customers, 60% of them.
        assert_eq!(
            r["eighty_percent"],
            json!({"customers": 3, "customer_share": 0.6})
        );
        let top: Vec<(&str, i64, f64)> = r["top"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["name"].as_str().unwrap(),
                    c["revenue_minor"].as_i64().unwrap(),
                    c["cumulative_share"].as_f64().unwrap(),
                )
            })
            .collect();
        assert_eq!(top, [("A", 5000, 0.5), ("B", 2500, 0.75)]);
        assert_eq!(r["top"][0]["rank"], 1);
        let curve: Vec<(i64, f64, f64)> = r["curve"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["customers"].as_i64().unwrap(),
                    p["customer_share"].as_f64().unwrap(),
                    p["revenue_share"].as_f64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            curve,
            [
                (0, 0.0, 0.0),
                (1, 0.2, 0.5),
                (2, 0.4, 0.75),
                (3, 0.6, 0.9),
                (4, 0.8, 0.96),
                (5, 1.0, 1.0)
            ]
        );

        // All time, in dollars: one customer.
        let r = report(&app, "pareto?currency=USD").await;
        assert_eq!(
            (
                r["customers"].as_i64(),
                r["top_20_percent"]["revenue_share"].as_f64()
            ),
            (Some(1), Some(1.0))
        );
        // A currency nobody used: an empty report.
        let r = report(&app, "pareto?currency=JPY").await;
        assert_eq!(
            (
                r["customers"].as_i64(),
                r["curve"].as_array().unwrap().len()
            ),
            (Some(0), 1)
        );
        for query in [
            "currency=eur",
            "limit=0",
            "limit=201",
            &format!(
                "from={}&to={}",
                encoded(now),
                encoded(now - Duration::days(1))
            ),
        ] {
            assert_problem(
                app.get(&format!("/api/v1/reports/pareto?{query}"), &app.admin_token)
                    .await,
                422,
            )
            .await;
        }
    }
);

db_test!(
    neglected_customers_by_tier_and_owner_most_valuable_first,
    |app: TestApp| async move {
        let (agent_id, agent) = app.user_with_role("agent").await;
        let now = Utc::now();
        let never = app.create_customer(&agent, &json!({"name": "Never"})).await;
        let long_ago = app
            .create_customer(
                &app.admin_token,
                &json!({"name": "Long ago", "tier": "key"}),
            )
            .await;
        let recent = app
            .create_customer(&agent, &json!({"name": "Recent"}))
            .await;
        let lost = app
            .create_customer(
                &agent,
                &json!({"name": "Lost", "status": "churned", "churn_reason": "price"}),
            )
            .await;
        for (customer, days) in [(&long_ago, 100), (&recent, 10)] {
            let res = app.post("/api/v1/interactions", &app.admin_token, &json!({"customer_id": customer.id, "channel": "phone", "direction": "outbound", "occurred_at": rfc3339(now - Duration::days(days))})).await;
            assert_eq!(res.status(), StatusCode::CREATED);
        }
        app.buy(&long_ago.id, 5000, "EUR", now - Duration::days(200))
            .await;
        let _ = lost;

        let r = report(&app, "neglected").await;
        assert_eq!(
            (r["days"].as_i64(), r["total"].as_i64()),
            (Some(90), Some(2))
        );
        assert_eq!(names(&r), ["Long ago", "Never"], "most valuable first");
        let tiers: Vec<(String, i64)> = r["by_tier"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["key"].as_str().unwrap().to_string(),
                    c["count"].as_i64().unwrap(),
                )
            })
            .collect();
        assert!(
            tiers.contains(&("general".into(), 1))
                && tiers.contains(&("key".into(), 1))
                && tiers.len() == 2
        );
        let owners: Vec<(String, i64)> = r["by_owner"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["owner_id"].as_str().unwrap().to_string(),
                    c["count"].as_i64().unwrap(),
                )
            })
            .collect();
        assert!(
            owners.contains(&(agent_id.clone(), 1))
                && owners.contains(&(long_ago.owner_id.clone(), 1))
        );
        assert!(at(&r["since"]) < now - Duration::days(89));

        let r = report(&app, "neglected?days=5").await;
        assert_eq!(names(&r), ["Long ago", "Recent", "Never"]);
        let first = report(&app, "neglected?days=5&limit=1").await;
        let cursor = first["next_cursor"].as_str().unwrap();
        assert_eq!(
            names(&report(&app, &format!("neglected?days=5&limit=1&cursor={cursor}")).await),
            ["Recent"]
        );
        let _ = never;
        for query in ["days=0", "days=3651", "days=ten"] {
            assert_problem(
                app.get(
                    &format!("/api/v1/reports/neglected?{query}"),
                    &app.admin_token,
                )
                .await,
                422,
            )
            .await;
        }
    }
);

db_test!(churn_by_reason_tier_and_month, |app: TestApp| async move {
    let churn = |name: &'static str, tier: &'static str, reason: Option<&'static str>| {
        // A reason is required to mark a customer lost.
        let app = &app;
        async move {
            let c = app
                .create_customer(&app.admin_token, &json!({"name": name, "tier": tier}))
                .await;
            let res = app
                .patch(
                    &format!("/api/v1/customers/{}", c.id),
                    &app.admin_token,
                    &json!({"status": "churned", "churn_reason": reason}),
                )
                .await;
            assert_eq!(res.status(), StatusCode::OK);
            let body: Value = res.json().await.unwrap();
            at(&body["churned_at"])
        }
    };
    app.create_customer(&app.admin_token, &json!({"name": "Staying"}))
        .await;
    let first = churn("Price 1", "general", Some("price")).await;
    churn("Moved", "key", Some("moved away")).await;
    app.clock.advance(Duration::days(40));
    let later = churn("Price 2", "general", Some("price")).await;

    let r = report(&app, "churn").await;
    assert_eq!(r["total"], 3);
    assert_eq!(
        r["by_reason"],
        json!([{"key": "price", "count": 2}, {"key": "moved away", "count": 1}])
    );
    assert_eq!(
        r["by_tier"],
        json!([{"key": "general", "count": 2}, {"key": "key", "count": 1}])
    );
    let month = |t: DateTime<Utc>| format!("{:04}-{:02}", t.year(), t.month());
    assert_eq!(
        r["by_month"],
        json!([{"key": month(first), "count": 2}, {"key": month(later), "count": 1}])
    );
    // A period before the last one leaves it out.
    let r = report(
        &app,
        &format!("churn?to={}", encoded(later - Duration::days(1))),
    )
    .await;
    assert_eq!(r["total"], 2);
});

db_test!(complaint_handling_figures, |app: TestApp| async move {
    let customer = app
        .create_customer(&app.admin_token, &json!({"name": "Complaining"}))
        .await;
    let now = Utc::now();
    let new = |subject: &'static str, hours_ago: i64| {
        let app = &app;
        let customer = customer.id.clone();
        async move {
            let c = receive(app, &app.admin_token, json!({"customer_id": customer, "subject": subject, "severity": "high", "category": "delivery", "received_at": rfc3339(now - Duration::hours(hours_ago))})).await;
            c["id"].as_str().unwrap().to_string()
        }
    };
    // c1: answered after 10 hours (late; 4 h allowed), resolved within 72 h.
    let c1 = new("Late answer", 10).await;
    // c2: answered and resolved at once, closed with a 4.
    let c2 = new("Quick", 0).await;
    for id in [&c1, &c2] {
        for step in [
            json!({"to": "acknowledged"}),
            json!({"to": "in_progress"}),
            json!({"to": "resolved", "resolution": "Done"}),
        ] {
            move_to(&app, &app.admin_token, id, step).await;
        }
    }
    move_to(
        &app,
        &app.admin_token,
        &c2,
        json!({"to": "closed", "satisfaction_after": 4}),
    )
    .await;
    // c3: unanswered for 100 hours, past both deadlines; c4: new, nothing due yet.
    new("Forgotten", 100).await;
    new("Fresh", 0).await;

    let r = report(&app, "complaints").await;
    assert_eq!(r["total"], 4);
    assert_eq!(
        r["by_status"],
        json!([{"key": "open", "count": 2}, {"key": "closed", "count": 1}, {"key": "resolved", "count": 1}])
    );
    assert_eq!(r["by_severity"], json!([{"key": "high", "count": 4}]));
    assert_eq!(r["by_category"], json!([{"key": "delivery", "count": 4}]));
    assert_eq!(
        r["first_response"],
        json!({"due": 3, "on_time": 1, "rate": 0.333333})
    );
    assert_eq!(
        r["resolution"],
        json!({"due": 3, "on_time": 2, "rate": 0.666667})
    );
    assert_eq!(r["time_to_resolve"]["resolved"], 2);
    assert!(r["time_to_resolve"]["median_seconds"].as_i64().unwrap() < 30);
    let p90 = r["time_to_resolve"]["p90_seconds"].as_i64().unwrap();
    assert!((36_000..36_060).contains(&p90), "{p90}");
    assert_eq!(r["satisfaction_after"], json!({"rated": 1, "average": 4.0}));
    // Only the complaints received in the last five hours.
    let r = report(
        &app,
        &format!("complaints?from={}", encoded(now - Duration::hours(5))),
    )
    .await;
    assert_eq!(
        (
            r["total"].as_i64(),
            r["time_to_resolve"]["resolved"].as_i64()
        ),
        (Some(2), Some(1))
    );
});

db_test!(touchpoint_completion_per_owner, |app: TestApp| async move {
    let (a_id, a) = app.user_with_role("agent").await;
    let (b_id, b) = app.user_with_role("agent").await;
    let ca = app.create_customer(&a, &json!({"name": "Of A"})).await;
    let cb = app.create_customer(&b, &json!({"name": "Of B"})).await;
    let now = Utc::now();
    let schedule = |token: &str, customer: &str, hours: i64| {
        let body = json!({"customer_id": customer, "due_at": rfc3339(now + Duration::hours(hours)), "channel": "phone", "title": "Call"});
        let (app, token) = (&app, token.to_string());
        async move {
            let res = app.post("/api/v1/touchpoints", &token, &body).await;
            assert_eq!(res.status(), StatusCode::CREATED);
            res.json::<Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let late = schedule(&a, &ca.id, -48).await;
    let timely = schedule(&a, &ca.id, -1).await;
    let skipped = schedule(&a, &ca.id, -3).await;
    schedule(&a, &ca.id, -5).await; // overdue
    schedule(&a, &ca.id, 48).await; // upcoming
    schedule(&a, &ca.id, -40 * 24).await; // before the period
    let cancelled = schedule(&b, &cb.id, -24).await;
    for id in [&late, &timely] {
        let res = app
            .post(
                &format!("/api/v1/touchpoints/{id}/complete"),
                &a,
                &json!({}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    assert_eq!(
        app.post(
            &format!("/api/v1/touchpoints/{skipped}/skip"),
            &a,
            &json!({"reason": "away"})
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.post(
            &format!("/api/v1/touchpoints/{cancelled}/cancel"),
            &b,
            &json!({})
        )
        .await
        .status(),
        StatusCode::OK
    );

    let r = report(
        &app,
        &format!("touchpoints?to={}", encoded(now + Duration::days(7))),
    )
    .await;
    let owner = |id: &str| {
        r["owners"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["owner_id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        owner(&a_id),
        json!({"owner_id": a_id, "total": 5, "completed": 2, "skipped": 1, "cancelled": 0, "overdue": 1, "upcoming": 1, "on_time": 1, "on_time_rate": 0.5})
    );
    assert_eq!(
        owner(&b_id),
        json!({"owner_id": b_id, "total": 1, "completed": 0, "skipped": 0, "cancelled": 1, "overdue": 0, "upcoming": 0, "on_time": 0, "on_time_rate": null})
    );
    // The default period ends now: the upcoming one is not in it.
    let r = report(&app, "touchpoints").await;
    let a_now = r["owners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["owner_id"] == a_id.as_str())
        .cloned()
        .unwrap();
    assert_eq!(a_now["total"], 4);
});

db_test!(
    tier_suggestions_with_their_evidence,
    |app: TestApp| async move {
        let now = Utc::now();
        let steady = app
            .create_customer(&app.admin_token, &json!({"name": "Steady"}))
            .await;
        let big = app
            .create_customer(&app.admin_token, &json!({"name": "Big once"}))
            .await;
        let idle = app
            .create_customer(
                &app.admin_token,
                &json!({"name": "Idle key", "tier": "key"}),
            )
            .await;
        let fitting = app
            .create_customer(
                &app.admin_token,
                &json!({"name": "Fitting", "tier": "important"}),
            )
            .await;
        let today = now.date_naive();
        for back in 1..=9u32 {
            let month = today.checked_sub_months(chrono::Months::new(back)).unwrap();
            let day = NaiveDate::from_ymd_opt(month.year(), month.month(), 15).unwrap();
            app.buy(
                &steady.id,
                1000,
                "EUR",
                day.and_hms_opt(12, 0, 0).unwrap().and_utc(),
            )
            .await;
        }
        app.buy(&big.id, 600_000, "EUR", now - Duration::days(20))
            .await;
        for _ in 0..6 {
            app.buy(&fitting.id, 100, "EUR", now - Duration::days(2))
                .await;
        }
        let page: Value = report(&app, "tier-suggestions").await;
        let found: Vec<(String, String, String)> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["name"].as_str().unwrap().into(),
                    s["tier"].as_str().unwrap().into(),
                    s["suggested_tier"].as_str().unwrap().into(),
                )
            })
            .collect();
        let mut expected = vec![
            (
                steady.id.clone(),
                (
                    "Steady".to_string(),
                    "general".to_string(),
                    "key".to_string(),
                ),
            ),
            (
                big.id.clone(),
                ("Big once".into(), "general".into(), "important".into()),
            ),
            (
                idle.id.clone(),
                ("Idle key".into(), "key".into(), "general".into()),
            ),
        ];
        expected.sort();
        assert_eq!(
            found,
            expected.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
            "by id; the fitting one is left out"
        );
        let steady_row = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "Steady")
            .unwrap();
        assert_eq!(
            steady_row["evidence"],
            json!({"purchases": 9, "revenue_minor": 9000, "currency": "EUR", "active_months": 9, "largest_purchase_minor": 1000})
        );
        assert!(
            steady_row["reason"]
                .as_str()
                .unwrap()
                .contains("9 of the last 12 months")
        );
        let first = report(&app, "tier-suggestions?limit=2").await;
        let cursor = first["next_cursor"].as_str().unwrap();
        assert_eq!(
            report(&app, &format!("tier-suggestions?limit=2&cursor={cursor}")).await["items"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }
);

db_test!(
    reports_are_for_managers_and_admins,
    |app: TestApp| async move {
        let (_, manager) = app.user_with_role("manager").await;
        for path in [
            "pareto",
            "neglected",
            "churn",
            "complaints",
            "touchpoints",
            "tier-suggestions",
        ] {
            assert_eq!(
                app.get(&format!("/api/v1/reports/{path}"), &manager)
                    .await
                    .status(),
                StatusCode::OK,
                "{path}"
            );
            for role in ["agent", "viewer"] {
                let (_, token) = app.user_with_role(role).await;
                assert_problem(
                    app.get(&format!("/api/v1/reports/{path}"), &token).await,
                    403,
                )
                .await;
            }
            assert_problem(
                app.client
                    .get(app.url(&format!("/api/v1/reports/{path}")))
                    .send()
                    .await
                    .unwrap(),
                401,
            )
            .await;
        }
    }
);
