//! Connecting to SQLite or PostgreSQL with a time budget on every statement, and starting
//! write transactions that cannot fail with "database is locked" on SQLite.

pub mod breaker;
pub mod replica;
mod writer_gate;

use std::time::{Duration, Instant};

use futures_util::future::BoxFuture;
use sea_orm::sqlx::SqliteConnection;

use sea_orm::sqlx::pool::PoolOptions;
use writer_gate::WriterGate;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

pub fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// Connections in the pool: SQLite has one writer anyway; PostgreSQL serves replicas too.
pub fn pool_size(url: &str) -> u32 {
    if is_sqlite(url) { 8 } else { 16 }
}

/// Connects. With a `statement_timeout`, no statement runs longer: PostgreSQL cancels it
/// itself (`statement_timeout`); on SQLite a progress handler interrupts the connection once
/// it has been executing for that long since it left the pool, which bounds one statement,
/// or one transaction, the same way. Both surface as [`is_statement_timeout`] errors.
pub async fn connect(
    url: &str,
    statement_timeout: Option<Duration>,
) -> Result<DatabaseConnection, DbErr> {
    connect_pool(url, statement_timeout, pool_size(url)).await
}

/// The connection for bulk work (CSV imports): one transaction of many statements, which
/// SQLite's budget counts whole, so it gets a longer budget of its own; and one connection,
/// so that imports run one at a time (two imports of one file cannot both create its
/// customers) and never take the pool everyone else uses.
pub async fn connect_bulk(url: &str, budget: Duration) -> Result<DatabaseConnection, DbErr> {
    connect_pool(url, Some(budget), 1).await
}

/// The connection migrations run on: no statement budget (a migration may rightly take long)
/// and one connection.
///
/// Processes starting at once on a new SQLite file race to switch it to WAL, which takes an
/// exclusive lock SQLite answers `SQLITE_BUSY` for at once instead of waiting the busy
/// timeout; the losers try again until the busy timeout has passed.
pub async fn connect_for_migrations(url: &str) -> Result<DatabaseConnection, DbErr> {
    let deadline = Instant::now() + SQLITE_BUSY_TIMEOUT;
    loop {
        match connect_pool(url, None, 1).await {
            Err(err) if is_sqlite_busy(&err) && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            connected => return connected,
        }
    }
}

/// The pool of a read replica: connected lazily, so that a standby that is down when the
/// service starts delays nothing (reads stay on the primary until it answers), with the same
/// statement budget and timeouts as the primary's.
pub(crate) async fn connect_standby(
    url: &str,
    statement_timeout: Duration,
) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        .acquire_timeout(Duration::from_secs(1))
        .connect_timeout(Duration::from_secs(1))
        .sqlx_logging(false)
        .max_connections(pool_size(url) / 2)
        .min_connections(0)
        .connect_lazy(true)
        .statement_timeout(statement_timeout)
        .map_sqlx_postgres_pool_opts(timed_acquire);
    Database::connect(options).await
}

/// How long a SQLite connection waits for another's lock before answering "database is locked".
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// SQLite's `SQLITE_BUSY` (5) or one of its extended codes, met while connecting.
fn is_sqlite_busy(err: &DbErr) -> bool {
    let DbErr::Conn(sea_orm::RuntimeErr::SqlxError(err)) = err else {
        return false;
    };
    match err.as_ref() {
        sea_orm::sqlx::Error::Database(db) => db
            .code()
            .and_then(|code| code.parse::<u32>().ok())
            .is_some_and(|code| code & 0xff == 5),
        _ => false,
    }
}

/// Begins the transaction every migration runs in, holding the lock that makes processes
/// starting at once against one database migrate one after the other (two `CREATE TABLE`s of
/// one new table collide otherwise). On PostgreSQL a transaction-level advisory lock with no
/// statement budget: a session lock would stay behind on whichever server connection took it
/// when PgBouncer pools transactions, and the budget of the role may rightly be shorter than
/// a migration. On SQLite the write lock (`BEGIN IMMEDIATE`); waiters give up after the busy
/// timeout. One transaction also undoes a migration that fails halfway.
pub async fn begin_migrations(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let tx = begin_write(db).await?;
    if db.get_database_backend() == DbBackend::Postgres {
        tx.execute_unprepared(&format!(
            "SET LOCAL statement_timeout = 0; SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"
        ))
        .await?;
    }
    Ok(tx)
}

/// Key of the migration lock ("rapm" in ASCII); the CSV import's
/// (`store::customer_import::lock_imports`) is another.
const MIGRATION_LOCK: i64 = 0x7261_706d;

async fn connect_pool(
    url: &str,
    statement_timeout: Option<Duration>,
    max_connections: u32,
) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        // A database restart must turn into quick 503s, not hung requests.
        .acquire_timeout(Duration::from_secs(3))
        .connect_timeout(Duration::from_secs(3))
        .sqlx_logging(false);
    if is_sqlite(url) {
        let file =
            <sea_orm::sqlx::sqlite::SqliteConnectOptions as std::str::FromStr>::from_str(url)
                .map_err(|e| DbErr::Conn(sea_orm::RuntimeErr::Internal(e.to_string())))?;
        let gate = WriterGate::of(file.get_filename());
        options
            .max_connections(max_connections)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(SQLITE_BUSY_TIMEOUT)
                    .foreign_keys(true)
            })
            .map_sqlx_sqlite_pool_opts(move |pool| {
                let gate = gate.clone();
                timed_acquire(pool).after_connect(move |conn, _| {
                    let gate = gate.clone();
                    Box::pin(async move {
                        gate.watch(conn).await?;
                        if let Some(budget) = statement_timeout {
                            arm_interrupt(conn, budget).await?;
                        }
                        Ok(())
                    })
                })
            });
        if let Some(budget) = statement_timeout {
            options.map_sqlx_sqlite_before_acquire(move |conn, _| arm_interrupt(conn, budget));
        }
    } else {
        options
            .max_connections(max_connections)
            .min_connections(1)
            .map_sqlx_postgres_pool_opts(timed_acquire);
        if let Some(budget) = statement_timeout {
            options.statement_timeout(budget);
        }
    }
    Database::connect(options).await
}

/// The statement budget PostgreSQL actually applies on `db`'s connections (`None` on
/// SQLite, whose budget is the progress handler). Behind PgBouncer in transaction mode the
/// startup option that carries it is dropped, so the role, the database or PgBouncer's
/// `connect_query` must set it; startup compares the two and says when they differ.
pub async fn effective_statement_timeout(
    db: &DatabaseConnection,
) -> Result<Option<Duration>, DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(None);
    }
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            DbBackend::Postgres,
            "SELECT setting::bigint AS ms FROM pg_settings WHERE name = 'statement_timeout'",
        ))
        .await?;
    let ms: i64 = match row {
        Some(row) => row.try_get("", "ms")?,
        None => 0,
    };
    Ok(Some(Duration::from_millis(ms.max(0) as u64)))
}

/// Has the pool report how long each connection took to acquire, as a `sqlx::pool::acquire`
/// event that `telemetry` turns into the pool's wait metrics.
fn timed_acquire<DB: sea_orm::sqlx::Database>(pool: PoolOptions<DB>) -> PoolOptions<DB> {
    pool.acquire_time_level(log::LevelFilter::Debug)
}

/// A pool's connections as the metrics show them.
#[derive(Clone, Copy, Debug)]
pub struct PoolUsage {
    /// Connections open, in use or idle.
    pub open: u32,
    pub idle: u32,
    pub max: u32,
}

pub fn pool_usage(db: &DatabaseConnection) -> Option<PoolUsage> {
    fn usage<DB: sea_orm::sqlx::Database>(pool: &sea_orm::sqlx::Pool<DB>) -> PoolUsage {
        PoolUsage {
            open: pool.size(),
            idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
            max: pool.options().get_max_connections(),
        }
    }
    match db.get_database_backend() {
        DbBackend::Sqlite => Some(usage(db.get_sqlite_connection_pool())),
        DbBackend::Postgres => Some(usage(db.get_postgres_connection_pool())),
        _ => None,
    }
}

/// How many SQLite virtual-machine steps pass between two looks at the clock: often enough
/// to stop within a millisecond or so, rarely enough to cost nothing measurable.
const PROGRESS_STEPS: i32 = 20_000;

/// Installs a fresh budget on a SQLite connection about to be handed out. The clock starts
/// at the first step the connection executes, so time spent waiting for the write lock
/// (the busy timeout) does not count against the work.
fn arm_interrupt(
    conn: &mut SqliteConnection,
    budget: Duration,
) -> BoxFuture<'_, Result<bool, sea_orm::sqlx::Error>> {
    Box::pin(async move {
        let mut started: Option<Instant> = None;
        conn.lock_handle()
            .await?
            .set_progress_handler(PROGRESS_STEPS, move || {
                started.get_or_insert_with(Instant::now).elapsed() < budget
            });
        Ok(true)
    })
}

/// A statement stopped for running past its budget: PostgreSQL's `query_canceled`
/// (57014) or SQLite's `SQLITE_INTERRUPT` (9).
pub fn is_statement_timeout(err: &sea_orm::sqlx::Error) -> bool {
    match err {
        sea_orm::sqlx::Error::Database(db) => {
            matches!(db.code().as_deref(), Some("57014") | Some("9"))
        }
        _ => false,
    }
}

/// Begins a transaction that will write. On SQLite it takes the write lock at `BEGIN`
/// (`BEGIN IMMEDIATE`), so the busy timeout applies instead of a read-then-write transaction
/// failing with SQLITE_BUSY; PostgreSQL ignores the mode.
///
/// SQLite's writers first wait for their turn in the process ([`writer_gate`]), so that
/// they take the write lock in the order they came rather than whenever a retry finds it free.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    };
    if db.get_database_backend() != DbBackend::Sqlite {
        return db.begin_with_options(options).await;
    }
    let gate = WriterGate::of(
        db.get_sqlite_connection_pool()
            .connect_options()
            .get_filename(),
    );
    let turn = gate.wait_turn().await;
    let tx = db.begin_with_options(options).await?;
    if let Some(turn) = turn {
        gate.enter(turn);
    }
    Ok(tx)
}
