use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::db_test;
use crate::helpers::*;

db_test!(list_filters_sorts_and_pages, |app: TestApp| async move {
    let t = &app.admin_token;
    let today = chrono::Utc::now().date_naive();
    let in_three_days = (today + chrono::Duration::days(3))
        .format("1990-%m-%d")
        .to_string();
    let in_sixty_days = (today + chrono::Duration::days(60))
        .format("1991-%m-%d")
        .to_string();
    app.create_customer(t, &json!({"name": "Alpha", "tier": "key", "industry": "retail", "tags": ["vip"], "birthday": in_three_days})).await;
    app.create_customer(t, &json!({"name": "Bravo", "company": "Zeta Widgets", "industry": "retail", "birthday": in_sixty_days})).await;
    app.create_customer(t, &json!({"name": "Charlie", "email": "charlie@ex.com", "lifecycle_stage": "commitment", "tags": ["vip", "new"]})).await;
    app.create_customer(
        t,
        &json!({"name": "Delta_%", "status": "churned", "churn_reason": "price"}),
    )
    .await;

    let get = |q: &str| {
        let app = &app;
        let q = q.to_string();
        async move {
            let res = app
                .get(&format!("/api/v1/customers?{q}"), &app.admin_token)
                .await;
            assert_eq!(res.status(), StatusCode::OK, "{q}");
            res.json::<Value>().await.unwrap()
        }
    };
    assert_eq!(
        names(&get("sort=name").await),
        vec!["Alpha", "Bravo", "Charlie", "Delta_%"]
    );
    assert_eq!(
        names(&get("sort=-name").await),
        vec!["Delta_%", "Charlie", "Bravo", "Alpha"]
    );
    assert_eq!(names(&get("sort=name&tier=key").await), vec!["Alpha"]);
    assert_eq!(
        names(&get("sort=name&industry=retail").await),
        vec!["Alpha", "Bravo"]
    );
    assert_eq!(
        names(&get("sort=name&tag=vip").await),
        vec!["Alpha", "Charlie"]
    );
    assert_eq!(
        names(&get("sort=name&lifecycle_stage=commitment").await),
        vec!["Charlie"]
    );
    assert_eq!(
        names(&get("sort=name&status=churned").await),
        vec!["Delta_%"]
    );
    assert_eq!(names(&get("sort=name&q=zeta").await), vec!["Bravo"]);
    assert_eq!(
        names(&get("sort=name&q=CHARLIE%40EX").await),
        vec!["Charlie"]
    );
    assert_eq!(names(&get("sort=name&q=_%25").await), vec!["Delta_%"]);
    assert_eq!(
        names(&get("sort=name&birthday_within_days=7").await),
        vec!["Alpha"]
    );
    assert_eq!(
        names(&get("sort=name&birthday_within_days=90").await),
        vec!["Alpha", "Bravo"]
    );
    assert_eq!(
        names(&get("sort=name&last_contacted_before=2030-01-01T00:00:00Z").await).len(),
        4
    );
    assert_eq!(
        names(&get("sort=-created_at").await),
        vec!["Delta_%", "Charlie", "Bravo", "Alpha"]
    );

    // Keyset pages cover everything once, in order.
    for sort in [
        "name",
        "-name",
        "created_at",
        "-updated_at",
        "last_contacted_at",
        "-last_contacted_at",
    ] {
        let mut seen = Vec::new();
        let mut page = get(&format!("sort={sort}&limit=3")).await;
        loop {
            seen.extend(names(&page));
            match page["next_cursor"].as_str() {
                Some(cursor) => page = get(&format!("sort={sort}&limit=3&cursor={cursor}")).await,
                None => break,
            }
        }
        seen.sort();
        assert_eq!(seen, vec!["Alpha", "Bravo", "Charlie", "Delta_%"], "{sort}");
    }
    let first = get("sort=name&limit=2").await;
    assert_eq!(names(&first), vec!["Alpha", "Bravo"]);
    let cursor = first["next_cursor"].as_str().unwrap();
    assert_eq!(
        names(&get(&format!("sort=name&limit=2&cursor={cursor}")).await),
        vec!["Charlie", "Delta_%"]
    );

    // Bad parameters are 422 naming the parameter.
    for (q, field) in [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("limit=abc", "limit"),
        ("tier=gold", "tier"),
        ("sort=colour", "sort"),
        ("owner_id=nope", "owner_id"),
        ("cursor=garbage", "cursor"),
        ("last_contacted_before=yesterday", "last_contacted_before"),
        ("birthday_within_days=400", "birthday_within_days"),
    ] {
        let res = app.get(&format!("/api/v1/customers?{q}"), t).await;
        let problem = assert_problem(res, 422).await;
        assert_eq!(error_fields(&problem), vec![field.to_string()], "{q}");
    }
    let cursor_of_other_sort = first["next_cursor"].as_str().unwrap();
    assert_problem(
        app.get(
            &format!("/api/v1/customers?sort=-name&cursor={cursor_of_other_sort}"),
            t,
        )
        .await,
        422,
    )
    .await;
});
