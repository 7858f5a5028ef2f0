//! Tells the test harness whether PostgreSQL is configured, so that without
//! `RAPPORT_TEST_POSTGRES_URL` the PostgreSQL variant of each database test is reported as
//! ignored (with its reason) rather than counted as passed.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(rapport_postgres)");
    println!("cargo::rerun-if-env-changed=RAPPORT_TEST_POSTGRES_URL");
    if std::env::var_os("RAPPORT_TEST_POSTGRES_URL").is_some_and(|v| !v.is_empty()) {
        println!("cargo::rustc-cfg=rapport_postgres");
    }
}
