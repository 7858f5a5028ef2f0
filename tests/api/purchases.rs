use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

db_test!(
    purchases_maintain_the_value_figures,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let c = app
            .create_customer(t, &json!({"name": "Buyer", "tier": "important"}))
            .await;
        let cid = c.id.as_str();
        let path = format!("/api/v1/customers/{cid}/purchases");

        let first = app.post(&path, t, &json!({"amount_minor": 1500.0, "currency": "EUR", "occurred_at": "2026-04-01T10:00:00Z"})).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Value = first.json().await.unwrap();
        assert_eq!(first["amount_minor"], 1500);
        let second: Value = app
        .post(&path, t, &json!({"amount_minor": 2500, "currency": "EUR", "occurred_at": "2026-06-01T10:00:00Z", "description": "Renewal"}))
        .await
        .json()
        .await
        .unwrap();
        let after = app.get_customer(cid).await;
        assert_eq!(after.lifetime_value_minor, 4000);
        assert_eq!(after.lifetime_value_currency.as_deref(), Some("EUR"));
        assert_eq!(after.purchase_count, 2);
        assert_eq!(
            after.last_purchase_at.as_deref(),
            Some("2026-06-01T10:00:00Z")
        );

        // The value figures sort the customers list.
        app.create_customer(t, &json!({"name": "Browser"})).await;
        let by_value: Value = app
            .get("/api/v1/customers?sort=-lifetime_value_minor", t)
            .await
            .json()
            .await
            .unwrap();
        let names: Vec<&str> = by_value["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, vec!["Buyer", "Browser"]);
        let by_last: Value = app
            .get("/api/v1/customers?sort=last_purchase_at", t)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(by_last["items"][0]["name"], "Buyer");

        // Another currency is refused rather than summed.
        let usd = app
            .post(&path, t, &json!({"amount_minor": 100, "currency": "USD"}))
            .await;
        assert_eq!(
            error_fields(&assert_problem(usd, 422).await),
            vec!["currency"]
        );
        for (body, field) in [
            (
                json!({"amount_minor": 0, "currency": "EUR"}),
                "amount_minor",
            ),
            (
                json!({"amount_minor": 10.5, "currency": "EUR"}),
                "amount_minor",
            ),
            (json!({"amount_minor": 10, "currency": "euro"}), "currency"),
            (
                json!({"amount_minor": 10, "currency": "EUR", "occurred_at": "2999-01-01T00:00:00Z"}),
                "occurred_at",
            ),
            (json!({"currency": "EUR"}), "amount_minor"),
        ] {
            let problem = assert_problem(app.post(&path, t, &body).await, 422).await;
            assert_eq!(error_fields(&problem), vec![field.to_string()], "{body}");
        }
        assert_eq!(app.get_customer(cid).await.purchase_count, 2);

        let list: Value = app.get(&path, t).await.json().await.unwrap();
        let ids: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            vec![
                second["id"].as_str().unwrap(),
                first["id"].as_str().unwrap()
            ]
        );
        let one = app
            .get(&format!("{path}/{}", first["id"].as_str().unwrap()), t)
            .await;
        assert_eq!(one.status(), StatusCode::OK);

        // Deleting recomputes; deleting all forgets the currency.
        let res = app
            .call(
                Method::DELETE,
                &format!("{path}/{}", second["id"].as_str().unwrap()),
                t,
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let after = app.get_customer(cid).await;
        assert_eq!(after.lifetime_value_minor, 1500);
        assert_eq!(
            after.last_purchase_at.as_deref(),
            Some("2026-04-01T10:00:00Z")
        );
        app.call(
            Method::DELETE,
            &format!("{path}/{}", first["id"].as_str().unwrap()),
            t,
            None,
        )
        .await;
        let after = app.get_customer(cid).await;
        assert_eq!(after.lifetime_value_minor, 0);
        assert_eq!(after.purchase_count, 0);
        assert_eq!(after.lifetime_value_currency, None);
        let usd = app
            .post(&path, t, &json!({"amount_minor": 100, "currency": "USD"}))
            .await;
        assert_eq!(usd.status(), StatusCode::CREATED);
    }
);

db_test!(
    purchases_emit_the_after_purchase_event,
    |app: TestApp| async move {
        use sea_orm::{ConnectionTrait, Database, Statement};
        let t = &app.admin_token;
        let c = app
            .create_customer(t, &json!({"name": "Evented", "tier": "key"}))
            .await;
        let cid = c.id.as_str();
        let p: Value = app
            .post(
                &format!("/api/v1/customers/{cid}/purchases"),
                t,
                &json!({"amount_minor": 990, "currency": "GBP"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let db = Database::connect(&app.database_url).await.unwrap();
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT kind, payload FROM domain_events",
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get::<String>("", "kind").unwrap(), "after_purchase");
        let payload: Value = row.try_get("", "payload").unwrap();
        assert_eq!(payload["purchase_id"], p["id"]);
        assert_eq!(payload["tier"], "key");
    }
);

db_test!(
    purchases_of_other_agents_customers_are_invisible,
    |app: TestApp| async move {
        let (_, mine) = app.user_with_role("agent").await;
        let (_, other) = app.user_with_role("agent").await;
        let c = app.create_customer(&mine, &json!({"name": "Mine"})).await;
        let path = format!("/api/v1/customers/{}/purchases", c.id.as_str());
        let p: Value = app
            .post(
                &path,
                &mine,
                &json!({"amount_minor": 10, "currency": "EUR"}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert_problem(app.get(&path, &other).await, 404).await;
        assert_problem(
            app.post(
                &path,
                &other,
                &json!({"amount_minor": 10, "currency": "EUR"}),
            )
            .await,
            404,
        )
        .await;
        let one = format!("{path}/{}", p["id"].as_str().unwrap());
        assert_problem(app.get(&one, &other).await, 404).await;
        assert_problem(app.call(Method::DELETE, &one, &other, None).await, 404).await;
        assert_eq!(app.get_customer(c.id.as_str()).await.purchase_count, 1);
        let (_, viewer) = app.user_with_role("viewer").await;
        assert_problem(
            app.post(
                &path,
                &viewer,
                &json!({"amount_minor": 10, "currency": "EUR"}),
            )
            .await,
            403,
        )
        .await;
    }
);
