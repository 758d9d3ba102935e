//! The plugins directory on disk, with the last versions of every plugin.
//!
//! ```text
//! <dir>/<name>/plugin.toml + <component>.wasm       the drop-in: what `agent-store plugin build`
//!                                                     installs or an operator copies in
//! <dir>/<name>/versions/<version>-<digest12>/        one kept version:
//!     plugin.toml, component.wasm
//! <dir>/<name>/history                               version ids in activation order; the last
//!                                                     line is the active version
//! <dir>/<name>/imported                              key of the drop-in last imported
//! ```
//!
//! A drop-in whose manifest or component differs from `imported` is a new version:
//! it is validated, copied under `versions/` and activated (the first start of
//! a directory written by `plugin build` does exactly this). Uploads through
//! the admin API go straight to `versions/`. Only the last `keep` versions of
//! the history are kept; rollback pops the active version off the history.
//! Every file is written beside and renamed, so a crash never leaves half a
//! version behind.
//!
//! Paths: plugin names, versions and version ids are checked against
//! [`super::names`] before any filesystem use, and every write and delete
//! goes through a `cap_std::fs::Dir` capability on the plugins directory
//! (relative paths only; `..`, absolute paths and symlinks leading out are
//! refused by cap-std itself), so nothing outside the directory can be
//! written or deleted even if a bad name slipped through.

use std::path::{Path, PathBuf};

use cap_std::ambient_authority;
use cap_std::fs::Dir;
use sha2::{Digest, Sha256};

use super::manifest::{self, Manifest};
use super::names::{self, NameError};

const VERSIONS: &str = "versions";
const HISTORY: &str = "history";
const IMPORTED: &str = "imported";
const COMPONENT: &str = "component.wasm";

#[derive(Debug, thiserror::Error)]
pub enum VersionStoreError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Manifest(#[from] manifest::ManifestError),
    #[error("manifest name {manifest:?} does not match its directory {dir:?}")]
    NameMismatch { manifest: String, dir: String },
    #[error("cannot read component {path}: {source}")]
    Component {
        path: String,
        source: std::io::Error,
    },
    #[error("plugin {0} has no earlier version to roll back to")]
    NoEarlierVersion(String),
    #[error("plugin {0} is not installed")]
    NotInstalled(String),
    #[error("{0}")]
    Name(#[from] NameError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> VersionStoreError + '_ {
    move |source| VersionStoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn io_owned(path: PathBuf) -> impl FnOnce(std::io::Error) -> VersionStoreError {
    move |source| VersionStoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The sha256 of component bytes, hex.
pub fn digest(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// `<version>-<digest12>`: the id of a version on disk.
pub fn version_id(version: &str, digest: &str) -> String {
    format!("{version}-{}", &digest[..digest.len().min(12)])
}

/// A plugin's manifest and component bytes, read from disk.
#[derive(Debug, Clone)]
pub struct Source {
    pub manifest: Manifest,
    /// The manifest as written (kept verbatim in the version directory).
    pub manifest_text: String,
    pub bytes: Vec<u8>,
    pub digest: String,
}

impl Source {
    pub fn new(manifest_text: &str, bytes: Vec<u8>) -> Result<Self, VersionStoreError> {
        let manifest = Manifest::parse(manifest_text)?;
        Ok(Self {
            manifest,
            manifest_text: manifest_text.to_string(),
            digest: digest(&bytes),
            bytes,
        })
    }

    pub fn id(&self) -> String {
        version_id(&self.manifest.version, &self.digest)
    }

    /// What identifies a drop-in: its manifest and its component.
    pub fn dropin_key(&self) -> String {
        digest(format!("{}\n{}", self.digest, self.manifest_text).as_bytes())
    }
}

/// The plugins directory.
#[derive(Debug, Clone)]
pub struct VersionStore {
    dir: PathBuf,
    keep: usize,
}

impl VersionStore {
    pub fn new(dir: &Path, keep: usize) -> Self {
        Self {
            dir: dir.to_path_buf(),
            keep: keep.max(2),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn plugin_dir(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The plugins directory as a capability for writes and deletes.
    ///
    /// Opened per operation rather than once at start-up: the directory may
    /// be created after the host starts (the first `plugin build`) or
    /// replaced under it (a remounted volume), and a handle kept from
    /// start-up would then write into an unlinked directory. Each operation
    /// still resolves all its paths through the one handle.
    fn root(&self) -> Result<Dir, VersionStoreError> {
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        Dir::open_ambient_dir(&self.dir, ambient_authority()).map_err(io(&self.dir))
    }

    /// Plugin directories, sorted (hidden ones skipped).
    pub fn names(&self) -> Result<Vec<String>, VersionStoreError> {
        let mut names: Vec<String> = std::fs::read_dir(&self.dir)
            .map_err(io(&self.dir))?
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        Ok(names)
    }

    /// The drop-in of `name` (`<dir>/<name>/plugin.toml` + component), if
    /// there is a manifest.
    pub fn dropin(&self, name: &str) -> Option<Result<Source, VersionStoreError>> {
        let dir = self.plugin_dir(name);
        let manifest_path = dir.join(manifest::FILE_NAME);
        if !manifest_path.exists() {
            return None;
        }
        Some((|| {
            let text = manifest::read_text(&manifest_path).map_err(io(&manifest_path))?;
            let manifest = Manifest::parse(&text)?;
            if manifest.name != name {
                return Err(VersionStoreError::NameMismatch {
                    manifest: manifest.name,
                    dir: name.to_string(),
                });
            }
            let path = dir.join(manifest.component_file());
            let bytes = std::fs::read(&path).map_err(|source| VersionStoreError::Component {
                path: path.display().to_string(),
                source,
            })?;
            Source::new(&text, bytes)
        })())
    }

    /// Whether the drop-in with this [`Source::dropin_key`] was imported
    /// already.
    pub fn imported(&self, name: &str, key: &str) -> bool {
        std::fs::read_to_string(self.plugin_dir(name).join(IMPORTED))
            .map(|d| d.trim() == key)
            .unwrap_or(false)
    }

    pub fn mark_imported(&self, name: &str, key: &str) -> Result<(), VersionStoreError> {
        names::check_name(name)?;
        self.write_in(&Path::new(name).join(IMPORTED), key.as_bytes())
    }

    /// Version ids in activation order (the last is active).
    pub fn history(&self, name: &str) -> Vec<String> {
        if names::check_name(name).is_err() {
            return Vec::new();
        }
        std::fs::read_to_string(self.plugin_dir(name).join(HISTORY))
            .map(|h| {
                h.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn write_history(&self, name: &str, history: &[String]) -> Result<(), VersionStoreError> {
        names::check_name(name)?;
        let mut text = history.join("\n");
        text.push('\n');
        self.write_in(&Path::new(name).join(HISTORY), text.as_bytes())
    }

    /// Write `rel` (relative to the plugins directory) beside, then rename,
    /// through the directory capability.
    fn write_in(&self, rel: &Path, bytes: &[u8]) -> Result<(), VersionStoreError> {
        let root = self.root()?;
        let at = |p: &Path| io_owned(self.dir.join(p));
        if let Some(parent) = rel.parent() {
            root.create_dir_all(parent).map_err(at(parent))?;
        }
        let tmp = rel.with_extension(format!("tmp-{}", uuid::Uuid::new_v4().simple()));
        root.write(&tmp, bytes).map_err(at(&tmp))?;
        root.rename(&tmp, &root, rel).map_err(at(rel))
    }

    /// The active version's id.
    pub fn active_id(&self, name: &str) -> Option<String> {
        self.history(name).pop()
    }

    /// Read a kept version.
    pub fn read(&self, name: &str, id: &str) -> Result<Source, VersionStoreError> {
        names::check_name(name)?;
        names::check_version_id(id)?;
        let dir = self.version_dir(name, id);
        let manifest_path = dir.join(manifest::FILE_NAME);
        let text = manifest::read_text(&manifest_path).map_err(io(&manifest_path))?;
        let path = dir.join(COMPONENT);
        let bytes = std::fs::read(&path).map_err(|source| VersionStoreError::Component {
            path: path.display().to_string(),
            source,
        })?;
        Source::new(&text, bytes)
    }

    pub fn version_dir(&self, name: &str, id: &str) -> PathBuf {
        self.plugin_dir(name).join(VERSIONS).join(id)
    }

    /// Keep `source` as a version (idempotent, and safe when several hosts
    /// share the directory); returns its id.
    pub fn add(&self, source: &Source) -> Result<String, VersionStoreError> {
        let name = &source.manifest.name;
        names::check_name(name)?;
        names::check_version(&source.manifest.version)?;
        let id = source.id();
        names::check_version_id(&id)?;
        let root = self.root()?;
        let at = |p: &Path| io_owned(self.dir.join(p));
        let parent = Path::new(name).join(VERSIONS);
        let dir = parent.join(&id);
        let same = || {
            root.read_to_string(dir.join(manifest::FILE_NAME))
                .is_ok_and(|m| m == source.manifest_text)
                && root.exists(dir.join(COMPONENT))
        };
        if same() {
            return Ok(id);
        }
        root.create_dir_all(&parent).map_err(at(&parent))?;
        let tmp = parent.join(format!(".tmp-{}", uuid::Uuid::new_v4().simple()));
        root.create_dir_all(&tmp).map_err(at(&tmp))?;
        let written = (|| {
            let m = tmp.join(manifest::FILE_NAME);
            root.write(&m, &source.manifest_text).map_err(at(&m))?;
            let c = tmp.join(COMPONENT);
            root.write(&c, &source.bytes).map_err(at(&c))?;
            if root.exists(&dir) {
                if same() {
                    return Ok(());
                }
                root.remove_dir_all(&dir).map_err(at(&dir))?;
            }
            match root.rename(&tmp, &root, &dir) {
                Ok(()) => Ok(()),
                // Another host wrote the same version meanwhile.
                Err(_) if same() => Ok(()),
                Err(e) => Err(at(&dir)(e)),
            }
        })();
        let _ = root.remove_dir_all(&tmp);
        written.map(|()| id)
    }

    /// Make `id` the active version and prune versions beyond the last `keep`.
    pub fn activate(&self, name: &str, id: &str) -> Result<(), VersionStoreError> {
        let mut history = self.history(name);
        history.retain(|h| h != id);
        history.push(id.to_string());
        let drop = history.len().saturating_sub(self.keep);
        history.drain(..drop);
        self.write_history(name, &history)?;
        self.prune(name, &history);
        Ok(())
    }

    /// Pop the active version; returns the id now active.
    pub fn rollback(&self, name: &str) -> Result<String, VersionStoreError> {
        let mut history = self.history(name);
        if history.is_empty() {
            return Err(VersionStoreError::NotInstalled(name.to_string()));
        }
        if history.len() < 2 {
            return Err(VersionStoreError::NoEarlierVersion(name.to_string()));
        }
        history.pop();
        self.write_history(name, &history)?;
        Ok(history.last().cloned().unwrap_or_default())
    }

    /// The version before the active one, if kept.
    pub fn previous_id(&self, name: &str) -> Option<String> {
        let history = self.history(name);
        history.len().checked_sub(2).map(|i| history[i].clone())
    }

    /// Remove a plugin with all its versions.
    pub fn remove(&self, name: &str) -> Result<(), VersionStoreError> {
        names::check_name(name)?;
        let root = self.root()?;
        if !root.is_dir(name) {
            return Err(VersionStoreError::NotInstalled(name.to_string()));
        }
        root.remove_dir_all(name)
            .map_err(io(&self.plugin_dir(name)))
    }

    /// Delete version directories that are not in `history`.
    fn prune(&self, name: &str, history: &[String]) {
        let versions = Path::new(name).join(VERSIONS);
        let Ok(root) = self.root() else {
            return;
        };
        let Ok(entries) = root.read_dir(&versions) else {
            return;
        };
        for e in entries.filter_map(Result::ok) {
            let n = e.file_name().to_string_lossy().into_owned();
            if !history.contains(&n) {
                if let Err(err) = root.remove_dir_all(versions.join(&n)) {
                    tracing::warn!(plugin = name, version = %n, error = %err, "cannot prune an old version");
                } else {
                    tracing::debug!(plugin = name, version = %n, "old version pruned");
                }
            }
        }
    }
}

/// Write beside, then rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), VersionStoreError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::new_v4().simple()));
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(version: &str) -> String {
        format!("name = \"seller-x\"\nkind = \"seller\"\nbrand = \"x\"\nversion = \"{version}\"\n")
    }

    #[test]
    fn keeps_the_last_versions_and_rolls_back_one_at_a_time() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = VersionStore::new(dir.path(), 3);
        let mut ids = Vec::new();
        for i in 0..5u8 {
            let s = Source::new(&manifest(&format!("0.{i}.0")), vec![i; 8]).expect("source");
            let id = store.add(&s).expect("add");
            store.activate("seller-x", &id).expect("activate");
            ids.push(id);
        }
        assert_eq!(store.history("seller-x"), ids[2..]);
        assert_eq!(
            store.active_id("seller-x").as_deref(),
            Some(ids[4].as_str())
        );
        assert!(!store.version_dir("seller-x", &ids[1]).exists(), "pruned");
        assert!(store.version_dir("seller-x", &ids[2]).exists());
        assert_eq!(store.rollback("seller-x").expect("rollback"), ids[3]);
        assert_eq!(
            store.read("seller-x", &ids[3]).expect("read").bytes,
            vec![3u8; 8]
        );
        assert_eq!(store.rollback("seller-x").expect("rollback"), ids[2]);
        assert!(matches!(
            store.rollback("seller-x"),
            Err(VersionStoreError::NoEarlierVersion(_))
        ));
    }

    #[test]
    fn nothing_outside_the_directory_is_written_or_deleted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let outside = tempfile::tempdir().expect("tempdir");
        std::fs::write(outside.path().join("keep"), "x").expect("write");
        let store = VersionStore::new(dir.path(), 3);
        let abs = outside.path().display().to_string();
        let name = outside.path().file_name().expect("name").to_string_lossy();
        for bad in [abs.clone(), format!("../{name}"), "..".into()] {
            assert!(
                matches!(store.remove(&bad), Err(VersionStoreError::Name(_))),
                "{bad}"
            );
            assert!(matches!(
                store.rollback(&bad),
                Err(VersionStoreError::NotInstalled(_))
            ));
            assert!(store.mark_imported(&bad, "k").is_err(), "{bad}");
        }
        // A tampered history naming a version outside: refused on read.
        assert!(
            store
                .read("seller-x", &format!("../../{name}/x-0123456789ab"))
                .is_err()
        );
        // Even past the grammar, the capability keeps paths inside.
        assert!(
            store
                .write_in(Path::new(&format!("../{name}/new")), b"x")
                .is_err()
        );
        assert!(store.write_in(&Path::new(&abs).join("new"), b"x").is_err());
        let left: Vec<_> = std::fs::read_dir(outside.path()).expect("read").collect();
        assert_eq!(left.len(), 1, "only `keep` is there");
        assert!(outside.path().join("keep").exists());
    }

    #[test]
    fn a_dropin_is_new_until_marked_imported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = VersionStore::new(dir.path(), 3);
        let p = dir.path().join("seller-x");
        std::fs::create_dir_all(&p).expect("mkdir");
        std::fs::write(p.join("plugin.toml"), manifest("0.1.0")).expect("write");
        std::fs::write(p.join("seller-x.wasm"), b"bytes").expect("write");
        let s = store.dropin("seller-x").expect("some").expect("ok");
        assert!(!store.imported("seller-x", &s.dropin_key()));
        store
            .mark_imported("seller-x", &s.dropin_key())
            .expect("mark");
        assert!(store.imported("seller-x", &s.dropin_key()));
        assert!(!store.imported("seller-x", &s.digest));
        assert_eq!(store.names().expect("names"), ["seller-x"]);

        std::fs::create_dir_all(dir.path().join("other")).expect("mkdir");
        std::fs::write(dir.path().join("other/plugin.toml"), manifest("0.1.0")).expect("write");
        let err = store.dropin("other").expect("some").expect_err("mismatch");
        assert!(err.to_string().contains("does not match"), "{err}");
        assert!(store.dropin("nothing").is_none());
    }
}
