//! Access tokens: HS256 JWTs with a pinned algorithm and required `exp`, `iss` and `aud`.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::config::JwtSettings;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
    /// The user's token version at issue; a token whose version is behind the user's is
    /// revoked. Tokens from before versions existed read as 0, the first version.
    #[serde(default)]
    pub ver: i32,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
    pub ttl_secs: u64,
}

impl TokenKeys {
    pub fn new(settings: &JwtSettings) -> Self {
        let secret = settings.secret.expose().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.set_issuer(&[&settings.issuer]);
        validation.set_audience(&[&settings.audience]);
        // Replicas' clocks differ a little; a few seconds of tolerance, stated rather than
        // inherited from the library default.
        validation.leeway = 5;
        validation.validate_exp = true;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            issuer: settings.issuer.clone(),
            audience: settings.audience.clone(),
            ttl_secs: settings.ttl.as_secs(),
        }
    }

    pub fn issue(
        &self,
        user_id: Uuid,
        token_version: i32,
        now: DateTime<Utc>,
    ) -> Result<String, String> {
        let iat = now.timestamp();
        let claims = Claims {
            sub: user_id,
            ver: token_version,
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            iat,
            exp: iat + i64::try_from(self.ttl_secs).unwrap_or(i64::MAX / 2),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| e.to_string())
    }

    /// Verifies signature, algorithm, expiry, issuer and audience.
    pub fn verify(&self, token: &str) -> Result<Claims, String> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Secret;
    use std::time::Duration;

    fn keys(secret: &str, issuer: &str) -> TokenKeys {
        TokenKeys::new(&JwtSettings {
            secret: Secret::new(secret),
            secret_generated: false,
            issuer: issuer.into(),
            audience: "rapport-api".into(),
            ttl: Duration::from_secs(60),
        })
    }

    const SECRET: &str = "an-adequately-long-secret-for-tests-0001";

    #[test]
    fn issued_tokens_verify() {
        let k = keys(SECRET, "rapport");
        let id = Uuid::now_v7();
        let token = k.issue(id, 0, Utc::now()).unwrap();
        assert_eq!(k.verify(&token).unwrap().sub, id);
    }

    #[test]
    fn expired_forged_and_foreign_tokens_fail() {
        let k = keys(SECRET, "rapport");
        let old = k
            .issue(Uuid::now_v7(), 0, Utc::now() - chrono::Duration::hours(2))
            .unwrap();
        assert!(k.verify(&old).is_err());

        let other_key = keys("another-adequately-long-secret-for-tests", "rapport");
        let forged = other_key.issue(Uuid::now_v7(), 0, Utc::now()).unwrap();
        assert!(k.verify(&forged).is_err());

        let other_issuer = keys(SECRET, "someone-else");
        let foreign = other_issuer.issue(Uuid::now_v7(), 0, Utc::now()).unwrap();
        assert!(k.verify(&foreign).is_err());
    }
}
