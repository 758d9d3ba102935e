//! Sales reports per brand and UTC day: conversations, escalations by
//! reason, orders, revenue, average order value, conversion, conversations
//! handled by the AI alone versus by people, and reps' first-response time.
//! Rows are read with portable SQL and aggregated here.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::Row;

use super::users::User;
use super::{Sales, SalesError};

const DAY_MS: i64 = 86_400_000;
/// The longest range one report covers.
pub const MAX_DAYS: i64 = 92;
const UNROUTED: &str = "unrouted";

/// Every escalation reason, in the CSV's column order.
pub const REASONS: [&str; 9] = [
    "customer_request",
    "complaint",
    "high_value_cart",
    "complex_question",
    "technical_issue",
    "payment_issue",
    "negative_sentiment",
    "plugin_failure",
    "other",
];

/// One brand on one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DayReport {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub brand: String,
    /// Conversations in which the customer wrote that day.
    pub conversations: u64,
    pub escalations: u64,
    pub escalations_by_reason: BTreeMap<String, u64>,
    pub orders: u64,
    pub revenue_minor: i64,
    pub currency: String,
    pub average_order_value_minor: i64,
    /// `revenue_minor` and `average_order_value_minor` as people read them
    /// (`779.70 USD`), by the one money formatter; empty without orders.
    pub revenue: String,
    pub average_order_value: String,
    /// Conversations with an order / conversations.
    pub conversion_rate: f64,
    /// Conversations answered that day only by the AI.
    pub ai_handled: u64,
    /// Conversations in which a person wrote that day.
    pub human_handled: u64,
    /// Mean seconds from escalation to the rep's first message.
    pub first_response_seconds: Option<f64>,
}

/// A report over a range of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub from: String,
    pub to: String,
    pub days: Vec<DayReport>,
    /// Revenue over the whole range, one entry per currency.
    pub totals: Vec<CurrencyTotal>,
    /// Where order figures come from.
    pub orders_source: String,
}

/// The range's orders and revenue in one currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrencyTotal {
    pub currency: String,
    pub orders: u64,
    pub revenue_minor: i64,
    /// Formatted like [`DayReport::revenue`].
    pub revenue: String,
    pub average_order_value: String,
}

/// An amount for people, or "" when there is no currency (no orders).
fn formatted(minor: i64, currency: &str) -> String {
    if currency.is_empty() {
        String::new()
    } else {
        crate::money::Money::new(minor, currency).to_string()
    }
}

fn totals(days: &[DayReport]) -> Vec<CurrencyTotal> {
    let mut by: BTreeMap<&str, (u64, i64)> = BTreeMap::new();
    for d in days.iter().filter(|d| !d.currency.is_empty()) {
        let t = by.entry(d.currency.as_str()).or_default();
        t.0 += d.orders;
        t.1 += d.revenue_minor;
    }
    by.into_iter()
        .map(|(currency, (orders, revenue))| {
            let average = if orders > 0 {
                revenue / orders as i64
            } else {
                0
            };
            CurrencyTotal {
                currency: currency.to_string(),
                orders,
                revenue_minor: revenue,
                revenue: formatted(revenue, currency),
                average_order_value: formatted(average, currency),
            }
        })
        .collect()
}

fn day_of(ms: i64) -> i64 {
    ms.div_euclid(DAY_MS)
}

fn date_of(day: i64) -> String {
    chrono::DateTime::from_timestamp_millis(day * DAY_MS)
        .map(|d| d.date_naive().to_string())
        .unwrap_or_default()
}

/// `YYYY-MM-DD` → day number.
pub fn parse_day(s: &str) -> Option<i64> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let ms = d.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis();
    Some(day_of(ms))
}

#[derive(Default)]
struct Acc {
    conversations: BTreeSet<String>,
    ai: BTreeSet<String>,
    human: BTreeSet<String>,
    escalations: u64,
    reasons: BTreeMap<String, u64>,
    orders: u64,
    ordered: BTreeSet<String>,
    revenue: i64,
    currency: String,
    responses: Vec<i64>,
}

impl Sales {
    /// The report for days `[from, to]` (inclusive day numbers), limited to
    /// what `user` may see and, optionally, to one brand.
    pub async fn report(
        &self,
        user: &User,
        from: i64,
        to: i64,
        brand: Option<&str>,
    ) -> Result<Report, SalesError> {
        let span = (from * DAY_MS, (to + 1) * DAY_MS);
        let pool = &self.inner.deps.db.pool;
        let mut acc = Days::new();
        let keep = |b: &str| {
            user.allows((b != UNROUTED).then_some(b))
                && brand.is_none_or(|x| x.eq_ignore_ascii_case(b))
        };
        count_conversations(pool, span, &keep, &mut acc).await?;
        count_escalations(pool, span, &keep, &mut acc).await?;
        count_orders(pool, span, &keep, &mut acc).await?;
        let days: Vec<DayReport> = acc.into_iter().map(day_report).collect();
        Ok(Report {
            from: date_of(from),
            to: date_of(to),
            totals: totals(&days),
            days,
            orders_source: "orders (not cancelled or refunded), valued at their total".into(),
        })
    }
}

/// The figures being counted, per (day, brand).
type Days = BTreeMap<(i64, String), Acc>;

/// Conversations per day and brand, and who handled them (the AI or a
/// human), from the messages of `[start, end)`.
async fn count_conversations(
    pool: &sqlx::AnyPool,
    (start, end): (i64, i64),
    keep: &impl Fn(&str) -> bool,
    acc: &mut Days,
) -> Result<(), SalesError> {
    let rows = sqlx::query(
        "SELECT m.conversation_id, m.speaker, m.created_at, c.brand, s.agent
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
         LEFT JOIN sales_messages s ON s.message_id = m.id
         WHERE m.created_at >= $1 AND m.created_at < $2",
    )
    .bind(start)
    .bind(end)
    .fetch_all(pool)
    .await?;
    // Per (day, brand, conversation): who spoke.
    let mut speakers: HashMap<(i64, String, String), (bool, bool, bool)> = HashMap::new();
    for r in &rows {
        let b: Option<String> = r.try_get("brand")?;
        let b = b.unwrap_or_else(|| UNROUTED.into());
        if !keep(&b) {
            continue;
        }
        let at: i64 = r.try_get("created_at")?;
        let conversation: String = r.try_get("conversation_id")?;
        let agent: Option<String> = r.try_get("agent")?;
        let speaker: String = if agent.is_some() {
            "human_agent".into()
        } else {
            r.try_get("speaker")?
        };
        let e = speakers.entry((day_of(at), b, conversation)).or_default();
        match speaker.as_str() {
            "customer" => e.0 = true,
            "assistant" => e.1 = true,
            "human_agent" => e.2 = true,
            _ => {}
        }
    }
    for ((day, b, conversation), (customer, ai, human)) in speakers {
        let a = acc.entry((day, b)).or_default();
        if customer {
            a.conversations.insert(conversation.clone());
        }
        if human {
            a.human.insert(conversation);
        } else if ai {
            a.ai.insert(conversation);
        }
    }
    Ok(())
}

/// Escalations per day and brand, by reason, with their first response
/// times.
async fn count_escalations(
    pool: &sqlx::AnyPool,
    (start, end): (i64, i64),
    keep: &impl Fn(&str) -> bool,
    acc: &mut Days,
) -> Result<(), SalesError> {
    let rows = sqlx::query(
        "SELECT brand, reason, created_at, first_response_at FROM sales_escalations
         WHERE created_at >= $1 AND created_at < $2",
    )
    .bind(start)
    .bind(end)
    .fetch_all(pool)
    .await?;
    for r in &rows {
        let b: Option<String> = r.try_get("brand")?;
        let b = b.unwrap_or_else(|| UNROUTED.into());
        if !keep(&b) {
            continue;
        }
        let at: i64 = r.try_get("created_at")?;
        let reason: String = r.try_get("reason")?;
        let first: Option<i64> = r.try_get("first_response_at")?;
        let a = acc.entry((day_of(at), b)).or_default();
        a.escalations += 1;
        *a.reasons.entry(reason).or_default() += 1;
        if let Some(f) = first {
            a.responses.push(f - at);
        }
    }
    Ok(())
}

/// Orders and revenue per day and brand (one currency per brand and day).
async fn count_orders(
    pool: &sqlx::AnyPool,
    (start, end): (i64, i64),
    keep: &impl Fn(&str) -> bool,
    acc: &mut Days,
) -> Result<(), SalesError> {
    // Orders come from the orders module's table (part of the schema):
    // failing to read it fails the report rather than showing no sales.
    let orders = sqlx::query(
        "SELECT conversation_id, brand, total_minor, currency, created_at FROM orders
         WHERE created_at >= $1 AND created_at < $2 AND status NOT IN ('cancelled', 'refunded')",
    )
    .bind(start)
    .bind(end)
    .fetch_all(pool)
    .await
    .map_err(SalesError::Orders)?;
    for r in &orders {
        let b: String = r.try_get("brand")?;
        if !keep(&b) {
            continue;
        }
        let at: i64 = r.try_get("created_at")?;
        let total: i64 = r.try_get("total_minor")?;
        let currency: String = r.try_get("currency")?;
        let a = acc.entry((day_of(at), b.clone())).or_default();
        if a.currency.is_empty() {
            a.currency = currency.clone();
        }
        if a.currency != currency {
            tracing::warn!(brand = %b, %currency, "order in a second currency left out of the revenue");
            continue;
        }
        a.orders += 1;
        a.revenue += total;
        a.ordered.insert(r.try_get("conversation_id")?);
    }
    Ok(())
}

/// One day and brand's figures as the report shows them.
fn day_report(((day, brand), a): ((i64, String), Acc)) -> DayReport {
    let conversations = a.conversations.len() as u64;
    let average = if a.orders > 0 {
        a.revenue / a.orders as i64
    } else {
        0
    };
    DayReport {
        date: date_of(day),
        brand,
        conversations,
        escalations: a.escalations,
        escalations_by_reason: a.reasons,
        orders: a.orders,
        revenue_minor: a.revenue,
        revenue: formatted(a.revenue, &a.currency),
        average_order_value: formatted(average, &a.currency),
        average_order_value_minor: average,
        currency: a.currency,
        conversion_rate: if conversations > 0 {
            a.ordered.len() as f64 / conversations as f64
        } else {
            0.0
        },
        ai_handled: a.ai.len() as u64,
        human_handled: a.human.len() as u64,
        first_response_seconds: (!a.responses.is_empty())
            .then(|| a.responses.iter().sum::<i64>() as f64 / a.responses.len() as f64 / 1000.0),
    }
}

/// The report as CSV: one row per brand and day, one column per reason.
pub fn to_csv(report: &Report) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "date",
        "brand",
        "conversations",
        "escalations",
        "orders",
        "revenue",
        "currency",
        "average_order_value",
        "conversion_rate",
        "ai_handled",
        "human_handled",
        "first_response_seconds",
    ];
    let reason_cols: Vec<String> = REASONS.iter().map(|r| format!("escalations_{r}")).collect();
    header.extend(reason_cols.iter().map(String::as_str));
    w.write_record(&header)?;
    for d in &report.days {
        let money = |minor: i64| {
            if d.currency.is_empty() {
                "0".to_string()
            } else {
                crate::money::Money::new(minor, d.currency.clone()).amount_string()
            }
        };
        let mut row = vec![
            d.date.clone(),
            d.brand.clone(),
            d.conversations.to_string(),
            d.escalations.to_string(),
            d.orders.to_string(),
            money(d.revenue_minor),
            d.currency.clone(),
            money(d.average_order_value_minor),
            format!("{:.4}", d.conversion_rate),
            d.ai_handled.to_string(),
            d.human_handled.to_string(),
            d.first_response_seconds
                .map(|s| format!("{s:.1}"))
                .unwrap_or_default(),
        ];
        row.extend(REASONS.iter().map(|r| {
            d.escalations_by_reason
                .get(*r)
                .copied()
                .unwrap_or(0)
                .to_string()
        }));
        w.write_record(&row)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_per_currency_and_formatted_by_the_money_formatter() {
        let day = |brand: &str, orders: u64, revenue: i64, currency: &str| DayReport {
            brand: brand.into(),
            orders,
            revenue_minor: revenue,
            currency: currency.into(),
            ..DayReport::default()
        };
        let t = totals(&[
            day("tech", 1, 77_970, "USD"),
            day("fashion", 2, 10_000, "USD"),
            day("home", 1, 1_500, "JPY"),
            day("beauty", 0, 0, ""),
        ]);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].currency, "JPY");
        assert_eq!(t[0].revenue, "1500 JPY", "no decimals for yen");
        assert_eq!(t[1].revenue, "879.70 USD");
        assert_eq!(t[1].average_order_value, "293.23 USD");
        assert_eq!(formatted(0, ""), "");
    }
}
