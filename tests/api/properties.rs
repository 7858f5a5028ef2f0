//! Property-based tests (proptest) of every parser that takes caller input: whatever arrives,
//! no panic, and every refusal names the part it refuses. The pure parsers are driven
//! directly; cursors, list filters, `If-Match`, `Idempotency-Key` and CSV rows also through
//! the server, where a refusal must be a 4xx problem naming the part and never a 5xx.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use reqwest::StatusCode;
use serde_json::{Value, json};

use rapport::domain::cadence::duration::CalendarDuration;
use rapport::domain::customer::csv::read;
use rapport::domain::customer::rules::Profile;
use rapport::domain::idempotency::valid_key;
use rapport::domain::page::TimeCursor;
use rapport::domain::segment::rule;
use rapport::domain::version::{Precondition, parse_if_match};
use rapport::dto::customer::CustomerCreate;
use rapport::dto::page::PageQuery;

use crate::db_test;
use crate::helpers::*;

/// Any JSON value, nested a few levels, with the words rules are made of mixed in.
fn json_value() -> impl Strategy<Value = Value> {
    let word = prop_oneof![
        Just("all".to_string()),
        Just("any".to_string()),
        Just("not".to_string()),
        Just("field".to_string()),
        Just("op".to_string()),
        Just("value".to_string()),
        Just("tier".to_string()),
        Just("tags".to_string()),
        Just("in".to_string()),
        Just("eq".to_string()),
        Just("older_than_days".to_string()),
        Just("attributes.plan".to_string()),
        ".{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        word.clone().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((word.clone(), inner), 0..5)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(Config::with_cases(512))]

    #[test]
    fn segment_rules_never_panic_and_name_each_refused_part(value in json_value()) {
        if let Err(errors) = rule::parse(&value, "rule") {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(e.field.starts_with("rule"), "{}", e.field);
                prop_assert!(!e.message.is_empty());
            }
        }
    }

    #[test]
    fn durations_parse_or_say_why_and_never_overflow(text in "P?[0-9YMWDTHS]{0,24}|.{0,16}") {
        match CalendarDuration::parse(&text) {
            Ok(d) => {
                let from: DateTime<Utc> = "2026-01-31T12:00:00Z".parse().unwrap();
                // Adding is checked arithmetic: a far date is `None`, never a panic.
                let _ = d.add_to(from, chrono_tz::Europe::Berlin);
                let _ = d.add_times(from, u32::MAX, chrono_tz::UTC);
            }
            Err(message) => prop_assert!(message.contains(&format!("`{text}`")), "{message}"),
        }
    }

    #[test]
    fn cursors_decode_only_what_a_list_wrote(cursor in ".{0,80}", limit in any::<Option<i64>>()) {
        let page = PageQuery { limit, cursor: Some(cursor) };
        if let Err(err) = page.request::<TimeCursor>() {
            let text = format!("{err:?}");
            prop_assert!(text.contains("\"cursor\"") || text.contains("\"limit\""), "{text}");
        }
    }

    #[test]
    fn if_match_never_panics_and_reads_our_etags(raw in ".{0,40}", version in any::<i32>()) {
        let _ = parse_if_match(&raw);
        prop_assert_eq!(
            parse_if_match(&format!("W/\"{version}\", {raw}")),
            match parse_if_match(&raw) {
                Precondition::Versions(mut rest) => {
                    rest.insert(0, version);
                    Precondition::Versions(rest)
                }
                _ => Precondition::Versions(vec![version]),
            }
        );
    }

    #[test]
    fn idempotency_keys_are_printable_ascii_up_to_255(key in ".{0,300}") {
        let expected = (1..=255).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic());
        prop_assert_eq!(valid_key(&key), expected);
    }

    #[test]
    fn contact_windows_are_checked_field_by_field(
        weekdays in prop::collection::vec(0u8..9, 0..9),
        start in "[0-9:]{0,6}|.{0,6}",
        end in "[0-9:]{0,6}|.{0,6}",
    ) {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "someday", "MON"];
        let body = json!({
            "name": "Window",
            "contact_window": {
                "weekdays": weekdays.iter().map(|d| names[*d as usize]).collect::<Vec<_>>(),
                "start": start,
                "end": end,
            },
        });
        // What serde refuses (an unknown weekday) is the request decoder's to name.
        if let Ok(create) = serde_json::from_value::<CustomerCreate>(body) {
            let profile = Profile::from_create(create, uuid::Uuid::nil());
            for e in profile.check(Utc::now()) {
                prop_assert!(e.field.starts_with("contact_window"), "{}", e.field);
            }
        }
    }

    #[test]
    fn csv_files_never_panic_and_name_row_and_column(body in prop::collection::vec(any::<u8>(), 0..400)) {
        let errors = match read::parse(&body) {
            Ok(table) => table.errors,
            Err(errors) => errors,
        };
        for e in errors {
            prop_assert!(!e.field.is_empty() && !e.message.is_empty());
        }
    }
}

/// `cases` values drawn from `strategy` (no shrinking: each is sent to a server).
fn draw<S: Strategy>(strategy: S, cases: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..cases)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// A refusal is a 4xx problem naming one of `parts`; anything else is an answer.
async fn refused_by_name(res: reqwest::Response, parts: &[&str], input: &str) {
    let status = res.status();
    assert!(status.as_u16() < 500, "{status} for {input:?}");
    if status.is_client_error() {
        let problem: Value = res.json().await.unwrap();
        let named = problem["errors"]
            .as_array()
            .map(|errors| {
                errors.iter().all(|e| {
                    parts
                        .iter()
                        .any(|p| e["field"].as_str().unwrap().starts_with(p))
                })
            })
            .unwrap_or_else(|| {
                parts
                    .iter()
                    .any(|p| problem["detail"].as_str().unwrap().contains(p))
            });
        assert!(named, "{input:?}: {problem}");
    }
}

/// A query parameter value: from what a list writes to anything at all.
fn parameter_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z_-]{1,12}",
        "-?[0-9]{1,22}",
        "(19|20|99)[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z?",
        "[0-9a-f-]{36}",
        ".{0,30}",
    ]
}

db_test!(
    list_filters_and_cursors_are_answered_or_refused_by_name,
    |app: TestApp| async move {
        const PARAMS: [&str; 14] = [
            "sort",
            "tier",
            "lifecycle_stage",
            "status",
            "owner_id",
            "tag",
            "q",
            "last_contacted_before",
            "birthday_within_days",
            "overdue_touchpoints_min",
            "segment_id",
            "consent_granted",
            "limit",
            "cursor",
        ];
        let cases = draw(
            prop::collection::vec((0..PARAMS.len(), parameter_value()), 1..4),
            150,
        );
        for params in cases {
            let query: Vec<(&str, String)> = params
                .iter()
                .map(|(i, v)| (PARAMS[*i], v.clone()))
                .collect();
            let res = app
                .client
                .get(app.url("/api/v1/customers"))
                .bearer_auth(&app.admin_token)
                .query(&query)
                .send()
                .await
                .unwrap();
            let named: Vec<&str> = query.iter().map(|(k, _)| *k).collect();
            refused_by_name(res, &named, &format!("{query:?}")).await;
        }
    }
);

db_test!(
    preconditions_and_idempotency_keys_are_answered_or_refused_by_name,
    |app: TestApp| async move {
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Precondition"}))
            .await;
        let path = format!("/api/v1/customers/{}", customer.id);
        for raw in draw("(W/)?\"?-?[0-9]{0,12}\"?(, ?\\*)?|.{0,20}", 100) {
            let Ok(value) = reqwest::header::HeaderValue::from_str(&raw) else {
                continue;
            };
            let res = app
                .client
                .patch(app.url(&path))
                .bearer_auth(&app.admin_token)
                .header("If-Match", value)
                .json(&json!({"notes": "checked"}))
                .send()
                .await
                .unwrap();
            // 412 names the versions; anything else is not a refusal of the header.
            assert!(
                res.status().as_u16() < 500,
                "If-Match {raw:?}: {}",
                res.status()
            );
            if res.status() == StatusCode::PRECONDITION_FAILED {
                refused_by_name(res, &["version", "If-Match", "ETag"], &raw).await;
            }
        }
        for key in draw(".{0,300}", 100) {
            let Ok(value) = reqwest::header::HeaderValue::from_str(&key) else {
                continue;
            };
            let res = app
                .client
                .post(app.url("/api/v1/customers"))
                .bearer_auth(&app.admin_token)
                .header("Idempotency-Key", value)
                .json(&json!({"name": "Keyed"}))
                .send()
                .await
                .unwrap();
            // Surrounding spaces are not part of a header's value.
            if valid_key(key.trim_matches([' ', '\t'])) {
                assert!(res.status().is_success(), "{key:?}: {}", res.status());
            } else {
                assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{key:?}");
                refused_by_name(res, &["Idempotency-Key"], &key).await;
            }
        }
    }
);

db_test!(
    csv_rows_are_planned_or_refused_by_row_and_column,
    |app: TestApp| async move {
        let cell = prop_oneof![
            Just(String::new()),
            "[A-Za-z ]{1,12}",
            "[a-z]{1,8}@[a-z]{1,8}\\.(com|org)",
            "\\+?[0-9 ()-]{3,18}",
            "(general|important|key|vip)",
            "[0-9-]{4,12}",
            "\"[^\"]{0,10}\"",
            ".{0,12}",
        ];
        let header = prop::sample::subsequence(
            vec![
                "name", "email", "phone", "tier", "tags", "birthday", "owner_id", "company",
                "bogus",
            ],
            1..6,
        );
        let files = draw(
            header.prop_flat_map(move |columns| {
                let width = columns.len();
                (
                    Just(columns),
                    prop::collection::vec(
                        prop::collection::vec(cell.clone(), width..=width + 1),
                        0..6,
                    ),
                )
            }),
            60,
        );
        for (columns, rows) in files {
            let mut body = columns.join(",");
            for row in rows {
                body.push('\n');
                body.push_str(&row.join(","));
            }
            let res = app
                .send_csv(&app.admin_token, "?dry_run=true", body.clone())
                .await;
            let status = res.status();
            assert!(status.as_u16() < 500, "{status} for {body:?}");
            let answer: Value = res.json().await.unwrap();
            for e in answer["errors"].as_array().cloned().unwrap_or_default() {
                let field = e["field"].as_str().unwrap_or_default();
                assert!(!field.is_empty(), "{body:?}: {answer}");
                if status.is_success() {
                    assert!(
                        e["row"].as_u64().is_some_and(|r| r >= 2),
                        "{body:?}: {answer}"
                    );
                }
            }
        }
    }
);
