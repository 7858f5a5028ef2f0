use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn post_with_key(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/customers"))
        .bearer_auth(&app.admin_token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

db_test!(
    retries_replay_the_first_response,
    |app: TestApp| async move {
        let body = json!({"name": "Once"});
        let first = post_with_key(&app, "key-1", &body).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let location = first.headers()["location"].clone();
        let first: Value = first.json().await.unwrap();

        let retry = post_with_key(&app, "key-1", &body).await;
        assert_eq!(retry.status(), StatusCode::CREATED);
        assert_eq!(retry.headers()["idempotent-replayed"], "true");
        assert_eq!(retry.headers()["location"], location);
        assert_eq!(retry.headers()["etag"], "\"1\"");
        assert_eq!(retry.json::<Value>().await.unwrap(), first);

        let list: Value = app
            .get("/api/v1/customers", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"].as_array().unwrap().len(), 1);

        // Same key, different body: refused, nothing created.
        let other = post_with_key(&app, "key-1", &json!({"name": "Twice"})).await;
        assert_eq!(
            error_fields(&assert_problem(other, 422).await),
            vec!["Idempotency-Key"]
        );
        // Another key acts again.
        assert_eq!(
            post_with_key(&app, "key-2", &body).await.status(),
            StatusCode::CREATED
        );
        let list: Value = app
            .get("/api/v1/customers", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"].as_array().unwrap().len(), 2);
    }
);

db_test!(
    failed_requests_are_replayed_as_they_were,
    |app: TestApp| async move {
        let bad = json!({"name": "A", "tier": "gold"});
        assert_problem(post_with_key(&app, "bad", &bad).await, 422).await;
        let again = post_with_key(&app, "bad", &bad).await;
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_problem(again, 422).await;
        let long_key = "k".repeat(300);
        assert_problem(
            post_with_key(&app, &long_key, &json!({"name": "A"})).await,
            422,
        )
        .await;
    }
);

db_test!(
    deactivated_callers_get_no_replays,
    |app: TestApp| async move {
        let (id, token) = app.user_with_role("agent").await;
        let send = || {
            app.request(reqwest::Method::POST, "/api/v1/customers", &token)
                .header("Idempotency-Key", "mine")
                .json(&json!({"name": "Private"}))
                .send()
        };
        assert_eq!(send().await.unwrap().status(), StatusCode::CREATED);
        let owned: Value = app
            .get(
                &format!("/api/v1/customers?owner_id={id}"),
                &app.admin_token,
            )
            .await
            .json()
            .await
            .unwrap();
        let customer = owned["items"][0]["id"].as_str().unwrap().to_string();
        // Hand the customer over so that the user can be deactivated.
        let (other, _) = app.user_with_role("agent").await;
        let res = app
            .patch(
                &format!("/api/v1/users/{id}"),
                &app.admin_token,
                &json!({"active": false, "reassign_to": other}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let replay = send().await.unwrap();
        assert!(!replay.headers().contains_key("idempotent-replayed"));
        let problem = assert_problem(replay, 401).await;
        assert!(!problem.to_string().contains(&customer));
    }
);

db_test!(
    sign_in_answers_are_never_stored,
    |app: TestApp| async move {
        let sign_in = |password: &str| {
            app.client
                .post(app.url("/api/v1/auth/token"))
                .bearer_auth(&app.admin_token)
                .header("Idempotency-Key", "sign-in")
                .json(&json!({"email": ADMIN_EMAIL, "password": password}))
                .send()
        };
        let first = sign_in(ADMIN_PASSWORD).await.unwrap();
        assert_eq!(first.status(), StatusCode::OK);
        // Had the first answer been kept, this would be its replay or a 422 for reusing the key.
        let wrong = sign_in("not-the-password").await.unwrap();
        assert!(!wrong.headers().contains_key("idempotent-replayed"));
        assert_problem(wrong, 401).await;
        let again = sign_in(ADMIN_PASSWORD).await.unwrap();
        assert_eq!(again.status(), StatusCode::OK);
        assert!(!again.headers().contains_key("idempotent-replayed"));
    }
);

db_test!(
    long_targets_with_a_key_are_kept_not_500,
    |app: TestApp| async move {
        let long = "x".repeat(3000);
        for path in [
            format!("/api/v1/customers?note={long}"),
            format!("/api/v1/{long}"),
        ] {
            let send = || {
                app.request(reqwest::Method::POST, &path, &app.admin_token)
                    .header("Idempotency-Key", format!("long-{}", path.len()))
                    .json(&json!({"name": "Long"}))
                    .send()
            };
            let first = send().await.unwrap();
            let status = first.status();
            assert!(status.is_client_error() || status.is_success(), "{status}");
            let again = send().await.unwrap();
            assert_eq!(again.status(), status);
            assert_eq!(again.headers()["idempotent-replayed"], "true");
        }
    }
);

db_test!(
    one_key_sent_at_once_has_one_effect,
    |app: TestApp| async move {
        for round in 0..3 {
            let key = format!("burst-{round}");
            let name = format!("Burst {round}");
            let requests = (0..12)
                .map(|_| {
                    app.request(reqwest::Method::POST, "/api/v1/customers", &app.admin_token)
                        .header("Idempotency-Key", &key)
                        .json(&json!({"name": name}))
                })
                .collect();
            let responses = at_once(requests).await;
            let counts = status_counts(&responses);
            // The first to claim the key creates; the others replay it or hear it is in progress.
            assert!(counts.keys().all(|s| *s == 201 || *s == 409), "{counts:?}");
            let found: Value = app
                .get(
                    &format!("/api/v1/customers?q={}", name.replace(' ', "+")),
                    &app.admin_token,
                )
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(names(&found), vec![name.clone()]);
        }
    }
);
