//! The `rapport` binary: `serve` (default), `migrate`, `openapi`, `scheduler run-once`,
//! `health`.

use std::process::ExitCode;
use std::time::Duration;

use rapport::config::{DEFAULT_BIND, Settings};
use rapport::http::openapi;
use rapport::startup::{Application, prepare_database};
use rapport::{http, probe, scheduler, telemetry};

const USAGE: &str = "usage: rapport [serve | migrate | openapi | scheduler run-once | health]";

#[tokio::main]
async fn main() -> ExitCode {
    return_large_allocations_to_the_system();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    if args == ["openapi"] {
        print!("{}", openapi::to_pretty_json(&http::routing::document()));
        return ExitCode::SUCCESS;
    }
    if args == ["health"] {
        // Only the address is needed: the check must work whatever else is configured.
        let bind = std::env::var("RAPPORT_BIND").unwrap_or_else(|_| DEFAULT_BIND.into());
        return match probe::check(&bind, Duration::from_secs(3)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rapport health: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("rapport: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings.log, settings.log_format);
    let result = match args.as_slice() {
        [] | ["serve"] => serve(settings).await,
        ["migrate"] => prepare_database(&settings)
            .await
            .map(|_| tracing::info!("database is up to date"))
            .map_err(|e| e.to_string()),
        ["scheduler", "run-once"] => run_scheduler_once(&settings).await,
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error.cause = %e, "rapport stopped");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> Result<(), String> {
    let bind = settings.bind.clone();
    let app = Application::build(settings)
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(%bind, port = app.port(), "rapport is serving");
    app.run_until_stopped().await.map_err(|e| e.to_string())
}

async fn run_scheduler_once(settings: &Settings) -> Result<(), String> {
    let db = prepare_database(settings)
        .await
        .map_err(|e| e.to_string())?;
    let report = scheduler::run_once(
        &db,
        &scheduler::Options::of(settings)?,
        rapport::clock::system_now(),
    )
    .await
    .map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&report).unwrap_or_default());
    Ok(())
}

/// glibc raises its mmap threshold to the size of the largest block freed so far, so after one
/// sign-in (argon2's 19 MiB) every later one comes from the heap and stays in the process:
/// twenty sign-ins left it 160 MiB larger. A fixed threshold keeps blocks of 4 MiB and more
/// mapped, and returned to the system when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_allocations_to_the_system() {
    // SAFETY: mallopt only changes allocator parameters and takes glibc's own locks to do
    // so; a refusal (return 0) leaves the defaults, which are correct, only larger.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_allocations_to_the_system() {}
