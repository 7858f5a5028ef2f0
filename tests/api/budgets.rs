//! Every caller's work has a bound: statements a time budget, segment rules a size and cost,
//! expensive reads a per-user concurrency.

use std::time::Duration;

use rapport::domain::error::DomainError;
use sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::db_test;
use crate::helpers::*;

db_test!(
    statements_past_their_budget_are_cancelled,
    |app: TestApp| async move {
        let db = rapport::db::connect(&app.database_url, Some(Duration::from_millis(200)))
            .await
            .unwrap();
        let backend = db.get_database_backend();
        // Counts forever: only the budget can stop it.
        let endless = Statement::from_string(
            backend,
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
        );
        for _ in 0..2 {
            let outcome =
                tokio::time::timeout(Duration::from_secs(30), db.query_one_raw(endless.clone()))
                    .await
                    .expect("the budget stops the statement, it does not hang");
            let err = outcome.expect_err("an endless statement cannot succeed");
            assert!(
                matches!(DomainError::from(err), DomainError::TimedOut(_)),
                "read as a timeout"
            );
            // The pool's connections stay usable, each with a fresh budget.
            for _ in 0..10 {
                let one = Statement::from_string(backend, "SELECT 1");
                db.query_one_raw(one).await.unwrap().unwrap();
            }
        }
        if backend == DbBackend::Postgres {
            let shown = db
                .query_one_raw(Statement::from_string(backend, "SHOW statement_timeout"))
                .await
                .unwrap()
                .unwrap();
            assert_eq!(shown.try_get_by_index::<String>(0).unwrap(), "200ms");
        }
        db.close().await.unwrap();
    }
);
