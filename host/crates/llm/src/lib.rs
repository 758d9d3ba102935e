//! The LLM gateway behind the plugins' `llm` import.
//!
//! - Two wire formats ([`wire`]): OpenAI-compatible Chat Completions
//!   (OpenAI, Ollama's `/v1`, vLLM, llama.cpp) and Ollama's native
//!   `/api/chat`; model, temperature, max tokens, base URL and API key per
//!   brand ([`LlmConfig::brands`]).
//! - Tool calling ([`tools`]): the commerce tools run against the real
//!   catalog and cart within the plugin's grants; effects (cart, order,
//!   escalation, hand-off) come back to the plugin in `tools-used`.
//!   Malformed arguments go back to the model once; loops are bounded by
//!   `calls_per_turn`.
//! - Resilience: a timeout per request, retries with jittered back-off on
//!   429/5xx/connection errors, a circuit breaker per endpoint.
//! - Budgets and usage per brand: upstream calls per plugin call, tokens
//!   per UTC day; [`Llm::usage`] reports calls, tokens, failures, tool
//!   calls and grounding corrections/violations.
//! - The grounding guard ([`grounding`]) on every text: wrong prices are
//!   corrected from the catalog or the model is re-asked once; then the
//!   call fails and the plugin falls back to its template responder.
//!
//! With `provider = "none"` every call answers `Unavailable`.
//!
//! `plugin_host` (feature `plugin-host`): the host side of the WIT `llm`
//! interface, a plugin's chat through this gateway.

// The store's other capabilities under the names the host gives them,
// so paths read the same inside this crate and in the host.
pub(crate) use crate as llm;
pub(crate) use agent_store_catalog as catalog;
pub(crate) use agent_store_chat as chat;
#[cfg(test)]
use agent_store_lang::money;
pub(crate) use agent_store_orders as orders;
pub(crate) use agent_store_telemetry as telemetry;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use serde_json::{Value, json};

mod breaker;
mod config;
pub mod grounding;
#[cfg(feature = "plugin-host")]
pub mod plugin_host;
pub mod prompts;
pub mod seen;
pub mod tools;
pub mod transcription;
pub mod wire;

pub use config::{BrandLlmConfig, LlmConfig, Resolved};
pub use prompts::Prompts;
pub use tools::{Effect, ToolEnv};
pub use transcription::Transcriber;
pub use wire::{ToolCall, Wire};

use breaker::Breaker;
use tools::ToolError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    System,
    User,
    Assistant,
}

/// One message of a conversation with the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    System(String),
    User(String),
    Assistant {
        content: String,
        tool_calls: Vec<ToolCall>,
    },
    Tool {
        call_id: String,
        content: String,
    },
}

impl Message {
    fn text(&self) -> &str {
        match self {
            Message::System(c) | Message::User(c) => c,
            Message::Assistant { content, .. } => content,
            Message::Tool { content, .. } => content,
        }
    }

    pub fn from_role(role: Role, content: String) -> Self {
        match role {
            Role::System => Message::System(content),
            Role::User => Message::User(content),
            Role::Assistant => Message::Assistant {
                content,
                tool_calls: Vec::new(),
            },
        }
    }
}

/// A tool offered to the model.
#[derive(Debug, Clone)]
pub struct ToolSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub parameters: Value,
}

/// The answer of one gateway call.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reply {
    /// The grounded text.
    pub content: String,
    /// Tools run, in order; effect tools as `name {json}`.
    pub tools_used: Vec<String>,
    pub effects: Vec<Effect>,
    /// Upstream requests made.
    pub rounds: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("no LLM is configured")]
    Unavailable,
    #[error("LLM request failed: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("LLM request timed out")]
    Timeout,
    #[error("LLM answered {status}: {body}")]
    Status { status: u16, body: String },
    #[error("LLM endpoint {0} is failing: circuit open")]
    CircuitOpen(String),
    #[error("LLM answer has no message content")]
    Empty,
    #[error("LLM budget exhausted: {0}")]
    Budget(String),
    #[error("LLM tool arguments malformed twice: {0}")]
    Malformed(String),
    #[error("LLM answer not grounded in the catalog: {0}")]
    Grounding(String),
}

impl LlmError {
    /// A short, bounded name for metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            LlmError::Unavailable => "unavailable",
            LlmError::Transport(_) => "transport",
            LlmError::Timeout => "timeout",
            LlmError::Status { status: 429, .. } => "rate_limited",
            LlmError::Status { status, .. } if *status >= 500 => "server_error",
            LlmError::Status { .. } => "client_error",
            LlmError::CircuitOpen(_) => "circuit_open",
            LlmError::Empty => "empty",
            LlmError::Budget(_) => "budget",
            LlmError::Malformed(_) => "malformed",
            LlmError::Grounding(_) => "grounding",
        }
    }
}

/// Usage of one brand (the router's under `router`).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct BrandUsage {
    /// UTC day of `tokens_today`, `YYYY-MM-DD`.
    pub day: String,
    pub tokens_today: u64,
    pub tokens_total: u64,
    /// Upstream requests.
    pub requests: u64,
    pub failures: u64,
    pub tool_calls: u64,
    pub malformed_tool_calls: u64,
    pub grounding_corrections: u64,
    pub grounding_violations: u64,
}

/// Where the gateway's daily token budget is kept when it is shared by
/// several hosts (the database: [`crate::policy::Policy`]); without one,
/// each process counts its own (`tokens_per_day`, in memory).
#[async_trait::async_trait]
pub trait TokenLedger: Send + Sync {
    /// Tokens `who` (a brand, or `router`/`default`) may still use today;
    /// `None` = no limit. `configured` is the gateway's own
    /// `tokens_per_day` (0 = none), for brands with no stored budget.
    async fn left(&self, who: &str, configured: u64) -> Result<Option<u64>, String>;
    /// Count tokens `who` used.
    async fn spent(&self, who: &str, tokens: u64);
}

/// The gateway (cheap to clone).
#[derive(Clone)]
pub struct Llm {
    inner: Option<Arc<Inner>>,
    ledger: Option<Arc<dyn TokenLedger>>,
}

impl std::fmt::Debug for Llm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Llm")
            .field("available", &self.inner.is_some())
            .finish()
    }
}

struct Inner {
    default: Option<Arc<Endpoint>>,
    brands: HashMap<String, Option<Arc<Endpoint>>>,
    retries: u32,
    retry_base: Duration,
    usage: Mutex<BTreeMap<String, BrandUsage>>,
}

struct Endpoint {
    wire: Wire,
    url: String,
    model: String,
    api_key: String,
    temperature: Option<f32>,
    max_tokens: Option<u32>,
    http: reqwest::Client,
    breaker: Arc<Breaker>,
    calls_per_turn: u32,
    tokens_per_day: u64,
}

fn build_endpoint(
    r: &Resolved,
    config: &LlmConfig,
    breakers: &mut HashMap<String, Arc<Breaker>>,
) -> Result<Option<Arc<Endpoint>>, LlmError> {
    let (wire, default_base) = match r.provider.as_str() {
        "openai" => (Wire::OpenAi, "https://api.openai.com/v1"),
        "ollama" => (Wire::Ollama, "http://127.0.0.1:11434"),
        _ => return Ok(None),
    };
    let base = if r.base_url.is_empty() {
        default_base.to_string()
    } else {
        r.base_url.trim_end_matches('/').to_string()
    };
    let url = format!("{base}{}", wire.path());
    let breaker = breakers
        .entry(url.clone())
        .or_insert_with(|| {
            Arc::new(Breaker::new(
                config.breaker_failures,
                Duration::from_millis(config.breaker_cooldown_ms),
            ))
        })
        .clone();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_millis(r.timeout_ms.max(100)))
        .build()?;
    Ok(Some(Arc::new(Endpoint {
        wire,
        url,
        model: r.model.clone(),
        api_key: r.api_key.clone(),
        temperature: r.temperature,
        max_tokens: r.max_tokens,
        http,
        breaker,
        calls_per_turn: r.calls_per_turn,
        tokens_per_day: r.tokens_per_day,
    })))
}

fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

/// A non-2xx answer as [`LlmError::Status`], with the start of its body.
async fn status_error(resp: reqwest::Response) -> LlmError {
    let status = resp.status().as_u16();
    let body = resp
        .text()
        .await
        .unwrap_or_default()
        .chars()
        .take(500)
        .collect();
    LlmError::Status { status, body }
}

/// A reqwest failure: its timeout is [`LlmError::Timeout`].
fn transport_error(e: reqwest::Error) -> LlmError {
    if e.is_timeout() {
        LlmError::Timeout
    } else {
        LlmError::Transport(e)
    }
}

/// Back-off before retry `attempt` (0-based): base·2^attempt plus jitter.
fn backoff(base: Duration, attempt: u32) -> Duration {
    use rand::Rng;
    let exp = base.saturating_mul(1u32 << attempt.min(6));
    let jitter_ms = rand::rng().random_range(0..=base.as_millis().max(1) as u64);
    exp + Duration::from_millis(jitter_ms)
}

/// A message to the model naming what it got wrong.
fn reask_message(violations: &[String], ctx: &grounding::Context) -> String {
    let mut s = format!(
        "Your answer was not sent to the customer: {}. Mention only products from the catalog, with \
         exactly their current prices:\n",
        violations.join("; ")
    );
    for p in ctx.products.iter().take(10) {
        s.push_str(&format!(
            "- {} | {} | {} {}\n",
            p.id,
            p.title,
            p.effective_price().amount_string(),
            p.effective_price().currency
        ));
    }
    s.push_str("Rewrite your answer.");
    s
}

impl Llm {
    /// No LLM: every call is `Unavailable`.
    pub fn none() -> Self {
        Self {
            inner: None,
            ledger: None,
        }
    }

    /// Keep the daily token budget in `ledger` (shared by every host)
    /// instead of this process's memory.
    pub fn with_ledger(mut self, ledger: Arc<dyn TokenLedger>) -> Self {
        self.ledger = Some(ledger);
        self
    }

    pub fn new(config: &LlmConfig) -> Result<Self, LlmError> {
        let mut breakers = HashMap::new();
        let default = build_endpoint(&config.resolve(None), config, &mut breakers)?;
        let mut brands = HashMap::new();
        for b in config.brands.keys() {
            brands.insert(
                b.clone(),
                build_endpoint(&config.resolve(Some(b)), config, &mut breakers)?,
            );
        }
        if default.is_none() && brands.values().all(Option::is_none) {
            return Ok(Self::none());
        }
        Ok(Self {
            ledger: None,
            inner: Some(Arc::new(Inner {
                default,
                brands,
                retries: config.retries,
                retry_base: Duration::from_millis(config.retry_base_ms),
                usage: Mutex::new(BTreeMap::new()),
            })),
        })
    }

    pub fn is_available(&self) -> bool {
        self.inner.is_some()
    }

    fn endpoint(&self, brand: Option<&str>) -> Option<(&Inner, Arc<Endpoint>)> {
        let inner = self.inner.as_deref()?;
        let ep = match brand.and_then(|b| inner.brands.get(b)) {
            Some(specific) => specific.clone(),
            None => inner.default.clone(),
        }?;
        Some((inner, ep))
    }

    /// Usage so far, by brand.
    pub fn usage(&self) -> BTreeMap<String, BrandUsage> {
        self.inner
            .as_ref()
            .and_then(|i| i.usage.lock().ok().map(|u| u.clone()))
            .unwrap_or_default()
    }

    fn record(&self, brand: &str, f: impl FnOnce(&mut BrandUsage)) {
        if let Some(inner) = &self.inner
            && let Ok(mut u) = inner.usage.lock()
        {
            let e = u.entry(brand.to_string()).or_default();
            let day = today();
            if e.day != day {
                e.day = day;
                e.tokens_today = 0;
            }
            f(e);
        }
    }

    fn tokens_today(&self, brand: &str) -> u64 {
        let day = today();
        self.usage()
            .get(brand)
            .filter(|u| u.day == day)
            .map(|u| u.tokens_today)
            .unwrap_or(0)
    }

    /// `Budget` when `who` used its tokens for today: the shared ledger's
    /// count when there is one (a ledger that cannot be read lets the
    /// call through, logged: the budget is a cost bound, not a gate that
    /// may stop every seller), else this process's.
    async fn check_budget(&self, who: &str, ep: &Endpoint) -> Result<(), LlmError> {
        let spent = || LlmError::Budget(format!("{who} used its LLM tokens for today"));
        match &self.ledger {
            Some(ledger) => match ledger.left(who, ep.tokens_per_day).await {
                Ok(Some(0)) => Err(spent()),
                Ok(_) => Ok(()),
                Err(e) => {
                    tracing::warn!(brand = who, error = %e, "shared LLM budget unreadable: call allowed");
                    Ok(())
                }
            },
            None if ep.tokens_per_day > 0 && self.tokens_today(who) >= ep.tokens_per_day => {
                Err(spent())
            }
            None => Ok(()),
        }
    }

    /// One plain completion (no tools, no grounding): the text.
    pub async fn chat(&self, messages: &[(Role, String)]) -> Result<String, LlmError> {
        self.chat_for(None, messages).await
    }

    /// [`Self::chat`] on behalf of `brand` (the sales assistant helping a
    /// rep of that brand): its tokens count in the brand's daily budget.
    pub async fn chat_for(
        &self,
        brand: Option<&str>,
        messages: &[(Role, String)],
    ) -> Result<String, LlmError> {
        let (inner, ep) = self.endpoint(None).ok_or(LlmError::Unavailable)?;
        let who = brand.unwrap_or("default");
        self.check_budget(who, &ep).await?;
        let msgs: Vec<Message> = messages
            .iter()
            .map(|(r, c)| Message::from_role(*r, c.clone()))
            .collect();
        let c = self.request(inner, &ep, who, &msgs, &[]).await?;
        let text = c.content.trim().to_string();
        if text.is_empty() {
            return Err(LlmError::Empty);
        }
        Ok(text)
    }

    /// One plugin call: the tool loop, budgets and the grounding guard.
    /// `env` gives the tools (when `use_tools`) and the grounding catalog.
    pub async fn converse(
        &self,
        brand: Option<&str>,
        mut messages: Vec<Message>,
        env: &ToolEnv,
        use_tools: bool,
    ) -> Result<Reply, LlmError> {
        let (inner, ep) = self.endpoint(brand).ok_or(LlmError::Unavailable)?;
        let who = brand.unwrap_or("router");
        self.check_budget(who, &ep).await?;
        let mut ctx = self.seed_context(&messages, env).await;
        let specs = if use_tools { env.specs() } else { Vec::new() };
        let mut reply = Reply::default();
        let mut malformed = 0u32;
        let mut reasked = false;
        loop {
            if reply.rounds >= ep.calls_per_turn {
                return Err(LlmError::Budget(format!(
                    "{} model calls in one turn",
                    ep.calls_per_turn
                )));
            }
            // The last allowed round gets no tools: it must answer in words.
            let offer: &[ToolSpec] = if reply.rounds + 1 < ep.calls_per_turn {
                &specs
            } else {
                &[]
            };
            let c = self.request(inner, &ep, who, &messages, offer).await?;
            reply.rounds += 1;
            if !c.tool_calls.is_empty() && !offer.is_empty() {
                messages.push(Message::Assistant {
                    content: c.content.clone(),
                    tool_calls: c.tool_calls.clone(),
                });
                for call in &c.tool_calls {
                    self.record(who, |u| u.tool_calls += 1);
                    let ran = match &call.arguments {
                        Err(e) => Err(ToolError::Malformed(e.clone())),
                        Ok(args) => env.run(&call.name, args, &mut ctx, &reply.effects).await,
                    };
                    let output = match ran {
                        Ok(ran) => {
                            match ran.effect {
                                Some(e) => {
                                    reply.tools_used.push(e.to_entry());
                                    reply.effects.push(e);
                                }
                                None => reply.tools_used.push(call.name.clone()),
                            }
                            ran.output
                        }
                        Err(ToolError::Refused(e)) => json!({"error": e}).to_string(),
                        Err(ToolError::Malformed(e)) => {
                            malformed += 1;
                            self.record(who, |u| u.malformed_tool_calls += 1);
                            tracing::warn!(brand = who, tool = %call.name, error = %e, "malformed tool call");
                            if malformed > 1 {
                                return Err(LlmError::Malformed(e));
                            }
                            json!({"error": format!("invalid arguments for {}: {e}", call.name),
                                "hint": "fix the arguments and call the tool again"})
                            .to_string()
                        }
                    };
                    messages.push(Message::Tool {
                        call_id: call.id.clone(),
                        content: output,
                    });
                }
                continue;
            }
            let content = c.content.trim();
            if content.is_empty() {
                return Err(LlmError::Empty);
            }
            let catalog = &env.catalog;
            let verdict = grounding::check(content, &ctx, &|id| catalog.get(None, id).is_some());
            if verdict.corrected > 0 {
                tracing::info!(
                    brand = who,
                    corrected = verdict.corrected,
                    "grounding: prices corrected from the catalog"
                );
                self.record(who, |u| {
                    u.grounding_corrections += u64::from(verdict.corrected)
                });
            }
            if verdict.violations.is_empty() {
                reply.content = verdict.text;
                return Ok(reply);
            }
            self.record(who, |u| u.grounding_violations += 1);
            tracing::warn!(brand = who, violations = ?verdict.violations, reasked, "grounding: answer rejected");
            if reasked {
                return Err(LlmError::Grounding(verdict.violations.join("; ")));
            }
            reasked = true;
            messages.push(Message::Assistant {
                content: content.to_string(),
                tool_calls: Vec::new(),
            });
            messages.push(Message::User(reask_message(&verdict.violations, &ctx)));
        }
    }

    /// Products and amounts the request itself brings: ids named in the
    /// messages, amounts the customer or plugin wrote, the cart.
    async fn seed_context(&self, messages: &[Message], env: &ToolEnv) -> grounding::Context {
        let said = messages.iter().filter_map(|m| match m {
            Message::User(text) => Some(text.as_str()),
            _ => None,
        });
        let mut ctx = grounding::Context::default().with_names(env.catalog.names(), said);
        for m in messages {
            let text = m.text();
            for id in grounding::id_like(text) {
                if let Some(p) = env.catalog.get(None, id) {
                    ctx.add_product(p);
                }
            }
            ctx.amounts
                .extend(grounding::quoted(text).into_iter().map(|q| q.minor));
        }
        if let (Some(carts), Some(c)) = (&env.carts, &env.conversation_id)
            && let Ok(cart) = carts.get(c).await
        {
            ctx.amounts.push(cart.subtotal.minor_units);
            for l in &cart.lines {
                ctx.amounts
                    .push(l.unit_price.minor_units * i64::from(l.quantity));
                if let Some(p) = env.catalog.get(None, &l.product_id) {
                    ctx.add_product(p);
                }
            }
        }
        ctx
    }

    /// One upstream request with retries and the breaker, in a span of
    /// its own (brand and model; never the prompt).
    async fn request(
        &self,
        inner: &Inner,
        ep: &Endpoint,
        who: &str,
        messages: &[Message],
        tools: &[ToolSpec],
    ) -> Result<wire::Completion, LlmError> {
        use tracing::Instrument as _;
        let span = tracing::info_span!("llm.request", otel.kind = "client", brand = %who, model = %ep.model);
        self.request_in_span(inner, ep, who, messages, tools)
            .instrument(span)
            .await
    }

    async fn request_in_span(
        &self,
        inner: &Inner,
        ep: &Endpoint,
        who: &str,
        messages: &[Message],
        tools: &[ToolSpec],
    ) -> Result<wire::Completion, LlmError> {
        if !ep.breaker.allow() {
            self.record(who, |u| u.failures += 1);
            crate::telemetry::metrics::llm_call(who, &ep.model, Duration::ZERO, "circuit_open", 0);
            return Err(LlmError::CircuitOpen(ep.url.clone()));
        }
        let body = ep.wire.body(
            &wire::Params {
                model: &ep.model,
                temperature: ep.temperature,
                max_tokens: ep.max_tokens,
            },
            messages,
            tools,
        );
        let mut attempt = 0;
        let started = std::time::Instant::now();
        let result = loop {
            self.record(who, |u| u.requests += 1);
            let mut req = ep.http.post(&ep.url).json(&body);
            if !ep.api_key.is_empty() {
                req = req.bearer_auth(&ep.api_key);
            }
            let (err, retry_after) = match req.send().await {
                Ok(resp) if resp.status().is_success() => {
                    break match resp.json::<Value>().await {
                        Ok(v) => ep.wire.parse(&v).ok_or(LlmError::Empty),
                        Err(e) => Err(transport_error(e)),
                    };
                }
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let retry_after = resp
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .map(|s| Duration::from_secs(s.min(5)));
                    let err = status_error(resp).await;
                    if status != 429 && status < 500 {
                        break Err(err);
                    }
                    (err, retry_after)
                }
                Err(e) if e.is_timeout() => break Err(LlmError::Timeout),
                Err(e) => (LlmError::Transport(e), None),
            };
            if attempt >= inner.retries {
                break Err(err);
            }
            let wait = backoff(inner.retry_base, attempt).max(retry_after.unwrap_or_default());
            tracing::warn!(brand = who, attempt, error = %err, wait_ms = wait.as_millis() as u64, "LLM request failed: retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        };
        crate::telemetry::metrics::llm_call(
            who,
            &ep.model,
            started.elapsed(),
            result.as_ref().map_or_else(LlmError::kind, |_| "ok"),
            result.as_ref().map_or(0, |c| c.tokens),
        );
        match &result {
            Ok(c) => {
                ep.breaker.success();
                let tokens = c.tokens;
                self.record(who, |u| {
                    u.tokens_today += tokens;
                    u.tokens_total += tokens;
                });
                if let Some(ledger) = &self.ledger {
                    ledger.spent(who, tokens).await;
                }
            }
            Err(e) => {
                // A 4xx is the request's fault, not the endpoint's.
                if !matches!(e, LlmError::Status { status, .. } if *status != 429 && *status < 500)
                {
                    ep.breaker.failure();
                }
                self.record(who, |u| u.failures += 1);
                tracing::warn!(brand = who, error = %e, "LLM request failed");
            }
        }
        result
    }
}
