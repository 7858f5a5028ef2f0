//! The rules that make Rapport what it is, in plain Rust: roles and record-level access,
//! tokens and passwords, login throttling, and the customer profile rules. Operations that
//! persist live beside their rules and use the `store` repositories.

pub mod customer;
pub mod idempotency;
pub mod interaction;
pub mod login;
pub mod number;
pub mod password;
pub mod purchase;
pub mod role;
pub mod segment;
pub mod token;
pub mod user;
pub mod version;

/// Declares a closed vocabulary stored as text: serde names, the OpenAPI enum and the
/// database spelling are the same snake_case words.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(value: &str) -> Option<Self> {
                match value { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
pub(crate) use vocabulary;
