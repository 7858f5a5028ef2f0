use chrono::{Duration, Timelike, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

/// Dates and the titles due on each, in order.
fn days(agenda: &Value) -> Vec<(String, Vec<String>)> {
    agenda["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let titles = d["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["title"].as_str().unwrap().to_string())
                .collect();
            (d["date"].as_str().unwrap().to_string(), titles)
        })
        .collect()
}

db_test!(
    the_agenda_groups_by_day_in_the_users_timezone,
    |app: TestApp| async move {
        let (agent_id, agent) = app.user_with_role("agent").await;
        let c = app
            .create_customer(&agent, &json!({"name": "Agenda customer"}))
            .await;
        // Tomorrow at 23:30 UTC: still tomorrow in UTC, the day after in Tokyo.
        let tomorrow = (Utc::now() + Duration::days(1)).date_naive();
        let late = tomorrow.and_hms_opt(23, 30, 0).unwrap().and_utc();
        let overdue_at = (Utc::now() - Duration::days(2)).with_nanosecond(0).unwrap();
        let beyond = Utc::now() + Duration::days(10);
        for (title, due) in [
            ("Late call", late),
            ("Missed", overdue_at),
            ("Far away", beyond),
        ] {
            let res = app
                .post("/api/v1/touchpoints", &agent, &json!({"customer_id": c.id, "due_at": rfc3339(due), "channel": "phone", "title": title}))
                .await;
            assert_eq!(res.status(), StatusCode::CREATED);
        }
        let utc: Value = app
            .get("/api/v1/agenda?days=3", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(utc["timezone"], "UTC");
        assert_eq!(utc["user_id"], agent_id.as_str());
        assert_eq!(utc["overdue"][0]["title"], "Missed");
        assert_eq!(utc["overdue"].as_array().unwrap().len(), 1);
        let today = Utc::now().date_naive();
        let d = |n: i64| (today + Duration::days(n)).to_string();
        let mut expected = vec![
            (d(0), vec![]),
            (d(1), vec!["Late call".to_string()]),
            (d(2), vec![]),
        ];
        // The window ends three days from now, which is on the fourth calendar day (unless it
        // is exactly midnight).
        if days(&utc).len() == 4 {
            expected.push((d(3), vec![]));
        }
        assert_eq!(days(&utc), expected);

        // The user's own timezone is the default; `tz` overrides it.
        let res = app
            .patch(
                &format!("/api/v1/users/{agent_id}"),
                &app.admin_token,
                &json!({"timezone": "Asia/Tokyo"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<Value>().await.unwrap()["timezone"], "Asia/Tokyo");
        let tokyo: Value = app
            .get("/api/v1/agenda?days=3", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(tokyo["timezone"], "Asia/Tokyo");
        let late_in_tokyo = (tomorrow + Duration::days(1)).to_string();
        let found: Vec<(String, Vec<String>)> = days(&tokyo)
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .collect();
        assert_eq!(found, vec![(late_in_tokyo, vec!["Late call".to_string()])]);
        let back: Value = app
            .get("/api/v1/agenda?days=3&tz=UTC", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(back["timezone"], "UTC");
        // Ninety days reach the far one.
        let long: Value = app
            .get("/api/v1/agenda?days=90", &agent)
            .await
            .json()
            .await
            .unwrap();
        assert!(
            days(&long)
                .iter()
                .any(|(_, t)| t == &vec!["Far away".to_string()])
        );
        assert_eq!(long["truncated"], false);
    }
);

db_test!(
    other_peoples_agendas_are_for_managers,
    |app: TestApp| async move {
        let (agent_id, agent) = app.user_with_role("agent").await;
        let (_, other_agent) = app.user_with_role("agent").await;
        let (_, manager) = app.user_with_role("manager").await;
        let c = app.create_customer(&agent, &json!({"name": "C"})).await;
        let due = rfc3339(Utc::now() + Duration::hours(5));
        let res = app
            .post(
                "/api/v1/touchpoints",
                &agent,
                &json!({"customer_id": c.id, "due_at": due, "channel": "phone", "title": "Call"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let path = format!("/api/v1/agenda?user_id={agent_id}");
        assert_problem(app.get(&path, &other_agent).await, 403).await;
        let seen: Value = app.get(&path, &manager).await.json().await.unwrap();
        let count: usize = seen["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["items"].as_array().unwrap().len())
            .sum();
        assert_eq!(count, 1);
        let own: Value = app
            .get("/api/v1/agenda", &other_agent)
            .await
            .json()
            .await
            .unwrap();
        assert!(
            own["days"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["items"].as_array().unwrap().is_empty())
        );
        for query in [
            "?days=0",
            "?days=91",
            "?days=x",
            "?tz=Mars/Olympus",
            &format!("?user_id={}", uuid::Uuid::now_v7()),
        ] {
            assert_problem(
                app.get(&format!("/api/v1/agenda{query}"), &manager).await,
                422,
            )
            .await;
        }
        let bad_tz = app
            .patch(
                &format!("/api/v1/users/{agent_id}"),
                &app.admin_token,
                &json!({"timezone": "Nowhere"}),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(bad_tz, 422).await),
            ["timezone"]
        );
    }
);
