//! Indexes for the reads the benchmark drives at a million customers: a page of an owner's
//! customers of one tier (or of one tier) most recently contacted first, read in index order
//! instead of sorting every match; and, on PostgreSQL, trigram indexes that let the `q=`
//! search (a substring of name, company, email or phone) avoid reading the whole table.
//!
//! The trigram indexes take every insert at once (`fastupdate = off`, the name's too): with
//! GIN's pending list, a burst of new customers made the planner cost the indexes past a
//! sequential scan until the next vacuum (0.4 ms became 33 ms over 26,000 customers).
//!
//! The list indexes are partial on the live customers, the condition every list carries, and
//! ordered as the keyset sort is (`DESC NULLS LAST`, then id); SQLite orders nulls first in
//! ascending order, so its plain `DESC` is the same order.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const LIVE: &str = "deleted_at IS NULL AND erased_at IS NULL AND merged_into IS NULL";

/// (name, columns before the sort key)
const LISTS: [(&str, &str); 2] = [
    ("idx_customers_owner_tier_contacted", "owner_id, tier"),
    ("idx_customers_tier_contacted", "tier"),
];

const TRIGRAMS: [(&str, &str); 3] = [
    ("idx_customers_company_trgm", "company"),
    ("idx_customers_email_trgm", "email"),
    ("idx_customers_phone_trgm", "phone"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let nulls_last = match backend {
            DatabaseBackend::Postgres => " NULLS LAST",
            _ => "",
        };
        for (name, prefix) in LISTS {
            db.execute_unprepared(&format!(
                "CREATE INDEX {name} ON customers ({prefix}, last_contacted_at DESC{nulls_last}, id DESC) WHERE {LIVE}"
            ))
            .await?;
        }
        if backend == DatabaseBackend::Postgres {
            for (name, column) in TRIGRAMS {
                db.execute_unprepared(&format!(
                    "CREATE INDEX {name} ON customers USING gin ({column} gin_trgm_ops) \
                     WITH (fastupdate = off)"
                ))
                .await?;
            }
            db.execute_unprepared("ALTER INDEX idx_customers_name_trgm SET (fastupdate = off)")
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared("ALTER INDEX idx_customers_name_trgm RESET (fastupdate)")
                .await?;
        }
        for (name, _) in LISTS.iter().chain(TRIGRAMS.iter()) {
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS {name}"))
                .await?;
        }
        Ok(())
    }
}
