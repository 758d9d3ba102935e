//! Stripe-style webhook signatures:
//! `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>`
//! (several `v1` entries may appear during secret rotation). The timestamp
//! is signed too, so an old delivery cannot be replayed with a new `t`.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The header name.
pub const HEADER: &str = "stripe-signature";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("no webhook secret is configured")]
    NoSecret,
    #[error("missing Stripe-Signature header")]
    Missing,
    #[error("malformed Stripe-Signature header")]
    Malformed,
    #[error("the signature does not match the payload")]
    Mismatch,
    #[error("the signature timestamp is outside the tolerance (replayed or stale)")]
    Stale,
}

fn mac(secret: &[u8], t: i64, payload: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length.
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    m.update(t.to_string().as_bytes());
    m.update(b".");
    m.update(payload);
    m
}

/// The header value for `payload` signed at `t` (tests, local tools).
pub fn sign(secret: &[u8], t: i64, payload: &[u8]) -> String {
    format!(
        "t={t},v1={}",
        hex::encode(mac(secret, t, payload).finalize().into_bytes())
    )
}

/// Check `header` for `payload` at time `now` (unix seconds), refusing
/// timestamps more than `tolerance_secs` away.
pub fn verify(
    secret: &[u8],
    payload: &[u8],
    header: Option<&str>,
    now: i64,
    tolerance_secs: u64,
) -> Result<(), SignatureError> {
    if secret.is_empty() {
        return Err(SignatureError::NoSecret);
    }
    let header = header.ok_or(SignatureError::Missing)?;
    let mut t: Option<i64> = None;
    let mut candidates = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = v.parse().ok(),
            Some(("v1", v)) => {
                if let Some(d) = hex::decode(v).ok().filter(|d| d.len() == 32) {
                    candidates.push(d);
                }
            }
            _ => {}
        }
    }
    let t = t.ok_or(SignatureError::Malformed)?;
    if candidates.is_empty() {
        return Err(SignatureError::Malformed);
    }
    let matches = candidates
        .iter()
        .any(|d| mac(secret, t, payload).verify_slice(d).is_ok());
    if !matches {
        return Err(SignatureError::Mismatch);
    }
    if now.abs_diff(t) > tolerance_secs {
        return Err(SignatureError::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payment_signature_good_forged_stale() {
        let body = br#"{"id":"evt_1"}"#;
        let now = 1_700_000_000;
        let good = sign(b"whsec", now, body);
        assert_eq!(verify(b"whsec", body, Some(&good), now + 10, 300), Ok(()));
        assert_eq!(
            verify(b"other", body, Some(&good), now, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"whsec", b"{\"id\":\"evt_2\"}", Some(&good), now, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"whsec", body, Some(&good), now + 301, 300),
            Err(SignatureError::Stale)
        );
        // A new timestamp on an old signature does not verify.
        let moved = good.replace(&format!("t={now}"), &format!("t={}", now + 1000));
        assert_eq!(
            verify(b"whsec", body, Some(&moved), now + 1000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"whsec", body, None, now, 300),
            Err(SignatureError::Missing)
        );
        assert_eq!(
            verify(b"whsec", body, Some("t=1"), now, 300),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(b"", body, Some(&good), now, 300),
            Err(SignatureError::NoSecret)
        );
        let rotated = format!("{good},v1={}", "00".repeat(32));
        assert_eq!(verify(b"whsec", body, Some(&rotated), now, 300), Ok(()));
    }
}
