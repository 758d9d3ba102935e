//! Inbound media. A webhook carries only a media id: the host asks the
//! Graph API where the file is (`GET /{version}/{media-id}`, a URL that
//! lives for a few minutes), downloads it with the same bearer token, never
//! more than `whatsapp.media_max_bytes`, and checks it against the SHA-256
//! the lookup gave.

use base64::Engine as _;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::graph::{Download, GraphClient, GraphError};
use super::payload::Media;

/// A downloaded media file.
#[derive(Debug, Clone, PartialEq)]
pub struct Downloaded {
    pub bytes: Vec<u8>,
    /// Meta's MIME type (the webhook's, else the lookup's, else the
    /// download's `Content-Type`).
    pub mime_type: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("the message carries no media id")]
    NoId,
    #[error(transparent)]
    Graph(#[from] GraphError),
    #[error("the media lookup answered without a download URL")]
    NoUrl,
    #[error("the media file is larger than the {limit}-byte limit")]
    TooLarge { limit: u64 },
    #[error("the media file does not match the SHA-256 Meta announced")]
    Integrity,
    #[error("the Graph API refused the access token: downloads are stopped")]
    Halted,
}

impl MediaError {
    /// Whether the access token was refused (the gateway halts on it).
    pub fn token_refused(&self) -> bool {
        matches!(self, MediaError::Graph(e) if e.code() == Some(super::gateway::TOKEN_EXPIRED) || e.status() == Some(401))
    }
}

/// Look `media` up and download it, at most `max_bytes`.
pub async fn download(
    graph: &GraphClient,
    media: &Media,
    max_bytes: u64,
) -> Result<Downloaded, MediaError> {
    if media.id.is_empty() {
        return Err(MediaError::NoId);
    }
    let info = graph.media_info(&media.id).await?;
    let url = info
        .get("url")
        .and_then(Value::as_str)
        .filter(|u| !u.is_empty())
        .ok_or(MediaError::NoUrl)?;
    // Meta sends `file_size` as a string; accept a number too.
    let announced = match info.get("file_size") {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.parse().ok(),
        _ => None,
    };
    if announced.is_some_and(|n| n > max_bytes) {
        return Err(MediaError::TooLarge { limit: max_bytes });
    }
    let (bytes, served_type) = match graph.download(url, max_bytes).await? {
        Download::Complete { bytes, mime_type } => (bytes, mime_type),
        Download::TooLarge => return Err(MediaError::TooLarge { limit: max_bytes }),
    };
    // The lookup's hash is the file's; the webhook's is not always (Meta
    // hashes some media before re-encoding), so only the lookup's counts.
    let expected = info
        .get("sha256")
        .and_then(Value::as_str)
        .and_then(decode_sha256);
    if let Some(want) = expected
        && want != Sha256::digest(&bytes).as_slice()
    {
        return Err(MediaError::Integrity);
    }
    let lookup_type = info.get("mime_type").and_then(Value::as_str);
    let mime_type = [
        Some(media.mime_type.as_str()),
        lookup_type,
        Some(&served_type),
    ]
    .into_iter()
    .flatten()
    .find(|t| !t.is_empty())
    .unwrap_or("application/octet-stream")
    .to_string();
    Ok(Downloaded { bytes, mime_type })
}

/// Meta's hashes come hex-encoded (media lookup) or base64-encoded
/// (webhooks); anything else is not a hash and is not checked.
fn decode_sha256(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if s.len() == 64
        && let Ok(b) = hex::decode(s)
    {
        return Some(b);
    }
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .ok()
        .filter(|b| b.len() == 32)
}

/// A file name with the right extension for a MIME type (transcription
/// services infer the format from it).
pub fn file_name(mime_type: &str) -> &'static str {
    let essence = mime_type.split(';').next().unwrap_or_default().trim();
    match essence {
        "audio/ogg" | "audio/opus" => "voice.ogg",
        "audio/mpeg" | "audio/mp3" => "audio.mp3",
        "audio/mp4" | "audio/m4a" | "audio/x-m4a" => "audio.m4a",
        "audio/aac" => "audio.aac",
        "audio/amr" => "audio.amr",
        "audio/wav" | "audio/x-wav" => "audio.wav",
        "audio/webm" => "audio.webm",
        _ => "audio.ogg",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_in_both_of_metas_encodings() {
        let digest = Sha256::digest(b"voice");
        let hex = hex::encode(digest);
        let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
        assert_eq!(decode_sha256(&hex).as_deref(), Some(digest.as_slice()));
        assert_eq!(decode_sha256(&b64).as_deref(), Some(digest.as_slice()));
        assert_eq!(decode_sha256("IMAGE_HASH"), None);
        assert_eq!(decode_sha256(""), None);
    }

    #[test]
    fn file_names_follow_the_mime_type() {
        assert_eq!(file_name("audio/ogg; codecs=opus"), "voice.ogg");
        assert_eq!(file_name("audio/mpeg"), "audio.mp3");
        assert_eq!(file_name("application/octet-stream"), "audio.ogg");
    }
}
