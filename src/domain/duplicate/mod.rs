//! Duplicates: customers that look like one person found (`find`), listed and dismissed
//! (`ops`), and merged into one (`merge`).

pub mod find;
pub mod merge;
pub mod ops;
