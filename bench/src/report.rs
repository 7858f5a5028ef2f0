//! The figures of one sitting: printed as a table and written as JSON.

use std::time::Duration;

use serde_json::{Value, json};

use crate::load::Measured;

pub struct Row {
    pub scenario: String,
    pub connections: u32,
    pub measured: Measured,
}

impl Row {
    pub fn new(scenario: &str, connections: u32, measured: Measured) -> Self {
        Row {
            scenario: scenario.into(),
            connections,
            measured,
        }
    }
}

pub struct Figures {
    backend: String,
    customers: usize,
    seeding: Duration,
    rows: Vec<Row>,
    /// GET by id on Rapport and on the baseline, at these connections, in the order run.
    pairs: Vec<(Measured, Measured)>,
    pair_connections: u32,
    pub segment_count_ms: Option<f64>,
    pub peak_rss_mib: Option<f64>,
    pub imports: Vec<(String, f64)>,
    pub scheduler_passes: Vec<Duration>,
}

fn ms(us: u64) -> f64 {
    us as f64 / 1e3
}

impl Figures {
    pub fn new(backend: &str, customers: usize, seeding: Duration) -> Self {
        Figures {
            backend: backend.into(),
            customers,
            seeding,
            rows: Vec::new(),
            pairs: Vec::new(),
            pair_connections: 0,
            segment_count_ms: None,
            peak_rss_mib: None,
            imports: Vec::new(),
            scheduler_passes: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Row) {
        self.rows.push(row);
    }

    pub fn baseline(&mut self, connections: u32, pairs: Vec<(Measured, Measured)>) {
        self.pair_connections = connections;
        self.pairs = pairs;
    }

    /// The baseline's GET by id throughput: the mean of its runs.
    fn baseline_per_second(&self) -> Option<f64> {
        if self.pairs.is_empty() {
            return None;
        }
        let sum: f64 = self.pairs.iter().map(|(_, b)| b.per_second()).sum();
        Some(sum / self.pairs.len() as f64)
    }

    pub fn print(&self) {
        let base = self.baseline_per_second();
        println!(
            "\n{} · {} customers · seeded in {:.1} s",
            self.backend,
            self.customers,
            self.seeding.as_secs_f64()
        );
        println!(
            "{:<22} {:>5} {:>10} {:>9} {:>9} {:>7} {:>6} {:>12}",
            "scenario", "conns", "req/s", "p50 ms", "p99 ms", "errors", "429", "of baseline"
        );
        for r in &self.rows {
            let m = &r.measured;
            let ratio = base.map_or("—".to_string(), |b| {
                format!("{:.0}%", 100.0 * m.per_second() / b)
            });
            println!(
                "{:<22} {:>5} {:>10.0} {:>9.2} {:>9.2} {:>7} {:>6} {:>12}",
                r.scenario,
                r.connections,
                m.per_second(),
                ms(m.p50_us),
                ms(m.p99_us),
                m.errors(),
                m.throttled,
                ratio
            );
        }
        for (n, (a, b)) in self.pairs.iter().enumerate() {
            for (who, m) in [("rapport", a), ("baseline", b)] {
                println!(
                    "{:<22} {:>5} {:>10.0} {:>9.2} {:>9.2} {:>7}",
                    format!("A/B {} get by id {who}", n + 1),
                    self.pair_connections,
                    m.per_second(),
                    ms(m.p50_us),
                    ms(m.p99_us),
                    m.errors()
                );
            }
        }
        if let Some(b) = base {
            let mean: f64 = self.pairs.iter().map(|(a, _)| a.per_second()).sum::<f64>()
                / self.pairs.len() as f64;
            println!(
                "get by id: rapport {mean:.0} req/s, baseline {b:.0} req/s: {:.0}% of the baseline",
                100.0 * mean / b
            );
        }
        if let Some(c) = self.segment_count_ms {
            println!("segment member_count: {c:.1} ms");
        }
        for (label, secs) in &self.imports {
            println!("{label}: {secs:.1} s");
        }
        for (n, pass) in self.scheduler_passes.iter().enumerate() {
            println!(
                "scheduler pass {} over every customer: {:.2} s",
                n + 1,
                pass.as_secs_f64()
            );
        }
        if let Some(rss) = self.peak_rss_mib {
            println!("server peak RSS under load: {rss:.0} MiB");
        }
    }

    pub fn json(&self) -> Value {
        let base = self.baseline_per_second();
        let scenario = |name: &str, connections: u32, m: &Measured| {
            json!({
                "scenario": name,
                "connections": connections,
                "requests_per_second": m.per_second(),
                "p50_ms": ms(m.p50_us),
                "p99_ms": ms(m.p99_us),
                "max_ms": ms(m.max_us),
                "errors": m.errors(),
                "throttled": m.throttled,
                "of_baseline": base.map(|b| m.per_second() / b),
            })
        };
        json!({
            "backend": self.backend,
            "customers": self.customers,
            "seeding_seconds": self.seeding.as_secs_f64(),
            "scenarios": self.rows.iter().map(|r| scenario(&r.scenario, r.connections, &r.measured)).collect::<Vec<_>>(),
            "baseline_pairs": self.pairs.iter().map(|(a, b)| json!({
                "rapport": scenario("get by id", self.pair_connections, a),
                "baseline": scenario("baseline get by id", self.pair_connections, b),
            })).collect::<Vec<_>>(),
            "baseline_requests_per_second": base,
            "segment_member_count_ms": self.segment_count_ms,
            "imports": self.imports.iter().map(|(l, s)| json!({"what": l, "seconds": s})).collect::<Vec<_>>(),
            "scheduler_pass_seconds": self.scheduler_passes.iter().map(Duration::as_secs_f64).collect::<Vec<_>>(),
            "peak_rss_mib": self.peak_rss_mib,
        })
    }
}
