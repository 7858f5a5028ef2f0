//! Building the application: database, migrations, bootstrap admin, and the HTTP server
//! bound to its listener (port 0 in tests, so each test gets its own).

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use actix_http::{HttpService, Protocol, error::DispatchError};
use actix_server::Server;
use actix_service::{IntoServiceFactory, ServiceFactoryExt, fn_service, map_config};
use actix_web::body::MessageBody;
use actix_web::dev::{AppConfig, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::from_fn;
use actix_web::rt::net::TcpStream;
use actix_web::{App, web};
use migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::clock::{self, Clock};
use crate::config::{CorsOrigins, Settings};
use crate::db::replica::Reads;
use crate::domain::budget::{self, Evaluations};
use crate::domain::token::TokenKeys;
use crate::http::drain::{Drain, Shutdown};
use crate::http::extract::JSON_LIMIT;
use crate::http::request_span::RequestSpan;
use crate::http::routing::{MethodTable, configure, fallback};
use crate::http::state::AppState;
use crate::model::error::DomainError;
use crate::{db, domain, http, scheduler, telemetry};

pub struct Application {
    port: u16,
    server: Server,
    clock: Clock,
    statements: Arc<AtomicU64>,
    shutdown: Shutdown,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("bootstrap: {0}")]
    Bootstrap(#[from] DomainError),
    #[error("listener: {0}")]
    Io(#[from] std::io::Error),
    #[error("webhook sender: {0}")]
    Outbound(String),
}

/// Brings the schema up to date on a connection of its own, without the statement budget (a
/// migration may rightly take long) and one replica at a time, then connects for serving
/// with the budget.
pub async fn prepare_database(settings: &Settings) -> Result<DatabaseConnection, StartupError> {
    let migrating = db::connect_for_migrations(&settings.database_url).await?;
    let tx = db::begin_migrations(&migrating).await?;
    Migrator::up(&tx, None).await?;
    tx.commit().await?;
    migrating.close().await?;
    let db = db::connect(&settings.database_url, Some(settings.statement_timeout)).await?;
    if let Some(applied) = db::effective_statement_timeout(&db).await?
        && applied != settings.statement_timeout
    {
        tracing::warn!(
            applied_ms = applied.as_millis() as u64,
            configured_ms = settings.statement_timeout.as_millis() as u64,
            "PostgreSQL applies another statement budget than RAPPORT_STATEMENT_TIMEOUT_MS: behind PgBouncer in transaction mode, set statement_timeout on the role or in connect_query (deploy/pgbouncer.ini)"
        );
    }
    Ok(db)
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let mut db = prepare_database(&settings).await?;
        // Every statement sent on the main pool, counted, so that tests and benchmarks can
        // say how many round trips a request costs.
        let statements = Arc::new(AtomicU64::new(0));
        let counter = statements.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        if settings.jwt.secret_generated {
            tracing::warn!(
                "RAPPORT_JWT_SECRET is not set: tokens are signed with a key generated for this process only and stop working at restart or on other replicas"
            );
        }
        if let Some((email, password)) = domain::user::ensure_bootstrap_admin(
            &db,
            settings.bootstrap_admin.as_ref(),
            clock::system_now(),
        )
        .await?
        {
            // Printed once, by design: this is the only way to learn the generated password.
            tracing::warn!(admin.email = %email, admin.password = %password, "created the first admin; change this password");
        }
        domain::playbook::seed_defaults(&db, clock::system_now()).await?;
        let clock = Clock::default();
        let options = scheduler::Options::of(&settings).map_err(StartupError::Outbound)?;
        if settings.scheduler_enabled {
            scheduler::spawn(
                db.clone(),
                options.clone(),
                settings.scheduler_interval,
                clock.clone(),
            );
            scheduler::webhook_worker::spawn(db.clone(), options.webhooks.clone(), clock.clone());
        }
        let listener = TcpListener::bind(&settings.bind)?;
        let port = listener.local_addr()?.port();
        // Half the pool at most goes to segment evaluations; the rest stays for everyone else.
        let evaluation_slots = db::pool_size(&settings.database_url) / 2;
        let bulk_db = db::connect_bulk(&settings.database_url, settings.import_timeout).await?;
        let reads = match &settings.replica {
            Some(replica) => {
                Reads::with_standby(db.clone(), replica, settings.statement_timeout).await?
            }
            None => Reads::primary_only(db.clone()),
        };
        let drain = Arc::new(Drain::default());
        let audit = crate::domain::audit::Recorder::start(db.clone());
        let state = web::Data::new(AppState {
            db,
            reads,
            bulk_db,
            tokens: TokenKeys::new(&settings.jwt),
            evaluations: Evaluations::new(evaluation_slots as usize, budget::SLOT_WAIT),
            clock: clock.clone(),
            campaign_max_members: settings.campaign_max_members,
            tier_thresholds: settings.tier_thresholds,
            trusted_proxies: settings.trusted_proxies.clone(),
            scheduler: options,
            drain: drain.clone(),
            breaker: db::breaker::Breaker::watching(&settings.database_url),
            limiter: http::rate_limit::Limiter::new(settings.rate_limits),
            audit,
        });
        let grace = settings.shutdown_grace;
        let server = serve(listener, state, settings.cors_origins.clone(), grace)?;
        let shutdown = Shutdown {
            handle: server.handle(),
            drain,
            grace,
        };
        Ok(Self {
            port,
            server,
            clock,
            statements,
            shutdown,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The business clock the server and its scheduler read (tests move it forward).
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    /// How many statements the server has sent on its main pool so far.
    pub fn statements(&self) -> Arc<AtomicU64> {
        self.statements.clone()
    }

    /// What stops the server gracefully, as SIGTERM does.
    pub fn shutdown(&self) -> Shutdown {
        self.shutdown.clone()
    }

    /// Serves until stopped: by SIGTERM or SIGINT (a graceful drain), or by [`Self::shutdown`].
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let shutdown = self.shutdown.clone();
        tokio::spawn(async move {
            http::drain::signalled().await;
            shutdown.run().await;
        });
        self.server.await
    }
}

/// How long a client may take to send a request head, and to close after its answer; how
/// long an idle connection is kept. actix-web's `HttpServer` defaults, kept.
const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
const CLIENT_DISCONNECT_TIMEOUT: Duration = Duration::from_secs(1);
const KEEP_ALIVE: Duration = Duration::from_secs(5);

/// The server: actix-web's HTTP/1 service behind the head guard, on every worker.
fn serve(
    listener: TcpListener,
    state: web::Data<AppState>,
    cors_origins: CorsOrigins,
    grace: Duration,
) -> std::io::Result<Server> {
    telemetry::init_metrics();
    let document = http::routing::document();
    let methods = web::Data::new(MethodTable::from_document(&document));
    let addr = listener.local_addr()?;
    let server = Server::build()
        // Signals start our own drain (`http::drain`), which stops the server in turn.
        .disable_signals()
        .shutdown_timeout((grace + http::drain::ANSWER_MARGIN).as_secs())
        .listen("rapport", listener, move || {
            let app = app(
                state.clone(),
                methods.clone(),
                document.clone(),
                cors_origins.clone(),
            );
            let http = HttpService::build()
                .keep_alive(KEEP_ALIVE)
                .client_request_timeout(CLIENT_REQUEST_TIMEOUT)
                .client_disconnect_timeout(CLIENT_DISCONNECT_TIMEOUT)
                .local_addr(addr)
                .finish(map_config(
                    app.into_factory()
                        .map_err(|err: actix_web::Error| err.error_response()),
                    // Its host and address stand in for a request without `Host`; nothing
                    // here builds URLs from them.
                    |_| AppConfig::default(),
                ));
            fn_service(|io: TcpStream| async move {
                let peer = io.peer_addr().ok();
                match http::head_guard::admit(io).await {
                    Some(io) => Ok((io, Protocol::Http1, peer)),
                    None => Err(DispatchError::Io(std::io::Error::other(
                        "request head refused",
                    ))),
                }
            })
            .and_then(http)
        })?
        .run();
    Ok(server)
}

/// The application every worker serves: routes, documentation, middleware.
fn app(
    state: web::Data<AppState>,
    methods: web::Data<MethodTable>,
    document: utoipa::openapi::OpenApi,
    cors_origins: CorsOrigins,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .into_utoipa_app()
        .app_data(state)
        .app_data(methods)
        .app_data(web::PayloadConfig::new(JSON_LIMIT))
        .app_data(
            web::PathConfig::default()
                .error_handler(|_, req| http::routing::unmatched_path(req).into()),
        )
        .configure(configure)
        .map(|app| {
            app.wrap(from_fn(http::audit::record))
                .wrap(from_fn(http::rate_limit::headers))
                .wrap(http::cors::middleware(&cors_origins))
                .wrap(from_fn(http::cors::preflight))
                .wrap(from_fn(http::breaker::fail_fast))
                .wrap(from_fn(http::drain_guard::guard))
                .wrap(from_fn(http::middleware::observe))
                .wrap(TracingLogger::<RequestSpan>::new())
                .wrap(from_fn(http::middleware::request_id))
        })
        .openapi_service(move |_| {
            SwaggerUi::new("/swagger-ui/{_:.*}").url("/api-docs/openapi.json", document)
        })
        .default_service(web::to(fallback))
        .into_app()
}
