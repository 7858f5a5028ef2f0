//! The vocabulary every layer shares: closed sets of words (tiers, statuses, channels…),
//! value types (ratings, contact windows, rule trees), roles and scopes, and the error a
//! rule or a lookup answers with. It sits below `dto`, `store` and `domain`, and imports
//! none of them.

pub mod cadence;
pub mod complaint;
pub mod consent;
pub mod customer;
pub mod duplicate;
pub mod error;
pub mod event;
pub mod interaction;
pub mod login;
pub mod number;
pub mod role;
pub mod scope;
pub mod segment;
pub mod sort;
pub mod touchpoint;

/// Declares a closed vocabulary stored as text: serde names, the OpenAPI enum and the
/// database spelling are the same snake_case words, written once in the declaration. A stored
/// word is read back only through `from_stored`, where an unknown one is an error.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads a word a caller sent; `None` when it is not in the vocabulary.
            pub fn from_name(value: &str) -> Option<Self> {
                match value { $($text => Some($name::$variant),)+ _ => None }
            }

            /// Reads the word the database holds. An unknown word is a fault in the data,
            /// never silently replaced by a default.
            pub fn from_stored(value: &str) -> $crate::model::error::DomainResult<Self> {
                match value {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::model::error::DomainError::Internal(format!(
                        "stored {} value {value:?} is unknown",
                        stringify!($name)
                    ))),
                }
            }
        }
    };
}
pub(crate) use vocabulary;
