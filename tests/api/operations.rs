use crate::db_test;
use crate::helpers::*;

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
async fn readiness_is_503_when_the_database_is_gone() {
    // A PostgreSQL database that is dropped under the running app.
    let Ok(base) = std::env::var("RAPPORT_TEST_POSTGRES_URL") else {
        eprintln!("RAPPORT_TEST_POSTGRES_URL unset: not run");
        return;
    };
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
