//! One typed configuration: a TOML file plus `AGENT_STORE_` environment
//! overrides for every key.
//!
//! Environment names are the key path in upper case, sections joined by `_`:
//! `AGENT_STORE_WHATSAPP_APP_SECRET` sets `whatsapp.app_secret`,
//! `AGENT_STORE_ADMIN_TOKEN` sets `admin.token`, `AGENT_STORE_DATA_DIR` sets
//! `data_dir`. Because key names themselves contain `_`, only the first `_`
//! after a known section name separates section and key.

use std::path::{Path, PathBuf};

pub use crate::bus::BusConfig;
pub use crate::db::DatabaseConfig;
pub use crate::llm::LlmConfig;
pub use crate::plugins::PluginsConfig;
pub use crate::telemetry::{LogConfig, TelemetryConfig};
pub use crate::web::{AdminConfig, ServerConfig};
pub use crate::whatsapp::WhatsAppConfig;
mod env;
pub use env::{EnvOverrides, ignored as ignored_env_vars, keys as env_keys, takes_string};

use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
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
    pub telemetry: TelemetryConfig,
    pub orders: crate::orders::OrdersConfig,
    pub payments: crate::payments::PaymentsConfig,
    pub shipping: crate::shipping::ShippingConfig,
    /// Business budgets seeded into the database (`[policy.budgets.<brand>]`).
    pub policy: crate::policy::PolicyConfig,
    /// Recording seller and router turns (`[record]`).
    pub record: crate::replay::RecordConfig,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CatalogConfig {
    /// A Meta catalog feed imported at start-up when the catalog is empty.
    pub seed_feed: Option<PathBuf>,
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
            telemetry: TelemetryConfig::default(),
            orders: Default::default(),
            payments: Default::default(),
            shipping: Default::default(),
            policy: Default::default(),
            record: Default::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {0}")]
pub struct ConfigError(#[from] Box<figment::Error>);

/// Top-level sections: an env name starting with `<SECTION>_` targets a key
/// inside that section.
const SECTIONS: &[&str] = &[
    "server",
    "database",
    "whatsapp",
    "plugins",
    "catalog",
    "admin",
    "llm",
    "bus",
    "log",
    "orders",
    "payments",
    "shipping",
    "telemetry",
    "policy",
    "record",
];

impl Config {
    /// Defaults, then the TOML file (when given), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::load_with(file, EnvOverrides::from_process())
    }

    /// [`Self::load`] with explicit environment overrides (tests pass their
    /// own: mutating the process environment is not thread-safe).
    pub fn load_with(file: Option<&Path>, env: EnvOverrides) -> Result<Self, ConfigError> {
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
pub fn env_key_to_path(key: &str) -> String {
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

    /// These variables (names without the prefix) as the loader reads the
    /// environment, without touching it: `set_var` while other test threads
    /// run is undefined behaviour, and figment's Jail would serialise them.
    fn with_env(vars: &[(&str, &str)]) -> EnvOverrides {
        EnvOverrides::new(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    #[test]
    fn defaults_are_embedded_and_local() {
        let c = Config::load_with(None, with_env(&[])).expect("defaults load");
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
            ("PLUGINS_KEEP_RESIDENT_BYTES", "0"),
        ]);
        let c = Config::load_with(None, env).expect("env config loads");
        assert_eq!(c.whatsapp.app_secret, "s3cret");
        assert_eq!(c.admin.token, "tok");
        assert_eq!(c.data_dir, PathBuf::from("/tmp/x"));
        assert_eq!(c.server.bind.port(), 9000);
        assert_eq!(c.llm.timeout_ms, 1500);
        assert_eq!(c.plugins.keep_resident_bytes, 0);
        assert_eq!(
            Config::default().plugins.keep_resident_bytes,
            agent_store_plugins::pool::DEFAULT_KEEP_RESIDENT
        );
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
        let c = Config::load_with(
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
        let err = Config::load_with(Some(&file), with_env(&[])).unwrap_err();
        assert!(err.to_string().contains("app_secrte"), "{err}");
        let missing = Config::load_with(Some(&dir.path().join("nope.toml")), with_env(&[]));
        assert!(missing.is_err());
    }

    /// `bus.producers` from one variable (figment's inline syntax), as a
    /// Kubernetes Secret would set it (a config test: the bus never reads
    /// the whole configuration).
    #[test]
    fn producers_come_from_the_environment() {
        use crate::bus::ProducerConfig;
        use crate::bus::producers::Producers;
        let value = r#"[{name="shop", token="0123456789abcdef", types=["store.order.status.update", "store.sales.*"]}]"#;
        let config = Config::load_with(None, with_env(&[("BUS_PRODUCERS", value)])).expect("loads");
        let shop = ProducerConfig {
            name: "shop".into(),
            token: "0123456789abcdef".into(),
            types: vec!["store.order.status.update".into(), "store.sales.*".into()],
        };
        assert_eq!(config.bus.producers, vec![shop]);
        assert!(Producers::from_config(&config.bus.producers).is_ok());
    }
}
