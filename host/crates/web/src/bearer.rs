//! Bearer tokens (`Authorization: Bearer <token>`), shared by every route
//! that takes one (`/admin`, `/events`).

use axum::http::{HeaderMap, header};

/// The token of an `Authorization: Bearer` header, if any.
pub fn token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
}

/// The user and password of an `Authorization: Basic` header, if any: what
/// an HTTP client sends for a URL's user info. Knative's Trigger dispatcher
/// cannot add headers, so `POST /events` takes a producer's token as the
/// password of its subscriber URI (`http://<producer>:<token>@host/events`).
pub fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine as _;
    let encoded = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let (user, password) = std::str::from_utf8(&decoded).ok()?.split_once(':')?;
    Some((user.to_string(), password.to_string()))
}

/// `given == expected` in time independent of where they differ (only of
/// their lengths): a timing probe learns nothing about a secret's bytes.
/// An empty `expected` never matches (an unset secret locks the door).
pub fn token_eq(given: &[u8], expected: &[u8]) -> bool {
    !expected.is_empty()
        && given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |a, (x, y)| a | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_when_equal_and_set() {
        assert!(token_eq(b"abc", b"abc"));
        assert!(!token_eq(b"abd", b"abc"));
        assert!(!token_eq(b"ab", b"abc"));
        assert!(!token_eq(b"", b""));
        let mut h = HeaderMap::new();
        assert_eq!(token(&h), None);
        h.insert(header::AUTHORIZATION, "Bearer t0k".parse().expect("header"));
        assert_eq!(token(&h), Some("t0k"));
        assert_eq!(basic(&h), None, "a bearer token is not Basic");
        // "shop:s3cr:et" — the password may hold colons, the user may not.
        h.insert(
            header::AUTHORIZATION,
            "Basic c2hvcDpzM2NyOmV0".parse().expect("header"),
        );
        assert_eq!(basic(&h), Some(("shop".into(), "s3cr:et".into())));
        assert_eq!(token(&h), None);
        h.insert(header::AUTHORIZATION, "Basic !!!".parse().expect("header"));
        assert_eq!(basic(&h), None, "not base64");
        h.insert(header::AUTHORIZATION, "Basic t0k".parse().expect("header"));
        assert_eq!(token(&h), None);
    }
}
