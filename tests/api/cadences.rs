//! Touchpoints generated from playbooks: each purchase schedules the steps of the customer's
//! playbook and (re)starts its recurring series; closing an occurrence schedules the next.

use chrono::{DateTime, Duration, Months, TimeZone, Timelike, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

/// A whole-second instant `ago` before now.
fn before_now(ago: Duration) -> DateTime<Utc> {
    let t = Utc::now() - ago;
    t.with_nanosecond(0).unwrap()
}

/// The customer's touchpoints, soonest first, as (due_at, status, purpose, channel, title).
async fn plan(app: &TestApp, customer: &str) -> Vec<(String, String, String, String, String)> {
    let res = app
        .get(
            &format!("/api/v1/touchpoints?customer_id={customer}&limit=200"),
            &app.admin_token,
        )
        .await;
    let page: Value = res.json().await.unwrap();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let s = |k: &str| t[k].as_str().unwrap().to_string();
            (
                s("due_at"),
                s("status"),
                s("purpose"),
                s("channel"),
                s("title"),
            )
        })
        .collect()
}

fn row(
    due: DateTime<Utc>,
    status: &str,
    purpose: &str,
    channel: &str,
    title: &str,
) -> (String, String, String, String, String) {
    (
        rfc3339(due),
        status.into(),
        purpose.into(),
        channel.into(),
        title.into(),
    )
}

fn months(t: DateTime<Utc>, n: u32) -> DateTime<Utc> {
    t.checked_add_months(Months::new(n)).unwrap()
}

db_test!(
    a_purchase_schedules_the_tiers_playbook,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let sale = before_now(Duration::hours(1));
        let general = app.create_customer(t, &json!({"name": "General"})).await;
        let important = app
            .create_customer(t, &json!({"name": "Important", "tier": "important"}))
            .await;
        let key = app
            .create_customer(t, &json!({"name": "Key", "tier": "key"}))
            .await;
        for c in [&general, &important, &key] {
            app.buy(&c.id, 1000, "EUR", sale).await;
        }
        assert_eq!(
            plan(&app, &general.id).await,
            vec![
                row(
                    sale + Duration::days(3),
                    "scheduled",
                    "thank_you",
                    "email",
                    "Thank you, and is everything working?"
                ),
                row(
                    months(sale, 1),
                    "scheduled",
                    "referral_request",
                    "phone",
                    "Check in and ask for referrals"
                ),
                row(
                    months(sale, 3),
                    "scheduled",
                    "periodic_care",
                    "phone",
                    "Quarterly care"
                ),
            ]
        );
        assert_eq!(
            plan(&app, &important.id).await,
            vec![
                row(
                    sale + Duration::hours(24),
                    "scheduled",
                    "thank_you",
                    "phone",
                    "Thank you within a day"
                ),
                row(
                    sale + Duration::weeks(1),
                    "scheduled",
                    "usage_check",
                    "phone",
                    "How is it going after a week?"
                ),
                row(
                    months(sale, 3),
                    "scheduled",
                    "visit",
                    "visit",
                    "Quarterly visit"
                ),
            ]
        );
        assert_eq!(
            plan(&app, &key.id).await,
            vec![
                row(
                    sale + Duration::days(1),
                    "scheduled",
                    "thank_you",
                    "letter",
                    "Handwritten thank-you"
                ),
                row(
                    sale + Duration::weeks(2),
                    "scheduled",
                    "visit",
                    "visit",
                    "Visit"
                ),
                row(
                    months(sale, 1),
                    "scheduled",
                    "periodic_care",
                    "phone",
                    "Monthly personal contact"
                ),
            ]
        );
        // Assigned to the owner, from the playbook; the customer shows the next one due.
        let all: Value = app
            .get(&format!("/api/v1/touchpoints?customer_id={}", key.id), t)
            .await
            .json()
            .await
            .unwrap();
        let first = &all["items"][0];
        assert_eq!(first["assignee_id"], key.owner_id.as_str());
        assert_eq!(first["source"], "playbook");
        assert!(first["playbook_id"].is_string());
        assert_eq!(
            app.get_customer(&key.id).await.next_touchpoint_due_at,
            Some(rfc3339(sale + Duration::days(1)))
        );
    }
);

db_test!(
    generated_times_move_into_the_contact_window_and_old_steps_are_skipped,
    |app: TestApp| async move {
        let t = &app.admin_token;
        // Reachable only in the first minute of each day, Tokyo time.
        let c = app
            .create_customer(t, &json!({
                "name": "Night owl", "timezone": "Asia/Tokyo",
                "contact_window": {"weekdays": [1, 2, 3, 4, 5, 6, 7], "start": "00:00", "end": "00:01"}
            }))
            .await;
        let sale = before_now(Duration::days(20));
        app.buy(&c.id, 1000, "EUR", sale).await;
        let tokyo = chrono_tz::Asia::Tokyo;
        let next_midnight = |raw: DateTime<Utc>| {
            let day = raw.with_timezone(&tokyo).date_naive() + Duration::days(1);
            tokyo
                .from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap())
                .unwrap()
                .with_timezone(&Utc)
        };
        assert_eq!(
            plan(&app, &c.id).await,
            vec![
                // Due 17 days ago: more than 7 days overdue when generated.
                row(
                    next_midnight(sale + Duration::days(3)),
                    "skipped",
                    "thank_you",
                    "email",
                    "Thank you, and is everything working?"
                ),
                row(
                    next_midnight(months(sale, 1)),
                    "scheduled",
                    "referral_request",
                    "phone",
                    "Check in and ask for referrals"
                ),
                row(
                    next_midnight(months(sale, 3)),
                    "scheduled",
                    "periodic_care",
                    "phone",
                    "Quarterly care"
                ),
            ]
        );
        let skipped: Value = app
            .get(
                &format!("/api/v1/touchpoints?customer_id={}&status=skipped", c.id),
                t,
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            skipped["items"][0]["skip_reason"],
            "elapsed before scheduling"
        );
    }
);

db_test!(
    a_series_keeps_one_open_occurrence,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app
            .create_customer(t, &json!({"name": "Regular", "tier": "key"}))
            .await;
        let sale = before_now(Duration::hours(2));
        app.buy(&c.id, 1000, "EUR", sale).await;
        let series = || async {
            let page: Value = app
                .get(
                    &format!(
                        "/api/v1/touchpoints?customer_id={}&purpose=periodic_care&limit=200",
                        c.id
                    ),
                    t,
                )
                .await
                .json()
                .await
                .unwrap();
            page["items"].as_array().unwrap().clone()
        };
        let first = series().await;
        assert_eq!(first.len(), 1);
        // Completing it schedules the next, anchored at the sale.
        let id = first[0]["id"].as_str().unwrap();
        let done = app
            .post(
                &format!("/api/v1/touchpoints/{id}/complete"),
                t,
                &json!({"summary": "Called"}),
            )
            .await;
        assert_eq!(done.status(), StatusCode::OK);
        let after_done = series().await;
        let open: Vec<&Value> = after_done
            .iter()
            .filter(|t| t["status"] == "scheduled")
            .collect();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0]["due_at"], rfc3339(months(sale, 2)));
        // Skipping schedules the next too.
        let id = open[0]["id"].as_str().unwrap().to_string();
        let skipped = app
            .post(
                &format!("/api/v1/touchpoints/{id}/skip"),
                t,
                &json!({"reason": "Travelling"}),
            )
            .await;
        assert_eq!(skipped.status(), StatusCode::OK);
        let open: Vec<Value> = series()
            .await
            .into_iter()
            .filter(|t| t["status"] == "scheduled")
            .collect();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0]["due_at"], rfc3339(months(sale, 3)));

        // A new purchase re-anchors the series: the open occurrence is cancelled, the new
        // series starts from the new sale.
        let second = before_now(Duration::hours(1));
        app.buy(&c.id, 1000, "EUR", second).await;
        let all = series().await;
        let open: Vec<&Value> = all.iter().filter(|t| t["status"] == "scheduled").collect();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0]["due_at"], rfc3339(months(second, 1)));
        assert_eq!(all.iter().filter(|t| t["status"] == "cancelled").count(), 1);

        // Cancelling ends the series.
        let id = open[0]["id"].as_str().unwrap().to_string();
        let res = app
            .call(
                Method::POST,
                &format!("/api/v1/touchpoints/{id}/cancel"),
                t,
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(series().await.iter().all(|t| t["status"] != "scheduled"));
    }
);

db_test!(
    a_personal_plan_replaces_the_tiers_playbook,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app
            .create_customer(t, &json!({"name": "Big account", "tier": "key"}))
            .await;
        let res = app
            .post(
                "/api/v1/playbooks",
                t,
                &json!({
                    "name": "Big account's plan", "customer_id": c.id, "trigger": "after_purchase",
                    "steps": [{"offset": "PT2H", "channel": "phone", "purpose": "thank_you", "title": "CEO calls"}]
                }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let sale = before_now(Duration::hours(1));
        app.buy(&c.id, 1000, "EUR", sale).await;
        assert_eq!(
            plan(&app, &c.id).await,
            vec![row(
                sale + Duration::hours(2),
                "scheduled",
                "thank_you",
                "phone",
                "CEO calls"
            )]
        );
        // Another key account still gets the tier's playbook.
        let other = app
            .create_customer(t, &json!({"name": "Other key", "tier": "key"}))
            .await;
        app.buy(&other.id, 1000, "EUR", sale).await;
        assert_eq!(plan(&app, &other.id).await.len(), 3);
        // An inactive playbook schedules nothing.
        let general = app.create_customer(t, &json!({"name": "Plain"})).await;
        let defaults: Value = app
            .get("/api/v1/playbooks?tier=general", t)
            .await
            .json()
            .await
            .unwrap();
        let id = defaults["items"][0]["id"].as_str().unwrap();
        let res = app
            .request(Method::PATCH, &format!("/api/v1/playbooks/{id}"), t)
            .header("If-Match", "\"1\"")
            .json(&json!({"active": false}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        app.buy(&general.id, 1000, "EUR", sale).await;
        assert!(plan(&app, &general.id).await.is_empty());
    }
);

db_test!(
    a_tier_change_cancels_the_old_cadence_and_starts_the_new_series,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "Growing"})).await;
        let sale = before_now(Duration::hours(3));
        app.buy(&c.id, 1000, "EUR", sale).await;
        assert_eq!(plan(&app, &c.id).await.len(), 3);
        let manual = app
            .post(
                "/api/v1/touchpoints",
                t,
                &json!({"customer_id": c.id, "due_at": rfc3339(sale + Duration::days(5)), "channel": "phone", "title": "Own idea"}),
            )
            .await;
        assert_eq!(manual.status(), StatusCode::CREATED);

        let before = Utc::now().with_nanosecond(0).unwrap();
        let res = app
            .patch(
                &format!("/api/v1/customers/{}", c.id),
                t,
                &json!({"tier": "key"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let after = Utc::now();
        let all = plan(&app, &c.id).await;
        let with = |status: &str| {
            all.iter()
                .filter(|r| r.1 == status)
                .cloned()
                .collect::<Vec<_>>()
        };
        // The general tier's three are cancelled; the manual one stays.
        assert_eq!(with("cancelled").len(), 3);
        let open = with("scheduled");
        assert_eq!(open.len(), 2, "{open:?}");
        assert!(open.iter().any(|r| r.4 == "Own idea"));
        let series = open.iter().find(|r| r.2 == "periodic_care").unwrap();
        assert_eq!(series.4, "Monthly personal contact");
        // Anchored at the change: one month after it.
        let due: DateTime<Utc> = series.0.parse().unwrap();
        assert!(due >= months(before, 1) && due <= months(after, 1), "{due}");
    }
);

db_test!(
    an_import_re_tiering_many_plans_each_as_a_patch_would,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let sale = before_now(Duration::hours(3));
        let mut growing = Vec::new();
        for name in ["Growing A", "Growing B"] {
            let c = app.create_customer(t, &json!({"name": name})).await;
            app.buy(&c.id, 1000, "EUR", sale).await;
            assert_eq!(plan(&app, &c.id).await.len(), 3);
            growing.push(c.id);
        }
        // One with a personal plan keeps it; one whose name alone changes keeps its cadence.
        let planned = app.create_customer(t, &json!({"name": "Own plan"})).await;
        let res = app
            .post(
                "/api/v1/playbooks",
                t,
                &json!({
                    "name": "Own plan's plan", "customer_id": planned.id, "trigger": "after_purchase",
                    "steps": [{"offset": "PT2H", "channel": "phone", "purpose": "thank_you", "title": "CEO calls"}]
                }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        app.buy(&planned.id, 1000, "EUR", sale).await;
        let renamed = app.create_customer(t, &json!({"name": "Renamed"})).await;
        app.buy(&renamed.id, 1000, "EUR", sale).await;

        let before = Utc::now().with_nanosecond(0).unwrap();
        let file = format!(
            "id,name,tier\n{},Growing A,key\n{},Growing B,key\n{},Own plan,key\n{},Now renamed,general\n",
            growing[0], growing[1], planned.id, renamed.id
        );
        let res = app.send_csv(t, "?on_duplicate=update", file).await;
        assert_eq!(res.status(), StatusCode::OK);
        let result: Value = res.json().await.unwrap();
        assert_eq!(result["updated"], 4, "{result}");
        let after = Utc::now();

        for id in &growing {
            let all = plan(&app, id).await;
            let cancelled = all.iter().filter(|r| r.1 == "cancelled").count();
            assert_eq!(cancelled, 3, "{all:?}");
            let open: Vec<_> = all.iter().filter(|r| r.1 == "scheduled").collect();
            assert_eq!(open.len(), 1, "{all:?}");
            assert_eq!(open[0].4, "Monthly personal contact");
            let due: DateTime<Utc> = open[0].0.parse().unwrap();
            assert!(due >= months(before, 1) && due <= months(after, 1), "{due}");
            let shown = app.get(&format!("/api/v1/customers/{id}"), t).await;
            let shown: Value = shown.json().await.unwrap();
            assert_eq!(shown["tier"], "key");
            assert_eq!(shown["next_touchpoint_due_at"], json!(open[0].0));
            let history = app
                .items(&format!("/api/v1/customers/{id}/history"), t)
                .await;
            assert!(
                history
                    .iter()
                    .any(|h| h["field"] == "tier" && h["to"] == "key"),
                "{history:?}"
            );
        }
        let own = plan(&app, &planned.id).await;
        assert_eq!(own.len(), 1, "{own:?}");
        assert_eq!(
            (own[0].1.as_str(), own[0].4.as_str()),
            ("scheduled", "CEO calls")
        );
        let kept = plan(&app, &renamed.id).await;
        assert_eq!(kept.iter().filter(|r| r.1 == "scheduled").count(), 3);

        let events = app
            .items("/api/v1/events?type=customer.tier_changed&limit=100", t)
            .await;
        let mut retiered: Vec<&str> = events
            .iter()
            .map(|e| e["customer_id"].as_str().unwrap())
            .collect();
        retiered.sort_unstable();
        let mut expected = vec![
            growing[0].as_str(),
            growing[1].as_str(),
            planned.id.as_str(),
        ];
        expected.sort_unstable();
        assert_eq!(retiered, expected);
        assert!(events.iter().all(|e| e["data"]["tier"] == "key"));
        let cancelled = app
            .items("/api/v1/events?type=touchpoint.cancelled&limit=100", t)
            .await;
        assert_eq!(cancelled.len(), 6);
    }
);
