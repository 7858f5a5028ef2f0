//! What every handler may use: the database pool and the token keys, built once at startup.

use sea_orm::DatabaseConnection;

use crate::domain::token::TokenKeys;

pub struct AppState {
    pub db: DatabaseConnection,
    pub tokens: TokenKeys,
}
