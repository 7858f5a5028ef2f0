//! Customers as CSV: export and re-import to the same data, dry runs, duplicates, and
//! malformed files answered row by row.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

async fn import(app: &TestApp, token: &str, query: &str, body: impl Into<reqwest::Body>) -> Value {
    let res = app.send_csv(token, query, body).await;
    assert_eq!(res.status(), StatusCode::OK, "import{query}");
    res.json().await.unwrap()
}

async fn export(app: &TestApp, token: &str, query: &str) -> String {
    let res = app
        .get(&format!("/api/v1/customers/export{query}"), token)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    res.text().await.unwrap()
}

fn rows_of(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn counts(result: &Value) -> (i64, i64, i64, usize) {
    (
        result["created"].as_i64().unwrap(),
        result["updated"].as_i64().unwrap(),
        result["skipped"].as_i64().unwrap(),
        result["errors"].as_array().unwrap().len(),
    )
}

db_test!(
    an_export_re_imports_to_the_same_data,
    |app: TestApp| async move {
        let rich = json!({
            "name": "Ada Lovelace", "company": "Analytical Engines", "email": "Ada@Example.com",
            "phone": "+44 20 7946 0000", "birthday": "1985-12-10", "tier": "key", "timezone": "Europe/London",
            "contact_window": {"weekdays": [1, 2, 3], "start": "09:00", "end": "12:00"},
            "tags": ["vip", "engineering"], "attributes": {"plan": "enterprise", "seats": 40},
            "important_dates": [{"label": "Founded", "date": "2001-03-01", "recurring": true}],
            "notes": "=HYPERLINK(\"http://evil\")", "needs": "Quarterly reports, \"on time\"\nand in colour"
        });
        app.create_customer(&app.admin_token, &rich).await;
        app.create_customer(
            &app.admin_token,
            &json!({"name": "Bob; Builder", "status": "churned", "churn_reason": "price"}),
        )
        .await;
        let first = export(&app, &app.admin_token, "").await;
        let rows = rows_of(&first);
        assert_eq!(rows[0][..3], ["id", "name", "company"]);
        assert_eq!(rows.len(), 3);
        let header = &rows[0];
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let ada = &rows[1];
        assert_eq!(
            ada[col("phone")],
            "'+44 20 7946 0000",
            "formulas are neutralised"
        );
        assert_eq!(ada[col("notes")], "'=HYPERLINK(\"http://evil\")");
        assert_eq!(ada[col("tags")], "engineering;vip");
        assert_eq!(ada[col("email")], "ada@example.com");

        // Remove everyone and bring them back from the file.
        for row in &rows[1..] {
            let res = app
                .call(
                    reqwest::Method::DELETE,
                    &format!("/api/v1/customers/{}", row[0]),
                    &app.admin_token,
                    None,
                )
                .await;
            assert_eq!(res.status(), StatusCode::NO_CONTENT);
        }
        let result = import(&app, &app.admin_token, "", first.clone()).await;
        assert_eq!(counts(&result), (2, 0, 0, 0), "{result}");
        let second = export(&app, &app.admin_token, "").await;
        let without_ids = |text: &str| {
            rows_of(text)
                .into_iter()
                .map(|r| r[1..].to_vec())
                .collect::<Vec<_>>()
        };
        assert_eq!(without_ids(&second), without_ids(&first));
        let back = app.items("/api/v1/customers?q=Ada", &app.admin_token).await;
        assert_eq!(back[0]["contact_window"], rich["contact_window"]);
        assert_eq!(back[0]["needs"], rich["needs"]);

        // The same file again, updating: everyone matches, nothing changes, so every row is
        // skipped and no version moves.
        let again = import(
            &app,
            &app.admin_token,
            "?on_duplicate=update",
            second.clone(),
        )
        .await;
        assert_eq!(counts(&again), (0, 0, 2, 0), "{again}");
        let versions: Vec<i64> = app
            .items("/api/v1/customers", &app.admin_token)
            .await
            .iter()
            .map(|c| c["version"].as_i64().unwrap())
            .collect();
        assert_eq!(versions, [1, 1]);
        assert_eq!(export(&app, &app.admin_token, "").await, second);
    }
);

db_test!(dry_runs_and_duplicates, |app: TestApp| async move {
    let existing = app
        .create_customer(
            &app.admin_token,
            &json!({"name": "Existing", "email": "known@example.com", "phone": "+49 30 1234567"}),
        )
        .await;
    let file = "name,email,phone,tier\n\
                New One,new@example.com,,general\n\
                Same Email,KNOWN@example.com,,important\n\
                Same Phone,,+49 (30) 123-4567,key\n\
                New One Again,NEW@example.com,,general\n\
                Broken,not-an-email,,general\n";
    let plan = import(&app, &app.admin_token, "?dry_run=true", file).await;
    assert_eq!(plan["dry_run"], true);
    assert_eq!(counts(&plan), (1, 0, 3, 1));
    let actions: Vec<(i64, &str)> = plan["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["row"].as_i64().unwrap(), p["action"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            (2, "create"),
            (3, "skip"),
            (4, "skip"),
            (5, "skip"),
            (6, "error")
        ]
    );
    assert_eq!(plan["plan"][1]["customer_id"], existing.id.as_str());
    assert_eq!(plan["plan"][3]["duplicate_of_row"], 2);
    assert_eq!(
        plan["errors"],
        json!([{"row": 6, "field": "email", "code": "invalid_format", "message": "must be a valid email address"}])
    );
    assert_codes_documented(&plan["errors"]);
    assert_eq!(app.customer_count().await, 1, "a dry run creates nothing");

    let updating = import(&app, &app.admin_token, "?on_duplicate=update", file).await;
    assert!(updating["plan"].is_null());
    // Rows 3 and 4 both name the existing customer: the second is a repeat.
    assert_eq!(counts(&updating), (1, 1, 2, 1));
    let after = app.get_customer(&existing.id).await;
    assert_eq!(
        (after.tier.as_str(), after.name.as_str(), after.version),
        ("important", "Same Email", 2)
    );
    assert_eq!(app.customer_count().await, 2);
    let history = app
        .items(
            &format!("/api/v1/customers/{}/history", existing.id),
            &app.admin_token,
        )
        .await;
    assert!(
        history
            .iter()
            .any(|h| h["field"] == "tier" && h["to"] == "important")
    );
});

db_test!(
    malformed_files_are_answered_row_by_row,
    |app: TestApp| async move {
        // A byte-order mark, semicolons, a ragged row, bad bytes, bad values and good rows.
        let mut file = b"\xEF\xBB\xBFname;tier;birthday;attributes;tags\n".to_vec();
        file.extend_from_slice(b"Good One;key;1990-05-01;{\"plan\":\"pro\"};\"a;b\"\n");
        file.extend_from_slice(b"Ragged;key\n");
        file.extend_from_slice(b"Bad \xFF Bytes;general;;;\n");
        file.extend_from_slice(b"Gold;gold;;;\n");
        file.extend_from_slice(b"Late;general;1990-13-01;;\n");
        file.extend_from_slice(b"Jason;general;;{not json;\n");
        file.extend_from_slice(b";general;;;\n");
        file.extend_from_slice(b"Good Two;general;;;\n");
        let result = import(&app, &app.admin_token, "", file).await;
        assert_eq!(counts(&result), (2, 0, 0, 6), "{result}");
        let errors: Vec<(i64, &str)> = result["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["row"].as_i64().unwrap(), e["field"].as_str().unwrap()))
            .collect();
        assert_eq!(
            errors,
            [
                (3, "row"),
                (4, "name"),
                (5, "tier"),
                (6, "birthday"),
                (7, "attributes"),
                (8, "name")
            ]
        );
        let good = app
            .items("/api/v1/customers?q=Good%20One", &app.admin_token)
            .await;
        assert_eq!(good[0]["tags"], json!(["a", "b"]));
        assert_eq!(good[0]["attributes"], json!({"plan": "pro"}));

        // A file that cannot be read as customers is refused whole, and nothing is imported.
        let refused = |body: &'static str| {
            let app = &app;
            async move {
                let res = app
                    .client
                    .post(app.url("/api/v1/customers/import"))
                    .bearer_auth(&app.admin_token)
                    .header("content-type", "text/csv")
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                error_fields(&assert_problem(res, 422).await)
            }
        };
        assert_eq!(
            refused("name,emial,name\nX,y,z\n").await,
            ["header.emial", "header.name"]
        );
        assert_eq!(refused("email\nx@example.com\n").await, ["header.name"]);
        assert_eq!(refused("").await, ["header"]);
        assert_eq!(refused("42").await, ["header.42", "header.name"]);
        assert_eq!(app.customer_count().await, 2);

        // Transport problems are problem documents.
        let res = app
            .client
            .post(app.url("/api/v1/customers/import"))
            .bearer_auth(&app.admin_token)
            .json(&json!({"name": "x"}))
            .send()
            .await
            .unwrap();
        assert_problem(res, 415).await;
        let huge = format!("name\n{}", "x\n".repeat(11 * 1024 * 1024));
        let res = app
            .client
            .post(app.url("/api/v1/customers/import"))
            .bearer_auth(&app.admin_token)
            .header("content-type", "text/csv")
            .body(huge)
            .send()
            .await
            .unwrap();
        assert_problem(res, 413).await;
        let res = app
            .client
            .post(app.url("/api/v1/customers/import?on_duplicate=merge"))
            .bearer_auth(&app.admin_token)
            .header("content-type", "text/csv")
            .body("name\nA\n")
            .send()
            .await
            .unwrap();
        assert_eq!(
            error_fields(&assert_problem(res, 422).await),
            ["on_duplicate"]
        );
        assert_problem(
            app.get("/api/v1/customers/export?tier=gold", &app.admin_token)
                .await,
            422,
        )
        .await;
        assert_problem(
            app.get("/api/v1/customers/export?sort=-name", &app.admin_token)
                .await,
            422,
        )
        .await;
    }
);

db_test!(
    agents_import_and_export_only_their_own,
    |app: TestApp| async move {
        let (agent_id, agent) = app.user_with_role("agent").await;
        let (_, other_email) = app
            .user_with_password("agent", "a-long-enough-password")
            .await;
        let (_, viewer) = app.user_with_role("viewer").await;
        app.create_customer(
            &app.admin_token,
            &json!({"name": "Not Mine", "email": "taken@example.com"}),
        )
        .await;
        let file = format!(
            "name,email,owner_email\nMine,taken@example.com,\nTheirs,t@example.com,{other_email}\nNobody,n@example.com,ghost@example.com\n"
        );
        let result = import(&app, &agent, "", file).await;
        // The other owner's customer with the same email is not seen, so "Mine" is new.
        assert_eq!(counts(&result), (1, 0, 0, 2), "{result}");
        // Another user's email and an unknown one are answered alike: an agent learns
        // nothing of which emails have accounts.
        let answers: Vec<(&str, &str)> = result["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["field"].as_str().unwrap(), e["message"].as_str().unwrap()))
            .collect();
        let not_own = ("owner_id", "agents import only customers they own");
        assert_eq!(answers, [not_own, not_own]);
        let mine = export(&app, &agent, "").await;
        let rows = rows_of(&mine);
        assert_eq!(rows.len(), 2, "{mine}");
        assert_eq!(rows[1][1], "Mine");
        assert!(rows[1].contains(&agent_id));
        let res = app
            .client
            .post(app.url("/api/v1/customers/import"))
            .bearer_auth(&viewer)
            .header("content-type", "text/csv")
            .body("name\nA\n")
            .send()
            .await
            .unwrap();
        assert_problem(res, 403).await;
        assert_eq!(rows_of(&export(&app, &viewer, "").await).len(), 3);
        assert_eq!(
            rows_of(&export(&app, &viewer, &format!("?owner_id={agent_id}")).await).len(),
            2
        );
    }
);

db_test!(
    imports_sent_at_once_create_each_customer_once,
    |app: TestApp| async move {
        let file = "name,email\nAda,ada@example.com\nBob,bob@example.com\nCy,cy@example.com\n";
        let answers = at_once(
            (0..3)
                .map(|_| {
                    app.request(
                        reqwest::Method::POST,
                        "/api/v1/customers/import",
                        &app.admin_token,
                    )
                    .header("content-type", "text/csv")
                    .body(file)
                })
                .collect(),
        )
        .await;
        let (mut created, mut skipped) = (0, 0);
        for res in answers {
            assert_eq!(res.status(), StatusCode::OK);
            let result: Value = res.json().await.unwrap();
            created += result["created"].as_i64().unwrap();
            skipped += result["skipped"].as_i64().unwrap();
        }
        assert_eq!((created, skipped), (3, 6));
        assert_eq!(app.customer_count().await, 3);
    }
);

db_test!(
    an_update_import_changes_each_record_as_a_patch_would,
    |app: TestApp| async move {
        let mut ids = Vec::new();
        for (name, email) in [
            ("Ada", "ada@example.com"),
            ("Bea", "bea@example.com"),
            ("Cy", "cy@example.com"),
            ("Dee", "dee@example.com"),
        ] {
            let c = app
                .create_customer(
                    &app.admin_token,
                    &json!({"name": name, "email": email, "tags": ["old"]}),
                )
                .await;
            ids.push(c.id);
        }
        // Ada: new name, stage and tags (written with others); Bea: unchanged; Cy: a new
        // tier (carried out on its own, with its cadence); Dee: an invalid birthday, refused.
        let file = "name,email,tier,tags,birthday,lifecycle_stage\n\
                    Ada Lovelace,ada@example.com,general,vip;new,,expansion\n\
                    Bea,bea@example.com,general,old,,exploration\n\
                    Cy,cy@example.com,key,old,,exploration\n\
                    Dee,dee@example.com,general,old,1800-01-01,exploration\n";
        let result = import(&app, &app.admin_token, "?on_duplicate=update", file).await;
        assert_eq!(counts(&result), (0, 2, 1, 1), "{result}");
        assert_eq!(result["errors"][0]["row"], 5);
        assert_eq!(result["errors"][0]["field"], "birthday");

        let ada = app.get_customer(&ids[0]).await;
        assert_eq!((ada.name.as_str(), ada.version), ("Ada Lovelace", 2));
        assert_eq!(ada.tags, ["new", "vip"]);
        assert_eq!(app.get_customer(&ids[1]).await.version, 1);
        let cy = app.get_customer(&ids[2]).await;
        assert_eq!((cy.tier.as_str(), cy.version), ("key", 2));
        assert_eq!(app.get_customer(&ids[3]).await.version, 1);

        let history = app
            .items(
                &format!("/api/v1/customers/{}/history", ids[0]),
                &app.admin_token,
            )
            .await;
        assert!(
            history
                .iter()
                .any(|h| h["field"] == "lifecycle_stage" && h["to"] == "expansion"),
            "{history:?}"
        );
        let events = app
            .items("/api/v1/events?type=customer.updated", &app.admin_token)
            .await;
        let updated: Vec<&str> = events
            .iter()
            .map(|e| e["data"]["id"].as_str().unwrap())
            .collect();
        assert_eq!(updated.len(), 2, "{events:?}");
        assert!(updated.contains(&ids[0].as_str()) && updated.contains(&ids[2].as_str()));
        let ada_event = events
            .iter()
            .find(|e| e["data"]["id"] == ids[0].as_str())
            .unwrap();
        assert_eq!(ada_event["data"]["name"], "Ada Lovelace");
        assert_eq!(ada_event["data"]["version"], 2);

        // The same file again changes nothing more.
        let again = import(&app, &app.admin_token, "?on_duplicate=update", file).await;
        assert_eq!(counts(&again), (0, 0, 3, 1), "{again}");
    }
);
