//! JWT bearer tokens from the caller's identity provider: signature (HS256, RS256 or
//! ES256 with the configured key), issuer, audience, expiry and not-before, all
//! required. The caller is `jwt:<sub>`; its scopes come from the `scope` claim
//! (space-separated, as OAuth 2 issues it) or `scp` (a list or a string).

use std::sync::Arc;
use std::time::Duration;

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

use super::scopes::Scopes;

/// How JWTs are verified.
#[derive(Clone)]
pub struct JwtConfig {
    pub algorithm: Algorithm,
    /// HS256: the shared secret; RS256/ES256: the public key, PEM.
    pub key: rc_client::config::Secret,
    pub issuer: String,
    pub audience: String,
    pub leeway: Duration,
    /// Rate share of JWT callers (each `sub` separately).
    pub share: f64,
}

impl std::fmt::Debug for JwtConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtConfig")
            .field("algorithm", &self.algorithm)
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .finish_non_exhaustive()
    }
}

/// A verified token.
#[derive(Debug)]
pub struct Verified {
    pub caller: Arc<str>,
    pub scopes: Scopes,
    /// From the `accounts` claim (a list, or names separated by spaces).
    pub accounts: crate::accounts::AccountSet,
}

/// Why a token was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Rejection {
    Expired,
    Invalid(String),
}

pub struct JwtVerifier {
    key: DecodingKey,
    validation: Validation,
    pub share: f64,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    scp: Option<StringOrList>,
    #[serde(default)]
    accounts: Option<StringOrList>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StringOrList {
    One(String),
    Many(Vec<String>),
}

impl JwtVerifier {
    /// Fails when the key does not suit the algorithm.
    pub fn new(config: &JwtConfig) -> Result<Self, String> {
        let pem = config.key.expose().as_bytes();
        let key = match config.algorithm {
            Algorithm::HS256 => {
                if pem.len() < 32 {
                    return Err("an HS256 secret must be at least 32 bytes".into());
                }
                DecodingKey::from_secret(pem)
            }
            Algorithm::RS256 => DecodingKey::from_rsa_pem(pem)
                .map_err(|e| format!("not an RSA public key in PEM: {e}"))?,
            Algorithm::ES256 => DecodingKey::from_ec_pem(pem)
                .map_err(|e| format!("not an EC P-256 public key in PEM: {e}"))?,
            other => return Err(format!("{other:?} is not supported (HS256, RS256, ES256)")),
        };
        let mut validation = Validation::new(config.algorithm);
        validation.set_issuer(&[&config.issuer]);
        validation.set_audience(&[&config.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = config.leeway.as_secs();
        Ok(JwtVerifier {
            key,
            validation,
            share: config.share,
        })
    }

    pub fn verify(&self, token: &str) -> Result<Verified, Rejection> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.key, &self.validation).map_err(
            |e| match e.kind() {
                ErrorKind::ExpiredSignature => Rejection::Expired,
                ErrorKind::InvalidSignature => Rejection::Invalid("bad signature".into()),
                ErrorKind::InvalidIssuer => Rejection::Invalid("wrong issuer".into()),
                ErrorKind::InvalidAudience => Rejection::Invalid("wrong audience".into()),
                ErrorKind::ImmatureSignature => Rejection::Invalid("not valid yet (nbf)".into()),
                ErrorKind::InvalidAlgorithm => Rejection::Invalid("wrong algorithm".into()),
                ErrorKind::MissingRequiredClaim(c) => {
                    Rejection::Invalid(format!("the {c} claim is missing"))
                }
                _ => Rejection::Invalid("not a valid JWT".into()),
            },
        )?;
        let claims = data.claims;
        if claims.sub.is_empty() || claims.sub.len() > 256 {
            return Err(Rejection::Invalid("sub is empty or too long".into()));
        }
        let mut text = claims.scope.unwrap_or_default();
        match claims.scp {
            Some(StringOrList::One(s)) => {
                text.push(' ');
                text.push_str(&s);
            }
            Some(StringOrList::Many(list)) => {
                for s in list {
                    text.push(' ');
                    text.push_str(&s);
                }
            }
            None => {}
        }
        let accounts: Vec<String> = match claims.accounts {
            Some(StringOrList::One(s)) => s.split_whitespace().map(str::to_owned).collect(),
            Some(StringOrList::Many(list)) => list,
            None => Vec::new(),
        };
        Ok(Verified {
            caller: Arc::from(format!("jwt:{}", claims.sub)),
            scopes: Scopes::parse_lenient(&text),
            accounts: crate::accounts::AccountSet::from_claim(&accounts),
        })
    }
}

#[cfg(test)]
mod tests {
    use jsonwebtoken::{EncodingKey, Header, encode};
    use serde_json::json;

    use super::*;
    use crate::auth::scopes::{Access, Required};
    use rc_client::config::Secret;

    const SECRET: &str = "a-test-secret-of-at-least-32-bytes!!";

    fn verifier() -> JwtVerifier {
        JwtVerifier::new(&JwtConfig {
            algorithm: Algorithm::HS256,
            key: Secret::new(SECRET),
            issuer: "https://idp.example".into(),
            audience: "rc-gateway".into(),
            leeway: Duration::from_secs(0),
            share: 1.0,
        })
        .unwrap()
    }

    fn token(claims: serde_json::Value, secret: &str) -> String {
        encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(secret.as_bytes()),
        )
        .unwrap()
    }

    fn now() -> u64 {
        jsonwebtoken::get_current_timestamp()
    }

    #[test]
    fn a_good_token_names_the_caller_and_its_scopes() {
        let t = token(
            json!({"sub": "billing-svc", "iss": "https://idp.example", "aud": "rc-gateway",
                   "exp": now() + 60, "scope": "openid extensions:read", "scp": ["events:read"]}),
            SECRET,
        );
        let v = verifier().verify(&t).unwrap();
        assert_eq!(&*v.caller, "jwt:billing-svc");
        assert!(v.scopes.allows(Required::new("extensions", Access::Read)));
        assert!(v.scopes.allows(Required::new("events", Access::Read)));
        assert!(!v.scopes.allows(Required::new("extensions", Access::Write)));
    }

    #[test]
    fn bad_tokens_are_refused_with_a_reason() {
        let base = json!({"sub": "s", "iss": "https://idp.example", "aud": "rc-gateway", "exp": now() + 60});
        let with = |k: &str, v: serde_json::Value| {
            let mut c = base.clone();
            c[k] = v;
            c
        };
        let v = verifier();
        assert_eq!(
            v.verify(&token(with("exp", json!(now() - 10)), SECRET))
                .unwrap_err(),
            Rejection::Expired
        );
        for (claims, secret, reason) in [
            (
                base.clone(),
                "another-secret-of-at-least-32-bytes!",
                "bad signature",
            ),
            (
                with("iss", json!("https://evil.example")),
                SECRET,
                "wrong issuer",
            ),
            (with("aud", json!("someone-else")), SECRET, "wrong audience"),
            (with("nbf", json!(now() + 600)), SECRET, "not valid yet"),
        ] {
            match v.verify(&token(claims, secret)) {
                Err(Rejection::Invalid(r)) => assert!(r.contains(reason), "{r}"),
                other => panic!("{reason}: {other:?}"),
            }
        }
        let mut no_exp = base.clone();
        no_exp.as_object_mut().unwrap().remove("exp");
        assert!(matches!(
            v.verify(&token(no_exp, SECRET)),
            Err(Rejection::Invalid(_))
        ));
        assert!(matches!(v.verify("not.a.jwt"), Err(Rejection::Invalid(_))));
        // "none" and other algorithms are refused.
        let none = format!(
            "{}.{}.",
            base64::Engine::encode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                br#"{"alg":"none","typ":"JWT"}"#
            ),
            base64::Engine::encode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                base.to_string()
            )
        );
        assert!(v.verify(&none).is_err());
    }

    #[test]
    fn weak_secrets_and_wrong_keys_are_config_errors() {
        let config = |algorithm, key: &str| JwtConfig {
            algorithm,
            key: Secret::new(key),
            issuer: "i".into(),
            audience: "a".into(),
            leeway: Duration::ZERO,
            share: 1.0,
        };
        assert!(JwtVerifier::new(&config(Algorithm::HS256, "short")).is_err());
        assert!(JwtVerifier::new(&config(Algorithm::RS256, "not pem")).is_err());
        assert!(JwtVerifier::new(&config(Algorithm::ES256, "not pem")).is_err());
    }
}
