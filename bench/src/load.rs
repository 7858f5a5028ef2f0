//! Load from `wrk` (Debian's package): one Lua script per scenario, generated with the ids and
//! paths it picks from at random, and a `done` hook that prints the figures as one JSON line.

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::process::Command;

/// What a scenario sends.
#[derive(Clone, Debug)]
pub enum Requests {
    /// `GET` one of these paths at random.
    Get(Vec<String>),
    /// `POST /api/v1/customers` with a new name and email each time.
    PostCustomer,
    /// `POST /api/v1/interactions` for one of these customers.
    PostInteraction(Vec<String>),
    /// 80% `GET` of the paths, 20% `POST` interactions for the customers.
    Mixed(Vec<String>, Vec<String>),
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub name: String,
    /// Each request is sent with one of these, at random: several callers' tokens spread
    /// the per-caller budgets (segment evaluations) as several users would.
    pub tokens: Vec<String>,
    pub requests: Requests,
}

/// What wrk measured.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Measured {
    pub requests: u64,
    pub duration_us: u64,
    pub connect: u64,
    pub read: u64,
    pub write: u64,
    pub status: u64,
    pub timeout: u64,
    /// Answers 429: a per-caller budget refused the request (counted among `status` too).
    #[serde(default)]
    pub throttled: u64,
    pub p50_us: u64,
    pub p99_us: u64,
    pub max_us: u64,
}

impl Measured {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / (self.duration_us.max(1) as f64 / 1e6)
    }

    /// Failures other than a per-caller budget's 429.
    pub fn errors(&self) -> u64 {
        self.connect
            + self.read
            + self.write
            + self.status.saturating_sub(self.throttled)
            + self.timeout
    }
}

fn lua_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("{{{}}}", quoted.join(","))
}

fn script(s: &Scenario) -> String {
    let (kind, paths, ids) = match &s.requests {
        Requests::Get(paths) => ("get", paths.clone(), vec![]),
        Requests::PostCustomer => ("post_customer", vec![], vec![]),
        Requests::PostInteraction(ids) => ("post_interaction", vec![], ids.clone()),
        Requests::Mixed(paths, ids) => ("mixed", paths.clone(), ids.clone()),
    };
    format!(
        r#"local kind = "{kind}"
local paths = {paths}
local ids = {ids}
local tokens = {tokens}
local n = 0
local threads = {{}}
throttled = 0
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local function headers()
  return {{["Authorization"] = "Bearer " .. tokens[math.random(#tokens)], ["Content-Type"] = "application/json"}}
end

function response(status, hdrs, body)
  if status == 429 then throttled = throttled + 1 end
end

function init(args)
  math.randomseed(os.time() * 97 + (tid or 0))
end

local function interaction()
  local body = string.format('{{"customer_id":"%s","channel":"phone","direction":"outbound","outcome":"positive","summary":"Bench call"}}', ids[math.random(#ids)])
  return wrk.format("POST", "/api/v1/interactions", headers(), body)
end

function request()
  n = n + 1
  if kind == "get" then
    return wrk.format("GET", paths[math.random(#paths)], headers())
  elseif kind == "post_customer" then
    local tag = string.format("%d-%d-%d", tid or 0, n, math.random(1000000000))
    local body = string.format('{{"name":"Bench Customer %s","email":"b%s@bench.example","tier":"general"}}', tag, tag)
    return wrk.format("POST", "/api/v1/customers", headers(), body)
  elseif kind == "post_interaction" then
    return interaction()
  else
    if math.random() < 0.8 then
      return wrk.format("GET", paths[math.random(#paths)], headers())
    end
    return interaction()
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local refused = 0
  for _, t in ipairs(threads) do refused = refused + (t:get("throttled") or 0) end
  io.write(string.format('BENCH {{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"throttled":%d,"p50_us":%d,"p99_us":%d,"max_us":%d}}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, refused,
    latency:percentile(50), latency:percentile(99), latency.max))
end
"#,
        paths = lua_list(&paths),
        ids = lua_list(&ids),
        tokens = lua_list(&s.tokens),
    )
}

/// Runs `scenario` against `base` for `duration` over `connections` connections.
pub async fn run(
    base: &str,
    scenario: &Scenario,
    connections: u32,
    duration: Duration,
    dir: &Path,
) -> Result<Measured, String> {
    let file: String = scenario
        .name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let path = dir.join(format!("{file}.lua"));
    std::fs::write(&path, script(scenario)).map_err(|e| e.to_string())?;
    let output = Command::new("wrk")
        .arg("-t2")
        .arg(format!("-c{connections}"))
        .arg(format!("-d{}s", duration.as_secs().max(1)))
        .arg("--timeout")
        .arg("10s")
        .arg("-s")
        .arg(&path)
        .arg(base)
        .output()
        .await
        .map_err(|e| format!("wrk could not start ({e}); install it: apt-get install wrk"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("BENCH "))
        .ok_or_else(|| {
            format!(
                "wrk printed no figures for {}: {stdout}{}",
                scenario.name,
                String::from_utf8_lossy(&output.stderr)
            )
        })?;
    serde_json::from_str(line).map_err(|e| e.to_string())
}
