use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

db_test!(
    agents_reach_only_their_own_customers,
    |app: TestApp| async move {
        let (agent_a, token_a) = app.user_with_role("agent").await;
        let (_agent_b, token_b) = app.user_with_role("agent").await;
        let mine = app
            .create_customer(&token_a, &json!({"name": "Mine"}))
            .await;
        assert_eq!(mine.owner_id, agent_a.as_str());
        app.create_customer(&token_b, &json!({"name": "Theirs"}))
            .await;
        let path = format!("/api/v1/customers/{}", mine.id.as_str());

        // The other agent cannot tell the customer exists.
        assert_problem(app.get(&path, &token_b).await, 404).await;
        assert_problem(
            app.patch(&path, &token_b, &json!({"name": "Hijacked"}))
                .await,
            404,
        )
        .await;
        assert_problem(app.call(Method::DELETE, &path, &token_b, None).await, 404).await;
        let list: Value = app
            .get("/api/v1/customers", &token_b)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&list), vec!["Theirs"]);
        assert_eq!(app.get_customer(mine.id.as_str()).await.name, "Mine");

        // Agents cannot create customers for someone else, nor reassign.
        let (other, _) = app.user_with_role("agent").await;
        assert_problem(
            app.post(
                "/api/v1/customers",
                &token_a,
                &json!({"name": "X", "owner_id": other}),
            )
            .await,
            403,
        )
        .await;
        assert_problem(
            app.patch(&path, &token_a, &json!({"owner_id": other}))
                .await,
            403,
        )
        .await;
    }
);

db_test!(
    viewers_read_everything_and_change_nothing,
    |app: TestApp| async move {
        let c = app
            .create_customer(&app.admin_token, &json!({"name": "Eve"}))
            .await;
        let (_, viewer) = app.user_with_role("viewer").await;
        let path = format!("/api/v1/customers/{}", c.id.as_str());
        assert_eq!(app.get(&path, &viewer).await.status(), StatusCode::OK);
        assert_problem(
            app.post("/api/v1/customers", &viewer, &json!({"name": "New"}))
                .await,
            403,
        )
        .await;
        assert_problem(
            app.patch(&path, &viewer, &json!({"name": "Changed"})).await,
            403,
        )
        .await;
        assert_problem(app.call(Method::DELETE, &path, &viewer, None).await, 403).await;
        assert_eq!(app.get_customer(c.id.as_str()).await.name, "Eve");
        // Viewers cannot own customers.
        let (viewer_id, _) = app.user_with_role("viewer").await;
        let problem = assert_problem(
            app.post(
                "/api/v1/customers",
                &app.admin_token,
                &json!({"name": "X", "owner_id": viewer_id}),
            )
            .await,
            422,
        )
        .await;
        assert_eq!(error_fields(&problem), vec!["owner_id"]);
    }
);

db_test!(
    references_to_unseen_customers_read_as_missing,
    |app: TestApp| async move {
        let (_, token_a) = app.user_with_role("agent").await;
        let (_, token_b) = app.user_with_role("agent").await;
        let theirs = app
            .create_customer(&token_b, &json!({"name": "Not yours"}))
            .await;
        let mine = app
            .create_customer(&token_a, &json!({"name": "Yours"}))
            .await;
        let random = uuid::Uuid::now_v7().to_string();

        let mut answers = Vec::new();
        for referrer in [&theirs.id, &random] {
            let created = app
                .post(
                    "/api/v1/customers",
                    &token_a,
                    &json!({"name": "Referred", "referred_by_id": referrer}),
                )
                .await;
            let created = assert_problem(created, 422).await;
            let patched = app
                .patch(
                    &format!("/api/v1/customers/{}", mine.id),
                    &token_a,
                    &json!({"referred_by_id": referrer}),
                )
                .await;
            let patched = assert_problem(patched, 422).await;
            answers.push((created["errors"].clone(), patched["errors"].clone()));
        }
        // Another agent's customer and no customer at all are answered alike.
        assert_eq!(answers[0], answers[1]);
        assert_eq!(answers[0].0[0]["field"], "referred_by_id");
        assert_eq!(app.get_customer(&mine.id).await.version, mine.version);

        // Interactions name their customer too.
        for customer in [&theirs.id, &random] {
            let res = app
                .post(
                    "/api/v1/interactions",
                    &token_a,
                    &json!({"customer_id": customer, "channel": "phone", "direction": "outbound"}),
                )
                .await;
            assert_eq!(
                error_fields(&assert_problem(res, 422).await),
                ["customer_id"]
            );
        }
    }
);
