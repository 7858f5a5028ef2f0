use reqwest::StatusCode;
use serde_json::json;

use crate::db_test;
use crate::helpers::*;

db_test!(
    sign_in_returns_a_bearer_token_and_me,
    |app: TestApp| async move {
        let res = app
            .client
            .post(app.url("/api/v1/auth/token"))
            .json(&json!({"email": "ADMIN@example.com", "password": ADMIN_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["cache-control"], "no-store");
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["token_type"], "Bearer");
        assert_eq!(body["expires_in"], 3600);
        let token = body["access_token"].as_str().unwrap();

        let me = app.get("/api/v1/me", token).await;
        assert_eq!(me.status(), StatusCode::OK);
        assert_eq!(me.headers()["etag"], "\"1\"");
        let me: serde_json::Value = me.json().await.unwrap();
        assert_eq!(me["email"], ADMIN_EMAIL);
        assert_eq!(me["role"], "admin");
        assert!(me.get("password").is_none() && me.get("password_hash").is_none());
    }
);

db_test!(
    missing_and_bad_tokens_are_401_with_challenge,
    |app: TestApp| async move {
        use base64::Engine;
        use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
        let now = chrono::Utc::now().timestamp();
        let claims = |iss: &str, aud: &str, exp: i64| {
            B64.encode(json!({"sub": uuid::Uuid::now_v7(), "iss": iss, "aud": aud, "iat": now, "exp": exp}).to_string())
        };
        let sign = |header: &str, payload: &str, secret: &str| {
            let h = B64.encode(header);
            let unsigned = format!("{h}.{payload}");
            let key = jsonwebtoken::EncodingKey::from_secret(secret.as_bytes());
            let sig = jsonwebtoken::crypto::sign(
                unsigned.as_bytes(),
                &key,
                jsonwebtoken::Algorithm::HS256,
            )
            .unwrap();
            format!("{unsigned}.{sig}")
        };
        let hs = r#"{"alg":"HS256","typ":"JWT"}"#;
        let expired = sign(
            hs,
            &claims("rapport", "rapport-api", now - 3600),
            JWT_SECRET,
        );
        let forged = sign(
            hs,
            &claims("rapport", "rapport-api", now + 3600),
            "some-other-secret-that-is-long-enough!!",
        );
        let wrong_aud = sign(
            hs,
            &claims("rapport", "someone-else", now + 3600),
            JWT_SECRET,
        );
        let alg_none = format!(
            "{}.{}.",
            B64.encode(r#"{"alg":"none","typ":"JWT"}"#),
            claims("rapport", "rapport-api", now + 3600)
        );

        let no_auth = app
            .client
            .get(app.url("/api/v1/customers"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            no_auth.headers()["www-authenticate"],
            "Bearer realm=\"rapport\""
        );
        assert_problem(no_auth, 401).await;
        for token in [
            expired.as_str(),
            forged.as_str(),
            wrong_aud.as_str(),
            alg_none.as_str(),
            "garbage",
        ] {
            let res = app.get("/api/v1/customers", token).await;
            assert!(res.headers().contains_key("www-authenticate"));
            assert_problem(res, 401).await;
        }
        let basic = app
            .client
            .get(app.url("/api/v1/me"))
            .header("Authorization", "Basic YWRtaW46YWRtaW4=")
            .send()
            .await
            .unwrap();
        assert_problem(basic, 401).await;
    }
);

db_test!(
    wrong_passwords_are_throttled_then_refused,
    |app: TestApp| async move {
        let attempt = |password: &'static str| {
            let app = &app;
            async move {
                app.client
                    .post(app.url("/api/v1/auth/token"))
                    .json(&json!({"email": ADMIN_EMAIL, "password": password}))
                    .send()
                    .await
                    .unwrap()
            }
        };
        for _ in 0..4 {
            assert_problem(attempt("wrong").await, 401).await;
        }
        // The fifth failure locks the email; even the right password waits.
        assert_problem(attempt("wrong").await, 401).await;
        let locked = attempt(ADMIN_PASSWORD).await;
        let retry: u64 = locked.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=30).contains(&retry));
        assert_problem(locked, 429).await;

        // Unknown emails answer like wrong passwords.
        let unknown = app
            .client
            .post(app.url("/api/v1/auth/token"))
            .json(&json!({"email": "nobody@example.com", "password": "whatever"}))
            .send()
            .await
            .unwrap();
        assert_problem(unknown, 401).await;
    }
);

db_test!(
    deactivated_users_lose_access_at_once,
    |app: TestApp| async move {
        let (id, token) = app.user_with_role("viewer").await;
        assert_eq!(app.get("/api/v1/me", &token).await.status(), StatusCode::OK);
        let res = app
            .patch(
                &format!("/api/v1/users/{id}"),
                &app.admin_token,
                &json!({"active": false}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_problem(app.get("/api/v1/me", &token).await, 401).await;
    }
);

db_test!(
    guesses_sent_at_once_are_counted_one_by_one,
    |app: TestApp| async move {
        // FREE_ATTEMPTS in domain::login: the fifth failure locks the email.
        const CHECKED: usize = 5;
        for _round in 0..3 {
            let (_, email) = app.user_with_password("agent", "the-right-password").await;
            let guesses = (0..40)
                .map(|i| {
                    app.client
                        .post(app.url("/api/v1/auth/token"))
                        .json(&json!({"email": email, "password": format!("guess-{i}")}))
                })
                .collect();
            let counts = status_counts(&at_once(guesses).await);
            assert_eq!(counts.get(&401), Some(&CHECKED), "{counts:?}");
            assert_eq!(counts.get(&429), Some(&(40 - CHECKED)), "{counts:?}");
            let right = app
                .client
                .post(app.url("/api/v1/auth/token"))
                .json(&json!({"email": email, "password": "the-right-password"}))
                .send()
                .await
                .unwrap();
            assert_problem(right, 429).await;
        }
    }
);

db_test!(
    password_changes_and_deactivation_revoke_tokens,
    |app: TestApp| async move {
        let (id, email) = app.user_with_password("agent", "first-password-1").await;
        let old = app.token(&email, "first-password-1").await;
        let user = format!("/api/v1/users/{id}");

        // Other changes keep tokens working.
        let renamed = app
            .patch(&user, &app.admin_token, &json!({"name": "Renamed"}))
            .await;
        assert_eq!(renamed.status(), StatusCode::OK);
        assert_eq!(app.get("/api/v1/me", &old).await.status(), StatusCode::OK);

        let changed = app
            .patch(
                &user,
                &app.admin_token,
                &json!({"password": "second-password-2"}),
            )
            .await;
        assert_eq!(changed.status(), StatusCode::OK);
        assert_problem(app.get("/api/v1/me", &old).await, 401).await;
        assert_problem(
            app.post(
                "/api/v1/customers",
                &old,
                &json!({"name": "Not with an old token"}),
            )
            .await,
            401,
        )
        .await;
        let new = app.token(&email, "second-password-2").await;
        assert_eq!(app.get("/api/v1/me", &new).await.status(), StatusCode::OK);

        // Deactivated and reactivated: tokens from before stay revoked.
        for active in [false, true] {
            let res = app
                .patch(&user, &app.admin_token, &json!({"active": active}))
                .await;
            assert_eq!(res.status(), StatusCode::OK);
        }
        assert_problem(app.get("/api/v1/me", &new).await, 401).await;
        let fresh = app.token(&email, "second-password-2").await;
        assert_eq!(app.get("/api/v1/me", &fresh).await.status(), StatusCode::OK);
    }
);
