//! Rate limits per caller: each user and each API key has its own bucket, sized by role, and
//! every authenticated answer says where the caller stands.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

fn header(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
}

db_test!(
    each_caller_has_its_own_bucket_and_is_told_where_it_stands,
    with[("RAPPORT_RATE_LIMITS", "agent=3/60,api_key=2/60")],
    |app: TestApp| async move {
        let (_, agent) = app.user_with_role("agent").await;
        for remaining in [2, 1, 0] {
            let res = app.get("/api/v1/me", &agent).await;
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(
                header(&res, "ratelimit-policy").as_deref(),
                Some("\"agent\";q=3;w=60")
            );
            let full_in = 20 * (3 - remaining);
            assert_eq!(
                header(&res, "ratelimit"),
                Some(format!("\"agent\";r={remaining};t={full_in}"))
            );
        }
        let res = app.get("/api/v1/customers", &agent).await;
        assert_eq!(header(&res, "retry-after").as_deref(), Some("20"));
        assert_eq!(
            header(&res, "ratelimit").as_deref(),
            Some("\"agent\";r=0;t=60")
        );
        let problem = assert_problem(res, 429).await;
        assert_eq!(
            problem["type"],
            "https://rapport.dev/problems/too-many-requests"
        );
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("3 requests in 60 s"),
            "{problem}"
        );
        // A write is refused before it is made.
        let res = app
            .post("/api/v1/customers", &agent, &json!({"name": "Never made"}))
            .await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        let admin_view: Value = app
            .get("/api/v1/customers?q=Never", &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(admin_view["items"], json!([]));

        // Another agent, and the admin (the default policy), are not held back.
        let (_, other) = app.user_with_role("agent").await;
        let res = app.get("/api/v1/me", &other).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            header(&res, "ratelimit").as_deref(),
            Some("\"agent\";r=2;t=20")
        );
        let res = app.get("/api/v1/me", &app.admin_token).await;
        assert_eq!(
            header(&res, "ratelimit-policy").as_deref(),
            Some("\"admin\";q=600;w=60")
        );
        // What needs no caller carries no standing.
        let res = app
            .client
            .get(app.url("/health/live"))
            .send()
            .await
            .unwrap();
        assert!(header(&res, "ratelimit").is_none());
    }
);

db_test!(
    an_api_key_has_a_bucket_of_its_own,
    with[("RAPPORT_RATE_LIMITS", "admin=100/60,api_key=2/60")],
    |app: TestApp| async move {
        let res = app
            .post(
                "/api/v1/api-keys",
                &app.admin_token,
                &json!({"name": "Sync", "role": "manager"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let key = res.json::<Value>().await.unwrap()["secret"]
            .as_str()
            .unwrap()
            .to_string();
        for _ in 0..2 {
            let res = app.get("/api/v1/customers", &key).await;
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(
                header(&res, "ratelimit-policy").as_deref(),
                Some("\"api_key\";q=2;w=60")
            );
        }
        let res = app.get("/api/v1/customers", &key).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(header(&res, "retry-after").as_deref(), Some("30"));
        // The person who made it is not held back by it.
        let res = app.get("/api/v1/customers", &app.admin_token).await;
        assert_eq!(res.status(), StatusCode::OK);
        // GET of one customer, which authenticates in its own way, is counted too.
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Counted"}))
            .await;
        let path = format!("/api/v1/customers/{}", customer.id);
        let res = app.get(&path, &key).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    }
);

db_test!(
    limits_off_send_no_standing,
    with[("RAPPORT_RATE_LIMITS", "off")],
    |app: TestApp| async move {
        let res = app.get("/api/v1/me", &app.admin_token).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(header(&res, "ratelimit").is_none());
        assert!(header(&res, "ratelimit-policy").is_none());
    }
);
