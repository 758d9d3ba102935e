//! Who may publish through `POST /events`: one bearer token per producer,
//! each with the event types it is granted.
//!
//! Customer-facing types (a message received or sent, anything about
//! orders) put words in front of customers or move their money: a
//! wildcard grant never includes them, they must be named one by one.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use agent_store_events::EventType;

/// Shortest accepted producer token (a guessable token is no lock).
pub const TOKEN_MIN_CHARS: usize = 16;

/// One producer of `bus.producers` (`[[bus.producers]]` in TOML).
#[derive(Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ProducerConfig {
    /// Who it is, for logs and errors.
    pub name: String,
    /// Its bearer token (at least [`TOKEN_MIN_CHARS`] characters).
    pub token: String,
    /// Event types it may publish: exact names, or a prefix pattern such as
    /// `store.sales.*` (which never includes a customer-facing type).
    pub types: Vec<String>,
}

// The token must never reach a log line.
impl std::fmt::Debug for ProducerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProducerConfig")
            .field("name", &self.name)
            .field("token", &"***")
            .field("types", &self.types)
            .finish()
    }
}

/// Whether an external producer could impersonate a customer or the
/// business with this type: only an exact grant allows it.
pub fn customer_facing(t: EventType) -> bool {
    matches!(
        t,
        EventType::WhatsAppMessageReceived | EventType::WhatsAppMessageSend
    ) || t.as_str().starts_with("store.order.")
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ProducerError {
    #[error("bus.producers[{index}]: the name is empty")]
    NoName { index: usize },
    #[error(
        "bus.producers[{index}] ({name}): the token must have at least {TOKEN_MIN_CHARS} characters"
    )]
    ShortToken { index: usize, name: String },
    #[error("bus.producers: {0} and {1} have the same token (a token names one producer)")]
    SharedToken(String, String),
    #[error("bus.producers: two producers are named {0}")]
    SharedName(String),
    #[error("bus.producers[{index}] ({name}): no event types granted")]
    NoTypes { index: usize, name: String },
    #[error(
        "bus.producers[{index}] ({name}): {pattern:?} names no event type (known: exact names such as store.sales.escalate, or a prefix such as store.sales.*)"
    )]
    UnknownType {
        index: usize,
        name: String,
        pattern: String,
    },
    #[error(
        "bus.producers[{index}] ({name}): {pattern:?} covers only customer-facing types, which a pattern never grants: name them one by one"
    )]
    OnlyCustomerFacing {
        index: usize,
        name: String,
        pattern: String,
    },
}

/// One producer, its grants resolved.
pub struct Producer {
    pub name: String,
    token: Vec<u8>,
    types: HashSet<EventType>,
}

impl std::fmt::Debug for Producer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Producer")
            .field("name", &self.name)
            .field("types", &self.types)
            .finish_non_exhaustive()
    }
}

impl Producer {
    pub fn may_publish(&self, t: EventType) -> bool {
        self.types.contains(&t)
    }
}

/// Every configured producer.
#[derive(Debug, Default)]
pub struct Producers(Vec<Producer>);

impl Producers {
    /// Resolve and check the configuration: any mistake is an error, so a
    /// typo in a grant stops the start instead of silently refusing.
    pub fn from_config(config: &[ProducerConfig]) -> Result<Self, ProducerError> {
        let mut out: Vec<Producer> = Vec::with_capacity(config.len());
        for (index, p) in config.iter().enumerate() {
            let name = p.name.trim().to_string();
            if name.is_empty() {
                return Err(ProducerError::NoName { index });
            }
            if p.token.chars().count() < TOKEN_MIN_CHARS {
                return Err(ProducerError::ShortToken { index, name });
            }
            if let Some(other) = out.iter().find(|o| o.name == name) {
                return Err(ProducerError::SharedName(other.name.clone()));
            }
            if let Some(other) = out.iter().find(|o| o.token == p.token.as_bytes()) {
                return Err(ProducerError::SharedToken(other.name.clone(), name));
            }
            if p.types.is_empty() {
                return Err(ProducerError::NoTypes { index, name });
            }
            let mut types = HashSet::new();
            for pattern in &p.types {
                let granted = grant(pattern);
                if granted.is_empty() && covers_any(pattern) {
                    return Err(ProducerError::OnlyCustomerFacing {
                        index,
                        name,
                        pattern: pattern.clone(),
                    });
                }
                if granted.is_empty() {
                    return Err(ProducerError::UnknownType {
                        index,
                        name,
                        pattern: pattern.clone(),
                    });
                }
                types.extend(granted);
            }
            out.push(Producer {
                name,
                token: p.token.as_bytes().to_vec(),
                types,
            });
        }
        Ok(Self(out))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The producer whose token is `given`. Every token is compared in
    /// constant time, and all of them are, whichever matches: neither the
    /// timing of one comparison nor the number of comparisons tells an
    /// attacker how close a guess was.
    pub fn authenticate(&self, given: &str) -> Option<&Producer> {
        let mut found = None;
        for p in &self.0 {
            if agent_store_web::bearer::token_eq(given.as_bytes(), &p.token) && found.is_none() {
                found = Some(p);
            }
        }
        found
    }
}

/// The types one grant pattern gives: an exact name gives that type; a
/// `prefix.*` pattern gives every type under the prefix that is not
/// customer-facing.
fn grant(pattern: &str) -> Vec<EventType> {
    let pattern = pattern.trim();
    match pattern.strip_suffix('*') {
        Some(prefix) if prefix.is_empty() || prefix.ends_with('.') => EventType::ALL
            .into_iter()
            .filter(|t| t.as_str().starts_with(prefix) && !customer_facing(*t))
            .collect(),
        Some(_) => Vec::new(),
        None => EventType::parse(pattern).into_iter().collect(),
    }
}

/// Whether a pattern matches any type at all, customer-facing included.
fn covers_any(pattern: &str) -> bool {
    pattern
        .trim()
        .strip_suffix('*')
        .filter(|prefix| prefix.is_empty() || prefix.ends_with('.'))
        .is_some_and(|prefix| {
            EventType::ALL
                .iter()
                .any(|t| t.as_str().starts_with(prefix))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn producer(name: &str, token: &str, types: &[&str]) -> ProducerConfig {
        ProducerConfig {
            name: name.into(),
            token: token.into(),
            types: types.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn wildcards_never_grant_customer_facing_types() {
        let p =
            Producers::from_config(&[producer("all", "0123456789abcdef", &["*"])]).expect("valid");
        let all = p.authenticate("0123456789abcdef").expect("authenticates");
        assert!(all.may_publish(EventType::SalesEscalate));
        assert!(all.may_publish(EventType::PluginFailed));
        for t in EventType::ALL.into_iter().filter(|t| customer_facing(*t)) {
            assert!(!all.may_publish(t), "{t} needs an exact grant");
        }
        assert!(customer_facing(EventType::OrderCreate));
        assert!(customer_facing(EventType::OrderStatusUpdate));
        let p = Producers::from_config(&[producer(
            "shop",
            "0123456789abcdef",
            &["store.order.status.update", "store.sales.*"],
        )])
        .expect("valid");
        let shop = p.authenticate("0123456789abcdef").expect("authenticates");
        assert!(shop.may_publish(EventType::OrderStatusUpdate));
        assert!(!shop.may_publish(EventType::OrderCreate));
    }

    #[test]
    fn tokens_pick_their_producer() {
        let p = Producers::from_config(&[
            producer("a", "aaaaaaaaaaaaaaaa", &["store.plugin.failed"]),
            producer("b", "bbbbbbbbbbbbbbbb", &["store.sales.*"]),
        ])
        .expect("valid");
        assert_eq!(
            p.authenticate("bbbbbbbbbbbbbbbb").map(|p| p.name.as_str()),
            Some("b")
        );
        assert_eq!(
            p.authenticate("aaaaaaaaaaaaaaaa").map(|p| p.name.as_str()),
            Some("a")
        );
        assert!(p.authenticate("aaaaaaaaaaaaaaa").is_none());
        assert!(p.authenticate("").is_none());
        assert!(Producers::default().authenticate("").is_none());
    }

    #[test]
    fn mistakes_are_refused_with_the_reason() {
        let t = "0123456789abcdef";
        let err = |c: &[ProducerConfig]| Producers::from_config(c).unwrap_err();
        assert!(matches!(
            err(&[producer("a", "short", &["*"])]),
            ProducerError::ShortToken { .. }
        ));
        assert!(matches!(
            err(&[producer("", t, &["*"])]),
            ProducerError::NoName { .. }
        ));
        assert!(matches!(
            err(&[producer("a", t, &[])]),
            ProducerError::NoTypes { .. }
        ));
        let unknown = err(&[producer("a", t, &["store.order.staus.update"])]);
        assert!(
            unknown.to_string().contains("store.order.staus.update"),
            "{unknown}"
        );
        let orders = err(&[producer("a", t, &["store.order.*"])]);
        assert!(
            matches!(orders, ProducerError::OnlyCustomerFacing { .. }),
            "{orders}"
        );
        assert!(matches!(
            err(&[producer("a", t, &["store.sal*"])]),
            ProducerError::UnknownType { .. }
        ));
        assert!(matches!(
            err(&[producer("a", t, &["*"]), producer("b", t, &["*"])]),
            ProducerError::SharedToken(..)
        ));
        assert!(matches!(
            err(&[
                producer("a", t, &["*"]),
                producer("a", "fedcba9876543210", &["*"])
            ]),
            ProducerError::SharedName(..)
        ));
        let debug = format!("{:?}", producer("a", t, &["*"]));
        assert!(!debug.contains(t), "{debug}");
    }
}
