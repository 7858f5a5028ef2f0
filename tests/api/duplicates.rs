//! Duplicates: phone numbers read in E.164, candidates and their reasons, dismissals, the
//! hint and the refusal on creation, merges and what they move, and the import's matches.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::{TestApp, assert_problem, at_once, error_fields, rfc3339, status_counts};

async fn create(app: &TestApp, body: Value) -> Value {
    let res = app.post("/api/v1/customers", &app.admin_token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "create {body}");
    res.json().await.unwrap()
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

async fn merge(app: &TestApp, survivor: &Value, from: &Value, fields: Value) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/customers/{}/merge", id(survivor))))
        .bearer_auth(&app.admin_token)
        .header("If-Match", format!("\"{}\"", survivor["version"]))
        .json(&json!({"from": id(from), "from_version": from["version"], "fields": fields}))
        .send()
        .await
        .unwrap()
}

async fn fresh(app: &TestApp, customer: &Value) -> Value {
    app.get(
        &format!("/api/v1/customers/{}", id(customer)),
        &app.admin_token,
    )
    .await
    .json()
    .await
    .unwrap()
}

db_test!(
    phones_are_compared_in_e164_and_unreadable_ones_refused,
    |app: TestApp| async move {
        let national = create(
            &app,
            json!({"name": "Berlin Office", "phone": "030 1234567", "country": "DE"}),
        )
        .await;
        // The number as typed is what the API shows.
        assert_eq!(national["phone"], "030 1234567");

        // The international form of the same number is the same phone.
        let international = create(
            &app,
            json!({"name": "Someone Else", "phone": "+49 (30) 123-4567"}),
        )
        .await;
        assert_eq!(international["possible_duplicates"], json!([id(&national)]));
        let found = app
            .items(
                &format!("/api/v1/customers/{}/duplicates", id(&international)),
                &app.admin_token,
            )
            .await;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0]["other_id"], id(&national).as_str());
        assert_eq!(found[0]["reasons"][0]["code"], "same_phone");
        assert_eq!(found[0]["reasons"][0]["detail"], "+49301234567");

        // A national number without a country cannot be read, nor can a number that is no
        // number of its country.
        for body in [
            json!({"name": "Nowhere", "phone": "030 1234567"}),
            json!({"name": "Nowhere", "phone": "030 1234567", "country": "Germany"}),
        ] {
            let res = app.post("/api/v1/customers", &app.admin_token, &body).await;
            let problem = assert_problem(res, 422).await;
            assert_eq!(error_fields(&problem), ["phone"]);
            assert_eq!(problem["errors"][0]["code"], "invalid_format");
        }
        // A change of country re-reads the number; one that makes it unreadable is refused.
        let res = app
            .patch(
                &format!("/api/v1/customers/{}", id(&national)),
                &app.admin_token,
                &json!({"country": null}),
            )
            .await;
        assert_eq!(error_fields(&assert_problem(res, 422).await), ["phone"]);
    }
);

db_test!(
    candidates_are_scored_with_their_reasons,
    |app: TestApp| async move {
        let ada = create(
        &app,
        json!({"name": "Ada Lovelace", "email": "ada@example.com", "company": "Analytical Engines",
               "city": "London"}),
    )
    .await;
        // The same person at the same company, written differently.
        let same_company = create(
            &app,
            json!({"name": "Ada  LOVELACE", "company": "analytical engines ", "city": "Paris"}),
        )
        .await;
        // The same name in the same city only: a weak candidate.
        let same_city = create(&app, json!({"name": "Ada Lovelace", "city": "LONDON"})).await;
        // The same email, whatever its case: a strong one.
        let same_email = create(&app, json!({"name": "A. L.", "email": "ADA@example.com"})).await;
        create(
            &app,
            json!({"name": "Charles Babbage", "company": "Analytical Engines"}),
        )
        .await;

        let path = format!("/api/v1/customers/{}/duplicates", id(&ada));
        let found = app.items(&path, &app.admin_token).await;
        let summary: Vec<(String, i64, Vec<String>)> = found
            .iter()
            .map(|c| {
                assert_eq!(c["customer_id"], id(&ada).as_str());
                (
                    c["other_id"].as_str().unwrap().to_string(),
                    c["score"].as_i64().unwrap(),
                    c["reasons"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| r["code"].as_str().unwrap().to_string())
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (id(&same_email), 90, vec!["same_email".to_string()]),
                (
                    id(&same_company),
                    70,
                    vec!["similar_name_same_company".to_string()]
                ),
                (
                    id(&same_city),
                    50,
                    vec!["similar_name_same_city".to_string()]
                ),
            ]
        );

        // Keyset pages, most likely first.
        let first: Value = app
            .get(&format!("{path}?limit=2"), &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(first["items"].as_array().unwrap().len(), 2);
        let cursor = first["next_cursor"].as_str().unwrap();
        let second: Value = app
            .get(&format!("{path}?limit=2&cursor={cursor}"), &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(second["items"][0]["other_id"], id(&same_city).as_str());
        assert_eq!(second["next_cursor"], Value::Null);

        // Every pair, most likely first; `min_score` keeps the strong ones.
        let pairs = app
            .items("/api/v1/duplicates?min_score=70", &app.admin_token)
            .await;
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0]["score"], 90);
        assert!(
            pairs
                .iter()
                .all(|p| p["customer_id"].as_str() < p["other_id"].as_str())
        );
        let res = app
            .get("/api/v1/duplicates?min_score=101", &app.admin_token)
            .await;
        assert_eq!(error_fields(&assert_problem(res, 422).await), ["min_score"]);

        // Managers and admins only.
        let (_, agent) = app.user_with_role("agent").await;
        let (_, viewer) = app.user_with_role("viewer").await;
        let (_, manager) = app.user_with_role("manager").await;
        for token in [&agent, &viewer] {
            assert_problem(app.get(&path, token).await, 403).await;
            assert_problem(app.get("/api/v1/duplicates", token).await, 403).await;
        }
        assert_eq!(app.items(&path, &manager).await.len(), 3);
        let unknown = format!("/api/v1/customers/{}/duplicates", uuid::Uuid::now_v7());
        assert_problem(app.get(&unknown, &app.admin_token).await, 404).await;
    }
);

db_test!(
    a_creation_hints_at_strong_candidates_or_is_refused,
    |app: TestApp| async move {
        let ada = create(
            &app,
            json!({"name": "Ada Lovelace", "email": "ada@example.com"}),
        )
        .await;
        let weak = create(&app, json!({"name": "Grace Hopper", "city": "Arlington"})).await;
        assert_eq!(weak["possible_duplicates"], json!([]));

        let twin = create(&app, json!({"name": "Ada", "email": "Ada@Example.com"})).await;
        assert_eq!(twin["possible_duplicates"], json!([id(&ada)]));

        // A weak candidate neither hints nor refuses.
        let res = app
            .post(
                "/api/v1/customers?on_duplicate=reject",
                &app.admin_token,
                &json!({"name": "Grace Hopper", "city": "arlington"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["possible_duplicates"], json!([]));

        let before = app.customer_count().await;
        let res = app
            .post(
                "/api/v1/customers?on_duplicate=reject",
                &app.admin_token,
                &json!({"name": "Countess", "email": "ada@example.com"}),
            )
            .await;
        let problem = assert_problem(res, 409).await;
        let candidates: Vec<&str> = problem["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["other_id"].as_str().unwrap())
            .collect();
        assert_eq!(candidates, [id(&ada), id(&twin)]);
        assert_eq!(problem["candidates"][0]["reasons"][0]["code"], "same_email");
        assert_eq!(app.customer_count().await, before, "nothing was created");

        let res = app
            .post(
                "/api/v1/customers?on_duplicate=maybe",
                &app.admin_token,
                &json!({"name": "Countess"}),
            )
            .await;
        let status = res.status().as_u16();
        assert!(status == 400 || status == 422, "{status}");
        assert_eq!(app.customer_count().await, before);

        // An agent is warned only of the customers it can see.
        let (agent_id, agent) = app.user_with_role("agent").await;
        let res = app
            .post(
                "/api/v1/customers?on_duplicate=reject",
                &agent,
                &json!({"name": "Ada", "email": "ada@example.com"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let own: Value = res.json().await.unwrap();
        assert_eq!(own["possible_duplicates"], json!([]));
        assert_eq!(own["owner_id"], agent_id.as_str());
    }
);

db_test!(
    two_creations_of_one_person_at_once_see_each_other,
    |app: TestApp| async move {
        let requests = (0..6)
            .map(|i| {
                app.request(
                    Method::POST,
                    "/api/v1/customers?on_duplicate=reject",
                    &app.admin_token,
                )
                .json(&json!({"name": format!("Ada {i}"), "email": "ada@example.com"}))
            })
            .collect();
        let answers = at_once(requests).await;
        assert_eq!(
            status_counts(&answers),
            [(201, 1), (409, 5)].into_iter().collect()
        );
        assert_eq!(app.customer_count().await, 1);
    }
);

db_test!(
    pairs_follow_changes_and_stay_dismissed,
    |app: TestApp| async move {
        let a = create(
            &app,
            json!({"name": "Ada Lovelace", "email": "ada@example.com"}),
        )
        .await;
        let b = create(
            &app,
            json!({"name": "Grace Hopper", "email": "grace@example.com"}),
        )
        .await;
        assert!(
            app.items("/api/v1/duplicates", &app.admin_token)
                .await
                .is_empty()
        );

        // A change is compared by the scheduler's pass.
        let res = app
            .patch(
                &format!("/api/v1/customers/{}", id(&b)),
                &app.admin_token,
                &json!({"email": "ADA@example.com"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let run = app.run_scheduler().await;
        let pass = run["passes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "duplicate_candidates")
            .unwrap()
            .clone();
        assert_eq!(pass["affected"], 1);
        let pairs = app.items("/api/v1/duplicates", &app.admin_token).await;
        assert_eq!(pairs.len(), 1);
        let (lo, hi) = if id(&a) < id(&b) {
            (id(&a), id(&b))
        } else {
            (id(&b), id(&a))
        };
        assert_eq!(
            (
                pairs[0]["customer_id"].as_str(),
                pairs[0]["other_id"].as_str()
            ),
            (Some(lo.as_str()), Some(hi.as_str()))
        );

        let dismissal = json!({"customer_id": id(&b), "other_id": id(&a)});
        let res = app
            .post(
                "/api/v1/duplicates/dismissals",
                &app.admin_token,
                &dismissal,
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let first: Value = res.json().await.unwrap();
        assert_eq!(first["customer_id"], lo.as_str());
        let res = app
            .post(
                "/api/v1/duplicates/dismissals",
                &app.admin_token,
                &dismissal,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let again: Value = res.json().await.unwrap();
        assert_eq!(again["dismissed_at"], first["dismissed_at"]);

        assert!(
            app.items("/api/v1/duplicates", &app.admin_token)
                .await
                .is_empty()
        );
        let path = format!("/api/v1/customers/{}/duplicates", id(&a));
        assert!(app.items(&path, &app.admin_token).await.is_empty());
        // Compared again after another change, the pair stays dismissed.
        app.patch(
            &format!("/api/v1/customers/{}", id(&b)),
            &app.admin_token,
            &json!({"name": "Ada L."}),
        )
        .await;
        app.run_scheduler().await;
        assert!(
            app.items("/api/v1/duplicates", &app.admin_token)
                .await
                .is_empty()
        );
        let c = create(&app, json!({"name": "Third", "email": "ada@example.com"})).await;
        assert_eq!(c["possible_duplicates"].as_array().unwrap().len(), 2);

        // Refusals.
        for (body, field) in [
            (
                json!({"customer_id": id(&a), "other_id": id(&a)}),
                "other_id",
            ),
            (
                json!({"customer_id": id(&a), "other_id": uuid::Uuid::now_v7()}),
                "other_id",
            ),
        ] {
            let res = app
                .post("/api/v1/duplicates/dismissals", &app.admin_token, &body)
                .await;
            assert_eq!(error_fields(&assert_problem(res, 422).await), [field]);
        }
        let res = app
            .post(
                "/api/v1/duplicates/dismissals",
                &app.admin_token,
                &json!({"customer_id": id(&a)}),
            )
            .await;
        assert!(res.status().is_client_error());
        let (_, agent) = app.user_with_role("agent").await;
        let res = app
            .post("/api/v1/duplicates/dismissals", &agent, &dismissal)
            .await;
        assert_problem(res, 403).await;
    }
);

db_test!(
    a_merge_moves_every_record_and_recomputes_the_figures,
    |app: TestApp| async move {
        let t = &app.admin_token;
        let now = app.clock.now();
        let survivor = create(
            &app,
            json!({"name": "Ada Lovelace", "email": "ada@example.com", "tags": ["vip"],
                   "attributes": {"plan": "gold"}, "consent": {"email": "granted"}}),
        )
        .await;
        let other = create(
            &app,
            json!({"name": "A. Lovelace", "email": "countess@example.com", "phone": "+44 20 7946 0000",
                   "tags": ["engineering"], "attributes": {"plan": "silver", "seats": 4},
                   "consent": {"email": "refused"},
                   "important_dates": [{"label": "Wedding", "date": "2015-06-12"}]}),
        )
        .await;
        let (s, o) = (id(&survivor), id(&other));
        app.buy(&s, 10_000, "EUR", now - chrono::Duration::days(30))
            .await;
        app.buy(&o, 5_000, "EUR", now - chrono::Duration::days(20))
            .await;
        app.buy(&o, 2_500, "EUR", now - chrono::Duration::days(10))
            .await;
        let call = json!({"customer_id": o, "channel": "phone", "direction": "inbound",
                          "occurred_at": rfc3339(now - chrono::Duration::days(5))});
        assert_eq!(
            app.post("/api/v1/interactions", t, &call).await.status(),
            StatusCode::CREATED
        );
        let complaint = json!({"customer_id": o, "subject": "Late delivery"});
        assert_eq!(
            app.post("/api/v1/complaints", t, &complaint).await.status(),
            StatusCode::CREATED
        );
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
        app.post(&members, t, &json!({"customer_ids": [o]})).await;

        // Both bought under the general tier's playbook: each runs its quarterly series.
        let open_series = |tps: &[Value]| {
            tps.iter()
                .filter(|tp| tp["status"] == "scheduled" && tp["purpose"] == "periodic_care")
                .count()
        };
        assert_eq!(open_series(&app.touchpoints_of(&s).await), 1);
        assert_eq!(open_series(&app.touchpoints_of(&o).await), 1);

        let survivor = fresh(&app, &survivor).await;
        let other = fresh(&app, &other).await;
        let res = merge(&app, &survivor, &other, json!({"phone": "from"})).await;
        assert_eq!(res.status(), StatusCode::OK);
        let etag = res.headers()["etag"].to_str().unwrap().to_string();
        let merged: Value = res.json().await.unwrap();
        assert_eq!(merged["merged_from"], o.as_str());
        let c = &merged["customer"];
        assert_eq!(etag, format!("\"{}\"", c["version"]));
        assert!(c["version"].as_i64() > survivor["version"].as_i64());
        assert_eq!(c["id"], s.as_str());
        assert_eq!(c["email"], "ada@example.com");
        assert_eq!(c["phone"], "+44 20 7946 0000");
        assert_eq!(c["tags"], json!(["engineering", "vip"]));
        assert_eq!(c["attributes"], json!({"plan": "gold", "seats": 4}));
        assert_eq!(c["important_dates"][0]["label"], "Wedding");
        assert_eq!(c["consent"]["email"], "refused");
        assert_eq!(c["lifetime_value_minor"], 17_500);
        assert_eq!(c["purchase_count"], 3);
        assert_eq!(c["open_complaints"], 1);
        assert!(c["last_contacted_at"].is_string());
        assert_eq!(merged["moved"]["purchases"], 2);
        assert_eq!(merged["moved"]["interactions"], 1);
        assert_eq!(merged["moved"]["complaints"], 1);
        assert_eq!(merged["moved"]["segment_members"], 1);

        // What the survivor holds now, read through the API.
        let purchases = app
            .items(&format!("/api/v1/customers/{s}/purchases"), t)
            .await;
        assert_eq!(purchases.len(), 3);
        let interactions = app
            .items(&format!("/api/v1/interactions?customer_id={s}"), t)
            .await;
        assert_eq!(interactions.len(), 1);
        let complaints = app
            .items(&format!("/api/v1/complaints?customer_id={s}"), t)
            .await;
        assert_eq!(complaints.len(), 1);
        let in_segment = app
            .items(
                &format!(
                    "/api/v1/segments/{}/customers",
                    segment["id"].as_str().unwrap()
                ),
                t,
            )
            .await;
        assert_eq!(in_segment.len(), 1);
        assert_eq!(in_segment[0]["id"], s.as_str());
        let stored = fresh(&app, &survivor).await;
        assert_eq!(&stored, c);

        // One open occurrence of the playbook's series, not two.
        let tps = app.touchpoints_of(&s).await;
        let cancelled: Vec<&Value> = tps
            .iter()
            .filter(|tp| tp["skip_reason"] == "customers merged")
            .collect();
        assert_eq!(cancelled.len(), 1, "{tps:#?}");
        assert_eq!(cancelled[0]["status"], "cancelled");
        assert_eq!(open_series(&tps), 1, "{tps:#?}");

        // The merged customer is gone, with a pointer to the survivor.
        let res = app.get(&format!("/api/v1/customers/{o}"), t).await;
        let problem = assert_problem(res, 404).await;
        assert_eq!(problem["merged_into"], s.as_str());
        let listed = app.items("/api/v1/customers?limit=200", t).await;
        assert!(listed.iter().all(|c| c["id"] != o.as_str()));
        for report in [
            "neglected?days=1",
            "tier-suggestions",
            "pareto?currency=EUR",
        ] {
            let res = app.get(&format!("/api/v1/reports/{report}"), t).await;
            assert_eq!(res.status(), StatusCode::OK, "{report}");
            let text = res.text().await.unwrap();
            assert!(
                !text.contains(o.as_str()),
                "{report} names the merged customer: {text}"
            );
        }
        let res = app
            .post(
                "/api/v1/interactions",
                t,
                &json!({"customer_id": o, "channel": "phone", "direction": "inbound"}),
            )
            .await;
        let status = res.status().as_u16();
        assert!(status == 404 || status == 422, "{status}");
        let problem: Value = res.json().await.unwrap();
        assert_eq!(
            problem["merged_into"],
            Value::Null,
            "a body reference is just missing"
        );

        // Its history and the feed tell of the merge.
        let history = app
            .items(&format!("/api/v1/customers/{s}/history"), t)
            .await;
        assert!(
            history
                .iter()
                .any(|h| h["field"] == "merged_from" && h["to"] == o.as_str()),
            "{history:#?}"
        );
        let events = app
            .items(
                &format!("/api/v1/events?type=customer.merged&customer_id={s}"),
                t,
            )
            .await;
        assert_eq!(events.len(), 1);
        assert_eq!(events[0]["subject_id"], o.as_str());
        assert_eq!(events[0]["data"]["merged_from"], o.as_str());

        // Merged away, it can be neither merged nor merged into again.
        let res = merge(&app, &stored, &other, json!({})).await;
        assert_eq!(error_fields(&assert_problem(res, 422).await), ["from"]);
        let res = merge(&app, &other, &stored, json!({})).await;
        assert_eq!(assert_problem(res, 404).await["merged_into"], s.as_str());
    }
);

db_test!(a_merge_names_both_versions, |app: TestApp| async move {
    let a = create(&app, json!({"name": "Ada"})).await;
    let b = create(&app, json!({"name": "Ada L."})).await;
    let path = format!("/api/v1/customers/{}/merge", id(&a));
    let body = json!({"from": id(&b), "from_version": b["version"]});

    let res = app.post(&path, &app.admin_token, &body).await;
    assert_problem(res, 428).await;
    let send = |if_match: &'static str, body: Value| {
        app.client
            .post(app.url(&path))
            .bearer_auth(&app.admin_token)
            .header("If-Match", if_match)
            .json(&body)
            .send()
    };
    assert_problem(send("\"7\"", body.clone()).await.unwrap(), 412).await;
    let stale = json!({"from": id(&b), "from_version": 9});
    assert_problem(send("\"1\"", stale).await.unwrap(), 412).await;
    let itself = json!({"from": id(&a), "from_version": 1});
    let problem = assert_problem(send("\"1\"", itself).await.unwrap(), 422).await;
    assert_eq!(error_fields(&problem), ["from"]);
    let unknown = json!({"from": uuid::Uuid::now_v7(), "from_version": 1});
    let problem = assert_problem(send("\"1\"", unknown).await.unwrap(), 422).await;
    assert_eq!(error_fields(&problem), ["from"]);
    let fields =
        json!({"from": id(&b), "from_version": 1, "fields": {"tags": "from", "name": "theirs"}});
    let res = send("\"1\"", fields).await.unwrap();
    assert!(res.status().is_client_error());
    let fields = json!({"from": id(&b), "from_version": 1, "fields": {"tags": "from"}});
    let problem = assert_problem(send("\"1\"", fields).await.unwrap(), 422).await;
    assert_eq!(error_fields(&problem), ["fields.tags"]);
    let extra = json!({"from": id(&b), "from_version": 1, "undo": true});
    assert!(
        send("\"1\"", extra)
            .await
            .unwrap()
            .status()
            .is_client_error()
    );
    // Nothing happened.
    assert_eq!(fresh(&app, &b).await["version"], 1);
    assert_eq!(fresh(&app, &a).await["version"], 1);

    // The same Idempotency-Key answers the same merge once more.
    let keyed = || {
        app.client
            .post(app.url(&path))
            .bearer_auth(&app.admin_token)
            .header("If-Match", "\"1\"")
            .header("Idempotency-Key", "merge-ada-once")
            .json(&body)
            .send()
    };
    let first = keyed().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let first: Value = first.json().await.unwrap();
    let again = keyed().await.unwrap();
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.json::<Value>().await.unwrap(), first);
});

db_test!(
    concurrent_merges_of_overlapping_pairs_lose_nothing,
    |app: TestApp| async move {
        let now = app.clock.now();
        let mut people = Vec::new();
        for name in ["A", "B", "C", "D"] {
            let c = create(&app, json!({"name": name})).await;
            app.buy(&id(&c), 1_000, "EUR", now - chrono::Duration::days(3))
                .await;
            people.push(c);
        }
        let mut requests = Vec::new();
        for (s, f) in [(0, 1), (1, 2), (2, 0), (1, 0), (3, 2), (2, 3), (0, 3)] {
            let (s, f): (&Value, &Value) = (&people[s], &people[f]);
            requests.push(
                app.request(
                    Method::POST,
                    &format!("/api/v1/customers/{}/merge", id(s)),
                    &app.admin_token,
                )
                .header("If-Match", "*")
                .json(&json!({"from": id(f), "from_version": f["version"]})),
            );
        }
        let answers = at_once(requests).await;
        let counts = status_counts(&answers);
        assert!(
            counts.keys().all(|s| [200, 404, 412, 422].contains(s)),
            "{counts:?}"
        );
        assert!(counts.get(&200).is_some_and(|n| *n >= 1), "{counts:?}");
        // Every purchase is still counted once, on a live customer.
        let live = app
            .items("/api/v1/customers?limit=200", &app.admin_token)
            .await;
        let purchases: i64 = live
            .iter()
            .map(|c| c["purchase_count"].as_i64().unwrap())
            .sum();
        assert_eq!(purchases, 4);
        let value: i64 = live
            .iter()
            .map(|c| c["lifetime_value_minor"].as_i64().unwrap())
            .sum();
        assert_eq!(value, 4_000);
        assert_eq!(live.len(), 4 - counts[&200]);
    }
);

db_test!(
    an_agent_merges_only_the_customers_it_sees,
    |app: TestApp| async move {
        let (agent_id, agent) = app.user_with_role("agent").await;
        let (other_agent, _) = app.user_with_role("agent").await;
        let own = create(&app, json!({"name": "Own", "owner_id": agent_id})).await;
        let own_too = create(&app, json!({"name": "Own Too", "owner_id": agent_id})).await;
        let theirs = create(&app, json!({"name": "Theirs", "owner_id": other_agent})).await;
        let send = |survivor: &Value, from: &Value| {
            app.client
                .post(app.url(&format!("/api/v1/customers/{}/merge", id(survivor))))
                .bearer_auth(&agent)
                .header("If-Match", "\"1\"")
                .json(&json!({"from": id(from), "from_version": 1}))
                .send()
        };
        let problem = assert_problem(send(&own, &theirs).await.unwrap(), 422).await;
        assert_eq!(error_fields(&problem), ["from"]);
        assert_problem(send(&theirs, &own).await.unwrap(), 404).await;
        // Taking the other's owner is a reassignment, which agents may not make.
        assert_eq!(fresh(&app, &theirs).await["version"], 1);
        let res = send(&own, &own_too).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let (_, viewer) = app.user_with_role("viewer").await;
        let res = app
            .client
            .post(app.url(&format!("/api/v1/customers/{}/merge", id(&own))))
            .bearer_auth(&viewer)
            .header("If-Match", "*")
            .json(&json!({"from": id(&theirs), "from_version": 1}))
            .send()
            .await
            .unwrap();
        assert_problem(res, 403).await;
    }
);

db_test!(
    the_import_matches_in_e164_and_says_why,
    |app: TestApp| async move {
        let known = create(
            &app,
            json!({"name": "Known", "email": "known@example.com", "phone": "+49 30 1234567"}),
        )
        .await;
        let file = "name,email,phone,country\n\
                    By Phone,,030 1234567,DE\n\
                    By Both,KNOWN@example.com,+49 (30) 123-4567,\n\
                    New,new@example.com,,\n\
                    Unreadable,,030 999,\n";
        let res = app.send_csv(&app.admin_token, "?dry_run=true", file).await;
        assert_eq!(res.status(), StatusCode::OK);
        let plan: Value = res.json().await.unwrap();
        let rows = plan["plan"].as_array().unwrap();
        assert_eq!(rows[0]["action"], "skip");
        assert_eq!(rows[0]["customer_id"], id(&known).as_str());
        assert_eq!(rows[0]["matched_by"], json!(["phone"]));
        assert_eq!(rows[1]["action"], "skip");
        assert_eq!(rows[1]["duplicate_of_row"], 2);
        assert_eq!(rows[1]["matched_by"], json!(["email", "phone"]));
        assert_eq!(rows[2]["action"], "create");
        assert_eq!(rows[2]["matched_by"], Value::Null);
        assert_eq!(rows[3]["action"], "error");
        assert_eq!(plan["errors"][0]["field"], "phone");
    }
);

db_test!(
    the_open_work_of_the_merged_customers_owner_moves_to_the_survivors,
    |app: TestApp| async move {
        let (sam, _) = app.user_with_role("agent").await;
        let (kim, _) = app.user_with_role("agent").await;
        let survivor = create(&app, json!({"name": "Ada", "owner_id": sam})).await;
        let other = create(&app, json!({"name": "Ada L.", "owner_id": kim})).await;
        let due = rfc3339(app.clock.now() + chrono::Duration::days(3));
        let call = app
            .schedule(
                &app.admin_token,
                json!({"customer_id": id(&other), "due_at": due, "channel": "phone",
                       "purpose": "usage_check", "title": "Call Ada"}),
            )
            .await;
        let res = merge(&app, &survivor, &other, json!({})).await;
        assert_eq!(res.status(), StatusCode::OK);
        let merged: Value = res.json().await.unwrap();
        assert_eq!(merged["customer"]["owner_id"], sam.as_str());
        let moved: Value = app
            .get(&call.path(), &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(moved["customer_id"], id(&survivor).as_str());
        assert_eq!(moved["assignee_id"], sam.as_str());

        // Choosing the other's owner is a reassignment: the survivor changes hands.
        let third = create(&app, json!({"name": "Ada Byron", "owner_id": kim})).await;
        let survivor = fresh(&app, &merged["customer"]).await;
        let res = merge(&app, &survivor, &third, json!({"owner_id": "from"})).await;
        assert_eq!(res.status(), StatusCode::OK);
        let merged: Value = res.json().await.unwrap();
        assert_eq!(merged["customer"]["owner_id"], kim.as_str());
        let moved: Value = app
            .get(&call.path(), &app.admin_token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(moved["assignee_id"], kim.as_str());
        let handoffs = app
            .items(
                &format!("/api/v1/customers/{}/owner-history", id(&survivor)),
                &app.admin_token,
            )
            .await;
        assert!(
            handoffs.iter().any(|h| h["to_owner_id"] == kim.as_str()),
            "{handoffs:#?}"
        );
    }
);
