//! The grammar of everything that becomes a path under the plugins
//! directory: plugin names, versions and version ids.
//!
//! Checked before any filesystem use (the admin API refuses with 400, the
//! manifest parser refuses the manifest, the store refuses the operation),
//! so no `/`, `\`, `..`, absolute path or control character can reach a
//! `join`. The store additionally resolves every write and delete through a
//! capability on the plugins directory (see [`super::store`]).

/// Longest plugin name.
pub const MAX_NAME: usize = 64;
/// Longest version (`semver` allows any length; a path component does not).
pub const MAX_VERSION: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("plugin name {0:?} must be 1-64 of a-z, 0-9 and '-', starting with a letter or digit")]
    Name(String),
    #[error(
        "version {0:?} must be semantic (MAJOR.MINOR.PATCH[-pre][+build], pre-release and build of A-Z, a-z, 0-9, '-', '.'), at most 128 characters"
    )]
    Version(String),
    #[error("version id {0:?} must be <version>-<12 hex digits>")]
    VersionId(String),
}

/// `[a-z0-9][a-z0-9-]{0,63}`.
pub fn check_name(name: &str) -> Result<(), NameError> {
    let bytes = name.as_bytes();
    let ok = !bytes.is_empty()
        && bytes.len() <= MAX_NAME
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-');
    if ok {
        Ok(())
    } else {
        Err(NameError::Name(shown(name)))
    }
}

/// A semantic version (the `semver` crate's grammar: pre-release and build
/// identifiers are `[0-9A-Za-z-]` separated by `.`), so never `/`, `\` or
/// `..`. The explicit checks below keep that true should the grammar ever
/// be loosened.
pub fn check_version(version: &str) -> Result<(), NameError> {
    let ok = version.len() <= MAX_VERSION
        && semver::Version::parse(version).is_ok()
        && !version.contains("..")
        && version
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'));
    if ok {
        Ok(())
    } else {
        Err(NameError::Version(shown(version)))
    }
}

/// `<version>-<digest12>` (what [`super::store::version_id`] makes), as read
/// back from a history file or a directory listing.
pub fn check_version_id(id: &str) -> Result<(), NameError> {
    let bad = || NameError::VersionId(shown(id));
    let (version, digest) = id.rsplit_once('-').ok_or_else(bad)?;
    if digest.len() != 12 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    check_version(version).map_err(|_| bad())
}

/// What an error message may repeat of a refused value: bounded, and with
/// control characters escaped by `{:?}` at the use site.
fn shown(value: &str) -> String {
    value.chars().take(MAX_VERSION).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for good in ["router", "seller-tech", "a", "0x", &"a".repeat(64)] {
            assert_eq!(check_name(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "-a",
            "A",
            "seller_tech",
            "/some/dir",
            "../../dir",
            "..",
            ".",
            "a/b",
            "a\\b",
            "a\nb",
            "é",
            &"a".repeat(65),
        ] {
            assert!(check_name(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn versions() {
        for good in ["0.1.0", "1.0.0-beta.1", "1.2.3-a-b+build.5", "10.20.30"] {
            assert_eq!(check_version(good), Ok(()), "{good}");
        }
        let digest = "0123456789ab";
        for bad in [
            "",
            "1.0",
            "one",
            "1.0.0.0",
            &format!("0.1.0-a-{digest}/../../../../x"),
            "0.1.0-a\\b",
            "0.1.0-a..b",
            "0.1.0-/x",
            "0.1.0 ",
            "0.1.0-\n",
            &format!("1.0.0-{}", "a".repeat(130)),
        ] {
            assert!(check_version(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn version_ids() {
        assert_eq!(check_version_id("0.1.0-0123456789ab"), Ok(()));
        assert_eq!(check_version_id("1.0.0-rc.1-0123456789ab"), Ok(()));
        for bad in [
            "0.1.0",
            "0.1.0-0123",
            "0.1.0-0123456789xz",
            "../0.1.0-0123456789ab",
            "/etc-0123456789ab",
            ".tmp-0123456789ab",
        ] {
            assert!(check_version_id(bad).is_err(), "{bad:?} accepted");
        }
    }
}
