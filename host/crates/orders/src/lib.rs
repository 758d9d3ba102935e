//! Carts and orders.
//!
//! - [`Carts`]: one per conversation, priced from the catalog at read time
//!   (a plugin or an LLM never sets a price).
//! - [`Orders`] ([`store`]): orders created from carts by the `orders` bus
//!   consumer group (`store.order.create`), idempotent by source message,
//!   priced from the catalog, stock reserved with a time limit; the state
//!   machine in [`model`]; every change emits its event and a
//!   `store.order.status.update` that this group turns into the customer's
//!   WhatsApp update ([`notify`]).
//! - [`api`]: admin routes; [`webhooks`]: payment and carrier webhooks;
//!   [`cli`]: `agent-store order ...`.
//! - `plugin_host` (feature `plugin-host`): the host side of the WIT
//!   `orders` interface (a plugin's view of its cart and recent orders).

// The store's other capabilities under the names the host gives them,
// so paths read the same inside this crate and in the host.
pub(crate) use agent_store_bus as bus;
pub(crate) use agent_store_catalog as catalog;
pub(crate) use agent_store_chat as chat;
pub(crate) use agent_store_conversations as conversations;
pub(crate) use agent_store_db as db;
pub(crate) use agent_store_events as events;
pub(crate) use agent_store_lang::money;
pub(crate) use agent_store_payments as payments;
pub(crate) use agent_store_shipping as shipping;
pub(crate) use agent_store_telemetry as telemetry;
pub(crate) use agent_store_web as web;
pub(crate) use agent_store_whatsapp as whatsapp;

pub mod api;
pub mod model;
pub mod notify;
#[cfg(feature = "plugin-host")]
pub mod plugin_host;
pub mod stock_events;
pub mod store;
#[cfg(test)]
mod tests;
pub mod webhooks;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::bus::{Bus, BusError, Handler};
use crate::catalog::Catalog;
use crate::chat::Action;
use crate::db::{Db, now_ms};
use crate::events::{ChatResponse, Context, EventType, OrderCreate, OrderStatusUpdate};
use crate::money::Money;
use crate::whatsapp::templates::{Update, UtilityTemplates};

pub use model::{Order, OrderLine, Reservation, Status};
pub use store::{Change, OrderError, Orders, Stock};

/// The bus consumer group of orders (it settles order-request turn effects).
pub const GROUP: &str = crate::bus::groups::ORDERS;

/// The cancel reason of an order whose reservation lapsed.
pub const EXPIRED_REASON: &str = "payment not received in time";

/// `[orders]` in the configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrdersConfig {
    /// How long a pending order holds its stock.
    pub reservation_minutes: u64,
    /// How often lapsed reservations are released.
    pub expiry_sweep_secs: u64,
}

impl Default for OrdersConfig {
    fn default() -> Self {
        Self {
            reservation_minutes: 30,
            expiry_sweep_secs: 30,
        }
    }
}

/// An order as `orders.recent` shows it to plugins.
#[derive(Debug, Clone, PartialEq)]
pub struct RecentOrder {
    pub id: String,
    pub status: String,
    pub total: Money,
    /// Unix seconds.
    pub created_at: i64,
    pub tracking: Option<String>,
}

/// Most units of one product in a cart.
pub const MAX_QUANTITY: u32 = 99;

#[derive(Debug, thiserror::Error)]
pub enum CartError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("unknown product {0}")]
    UnknownProduct(String),
    #[error("quantity must be 1-{MAX_QUANTITY}")]
    Quantity,
    #[error("cart mixes currencies")]
    Currency,
    #[error("{0} is not in the cart")]
    NotInCart(String),
}

/// A change to a cart that a seller asks for in its reply (contract 0.2.0's
/// cart actions). Checked like add-to-cart: the product must be in the
/// seller's catalog scope and the quantity within 0-[`MAX_QUANTITY`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CartEdit {
    /// Take a product out; nothing happens when it is not in the cart.
    Remove { product_id: String },
    /// Set a line's quantity, adding the line when needed; 0 removes it.
    SetQuantity { product_id: String, quantity: u32 },
    /// Empty the cart.
    Clear,
}

impl CartEdit {
    /// The action's name in the contract, for logs.
    pub fn name(&self) -> &'static str {
        match self {
            CartEdit::Remove { .. } => "remove-from-cart",
            CartEdit::SetQuantity { .. } => "set-cart-quantity",
            CartEdit::Clear => "clear-cart",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CartLine {
    pub product_id: String,
    pub title: String,
    pub quantity: u32,
    pub unit_price: Money,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    pub subtotal: Money,
}

#[derive(Debug, Clone)]
pub struct Carts {
    db: Db,
    catalog: Catalog,
}

impl Carts {
    pub fn new(db: Db, catalog: Catalog) -> Self {
        Self { db, catalog }
    }

    /// Add `quantity` units (bounded), within `brand` when given.
    pub async fn add(
        &self,
        conversation_id: &str,
        brand: Option<&str>,
        product_id: &str,
        quantity: u32,
    ) -> Result<(), CartError> {
        let product_brand = self.check_add(brand, product_id, quantity)?;
        add_line(&self.db.pool, conversation_id, product_id, quantity).await?;
        crate::telemetry::metrics::added_to_cart(conversation_id, &product_brand, product_id);
        Ok(())
    }

    /// [`Self::add`] exactly once per `source_id` (the turn action asking
    /// for it, derived from the inbound message): a redelivered or retried
    /// turn finds its record and adds nothing. Returns whether it added.
    pub async fn add_once(
        &self,
        source_id: &str,
        conversation_id: &str,
        brand: Option<&str>,
        product_id: &str,
        quantity: u32,
    ) -> Result<bool, CartError> {
        let product_brand = self.check_add(brand, product_id, quantity)?;
        let mut tx = self.db.begin_write().await?;
        let first = sqlx::query(
            "INSERT INTO cart_adds (source_id, conversation_id, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (source_id) DO NOTHING",
        )
        .bind(source_id)
        .bind(conversation_id)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if first {
            add_line(&mut *tx, conversation_id, product_id, quantity).await?;
        }
        tx.commit().await?;
        if first {
            crate::telemetry::metrics::added_to_cart(conversation_id, &product_brand, product_id);
        }
        Ok(first)
    }

    fn check_add(
        &self,
        brand: Option<&str>,
        product_id: &str,
        quantity: u32,
    ) -> Result<String, CartError> {
        if quantity == 0 || quantity > MAX_QUANTITY {
            return Err(CartError::Quantity);
        }
        let Some(product) = self.catalog.get(brand, product_id) else {
            return Err(CartError::UnknownProduct(product_id.to_string()));
        };
        Ok(product.brand.clone())
    }

    /// Set a line's quantity; 0 removes it.
    pub async fn set_quantity(
        &self,
        conversation_id: &str,
        product_id: &str,
        quantity: u32,
    ) -> Result<(), CartError> {
        if quantity == 0 {
            return self.remove(conversation_id, product_id).await;
        }
        if quantity > MAX_QUANTITY {
            return Err(CartError::Quantity);
        }
        let r = sqlx::query(
            "UPDATE cart_lines SET quantity = $3, updated_at = $4 WHERE conversation_id = $1 AND product_id = $2",
        )
        .bind(conversation_id)
        .bind(product_id)
        .bind(i64::from(quantity))
        .bind(now_ms())
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        if r.rows_affected() == 0 {
            return Err(CartError::NotInCart(product_id.to_string()));
        }
        Ok(())
    }

    /// Remove a product from the cart.
    pub async fn remove(&self, conversation_id: &str, product_id: &str) -> Result<(), CartError> {
        let r =
            sqlx::query("DELETE FROM cart_lines WHERE conversation_id = $1 AND product_id = $2")
                .bind(conversation_id)
                .bind(product_id)
                .execute(&mut *self.db.writer.acquire().await?)
                .await?;
        if r.rows_affected() == 0 {
            return Err(CartError::NotInCart(product_id.to_string()));
        }
        Ok(())
    }

    /// Carry out a seller's cart edit, within `brand` when given. A refused
    /// edit changes nothing.
    pub async fn edit(
        &self,
        conversation_id: &str,
        brand: Option<&str>,
        edit: &CartEdit,
    ) -> Result<(), CartError> {
        let product_id = match edit {
            CartEdit::Clear => return self.clear(conversation_id).await,
            CartEdit::Remove { product_id } | CartEdit::SetQuantity { product_id, .. } => {
                product_id
            }
        };
        if let CartEdit::SetQuantity { quantity, .. } = edit
            && *quantity > MAX_QUANTITY
        {
            return Err(CartError::Quantity);
        }
        // Another brand's line is not this seller's to change.
        if self.catalog.get(brand, product_id).is_none() {
            return Err(CartError::UnknownProduct(product_id.clone()));
        }
        match edit {
            CartEdit::SetQuantity { quantity, .. } if *quantity > 0 => {
                self.put(conversation_id, product_id, *quantity).await
            }
            _ => match self.remove(conversation_id, product_id).await {
                Err(CartError::NotInCart(_)) => Ok(()),
                other => other,
            },
        }
    }

    /// Make `product_id`'s line hold exactly `quantity` units (the line
    /// keeps its place in the cart).
    async fn put(
        &self,
        conversation_id: &str,
        product_id: &str,
        quantity: u32,
    ) -> Result<(), CartError> {
        sqlx::query(
            "INSERT INTO cart_lines (conversation_id, product_id, quantity, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (conversation_id, product_id) DO UPDATE SET quantity = excluded.quantity",
        )
        .bind(conversation_id)
        .bind(product_id)
        .bind(i64::from(quantity))
        .bind(now_ms())
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Empty the cart.
    pub async fn clear(&self, conversation_id: &str) -> Result<(), CartError> {
        sqlx::query("DELETE FROM cart_lines WHERE conversation_id = $1")
            .bind(conversation_id)
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
        Ok(())
    }

    /// The orders of the conversation's customer, newest first.
    pub async fn recent_orders(
        &self,
        conversation_id: &str,
        limit: u32,
    ) -> Result<Vec<RecentOrder>, CartError> {
        let rows = sqlx::query(
            "SELECT id, status, currency, total_minor, created_at, tracking_number, carrier FROM orders \
             WHERE customer_wa_id = (SELECT customer_wa_id FROM conversations WHERE id = $1) \
             ORDER BY created_at DESC, id LIMIT $2",
        )
        .bind(conversation_id)
        .bind(i64::from(limit.clamp(1, 50)))
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let currency: String = r.try_get("currency")?;
            let tracking: Option<String> = r.try_get("tracking_number")?;
            let carrier: Option<String> = r.try_get("carrier")?;
            out.push(RecentOrder {
                id: r.try_get("id")?,
                status: r.try_get("status")?,
                total: Money::new(r.try_get::<i64, _>("total_minor")?, currency),
                created_at: r.try_get::<i64, _>("created_at")? / 1000,
                tracking: tracking.map(|t| match carrier {
                    Some(c) => format!("{c} {t}"),
                    None => t,
                }),
            });
        }
        Ok(out)
    }

    /// The cart priced from the catalog now.
    pub async fn get(&self, conversation_id: &str) -> Result<Cart, CartError> {
        let rows = sqlx::query(
            "SELECT product_id, quantity FROM cart_lines WHERE conversation_id = $1 ORDER BY updated_at, product_id",
        )
        .bind(conversation_id)
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        let mut lines = Vec::new();
        let mut subtotal: Option<Money> = None;
        for r in rows {
            let id: String = r.try_get("product_id")?;
            let qty: i64 = r.try_get("quantity")?;
            // A product removed from the catalog drops out of the cart.
            let Some(p) = self.catalog.get(None, &id) else {
                continue;
            };
            let unit = p.effective_price().clone();
            let line_total = unit.checked_mul(qty).map_err(|_| CartError::Currency)?;
            subtotal = Some(match subtotal {
                None => line_total,
                Some(s) => s
                    .checked_add(&line_total)
                    .map_err(|_| CartError::Currency)?,
            });
            lines.push(CartLine {
                product_id: id,
                title: p.title.clone(),
                quantity: qty.clamp(0, i64::from(MAX_QUANTITY)) as u32,
                unit_price: unit,
            });
        }
        Ok(Cart {
            lines,
            subtotal: subtotal.unwrap_or_else(|| Money::zero("USD")),
        })
    }
}

/// Add units to a cart line (capped at [`MAX_QUANTITY`]), in one statement.
async fn add_line<'e, E>(
    exec: E,
    conversation_id: &str,
    product_id: &str,
    quantity: u32,
) -> Result<(), CartError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO cart_lines (conversation_id, product_id, quantity, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (conversation_id, product_id) DO UPDATE
         SET quantity = CASE WHEN cart_lines.quantity + excluded.quantity > 99 THEN 99 ELSE cart_lines.quantity + excluded.quantity END, updated_at = excluded.updated_at",
    )
    .bind(conversation_id)
    .bind(product_id)
    .bind(i64::from(quantity))
    .bind(now_ms())
    .execute(exec)
    .await?;
    Ok(())
}

/// Subscribe the `orders` consumer group (`store.order.create`,
/// `store.order.status.update`) and start the reservation-expiry sweeper.
pub async fn start(
    orders: &Orders,
    bus: &Arc<dyn Bus>,
    templates: Arc<UtilityTemplates>,
) -> Result<(), BusError> {
    let consumer = Arc::new(Consumer {
        orders: orders.clone(),
        bus: bus.clone(),
        templates,
    });
    bus.subscribe(
        GROUP,
        &[EventType::OrderCreate, EventType::OrderStatusUpdate],
        consumer,
    )
    .await?;
    let sweeper = orders.clone();
    let every = Duration::from_secs(orders.config().expiry_sweep_secs.max(1));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = sweeper.expire_due(now_ms()).await {
                tracing::warn!(error = %e, "order expiry sweep failed");
            }
        }
    });
    Ok(())
}

struct Consumer {
    orders: Orders,
    bus: Arc<dyn Bus>,
    /// Utility templates for updates outside the 24-hour window.
    templates: Arc<UtilityTemplates>,
}

#[async_trait]
impl Handler for Consumer {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        match EventType::parse(event.ty()) {
            Some(EventType::OrderCreate) => {
                // Malformed: permanent, the bus parks it at once.
                let req = events::payload::<OrderCreate>(&event)?;
                self.create(&req).await?;
                // Carried out: the turn that asked for it may forget it.
                crate::conversations::settle_effect(self.orders.db(), event.id()).await?;
                Ok(())
            }
            Some(EventType::OrderStatusUpdate) => {
                let update = events::payload::<OrderStatusUpdate>(&event)?;
                self.notify(event.id(), &update).await
            }
            _ => Ok(()),
        }
    }
}

impl Consumer {
    async fn create(&self, req: &OrderCreate) -> anyhow::Result<()> {
        match self.orders.create(req).await {
            Ok((order, created)) => {
                if created || order.status == Status::Pending {
                    // Re-announcing after a retry is harmless: event ids
                    // are derived from the order, sends are deduplicated.
                    self.orders.announce_created(order).await?;
                }
                Ok(())
            }
            Err(e @ (OrderError::Db(_) | OrderError::Publish(_) | OrderError::Payment(_))) => {
                Err(e.into())
            }
            Err(e) => {
                tracing::warn!(conversation = %req.conversation_id, source = %req.source_message_id, error = %e, "order refused");
                self.refusal(req, &e).await
            }
        }
    }

    /// Tell the customer why their order could not be placed.
    async fn refusal(&self, req: &OrderCreate, e: &OrderError) -> anyhow::Result<()> {
        let row = sqlx::query(
            "SELECT phone_number_id, customer_wa_id, language FROM conversations WHERE id = $1",
        )
        .bind(&req.conversation_id)
        .fetch_optional(&self.orders.db().pool)
        .await?;
        let Some(row) = row else {
            return Ok(());
        };
        let language: String = row.try_get("language")?;
        let body = notify::refusal_text(e, &language, self.orders.catalog());
        let response = ChatResponse {
            conversation_id: req.conversation_id.clone(),
            phone_number_id: row.try_get("phone_number_id")?,
            to: row.try_get("customer_wa_id")?,
            brand: req.brand.clone(),
            in_reply_to: req.source_message_id.clone(),
            actions: vec![Action::Text { body }],
            language,
            messages: Vec::new(),
        };
        self.publish(
            &format!("{}/order-refused", req.source_message_id),
            &req.conversation_id,
            &req.brand,
            &response,
        )
        .await
    }

    /// The customer's WhatsApp update for one status change: free text
    /// inside the 24-hour window; outside it, the update's utility template
    /// when one is configured and approved (else the free text, which the
    /// gateway holds for a person with the re-engagement template).
    async fn notify(&self, event_id: &str, u: &OrderStatusUpdate) -> anyhow::Result<()> {
        let o = &u.order;
        if let Some(update) = Update::parse(&u.to)
            && !self.window_open(&o.conversation_id).await?
        {
            match self.templates.message(&o.customer_wa_id, update, o) {
                Some((body, text)) => {
                    let message = crate::events::OutboundMessage {
                        // The id the free-text update's message would have.
                        id: format!("{event_id}/notify/0"),
                        conversation_id: o.conversation_id.clone(),
                        phone_number_id: o.phone_number_id.clone(),
                        to: o.customer_wa_id.clone(),
                        brand: (o.brand != "host").then(|| o.brand.clone()),
                        text,
                        body,
                    };
                    tracing::info!(order = %o.order_id, update = update.as_str(), "outside the 24-hour window: order update sent as its utility template");
                    return self
                        .publish(&message.id.clone(), &o.conversation_id, &o.brand, &message)
                        .await;
                }
                None => {
                    tracing::warn!(order = %o.order_id, update = update.as_str(), language = %o.language, "outside the 24-hour window and no usable template for this update: sent as free text (held for a person, re-engagement template sent)");
                }
            }
        }
        let body =
            notify::status_text(o, &u.to, u.reason.as_deref(), self.orders.payments_config());
        let response = ChatResponse {
            conversation_id: o.conversation_id.clone(),
            phone_number_id: o.phone_number_id.clone(),
            to: o.customer_wa_id.clone(),
            brand: o.brand.clone(),
            in_reply_to: o.order_id.clone(),
            actions: vec![Action::Text { body }],
            language: o.language.clone(),
            messages: Vec::new(),
        };
        self.publish(
            &format!("{event_id}/notify"),
            &o.conversation_id,
            &o.brand,
            &response,
        )
        .await
    }

    /// Whether the customer wrote within the last 24 hours.
    async fn window_open(&self, conversation_id: &str) -> anyhow::Result<bool> {
        let row = sqlx::query("SELECT last_customer_message_at FROM conversations WHERE id = $1")
            .bind(conversation_id)
            .fetch_optional(&self.orders.db().pool)
            .await?;
        let last: Option<i64> = match row {
            Some(r) => r.try_get("last_customer_message_at")?,
            None => None,
        };
        Ok(last.is_some_and(|at| now_ms() - at <= crate::whatsapp::gateway::SERVICE_WINDOW_MS))
    }

    async fn publish<P: crate::events::Payload>(
        &self,
        id: &str,
        conversation_id: &str,
        brand: &str,
        response: &P,
    ) -> anyhow::Result<()> {
        let ctx = Context {
            source: "/agent-store/orders",
            subject: Some(conversation_id),
            brand: Some(brand),
            traceparent: None,
        };
        self.bus
            .publish(events::build_with_id(id, &ctx, response)?)
            .await?;
        Ok(())
    }
}
