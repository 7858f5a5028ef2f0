//! `POST /segments/{id}/touchpoints`: one touchpoint per member, each for the customer's owner
//! in the customer's contact window, whole or not at all.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn segment(app: &TestApp, body: Value) -> String {
    let res = app.post("/api/v1/segments", &app.admin_token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "segment");
    res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn greetings() -> Value {
    // 07:00 UTC on a Friday: 08:00 in Berlin, before the window opens.
    json!({"due_at": "2026-12-18T07:00:00Z", "channel": "gift", "purpose": "holiday", "title": "Season's greetings"})
}

db_test!(
    a_campaign_schedules_one_touchpoint_per_member_for_its_owner,
    |app: TestApp| async move {
        let (ann_id, ann) = app.user_with_role("agent").await;
        let (ben_id, ben) = app.user_with_role("agent").await;
        let (_, manager) = app.user_with_role("manager").await;
        let berlin = app
            .create_customer(
                &ann,
                &json!({"name": "Berlin", "tags": ["loyal"], "timezone": "Europe/Berlin",
                "contact_window": {"weekdays": [1, 2, 3, 4, 5], "start": "10:00", "end": "17:00"}}),
            )
            .await;
        let anywhere = app
            .create_customer(&ben, &json!({"name": "Anywhere", "tags": ["loyal"]}))
            .await;
        let other = app.create_customer(&ben, &json!({"name": "Other"})).await;
        let loyal = segment(
            &app,
            json!({"name": "Loyal", "kind": "dynamic", "rule": {"field": "tags", "op": "contains", "value": "loyal"}}),
        )
        .await;
        let path = format!("/api/v1/segments/{loyal}/touchpoints");

        let send = |key: &'static str| {
            app.request(Method::POST, &path, &manager)
                .header("Idempotency-Key", key)
                .json(&greetings())
                .send()
        };
        let res = send("holiday-2026").await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        assert_eq!(
            body,
            json!({"segment_id": loyal, "scheduled": 2, "left_out": 0, "left_out_reasons": []})
        );

        let in_berlin = app.touchpoints_of(&berlin.id).await;
        assert_eq!(in_berlin.len(), 1);
        assert_eq!(in_berlin[0]["assignee_id"], ann_id.as_str());
        // Moved to the window's opening, 10:00 in Berlin.
        assert_eq!(in_berlin[0]["due_at"], "2026-12-18T09:00:00Z");
        assert_eq!(in_berlin[0]["purpose"], "holiday");
        assert_eq!(in_berlin[0]["channel"], "gift");
        assert_eq!(
            app.get_customer(&berlin.id).await.next_touchpoint_due_at,
            Some("2026-12-18T09:00:00Z".to_string())
        );
        let elsewhere = app.touchpoints_of(&anywhere.id).await;
        assert_eq!(elsewhere.len(), 1);
        assert_eq!(elsewhere[0]["assignee_id"], ben_id.as_str());
        assert_eq!(elsewhere[0]["due_at"], "2026-12-18T07:00:00Z");
        assert!(app.touchpoints_of(&other.id).await.is_empty());

        // A retry with the same key is answered again, and schedules nothing more.
        let again = send("holiday-2026").await.unwrap();
        assert_eq!(again.status(), StatusCode::OK);
        assert_eq!(again.json::<Value>().await.unwrap()["scheduled"], 2);
        assert_eq!(app.touchpoints_of(&berlin.id).await.len(), 1);
        assert_eq!(app.touchpoints_of(&anywhere.id).await.len(), 1);

        // Agents do not run campaigns.
        assert_problem(app.post(&path, &ann, &greetings()).await, 403).await;
    }
);

db_test!(
    bad_campaigns_are_refused_and_schedule_nothing,
    |app: TestApp| async move {
        let mut ids = Vec::new();
        for name in ["A", "B", "C"] {
            ids.push(
                app.create_customer(&app.admin_token, &json!({"name": name}))
                    .await
                    .id,
            );
        }
        let everyone = segment(
            &app,
            json!({"name": "Everyone", "kind": "dynamic", "rule": {"field": "name", "op": "is_not_null"}}),
        )
        .await;
        let path = format!("/api/v1/segments/{everyone}/touchpoints");
        let token = app.admin_token.clone();

        let mut blank = greetings();
        blank["title"] = json!("  ");
        assert_eq!(
            error_fields(&assert_problem(app.post(&path, &token, &blank).await, 422).await),
            ["title"]
        );
        let mut unknown = greetings();
        unknown["channel"] = json!("pigeon");
        assert_problem(app.post(&path, &token, &unknown).await, 422).await;
        let mut extra = greetings();
        extra["customer_id"] = json!(ids[0]);
        assert_problem(app.post(&path, &token, &extra).await, 422).await;
        let malformed = app
            .request(Method::POST, &path, &token)
            .header("Content-Type", "application/json")
            .body("{\"title\": ")
            .send()
            .await
            .unwrap();
        assert_problem(malformed, 400).await;
        assert_problem(
            app.post(
                "/api/v1/segments/01932c9b-7777-7000-8000-000000000001/touchpoints",
                &token,
                &greetings(),
            )
            .await,
            404,
        )
        .await;
        assert_problem(
            app.post(
                "/api/v1/segments/not-an-id/touchpoints",
                &token,
                &greetings(),
            )
            .await,
            404,
        )
        .await;
        for id in &ids {
            assert!(app.touchpoints_of(id).await.is_empty());
        }
    }
);

db_test!(
    campaigns_beyond_the_bound_are_refused_whole,
    with[("RAPPORT_CAMPAIGN_MAX_MEMBERS", "2")],
    |app: TestApp| async move {
        let mut ids = Vec::new();
        for name in ["A", "B", "C"] {
            ids.push(
                app.create_customer(&app.admin_token, &json!({"name": name}))
                    .await
                    .id,
            );
        }
        let everyone = segment(
            &app,
            json!({"name": "Everyone", "kind": "dynamic", "rule": {"field": "name", "op": "is_not_null"}}),
        )
        .await;
        let res = app
            .post(
                &format!("/api/v1/segments/{everyone}/touchpoints"),
                &app.admin_token,
                &greetings(),
            )
            .await;
        let problem = assert_problem(res, 422).await;
        assert_eq!(error_fields(&problem), ["segment_id"]);
        assert!(problem.to_string().contains("at most 2"), "{problem}");
        for id in &ids {
            assert!(app.touchpoints_of(id).await.is_empty());
        }
    }
);
