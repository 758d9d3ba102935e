//! `plugin.toml`: what a plugin is and what it may do.
//!
//! ```toml
//! name = "seller-tech"
//! kind = "seller"            # seller | router
//! brand = "tech"             # sellers only
//! version = "0.1.0"
//! description = "Max, the tech seller"
//! component = "seller-tech.wasm"   # optional, default <name>.wasm
//! [grants]
//! catalog = "brand"          # none | brand | all
//! llm = true
//! orders = true              # read the cart/orders, add-to-cart and place-order actions
//! escalate = true
//! hand_off = true
//! config = []                # config keys the plugin may read
//! [limits]                   # optional; each within the host's maxima
//! cpu_ms = 200               # guest CPU per turn (host calls excluded, but analysis)
//! memory_mib = 32            # linear memory
//! reply_kib = 64             # size of the reply (all actions' text)
//! reply_actions = 10         # actions per reply
//! host_calls = 100           # host calls per turn, all imports together
//! catalog_calls = 20         # catalog search/get/recommend per turn
//! llm_calls = 3              # LLM completions per turn
//! state_writes = 16          # conversation state writes per turn
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The file name next to every component.
pub const FILE_NAME: &str = "plugin.toml";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Seller,
    Router,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Seller => "seller",
            Kind::Router => "router",
        }
    }
}

/// How much of the catalog a plugin may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CatalogScope {
    #[default]
    None,
    /// Only the plugin's own brand.
    Brand,
    /// Every brand (the router's grant).
    All,
}

/// Capabilities the host lets a plugin use; everything else is denied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Grants {
    pub catalog: CatalogScope,
    pub llm: bool,
    pub orders: bool,
    pub escalate: bool,
    pub hand_off: bool,
    pub config: Vec<String>,
}

/// Per-turn limits a plugin asks for; unset = the host's default. The host
/// clamps every value to its configured maximum (`[plugins] max_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    pub cpu_ms: Option<u64>,
    pub memory_mib: Option<u64>,
    pub reply_kib: Option<u64>,
    pub reply_actions: Option<u32>,
    pub host_calls: Option<u32>,
    pub catalog_calls: Option<u32>,
    pub llm_calls: Option<u32>,
    pub state_writes: Option<u32>,
}

impl Limits {
    /// Every set value with its key, for validation and logs.
    pub fn values(&self) -> [(&'static str, Option<u64>); 8] {
        [
            ("cpu_ms", self.cpu_ms),
            ("memory_mib", self.memory_mib),
            ("reply_kib", self.reply_kib),
            ("reply_actions", self.reply_actions.map(u64::from)),
            ("host_calls", self.host_calls.map(u64::from)),
            ("catalog_calls", self.catalog_calls.map(u64::from)),
            ("llm_calls", self.llm_calls.map(u64::from)),
            ("state_writes", self.state_writes.map(u64::from)),
        ]
    }
}

/// A parsed, validated manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    pub kind: Kind,
    #[serde(default)]
    pub brand: Option<String>,
    pub version: String,
    #[serde(default)]
    pub description: String,
    /// The component file, relative to the manifest.
    #[serde(default)]
    pub component: Option<String>,
    #[serde(default)]
    pub grants: Grants,
    #[serde(default)]
    pub limits: Limits,
    /// A seller's `[routing]` section, kept raw: the routing module reads
    /// it leniently, so a bad one never stops the plugin from loading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing: Option<crate::routing::RawSection>,
}

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("malformed manifest: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("invalid manifest: {0}")]
    Invalid(String),
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl Manifest {
    /// This manifest as the brand vocabulary reads an installed seller;
    /// `None` for a plugin without a brand (the router).
    pub fn installed_seller(&self) -> Option<crate::routing::InstalledSeller<'_>> {
        Some(crate::routing::InstalledSeller {
            plugin: &self.name,
            brand: self.brand.as_deref()?,
            section: self.routing.as_ref(),
        })
    }

    pub fn parse(text: &str) -> Result<Self, ManifestError> {
        let m: Manifest = toml::from_str(text)?;
        m.validate()?;
        Ok(m)
    }

    pub fn read(path: &Path) -> Result<Self, ManifestError> {
        let text = read_text(path).map_err(|source| ManifestError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text)
    }

    fn validate(&self) -> Result<(), ManifestError> {
        let invalid = |m: String| Err(ManifestError::Invalid(m));
        // Name and version become directories under the plugins dir: the
        // strict grammar keeps them single, harmless path components.
        super::names::check_name(&self.name).map_err(|e| ManifestError::Invalid(e.to_string()))?;
        super::names::check_version(&self.version)
            .map_err(|e| ManifestError::Invalid(e.to_string()))?;
        match (self.kind, &self.brand) {
            (Kind::Seller, None) => return invalid("a seller needs a brand".into()),
            // "none" and "store" are routing decisions, not brands.
            (Kind::Seller, Some(b)) if !is_slug(b) || b == "none" || b == "store" => {
                return invalid(format!(
                    "brand {b:?} must be a slug other than \"none\" and \"store\""
                ));
            }
            (Kind::Router, Some(_)) => return invalid("a router has no brand".into()),
            _ => {}
        }
        if let Some(c) = &self.component
            && (c.contains('/') || c.contains('\\') || c.starts_with('.') || !c.ends_with(".wasm"))
        {
            return invalid(format!(
                "component {c:?} must be a .wasm file name next to the manifest"
            ));
        }
        if self.kind == Kind::Router && (self.grants.orders || self.grants.hand_off) {
            return invalid("a router cannot be granted orders or hand_off".into());
        }
        // Zero CPU, memory or reply would make every turn fail; zero call
        // budgets are meaningful (no LLM calls at all).
        for (key, value) in &self.limits.values()[..4] {
            if *value == Some(0) {
                return invalid(format!("limits.{key} must be at least 1"));
            }
        }
        Ok(())
    }

    /// The component's file name.
    pub fn component_file(&self) -> String {
        self.component
            .clone()
            .unwrap_or_else(|| format!("{}.wasm", self.name))
    }
}

/// A manifest file's text. Bytes that are not UTF-8 (a keyword list pasted
/// from a legacy encoding) become U+FFFD with one log line instead of
/// failing the plugin: names and versions must still be valid slugs, so
/// only free text is affected.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            tracing::warn!(path = %path.display(), at = e.utf8_error().valid_up_to(), "manifest is not valid UTF-8: invalid bytes replaced");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    })
}

/// `1.2.3` → (1, 2, 3); pre-release/build suffixes are allowed and ignored.
pub fn semver_triplet(v: &str) -> Option<(u64, u64, u64)> {
    let core = v.split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
    let t = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SELLER: &str = r#"
name = "seller-tech"
kind = "seller"
brand = "tech"
version = "0.1.0"
description = "Max"
[grants]
catalog = "brand"
llm = true
orders = true
escalate = true
hand_off = true
config = ["greeting"]
"#;

    #[test]
    fn parses_a_seller() {
        let m = Manifest::parse(SELLER).expect("valid");
        assert_eq!(m.kind, Kind::Seller);
        assert_eq!(m.brand.as_deref(), Some("tech"));
        assert_eq!(m.grants.catalog, CatalogScope::Brand);
        assert_eq!(m.grants.config, ["greeting"]);
        assert_eq!(m.component_file(), "seller-tech.wasm");
    }

    #[test]
    fn parses_limits() {
        let m = Manifest::parse(&format!(
            "{SELLER}[limits]\ncpu_ms = 50\nmemory_mib = 16\nreply_kib = 8\nllm_calls = 0\n"
        ))
        .expect("valid");
        assert_eq!(m.limits.cpu_ms, Some(50));
        assert_eq!(m.limits.memory_mib, Some(16));
        assert_eq!(m.limits.reply_kib, Some(8));
        assert_eq!(m.limits.llm_calls, Some(0));
        assert_eq!(m.limits.reply_actions, None);
        assert_eq!(
            Manifest::parse(SELLER).expect("valid").limits,
            Limits::default()
        );
    }

    #[test]
    fn grants_default_to_nothing() {
        let m = Manifest::parse("name = \"router\"\nkind = \"router\"\nversion = \"1.0.0\"\n")
            .expect("valid");
        assert_eq!(m.grants, Grants::default());
        assert_eq!(m.grants.catalog, CatalogScope::None);
    }

    #[test]
    fn rejects_bad_manifests_with_a_reason() {
        let cases = [
            ("kind = \"seller\"\nversion = \"0.1.0\"", "name"),
            (
                "name = \"x\"\nkind = \"robot\"\nversion = \"0.1.0\"",
                "kind",
            ),
            (
                "name = \"x\"\nkind = \"seller\"\nversion = \"0.1.0\"",
                "needs a brand",
            ),
            (
                "name = \"X Y\"\nkind = \"router\"\nversion = \"0.1.0\"",
                "name",
            ),
            (
                "name = \"x\"\nkind = \"router\"\nversion = \"one\"",
                "version",
            ),
            (
                "name = \"x\"\nkind = \"router\"\nversion = \"0.1.0-a-0123456789ab/../../../../x\"",
                "version",
            ),
            (
                "name = \"../x\"\nkind = \"router\"\nversion = \"0.1.0\"",
                "name",
            ),
            (
                "name = \"x\"\nkind = \"router\"\nbrand = \"tech\"\nversion = \"0.1.0\"",
                "no brand",
            ),
            (
                "name = \"x\"\nkind = \"seller\"\nbrand = \"none\"\nversion = \"0.1.0\"",
                "brand",
            ),
            (
                "name = \"x\"\nkind = \"seller\"\nbrand = \"t\"\nversion = \"0.1.0\"\ncomponent = \"../evil.wasm\"",
                "component",
            ),
            (
                "name = \"x\"\nkind = \"router\"\nversion = \"0.1.0\"\n[grants]\norders = true",
                "router",
            ),
            (
                "name = \"x\"\nkind = \"router\"\nversion = \"0.1.0\"\n[grants]\nfilesystem = true",
                "filesystem",
            ),
            ("not toml at all [", "malformed"),
            (
                "name = \"x\"\nkind = \"router\"\nversion = \"0.1.0\"\n[limits]\ncpu_ms = 0",
                "limits.cpu_ms",
            ),
            (
                "name = \"x\"\nkind = \"router\"\nversion = \"0.1.0\"\n[limits]\nfuel = 10",
                "fuel",
            ),
        ];
        for (text, needle) in cases {
            let err = Manifest::parse(text).expect_err(text).to_string();
            assert!(err.contains(needle), "{text:?}: {err}");
        }
    }

    #[test]
    fn semver() {
        assert_eq!(semver_triplet("0.1.2"), Some((0, 1, 2)));
        assert_eq!(semver_triplet("1.0.0-beta.1"), Some((1, 0, 0)));
        assert_eq!(semver_triplet("1.0"), None);
        assert_eq!(semver_triplet("1.0.0.0"), None);
    }

    #[test]
    fn a_manifest_with_bytes_that_are_not_utf8_still_loads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("plugin.toml");
        let mut bytes = b"name = \"seller-x\"\nkind = \"seller\"\nbrand = \"x\"\nversion = \"0.1.0\"\n[routing]\nkeywords = [\"caf".to_vec();
        bytes.extend([0xe9, 0xff]);
        bytes.extend(b"\", \"mug\"]\n");
        std::fs::write(&path, &bytes).expect("write");
        let text = read_text(&path).expect("read");
        let m = Manifest::parse(&text).expect("still a manifest");
        let raw = m.routing.expect("section");
        let s = crate::routing::RoutingSection::read("seller-x", &raw);
        assert_eq!(s.keywords.len(), 2);
        assert_eq!(s.keywords[1].1, "mug");
    }
}
