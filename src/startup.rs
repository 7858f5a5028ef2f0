//! Building the application: database, migrations, bootstrap admin, and the HTTP server
//! bound to its listener (port 0 in tests, so each test gets its own).

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use chrono::Utc;
use migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::clock::Clock;
use crate::config::Settings;
use crate::domain::budget::{self, Evaluations};
use crate::domain::error::DomainError;
use crate::domain::token::TokenKeys;
use crate::http::extract::JSON_LIMIT;
use crate::http::routing::{MethodTable, configure, fallback};
use crate::http::state::AppState;
use crate::telemetry::RequestSpan;
use crate::{db, domain, http, scheduler, telemetry};

pub struct Application {
    port: u16,
    server: Server,
    clock: Clock,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("bootstrap: {0}")]
    Bootstrap(#[from] DomainError),
    #[error("listener: {0}")]
    Io(#[from] std::io::Error),
}

/// Brings the schema up to date on a connection of its own, without the statement budget (a
/// migration may rightly take long) and one replica at a time, then connects for serving
/// with the budget.
pub async fn prepare_database(settings: &Settings) -> Result<DatabaseConnection, StartupError> {
    let migrating = db::connect_for_migrations(&settings.database_url).await?;
    db::lock_migrations(&migrating).await?;
    let migrated = Migrator::up(&migrating, None).await;
    let unlocked = db::unlock_migrations(&migrating, migrated.is_ok()).await;
    migrated?;
    unlocked?;
    migrating.close().await?;
    Ok(db::connect(&settings.database_url, Some(settings.statement_timeout)).await?)
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let db = prepare_database(&settings).await?;
        if settings.jwt.secret_generated {
            tracing::warn!(
                "RAPPORT_JWT_SECRET is not set: tokens are signed with a key generated for this process only and stop working at restart or on other replicas"
            );
        }
        if let Some((email, password)) =
            domain::user::ensure_bootstrap_admin(&db, settings.bootstrap_admin.as_ref(), Utc::now())
                .await?
        {
            // Printed once, by design: this is the only way to learn the generated password.
            tracing::warn!(admin.email = %email, admin.password = %password, "created the first admin; change this password");
        }
        domain::playbook::seed_defaults(&db, Utc::now()).await?;
        let clock = Clock::default();
        if settings.scheduler_enabled {
            scheduler::spawn(db.clone(), settings.scheduler_interval, clock.clone());
        }
        let listener = TcpListener::bind(&settings.bind)?;
        let port = listener.local_addr()?.port();
        // Half the pool at most goes to segment evaluations; the rest stays for everyone else.
        let evaluation_slots = db::pool_size(&settings.database_url) / 2;
        let bulk_db = db::connect_bulk(&settings.database_url, settings.import_timeout).await?;
        let state = web::Data::new(AppState {
            db,
            bulk_db,
            tokens: TokenKeys::new(&settings.jwt),
            evaluations: Evaluations::new(evaluation_slots as usize, budget::SLOT_WAIT),
            clock: clock.clone(),
            campaign_max_members: settings.campaign_max_members,
            tier_thresholds: settings.tier_thresholds,
        });
        let server = serve(listener, state)?;
        Ok(Self {
            port,
            server,
            clock,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The business clock the server and its scheduler read (tests move it forward).
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

fn serve(listener: TcpListener, state: web::Data<AppState>) -> std::io::Result<Server> {
    telemetry::init_metrics();
    let document = http::routing::document();
    let methods = web::Data::new(MethodTable::from_document(&document));
    let server = HttpServer::new(move || {
        App::new()
            .into_utoipa_app()
            .app_data(state.clone())
            .app_data(methods.clone())
            .app_data(web::PayloadConfig::new(JSON_LIMIT))
            .app_data(
                web::PathConfig::default()
                    .error_handler(|_, req| http::routing::unmatched_path(req).into()),
            )
            .configure(configure)
            .map(|app| {
                app.wrap(from_fn(http::middleware::observe))
                    .wrap(TracingLogger::<RequestSpan>::new())
                    .wrap(from_fn(http::middleware::request_id))
            })
            .openapi_service({
                let document = document.clone();
                move |_| {
                    SwaggerUi::new("/swagger-ui/{_:.*}").url("/api-docs/openapi.json", document)
                }
            })
            .default_service(web::to(fallback))
            .into_app()
    })
    .listen(listener)?
    .shutdown_timeout(10)
    .run();
    Ok(server)
}
