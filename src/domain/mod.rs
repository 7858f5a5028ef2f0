//! The rules that make Rapport what it is, in plain Rust: roles and record-level access,
//! tokens and passwords, login throttling, and the customer profile rules. Operations that
//! persist live beside their rules and use the `store` repositories.

pub mod agenda;
pub mod budget;
pub mod cadence;
pub mod campaign;
pub mod complaint;
pub mod customer;
pub mod error;
pub mod greetings;
pub mod idempotency;
pub mod interaction;
pub mod login;
pub mod number;
pub mod page;
pub mod password;
pub mod playbook;
pub mod purchase;
pub mod report;
pub mod role;
pub mod schedule;
pub mod segment;
pub mod token;
pub mod touchpoint;
pub mod user;
pub mod version;

/// Declares a closed vocabulary stored as text: serde names, the OpenAPI enum and the
/// database spelling are the same snake_case words, written once in the declaration. A stored
/// word is read back only through `from_stored`, where an unknown one is an error.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads a word a caller sent; `None` when it is not in the vocabulary.
            pub fn from_name(value: &str) -> Option<Self> {
                match value { $($text => Some($name::$variant),)+ _ => None }
            }

            /// Reads the word the database holds. An unknown word is a fault in the data,
            /// never silently replaced by a default.
            pub fn from_stored(value: &str) -> $crate::domain::error::DomainResult<Self> {
                match value {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::domain::error::DomainError::Internal(format!(
                        "stored {} value {value:?} is unknown",
                        stringify!($name)
                    ))),
                }
            }
        }
    };
}
pub(crate) use vocabulary;
