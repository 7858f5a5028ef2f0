//! The hot reads, counted in statements on the server's pool: a customer by id is one
//! statement, the token's check riding along in it, and still refuses a token the moment
//! its user's password changes or the user is deactivated; a list page costs the same
//! statements for 2 customers as for 12.

use reqwest::StatusCode;
use serde_json::json;

use crate::db_test;
use crate::helpers::*;

db_test!(
    a_customer_by_id_is_one_statement_with_the_token_checked_in_it,
    |app: TestApp| async move {
        let (_, token) = app.user_with_role("agent").await;
        let c = app
            .create_customer(
                &token,
                &json!({"name": "Ada Lovelace", "tags": ["vip", "analyst"]}),
            )
            .await;
        let path = format!("/api/v1/customers/{}", c.id);
        let (statements, body) = app.statements_for(&path, &token).await;
        assert_eq!(statements, 1, "one round trip for a customer by id");
        assert_eq!(body["id"], c.id.as_str());
        assert_eq!(body["tags"], json!(["analyst", "vip"]));
        assert_eq!(body["overdue_touchpoints"], 0);

        // Another agent does not see it; a manager does.
        let (_, other) = app.user_with_role("agent").await;
        assert_problem(app.get(&path, &other).await, 404).await;
        let (_, manager) = app.user_with_role("manager").await;
        assert_eq!(app.get(&path, &manager).await.status(), StatusCode::OK);

        // No token, a token that is not ours, and an id nobody has.
        assert_problem(
            app.client
                .get(app.url(&path))
                .send()
                .await
                .expect("request"),
            401,
        )
        .await;
        assert_problem(app.get(&path, "not-a-token").await, 401).await;
        let missing = format!("/api/v1/customers/{}", uuid::Uuid::now_v7());
        assert_problem(app.get(&missing, &token).await, 404).await;
    }
);

db_test!(
    a_revoked_token_cannot_read_a_customer_by_id,
    |app: TestApp| async move {
        let (id, email) = app.user_with_password("agent", "first-password-1").await;
        let token = app.token(&email, "first-password-1").await;
        let c = app
            .create_customer(&token, &json!({"name": "Grace Hopper"}))
            .await;
        let path = format!("/api/v1/customers/{}", c.id);
        let missing = format!("/api/v1/customers/{}", uuid::Uuid::now_v7());
        assert_eq!(app.get(&path, &token).await.status(), StatusCode::OK);

        let user = format!("/api/v1/users/{id}");
        let changed = app
            .patch(
                &user,
                &app.admin_token,
                &json!({"password": "second-password-2"}),
            )
            .await;
        assert_eq!(changed.status(), StatusCode::OK);
        assert_problem(app.get(&path, &token).await, 401).await;
        // Whether or not the customer exists: the token is what is refused.
        assert_problem(app.get(&missing, &token).await, 401).await;

        let fresh = app.token(&email, "second-password-2").await;
        assert_eq!(app.get(&path, &fresh).await.status(), StatusCode::OK);
        let me: serde_json::Value = app
            .get("/api/v1/me", &app.admin_token)
            .await
            .json()
            .await
            .expect("me");
        let deactivated = app
            .patch(
                &user,
                &app.admin_token,
                &json!({"active": false, "reassign_to": me["id"]}),
            )
            .await;
        assert_eq!(deactivated.status(), StatusCode::OK);
        assert_problem(app.get(&path, &fresh).await, 401).await;
    }
);

db_test!(
    a_list_page_costs_the_same_statements_for_any_length,
    |app: TestApp| async move {
        let (_, token) = app.user_with_role("agent").await;
        for n in 0..12 {
            app.create_customer(
                &token,
                &json!({"name": format!("Customer {n}"), "tags": ["listed"]}),
            )
            .await;
        }
        let (short, body) = app
            .statements_for("/api/v1/customers?limit=2&sort=-last_contacted_at", &token)
            .await;
        assert_eq!(body["items"].as_array().expect("items").len(), 2);
        let (long, body) = app
            .statements_for("/api/v1/customers?limit=12&sort=-last_contacted_at", &token)
            .await;
        assert_eq!(body["items"].as_array().expect("items").len(), 12);
        assert!(
            body["items"]
                .as_array()
                .expect("items")
                .iter()
                .all(|c| c["tags"] == json!(["listed"]))
        );
        assert_eq!(short, long);
        // The token's check, the page, and the tags and overdue counts of all its customers.
        assert_eq!(long, 3);
    }
);
