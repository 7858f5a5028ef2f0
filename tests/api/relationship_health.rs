//! `next_touchpoint_due_at` and `overdue_touchpoints`: exact after every change and as time
//! passes with nothing written, and usable in lists, sorts and segment rules.

use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn page(app: &TestApp, token: &str, query: &str) -> Value {
    let res = app.get(&format!("/api/v1/customers{query}"), token).await;
    assert_eq!(res.status(), StatusCode::OK, "{query}");
    res.json().await.unwrap()
}

/// Names in order, following every page of `query` (two customers a page).
async fn all_names(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = match &cursor {
            Some(c) => format!("{query}&limit=2&cursor={c}"),
            None => format!("{query}&limit=2"),
        };
        let p = page(app, token, &q).await;
        seen.extend(names(&p));
        match p["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return seen,
        }
    }
}

async fn overdue_of(app: &TestApp, id: &str) -> i64 {
    app.get_customer(id).await.overdue_touchpoints
}

db_test!(
    overdue_counts_grow_as_time_passes_with_no_write,
    |app: TestApp| async move {
        let (_, agent) = app.user_with_role("agent").await;
        let ada = app.create_customer(&agent, &json!({"name": "Ada"})).await;
        let bob = app.create_customer(&agent, &json!({"name": "Bob"})).await;
        let cy = app.create_customer(&agent, &json!({"name": "Cy"})).await;
        let now = app.clock.now();
        let call = |customer: &str, due: DateTime<Utc>| json!({"customer_id": customer, "due_at": rfc3339(due), "channel": "phone", "title": "Call"});
        let soon = app
            .schedule(&agent, call(&ada.id, now + Duration::hours(1)))
            .await
            .id;
        app.schedule(&agent, call(&ada.id, now + Duration::days(2)))
            .await;
        app.schedule(&agent, call(&bob.id, now + Duration::days(3)))
            .await;

        assert_eq!(overdue_of(&app, &ada.id).await, 0);
        assert_eq!(
            app.get_customer(&ada.id).await.next_touchpoint_due_at,
            Some(rfc3339(now + Duration::hours(1)))
        );
        assert!(names(&page(&app, &agent, "?overdue_touchpoints_min=1").await).is_empty());

        // A day passes; nothing is written.
        app.clock.advance(Duration::days(1));
        assert_eq!(overdue_of(&app, &ada.id).await, 1);
        assert_eq!(overdue_of(&app, &bob.id).await, 0);
        assert_eq!(
            names(&page(&app, &agent, "?overdue_touchpoints_min=1").await),
            ["Ada"]
        );
        let listed = page(&app, &agent, "?sort=-overdue_touchpoints").await;
        assert_eq!(listed["items"][0]["name"], "Ada");
        assert_eq!(listed["items"][0]["overdue_touchpoints"], 1);
        let rule = json!({"rule": {"field": "overdue_touchpoints", "op": "gte", "value": 1}});
        let res = app.post("/api/v1/segments/preview", &agent, &rule).await;
        assert_eq!(res.status(), StatusCode::OK);
        let preview: Value = res.json().await.unwrap();
        assert_eq!(preview["count"], 1);
        assert_eq!(preview["items"][0]["overdue_touchpoints"], 1);

        // Three more days: every touchpoint is past due.
        app.clock.advance(Duration::days(3));
        assert_eq!(overdue_of(&app, &ada.id).await, 2);
        assert_eq!(overdue_of(&app, &bob.id).await, 1);
        assert_eq!(
            all_names(&app, &agent, "?sort=-overdue_touchpoints").await,
            ["Ada", "Bob", "Cy"]
        );
        assert_eq!(
            all_names(&app, &agent, "?sort=overdue_touchpoints").await,
            ["Cy", "Bob", "Ada"]
        );
        // Never-scheduled customers come last either way.
        assert_eq!(
            all_names(&app, &agent, "?sort=next_touchpoint_due_at").await,
            ["Ada", "Bob", "Cy"]
        );
        assert_eq!(
            all_names(&app, &agent, "?sort=-next_touchpoint_due_at").await,
            ["Bob", "Ada", "Cy"]
        );
        let cutoff = rfc3339(now + Duration::days(1)).replace('+', "%2B");
        assert_eq!(
            names(
                &page(
                    &app,
                    &agent,
                    &format!("?next_touchpoint_due_before={cutoff}")
                )
                .await
            ),
            ["Ada"]
        );
        assert_eq!(
            names(&page(&app, &agent, "?overdue_touchpoints_min=2").await),
            ["Ada"]
        );
        assert_eq!(
            error_fields(
                &assert_problem(
                    app.get("/api/v1/customers?overdue_touchpoints_min=10001", &agent)
                        .await,
                    422
                )
                .await
            ),
            ["overdue_touchpoints_min"]
        );

        // Completing one brings the count down and the next due time forward.
        let done = app
            .post(
                &format!("/api/v1/touchpoints/{soon}/complete"),
                &agent,
                &json!({"summary": "Reached", "outcome": "positive"}),
            )
            .await;
        assert_eq!(done.status(), StatusCode::OK);
        let ada_now = app.get_customer(&ada.id).await;
        assert_eq!(ada_now.overdue_touchpoints, 1);
        assert_eq!(
            ada_now.next_touchpoint_due_at,
            Some(rfc3339(now + Duration::days(2)))
        );
        assert_eq!(overdue_of(&app, &cy.id).await, 0);
    }
);
