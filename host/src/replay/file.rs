//! The replay file: one conversation's recorded turns, as JSON.
//!
//! ```json
//! { "format": "agent-store-replay", "format_version": 1,
//!   "contract": "agent-store:plugin@0.2.1",
//!   "conversation": "...", "exported_at": "2026-12-05T00:00:00Z",
//!   "plugins": [{"name": "seller-fashion", "version": "0.3.0", "digest": "…", "contract": "0.2.1"}],
//!   "turns": [{"at": …, "plugin": {…}, "exchange": {"seller": {"turn": {…}, "outcome": {"Ok": […]}}},
//!              "calls": [{"function": "catalog.search", "args": […], "answer": {"Ok": […]}}]}],
//!   "checksum": "sha256 of the turns" }
//! ```
//!
//! `contract` names the WIT package whose types the turns hold (a host
//! replays files of its own contract's minor version); `checksum` makes a
//! hand edit (or a file cut short and patched up) an error rather than a
//! replay against inputs nobody recorded.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::plugins::manifest::semver_triplet;
use crate::plugins::record::{PluginRef, RecordedTurn};
use crate::plugins::{WIT_PACKAGE, WIT_VERSION};

pub const FORMAT: &str = "agent-store-replay";
pub const FORMAT_VERSION: u32 = 1;

/// One exported conversation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplayFile {
    pub format: String,
    pub format_version: u32,
    /// `agent-store:plugin@<version>`: the contract of the recorded types.
    pub contract: String,
    pub conversation: String,
    pub exported_at: String,
    /// Every plugin version that answered a turn.
    pub plugins: Vec<PluginRef>,
    pub turns: Vec<RecordedTurn>,
    /// sha256 (hex) of the JSON of `turns`.
    pub checksum: String,
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is cut short (truncated?): {detail}")]
    Truncated { path: PathBuf, detail: String },
    #[error("{path} is not JSON: {detail}")]
    NotJson { path: PathBuf, detail: String },
    #[error("{path} is not an agent-store replay file (no \"format\": \"{FORMAT}\")")]
    NotReplay { path: PathBuf },
    #[error(
        "{path} is replay format version {found}; this agent-store reads version {FORMAT_VERSION}"
    )]
    FormatVersion { path: PathBuf, found: String },
    #[error(
        "{path} was recorded against {found}; this host replays {WIT_PACKAGE}@{WIT_VERSION} recordings (record the conversation again on a host of that contract)"
    )]
    Contract { path: PathBuf, found: String },
    #[error("{path}: {at}: {detail}")]
    Shape {
        path: PathBuf,
        at: String,
        detail: String,
    },
    #[error(
        "{path} was changed after it was exported (its checksum does not match its turns): export the conversation again with `agent-store conversations export`"
    )]
    Edited { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The host's contract, as files name it.
pub fn contract() -> String {
    format!("{WIT_PACKAGE}@{WIT_VERSION}")
}

fn checksum(turns: &[RecordedTurn]) -> String {
    let json = serde_json::to_vec(turns).unwrap_or_default();
    hex::encode(Sha256::digest(&json))
}

impl ReplayFile {
    /// A file of `conversation`'s turns (already masked by the store).
    pub fn new(conversation: &str, turns: Vec<RecordedTurn>) -> Self {
        let mut plugins: Vec<PluginRef> = Vec::new();
        for t in &turns {
            if !plugins.contains(&t.plugin) {
                plugins.push(t.plugin.clone());
            }
        }
        Self {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            contract: contract(),
            conversation: conversation.into(),
            exported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            plugins,
            checksum: checksum(&turns),
            turns,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Write beside, then rename.
    pub fn write(&self, path: &Path) -> Result<(), FileError> {
        crate::plugins::store::write_atomic(path, self.to_json().as_bytes()).map_err(|e| {
            FileError::Write {
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            }
        })
    }

    /// Read and check a replay file: JSON, format, contract, shape, then
    /// checksum — the first problem found is the error.
    pub fn read(path: &Path) -> Result<Self, FileError> {
        let text = std::fs::read_to_string(path).map_err(|source| FileError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Self, FileError> {
        let path = path.to_path_buf();
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let detail = e.to_string();
            if e.is_eof() {
                FileError::Truncated {
                    path: path.clone(),
                    detail,
                }
            } else {
                FileError::NotJson {
                    path: path.clone(),
                    detail,
                }
            }
        })?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(FileError::NotReplay { path });
        }
        let version = value.get("format_version");
        if version.and_then(|v| v.as_u64()) != Some(u64::from(FORMAT_VERSION)) {
            let found = version.map_or("(none)".into(), ToString::to_string);
            return Err(FileError::FormatVersion { path, found });
        }
        let found = value
            .get("contract")
            .and_then(|c| c.as_str())
            .unwrap_or("(no contract)")
            .to_string();
        if !same_contract(&found) {
            return Err(FileError::Contract { path, found });
        }
        let file: ReplayFile =
            serde_path_to_error::deserialize(value).map_err(|e| FileError::Shape {
                path: path.clone(),
                at: e.path().to_string(),
                detail: e.inner().to_string(),
            })?;
        if checksum(&file.turns) != file.checksum {
            return Err(FileError::Edited { path });
        }
        Ok(file)
    }
}

/// `agent-store:plugin@0.2.x` for a 0.2.1 host: patch versions only add.
fn same_contract(found: &str) -> bool {
    let Some(version) = found.strip_prefix(&format!("{WIT_PACKAGE}@")) else {
        return false;
    };
    match (semver_triplet(version), semver_triplet(WIT_VERSION)) {
        (Some((a, b, _)), Some((c, d, _))) => (a, b) == (c, d),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> ReplayFile {
        ReplayFile::new("c1", vec![crate::replay::sample_turn("c1", "wamid.1", 1)])
    }

    fn parse(v: &serde_json::Value) -> Result<ReplayFile, FileError> {
        ReplayFile::parse(Path::new("f.json"), &v.to_string())
    }

    #[test]
    fn a_written_file_reads_back() {
        let f = file();
        let back = ReplayFile::parse(Path::new("f.json"), &f.to_json()).expect("reads");
        assert_eq!(back.turns.len(), 1);
        assert_eq!(back.contract, "agent-store:plugin@0.2.1");
        assert_eq!(back.plugins.len(), 1);
    }

    #[test]
    fn bad_files_are_clear_errors() {
        let good = serde_json::to_value(file()).expect("json");
        let text = good.to_string();
        let cut = ReplayFile::parse(Path::new("f.json"), &text[..text.len() / 2]);
        assert!(matches!(cut, Err(FileError::Truncated { .. })), "{cut:?}");

        let mut v = good.clone();
        v["contract"] = "agent-store:plugin@0.9.0".into();
        let e = parse(&v).expect_err("other contract");
        assert!(
            e.to_string()
                .contains("recorded against agent-store:plugin@0.9.0"),
            "{e}"
        );
        // A patch version only adds: still replayable.
        v["contract"] = "agent-store:plugin@0.2.7".into();
        parse(&v).expect("0.2.x reads");

        let mut v = good.clone();
        v["format_version"] = 2.into();
        assert!(matches!(parse(&v), Err(FileError::FormatVersion { .. })));

        let mut v = good.clone();
        v["turns"][0]["calls"][0]["answer"] = "edited".into();
        assert!(matches!(parse(&v), Err(FileError::Edited { .. })));

        let mut v = good.clone();
        v["turns"][0]["at"] = "yesterday".into();
        let e = parse(&v).expect_err("shape");
        assert!(e.to_string().contains("turns[0].at"), "{e}");

        let e = parse(&serde_json::json!({"a": 1})).expect_err("not ours");
        assert!(matches!(e, FileError::NotReplay { .. }));
    }
}
