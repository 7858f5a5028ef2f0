use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

db_test!(admins_manage_users, |app: TestApp| async move {
    let res = app
        .post(
            "/api/v1/users",
            &app.admin_token,
            &json!({"email": "Sam@Example.com", "name": "Sam", "role": "agent", "password": "correct horse battery"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let user: Value = res.json().await.unwrap();
    assert_eq!(user["email"], "sam@example.com");
    assert_eq!(user["active"], true);
    assert!(user.get("password").is_none() && user.get("password_hash").is_none());
    let path = format!("/api/v1/users/{}", user["id"].as_str().unwrap());

    let dup = app
        .post(
            "/api/v1/users",
            &app.admin_token,
            &json!({"email": "sam@example.com", "name": "Sam 2", "role": "agent", "password": "correct horse battery"}),
        )
        .await;
    assert_problem(dup, 409).await;

    let changed: Value = app
        .patch(
            &path,
            &app.admin_token,
            &json!({"role": "manager", "password": "a new long password"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(changed["role"], "manager");
    assert_eq!(changed["version"], 2);
    app.token("sam@example.com", "a new long password").await;

    let list: Value = app
        .get("/api/v1/users?role=manager", &app.admin_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let page: Value = app
        .get("/api/v1/users?limit=1", &app.admin_token)
        .await
        .json()
        .await
        .unwrap();
    let cursor = page["next_cursor"].as_str().unwrap();
    let next: Value = app
        .get(
            &format!("/api/v1/users?limit=1&cursor={cursor}"),
            &app.admin_token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(next["items"][0]["email"], "sam@example.com");

    let short = app
        .post(
            "/api/v1/users",
            &app.admin_token,
            &json!({"email": "x@example.com", "name": "X", "role": "agent", "password": "short"}),
        )
        .await;
    assert_eq!(
        error_fields(&assert_problem(short, 422).await),
        vec!["password"]
    );
    let bad_role = app
        .post(
            "/api/v1/users",
            &app.admin_token,
            &json!({"email": "x@example.com", "name": "X", "role": "root", "password": "long enough password"}),
        )
        .await;
    assert_eq!(
        error_fields(&assert_problem(bad_role, 422).await),
        vec!["role"]
    );
});

db_test!(only_admins_reach_users, |app: TestApp| async move {
    let (_, manager) = app.user_with_role("manager").await;
    assert_problem(app.get("/api/v1/users", &manager).await, 403).await;
    let res = app
        .post(
            "/api/v1/users",
            &manager,
            &json!({"email": "x@example.com", "name": "X", "role": "admin", "password": "long enough password"}),
        )
        .await;
    assert_problem(res, 403).await;
    let list: Value = app
        .get("/api/v1/users", &app.admin_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
});

db_test!(
    owners_and_the_last_admin_cannot_be_deactivated,
    |app: TestApp| async move {
        let (agent, agent_token) = app.user_with_role("agent").await;
        app.create_customer(&agent_token, &json!({"name": "Kept"}))
            .await;
        let res = app
            .patch(
                &format!("/api/v1/users/{agent}"),
                &app.admin_token,
                &json!({"active": false}),
            )
            .await;
        assert_problem(res, 409).await;
        let stored: Value = app
            .get(&format!("/api/v1/users/{agent}"), &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(stored["active"], true);

        let me: Value = app
            .get("/api/v1/me", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        let res = app
            .patch(
                &format!("/api/v1/users/{}", me["id"].as_str().unwrap()),
                &app.admin_token,
                &json!({"role": "viewer"}),
            )
            .await;
        assert_problem(res, 409).await;

        // With another admin, still nobody steps down by themselves; the other admin may.
        let (_, other_admin) = app.user_with_role("admin").await;
        let me_path = format!("/api/v1/users/{}", me["id"].as_str().unwrap());
        for body in [json!({"role": "manager"}), json!({"active": false})] {
            let res = app.patch(&me_path, &app.admin_token, &body).await;
            let problem = assert_problem(res, 409).await;
            assert!(problem["detail"].as_str().unwrap().contains("themselves"));
        }
        let res = app
            .patch(&me_path, &other_admin, &json!({"role": "manager"}))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);
