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

/// A satisfaction rating from 1 to 5; accepts `4` and `4.0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Rating(pub u8);

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = whole_number(deserializer)?;
        match u8::try_from(n) {
            Ok(r @ 1..=5) => Ok(Rating(r)),
            _ => Err(serde::de::Error::custom(format!(
                "must be between 1 and 5, got {n}"
            ))),
        }
    }
}

impl utoipa::PartialSchema for Rating {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .maximum(Some(5))
            .description(Some("1 (very unhappy) to 5 (delighted)"))
            .into()
    }
}

impl utoipa::ToSchema for Rating {}

/// An integer field that accepts a zero fraction, for `deserialize_with`.
pub fn whole_i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    whole_number(deserializer)
}
