//! The registry of customer records: every table that names a customer is registered, and
//! the walks over it (counts, export, merge, erasure) reach every record a customer has.

use std::collections::BTreeMap;

use rapport::domain::customer::records::{self, OnErase, OnExport, OnMerge, RECORDS};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::db_test;
use crate::helpers::{Backend, TestApp, rfc3339};

async fn connect(app: &TestApp) -> DatabaseConnection {
    rapport::db::connect(&app.database_url, None).await.unwrap()
}

/// The tables of the schema with a column naming a customer or a complaint.
async fn tables_naming(db: &DatabaseConnection, backend: Backend, column: &str) -> Vec<String> {
    let sql = match backend {
        Backend::Sqlite => format!(
            "SELECT m.name AS t FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND p.name = '{column}' ORDER BY 1"
        ),
        Backend::Postgres => format!(
            "SELECT table_name::text AS t FROM information_schema.columns \
             WHERE table_schema = current_schema() AND column_name = '{column}' ORDER BY 1"
        ),
    };
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "t").unwrap())
        .collect()
}

async fn counts(db: &DatabaseConnection, customer: Uuid) -> BTreeMap<&'static str, u64> {
    records::counts(db, customer)
        .await
        .unwrap()
        .into_iter()
        .collect()
}

/// A customer with a record in every table that can hang off one.
async fn customer_with_everything(app: &TestApp) -> Uuid {
    let t = &app.admin_token;
    // Its events become webhook deliveries.
    let receiver = crate::webhooks::Receiver::start().await;
    crate::webhooks::subscribe(
        app,
        json!({"url": receiver.url, "event_types": ["customer.created"]}),
    )
    .await;
    let c = app
        .create_customer(
            t,
            &json!({
                "name": "Everything", "tags": ["vip"], "consent": {"email": "granted"},
                "email": "everything@example.com", "phone": "+49 30 1234567",
                "important_dates": [{"label": "Wedding", "date": "2015-06-12"}]
            }),
        )
        .await;
    let id = c.id.as_str();
    // A duplicate found, and another dismissed.
    app.create_customer(
        t,
        &json!({"name": "Twin", "email": "everything@example.com"}),
    )
    .await;
    let other = app
        .create_customer(t, &json!({"name": "Other", "phone": "+49 30 1234567"}))
        .await;
    let res = app
        .post(
            "/api/v1/duplicates/dismissals",
            t,
            &json!({"customer_id": id, "other_id": other.id}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let segment: Value = app
        .post(
            "/api/v1/segments",
            t,
            &json!({"name": "Fair", "kind": "static"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let members = format!(
        "/api/v1/segments/{}/members",
        segment["id"].as_str().unwrap()
    );
    let res = app.post(&members, t, &json!({"customer_ids": [id]})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (agent, _) = app.user_with_role("agent").await;
    let res = app
        .client
        .put(app.url(&format!("/api/v1/customers/{id}/owner")))
        .bearer_auth(t)
        .header("If-Match", "\"1\"")
        .json(&json!({"owner_id": agent, "reason": "territory"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let plan = json!({
        "name": "Personal", "customer_id": id, "trigger": "after_purchase",
        "steps": [{"offset": "P1D", "channel": "phone", "purpose": "thank_you", "title": "Thanks"}]
    });
    assert_eq!(
        app.post("/api/v1/playbooks", t, &plan).await.status(),
        StatusCode::CREATED
    );
    app.buy(id, 25_000, "EUR", app.clock.now()).await;
    let call = json!({"customer_id": id, "channel": "phone", "direction": "inbound", "occurred_at": rfc3339(app.clock.now())});
    assert_eq!(
        app.post("/api/v1/interactions", t, &call).await.status(),
        StatusCode::CREATED
    );
    let complaint = json!({"customer_id": id, "subject": "Late delivery"});
    assert_eq!(
        app.post("/api/v1/complaints", t, &complaint).await.status(),
        StatusCode::CREATED
    );
    app.run_scheduler().await;
    assert_eq!(
        receiver.seen().len(),
        3,
        "the three customers' creations were delivered"
    );
    id.parse().unwrap()
}

db_test!(
    every_table_naming_a_customer_is_registered,
    |app: TestApp| async move {
        let db = connect(&app).await;
        let registered: Vec<&str> = RECORDS.iter().map(|r| r.table.name).collect();
        let mut naming = tables_naming(&db, app.backend, "customer_id").await;
        naming.extend(tables_naming(&db, app.backend, "complaint_id").await);
        naming.extend(tables_naming(&db, app.backend, "delivery_id").await);
        for table in naming {
            // Touchpoints name the complaint they follow up; they are registered by customer.
            assert!(
                registered.contains(&table.as_str()),
                "{table} names a customer but is not in the registry"
            );
        }
        let mut unique = registered.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            unique.len(),
            registered.len(),
            "a table is registered twice"
        );
    }
);

db_test!(
    the_walks_reach_every_record_of_a_customer,
    with crate::webhooks::LOCAL,
    |app: TestApp| async move {
        let db = connect(&app).await;
        let a = customer_with_everything(&app).await;
        let before = counts(&db, a).await;
        for (table, n) in &before {
            assert!(*n > 0, "{table} holds nothing of the customer: {before:?}");
        }

        // The export holds every exported table, with every row.
        let export: BTreeMap<_, _> = records::export(&db, a).await.unwrap().into_iter().collect();
        for record in RECORDS {
            match record.export {
                OnExport::Rows => {
                    let rows = &export[record.table.name];
                    assert_eq!(
                        rows.len() as u64,
                        before[record.table.name],
                        "{}",
                        record.table.name
                    );
                    assert!(rows.iter().all(Value::is_object));
                }
                OnExport::Derived => assert!(!export.contains_key(record.table.name)),
            }
        }

        // Merging moves everything to the survivor and recomputes both customers' figures.
        let b: Uuid = app
            .create_customer(
                &app.admin_token,
                &json!({"name": "Survivor", "tags": ["vip"]}),
            )
            .await
            .id
            .parse()
            .unwrap();
        let survivor_before = counts(&db, b).await;
        let tx = db.begin().await.unwrap();
        records::move_all(&tx, a, b).await.unwrap();
        tx.commit().await.unwrap();
        assert!(counts(&db, a).await.values().all(|n| *n == 0));
        let survivor = counts(&db, b).await;
        for (table, n) in &before {
            let dropped = RECORDS
                .iter()
                .any(|r| r.table.name == *table && r.merge == OnMerge::Dropped);
            let expected = if *table == "customer_tags" {
                1 // both had "vip": the tag is kept once
            } else if dropped {
                survivor_before[table] // found again for the survivor, not moved
            } else {
                survivor_before[table] + n
            };
            assert_eq!(survivor[table], expected, "{table}");
        }
        let shown = app.get_customer(&b.to_string()).await;
        assert_eq!(
            (
                shown.lifetime_value_minor,
                shown.purchase_count,
                shown.open_complaints
            ),
            (25_000, 1, 1)
        );
        assert_eq!(app.get_customer(&a.to_string()).await.purchase_count, 0);

        // Erasure deletes what only describes the person and keeps the rows behind the
        // figures, which stay as they were.
        let tx = db.begin().await.unwrap();
        records::erase(&tx, b).await.unwrap();
        tx.commit().await.unwrap();
        let left = counts(&db, b).await;
        for record in RECORDS {
            let n = left[record.table.name];
            match record.erase {
                OnErase::Delete => assert_eq!(n, 0, "{}", record.table.name),
                _ => assert_eq!(n, survivor[record.table.name], "{}", record.table.name),
            }
        }
        let erased = app.get_customer(&b.to_string()).await;
        assert_eq!(
            (
                erased.lifetime_value_minor,
                erased.purchase_count,
                erased.open_complaints
            ),
            (25_000, 1, 1)
        );
        assert_eq!(erased.tags, Vec::<String>::new());
    }
);
