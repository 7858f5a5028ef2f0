//! The scheduler's touchpoint passes: yearly greetings (birthdays, recurring important dates)
//! materialised within the horizon, once however often or concurrently the pass runs, and
//! purchases whose playbooks were never applied.

use chrono::{DateTime, Datelike, Duration, NaiveDate, SecondsFormat, TimeZone, Utc};
use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

const EVERY_DAY: [u8; 7] = [1, 2, 3, 4, 5, 6, 7];

/// What the run said the pass `name` did.
fn affected(run: &Value, name: &str) -> u64 {
    run["passes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("no pass {name} in {run}"))["affected"]
        .as_u64()
        .unwrap()
}

/// A date of birth (in 1992, a leap year, so any day exists) whose anniversary is `days`
/// from the UTC date of `now`.
fn born_in_days(now: DateTime<Utc>, days: i64) -> NaiveDate {
    let day = (now + Duration::days(days)).date_naive();
    NaiveDate::from_ymd_opt(1992, day.month(), day.day()).unwrap()
}

fn in_berlin_at_ten(now: DateTime<Utc>, days: i64) -> String {
    let day = (now + Duration::days(days)).date_naive();
    chrono_tz::Europe::Berlin
        .from_local_datetime(&day.and_hms_opt(10, 0, 0).unwrap())
        .single()
        .unwrap()
        .with_timezone(&Utc)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

db_test!(
    birthdays_over_two_passes_make_one_touchpoint_each_year,
    |app: TestApp| async move {
        let (owner_id, agent) = app.user_with_role("agent").await;
        // Noon UTC keeps every date below on the same day in Berlin.
        let now = app.clock.now();
        let shift =
            Duration::hours(12) - (now - now.date_naive().and_hms_opt(0, 0, 0).unwrap().and_utc());
        app.clock.advance(shift);
        let now = app.clock.now();
        let window = json!({"weekdays": EVERY_DAY, "start": "10:00", "end": "18:00"});
        let soon = app
            .create_customer(&agent, &json!({"name": "Soon", "birthday": born_in_days(now, 10), "timezone": "Europe/Berlin", "contact_window": window}))
            .await;
        let later = app
            .create_customer(&agent, &json!({"name": "Later", "birthday": born_in_days(now, 40), "timezone": "Europe/Berlin", "contact_window": window}))
            .await;
        let dates = app
            .create_customer(&agent, &json!({"name": "Dates", "timezone": "Europe/Berlin", "contact_window": window, "important_dates": [
                {"label": "Wedding anniversary", "date": born_in_days(now, 5)},
                {"label": "One-off visit", "date": (now + Duration::days(6)).date_naive(), "recurring": false}
            ]}))
            .await;

        let first = app.run_scheduler().await;
        // The birthday, the anniversary and the one-off visit (on its day, once).
        assert_eq!(affected(&first, "yearly_greetings"), 3);
        let greeting = app.touchpoints_of(&soon.id).await;
        assert_eq!(greeting.len(), 1, "{greeting:?}");
        assert_eq!(greeting[0]["purpose"], "birthday");
        assert_eq!(greeting[0]["source"], "birthday");
        assert_eq!(greeting[0]["status"], "scheduled");
        assert_eq!(greeting[0]["assignee_id"], owner_id.as_str());
        // At the start of the customer's contact window, in the customer's timezone.
        assert_eq!(greeting[0]["due_at"], in_berlin_at_ten(now, 10));
        assert_eq!(
            app.get_customer(&soon.id).await.next_touchpoint_due_at,
            Some(in_berlin_at_ten(now, 10))
        );
        let mut anniversary = app.touchpoints_of(&dates.id).await;
        anniversary.sort_by_key(|t| t["due_at"].as_str().unwrap().to_string());
        assert_eq!(anniversary.len(), 2, "{anniversary:?}");
        assert_eq!(anniversary[0]["title"], "Wedding anniversary");
        assert_eq!(anniversary[1]["title"], "One-off visit");
        assert!(anniversary.iter().all(|t| t["source"] == "important_date"));
        assert!(app.touchpoints_of(&later.id).await.is_empty());

        // The second pass finds everything in place.
        let second = app.run_scheduler().await;
        assert_eq!(affected(&second, "yearly_greetings"), 0);
        assert_eq!(app.touchpoints_of(&soon.id).await.len(), 1);

        // Five weeks on, the later birthday comes within the horizon; this year's earlier
        // ones are not made again and next year's are still too far.
        app.clock.advance(Duration::days(35));
        let third = app.run_scheduler().await;
        assert_eq!(affected(&third, "yearly_greetings"), 1);
        assert_eq!(app.touchpoints_of(&later.id).await.len(), 1);
        assert_eq!(app.touchpoints_of(&soon.id).await.len(), 1);
        assert_eq!(app.touchpoints_of(&dates.id).await.len(), 2);
    }
);

db_test!(
    concurrent_passes_create_no_duplicates,
    |app: TestApp| async move {
        let (_, agent) = app.user_with_role("agent").await;
        let now = app.clock.now();
        let mut ids = Vec::new();
        for i in 0..20 {
            let c = app
                .create_customer(
                    &agent,
                    &json!({"name": format!("C{i}"), "birthday": born_in_days(now, 3)}),
                )
                .await;
            ids.push(c.id);
        }
        let requests = (0..6)
            .map(|_| {
                app.request(Method::POST, "/api/v1/scheduler/run", &app.admin_token)
                    .json(&json!({}))
            })
            .collect();
        let responses = at_once(requests).await;
        let mut created = 0;
        for res in responses {
            assert_eq!(res.status(), StatusCode::OK);
            created += affected(&res.json::<Value>().await.unwrap(), "yearly_greetings");
        }
        assert_eq!(created, 20);
        for id in &ids {
            assert_eq!(app.touchpoints_of(id).await.len(), 1, "customer {id}");
        }
    }
);

db_test!(
    purchases_whose_playbooks_were_never_applied_get_them_once,
    |app: TestApp| async move {
        let c = app
            .create_customer(&app.admin_token, &json!({"name": "Early buyer"}))
            .await;
        let at = app.clock.now() - Duration::hours(1);
        let res = app
            .post(
                &format!("/api/v1/customers/{}/purchases", c.id),
                &app.admin_token,
                &json!({"amount_minor": 1000, "currency": "EUR", "occurred_at": at.to_rfc3339_opts(SecondsFormat::Secs, true)}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let applied = app.touchpoints_of(&c.id).await;
        assert!(!applied.is_empty());

        // As a purchase logged before the cadence engine existed: its event never applied.
        let db = Database::connect(&app.database_url).await.unwrap();
        db.execute_unprepared("DELETE FROM touchpoints")
            .await
            .unwrap();
        db.execute_unprepared("UPDATE domain_events SET processed_at = NULL")
            .await
            .unwrap();
        db.close().await.unwrap();

        let run = app.run_scheduler().await;
        assert_eq!(affected(&run, "pending_purchase_playbooks"), 1);
        let restored = app.touchpoints_of(&c.id).await;
        let plan = |tps: &[Value]| -> Vec<(Value, Value)> {
            tps.iter()
                .map(|t| (t["due_at"].clone(), t["title"].clone()))
                .collect()
        };
        assert_eq!(plan(&restored), plan(&applied));

        let again = app.run_scheduler().await;
        assert_eq!(affected(&again, "pending_purchase_playbooks"), 0);
        assert_eq!(app.touchpoints_of(&c.id).await.len(), applied.len());
    }
);
