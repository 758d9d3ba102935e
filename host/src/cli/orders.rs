//! `agent-store order ...`: operator commands, run against a serving host
//! through its admin API (so the customer's WhatsApp updates go out from
//! the host that owns the conversation).

use clap::Subcommand;
use serde_json::{Value, json};

use super::{AdminApi, AdminClient};
use crate::config::Config;

#[derive(Debug, Subcommand)]
pub enum OrderCommand {
    /// List orders, newest first.
    List {
        #[arg(long)]
        status: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        host: AdminApi,
    },
    /// Show one order with its history.
    Show {
        id: String,
        #[command(flatten)]
        host: AdminApi,
    },
    /// Record a payment (manual provider: Pix, cash on delivery).
    Confirm {
        id: String,
        #[arg(long)]
        reference: Option<String>,
        #[command(flatten)]
        host: AdminApi,
    },
    /// Mark an order as being prepared.
    Process {
        id: String,
        #[command(flatten)]
        host: AdminApi,
    },
    /// Hand an order to a carrier.
    Ship {
        id: String,
        #[arg(long)]
        tracking: String,
        #[arg(long)]
        carrier: String,
        #[command(flatten)]
        host: AdminApi,
    },
    /// Mark an order as delivered.
    Deliver {
        id: String,
        #[command(flatten)]
        host: AdminApi,
    },
    /// Cancel an order (its stock is released).
    Cancel {
        id: String,
        #[arg(long)]
        reason: Option<String>,
        #[command(flatten)]
        host: AdminApi,
    },
    /// Refund an order.
    Refund {
        id: String,
        #[arg(long)]
        reason: Option<String>,
        #[command(flatten)]
        host: AdminApi,
    },
}

/// An order amount as an operator reads it (`779.70 USD`, `1500 JPY`):
/// the API gives minor units, the one formatter places the decimals.
fn total(v: &Value) -> String {
    match (v["minor_units"].as_i64(), v["currency"].as_str()) {
        (Some(minor), Some(currency)) => crate::money::Money::new(minor, currency).to_string(),
        _ => String::new(),
    }
}

fn print_order(o: &Value) {
    println!(
        "{}  {:<10}  {:>16}  {}  {}{}",
        o["id"].as_str().unwrap_or_default(),
        o["status"].as_str().unwrap_or_default(),
        total(&o["total"]),
        o["customer_wa_id"].as_str().unwrap_or_default(),
        o["brand"].as_str().unwrap_or_default(),
        o["tracking_number"]
            .as_str()
            .map(|t| format!("  {} {t}", o["carrier"].as_str().unwrap_or_default()))
            .unwrap_or_default(),
    );
}

/// Run an `order` subcommand.
pub async fn run(config: &Config, command: OrderCommand) -> anyhow::Result<()> {
    use reqwest::Method;
    let (host, method, path, body, as_json) = match &command {
        OrderCommand::List {
            status,
            limit,
            json,
            host,
        } => {
            let mut path = format!("/orders?limit={limit}");
            if let Some(s) = status {
                path.push_str(&format!("&status={}", urlencode(s)));
            }
            (host, Method::GET, path, None, *json)
        }
        OrderCommand::Show { id, host } => (
            host,
            Method::GET,
            format!("/orders/{}", urlencode(id)),
            None,
            true,
        ),
        OrderCommand::Confirm {
            id,
            reference,
            host,
        } => (
            host,
            Method::POST,
            format!("/orders/{}/confirm", urlencode(id)),
            Some(json!({ "reference": reference })),
            false,
        ),
        OrderCommand::Process { id, host } => (
            host,
            Method::POST,
            format!("/orders/{}/process", urlencode(id)),
            None,
            false,
        ),
        OrderCommand::Ship {
            id,
            tracking,
            carrier,
            host,
        } => (
            host,
            Method::POST,
            format!("/orders/{}/ship", urlencode(id)),
            Some(json!({ "tracking_number": tracking, "carrier": carrier })),
            false,
        ),
        OrderCommand::Deliver { id, host } => (
            host,
            Method::POST,
            format!("/orders/{}/deliver", urlencode(id)),
            None,
            false,
        ),
        OrderCommand::Cancel { id, reason, host } => (
            host,
            Method::POST,
            format!("/orders/{}/cancel", urlencode(id)),
            Some(json!({ "reason": reason })),
            false,
        ),
        OrderCommand::Refund { id, reason, host } => (
            host,
            Method::POST,
            format!("/orders/{}/refund", urlencode(id)),
            Some(json!({ "reason": reason })),
            false,
        ),
    };
    let client = AdminClient::new(config, host)?;
    let value = client.call(method, &path, body).await?;
    if as_json {
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else if let Some(list) = value["orders"].as_array() {
        for o in list {
            print_order(o);
        }
    } else {
        print_order(&value["order"]);
    }
    Ok(())
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
