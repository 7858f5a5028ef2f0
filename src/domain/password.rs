//! Password hashing with argon2 and random secrets.

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use rand::Rng;
use rand::distr::Alphanumeric;
use std::sync::OnceLock;

/// A random alphanumeric string for generated passwords and secrets.
pub fn random_token(len: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

pub fn hash(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Checks a password against a stored hash. Without a stored hash (unknown email) the check
/// still runs against a throw-away hash, so response time does not reveal which emails exist.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    match stored {
        Some(h) => Argon2::default()
            .verify_password(password.as_bytes(), h)
            .is_ok(),
        None => {
            let dummy = DUMMY.get_or_init(|| hash(&random_token(24)).unwrap_or_default());
            let _ = Argon2::default().verify_password(password.as_bytes(), dummy.as_str());
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2"));
        assert!(verify("correct horse battery", Some(&h)));
        assert!(!verify("wrong", Some(&h)));
        assert!(!verify("correct horse battery", None));
    }

    #[test]
    fn random_tokens_differ() {
        assert_eq!(random_token(32).len(), 32);
        assert_ne!(random_token(32), random_token(32));
    }
}
