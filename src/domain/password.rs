//! Password hashing with argon2 and random secrets.

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use rand::Rng;
use rand::distr::Alphanumeric;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

/// Threads that hash and verify passwords. Each argon2 run takes 19 MiB: on the runtime's
/// blocking pool (up to hundreds of threads) twenty sign-ins at once held 380 MiB and took
/// every core. A few threads of their own bound both to a few runs' worth.
const WORKERS: usize = 2;

type Job = Box<dyn FnOnce() + Send>;

fn workers() -> &'static Sender<Job> {
    static SENDER: OnceLock<Sender<Job>> = OnceLock::new();
    SENDER.get_or_init(|| {
        let (sender, receiver) = channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for n in 0..WORKERS {
            let receiver = receiver.clone();
            let _ = std::thread::Builder::new()
                .name(format!("rapport-password-{n}"))
                .spawn(move || work(&receiver));
        }
        sender
    })
}

fn work(jobs: &Mutex<Receiver<Job>>) {
    loop {
        // The lock is held only while waiting for the next job, never while running one.
        let next = match jobs.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        match next {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}

/// Runs `job` (hashing or verifying) on the password threads.
pub async fn on_password_threads<T: Send + 'static>(
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (done, result) = tokio::sync::oneshot::channel();
    workers()
        .send(Box::new(move || {
            let _ = done.send(job());
        }))
        .map_err(|_| "the password threads have stopped".to_string())?;
    result
        .await
        .map_err(|_| "a password job ended without an answer".to_string())
}

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
