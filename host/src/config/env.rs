//! `AGENT_STORE_*` environment overrides, read the way the config's types
//! want them.
//!
//! Two things figment's own `Env` provider gets wrong for us:
//! - every variable with the prefix becomes a key, so a variable that is
//!   not configuration (`AGENT_STORE_USER_PASSWORD` for `users add`,
//!   `AGENT_STORE_URL` and `AGENT_STORE_ADMIN_URL` for the CLI clients)
//!   fails `deny_unknown_fields` and with it every command. Here only
//!   variables that name a key of [`Config`] are overrides; the others are
//!   left to whoever reads them (see [`ignored`]).
//! - values are parsed as TOML-ish, so `100000000000001` (a phone number
//!   id, as a Kubernetes Secret would set it) becomes an integer and a
//!   `String` key refuses it. Here a key that takes a string gets the raw
//!   text; other keys get figment's parsing (numbers, booleans, arrays).
//!
//! Which keys exist and which take strings is learnt from the typed
//! [`Config`] itself (its serialized defaults, and whether a key accepts a
//! non-numeric string), so a new key needs no list to be kept up to date.

use figment::providers::Serialized;
use figment::value::{Dict, Map, Tag, Value};
use figment::{Error, Figment, Metadata, Profile, Provider};

use super::{Config, ENV_PREFIX, env_key_to_path};

/// Overrides from `(name without the prefix, raw value)` pairs.
#[derive(Debug, Clone, Default)]
pub struct EnvOverrides {
    pairs: Vec<(String, String)>,
}

impl EnvOverrides {
    /// The process environment's `AGENT_STORE_*` variables.
    pub fn from_process() -> Self {
        Self::new(std::env::vars().filter_map(|(k, v)| {
            k.strip_prefix(ENV_PREFIX)
                .filter(|rest| !rest.is_empty())
                .map(|rest| (rest.to_string(), v))
        }))
    }

    /// Explicit pairs, e.g. `("WHATSAPP_PHONE_NUMBER_ID", "100000000000001")`
    /// (what tests use instead of mutating the process environment).
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            pairs: pairs.into_iter().collect(),
        }
    }

    /// The overrides as `(key path, value)`, non-configuration variables left
    /// out.
    fn values(&self) -> Vec<(String, Value)> {
        let defaults = defaults();
        self.pairs
            .iter()
            .filter_map(|(name, raw)| {
                let path = env_key_to_path(name);
                if !defaults.contains(&path) {
                    return None;
                }
                let parsed: Value = raw.parse().unwrap_or_else(|_| Value::from(raw.clone()));
                let value = if !matches!(parsed, Value::String(..)) && takes_string(&path) {
                    Value::from(raw.clone())
                } else {
                    parsed
                };
                Some((path, value))
            })
            .collect()
    }
}

/// The names (without the prefix) of variables that set no key; `serve`
/// logs them once so a misspelt override does not go unnoticed.
pub fn ignored(overrides: &EnvOverrides) -> Vec<String> {
    let defaults = defaults();
    overrides
        .pairs
        .iter()
        .filter(|(name, _)| !defaults.contains(&env_key_to_path(name)))
        .map(|(name, _)| format!("{ENV_PREFIX}{name}"))
        .collect()
}

fn defaults() -> Figment {
    Figment::from(Serialized::defaults(Config::default()))
}

/// Whether `path` is a string-typed key: the defaults with a non-numeric
/// string there still make a [`Config`] (a number, boolean, address or
/// enum key refuses it).
pub fn takes_string(path: &str) -> bool {
    defaults()
        .merge(Serialized::default(path, "not-a-number"))
        .extract::<Config>()
        .is_ok()
}

/// Every key of the config as a dotted path (sections one level deep, as
/// environment names address them), for tests and documentation.
pub fn keys() -> Vec<String> {
    defaults()
        .data()
        .ok()
        .and_then(|mut m| m.remove(&Profile::Default))
        .map(|d| flatten(&d))
        .unwrap_or_default()
}

fn flatten(top: &Dict) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in top {
        match v {
            Value::Dict(_, section) => out.extend(section.keys().map(|s| format!("{k}.{s}"))),
            _ => out.push(k.clone()),
        }
    }
    out
}

fn insert(dict: &mut Dict, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            dict.insert(path.to_string(), value);
        }
        Some((head, rest)) => {
            let entry = dict
                .entry(head.to_string())
                .or_insert_with(|| Value::Dict(Tag::Default, Dict::new()));
            if !matches!(entry, Value::Dict(..)) {
                *entry = Value::Dict(Tag::Default, Dict::new());
            }
            if let Value::Dict(_, inner) = entry {
                insert(inner, rest, value);
            }
        }
    }
}

impl Provider for EnvOverrides {
    fn metadata(&self) -> Metadata {
        Metadata::named(format!("`{ENV_PREFIX}` environment variable(s)")).interpolater(
            |_: &Profile, k: &[&str]| format!("{ENV_PREFIX}{}", k.join("_").to_ascii_uppercase()),
        )
    }

    fn data(&self) -> Result<Map<Profile, Dict>, Error> {
        let mut dict = Dict::new();
        for (path, value) in self.values() {
            insert(&mut dict, &path, value);
        }
        Ok(Profile::Default.collect(dict))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `whatsapp.phone_number_id` → `WHATSAPP_PHONE_NUMBER_ID`.
    fn env_name(path: &str) -> String {
        path.replace('.', "_").to_ascii_uppercase()
    }

    fn value_at(config: &Config, path: &str) -> Value {
        Figment::from(Serialized::defaults(config))
            .find_value(path)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn every_string_key_takes_a_digit_only_value_from_the_environment() {
        // The list comes from the typed Config: a new key is covered.
        let keys: Vec<String> = keys().into_iter().filter(|k| takes_string(k)).collect();
        for expected in [
            "data_dir",
            "whatsapp.phone_number_id",
            "whatsapp.app_secret",
            "whatsapp.access_token",
            "admin.token",
            "plugins.dir",
        ] {
            assert!(keys.iter().any(|k| k == expected), "{expected} in {keys:?}");
        }
        let digits = |i: usize| format!("{}", 100_000_000_000_001u64 + i as u64);
        let pairs = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (env_name(k), digits(i)));
        let config = Config::load_with(None, EnvOverrides::new(pairs))
            .unwrap_or_else(|e| panic!("digit-only values refused: {e}"));
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(
                value_at(&config, key).into_string().as_deref(),
                Some(digits(i).as_str()),
                "{key} set through {}",
                env_name(key)
            );
        }
    }

    #[test]
    fn variables_that_are_not_configuration_are_ignored_and_listed() {
        let pairs = [
            ("USER_PASSWORD", "hunter2"),
            ("URL", "http://127.0.0.1:8080"),
            ("ADMIN_URL", "http://127.0.0.1:8080"),
            ("TEST_POSTGRES_URL", "postgres://x"),
            ("WHATSAPP_APP_SECRET", "s3cret"),
            ("LLM_TIMEOUT_MS", "1500"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()));
        let overrides = EnvOverrides::new(pairs);
        let config = Config::load_with(None, overrides.clone()).expect("loads");
        assert_eq!(config.whatsapp.app_secret, "s3cret");
        assert_eq!(config.llm.timeout_ms, 1500, "numbers are still numbers");
        assert_eq!(
            ignored(&overrides),
            [
                "AGENT_STORE_USER_PASSWORD",
                "AGENT_STORE_URL",
                "AGENT_STORE_ADMIN_URL",
                "AGENT_STORE_TEST_POSTGRES_URL"
            ]
        );
    }

    #[test]
    fn a_wrong_type_is_still_an_error_naming_the_variable() {
        let pairs = [("LLM_TIMEOUT_MS".to_string(), "soon".to_string())];
        let err = Config::load_with(None, EnvOverrides::new(pairs)).expect_err("refused");
        let text = err.to_string();
        assert!(text.contains("AGENT_STORE_LLM_TIMEOUT_MS"), "{text}");
    }
}
