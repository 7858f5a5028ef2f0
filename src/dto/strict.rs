//! A deserializer over `serde_json::Value` that only lets an object become a struct. serde's
//! derived structs also accept arrays (`[]` as an empty patch, `["09:00", …]` as a contact
//! window); a JSON API must refuse what its schema calls an object given as an array.
//!
//! It also cuts instants to whole milliseconds as they come in, the precision the service
//! stores and writes (`clock`): a timestamp is read through `deserialize_str`, where text
//! fields are read through `deserialize_string`, so only a value asked for as borrowed text
//! that is a whole RFC 3339 timestamp with a finer fraction is cut.

use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Map, Value};

pub struct Strict(pub Value);

type Error = serde_json::Error;

impl<'de> Deserializer<'de> for Strict {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Seq(items.into_iter())),
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            other => Err(de::Error::invalid_type(unexpected(&other), &"an object")),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(Strict(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(text) => match to_milliseconds(&text) {
                Some(cut) => visitor.visit_string(cut),
                None => visitor.visit_string(text),
            },
            other => other.deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// `text` with its fraction of a second cut to three digits, when it is an RFC 3339
/// timestamp with more.
fn to_milliseconds(text: &str) -> Option<String> {
    chrono::DateTime::parse_from_rfc3339(text).ok()?;
    let dot = text.find('.')?;
    let digits = text[dot + 1..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    (digits > 3).then(|| format!("{}{}", &text[..dot + 4], &text[dot + 1 + digits..]))
}

fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(_) => de::Unexpected::Other("number"),
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

struct Seq(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Seq {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|v| seed.deserialize(Strict(v)))
            .transpose()
    }
}

struct Fields {
    entries: serde_json::map::IntoIter,
    value: Option<Value>,
}

impl Fields {
    fn new(map: Map<String, Value>) -> Self {
        Self {
            entries: map.into_iter(),
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(key.into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Strict(self.value.take().unwrap_or(Value::Null)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Window {
        start: String,
        days: Vec<u8>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Body {
        name: Option<String>,
        window: Option<Window>,
    }

    #[test]
    fn objects_become_structs() {
        let body = Body::deserialize(Strict(
            json!({"name": "a", "window": {"start": "09:00", "days": [1, 2]}}),
        ))
        .unwrap();
        assert_eq!(body.window.unwrap().days, vec![1, 2]);
    }

    #[test]
    fn instants_are_cut_to_milliseconds_and_text_is_left_alone() {
        #[derive(Debug, Deserialize)]
        struct Timed {
            at: chrono::DateTime<chrono::Utc>,
            later: Option<chrono::DateTime<chrono::Utc>>,
            note: String,
        }
        let fine = "2026-12-01T10:20:30.123456789+01:00";
        let t = Timed::deserialize(Strict(
            json!({"at": fine, "later": "2026-12-01T10:20:30.5Z", "note": fine}),
        ))
        .unwrap();
        assert_eq!(t.at.to_rfc3339(), "2026-12-01T09:20:30.123+00:00");
        assert_eq!(t.later.unwrap().timestamp_subsec_millis(), 500);
        assert_eq!(t.note, fine);
        assert_eq!(to_milliseconds("2026-12-01T10:20:30.123Z"), None);
        assert_eq!(to_milliseconds("2026-12-01T10:20:30Z"), None);
        assert_eq!(to_milliseconds("1.23456"), None);
    }

    #[test]
    fn arrays_do_not() {
        assert!(Body::deserialize(Strict(json!([]))).is_err());
        assert!(Body::deserialize(Strict(json!({"window": ["09:00", [1]]}))).is_err());
    }
}
