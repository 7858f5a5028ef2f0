//! Personal data: consent the cadence, campaigns and interactions obey, the export of
//! everything about a customer, erasure that leaves nothing personal anywhere in the
//! database, the append-only audit trail and the retention of free text.

use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::{Value, json};

use crate::complaints::move_to;
use crate::db_test;
use crate::helpers::{
    Backend, TestApp, assert_problem, at_once, error_fields, rfc3339, status_counts,
};

async fn connect(app: &TestApp) -> DatabaseConnection {
    rapport::db::connect(&app.database_url, None).await.unwrap()
}

async fn json_of(res: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(res.status(), status);
    res.json().await.unwrap()
}

async fn customer(app: &TestApp, body: Value) -> Value {
    json_of(
        app.post("/api/v1/customers", &app.admin_token, &body).await,
        StatusCode::CREATED,
    )
    .await
}

async fn patch(
    app: &TestApp,
    id: &str,
    version: impl std::fmt::Display,
    body: Value,
) -> reqwest::Response {
    app.request(
        Method::PATCH,
        &format!("/api/v1/customers/{id}"),
        &app.admin_token,
    )
    .header("If-Match", format!("\"{version}\""))
    .json(&body)
    .send()
    .await
    .unwrap()
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

/// A personal plan with one step on `channel`, a day after each purchase.
async fn plan_on(app: &TestApp, customer: &str, channel: &str) {
    let plan = json!({
        "name": "Personal", "customer_id": customer, "trigger": "after_purchase",
        "steps": [{"offset": "P1D", "channel": channel, "purpose": "thank_you", "title": "Thanks"}]
    });
    let res = app.post("/api/v1/playbooks", &app.admin_token, &plan).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

/// One row of `sql`, whose `$1` is the customer's id.
async fn row_of(db: &DatabaseConnection, sql: &str, customer: &str) -> sea_orm::QueryResult {
    let id: uuid::Uuid = customer.parse().unwrap();
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => sql.replace("$1", "?"),
        _ => sql.to_string(),
    };
    db.query_one_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        [id.into()],
    ))
    .await
    .unwrap()
    .unwrap()
}

db_test!(
    consent_is_kept_per_channel_with_its_history,
    |app: TestApp| async move {
        let c = customer(
            &app,
            json!({"name": "Ada", "consent": {"email": "granted", "phone": "refused"},
                   "consent_source": "signup form"}),
        )
        .await;
        assert_eq!(c["consent"]["email"], "granted");
        assert_eq!(c["consent"]["phone"], "refused");
        assert_eq!(c["consent"]["letter"], "unknown", "every channel is shown");
        assert_eq!(c["do_not_contact"], false);
        let cid = id(&c);

        let res = patch(
            &app,
            &cid,
            1,
            json!({"consent": {"phone": "unknown", "sms": "refused"}, "do_not_contact": true,
                   "consent_source": "phone call"}),
        )
        .await;
        let c = json_of(res, StatusCode::OK).await;
        assert_eq!(c["consent"]["phone"], "unknown");
        assert_eq!(c["consent"]["sms"], "refused");
        assert_eq!(c["consent"]["email"], "granted", "channels not named stay");
        assert_eq!(c["do_not_contact"], true);

        let history = app
            .items(
                &format!("/api/v1/customers/{cid}/consent-history"),
                &app.admin_token,
            )
            .await;
        let shown: Vec<(Value, Value, Value, Value)> = history
            .iter()
            .map(|h| {
                (
                    h["channel"].clone(),
                    h["state"].clone(),
                    h["do_not_contact"].clone(),
                    h["source"].clone(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                (
                    json!("phone"),
                    json!("refused"),
                    Value::Null,
                    json!("signup form")
                ),
                (
                    json!("email"),
                    json!("granted"),
                    Value::Null,
                    json!("signup form")
                ),
                (
                    json!("phone"),
                    json!("unknown"),
                    Value::Null,
                    json!("phone call")
                ),
                (
                    json!("sms"),
                    json!("refused"),
                    Value::Null,
                    json!("phone call")
                ),
                (Value::Null, Value::Null, json!(true), json!("phone call")),
            ]
        );
        assert!(history.iter().all(|h| h["actor_type"] == "user"));

        // Bad input names the part.
        let bad = patch(&app, &cid, 2, json!({"consent": {"fax": "granted"}})).await;
        assert_eq!(error_fields(&assert_problem(bad, 422).await), ["consent"]);
        let bad = patch(&app, &cid, 2, json!({"consent": {"email": "maybe"}})).await;
        assert_eq!(
            error_fields(&assert_problem(bad, 422).await),
            ["consent.email"]
        );
        let bad = patch(&app, &cid, 2, json!({"do_not_contact": "yes"})).await;
        assert_eq!(
            error_fields(&assert_problem(bad, 422).await),
            ["do_not_contact"]
        );
        assert_eq!(
            app.get_customer(&cid).await.version,
            2,
            "nothing was written"
        );
        let unknown = app
            .get(
                &format!("/api/v1/customers/{}/consent-history", uuid::Uuid::now_v7()),
                &app.admin_token,
            )
            .await;
        assert_problem(unknown, 404).await;
    }
);

db_test!(
    the_cadence_reaches_only_allowed_channels,
    |app: TestApp| async move {
        // Phone refused, email preferred: the call becomes an email.
        let moved = customer(
            &app,
            json!({"name": "Moved", "preferred_channel": "email", "consent": {"phone": "refused"}}),
        )
        .await;
        // Phone refused and nothing else allowed explicitly or preferred: skipped.
        let refused = customer(
            &app,
            json!({"name": "Refused", "consent": {"phone": "refused"}}),
        )
        .await;
        // Not to be contacted at all: nothing is planned.
        let never = customer(&app, json!({"name": "Never", "do_not_contact": true})).await;
        for c in [&moved, &refused, &never] {
            plan_on(&app, &id(c), "phone").await;
            app.buy(&id(c), 10_000, "EUR", app.clock.now()).await;
        }
        let thanks = |tps: Vec<Value>| -> Vec<Value> {
            tps.into_iter()
                .filter(|t| t["purpose"] == "thank_you")
                .collect()
        };
        let m = thanks(app.touchpoints_of(&id(&moved)).await);
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0]["channel"].as_str(), m[0]["status"].as_str()),
            (Some("email"), Some("scheduled"))
        );
        let r = thanks(app.touchpoints_of(&id(&refused)).await);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0]["status"], "skipped");
        assert_eq!(r[0]["skip_reason"], "no consent for phone");
        assert!(app.touchpoints_of(&id(&never)).await.is_empty());

        // Refusing a channel later moves the open work on it, or cancels it.
        let other = customer(
            &app,
            json!({"name": "Later", "consent": {"letter": "granted"}}),
        )
        .await;
        let oid = id(&other);
        plan_on(&app, &oid, "phone").await;
        app.buy(&oid, 10_000, "EUR", app.clock.now()).await;
        let version = app.get_customer(&oid).await.version;
        let res = patch(
            &app,
            &oid,
            version,
            json!({"consent": {"phone": "refused"}}),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let t = thanks(app.touchpoints_of(&oid).await);
        assert_eq!(
            (t[0]["channel"].as_str(), t[0]["status"].as_str()),
            (Some("letter"), Some("scheduled"))
        );

        // `do_not_contact` cancels open outbound work; a complaint's follow-up stays.
        let manual = app
            .schedule(
                &app.admin_token,
                json!({"customer_id": oid, "due_at": rfc3339(app.clock.now() + chrono::Duration::days(2)),
                       "channel": "email", "purpose": "custom", "title": "Check in"}),
            )
            .await;
        let complaint = json_of(
            app.post(
                "/api/v1/complaints",
                &app.admin_token,
                &json!({"customer_id": oid, "subject": "Broken"}),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let cid = id(&complaint);
        for step in [
            json!({"to": "acknowledged"}),
            json!({"to": "in_progress"}),
            json!({"to": "resolved", "resolution": "Replaced"}),
        ] {
            move_to(&app, &app.admin_token, &cid, step).await;
        }
        let version = app.get_customer(&oid).await.version;
        let res = patch(&app, &oid, version, json!({"do_not_contact": true})).await;
        assert_eq!(res.status(), StatusCode::OK);
        let all = app.touchpoints_of(&oid).await;
        let of = |pred: &dyn Fn(&Value) -> bool| all.iter().find(|t| pred(t)).cloned().unwrap();
        let manual = of(&|t| t["id"].as_str() == Some(manual.id.as_str()));
        assert_eq!(
            (manual["status"].as_str(), manual["skip_reason"].as_str()),
            (Some("cancelled"), Some("do not contact"))
        );
        let follow_up = of(&|t| t["purpose"] == "complaint_follow_up");
        assert_eq!(follow_up["status"], "scheduled", "the repair goes on");
        let thanks_after = of(&|t| t["purpose"] == "thank_you");
        assert_eq!(thanks_after["status"], "cancelled");

        // And a later purchase plans nothing for it.
        app.buy(&oid, 10_000, "EUR", app.clock.now()).await;
        let open = app
            .touchpoints_of(&oid)
            .await
            .into_iter()
            .filter(|t| t["status"] == "scheduled")
            .count();
        assert_eq!(open, 1, "only the complaint follow-up is open");
    }
);

db_test!(
    campaigns_leave_out_who_may_not_be_reached_and_say_why,
    |app: TestApp| async move {
        let ok = customer(&app, json!({"name": "Reachable"})).await;
        let never = customer(&app, json!({"name": "Never", "do_not_contact": true})).await;
        let no_email = customer(
            &app,
            json!({"name": "No email", "consent": {"email": "refused"}}),
        )
        .await;
        let segment = json_of(
            app.post(
                "/api/v1/segments",
                &app.admin_token,
                &json!({"name": "All three", "kind": "static"}),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let sid = id(&segment);
        let members = json!({"customer_ids": [id(&ok), id(&never), id(&no_email)]});
        let res = app
            .post(
                &format!("/api/v1/segments/{sid}/members"),
                &app.admin_token,
                &members,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let campaign = json!({"due_at": rfc3339(app.clock.now() + chrono::Duration::days(3)),
                              "channel": "email", "title": "Spring offer"});
        let result = json_of(
            app.post(
                &format!("/api/v1/segments/{sid}/touchpoints"),
                &app.admin_token,
                &campaign,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(result["scheduled"], 1);
        assert_eq!(result["left_out"], 2);
        assert_eq!(
            result["left_out_reasons"],
            json!([{"reason": "do not contact", "count": 1}, {"reason": "no consent for email", "count": 1}])
        );
        assert_eq!(app.touchpoints_of(&id(&ok)).await.len(), 1);
        assert!(app.touchpoints_of(&id(&never)).await.is_empty());
        assert!(app.touchpoints_of(&id(&no_email)).await.is_empty());
    }
);

db_test!(
    contact_against_consent_is_logged_and_flagged,
    |app: TestApp| async move {
        let c = customer(
            &app,
            json!({"name": "Ada", "consent": {"phone": "refused"}}),
        )
        .await;
        let log = |direction: &str, channel: &str| json!({"customer_id": id(&c), "channel": channel, "direction": direction});
        let flagged = |body: Value| {
            let app = &app;
            async move {
                let res = app
                    .post("/api/v1/interactions", &app.admin_token, &body)
                    .await;
                json_of(res, StatusCode::CREATED).await["without_consent"].clone()
            }
        };
        assert_eq!(flagged(log("outbound", "phone")).await, true);
        assert_eq!(
            flagged(log("inbound", "phone")).await,
            false,
            "the customer called"
        );
        assert_eq!(flagged(log("outbound", "email")).await, false);

        // Corrected later to a call the customer refused: flagged then.
        let res = app
            .post(
                "/api/v1/interactions",
                &app.admin_token,
                &log("outbound", "email"),
            )
            .await;
        let logged = json_of(res, StatusCode::CREATED).await;
        let res = app
            .request(
                Method::PATCH,
                &format!("/api/v1/interactions/{}", id(&logged)),
                &app.admin_token,
            )
            .header("If-Match", "\"1\"")
            .json(&json!({"channel": "phone"}))
            .send()
            .await
            .unwrap();
        assert_eq!(json_of(res, StatusCode::OK).await["without_consent"], true);
    }
);

db_test!(
    lists_and_segments_select_by_consent,
    |app: TestApp| async move {
        let granted = customer(
            &app,
            json!({"name": "Granted", "consent": {"email": "granted"}}),
        )
        .await;
        let refused = customer(
            &app,
            json!({"name": "Refused", "consent": {"email": "refused"}}),
        )
        .await;
        let never = customer(&app, json!({"name": "Never", "do_not_contact": true})).await;
        let names = |items: Vec<Value>| -> Vec<String> {
            let mut n: Vec<String> = items
                .iter()
                .map(|c| c["name"].as_str().unwrap().to_string())
                .collect();
            n.sort();
            n
        };
        let t = &app.admin_token;
        assert_eq!(
            names(
                app.items("/api/v1/customers?consent_granted=email", t)
                    .await
            ),
            ["Granted"]
        );
        assert_eq!(
            names(
                app.items("/api/v1/customers?consent_refused=email", t)
                    .await
            ),
            ["Refused"]
        );
        assert_eq!(
            names(app.items("/api/v1/customers?do_not_contact=true", t).await),
            ["Never"]
        );
        assert_eq!(
            names(app.items("/api/v1/customers?do_not_contact=false", t).await),
            ["Granted", "Refused"]
        );
        assert_problem(
            app.get("/api/v1/customers?consent_granted=fax", t).await,
            422,
        )
        .await;

        let preview = |rule: Value| {
            let app = &app;
            async move {
                app.post(
                    "/api/v1/segments/preview",
                    &app.admin_token,
                    &json!({"rule": rule}),
                )
                .await
            }
        };
        let res = preview(json!({"field": "consent.email", "op": "ne", "value": "refused"})).await;
        let body = json_of(res, StatusCode::OK).await;
        assert_eq!(body["count"], 2, "granted and unknown: {body}");
        let res = preview(json!({"field": "do_not_contact", "op": "eq", "value": true})).await;
        assert_eq!(json_of(res, StatusCode::OK).await["count"], 1);
        let bad = preview(json!({"field": "consent.fax", "op": "eq", "value": "granted"})).await;
        assert_eq!(
            error_fields(&assert_problem(bad, 422).await),
            ["rule.field"]
        );
        let bad = preview(json!({"field": "consent.email", "op": "eq", "value": "maybe"})).await;
        assert_eq!(
            error_fields(&assert_problem(bad, 422).await),
            ["rule.value"]
        );
        let _ = (granted, refused, never);
    }
);

db_test!(
    an_export_holds_everything_and_is_audited,
    |app: TestApp| async move {
        let c = customer(
            &app,
            json!({"name": "Ada", "tags": ["vip"], "consent": {"sms": "granted"}}),
        )
        .await;
        let cid = id(&c);
        app.buy(&cid, 25_000, "EUR", app.clock.now()).await;
        let call = json!({"customer_id": cid, "channel": "phone", "direction": "inbound", "summary": "Asked about delivery"});
        assert_eq!(
            app.post("/api/v1/interactions", &app.admin_token, &call)
                .await
                .status(),
            StatusCode::CREATED
        );
        let (_, manager) = app.user_with_role("manager").await;
        let res = app
            .get(&format!("/api/v1/customers/{cid}/export"), &manager)
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "application/json");
        let export: Value = res.json().await.unwrap();
        assert_eq!(export["format"], "rapport.customer-export.v1");
        assert_eq!(export["customer"]["id"], cid.as_str());
        assert_eq!(export["customer"]["consent"]["sms"], "granted");
        let records = &export["records"];
        assert_eq!(records["purchases"].as_array().unwrap().len(), 1);
        assert_eq!(
            records["interactions"][0]["summary"],
            "Asked about delivery"
        );
        assert_eq!(records["customer_tags"][0]["tag"], "vip");
        assert_eq!(records["consent_changes"].as_array().unwrap().len(), 1);
        assert!(!records["events"].as_array().unwrap().is_empty());

        let (_, agent) = app.user_with_role("agent").await;
        assert_problem(
            app.get(&format!("/api/v1/customers/{cid}/export"), &agent)
                .await,
            403,
        )
        .await;
        let (_, viewer) = app.user_with_role("viewer").await;
        assert_problem(
            app.get(&format!("/api/v1/customers/{cid}/export"), &viewer)
                .await,
            403,
        )
        .await;
        let missing = format!("/api/v1/customers/{}/export", uuid::Uuid::now_v7());
        assert_problem(app.get(&missing, &manager).await, 404).await;

        let audited = app
            .items(
                &format!("/api/v1/audit?action=export&entity_id={cid}"),
                &app.admin_token,
            )
            .await;
        let statuses: Vec<i64> = audited
            .iter()
            .map(|e| e["status"].as_i64().unwrap())
            .collect();
        assert_eq!(statuses, [403, 403, 200], "newest first: {audited:?}");
        assert_eq!(audited[2]["entity_type"], "customer");
    }
);

db_test!(
    erasure_is_for_admins_answers_the_same_twice_and_keeps_the_figures,
    |app: TestApp| async move {
        let c = customer(
            &app,
            json!({"name": "Ada", "email": "ada@example.com", "tier": "key"}),
        )
        .await;
        let cid = id(&c);
        app.buy(&cid, 40_000, "EUR", app.clock.now()).await;
        let path = format!("/api/v1/customers/{cid}/erase");
        let reason = json!({"reason": "Request by letter of 30 November"});
        let (_, manager) = app.user_with_role("manager").await;
        assert_problem(app.post(&path, &manager, &reason).await, 403).await;
        let unknown = format!("/api/v1/customers/{}/erase", uuid::Uuid::now_v7());
        assert_problem(app.post(&unknown, &app.admin_token, &reason).await, 404).await;
        let blank = app
            .post(&path, &app.admin_token, &json!({"reason": "  "}))
            .await;
        assert_eq!(error_fields(&assert_problem(blank, 422).await), ["reason"]);
        let missing = app.post(&path, &app.admin_token, &json!({})).await;
        assert_eq!(
            error_fields(&assert_problem(missing, 422).await),
            ["reason"]
        );

        // Many at once: one erases, every answer is the same receipt.
        let requests = (0..6)
            .map(|_| {
                app.request(Method::POST, &path, &app.admin_token)
                    .json(&reason)
            })
            .collect();
        let responses = at_once(requests).await;
        assert_eq!(status_counts(&responses), [(200, 6)].into());
        let mut receipts = Vec::new();
        for res in responses {
            receipts.push(res.json::<Value>().await.unwrap());
        }
        assert!(receipts.windows(2).all(|w| w[0] == w[1]), "{receipts:?}");
        assert_eq!(receipts[0]["customer_id"], cid.as_str());
        assert_eq!(receipts[0]["reason"], "Request by letter of 30 November");
        let again = json_of(
            app.post(&path, &app.admin_token, &reason).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(again, receipts[0]);

        // Gone from the API, kept for the figures.
        assert_problem(
            app.get(&format!("/api/v1/customers/{cid}"), &app.admin_token)
                .await,
            404,
        )
        .await;
        assert!(
            app.items("/api/v1/customers?q=ada", &app.admin_token)
                .await
                .is_empty()
        );
        assert_eq!(app.customer_count().await, 0);
        let db = connect(&app).await;
        let kept = row_of(
            &db,
            "SELECT CAST(SUM(amount_minor) AS BIGINT) AS s FROM purchases WHERE customer_id = $1",
            &cid,
        )
        .await;
        assert_eq!(kept.try_get::<i64>("", "s").unwrap(), 40_000);
        let row = row_of(
            &db,
            "SELECT name, tier, lifetime_value_minor, email FROM customers WHERE id = $1",
            &cid,
        )
        .await;
        assert_eq!(
            row.try_get::<String>("", "name").unwrap(),
            "Erased customer"
        );
        assert_eq!(row.try_get::<String>("", "tier").unwrap(), "key");
        assert_eq!(
            row.try_get::<i64>("", "lifetime_value_minor").unwrap(),
            40_000
        );
        assert_eq!(row.try_get::<Option<String>>("", "email").unwrap(), None);
        // An import no longer matches it.
        let res = app
            .send_csv(&app.admin_token, "", "name,email\nAda,ada@example.com\n")
            .await;
        assert_eq!(json_of(res, StatusCode::OK).await["created"], 1);

        // The feed says so, without personal data.
        let events = app
            .items(
                &format!("/api/v1/events?customer_id={cid}&limit=200"),
                &app.admin_token,
            )
            .await;
        let erased: Vec<&Value> = events
            .iter()
            .filter(|e| e["type"] == "customer.erased")
            .collect();
        assert_eq!(erased.len(), 1);
        assert_eq!(erased[0]["data"], receipts[0]);
        assert!(
            events
                .iter()
                .filter(|e| e["type"] == "customer.created")
                .all(|e| e["data"] == json!({"erased": true}))
        );
    }
);

/// Where the marker may hide: every text or JSON column of every table.
async fn columns_holding(db: &DatabaseConnection, backend: Backend, marker: &str) -> Vec<String> {
    let columns = match backend {
        Backend::Sqlite => "SELECT m.name AS t, p.name AS c FROM sqlite_master m \
             JOIN pragma_table_info(m.name) p WHERE m.type = 'table' \
             AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, 2"
            .to_string(),
        Backend::Postgres => "SELECT table_name::text AS t, column_name::text AS c \
             FROM information_schema.columns WHERE table_schema = current_schema() \
             AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'character') \
             ORDER BY 1, 2"
            .to_string(),
    };
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), columns))
        .await
        .unwrap();
    let mut found = Vec::new();
    for row in rows {
        let (t, c): (String, String) =
            (row.try_get("", "t").unwrap(), row.try_get("", "c").unwrap());
        let cast = match backend {
            Backend::Sqlite => format!("CAST(\"{c}\" AS TEXT)"),
            Backend::Postgres => format!("\"{c}\"::text"),
        };
        let sql = format!("SELECT COUNT(*) FROM \"{t}\" WHERE {cast} LIKE '%{marker}%'");
        if scalar(db, &sql).await > 0 {
            found.push(format!("{t}.{c}"));
        }
    }
    found
}

db_test!(
    after_erasure_the_marker_is_nowhere_in_the_database,
    with crate::webhooks::LOCAL,
    |app: TestApp| async move {
        let marker = format!("zq{}", uuid::Uuid::now_v7().simple());
        let m = marker.as_str();
        let t = &app.admin_token;
        let receiver = crate::webhooks::Receiver::start().await;
        crate::webhooks::subscribe(&app, json!({"url": receiver.url})).await;
        let c = customer(
            &app,
            json!({
                "name": format!("Name {m}"), "company": format!("Co {m}"), "gender": m,
                "email": format!("{m}@example.com"), "phone": "+44 20 7946 0000",
                "industry": m, "occupation": m, "position": m, "city": m, "country": m,
                "source_channel": m, "needs": m, "pain_points": m, "preferences": m,
                "personality": m, "notes": m, "tags": [m], "attributes": {"pet": m},
                "important_dates": [{"label": m, "date": "2015-06-12", "recurring": true}],
                "birthday": "1985-12-10", "consent": {"email": "granted"}, "consent_source": m
            }),
        )
        .await;
        let cid = id(&c);
        let segment = json_of(
            app.post("/api/v1/segments", t, &json!({"name": "Fair", "kind": "static"})).await,
            StatusCode::CREATED,
        )
        .await;
        let res = app
            .post(&format!("/api/v1/segments/{}/members", id(&segment)), t, &json!({"customer_ids": [cid]}))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let (agent, _) = app.user_with_role("agent").await;
        let res = app
            .request(Method::PUT, &format!("/api/v1/customers/{cid}/owner"), t)
            .header("If-Match", "\"1\"")
            .json(&json!({"owner_id": agent, "reason": m}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let plan = json!({
            "name": m, "customer_id": cid, "trigger": "after_purchase",
            "steps": [{"offset": "P1D", "channel": "email", "purpose": "thank_you", "title": m}]
        });
        assert_eq!(app.post("/api/v1/playbooks", t, &plan).await.status(), StatusCode::CREATED);
        let purchase = json!({"amount_minor": 1000, "currency": "EUR", "description": m});
        let res = app.post(&format!("/api/v1/customers/{cid}/purchases"), t, &purchase).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        // Stored for replay under an Idempotency-Key.
        let call = json!({"customer_id": cid, "channel": "phone", "direction": "inbound", "subject": m, "summary": m});
        let res = app
            .request(Method::POST, "/api/v1/interactions", t)
            .header("Idempotency-Key", "marker-call")
            .json(&call)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        app.schedule(
            t,
            json!({"customer_id": cid, "due_at": rfc3339(app.clock.now() + chrono::Duration::days(2)),
                   "channel": "email", "purpose": "custom", "title": m, "notes": m}),
        )
        .await;
        let complaint = json_of(
            app.post("/api/v1/complaints", t, &json!({"customer_id": cid, "subject": m, "description": m})).await,
            StatusCode::CREATED,
        )
        .await;
        move_to(&app, t, &id(&complaint), json!({"to": "acknowledged", "note": m})).await;
        let version = app.get_customer(&cid).await.version;
        let churn = patch(&app, &cid, version, json!({"status": "churned", "churn_reason": m})).await;
        assert_eq!(churn.status(), StatusCode::OK);
        app.run_scheduler().await;
        assert!(!receiver.seen().is_empty(), "deliveries were made");

        let db = connect(&app).await;
        let before = columns_holding(&db, app.backend, m).await;
        for expected in [
            "customers.name", "customer_tags.tag", "customer_history.reason",
            "customer_handoffs.reason", "playbooks.name", "purchases.description",
            "interactions.summary", "touchpoints.title", "complaints.subject",
            "complaint_events.note", "consent_changes.source", "events.data",
            "webhook_deliveries.body", "idempotency_keys.response_body",
        ] {
            assert!(before.contains(&expected.to_string()), "{expected} was seeded: {before:?}");
        }

        let res = app.post(&format!("/api/v1/customers/{cid}/erase"), t, &json!({"reason": "GDPR request"})).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(columns_holding(&db, app.backend, m).await, Vec::<String>::new());

        // The replay of the stored answer hands out nothing either.
        let replay = app
            .request(Method::POST, "/api/v1/interactions", t)
            .header("Idempotency-Key", "marker-call")
            .json(&call)
            .send()
            .await
            .unwrap();
        assert_eq!(replay.status(), StatusCode::GONE);
        assert!(!replay.text().await.unwrap().contains(m));
    }
);

db_test!(
    the_audit_trail_records_writes_and_sign_ins_and_cannot_be_rewritten,
    |app: TestApp| async move {
        let c = customer(&app, json!({"name": "Ada", "notes": "secret value"})).await;
        let cid = id(&c);
        let res = patch(
            &app,
            &cid,
            1,
            json!({"tier": "key", "notes": "another secret"}),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let wrong = app
            .client
            .post(app.url("/api/v1/auth/token"))
            .json(&json!({"email": "nobody@example.com", "password": "wrong-password"}))
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);

        let t = &app.admin_token;
        let mine = app
            .items(
                &format!("/api/v1/audit?entity_type=customer&entity_id={cid}"),
                t,
            )
            .await;
        let actions: Vec<&str> = mine.iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["update", "create"], "newest first");
        assert_eq!(mine[0]["fields"], json!(["notes", "tier"]));
        assert_eq!(mine[0]["status"], 200);
        assert_eq!(mine[0]["actor"]["type"], "user");
        assert!(
            mine[0]["request_id"]
                .as_str()
                .is_some_and(|r| !r.is_empty())
        );
        assert_eq!(mine[0]["ip"], "127.0.0.1");
        assert_eq!(mine[1]["fields"], json!(["name", "notes"]));
        let text = serde_json::to_string(&mine).unwrap();
        assert!(!text.contains("secret"), "values are never kept");

        let sign_ins = app.items("/api/v1/audit?action=sign_in", t).await;
        assert!(
            sign_ins
                .iter()
                .any(|e| e["status"] == 401 && e["actor"]["id"].is_null())
        );
        let admin_id = mine[0]["actor"]["id"].as_str().unwrap().to_string();
        assert!(
            sign_ins
                .iter()
                .any(|e| e["status"] == 200 && e["actor"]["id"] == admin_id.as_str())
        );
        let by_admin = app
            .items(&format!("/api/v1/audit?actor_id={admin_id}&limit=200"), t)
            .await;
        assert!(by_admin.len() >= 3);
        let future = rfc3339(chrono::Utc::now() + chrono::Duration::days(1));
        assert!(
            app.items(&format!("/api/v1/audit?from={future}"), t)
                .await
                .is_empty()
        );

        let (_, manager) = app.user_with_role("manager").await;
        assert_problem(app.get("/api/v1/audit", &manager).await, 403).await;
        assert_problem(app.get("/api/v1/audit?from=yesterday", t).await, 422).await;
        assert_problem(app.get("/api/v1/audit", "not-a-token").await, 401).await;
        // No route changes it.
        assert_problem(app.post("/api/v1/audit", t, &json!({})).await, 405).await;

        // The database itself refuses to rewrite it or cut its recent part.
        let db = connect(&app).await;
        let backend = db.get_database_backend();
        let update = db
            .execute_raw(Statement::from_string(
                backend,
                "UPDATE audit_log SET action = 'x'",
            ))
            .await;
        assert!(update.is_err(), "an update is refused");
        let delete = db
            .execute_raw(Statement::from_string(backend, "DELETE FROM audit_log"))
            .await;
        assert!(delete.is_err(), "a delete of recent entries is refused");
        let before = scalar(&db, "SELECT COUNT(*) FROM audit_log").await;
        // Entries past the retention (365 days by default) go with the scheduler's pass.
        let old = rfc3339(chrono::Utc::now() - chrono::Duration::days(400));
        let insert = format!(
            "INSERT INTO audit_log (id, at, actor_type, action, entity_type, status, fields) \
             VALUES ('{}', '{old}', 'system', 'create', 'customer', 201, '[]')",
            uuid::Uuid::now_v7()
        );
        db.execute_raw(Statement::from_string(backend, insert))
            .await
            .unwrap();
        let run = app.run_scheduler().await;
        let pass = run["passes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "expired_audit_entries")
            .unwrap()
            .clone();
        assert_eq!(pass["affected"], 1);
        // The scheduler run is itself a write: one more entry.
        assert_eq!(
            scalar(&db, "SELECT COUNT(*) FROM audit_log").await,
            before + 1
        );
    }
);

db_test!(
    free_text_past_its_retention_is_erased,
    with [
        ("RAPPORT_RETENTION_CHURNED_INTERACTIONS_DAYS", "30"),
        ("RAPPORT_RETENTION_CLOSED_COMPLAINTS_DAYS", "30"),
    ],
    |app: TestApp| async move {
        let t = &app.admin_token;
        let lost = customer(&app, json!({"name": "Lost"})).await;
        let kept = customer(&app, json!({"name": "Kept"})).await;
        for c in [&lost, &kept] {
            let call = json!({"customer_id": id(c), "channel": "phone", "direction": "inbound",
                              "subject": "Call", "summary": "Talked about the family", "outcome": "positive"});
            assert_eq!(app.post("/api/v1/interactions", t, &call).await.status(), StatusCode::CREATED);
        }
        let churned_at = rfc3339(app.clock.now() - chrono::Duration::days(40));
        let res = patch(&app, &id(&lost), 1, json!({"status": "churned", "churn_reason": "moved", "churned_at": churned_at})).await;
        assert_eq!(res.status(), StatusCode::OK);
        let complaint = json_of(
            app.post("/api/v1/complaints", t, &json!({"customer_id": id(&kept), "subject": "Late", "description": "Details"})).await,
            StatusCode::CREATED,
        )
        .await;
        let cid = id(&complaint);
        for step in [
            json!({"to": "acknowledged", "note": "Sorry"}),
            json!({"to": "in_progress"}),
            json!({"to": "resolved", "resolution": "Refunded"}),
            json!({"to": "closed"}),
        ] {
            move_to(&app, t, &cid, step).await;
        }
        app.run_scheduler().await;
        let interactions = |c: &Value| format!("/api/v1/interactions?customer_id={}", id(c));
        let lost_calls = app.items(&interactions(&lost), t).await;
        assert_eq!(lost_calls[0]["summary"], Value::Null, "churned 40 days ago");
        assert_eq!(lost_calls[0]["subject"], Value::Null);
        assert_eq!(lost_calls[0]["outcome"], "positive", "what is not personal stays");
        assert_eq!(app.items(&interactions(&kept), t).await[0]["summary"], "Talked about the family");
        let shown = json_of(app.get(&format!("/api/v1/complaints/{cid}"), t).await, StatusCode::OK).await;
        assert_eq!(shown["description"], "Details", "closed just now");

        app.clock.advance(chrono::Duration::days(31));
        app.run_scheduler().await;
        let shown = json_of(app.get(&format!("/api/v1/complaints/{cid}"), t).await, StatusCode::OK).await;
        assert_eq!(shown["subject"], "(erased)");
        assert_eq!(shown["description"], Value::Null);
        assert_eq!(shown["resolution"], Value::Null);
        assert_eq!(shown["severity"], complaint["severity"]);
        let events = app.items(&format!("/api/v1/complaints/{cid}/events?limit=200"), t).await;
        assert!(events.iter().all(|e| e["note"].is_null()), "{events:?}");
    }
);
