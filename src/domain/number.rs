//! Numbers as JSON Schema defines them: an integer may be written with a zero fraction.

use serde::{Deserialize, Deserializer};

/// An integer that may be written with a zero fraction (`1542.0`); a non-zero fraction fails.
pub fn whole_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Number {
        Int(i64),
        Float(f64),
    }
    match Number::deserialize(deserializer) {
        Ok(Number::Int(n)) => Ok(n),
        Ok(Number::Float(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => Ok(f as i64),
        Ok(Number::Float(f)) => Err(serde::de::Error::custom(format!(
            "expected a whole number, got {f}"
        ))),
        Err(_) => Err(serde::de::Error::custom("expected a whole number")),
    }
}
