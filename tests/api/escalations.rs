//! Escalation of missed deadlines by the scheduler pass, once per deadline however often and
//! wherever it runs; open complaints moving with hand-offs and deactivations.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::complaints::{events, get_complaint, move_to, receive};
use crate::db_test;
use crate::helpers::*;

/// Runs every scheduler pass; answers how many escalations the pass made.
async fn escalate(app: &TestApp) -> u64 {
    let res = app
        .post("/api/v1/scheduler/run", &app.admin_token, &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    escalations_in(&res.json::<Value>().await.unwrap())
}

fn escalations_in(run: &Value) -> u64 {
    run["passes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "complaint_escalations")
        .unwrap()["affected"]
        .as_u64()
        .unwrap()
}

fn escalation_events(history: &[Value]) -> Vec<Value> {
    history
        .iter()
        .filter(|e| e["kind"] == "escalation")
        .cloned()
        .collect()
}

async fn admin_id(app: &TestApp) -> String {
    let me: Value = app
        .get("/api/v1/me", &app.admin_token)
        .await
        .json()
        .await
        .unwrap();
    me["id"].as_str().unwrap().to_string()
}

db_test!(
    missed_deadlines_escalate_once_each_up_to_an_admin,
    |app: TestApp| async move {
        let (agent_id, agent) = app.user_with_role("agent").await;
        let (manager_id, _) = app.user_with_role("manager").await;
        let admin = admin_id(&app).await;
        let customer = app
            .create_customer(&agent, &json!({"name": "Escalated"}))
            .await;
        // Received two hours ago, critical: the 1-hour first response is missed already.
        let received = Utc::now() - Duration::hours(2);
        let c = receive(&app, &agent, json!({"customer_id": customer.id, "subject": "Outage", "severity": "critical", "received_at": rfc3339(received)})).await;
        let cid = c["id"].as_str().unwrap().to_string();
        assert_eq!(c["breached"], true);
        let calm = receive(
            &app,
            &agent,
            json!({"customer_id": customer.id, "subject": "Not yet due", "severity": "low"}),
        )
        .await;

        assert_eq!(escalate(&app).await, 1);
        let first = get_complaint(&app, &cid).await;
        assert_eq!(first["escalation_level"], 1);
        assert_eq!(
            first["assignee_id"],
            manager_id.as_str(),
            "a manager takes over from the agent"
        );
        assert_eq!(first["version"], 2);
        let e = escalation_events(&events(&app, &cid).await);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0]["details"]["deadline"], "first_response");
        assert_eq!(e[0]["details"]["level"], 1);
        assert_eq!(e[0]["details"]["from_assignee_id"], agent_id.as_str());
        assert!(e[0]["actor_id"].is_null());
        assert_eq!(
            at(&e[0]["details"]["due_at"]),
            at(&first["first_response_due_at"])
        );
        // Repeated passes find nothing more to do.
        assert_eq!(escalate(&app).await, 0);
        assert_eq!(escalate(&app).await, 0);
        assert_eq!(
            get_complaint(&app, calm["id"].as_str().unwrap()).await["escalation_level"],
            0
        );

        // Answered, but not resolved within 24 hours: level 2 goes to an admin.
        move_to(&app, &agent, &cid, json!({"to": "acknowledged"})).await;
        move_to(&app, &agent, &cid, json!({"to": "in_progress"})).await;
        app.clock.advance(Duration::hours(21));
        assert_eq!(
            escalate(&app).await,
            0,
            "the resolution deadline is still ahead"
        );
        app.clock.advance(Duration::hours(2));
        assert_eq!(escalate(&app).await, 1);
        let second = get_complaint(&app, &cid).await;
        assert_eq!(
            (
                second["escalation_level"].as_i64(),
                second["assignee_id"].as_str()
            ),
            (Some(2), Some(admin.as_str()))
        );
        assert_eq!(escalate(&app).await, 0);
        // One more resolution period later, once more; then never again.
        app.clock.advance(Duration::hours(22));
        assert_eq!(escalate(&app).await, 0);
        app.clock.advance(Duration::hours(2));
        assert_eq!(escalate(&app).await, 1);
        // A month on, only the low-severity complaint has work: a late pass escalates each of
        // its three missed deadlines once (72 h, 14 days, 28 days).
        app.clock.advance(Duration::days(30));
        assert_eq!(escalate(&app).await, 3);
        assert_eq!(escalate(&app).await, 0);
        let last = get_complaint(&app, &cid).await;
        assert_eq!(
            (
                last["escalation_level"].as_i64(),
                last["assignee_id"].as_str()
            ),
            (Some(3), Some(admin.as_str()))
        );
        let deadlines: Vec<String> = escalation_events(&events(&app, &cid).await)
            .iter()
            .map(|e| e["details"]["deadline"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            deadlines,
            ["first_response", "resolution", "resolution_overdue"]
        );
        assert_eq!(
            get_complaint(&app, calm["id"].as_str().unwrap()).await["escalation_level"],
            3
        );
    }
);

db_test!(
    concurrent_passes_never_escalate_a_deadline_twice,
    |app: TestApp| async move {
        let (_, agent) = app.user_with_role("agent").await;
        app.user_with_role("manager").await;
        let customer = app.create_customer(&agent, &json!({"name": "Busy"})).await;
        let received = Utc::now() - Duration::hours(2);
        let mut ids = Vec::new();
        for i in 0..5 {
            let c = receive(&app, &agent, json!({"customer_id": customer.id, "subject": format!("Late {i}"), "severity": "critical", "received_at": rfc3339(received)})).await;
            ids.push(c["id"].as_str().unwrap().to_string());
        }
        let runs = at_once(
            (0..6)
                .map(|_| {
                    app.request(Method::POST, "/api/v1/scheduler/run", &app.admin_token)
                        .json(&json!({}))
                })
                .collect(),
        )
        .await;
        let mut total = 0;
        for res in runs {
            // A pass that lost a lock race on PostgreSQL may answer 503; its work is done by the others.
            if res.status() == StatusCode::OK {
                total += escalations_in(&res.json::<Value>().await.unwrap());
            }
        }
        assert_eq!(total, 5);
        assert_eq!(escalate(&app).await, 0);
        for id in &ids {
            let c = get_complaint(&app, id).await;
            assert_eq!(c["escalation_level"], 1);
            assert_eq!(escalation_events(&events(&app, id).await).len(), 1);
        }
    }
);

db_test!(
    nothing_escalates_while_waiting_on_the_customer,
    |app: TestApp| async move {
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Patient"}))
            .await;
        let c = receive(
            &app,
            &app.admin_token,
            json!({"customer_id": customer.id, "subject": "Waiting", "severity": "critical"}),
        )
        .await;
        let cid = c["id"].as_str().unwrap().to_string();
        for to in ["acknowledged", "in_progress", "waiting_on_customer"] {
            move_to(&app, &app.admin_token, &cid, json!({"to": to})).await;
        }
        app.clock.advance(Duration::hours(30));
        assert_eq!(escalate(&app).await, 0);
        let resumed = move_to(&app, &app.admin_token, &cid, json!({"to": "in_progress"})).await;
        assert!(at(&resumed["resolution_due_at"]) > Utc::now() + Duration::hours(30));
        assert_eq!(escalate(&app).await, 0);
        app.clock.advance(Duration::hours(25));
        assert_eq!(escalate(&app).await, 1);
        assert_eq!(get_complaint(&app, &cid).await["escalation_level"], 1);
    }
);

db_test!(
    open_complaints_move_with_hand_offs_and_deactivations,
    |app: TestApp| async move {
        let (agent_a, token_a) = app.user_with_role("agent").await;
        let (agent_b, token_b) = app.user_with_role("agent").await;
        let (manager_id, manager) = app.user_with_role("manager").await;
        let customer = app
            .create_customer(&token_a, &json!({"name": "Moving"}))
            .await;
        let open = receive(
            &app,
            &token_a,
            json!({"customer_id": customer.id, "subject": "Open"}),
        )
        .await;
        let done = receive(
            &app,
            &token_a,
            json!({"customer_id": customer.id, "subject": "Done"}),
        )
        .await;
        let done_id = done["id"].as_str().unwrap().to_string();
        for step in [
            json!({"to": "acknowledged"}),
            json!({"to": "in_progress"}),
            json!({"to": "resolved", "resolution": "Fixed"}),
        ] {
            move_to(&app, &token_a, &done_id, step).await;
        }
        let closed = receive(
            &app,
            &token_a,
            json!({"customer_id": customer.id, "subject": "Closed"}),
        )
        .await;
        let closed_id = closed["id"].as_str().unwrap().to_string();
        for step in [
            json!({"to": "acknowledged"}),
            json!({"to": "in_progress"}),
            json!({"to": "resolved", "resolution": "Fixed"}),
            json!({"to": "closed", "satisfaction_after": 4}),
        ] {
            move_to(&app, &token_a, &closed_id, step).await;
        }
        let managed = receive(
            &app,
            &manager,
            json!({"customer_id": customer.id, "subject": "Managed", "assignee_id": manager_id}),
        )
        .await;

        let res = app
            .call(
                Method::PUT,
                &format!("/api/v1/customers/{}/owner", customer.id),
                &manager,
                Some(&json!({"owner_id": agent_b, "reason": "after-sale"})),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let moved = get_complaint(&app, open["id"].as_str().unwrap()).await;
        assert_eq!(moved["assignee_id"], agent_b.as_str());
        assert_eq!(moved["version"], 2);
        let assignment = events(&app, open["id"].as_str().unwrap())
            .await
            .into_iter()
            .find(|e| e["kind"] == "assignment")
            .unwrap();
        assert_eq!(
            (
                assignment["details"]["from_assignee_id"].as_str(),
                assignment["details"]["to_assignee_id"].as_str()
            ),
            (Some(agent_a.as_str()), Some(agent_b.as_str()))
        );
        assert_eq!(
            get_complaint(&app, &done_id).await["assignee_id"],
            agent_b.as_str(),
            "resolved work moves: a reopening reaches the new owner"
        );
        assert_eq!(
            get_complaint(&app, &closed_id).await["assignee_id"],
            agent_a.as_str(),
            "closed work stays"
        );
        assert_eq!(
            get_complaint(&app, managed["id"].as_str().unwrap()).await["assignee_id"],
            manager_id.as_str()
        );
        // The new owner now reaches it, the old one no longer does.
        assert_eq!(
            app.get(
                &format!("/api/v1/complaints/{}", open["id"].as_str().unwrap()),
                &token_b
            )
            .await
            .status(),
            StatusCode::OK
        );
        assert_problem(
            app.get(
                &format!("/api/v1/complaints/{}", open["id"].as_str().unwrap()),
                &token_a,
            )
            .await,
            404,
        )
        .await;

        // A user who still holds open complaints is not deactivated without a successor.
        let user_path = format!("/api/v1/users/{manager_id}");
        let res = app
            .patch(&user_path, &app.admin_token, &json!({"active": false}))
            .await;
        assert_problem(res, 409).await;
        let res = app
            .patch(
                &user_path,
                &app.admin_token,
                &json!({"active": false, "reassign_to": agent_b}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            get_complaint(&app, managed["id"].as_str().unwrap()).await["assignee_id"],
            agent_b.as_str()
        );
    }
);
