//! The brand's policy over what sellers do: business budgets per brand,
//! held in the database (so every host of a deployment enforces the same
//! numbers and counts together), and the audit of every intent a seller
//! turn asked for.
//!
//! - [`Budgets`]: LLM tokens per UTC day (plugin calls and the sales
//!   assistant's alike), the maximum discount, messages per customer per
//!   day, the order value above which a person confirms the order. Set by
//!   `PUT /admin/budgets/{brand}` (or seeded from `[policy.budgets.<brand>]`
//!   at start when the brand has none yet); `NULL` = no limit.
//! - Usage per brand and day in `budget_usage`: one upsert adds and returns
//!   the total, so two hosts never both spend the last tokens unseen.
//! - [`intents`]: the rules; [`discount`]: discounts offered in text.
//! - Every decision is stored in `plugin_intents` (shown by `agent-store
//!   plugin logs`) and published by the sell stage as
//!   `store.plugin.intent.approved|denied`. A seller turn's decisions and
//!   the messages it spends are written in the turn's commit
//!   ([`intent_record`], [`messages_used`]): a turn that fails before its
//!   commit, or a second copy of a handled message, records and spends
//!   nothing.

pub mod api;
pub mod discount;
pub mod intents;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::conversations::{IntentRecord, MeterUse};
use crate::db::Db;
use crate::events::PluginIntent;

pub use intents::{Decision, Facts, Intent};

/// A brand's business budgets; `None` = no limit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Budgets {
    /// LLM tokens per UTC day (its sellers' calls and the sales
    /// assistant's for its conversations).
    pub llm_tokens_per_day: Option<u64>,
    /// The largest discount a seller may offer, in percent.
    pub max_discount_percent: Option<u32>,
    /// Seller messages one customer may get per UTC day.
    pub messages_per_customer_per_day: Option<u32>,
    /// An order worth more than this (minor units of the catalog's
    /// currency) is not placed by the AI: a person confirms it.
    pub order_value_needs_human_minor: Option<i64>,
}

/// `[policy]`: budgets seeded into the database at start for brands that
/// have none there yet (the database wins afterwards).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicyConfig {
    pub budgets: BTreeMap<String, Budgets>,
}

/// The meter of LLM tokens.
pub const LLM_TOKENS: &str = "llm_tokens";
/// The meter of seller messages per customer.
pub const MESSAGES: &str = "messages";

/// How long a host trusts the budgets it read (an operator's change
/// reaches every host within this).
const CACHE_FOR: Duration = Duration::from_secs(2);

/// One stored intent decision (`plugin logs`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntentRow {
    pub id: String,
    /// RFC 3339.
    pub at: String,
    pub plugin: String,
    pub version: String,
    pub digest: String,
    pub brand: String,
    pub conversation_id: String,
    pub intent: String,
    pub detail: serde_json::Value,
    pub approved: bool,
    pub reason: String,
}

/// Decision `i` as the turn's commit stores it, under `id`.
pub fn intent_record(id: &str, i: &PluginIntent) -> IntentRecord {
    IntentRecord {
        id: id.to_string(),
        at: chrono::Utc::now().timestamp_millis(),
        plugin: i.plugin.clone(),
        version: i.version.clone(),
        digest: i.digest.clone(),
        brand: i.brand.clone(),
        conversation_id: i.conversation_id.clone(),
        message_id: i.message_id.clone(),
        intent: i.intent.clone(),
        detail: i.detail.to_string(),
        approved: i.approved,
        reason: i.reason.clone(),
    }
}

/// `n` seller messages to `subject`, today, counted with the turn.
pub fn messages_used(brand: &str, subject: &str, n: u64) -> MeterUse {
    MeterUse {
        brand: brand.to_string(),
        day: today(),
        meter: MESSAGES.to_string(),
        subject: subject.to_string(),
        amount: n,
    }
}

/// The policy store (cheap to clone).
#[derive(Clone)]
pub struct Policy {
    db: Db,
    cache: Arc<Mutex<HashMap<String, (Instant, Budgets)>>>,
}

impl std::fmt::Debug for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Policy").finish_non_exhaustive()
    }
}

fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

fn to_i64(v: Option<u64>) -> Option<i64> {
    v.map(|v| i64::try_from(v).unwrap_or(i64::MAX))
}

type BudgetRow = (String, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

fn budgets_of(r: &BudgetRow) -> Budgets {
    Budgets {
        llm_tokens_per_day: r.1.and_then(|v| u64::try_from(v).ok()),
        max_discount_percent: r.2.and_then(|v| u32::try_from(v).ok()),
        messages_per_customer_per_day: r.3.and_then(|v| u32::try_from(v).ok()),
        order_value_needs_human_minor: r.4,
    }
}

const BUDGET_COLUMNS: &str = "brand, llm_tokens_per_day, max_discount_percent, \
     messages_per_customer_per_day, order_value_needs_human_minor";

impl Policy {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            cache: Arc::default(),
        }
    }

    /// Store the configured budgets of brands that have none yet.
    pub async fn seed(&self, config: &PolicyConfig) -> Result<(), sqlx::Error> {
        for (brand, b) in &config.budgets {
            if self.stored(brand).await?.is_none() {
                self.set(brand, b).await?;
                tracing::info!(%brand, budgets = ?b, "business budgets seeded from the config file");
            }
        }
        Ok(())
    }

    async fn stored(&self, brand: &str) -> Result<Option<Budgets>, sqlx::Error> {
        let row: Option<BudgetRow> = sqlx::query_as(&format!(
            "SELECT {BUDGET_COLUMNS} FROM brand_budgets WHERE brand = $1"
        ))
        .bind(brand)
        .fetch_optional(&mut *self.db.read().await?)
        .await?;
        Ok(row.as_ref().map(budgets_of))
    }

    /// The brand's budgets (no row: no limits), read at most every
    /// [`CACHE_FOR`].
    pub async fn budgets(&self, brand: &str) -> Result<Budgets, sqlx::Error> {
        if let Ok(cache) = self.cache.lock()
            && let Some((at, b)) = cache.get(brand)
            && at.elapsed() < CACHE_FOR
        {
            return Ok(b.clone());
        }
        let b = self.stored(brand).await?.unwrap_or_default();
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(brand.to_string(), (Instant::now(), b.clone()));
        }
        Ok(b)
    }

    /// Every brand's stored budgets.
    pub async fn all(&self) -> Result<BTreeMap<String, Budgets>, sqlx::Error> {
        let rows: Vec<BudgetRow> = sqlx::query_as(&format!(
            "SELECT {BUDGET_COLUMNS} FROM brand_budgets ORDER BY brand"
        ))
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        Ok(rows.iter().map(|r| (r.0.clone(), budgets_of(r))).collect())
    }

    /// Replace a brand's budgets.
    pub async fn set(&self, brand: &str, b: &Budgets) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO brand_budgets (brand, llm_tokens_per_day, max_discount_percent, \
             messages_per_customer_per_day, order_value_needs_human_minor, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (brand) DO UPDATE SET \
             llm_tokens_per_day = excluded.llm_tokens_per_day, \
             max_discount_percent = excluded.max_discount_percent, \
             messages_per_customer_per_day = excluded.messages_per_customer_per_day, \
             order_value_needs_human_minor = excluded.order_value_needs_human_minor, \
             updated_at = excluded.updated_at",
        )
        .bind(brand)
        .bind(to_i64(b.llm_tokens_per_day))
        .bind(b.max_discount_percent.map(i64::from))
        .bind(b.messages_per_customer_per_day.map(i64::from))
        .bind(b.order_value_needs_human_minor)
        .bind(chrono::Utc::now().timestamp_millis())
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        if let Ok(mut cache) = self.cache.lock() {
            cache.remove(brand);
        }
        Ok(())
    }

    /// Add `n` to today's `meter` of `brand` for `subject`; the new total.
    pub async fn spend(
        &self,
        brand: &str,
        meter: &str,
        subject: &str,
        n: u64,
    ) -> Result<u64, sqlx::Error> {
        let (used,): (i64,) = sqlx::query_as(
            "INSERT INTO budget_usage (brand, day, meter, subject, used) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (brand, day, meter, subject) DO UPDATE SET used = budget_usage.used + excluded.used \
             RETURNING used",
        )
        .bind(brand)
        .bind(today())
        .bind(meter)
        .bind(subject)
        .bind(i64::try_from(n).unwrap_or(i64::MAX))
        .fetch_one(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(u64::try_from(used).unwrap_or(0))
    }

    /// Today's `meter` of `brand` for `subject`.
    pub async fn used(&self, brand: &str, meter: &str, subject: &str) -> Result<u64, sqlx::Error> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT used FROM budget_usage WHERE brand = $1 AND day = $2 AND meter = $3 AND subject = $4",
        )
        .bind(brand)
        .bind(today())
        .bind(meter)
        .bind(subject)
        .fetch_optional(&mut *self.db.read().await?)
        .await?;
        Ok(row.map_or(0, |(u,)| u64::try_from(u).unwrap_or(0)))
    }

    /// The last `limit` decisions on `plugin`'s intents, oldest first;
    /// `denied_only` leaves the approvals out.
    pub async fn intents(
        &self,
        plugin: &str,
        limit: usize,
        denied_only: bool,
    ) -> Result<Vec<IntentRow>, sqlx::Error> {
        type Row = (
            String,
            i64,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            i64,
            String,
        );
        let sql = format!(
            "SELECT id, at, plugin, version, digest, brand, conversation_id, intent, detail, \
             approved, reason FROM plugin_intents WHERE plugin = $1 {} \
             ORDER BY at DESC, id DESC LIMIT $2",
            if denied_only { "AND approved = 0" } else { "" }
        );
        let rows: Vec<Row> = sqlx::query_as(&sql)
            .bind(plugin)
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .fetch_all(&mut *self.db.read().await?)
            .await?;
        Ok(rows
            .into_iter()
            .rev()
            .map(|r| IntentRow {
                id: r.0,
                at: chrono::DateTime::from_timestamp_millis(r.1)
                    .unwrap_or_default()
                    .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                plugin: r.2,
                version: r.3,
                digest: r.4,
                brand: r.5,
                conversation_id: r.6,
                intent: r.7,
                detail: serde_json::from_str(&r.8).unwrap_or(serde_json::Value::Null),
                approved: r.9 != 0,
                reason: r.10,
            })
            .collect())
    }
}

/// The LLM gateway's token budget, shared by every host: the brand's
/// `llm_tokens_per_day` from the database (else the gateway's configured
/// `tokens_per_day`), counted in `budget_usage`.
#[async_trait]
impl crate::llm::TokenLedger for Policy {
    async fn left(&self, who: &str, configured: u64) -> Result<Option<u64>, String> {
        let limit = match self.budgets(who).await.map_err(|e| e.to_string())? {
            Budgets {
                llm_tokens_per_day: Some(l),
                ..
            } => l,
            _ if configured > 0 => configured,
            _ => return Ok(None),
        };
        let used = self
            .used(who, LLM_TOKENS, "")
            .await
            .map_err(|e| e.to_string())?;
        Ok(Some(limit.saturating_sub(used)))
    }

    async fn spent(&self, who: &str, tokens: u64) {
        if tokens == 0 {
            return;
        }
        if let Err(e) = self.spend(who, LLM_TOKENS, "", tokens).await {
            tracing::warn!(brand = who, tokens, error = %e, "LLM tokens not counted in the shared budget");
        }
    }
}
