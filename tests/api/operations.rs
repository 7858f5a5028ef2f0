use crate::db_test;
use crate::helpers::*;
use serde_json::json;

db_test!(
    health_and_metrics_answer_without_auth,
    |app: TestApp| async move {
        let live = app
            .client
            .get(app.url("/health/live"))
            .send()
            .await
            .unwrap();
        assert_eq!(live.status(), 200);
        let ready = app
            .client
            .get(app.url("/health/ready"))
            .send()
            .await
            .unwrap();
        assert_eq!(ready.status(), 200);
        assert_eq!(
            ready.json::<serde_json::Value>().await.unwrap()["status"],
            "ok"
        );

        let metrics = app.client.get(app.url("/metrics")).send().await.unwrap();
        assert_eq!(metrics.status(), 200);
        let text = metrics.text().await.unwrap();
        assert!(text.contains("http_requests_total"), "{text}");
        assert!(text.contains("route=\"/health/ready\""));
        assert!(text.contains("http_request_duration_seconds_bucket"));
    }
);

db_test!(
    metrics_show_route_templates_pools_and_scheduler_passes,
    |app: TestApp| async move {
        let customer = app
            .create_customer(&app.admin_token, &json!({"name": "Metric Customer"}))
            .await;
        let path = format!("/api/v1/customers/{}", customer.id);
        assert_eq!(app.get(&path, &app.admin_token).await.status(), 200);
        let run = app
            .post("/api/v1/scheduler/run", &app.admin_token, &json!({}))
            .await;
        assert_eq!(run.status(), 200);

        let text = app
            .client
            .get(app.url("/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let has = |needle: &str| text.lines().any(|l| l.starts_with(needle));
        assert!(
            has(r#"http_requests_total{method="GET",route="/api/v1/customers/{id}",status="200"}"#),
            "{text}"
        );
        assert!(
            !text.contains(&customer.id.to_string()),
            "a raw path leaked"
        );
        let max = match app.backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        };
        assert!(
            has(&format!(r#"db_pool_max_connections{{pool="main"}} {max}"#)),
            "{text}"
        );
        assert!(has(r#"db_pool_max_connections{pool="bulk"} 1"#), "{text}");
        assert!(
            has(r#"db_pool_connections{pool="main",state="in_use"}"#),
            "{text}"
        );
        assert!(
            has(r#"db_pool_connections{pool="main",state="idle"}"#),
            "{text}"
        );
        assert!(has("db_pool_acquire_seconds_count"), "{text}");
        assert!(has("db_pool_waits_total"), "{text}");
        // The Grafana dashboard charts only what the service exposes.
        let dashboard: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/deploy/grafana/dashboards/rapport.json"
            ))
            .unwrap(),
        )
        .unwrap();
        let mut charted = 0;
        for panel in dashboard["panels"].as_array().unwrap() {
            for target in panel["targets"].as_array().into_iter().flatten() {
                let expr = target["expr"].as_str().unwrap();
                let names = expr
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .filter(|t| {
                        ["http_", "db_pool_", "scheduler_"]
                            .iter()
                            .any(|p| t.starts_with(p))
                    });
                for name in names {
                    charted += 1;
                    assert!(
                        has(name),
                        "the dashboard charts {name}, which /metrics lacks"
                    );
                }
            }
        }
        assert!(charted >= 10, "{charted}");
        for pass in rapport::scheduler::PASSES {
            assert!(
                has(&format!(
                    r#"scheduler_pass_duration_seconds_count{{pass="{}"}}"#,
                    pass.name
                )),
                "{} timed: {text}",
                pass.name
            );
            assert!(
                has(&format!(
                    r#"scheduler_pass_items_total{{pass="{}"}}"#,
                    pass.name
                )),
                "{} counted",
                pass.name
            );
        }
    }
);

db_test!(
    request_ids_are_echoed_or_generated,
    |app: TestApp| async move {
        let res = app
            .client
            .get(app.url("/health/live"))
            .header("X-Request-Id", "trace-me-123")
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["x-request-id"], "trace-me-123");

        let res = app
            .client
            .get(app.url("/api/v1/nowhere"))
            .send()
            .await
            .unwrap();
        let generated = res.headers()["x-request-id"].to_str().unwrap().to_string();
        assert_eq!(generated.len(), 36);
        assert_problem(res, 404).await;
    }
);

db_test!(
    swagger_ui_and_document_are_served,
    |app: TestApp| async move {
        let doc = app
            .client
            .get(app.url("/api-docs/openapi.json"))
            .send()
            .await
            .unwrap();
        assert_eq!(doc.status(), 200);
        let doc: serde_json::Value = doc.json().await.unwrap();
        assert!(doc["paths"]["/api/v1/customers"]["get"].is_object());

        let ui = app
            .client
            .get(app.url("/swagger-ui/"))
            .send()
            .await
            .unwrap();
        assert_eq!(ui.status(), 200);
        assert!(ui.text().await.unwrap().contains("swagger"));
    }
);

#[tokio::test]
#[cfg_attr(
    not(rapport_postgres),
    ignore = "set RAPPORT_TEST_POSTGRES_URL to run it on PostgreSQL"
)]
async fn readiness_is_503_when_the_database_is_gone() {
    // A PostgreSQL database that is dropped under the running app.
    let base = std::env::var("RAPPORT_TEST_POSTGRES_URL").expect("RAPPORT_TEST_POSTGRES_URL");
    use sea_orm::{ConnectionTrait, Database};
    let app = spawn_app(Backend::Postgres).await;
    let name = app.database_url.rsplit('/').next().unwrap().to_string();
    let admin = Database::connect(&base).await.unwrap();
    admin
        .execute_unprepared(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .await
        .unwrap();

    let ready = app
        .client
        .get(app.url("/health/ready"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 503);
    let res = app.get("/api/v1/customers", &app.admin_token).await;
    let problem = assert_problem(res, 503).await;
    assert!(!problem["detail"].as_str().unwrap().contains("database \""));
}

db_test!(
    the_health_subcommand_answers_for_a_container,
    |app: TestApp| async move {
        let bind = app.address.trim_start_matches("http://").to_string();
        let health = |bind: String| {
            std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
                .arg("health")
                .env("RAPPORT_BIND", bind)
                .output()
                .unwrap()
        };
        let ready = tokio::task::spawn_blocking({
            let bind = bind.clone();
            move || health(bind)
        })
        .await
        .unwrap();
        assert!(ready.status.success(), "{ready:?}");

        // Nobody listens on a port just released.
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let closed = free.local_addr().unwrap().to_string();
        drop(free);
        let down = tokio::task::spawn_blocking(move || health(closed))
            .await
            .unwrap();
        assert_eq!(down.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&down.stderr).contains("cannot connect"));
    }
);

db_test!(
    replicas_starting_at_once_on_an_empty_database_all_start,
    |app: TestApp| async move {
        let url = fresh_database(app.backend).await;
        let settings = || settings_for(&url, &[]);
        let (a, b, c) = tokio::join!(
            rapport::startup::Application::build(settings()),
            rapport::startup::Application::build(settings()),
            rapport::startup::Application::build(settings()),
        );
        let started = [a, b, c].map(|r| r.map(|_| ()).map_err(|e| e.to_string()));
        let backend = app.backend;
        let _ = std::thread::spawn(move || remove_database(backend, &url)).join();
        assert!(started.iter().all(Result::is_ok), "{started:?}");
    }
);
