//! The versioned schema. Each migration is self-contained (no dependency on the `entity`
//! crate) so that an old migration never changes meaning when entities evolve.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_foundation;
mod m20261122_000002_relationships;
mod m20261123_000003_token_version;
mod m20261123_000004_playbooks;
mod m20261123_000005_touchpoints;
mod m20261123_000006_user_timezone;
mod m20261123_000007_customer_dates;
mod m20261129_000008_complaints;
mod m20261129_000009_phone_digits;
mod m20261201_000010_login_throttle_source;
mod m20261201_000011_api_keys;
mod m20261201_000012_events;
mod m20261201_000013_webhooks;
mod m20261201_000014_personal_data;
mod m20261202_000015_duplicates;
mod m20261203_000016_read_paths;
mod m20261204_000017_sign_in_checks;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_foundation::Migration),
            Box::new(m20261122_000002_relationships::Migration),
            Box::new(m20261123_000003_token_version::Migration),
            Box::new(m20261123_000004_playbooks::Migration),
            Box::new(m20261123_000005_touchpoints::Migration),
            Box::new(m20261123_000006_user_timezone::Migration),
            Box::new(m20261123_000007_customer_dates::Migration),
            Box::new(m20261129_000008_complaints::Migration),
            Box::new(m20261129_000009_phone_digits::Migration),
            Box::new(m20261201_000010_login_throttle_source::Migration),
            Box::new(m20261201_000011_api_keys::Migration),
            Box::new(m20261201_000012_events::Migration),
            Box::new(m20261201_000013_webhooks::Migration),
            Box::new(m20261201_000014_personal_data::Migration),
            Box::new(m20261202_000015_duplicates::Migration),
            Box::new(m20261203_000016_read_paths::Migration),
            Box::new(m20261204_000017_sign_in_checks::Migration),
        ]
    }
}
