//! Shutting down as on SIGTERM: not ready at once, what is in flight finished within the
//! grace or answered 503, new long work refused, never a connection closed without an answer.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::db_test;
use crate::helpers::*;

const IMPORT: &str = "/api/v1/customers/import";

/// A CSV file of `rows` new customers.
fn customers_csv(rows: usize) -> String {
    let mut csv = String::from("name,email,tier\n");
    for i in 0..rows {
        csv.push_str(&format!("Drained {i},drained{i}@example.com,general\n"));
    }
    csv
}

/// Starts an import of `rows` customers and returns once the server is answering it.
async fn import_in_flight(
    app: &TestApp,
    rows: usize,
) -> tokio::task::JoinHandle<reqwest::Result<reqwest::Response>> {
    let request = app
        .client
        .post(app.url(IMPORT))
        .bearer_auth(&app.admin_token)
        .header("content-type", "text/csv")
        .body(customers_csv(rows));
    let import = tokio::spawn(request.send());
    wait_until(|| app.shutdown.running_on(IMPORT) == 1).await;
    import
}

async fn wait_until(condition: impl Fn() -> bool) {
    for _ in 0..2_000 {
        if condition() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("the condition did not hold within 10 s");
}

/// A client holding one open connection to the server, made now.
async fn connected(app: &TestApp) -> reqwest::Client {
    let client = reqwest::Client::new();
    let res = client.get(app.url("/health/live")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    client
}

async fn customers_named_drained(app: &TestApp) -> usize {
    let res = app
        .get("/api/v1/customers?q=drained&limit=1", &app.admin_token)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    body["items"].as_array().unwrap().len()
}

db_test!(
    a_drain_finishes_what_is_in_flight_and_refuses_new_long_work,
    |app: TestApp| async move {
        let rows = 20_000;
        let import = import_in_flight(&app, rows).await;
        let (prober, long, short) = (
            connected(&app).await,
            connected(&app).await,
            connected(&app).await,
        );
        let stopping = tokio::spawn(app.shutdown.clone().run());
        wait_until(|| app.shutdown.is_draining()).await;

        // Not ready at once, on a connection that was open before.
        let res = prober.get(app.url("/health/ready")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(res.headers()["connection"], "close");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["status"], "draining");

        // New long work is refused, short work still answered.
        let res = long
            .post(app.url(IMPORT))
            .bearer_auth(&app.admin_token)
            .header("content-type", "text/csv")
            .body(customers_csv(1))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["retry-after"], "1");
        let problem = assert_problem(res, 503).await;
        assert_eq!(
            problem["type"],
            "https://rapport.dev/problems/shutting-down"
        );
        let res = short
            .get(app.url("/api/v1/me"))
            .bearer_auth(&app.admin_token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);

        // The import in flight is finished and answered.
        let res = import.await.unwrap().unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["created"], rows);
        tokio::time::timeout(Duration::from_secs(10), stopping)
            .await
            .expect("the server stops once nothing is in flight")
            .unwrap();
        // No new connection is accepted any more.
        assert!(
            reqwest::Client::new()
                .get(app.url("/health/live"))
                .send()
                .await
                .is_err()
        );
    }
);

db_test!(
    work_still_running_when_the_grace_runs_out_is_answered_503_and_rolled_back,
    with[("RAPPORT_SHUTDOWN_GRACE_SECS", "0")],
    |app: TestApp| async move {
        let import = import_in_flight(&app, 20_000).await;
        tokio::time::timeout(Duration::from_secs(10), app.shutdown.clone().run())
            .await
            .expect("the server stops");
        let res = import
            .await
            .unwrap()
            .expect("an answer, not a closed connection");
        assert_eq!(res.headers()["retry-after"], "1");
        let problem = assert_problem(res, 503).await;
        assert_eq!(
            problem["type"],
            "https://rapport.dev/problems/shutting-down"
        );

        // The import left nothing behind: a server started on the same database sees none
        // of its customers.
        let again = spawn_app_on(app.backend, app.database_url.clone(), &[]).await;
        assert_eq!(customers_named_drained(&again).await, 0);
    }
);
