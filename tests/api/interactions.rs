use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn log(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post("/api/v1/interactions", token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "log interaction");
    res.json().await.unwrap()
}

db_test!(
    contact_times_follow_the_newest_interaction,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "Contacted"})).await;
        let cid = c.id.as_str();

        let newest = log(&app, t, json!({"customer_id": cid, "channel": "phone", "direction": "outbound", "occurred_at": "2026-03-10T10:00:00Z", "satisfaction": 4.0})).await;
        assert_eq!(newest["satisfaction"], 4);
        assert_eq!(
            newest["user_id"],
            app.get("/api/v1/me", t)
                .await
                .json::<Value>()
                .await
                .unwrap()["id"]
        );
        let after = app.get_customer(cid).await;
        assert_eq!(
            after.last_contacted_at.as_deref(),
            Some("2026-03-10T10:00:00Z")
        );
        assert_eq!(
            after.last_outbound_at.as_deref(),
            Some("2026-03-10T10:00:00Z")
        );
        assert_eq!(after.last_inbound_at, None);

        // A back-dated interaction does not move the contact time backwards.
        let older = log(&app, t, json!({"customer_id": cid, "channel": "email", "direction": "inbound", "occurred_at": "2026-01-05T08:00:00Z"})).await;
        let after = app.get_customer(cid).await;
        assert_eq!(
            after.last_contacted_at.as_deref(),
            Some("2026-03-10T10:00:00Z")
        );
        assert_eq!(
            after.last_inbound_at.as_deref(),
            Some("2026-01-05T08:00:00Z")
        );

        // Deleting the newest recomputes from what remains.
        let res = app
            .call(
                Method::DELETE,
                &format!("/api/v1/interactions/{}", newest["id"].as_str().unwrap()),
                t,
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let after = app.get_customer(cid).await;
        assert_eq!(
            after.last_contacted_at.as_deref(),
            Some("2026-01-05T08:00:00Z")
        );
        assert_eq!(after.last_outbound_at, None);

        // Moving the remaining one changes the times too.
        let path = format!("/api/v1/interactions/{}", older["id"].as_str().unwrap());
        let moved: Value = app
            .patch(
                &path,
                t,
                &json!({"occurred_at": "2026-02-01T09:30:00Z", "direction": "outbound"}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(moved["version"], 2);
        let after = app.get_customer(cid).await;
        assert_eq!(
            after.last_contacted_at.as_deref(),
            Some("2026-02-01T09:30:00Z")
        );
        assert_eq!(after.last_inbound_at, None);
        assert_eq!(
            after.last_outbound_at.as_deref(),
            Some("2026-02-01T09:30:00Z")
        );

        let res = app.call(Method::DELETE, &path, t, None).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.get_customer(cid).await.last_contacted_at, None);
    }
);

db_test!(
    invalid_interactions_are_refused,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app.create_customer(t, &json!({"name": "C"})).await;
        let cid = c.id.as_str();
        let future = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
        for (body, field) in [
            (
                json!({"customer_id": cid, "channel": "phone", "direction": "outbound", "occurred_at": future}),
                "occurred_at",
            ),
            (
                json!({"customer_id": cid, "channel": "pigeon", "direction": "outbound"}),
                "channel",
            ),
            (
                json!({"customer_id": cid, "channel": "phone", "direction": "sideways"}),
                "direction",
            ),
            (
                json!({"customer_id": cid, "channel": "phone", "direction": "inbound", "satisfaction": 6}),
                "satisfaction",
            ),
            (
                json!({"customer_id": cid, "channel": "phone", "direction": "inbound", "satisfaction": 2.5}),
                "satisfaction",
            ),
            (
                json!({"customer_id": uuid::Uuid::now_v7(), "channel": "phone", "direction": "inbound"}),
                "customer_id",
            ),
            (
                json!({"channel": "phone", "direction": "inbound"}),
                "customer_id",
            ),
        ] {
            let problem =
                assert_problem(app.post("/api/v1/interactions", t, &body).await, 422).await;
            assert_eq!(error_fields(&problem), vec![field.to_string()], "{body}");
        }
        let list: Value = app
            .get("/api/v1/interactions", t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"], json!([]));
        assert_eq!(app.get_customer(cid).await.last_contacted_at, None);
    }
);

db_test!(interactions_filter_and_page, |app: TestApp| async move {
    let t = &app.admin_token;
    let a = app.create_customer(t, &json!({"name": "A"})).await;
    let b = app.create_customer(t, &json!({"name": "B"})).await;
    for (i, (c, ch)) in [
        (&a, "phone"),
        (&a, "email"),
        (&b, "visit"),
        (&a, "phone"),
        (&b, "phone"),
    ]
    .iter()
    .enumerate()
    {
        log(&app, t, json!({"customer_id": c.id, "channel": ch, "direction": "outbound", "occurred_at": format!("2026-05-0{}T10:00:00Z", i + 1)})).await;
    }
    let get = |q: &str| {
        let app = &app;
        let q = q.to_string();
        async move {
            app.get(&format!("/api/v1/interactions?{q}"), &app.admin_token)
                .await
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let days = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["occurred_at"].as_str().unwrap()[8..10].to_string())
            .collect()
    };
    assert_eq!(days(&get("").await), vec!["05", "04", "03", "02", "01"]);
    assert_eq!(
        days(&get(&format!("customer_id={}", a.id.as_str())).await),
        vec!["04", "02", "01"]
    );
    assert_eq!(days(&get("channel=phone").await), vec!["05", "04", "01"]);
    assert_eq!(
        days(&get("from=2026-05-02T00:00:00Z&to=2026-05-04T00:00:00Z").await),
        vec!["03", "02"]
    );
    let first = get("limit=2").await;
    assert_eq!(days(&first), vec!["05", "04"]);
    let second = get(&format!(
        "limit=2&cursor={}",
        first["next_cursor"].as_str().unwrap()
    ))
    .await;
    assert_eq!(days(&second), vec!["03", "02"]);
    let third = get(&format!(
        "limit=2&cursor={}",
        second["next_cursor"].as_str().unwrap()
    ))
    .await;
    assert_eq!(days(&third), vec!["01"]);
    assert_eq!(third["next_cursor"], Value::Null);
    assert_problem(app.get("/api/v1/interactions?channel=pigeon", t).await, 422).await;
});

db_test!(
    agents_only_reach_their_customers_interactions,
    |app: TestApp| async move {
        let (_, mine) = app.user_with_role("agent").await;
        let (_, other) = app.user_with_role("agent").await;
        let (_, viewer) = app.user_with_role("viewer").await;
        let c = app.create_customer(&mine, &json!({"name": "Mine"})).await;
        let i = log(
            &app,
            &mine,
            json!({"customer_id": c.id, "channel": "phone", "direction": "outbound"}),
        )
        .await;
        let path = format!("/api/v1/interactions/{}", i["id"].as_str().unwrap());

        assert_problem(app.get(&path, &other).await, 404).await;
        assert_problem(
            app.patch(&path, &other, &json!({"summary": "x"})).await,
            404,
        )
        .await;
        assert_problem(app.call(Method::DELETE, &path, &other, None).await, 404).await;
        let listed: Value = app
            .get("/api/v1/interactions", &other)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(listed["items"], json!([]));
        let refused = app
            .post(
                "/api/v1/interactions",
                &other,
                &json!({"customer_id": c.id, "channel": "phone", "direction": "outbound"}),
            )
            .await;
        assert_eq!(
            error_fields(&assert_problem(refused, 422).await),
            vec!["customer_id"]
        );

        assert_eq!(app.get(&path, &viewer).await.status(), StatusCode::OK);
        assert_problem(
            app.patch(&path, &viewer, &json!({"summary": "x"})).await,
            403,
        )
        .await;
        let stale = app
            .client
            .patch(app.url(&path))
            .bearer_auth(&mine)
            .header("If-Match", "\"9\"")
            .json(&json!({"summary": "late"}))
            .send()
            .await
            .unwrap();
        assert_problem(stale, 412).await;
        let stored: Value = app.get(&path, &mine).await.json().await.unwrap();
        assert_eq!(stored["summary"], Value::Null);
    }
);
