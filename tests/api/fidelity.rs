//! What account managers trip over when they live in it: a lost customer's cadence, a
//! customer won back, complaints that are resolved but not closed, and follow-ups settled.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::complaints::{move_to, receive};
use crate::db_test;
use crate::helpers::*;

fn of_source<'a>(touchpoints: &'a [Value], source: &str) -> Vec<&'a Value> {
    touchpoints
        .iter()
        .filter(|t| t["source"] == source)
        .collect()
}

async fn churn(app: &TestApp, id: &str) -> Value {
    let res = app
        .patch(
            &format!("/api/v1/customers/{id}"),
            &app.admin_token,
            &json!({"status": "churned", "churn_reason": "moved to a competitor"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "churn");
    res.json().await.unwrap()
}

/// A complaint of `customer` taken to `resolved`, with its satisfaction follow-up open.
async fn resolved_complaint(app: &TestApp, token: &str, customer: &str) -> String {
    let c = receive(
        app,
        token,
        json!({"customer_id": customer, "subject": "Scratched"}),
    )
    .await;
    let id = c["id"].as_str().unwrap().to_string();
    move_to(app, token, &id, json!({"to": "acknowledged"})).await;
    move_to(app, token, &id, json!({"to": "in_progress"})).await;
    move_to(
        app,
        token,
        &id,
        json!({"to": "resolved", "resolution": "Replaced"}),
    )
    .await;
    id
}

db_test!(
    a_churned_customers_cadence_stops_and_explicit_work_stays,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "Leaving"})).await;
        app.buy(&c.id, 5_000, "EUR", app.clock.now()).await;
        resolved_complaint(&app, t, &c.id).await;
        let due = rfc3339(app.clock.now() + chrono::Duration::days(20));
        let manual = app
            .schedule(t, json!({"customer_id": c.id, "due_at": due, "channel": "phone", "title": "Personal call"}))
            .await;
        let before = app.touchpoints_of(&c.id).await;
        let planned = of_source(&before, "playbook");
        assert!(!planned.is_empty(), "the purchase planned a cadence");

        let churned = churn(&app, &c.id).await;
        assert_eq!(churned["status"], "churned");
        let after = app.touchpoints_of(&c.id).await;
        for t in of_source(&after, "playbook") {
            assert_eq!(
                (t["status"].as_str(), t["skip_reason"].as_str()),
                (Some("cancelled"), Some("customer churned")),
                "{t}"
            );
        }
        let follow_up = of_source(&after, "complaint");
        assert_eq!(follow_up.len(), 1);
        assert_eq!(follow_up[0]["status"], "scheduled");
        let kept = after
            .iter()
            .find(|t| t["id"] == manual.id.as_str())
            .unwrap();
        assert_eq!(kept["status"], "scheduled");
        // Only what is still open counts as next, and the agenda no longer shows the cadence.
        let open_due: Vec<&str> = after
            .iter()
            .filter(|t| t["status"] == "scheduled")
            .map(|t| t["due_at"].as_str().unwrap())
            .collect();
        let next = app
            .get_customer(&c.id)
            .await
            .next_touchpoint_due_at
            .unwrap();
        assert_eq!(Some(next.as_str()), open_due.iter().min().copied());
        let agenda: Value = app
            .get("/api/v1/agenda?days=30", t)
            .await
            .json()
            .await
            .unwrap();
        let shown = agenda.to_string();
        for planned in planned {
            assert!(!shown.contains(planned["id"].as_str().unwrap()));
        }

        // A customer with nothing but its cadence has nothing due at all once lost.
        let quiet = app.create_customer(t, &json!({"name": "Quiet"})).await;
        app.buy(&quiet.id, 5_000, "EUR", app.clock.now()).await;
        assert!(
            app.get_customer(&quiet.id)
                .await
                .next_touchpoint_due_at
                .is_some()
        );
        churn(&app, &quiet.id).await;
        assert_eq!(
            app.get_customer(&quiet.id).await.next_touchpoint_due_at,
            None
        );
    }
);

db_test!(
    a_purchase_wins_a_churned_customer_back_before_its_cadence_starts,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "Returning"})).await;
        churn(&app, &c.id).await;
        let purchase: Value = app
            .post(
                &format!("/api/v1/customers/{}/purchases", c.id),
                t,
                &json!({"amount_minor": 2_000, "currency": "EUR"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let back: Value = app
            .get(&format!("/api/v1/customers/{}", c.id), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (back["status"].as_str(), &back["churned_at"]),
            (Some("active"), &Value::Null)
        );
        let history = app
            .items(&format!("/api/v1/customers/{}/history", c.id), t)
            .await;
        let statuses: Vec<(&str, &str, &str)> = history
            .iter()
            .filter(|h| h["field"] == "status")
            .map(|h| {
                (
                    h["from"].as_str().unwrap_or(""),
                    h["to"].as_str().unwrap_or(""),
                    h["reason"].as_str().unwrap_or(""),
                )
            })
            .collect();
        let reason = format!("purchase {}", purchase["id"].as_str().unwrap());
        assert!(
            statuses.contains(&("churned", "active", reason.as_str())),
            "{statuses:?}"
        );
        assert!(
            statuses.contains(&("active", "churned", "moved to a competitor")),
            "{statuses:?}"
        );
        let planned = app.touchpoints_of(&c.id).await;
        let planned = of_source(&planned, "playbook");
        assert!(!planned.is_empty());
        assert!(planned.iter().all(|t| t["status"] == "scheduled"));

        // While a customer stays churned nothing new is planned for it.
        let lost = app
            .create_customer(t, &json!({"name": "Lost", "tier": "general"}))
            .await;
        churn(&app, &lost.id).await;
        let res = app
            .patch(
                &format!("/api/v1/customers/{}", lost.id),
                t,
                &json!({"tier": "key"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let lost_planned = app.touchpoints_of(&lost.id).await;
        assert!(
            lost_planned.iter().all(|t| t["status"] != "scheduled"),
            "{lost_planned:?}"
        );
    }
);

db_test!(
    resolved_complaints_move_with_their_customer_and_closing_settles_the_follow_up,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let (agent_a, token_a) = app.user_with_role("agent").await;
        let (agent_b, _) = app.user_with_role("agent").await;
        let (agent_c, _) = app.user_with_role("agent").await;
        let c = app
            .create_customer(&token_a, &json!({"name": "Handed on"}))
            .await;
        let resolved = resolved_complaint(&app, &token_a, &c.id).await;
        let res = app
            .client
            .put(app.url(&format!("/api/v1/customers/{}/owner", c.id)))
            .bearer_auth(t)
            .json(&json!({"owner_id": agent_b}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let complaint = crate::complaints::get_complaint(&app, &resolved).await;
        assert_eq!(complaint["assignee_id"], agent_b.as_str());
        let follow_up = app.touchpoints_of(&c.id).await;
        assert!(
            follow_up
                .iter()
                .all(|t| t["assignee_id"] == agent_b.as_str())
        );

        // Deactivating the holder with reassign_to moves resolved complaints too.
        let d = app
            .create_customer(t, &json!({"name": "Escalated", "owner_id": agent_a}))
            .await;
        let held = resolved_complaint(&app, t, &d.id).await;
        let res = app
            .patch(
                &format!("/api/v1/users/{agent_a}"),
                t,
                &json!({"active": false, "reassign_to": agent_c}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let complaint = crate::complaints::get_complaint(&app, &held).await;
        assert_eq!(complaint["assignee_id"], agent_c.as_str());

        // Closing with the customer's rating completes the follow-up; without one, cancels it.
        move_to(
            &app,
            t,
            &held,
            json!({"to": "closed", "satisfaction_after": 5}),
        )
        .await;
        let settled = app.touchpoints_of(&d.id).await;
        let settled = of_source(&settled, "complaint");
        assert_eq!(settled.len(), 1);
        assert_eq!(settled[0]["status"], "done");
        assert!(settled[0]["completed_at"].is_string());
        move_to(&app, t, &resolved, json!({"to": "closed"})).await;
        let cancelled = app.touchpoints_of(&c.id).await;
        let cancelled = of_source(&cancelled, "complaint");
        assert_eq!(
            (
                cancelled[0]["status"].as_str(),
                cancelled[0]["skip_reason"].as_str()
            ),
            (Some("cancelled"), Some("complaint closed"))
        );
    }
);

db_test!(
    the_agendas_days_are_whole_days_in_its_timezone,
    |app: TestApp| async move {
        let (_, agent) = app.user_with_role("agent").await;
        let c = app
            .create_customer(&agent, &json!({"name": "Late caller"}))
            .await;
        let today = app.clock.now().date_naive();
        let at = |days: u64, hour: u32| {
            (today + chrono::Days::new(days))
                .and_hms_opt(hour, 30, 0)
                .unwrap()
                .and_utc()
        };
        let late_tomorrow = app
            .schedule(&agent, json!({"customer_id": c.id, "due_at": rfc3339(at(1, 23)), "channel": "phone", "title": "Late"}))
            .await;
        let after = app
            .schedule(&agent, json!({"customer_id": c.id, "due_at": rfc3339(at(2, 0)), "channel": "phone", "title": "After"}))
            .await;
        let agenda: Value = app
            .get("/api/v1/agenda?days=2&tz=UTC", &agent)
            .await
            .json()
            .await
            .unwrap();
        let dates: Vec<&str> = agenda["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["date"].as_str().unwrap())
            .collect();
        let day = |n: u64| (today + chrono::Days::new(n)).to_string();
        assert_eq!(dates, [day(0), day(1)]);
        assert_eq!(agenda["until"], format!("{}T00:00:00Z", day(2)));
        let tomorrow: Vec<&str> = agenda["days"][1]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap())
            .collect();
        assert_eq!(tomorrow, [late_tomorrow.id.as_str()]);
        assert!(!agenda.to_string().contains(after.id.as_str()));

        // In New York the same request ends at New York's midnight.
        let ny: Value = app
            .get("/api/v1/agenda?days=1&tz=America/New_York", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(ny["days"].as_array().unwrap().len(), 1);
        let until = crate::helpers::at(&ny["until"]).with_timezone(&chrono_tz::America::New_York);
        assert_eq!(until.format("%H:%M").to_string(), "00:00", "{until}");
        assert_eq!(
            until.date_naive(),
            ny["days"][0]["date"]
                .as_str()
                .unwrap()
                .parse::<chrono::NaiveDate>()
                .unwrap()
                .succ_opt()
                .unwrap()
        );
    }
);

db_test!(
    tags_cannot_hold_the_csv_separator_and_import_errors_name_the_spreadsheet_row,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let refused = app
            .post(
                "/api/v1/customers",
                t,
                &json!({"name": "Tagged", "tags": ["trade;fair"]}),
            )
            .await;
        assert_eq!(error_fields(&assert_problem(refused, 422).await), ["tags"]);
        let c = app
            .create_customer(t, &json!({"name": "Tagged", "tags": ["trade fair"]}))
            .await;
        let refused = app
            .patch(
                &format!("/api/v1/customers/{}", c.id),
                t,
                &json!({"tags": ["a;b"]}),
            )
            .await;
        assert_eq!(error_fields(&assert_problem(refused, 422).await), ["tags"]);
        assert_eq!(app.get_customer(&c.id).await.tags, ["trade fair"]);
        // The schema says so too, so that a form can check before it sends.
        let doc: Value = app
            .get("/api-docs/openapi.json", t)
            .await
            .json()
            .await
            .unwrap();
        let pattern = doc["components"]["schemas"]["Tag"]["pattern"]
            .as_str()
            .unwrap();
        let pattern = regex::Regex::new(pattern).unwrap();
        assert!(
            pattern.is_match("trade fair") && !pattern.is_match("a;b") && !pattern.is_match(" ")
        );

        // A notes cell over three lines is one spreadsheet row: the bad email after it is row 3.
        let csv = "name,notes,email\nAda,\"line one\nline two\nline three\",ada@example.com\nBob,,not-an-email\n";
        let res = app.send_csv(t, "?dry_run=true", csv).await;
        assert_eq!(res.status(), StatusCode::OK);
        let plan: Value = res.json().await.unwrap();
        let errors: Vec<(i64, &str)> = plan["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["row"].as_i64().unwrap(), e["field"].as_str().unwrap()))
            .collect();
        assert_eq!(errors, [(3, "email")]);
    }
);

db_test!(
    a_loss_noticed_late_is_recorded_when_it_happened,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let now = app.clock.now();
        let lost_at = rfc3339(now - chrono::Duration::days(40));
        let c: Value = app
            .post(
                "/api/v1/customers",
                t,
                &json!({"name": "Gone quiet", "status": "churned", "churn_reason": "no answer", "churned_at": lost_at}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(at(&c["churned_at"]), at(&json!(lost_at)));
        for (body, field) in [
            (
                json!({"name": "Future", "status": "churned", "churn_reason": "x", "churned_at": rfc3339(now + chrono::Duration::days(2))}),
                "churned_at",
            ),
            (
                json!({"name": "Active", "churned_at": lost_at}),
                "churned_at",
            ),
            (
                json!({"name": "Ancient", "status": "churned", "churn_reason": "x", "churned_at": "1850-01-01T00:00:00Z"}),
                "churned_at",
            ),
        ] {
            let res = app.post("/api/v1/customers", t, &body).await;
            assert_eq!(
                error_fields(&assert_problem(res, 422).await),
                [field],
                "{body}"
            );
        }
        // Marked churned now, then corrected to when it really happened.
        let d = app.create_customer(t, &json!({"name": "Corrected"})).await;
        let path = format!("/api/v1/customers/{}", d.id);
        let before = app.clock.now();
        let churned: Value = app
            .patch(
                &path,
                t,
                &json!({"status": "churned", "churn_reason": "price"}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_set_between(&churned["churned_at"], before, app.clock.now());
        let earlier = rfc3339(now - chrono::Duration::days(10));
        let corrected: Value = app
            .patch(&path, t, &json!({"churned_at": earlier}))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(at(&corrected["churned_at"]), at(&json!(earlier)));

        // The CSV carries it both ways.
        let res = app
            .client
            .get(app.url("/api/v1/customers/export?status=churned"))
            .bearer_auth(t)
            .send()
            .await
            .unwrap();
        let csv = res.text().await.unwrap();
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let column = header
            .iter()
            .position(|h| *h == "churned_at")
            .expect("a churned_at column");
        let row = csv.lines().find(|l| l.contains("Corrected")).unwrap();
        let cell = row.split(',').nth(column).unwrap();
        assert_eq!(at(&json!(cell)), at(&json!(earlier)));
        let import = format!(
            "name,status,churn_reason,churned_at\nImported,churned,closed shop,{lost_at}\n"
        );
        let res = app.send_csv(t, "", import).await;
        assert_eq!(res.status(), StatusCode::OK);
        let imported = app.items("/api/v1/customers?q=Imported", t).await;
        assert_eq!(at(&imported[0]["churned_at"]), at(&json!(lost_at)));
    }
);

db_test!(
    losses_stay_counted_where_they_happened,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let now = app.clock.now();
        let report = |from: chrono::DateTime<chrono::Utc>| {
            let app = &app;
            async move {
                let path = format!(
                    "/api/v1/reports/churn?from={}&to={}",
                    rfc3339(from).replace('+', "%2B"),
                    rfc3339(now + chrono::Duration::days(1)).replace('+', "%2B")
                );
                let res = app.get(&path, &app.admin_token).await;
                assert_eq!(res.status(), StatusCode::OK);
                res.json::<Value>().await.unwrap()
            }
        };
        let c = app
            .create_customer(t, &json!({"name": "Back and forth", "tier": "key"}))
            .await;
        churn(&app, &c.id).await;
        let lost = report(now - chrono::Duration::days(1)).await;
        assert_eq!(lost["total"], 1);
        // Won back by a purchase, then lost again: both losses count, the first unchanged.
        app.buy(&c.id, 1_000, "EUR", now).await;
        assert_eq!(report(now - chrono::Duration::days(1)).await["total"], 1);
        let res = app
            .patch(
                &format!("/api/v1/customers/{}", c.id),
                t,
                &json!({"tier": "general"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        churn(&app, &c.id).await;
        let twice = report(now - chrono::Duration::days(1)).await;
        assert_eq!(twice["total"], 2);
        let tiers: Vec<(&str, i64)> = twice["by_tier"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (g["key"].as_str().unwrap(), g["count"].as_i64().unwrap()))
            .collect();
        assert_eq!(
            tiers,
            [("general", 1), ("key", 1)],
            "each loss with the tier it had"
        );
        assert_eq!(twice["by_reason"][0]["key"], "moved to a competitor");

        // A loss recorded late counts in the month it happened, and leaves it when won back.
        let long_ago = now - chrono::Duration::days(70);
        let late: Value = app
            .post(
                "/api/v1/customers",
                t,
                &json!({"name": "Noticed late", "status": "churned", "churn_reason": "silent", "churned_at": rfc3339(long_ago)}),
            )
            .await
            .json()
            .await
            .unwrap();
        let window = report(long_ago - chrono::Duration::days(1)).await;
        let month = long_ago.format("%Y-%m").to_string();
        assert!(
            window["by_month"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["key"] == month.as_str() && m["count"] == 1),
            "{window}"
        );
        app.buy(late["id"].as_str().unwrap(), 1_000, "EUR", now)
            .await;
        let after = report(long_ago - chrono::Duration::days(1)).await;
        assert_eq!(after["total"], window["total"]);
        assert_eq!(after["by_month"], window["by_month"]);
    }
);

db_test!(
    a_dry_run_plans_unchanged_rows_as_skipped,
    |app: TestApp| async move {
        let t = &app.admin_token;
        app.create_customer(
            t,
            &json!({
                "name": "Round trip", "email": "rt@example.com", "tags": ["vip", "trade fair"],
                "contact_window": {"weekdays": [1, 2], "start": "09:00", "end": "12:00"},
                "attributes": {"plan": "gold", "seats": 3},
                "important_dates": [{"label": "Founding", "date": "2001-03-04"}],
                "birthday": "1980-01-02"
            }),
        )
        .await;
        let lost = app
            .post(
                "/api/v1/customers",
                t,
                &json!({"name": "Lost one", "status": "churned", "churn_reason": "price"}),
            )
            .await;
        assert_eq!(lost.status(), StatusCode::CREATED);
        let export = app
            .client
            .get(app.url("/api/v1/customers/export"))
            .bearer_auth(t)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let res = app
            .send_csv(t, "?dry_run=true&on_duplicate=update", export.clone())
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let plan: Value = res.json().await.unwrap();
        assert_eq!(
            (plan["updated"].as_i64(), plan["skipped"].as_i64()),
            (Some(0), Some(2)),
            "{plan}"
        );
        assert!(
            plan["plan"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["action"] == "skip")
        );

        // One changed cell makes one update, on a dry run and for real.
        let changed = export.replacen("Round trip", "Round trip II", 1);
        let plan: Value = app
            .send_csv(t, "?dry_run=true&on_duplicate=update", changed.clone())
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (plan["updated"].as_i64(), plan["skipped"].as_i64()),
            (Some(1), Some(1))
        );
        let done: Value = app
            .send_csv(t, "?on_duplicate=update", changed)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (done["updated"].as_i64(), done["skipped"].as_i64()),
            (Some(1), Some(1))
        );
    }
);

db_test!(
    a_purchase_logged_late_does_not_pull_the_cadence_back,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app
            .create_customer(t, &json!({"name": "Regular", "tier": "general"}))
            .await;
        let now = app.clock.now();
        let care = |touchpoints: Vec<Value>| -> Vec<String> {
            touchpoints
                .into_iter()
                .filter(|t| t["purpose"] == "periodic_care" && t["status"] == "scheduled")
                .map(|t| t["due_at"].as_str().unwrap().to_string())
                .collect()
        };
        app.buy(&c.id, 1_000, "EUR", now).await;
        let planned = care(app.touchpoints_of(&c.id).await);
        assert_eq!(planned.len(), 1);
        app.buy(&c.id, 1_000, "EUR", now - chrono::Duration::days(60))
            .await;
        assert_eq!(
            care(app.touchpoints_of(&c.id).await),
            planned,
            "anchored at the newest purchase"
        );
        // A newer purchase still moves it forward.
        app.clock.advance(chrono::Duration::days(5));
        app.buy(&c.id, 1_000, "EUR", app.clock.now()).await;
        let moved = care(app.touchpoints_of(&c.id).await);
        assert_eq!(moved.len(), 1);
        assert!(at(&json!(moved[0])) > at(&json!(planned[0])));
    }
);

/// A date of birth (in 1992) whose anniversary is `days` from today.
fn born_in(today: chrono::NaiveDate, days: u64) -> String {
    let day = today + chrono::Days::new(days);
    format!("1992-{}", day.format("%m-%d"))
}

db_test!(
    a_corrected_date_moves_its_greeting_and_a_one_off_date_greets_once,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let today = app.clock.now().date_naive();
        let c = app
            .create_customer(
                t,
                &json!({"name": "Birthday", "birthday": born_in(today, 10)}),
            )
            .await;
        app.run_scheduler().await;
        let greetings = |all: Vec<Value>| -> Vec<(String, String, String)> {
            all.into_iter()
                .filter(|t| t["source"] == "birthday" || t["source"] == "important_date")
                .map(|t| {
                    (
                        t["status"].as_str().unwrap().to_string(),
                        t["due_at"].as_str().unwrap()[..10].to_string(),
                        t["skip_reason"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        };
        let day = |n: u64| (today + chrono::Days::new(n)).to_string();
        assert_eq!(
            greetings(app.touchpoints_of(&c.id).await),
            [("scheduled".into(), day(10), String::new())]
        );

        let path = format!("/api/v1/customers/{}", c.id);
        let res = app
            .patch(&path, t, &json!({"birthday": born_in(today, 12)}))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let mut moved = greetings(app.touchpoints_of(&c.id).await);
        moved.sort();
        assert_eq!(
            moved,
            [
                ("cancelled".into(), day(10), "the date changed".into()),
                ("scheduled".into(), day(12), String::new()),
            ]
        );
        // Moved out of the horizon: nothing open; removed: nothing either, and no pass
        // brings the old day back.
        let res = app
            .patch(&path, t, &json!({"birthday": born_in(today, 60)}))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        app.run_scheduler().await;
        assert!(
            greetings(app.touchpoints_of(&c.id).await)
                .iter()
                .all(|g| g.0 == "cancelled")
        );

        // A one-off date: one touchpoint when it comes within the horizon, never again.
        let once = today + chrono::Days::new(5);
        let d = app
            .create_customer(
                t,
                &json!({"name": "Reopening", "important_dates": [{"label": "Store reopening", "date": once.to_string(), "recurring": false}]}),
            )
            .await;
        app.run_scheduler().await;
        app.run_scheduler().await;
        assert_eq!(
            greetings(app.touchpoints_of(&d.id).await),
            [("scheduled".into(), day(5), String::new())]
        );
        app.clock.advance(chrono::Duration::days(366));
        app.run_scheduler().await;
        assert_eq!(greetings(app.touchpoints_of(&d.id).await).len(), 1);
    }
);

db_test!(
    a_new_timezone_or_window_re_plans_what_is_not_yet_due,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app
            .create_customer(t, &json!({"name": "Moving", "tier": "general"}))
            .await;
        app.buy(&c.id, 1_000, "EUR", app.clock.now()).await;
        let day = (app.clock.now().date_naive() + chrono::Days::new(2)).to_string();
        let inside = app
            .schedule(t, json!({"customer_id": c.id, "due_at": format!("{day}T17:30:00Z"), "channel": "phone", "title": "Inside"}))
            .await;
        let outside = app
            .schedule(t, json!({"customer_id": c.id, "due_at": format!("{day}T03:00:00Z"), "channel": "phone", "title": "Outside"}))
            .await;
        let res = app
            .patch(
                &format!("/api/v1/customers/{}", c.id),
                t,
                &json!({"timezone": "America/New_York", "contact_window": {"weekdays": [1, 2, 3, 4, 5, 6, 7], "start": "12:00", "end": "14:00"}}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let after = app.touchpoints_of(&c.id).await;
        let due = |id: &str| at(&after.iter().find(|t| t["id"] == id).unwrap()["due_at"]);
        // Manual work keeps its time when the new window holds it, else moves to its opening.
        assert_eq!(due(&inside.id), at(&json!(format!("{day}T17:30:00Z"))));
        assert_eq!(due(&outside.id), at(&json!(format!("{day}T17:00:00Z"))));
        // The cadence is placed inside the new window, in the new timezone.
        let planned: Vec<&Value> = after
            .iter()
            .filter(|t| t["source"] == "playbook" && t["status"] == "scheduled")
            .collect();
        assert!(!planned.is_empty());
        for t in planned {
            let local = at(&t["due_at"]).with_timezone(&chrono_tz::America::New_York);
            let hm = local.format("%H:%M").to_string();
            assert!(
                ("12:00".to_string()..="14:00".to_string()).contains(&hm),
                "{t}"
            );
        }
    }
);
