//! One typed configuration: a TOML file plus `AGENT_STORE_` environment
//! overrides for every key.
//!
//! Environment names are the key path in upper case, sections joined by `_`:
//! `AGENT_STORE_WHATSAPP_APP_SECRET` sets `whatsapp.app_secret`,
//! `AGENT_STORE_ADMIN_TOKEN` sets `admin.token`, `AGENT_STORE_DATA_DIR` sets
//! `data_dir`. Because key names themselves contain `_`, only the first `_`
//! after a known section name separates section and key.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// The prefix of every environment override.
pub const ENV_PREFIX: &str = "AGENT_STORE_";

/// Every setting of the host.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Database, search index caches and installed plugins live here.
    pub data_dir: PathBuf,
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub whatsapp: WhatsAppConfig,
    pub plugins: PluginsConfig,
    pub catalog: CatalogConfig,
    pub admin: AdminConfig,
    pub llm: LlmConfig,
    pub bus: BusConfig,
    pub log: LogConfig,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Address of the HTTP server (webhooks, admin API, sandbox).
    pub bind: SocketAddr,
    /// Largest accepted request body, in bytes (webhooks are far smaller).
    pub body_limit_bytes: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseConfig {
    /// `postgres://...` or `sqlite://...`; empty = SQLite file in `data_dir`.
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct WhatsAppConfig {
    /// Meta app secret: signs every webhook. `serve` refuses to start without it.
    pub app_secret: String,
    /// Token Meta echoes during webhook verification.
    pub verify_token: String,
    /// Graph API bearer token for outbound messages.
    pub access_token: String,
    /// Graph API base URL (the demo points it at its local sandbox sink).
    pub graph_base_url: String,
    pub graph_version: String,
    /// The business phone number id replies are sent from when the inbound
    /// message did not say (it always does on WhatsApp).
    pub phone_number_id: String,
    pub display_phone_number: String,
    /// Timeout of one Graph API request.
    pub request_timeout_ms: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct PluginsConfig {
    /// Installed plugins: `<dir>/<name>/plugin.toml` + component. Empty =
    /// `<data_dir>/plugins`.
    pub dir: Option<PathBuf>,
    /// Brand persona prompts, `<dir>/<brand>.md`. Empty = `./prompts`.
    pub prompts_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CatalogConfig {
    /// A Meta catalog feed imported at start-up when the catalog is empty.
    pub seed_feed: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct AdminConfig {
    /// Bearer token of the admin API; empty disables the admin API.
    pub token: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LlmConfig {
    /// `none` (plugins fall back to templates), `openai` or `ollama`.
    pub provider: String,
    pub base_url: String,
    pub model: String,
    pub api_key: String,
    pub timeout_ms: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct BusConfig {
    /// `in-process` (embedded default) or `amqp`.
    pub backend: String,
    pub amqp_url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// `pretty` or `json`.
    pub format: String,
    /// A `tracing` filter, e.g. `info,agent_store=debug`; `RUST_LOG` wins.
    pub filter: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("data"),
            server: ServerConfig::default(),
            database: DatabaseConfig::default(),
            whatsapp: WhatsAppConfig::default(),
            plugins: PluginsConfig::default(),
            catalog: CatalogConfig::default(),
            admin: AdminConfig::default(),
            llm: LlmConfig::default(),
            bus: BusConfig::default(),
            log: LogConfig::default(),
        }
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            body_limit_bytes: 1024 * 1024,
        }
    }
}

impl Default for WhatsAppConfig {
    fn default() -> Self {
        Self {
            app_secret: String::new(),
            verify_token: String::new(),
            access_token: String::new(),
            graph_base_url: "https://graph.facebook.com".into(),
            graph_version: "v21.0".into(),
            phone_number_id: String::new(),
            display_phone_number: String::new(),
            request_timeout_ms: 10_000,
        }
    }
}

impl Default for LlmConfig {
    fn default() -> Self {
        Self {
            provider: "none".into(),
            base_url: String::new(),
            model: String::new(),
            api_key: String::new(),
            timeout_ms: 20_000,
        }
    }
}

impl Default for BusConfig {
    fn default() -> Self {
        Self {
            backend: "in-process".into(),
            amqp_url: "amqp://guest:guest@127.0.0.1:5672/%2f".into(),
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            format: "pretty".into(),
            filter: "info".into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {0}")]
pub struct ConfigError(#[from] Box<figment::Error>);

/// Top-level sections: an env name starting with `<SECTION>_` targets a key
/// inside that section.
const SECTIONS: &[&str] = &[
    "server", "database", "whatsapp", "plugins", "catalog", "admin", "llm", "bus", "log",
];

impl Config {
    /// Defaults, then the TOML file (when given), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::load_from(file, Env::prefixed(ENV_PREFIX))
    }

    fn load_from(file: Option<&Path>, env: Env) -> Result<Self, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(file) = file {
            // A named file must exist: silently running on defaults would
            // hide a typo in a production path.
            if !file.exists() {
                return Err(ConfigError(Box::new(figment::Error::from(format!(
                    "config file {} does not exist",
                    file.display()
                )))));
            }
            figment = figment.merge(Toml::file(file));
        }
        let env = env.map(|key| env_key_to_path(key.as_str()).into());
        figment
            .merge(env)
            .extract()
            .map_err(|e| ConfigError(Box::new(e)))
    }

    /// Where installed plugins live.
    pub fn plugins_dir(&self) -> PathBuf {
        self.plugins
            .dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("plugins"))
    }

    /// Where brand prompts live.
    pub fn prompts_dir(&self) -> PathBuf {
        self.plugins
            .prompts_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("prompts"))
    }
}

/// `whatsapp_app_secret` → `whatsapp.app_secret`; `data_dir` → `data_dir`.
fn env_key_to_path(key: &str) -> String {
    let key = key.to_ascii_lowercase();
    for section in SECTIONS {
        if let Some(rest) = key.strip_prefix(section).and_then(|r| r.strip_prefix('_')) {
            return format!("{section}.{rest}");
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_env(vars: &[(&str, &str)]) -> Env {
        // figment's Jail would serialise tests; a custom source keeps them
        // parallel: filter the real env by a per-test prefix instead.
        let prefix = format!("AGENT_STORE_TEST_{}_", uuid::Uuid::new_v4().simple());
        for (k, v) in vars {
            // SAFETY: every test uses its own unique variable names.
            unsafe { std::env::set_var(format!("{prefix}{k}"), v) };
        }
        Env::prefixed(&prefix)
    }

    #[test]
    fn defaults_are_embedded_and_local() {
        let c = Config::load_from(None, with_env(&[])).expect("defaults load");
        assert_eq!(c.server.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.data_dir, PathBuf::from("data"));
        assert_eq!(c.plugins_dir(), PathBuf::from("data/plugins"));
        assert_eq!(c.bus.backend, "in-process");
        assert!(c.database.url.is_empty());
    }

    #[test]
    fn env_overrides_keys_containing_underscores() {
        let env = with_env(&[
            ("WHATSAPP_APP_SECRET", "s3cret"),
            ("ADMIN_TOKEN", "tok"),
            ("DATA_DIR", "/tmp/x"),
            ("SERVER_BIND", "0.0.0.0:9000"),
            ("LLM_TIMEOUT_MS", "1500"),
        ]);
        let c = Config::load_from(None, env).expect("env config loads");
        assert_eq!(c.whatsapp.app_secret, "s3cret");
        assert_eq!(c.admin.token, "tok");
        assert_eq!(c.data_dir, PathBuf::from("/tmp/x"));
        assert_eq!(c.server.bind.port(), 9000);
        assert_eq!(c.llm.timeout_ms, 1500);
    }

    #[test]
    fn file_then_env_precedence() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("c.toml");
        std::fs::write(
            &file,
            "[whatsapp]\napp_secret = \"from-file\"\nverify_token = \"vt\"\n[database]\nurl = \"postgres://x\"\n",
        )
        .expect("write");
        let c = Config::load_from(
            Some(&file),
            with_env(&[("WHATSAPP_APP_SECRET", "from-env")]),
        )
        .expect("loads");
        assert_eq!(c.whatsapp.app_secret, "from-env");
        assert_eq!(c.whatsapp.verify_token, "vt");
        assert_eq!(c.database.url, "postgres://x");
    }

    #[test]
    fn unknown_keys_and_missing_files_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("c.toml");
        std::fs::write(&file, "[whatsapp]\napp_secrte = \"typo\"\n").expect("write");
        let err = Config::load_from(Some(&file), with_env(&[])).unwrap_err();
        assert!(err.to_string().contains("app_secrte"), "{err}");
        let missing = Config::load_from(Some(&dir.path().join("nope.toml")), with_env(&[]));
        assert!(missing.is_err());
    }
}
