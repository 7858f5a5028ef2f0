use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn list(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let res = app.get(&format!("/api/v1/touchpoints{query}"), token).await;
    assert_eq!(res.status(), StatusCode::OK, "{query}");
    res.json::<Value>().await.unwrap()["items"]
        .as_array()
        .unwrap()
        .clone()
}

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

db_test!(
    manual_touchpoints_keep_their_time_and_derive_overdue,
    |app: TestApp| async move {
        let (agent_id, agent) = app.user_with_role("agent").await;
        let c = app.create_customer(&agent, &json!({"name": "Dora", "contact_window": {"weekdays": [1], "start": "09:00", "end": "10:00"}})).await;
        let later = (Utc::now() + Duration::days(3))
            .date_naive()
            .and_hms_opt(22, 15, 0)
            .unwrap()
            .and_utc();
        let t = app.schedule(&agent, json!({"customer_id": c.id, "due_at": rfc3339(later), "channel": "phone", "title": "Call back"})).await;
        assert_eq!(
            (
                t.assignee_id.as_str(),
                t.purpose.as_str(),
                t.source.as_str()
            ),
            (agent_id.as_str(), "custom", "manual")
        );
        assert_eq!((t.status.as_str(), t.overdue), ("scheduled", false));
        // Outside the contact window, but manual touchpoints keep the time they are given.
        assert_eq!(t.due_at, rfc3339(later));
        assert_eq!(
            app.get_customer(&c.id).await.next_touchpoint_due_at,
            Some(rfc3339(later))
        );

        let past = Utc::now() - Duration::hours(2);
        let late = app.schedule(&agent, json!({"customer_id": c.id, "due_at": rfc3339(past), "channel": "email", "purpose": "usage_check", "title": "Late"})).await;
        assert!(late.overdue);
        assert_eq!(
            app.get_customer(&c.id).await.next_touchpoint_due_at,
            Some(rfc3339(past))
        );
        assert_eq!(
            ids(&list(&app, &agent, "?overdue=true").await),
            [late.id.as_str()]
        );
        assert_eq!(
            ids(&list(&app, &agent, "?overdue=false").await),
            [t.id.as_str()]
        );
        assert_eq!(list(&app, &agent, "?purpose=usage_check").await.len(), 1);
        let before = rfc3339(Utc::now()).replace('+', "%2B");
        assert_eq!(
            list(&app, &agent, &format!("?due_before={before}"))
                .await
                .len(),
            1
        );
        assert_eq!(
            list(&app, &agent, &format!("?due_after={before}"))
                .await
                .len(),
            1
        );
        // Soonest first, one per page.
        let first = app
            .get("/api/v1/touchpoints?limit=1", &agent)
            .await
            .json::<Value>()
            .await
            .unwrap();
        assert_eq!(first["items"][0]["id"], late.id.as_str());
        let cursor = first["next_cursor"].as_str().unwrap();
        let second = list(&app, &agent, &format!("?limit=1&cursor={cursor}")).await;
        assert_eq!(second[0]["id"], t.id.as_str());

        // Reschedule with If-Match.
        let path = t.path();
        let stale = app
            .request(Method::PATCH, &path, &agent)
            .header("If-Match", "\"9\"")
            .json(&json!({"notes": "x"}))
            .send()
            .await
            .unwrap();
        assert_problem(stale, 412).await;
        let moved = app
            .request(Method::PATCH, &path, &agent)
            .header("If-Match", "\"1\"")
            .json(&json!({"due_at": rfc3339(past - Duration::hours(1)), "notes": "sooner"}))
            .send()
            .await
            .unwrap();
        assert_eq!(moved.status(), StatusCode::OK);
        let moved: Value = moved.json().await.unwrap();
        assert_eq!(
            (moved["version"].as_i64(), moved["overdue"].as_bool()),
            (Some(2), Some(true))
        );
        assert_eq!(
            app.get_customer(&c.id).await.next_touchpoint_due_at,
            Some(rfc3339(past - Duration::hours(1)))
        );
        assert_eq!(
            app.get_customer(&c.id).await.version,
            c.version,
            "derived fields do not bump the version"
        );

        for (body, field) in [
            (
                json!({"customer_id": c.id, "due_at": "soon", "channel": "phone", "title": "x"}),
                None,
            ),
            (
                json!({"customer_id": c.id, "due_at": rfc3339(later), "channel": "phone", "title": " "}),
                Some("title"),
            ),
            (
                json!({"customer_id": uuid::Uuid::now_v7(), "due_at": rfc3339(later), "channel": "phone", "title": "x"}),
                Some("customer_id"),
            ),
            (
                json!({"customer_id": c.id, "due_at": rfc3339(later), "channel": "phone", "purpose": "gossip", "title": "x"}),
                None,
            ),
        ] {
            let problem =
                assert_problem(app.post("/api/v1/touchpoints", &agent, &body).await, 422).await;
            if let Some(field) = field {
                assert_eq!(error_fields(&problem), [field]);
            }
        }
    }
);

db_test!(
    completing_skipping_and_cancelling_close_a_touchpoint,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "Eve"})).await;
        let due = rfc3339(Utc::now() + Duration::days(1));
        let a = app.schedule(t, json!({"customer_id": c.id, "due_at": due, "channel": "visit", "purpose": "visit", "title": "Visit Eve"})).await;
        let a_path = a.path();
        let before = app.clock.now();
        let done = app
            .post(
                &format!("{a_path}/complete"),
                t,
                &json!({"summary": "Went well", "outcome": "positive", "satisfaction": 5}),
            )
            .await;
        assert_eq!(done.status(), StatusCode::OK);
        let done: Value = done.json().await.unwrap();
        assert_eq!(done["status"], "done");
        assert_set_between(&done["completed_at"], before, app.clock.now());
        let interaction_id = done["interaction_id"].as_str().unwrap();
        let interaction: Value = app
            .get(&format!("/api/v1/interactions/{interaction_id}"), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(interaction["touchpoint_id"], a.id.as_str());
        assert_eq!(interaction["channel"], "visit");
        assert_eq!(interaction["direction"], "outbound");
        assert_eq!(interaction["subject"], "Visit Eve");
        let stored = app.get_customer(&c.id).await;
        assert!(stored.last_contacted_at.is_some());
        assert_eq!(stored.next_touchpoint_due_at, None);
        // A closed touchpoint stays closed.
        for (action, body) in [
            ("complete", json!({})),
            ("skip", json!({"reason": "again"})),
            ("cancel", json!({})),
        ] {
            let res = app.post(&format!("{a_path}/{action}"), t, &body).await;
            assert_problem(res, 409).await;
        }

        let b = app
            .schedule(
                t,
                json!({"customer_id": c.id, "due_at": due, "channel": "phone", "title": "Call"}),
            )
            .await;
        let b_path = b.path();
        assert_eq!(
            error_fields(
                &assert_problem(
                    app.post(&format!("{b_path}/skip"), t, &json!({"reason": "  "}))
                        .await,
                    422
                )
                .await
            ),
            ["reason"]
        );
        let skipped: Value = app
            .post(
                &format!("{b_path}/skip"),
                t,
                &json!({"reason": "On holiday"}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (skipped["status"].as_str(), skipped["skip_reason"].as_str()),
            (Some("skipped"), Some("On holiday"))
        );

        let d = app
            .schedule(
                t,
                json!({"customer_id": c.id, "due_at": due, "channel": "phone", "title": "Call"}),
            )
            .await;
        let cancelled = app
            .call(
                Method::POST,
                &format!("/api/v1/touchpoints/{}/cancel", d.id.as_str()),
                t,
                None,
            )
            .await;
        assert_eq!(
            cancelled.json::<Value>().await.unwrap()["status"],
            "cancelled"
        );
        assert_eq!(list(&app, t, "?status=scheduled").await.len(), 0);
        assert_eq!(list(&app, t, "?status=done").await.len(), 1);

        // Logging an interaction that names an open touchpoint completes it; one of another
        // customer, or a closed one, is refused.
        let other = app.create_customer(t, &json!({"name": "Other"})).await;
        let e = app
            .schedule(
                t,
                json!({"customer_id": c.id, "due_at": due, "channel": "email", "title": "Mail"}),
            )
            .await;
        for (customer, touchpoint) in [(&other.id, &e.id), (&c.id, &a.id)] {
            let res = app.post("/api/v1/interactions", t, &json!({"customer_id": customer, "channel": "email", "direction": "outbound", "touchpoint_id": touchpoint})).await;
            assert_eq!(
                error_fields(&assert_problem(res, 422).await),
                ["touchpoint_id"]
            );
        }
        let logged = app.post("/api/v1/interactions", t, &json!({"customer_id": c.id, "channel": "email", "direction": "outbound", "touchpoint_id": e.id})).await;
        assert_eq!(logged.status(), StatusCode::CREATED);
        let logged: Value = logged.json().await.unwrap();
        let e_now: Value = app.get(&e.path(), t).await.json().await.unwrap();
        assert_eq!(e_now["status"], "done");
        assert_eq!(e_now["interaction_id"], logged["id"]);
    }
);

db_test!(
    a_touchpoint_completes_once_under_concurrency,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "Busy"})).await;
        for _round in 0..3 {
            let tp = app.schedule(t, json!({"customer_id": c.id, "due_at": rfc3339(Utc::now()), "channel": "phone", "title": "Call"})).await;
            let path = format!("/api/v1/touchpoints/{}/complete", tp.id.as_str());
            let requests = (0..10)
                .map(|_| app.request(Method::POST, &path, t).json(&json!({})))
                .collect();
            let counts = status_counts(&at_once(requests).await);
            assert_eq!(counts.get(&200), Some(&1), "{counts:?}");
            assert_eq!(counts.get(&409), Some(&9), "{counts:?}");
        }
        let interactions: Value = app
            .get(&format!("/api/v1/interactions?customer_id={}", c.id), t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(interactions["items"].as_array().unwrap().len(), 3);
    }
);

db_test!(
    agents_reach_only_their_customers_touchpoints_and_hand_offs_move_them,
    |app: TestApp| async move {
        let (_, manager) = app.user_with_role("manager").await;
        let (a_id, agent_a) = app.user_with_role("agent").await;
        let (b_id, agent_b) = app.user_with_role("agent").await;
        let c = app
            .create_customer(&agent_a, &json!({"name": "A's customer"}))
            .await;
        let due = rfc3339(Utc::now() + Duration::days(2));
        let tp = app
            .schedule(
                &agent_a,
                json!({"customer_id": c.id, "due_at": due, "channel": "phone", "title": "Call"}),
            )
            .await;
        let managers_own = app.schedule(&manager, json!({"customer_id": c.id, "due_at": due, "channel": "visit", "title": "Manager visit", "assignee_id": app.get("/api/v1/me", &manager).await.json::<Value>().await.unwrap()["id"]})).await;
        let path = tp.path();
        assert_problem(app.get(&path, &agent_b).await, 404).await;
        assert_problem(
            app.post(
                &format!("{path}/skip"),
                &agent_b,
                &json!({"reason": "mine now"}),
            )
            .await,
            404,
        )
        .await;
        assert!(list(&app, &agent_b, "").await.is_empty());
        let res = app
            .post(
                "/api/v1/touchpoints",
                &agent_b,
                &json!({"customer_id": c.id, "due_at": due, "channel": "phone", "title": "Sneak"}),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(res, 422).await),
            ["customer_id"]
        );
        let res = app.post("/api/v1/touchpoints", &agent_a, &json!({"customer_id": c.id, "due_at": due, "channel": "phone", "title": "For B", "assignee_id": b_id})).await;
        assert_problem(res, 403).await;

        // The hand-off moves the open touchpoints A held; the manager's own stays.
        let handed = app
            .call(
                Method::PUT,
                &format!("/api/v1/customers/{}/owner", c.id),
                &manager,
                Some(&json!({"owner_id": b_id})),
            )
            .await;
        assert_eq!(handed.status(), StatusCode::OK);
        let moved: Value = app.get(&path, &agent_b).await.json().await.unwrap();
        assert_eq!(moved["assignee_id"], b_id.as_str());
        let kept: Value = app
            .get(&managers_own.path(), &manager)
            .await
            .json()
            .await
            .unwrap();
        assert_ne!(kept["assignee_id"], a_id.as_str());
        assert_eq!(kept["assignee_id"], managers_own.assignee_id.as_str());
        assert_problem(app.get(&path, &agent_a).await, 404).await;
    }
);
