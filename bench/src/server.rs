//! The processes under load: the release `rapport` server and the baseline, each started as a
//! child process on a port of its own, and their peak resident memory read from `/proc`.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::process::{Child, Command};

pub const JWT_SECRET: &str = "bench-secret-that-is-long-enough-0123456789";

/// A program built beside this one (`target/release/<name>`).
pub fn sibling(name: &str) -> Result<PathBuf, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let path = me
        .parent()
        .map(|dir| dir.join(name))
        .ok_or("no directory for the benchmark's own program")?;
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "{} is missing: build the server first (cargo build --release)",
            path.display()
        ))
    }
}

/// The environment the server runs with: the bench's database, no background worker (the
/// scheduler pass is measured on its own), warnings only.
pub fn server_env(database_url: &str, bind: &str) -> Vec<(&'static str, String)> {
    vec![
        ("RAPPORT_DATABASE_URL", database_url.to_string()),
        ("RAPPORT_BIND", bind.to_string()),
        ("RAPPORT_JWT_SECRET", JWT_SECRET.to_string()),
        ("RAPPORT_SCHEDULER", "off".to_string()),
        // The load generator is one caller sending thousands of requests a second.
        ("RAPPORT_RATE_LIMITS", "off".to_string()),
        ("RAPPORT_LOG", "warn".to_string()),
    ]
}

pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    /// Starts `program` with `args` and `env`, and waits until `ready_path` answers 200.
    pub async fn start(
        program: &PathBuf,
        args: &[&str],
        env: &[(&'static str, String)],
        port: u16,
        ready_path: &str,
    ) -> Result<Self, String> {
        let mut command = Command::new(program);
        command
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        for (k, v) in env {
            command.env(k, v);
        }
        let child = command
            .spawn()
            .map_err(|e| format!("{}: {e}", program.display()))?;
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let probe = client
                .get(format!("{}{ready_path}", server.base))
                .send()
                .await;
            if probe.is_ok_and(|res| res.status().is_success()) {
                return Ok(server);
            }
            if Instant::now() > deadline {
                return Err(format!("{} did not become ready", program.display()));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The most memory the process has held (`VmHWM`), in MiB.
    pub fn peak_rss_mib(&self) -> Option<f64> {
        let pid = self.child.id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib / 1024.0)
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

/// A port nobody listens on now.
pub fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// An access token for `email`.
pub async fn sign_in(base: &str, email: &str, password: &str) -> Result<String, String> {
    let res: Value = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/token"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .map_err(|e| e.to_string())?
        .json()
        .await
        .map_err(|e| e.to_string())?;
    res["access_token"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("sign-in of {email} failed: {res}"))
}
