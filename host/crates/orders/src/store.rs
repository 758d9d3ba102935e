//! The order service: creation from a cart (idempotent, priced from the
//! catalog, stock reserved atomically), state transitions with their stock
//! effects and events, reservation expiry, and stock levels.
//!
//! Stock never oversells: a reservation is one conditional
//! `UPDATE inventory SET available = available - q ... WHERE available >= q`
//! inside the order's transaction. PostgreSQL re-checks the condition after
//! waiting on a concurrent writer's row lock; SQLite runs one writer at a
//! time (every transaction here starts with a write, so it takes the write
//! lock first and waits for it instead of failing on a stale snapshot).

use std::sync::Arc;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::OrdersConfig;
use super::model::{Order, OrderLine, Reservation, Status, new_order_id};
use crate::bus::Bus;
use crate::catalog::{Availability, Catalog};
use crate::db::{Db, now_ms};
use crate::events::{
    self, Context, OrderCancelled, OrderConfirmed, OrderCreate, OrderCreated, OrderDelivered,
    OrderShipped, OrderStatusUpdate, Payload,
};
use crate::money::Money;
use crate::payments::{Checkout, PaymentError, PaymentProvider, PaymentsConfig};
use crate::shipping::ShippingConfig;

const SOURCE: &str = "/agent-store/orders";

/// The `to` of the `store.order.status.update` that tells a customer their
/// payment failed (the order's status does not change).
pub const PAYMENT_FAILED: &str = "payment_failed";

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("no such order {0}")]
    NotFound(String),
    #[error("no such conversation {0}")]
    NoConversation(String),
    #[error("the cart is empty")]
    EmptyCart,
    #[error("product {0} cannot be ordered: {1}")]
    Unavailable(String, String),
    #[error("not enough stock of {product}: {requested} requested")]
    OutOfStock { product: String, requested: u32 },
    #[error("the cart mixes currencies")]
    Currency,
    #[error("an order cannot go from {from} to {to}")]
    InvalidTransition { from: Status, to: Status },
    #[error("order {0} changed concurrently; try again")]
    Conflict(String),
    #[error("corrupt order row {0}: {1}")]
    Corrupt(String, String),
    #[error("payment: {0}")]
    Payment(#[from] PaymentError),
    #[error("publishing an order event: {0}")]
    Publish(String),
    #[error("invalid request: {0}")]
    Invalid(String),
}

/// What asked for a state change, and what it brings along.
#[derive(Debug, Clone, Default)]
pub struct Change {
    /// `admin`, `cli`, `payment:<provider>`, `carrier`, `expiry`...
    pub actor: String,
    pub reason: Option<String>,
    pub tracking_number: Option<String>,
    pub carrier: Option<String>,
    pub payment_reference: Option<String>,
}

impl Change {
    pub fn by(actor: &str) -> Change {
        Change {
            actor: actor.to_string(),
            ..Change::default()
        }
    }
}

/// Stock of one product.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Stock {
    pub product_id: String,
    /// `false` when nothing limits sales (no quantity known yet).
    pub tracked: bool,
    pub available: i64,
    pub reserved: i64,
}

struct Inner {
    db: Db,
    catalog: Catalog,
    bus: Arc<dyn Bus>,
    config: OrdersConfig,
    shipping: ShippingConfig,
    payments: PaymentsConfig,
    provider: Arc<dyn PaymentProvider>,
    /// Serialises catalog stock syncs so an older level never lands last.
    stock_sync: tokio::sync::Mutex<()>,
    /// Publish `store.catalog.stock.changed` after each change, so every
    /// other host's live catalog follows (multi-host deployments).
    broadcast_stock: std::sync::atomic::AtomicBool,
}

/// The order service. Cheap to clone.
#[derive(Clone)]
pub struct Orders {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Orders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Orders")
            .field("provider", &self.inner.provider.name())
            .finish()
    }
}

const ORDER_COLUMNS: &str = "id, source_id, conversation_id, phone_number_id, customer_wa_id, \
    customer_name, brand, language, status, currency, subtotal_minor, shipping_minor, total_minor, \
    note, payment_provider, payment_reference, payment_url, tracking_number, carrier, \
    cancel_reason, reservation, reserved_until, created_at, updated_at";

impl Orders {
    pub fn new(
        db: Db,
        catalog: Catalog,
        bus: Arc<dyn Bus>,
        config: OrdersConfig,
        shipping: ShippingConfig,
        payments: PaymentsConfig,
    ) -> Result<Orders, OrderError> {
        let provider = crate::payments::provider(&payments)?;
        Ok(Orders {
            inner: Arc::new(Inner {
                db,
                catalog,
                bus,
                config,
                shipping,
                payments,
                provider,
                stock_sync: tokio::sync::Mutex::new(()),
                broadcast_stock: std::sync::atomic::AtomicBool::new(false),
            }),
        })
    }

    /// Push the stock levels of `product_ids` into the live catalog, so
    /// search's in-stock filter, recommendations and the sellers see what
    /// orders reserved and released. The inventory table stays the truth:
    /// a failed sync is logged and healed by the next change or restart.
    async fn sync_catalog_stock(&self, product_ids: Vec<String>) {
        let levels = self.apply_catalog_stock(&product_ids).await;
        if self
            .inner
            .broadcast_stock
            .load(std::sync::atomic::Ordering::Relaxed)
            && !levels.is_empty()
        {
            super::stock_events::publish(&self.inner.bus, &levels).await;
        }
    }

    /// Every change of stock levels is also published as
    /// `store.catalog.stock.changed` (`true` on a multi-host bus).
    pub fn broadcast_stock_changes(&self, on: bool) {
        self.inner
            .broadcast_stock
            .store(on, std::sync::atomic::Ordering::Relaxed);
    }

    /// Read the levels of `product_ids` from the inventory table and push
    /// them into this host's live catalog; returns them.
    pub async fn apply_catalog_stock(&self, product_ids: &[String]) -> Vec<(String, i64)> {
        let _guard = self.inner.stock_sync.lock().await;
        let mut levels = Vec::new();
        for id in product_ids {
            let id = id.as_str();
            match sqlx::query("SELECT available FROM inventory WHERE product_id = $1")
                .bind(id)
                .fetch_optional(&self.inner.db.pool)
                .await
            {
                Ok(Some(r)) => match r.try_get::<i64, _>("available") {
                    Ok(n) => levels.push((id.to_string(), n)),
                    Err(e) => tracing::warn!(product = id, error = %e, "stock not synced"),
                },
                Ok(None) => {}
                Err(e) => tracing::warn!(product = id, error = %e, "stock not synced"),
            }
        }
        if let Err(e) = self.inner.catalog.set_stock_levels(&levels).await {
            tracing::warn!(error = %e, "catalog stock levels not updated");
        }
        levels
    }

    /// Bring the catalog in step with every tracked stock level (start-up:
    /// heals a sync lost to a crash). Returns how many levels were read.
    pub async fn sync_all_catalog_stock(&self) -> Result<usize, OrderError> {
        let _guard = self.inner.stock_sync.lock().await;
        // One read of every level, not one query per product.
        let levels: Vec<(String, i64)> = sqlx::query("SELECT product_id, available FROM inventory")
            .fetch_all(&mut *self.inner.db.read().await?)
            .await?
            .iter()
            .map(|r| Ok((r.try_get("product_id")?, r.try_get("available")?)))
            .collect::<Result<_, sqlx::Error>>()?;
        if let Err(e) = self.inner.catalog.set_stock_levels(&levels).await {
            tracing::warn!(error = %e, "catalog stock levels not updated");
        }
        Ok(levels.len())
    }

    pub fn config(&self) -> &OrdersConfig {
        &self.inner.config
    }

    pub fn db(&self) -> &Db {
        &self.inner.db
    }

    pub fn bus(&self) -> &Arc<dyn Bus> {
        &self.inner.bus
    }

    pub fn payments_config(&self) -> &PaymentsConfig {
        &self.inner.payments
    }

    pub fn shipping_config(&self) -> &ShippingConfig {
        &self.inner.shipping
    }

    pub fn catalog(&self) -> &Catalog {
        &self.inner.catalog
    }

    /// Turn the conversation's cart into a pending order, or return the
    /// order already created for `req.source_message_id`. The bool is
    /// `true` when this call created it.
    pub async fn create(&self, req: &OrderCreate) -> Result<(Order, bool), OrderError> {
        if let Some(existing) = self.by_source(&req.source_message_id).await? {
            return Ok((existing, false));
        }
        let customer = self.customer_of(&req.conversation_id).await?;
        let (mut priced, subtotal) = self.price_cart(&req.conversation_id).await?;
        let Some(subtotal) = subtotal else {
            // A twin request may have just ordered (and emptied) this cart.
            return match self.by_source(&req.source_message_id).await? {
                Some(existing) => Ok((existing, false)),
                None => Err(OrderError::EmptyCart),
            };
        };
        let shipping = self.inner.shipping.fee(&subtotal);
        let total = subtotal
            .checked_add(&shipping)
            .map_err(|_| OrderError::Currency)?;
        let header = NewOrder {
            id: new_order_id(chrono::Utc::now()),
            now: now_ms(),
            customer,
            subtotal,
            shipping,
            total,
        };

        let mut tx = self.inner.db.begin_write().await?;
        // First statement is a write: claims the idempotency key (and, on
        // SQLite, the write lock).
        if !self.insert_order(&mut tx, req, &header).await? {
            tx.rollback().await?;
            let existing = self
                .by_source(&req.source_message_id)
                .await?
                .ok_or_else(|| OrderError::Conflict(req.source_message_id.clone()))?;
            return Ok((existing, false));
        }
        for (n, p) in priced.iter_mut().enumerate() {
            if let Err(e) = write_line(&mut tx, &header, &req.conversation_id, n, p).await {
                if matches!(e, OrderError::OutOfStock { .. }) {
                    tx.rollback().await?;
                }
                return Err(e);
            }
        }
        record_history(
            &mut tx,
            &header.id,
            None,
            Status::Pending,
            "customer",
            req.note.as_deref(),
            header.now,
        )
        .await?;
        tx.commit().await?;
        let order = self.get(&header.id).await?;
        self.sync_catalog_stock(reserved_products(&order)).await;
        tracing::info!(order = %order.id, conversation = %order.conversation_id, total = %order.total, lines = order.lines.len(), "order created");
        crate::telemetry::metrics::order_created(
            &order.brand,
            &order.total.currency,
            order.total.minor_units,
        );
        Ok((order, true))
    }

    /// Who orders: the conversation's business number, customer and
    /// language.
    async fn customer_of(&self, conversation_id: &str) -> Result<OrderCustomer, OrderError> {
        let db = &self.inner.db;
        let conv = sqlx::query(
            "SELECT phone_number_id, customer_wa_id, language FROM conversations WHERE id = $1",
        )
        .bind(conversation_id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or_else(|| OrderError::NoConversation(conversation_id.to_string()))?;
        Ok(OrderCustomer {
            phone_number_id: conv.try_get("phone_number_id")?,
            customer_wa_id: conv.try_get("customer_wa_id")?,
            language: order_language(&db.pool, conversation_id, conv.try_get("language")?).await?,
        })
    }

    /// Every cart line priced from the catalog now, and their subtotal
    /// (`None` for an empty cart). A product that left the catalog is
    /// dropped; one out of stock or discontinued refuses the order.
    async fn price_cart(
        &self,
        conversation_id: &str,
    ) -> Result<(Vec<Priced>, Option<Money>), OrderError> {
        // Lines in product-id order: every order locks inventory rows in one
        // global order, so two concurrent orders can never deadlock.
        let cart = sqlx::query(
            "SELECT product_id, quantity FROM cart_lines WHERE conversation_id = $1 ORDER BY product_id",
        )
        .bind(conversation_id)
        .fetch_all(&mut *self.inner.db.read().await?)
        .await?;
        let mut priced: Vec<Priced> = Vec::new();
        let mut subtotal: Option<Money> = None;
        for row in cart {
            let id: String = row.try_get("product_id")?;
            let qty: i64 = row.try_get("quantity")?;
            let qty = u32::try_from(qty.clamp(1, i64::from(super::MAX_QUANTITY))).unwrap_or(1);
            let Some(p) = self.inner.catalog.get(None, &id) else {
                tracing::warn!(product = %id, "product left the catalog: dropped from the order");
                continue;
            };
            if matches!(
                p.availability,
                Availability::OutOfStock | Availability::Discontinued
            ) {
                return Err(OrderError::Unavailable(
                    id,
                    p.availability.as_str().to_string(),
                ));
            }
            let unit = p.effective_price().clone();
            let line_total = unit
                .checked_mul(i64::from(qty))
                .map_err(|_| OrderError::Currency)?;
            subtotal = Some(match subtotal {
                None => line_total,
                Some(s) => s
                    .checked_add(&line_total)
                    .map_err(|_| OrderError::Currency)?,
            });
            priced.push(Priced {
                line: OrderLine {
                    product_id: id,
                    title: p.title.clone(),
                    quantity: qty,
                    unit_price: unit,
                    reserved: 0,
                },
                catalog_quantity: p.quantity,
            });
        }
        Ok((priced, subtotal))
    }

    /// The order's row, pending with its stock held; `false` when a twin
    /// request claimed the same source message first.
    async fn insert_order(
        &self,
        tx: &mut agent_store_db::WriteTx,
        req: &OrderCreate,
        order: &NewOrder,
    ) -> Result<bool, OrderError> {
        let reserved_until = order.now
            + i64::try_from(self.inner.config.reservation_minutes)
                .unwrap_or(i64::MAX / 120_000)
                .saturating_mul(60_000);
        let inserted = sqlx::query(
            "INSERT INTO orders (id, source_id, conversation_id, phone_number_id, customer_wa_id, \
             customer_name, brand, language, status, currency, subtotal_minor, shipping_minor, \
             total_minor, note, payment_provider, reservation, reserved_until, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $12, $13, $14, 'held', $15, $16, $16) \
             ON CONFLICT (source_id) DO NOTHING",
        )
        .bind(&order.id)
        .bind(&req.source_message_id)
        .bind(&req.conversation_id)
        .bind(&order.customer.phone_number_id)
        .bind(&order.customer.customer_wa_id)
        .bind(req.customer.name.clone())
        .bind(&req.brand)
        .bind(&order.customer.language)
        .bind(&order.subtotal.currency)
        .bind(order.subtotal.minor_units)
        .bind(order.shipping.minor_units)
        .bind(order.total.minor_units)
        .bind(req.note.clone())
        .bind(self.inner.provider.name())
        .bind(reserved_until)
        .bind(order.now)
        .execute(&mut **tx)
        .await?;
        Ok(inserted.rows_affected() == 1)
    }

    /// Start the payment of a pending order without one (idempotent), then
    /// announce it: `store.order.created` and the first status update.
    pub async fn announce_created(&self, order: Order) -> Result<Order, OrderError> {
        let mut order = order;
        if order.status == Status::Pending && order.payment_url.is_none() {
            match self.inner.provider.start(&order.info()).await? {
                Checkout::Manual { .. } => {}
                Checkout::Link { url, reference } => {
                    sqlx::query(
                        "UPDATE orders SET payment_url = $2, payment_reference = $3, updated_at = $4 WHERE id = $1",
                    )
                    .bind(&order.id)
                    .bind(&url)
                    .bind(&reference)
                    .bind(now_ms())
                    .execute(&mut *self.inner.db.writer.acquire().await?)
                    .await?;
                    order.payment_url = Some(url);
                    order.payment_reference = Some(reference);
                }
            }
        }
        let info = order.info();
        self.publish(
            &format!("{}/created", order.id),
            &order,
            &OrderCreated {
                order: info.clone(),
                source_message_id: order.source_id.clone(),
                reserved_until: order.reserved_until,
            },
        )
        .await?;
        self.publish(
            &format!("{}/status/pending", order.id),
            &order,
            &OrderStatusUpdate {
                order: info,
                from: None,
                to: Status::Pending.as_str().to_string(),
                actor: "customer".into(),
                reason: None,
            },
        )
        .await?;
        Ok(order)
    }

    /// Move an order to `to`, with the stock effects, the history entry,
    /// `store.order.<status>` and `store.order.status.update`. Asking for
    /// the status the order already has changes nothing and returns
    /// `false`; an illegal transition is refused.
    pub async fn transition(
        &self,
        id: &str,
        to: Status,
        change: Change,
    ) -> Result<(Order, bool), OrderError> {
        for _ in 0..5 {
            let order = self.get(id).await?;
            if order.status == to {
                return Ok((order, false));
            }
            if !order.status.can_go(to) {
                return Err(OrderError::InvalidTransition {
                    from: order.status,
                    to,
                });
            }
            if to == Status::Shipped
                && change.tracking_number.is_none()
                && order.tracking_number.is_none()
            {
                return Err(OrderError::Invalid(
                    "shipping needs a tracking number".into(),
                ));
            }
            if self.apply(&order, to, &change).await? {
                let updated = self.get(id).await?;
                tracing::info!(order = %id, from = %order.status, to = %to, actor = %change.actor, "order status changed");
                self.announce_change(&updated, order.status, &change)
                    .await?;
                return Ok((updated, true));
            }
            // Lost a race with another change: look again.
        }
        Err(OrderError::Conflict(id.to_string()))
    }

    /// One compare-and-set transition in a transaction; `false` when the
    /// order's status changed underneath.
    async fn apply(&self, order: &Order, to: Status, change: &Change) -> Result<bool, OrderError> {
        let now = now_ms();
        let from = order.status;
        let reservation = match to {
            Status::Confirmed if order.reservation == Reservation::Held => Reservation::Committed,
            Status::Cancelled => Reservation::Released,
            Status::Refunded if from.goods_in_store() => Reservation::Released,
            _ => order.reservation,
        };
        let cancel_reason = if matches!(to, Status::Cancelled | Status::Refunded) {
            change.reason.clone()
        } else {
            None
        };
        let mut tx = self.inner.db.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE orders SET status = $3, reservation = $4, \
             reserved_until = CASE WHEN $4 = 'held' THEN reserved_until ELSE NULL END, \
             tracking_number = COALESCE($5, tracking_number), carrier = COALESCE($6, carrier), \
             payment_reference = COALESCE($7, payment_reference), \
             cancel_reason = COALESCE($8, cancel_reason), updated_at = $9 \
             WHERE id = $1 AND status = $2",
        )
        .bind(&order.id)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(reservation.as_str())
        .bind(change.tracking_number.clone())
        .bind(change.carrier.clone())
        .bind(change.payment_reference.clone())
        .bind(cancel_reason)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        for line in order.lines.iter().filter(|l| l.reserved > 0) {
            let q = i64::from(line.reserved);
            let sql = match (order.reservation, reservation) {
                (Reservation::Held, Reservation::Committed) => {
                    "UPDATE inventory SET reserved = reserved - $2, updated_at = $3 WHERE product_id = $1"
                }
                (Reservation::Held, Reservation::Released) => {
                    "UPDATE inventory SET reserved = reserved - $2, available = available + $2, updated_at = $3 WHERE product_id = $1"
                }
                (Reservation::Committed, Reservation::Released) => {
                    "UPDATE inventory SET available = available + $2, updated_at = $3 WHERE product_id = $1"
                }
                _ => continue,
            };
            sqlx::query(sql)
                .bind(&line.product_id)
                .bind(q)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        record_history(
            &mut tx,
            &order.id,
            Some(from),
            to,
            &change.actor,
            change.reason.as_deref(),
            now,
        )
        .await?;
        tx.commit().await?;
        if reservation == Reservation::Released && order.reservation != Reservation::Released {
            self.sync_catalog_stock(reserved_products(order)).await;
        }
        Ok(true)
    }

    async fn announce_change(
        &self,
        order: &Order,
        from: Status,
        change: &Change,
    ) -> Result<(), OrderError> {
        let info = order.info();
        let specific = format!("{}/{}", order.id, order.status);
        match order.status {
            Status::Confirmed => {
                self.publish(
                    &specific,
                    order,
                    &OrderConfirmed {
                        order: info.clone(),
                        payment_reference: order.payment_reference.clone(),
                    },
                )
                .await?
            }
            Status::Shipped => {
                self.publish(
                    &specific,
                    order,
                    &OrderShipped {
                        order: info.clone(),
                    },
                )
                .await?
            }
            Status::Delivered => {
                self.publish(
                    &specific,
                    order,
                    &OrderDelivered {
                        order: info.clone(),
                    },
                )
                .await?
            }
            Status::Cancelled => {
                self.publish(
                    &specific,
                    order,
                    &OrderCancelled {
                        order: info.clone(),
                        reason: change.reason.clone().unwrap_or_default(),
                    },
                )
                .await?
            }
            _ => {}
        }
        self.publish(
            &format!("{}/status/{}", order.id, order.status),
            order,
            &OrderStatusUpdate {
                order: info,
                from: Some(from.as_str().to_string()),
                to: order.status.as_str().to_string(),
                actor: change.actor.clone(),
                reason: change.reason.clone(),
            },
        )
        .await
    }

    /// Ship an order: a confirmed one goes through `processing` first.
    pub async fn ship(
        &self,
        id: &str,
        tracking_number: &str,
        carrier: &str,
        actor: &str,
    ) -> Result<(Order, bool), OrderError> {
        if tracking_number.trim().is_empty() || carrier.trim().is_empty() {
            return Err(OrderError::Invalid(
                "tracking_number and carrier are required".into(),
            ));
        }
        let order = self.get(id).await?;
        if order.status == Status::Confirmed {
            self.transition(id, Status::Processing, Change::by(actor))
                .await?;
        }
        self.transition(
            id,
            Status::Shipped,
            Change {
                actor: actor.to_string(),
                tracking_number: Some(tracking_number.trim().to_string()),
                carrier: Some(carrier.trim().to_string()),
                ..Change::default()
            },
        )
        .await
    }

    /// Cancel every pending order whose reservation has lapsed; returns
    /// their ids.
    pub async fn expire_due(&self, now: i64) -> Result<Vec<String>, OrderError> {
        let rows = sqlx::query(
            "SELECT id FROM orders WHERE status = 'pending' AND reservation = 'held' AND reserved_until < $1 ORDER BY reserved_until",
        )
        .bind(now)
        .fetch_all(&mut *self.inner.db.read().await?)
        .await?;
        let mut expired = Vec::new();
        for r in rows {
            let id: String = r.try_get("id")?;
            let change = Change {
                actor: "expiry".into(),
                reason: Some(super::EXPIRED_REASON.into()),
                ..Change::default()
            };
            match self.transition(&id, Status::Cancelled, change).await {
                Ok((_, true)) => expired.push(id),
                Ok((_, false)) => {}
                // Paid or cancelled meanwhile: nothing to expire.
                Err(OrderError::InvalidTransition { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        if !expired.is_empty() {
            tracing::info!(orders = ?expired, "expired unpaid orders released their stock");
        }
        Ok(expired)
    }

    /// Record a payment-provider event id; `false` when it was seen before.
    pub async fn claim_payment_event(
        &self,
        event_id: &str,
        provider: &str,
        order_id: Option<&str>,
    ) -> Result<bool, OrderError> {
        let r = sqlx::query(
            "INSERT INTO payment_events (id, provider, order_id, received_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(event_id)
        .bind(provider)
        .bind(order_id.map(str::to_string))
        .bind(now_ms())
        .execute(&mut *self.inner.db.writer.acquire().await?)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Forget a claimed payment event (its processing failed: let the
    /// provider's retry through).
    pub async fn unclaim_payment_event(&self, event_id: &str) -> Result<(), OrderError> {
        sqlx::query("DELETE FROM payment_events WHERE id = $1")
            .bind(event_id)
            .execute(&mut *self.inner.db.writer.acquire().await?)
            .await?;
        Ok(())
    }

    pub async fn get(&self, id: &str) -> Result<Order, OrderError> {
        let row = sqlx::query(&format!("SELECT {ORDER_COLUMNS} FROM orders WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *self.inner.db.read().await?)
            .await?
            .ok_or_else(|| OrderError::NotFound(id.to_string()))?;
        self.hydrate(row).await
    }

    async fn by_source(&self, source_id: &str) -> Result<Option<Order>, OrderError> {
        let row = sqlx::query(&format!(
            "SELECT {ORDER_COLUMNS} FROM orders WHERE source_id = $1"
        ))
        .bind(source_id)
        .fetch_optional(&mut *self.inner.db.read().await?)
        .await?;
        match row {
            Some(r) => Ok(Some(self.hydrate(r).await?)),
            None => Ok(None),
        }
    }

    /// Orders, newest first, optionally of one status.
    pub async fn list(&self, status: Option<Status>, limit: u32) -> Result<Vec<Order>, OrderError> {
        let limit = i64::from(limit.clamp(1, 1000));
        let rows = match status {
            Some(s) => {
                sqlx::query(&format!(
                    "SELECT {ORDER_COLUMNS} FROM orders WHERE status = $1 ORDER BY created_at DESC, id LIMIT $2"
                ))
                .bind(s.as_str())
                .bind(limit)
                .fetch_all(&mut *self.inner.db.read().await?)
                .await?
            }
            None => {
                sqlx::query(&format!(
                    "SELECT {ORDER_COLUMNS} FROM orders ORDER BY created_at DESC, id LIMIT $1"
                ))
                .bind(limit)
                .fetch_all(&mut *self.inner.db.read().await?)
                .await?
            }
        };
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            out.push(self.hydrate(r).await?);
        }
        Ok(out)
    }

    /// The history of an order: (from, to, actor, note, at).
    pub async fn history(&self, id: &str) -> Result<Vec<serde_json::Value>, OrderError> {
        let rows = sqlx::query(
            "SELECT from_status, to_status, actor, note, created_at FROM order_events WHERE order_id = $1 ORDER BY seq",
        )
        .bind(id)
        .fetch_all(&mut *self.inner.db.read().await?)
        .await?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::json!({
                "from": r.try_get::<Option<String>, _>("from_status")?,
                "to": r.try_get::<String, _>("to_status")?,
                "actor": r.try_get::<String, _>("actor")?,
                "note": r.try_get::<Option<String>, _>("note")?,
                "at": r.try_get::<i64, _>("created_at")?,
            }));
        }
        Ok(out)
    }

    async fn hydrate(&self, r: AnyRow) -> Result<Order, OrderError> {
        let id: String = r.try_get("id")?;
        let corrupt = |what: &str| OrderError::Corrupt(id.clone(), what.to_string());
        let currency: String = r.try_get("currency")?;
        let status_raw: String = r.try_get("status")?;
        let status = Status::parse(&status_raw).ok_or_else(|| corrupt("status"))?;
        let reservation_raw: String = r.try_get("reservation")?;
        let reservation =
            Reservation::parse(&reservation_raw).ok_or_else(|| corrupt("reservation"))?;
        let lines = sqlx::query(
            "SELECT product_id, title, quantity, unit_price_minor, reserved FROM order_lines WHERE order_id = $1 ORDER BY line_no",
        )
        .bind(&id)
        .fetch_all(&mut *self.inner.db.read().await?)
        .await?;
        let mut out_lines = Vec::with_capacity(lines.len());
        for l in lines {
            let qty: i64 = l.try_get("quantity")?;
            let reserved: i64 = l.try_get("reserved")?;
            out_lines.push(OrderLine {
                product_id: l.try_get("product_id")?,
                title: l.try_get("title")?,
                quantity: u32::try_from(qty).map_err(|_| corrupt("quantity"))?,
                unit_price: Money::new(l.try_get::<i64, _>("unit_price_minor")?, currency.clone()),
                reserved: u32::try_from(reserved).map_err(|_| corrupt("reserved"))?,
            });
        }
        Ok(Order {
            source_id: r.try_get("source_id")?,
            conversation_id: r.try_get("conversation_id")?,
            phone_number_id: r.try_get("phone_number_id")?,
            customer_wa_id: r.try_get("customer_wa_id")?,
            customer_name: r.try_get("customer_name")?,
            brand: r.try_get("brand")?,
            language: r.try_get("language")?,
            status,
            lines: out_lines,
            subtotal: Money::new(r.try_get::<i64, _>("subtotal_minor")?, currency.clone()),
            shipping: Money::new(r.try_get::<i64, _>("shipping_minor")?, currency.clone()),
            total: Money::new(r.try_get::<i64, _>("total_minor")?, currency.clone()),
            note: r.try_get("note")?,
            payment_provider: r.try_get("payment_provider")?,
            payment_reference: r.try_get("payment_reference")?,
            payment_url: r.try_get("payment_url")?,
            tracking_number: r.try_get("tracking_number")?,
            carrier: r.try_get("carrier")?,
            cancel_reason: r.try_get("cancel_reason")?,
            reservation,
            reserved_until: r.try_get("reserved_until")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            id,
        })
    }

    /// The stock of a product (`None`: unknown product).
    pub async fn stock(&self, product_id: &str) -> Result<Option<Stock>, OrderError> {
        let row = sqlx::query("SELECT available, reserved FROM inventory WHERE product_id = $1")
            .bind(product_id)
            .fetch_optional(&mut *self.inner.db.read().await?)
            .await?;
        if let Some(r) = row {
            return Ok(Some(Stock {
                product_id: product_id.to_string(),
                tracked: true,
                available: r.try_get("available")?,
                reserved: r.try_get("reserved")?,
            }));
        }
        Ok(self.inner.catalog.get(None, product_id).map(|p| Stock {
            product_id: product_id.to_string(),
            tracked: p.quantity.is_some(),
            available: p.quantity.map_or(0, i64::from),
            reserved: 0,
        }))
    }

    /// Set the units that can still be sold (reservations held by pending
    /// orders are kept apart).
    pub async fn set_stock(&self, product_id: &str, available: i64) -> Result<Stock, OrderError> {
        if available < 0 {
            return Err(OrderError::Invalid("stock cannot be negative".into()));
        }
        sqlx::query(
            "INSERT INTO inventory (product_id, available, reserved, updated_at) VALUES ($1, $2, 0, $3) \
             ON CONFLICT (product_id) DO UPDATE SET available = excluded.available, updated_at = excluded.updated_at",
        )
        .bind(product_id)
        .bind(available)
        .bind(now_ms())
        .execute(&mut *self.inner.db.writer.acquire().await?)
        .await?;
        self.sync_catalog_stock(vec![product_id.to_string()]).await;
        self.stock(product_id)
            .await?
            .ok_or_else(|| OrderError::NotFound(product_id.to_string()))
    }

    /// Tell the customer a payment attempt failed (the order stays
    /// pending, its stock reserved until it lapses): a
    /// `store.order.status.update` with `to = "payment_failed"` (a notice,
    /// not a status), once per provider event.
    pub async fn announce_payment_failed(
        &self,
        order: &Order,
        provider_event: &str,
        actor: &str,
        reason: Option<String>,
    ) -> Result<(), OrderError> {
        self.publish(
            &format!("{}/payment-failed/{provider_event}", order.id),
            order,
            &OrderStatusUpdate {
                order: order.info(),
                from: Some(order.status.as_str().to_string()),
                to: PAYMENT_FAILED.to_string(),
                actor: actor.to_string(),
                reason,
            },
        )
        .await
    }

    async fn publish<P: Payload>(
        &self,
        id: &str,
        order: &Order,
        payload: &P,
    ) -> Result<(), OrderError> {
        let ctx = Context {
            source: SOURCE,
            subject: Some(&order.conversation_id),
            brand: Some(&order.brand),
            traceparent: None,
        };
        let event = events::build_with_id(id, &ctx, payload)
            .map_err(|e| OrderError::Publish(e.to_string()))?;
        self.inner
            .bus
            .publish(event)
            .await
            .map_err(|e| OrderError::Publish(e.to_string()))
    }
}

/// The products whose stock an order holds (or held).
fn reserved_products(order: &Order) -> Vec<String> {
    order
        .lines
        .iter()
        .filter(|l| l.reserved > 0)
        .map(|l| l.product_id.clone())
        .collect()
}

/// A cart line priced for an order, with the catalog's stock count (a
/// product the catalog counts gets an inventory row on its first order).
struct Priced {
    line: OrderLine,
    catalog_quantity: Option<u32>,
}

/// Where an order's messages go and in which language.
struct OrderCustomer {
    phone_number_id: String,
    customer_wa_id: String,
    language: String,
}

/// An order about to be written: its id, time and amounts.
struct NewOrder {
    id: String,
    now: i64,
    customer: OrderCustomer,
    subtotal: Money,
    shipping: Money,
    total: Money,
}

/// One order line: its stock reserved when the inventory has it (an
/// untracked product is ordered unreserved; a tracked one short of stock
/// refuses the order), the line written and taken out of the cart.
async fn write_line(
    tx: &mut agent_store_db::WriteTx,
    order: &NewOrder,
    conversation_id: &str,
    n: usize,
    p: &mut Priced,
) -> Result<(), OrderError> {
    let now = order.now;
    let line = &mut p.line;
    let qty = i64::from(line.quantity);
    if let Some(q) = p.catalog_quantity {
        sqlx::query(
            "INSERT INTO inventory (product_id, available, reserved, updated_at) VALUES ($1, $2, 0, $3) \
             ON CONFLICT (product_id) DO NOTHING",
        )
        .bind(&line.product_id)
        .bind(i64::from(q))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    let taken = sqlx::query(
        "UPDATE inventory SET available = available - $2, reserved = reserved + $2, updated_at = $3 \
         WHERE product_id = $1 AND available >= $2",
    )
    .bind(&line.product_id)
    .bind(qty)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    if taken.rows_affected() == 1 {
        line.reserved = line.quantity;
    } else {
        let tracked = sqlx::query("SELECT available FROM inventory WHERE product_id = $1")
            .bind(&line.product_id)
            .fetch_optional(&mut **tx)
            .await?
            .is_some();
        if tracked {
            return Err(OrderError::OutOfStock {
                product: line.product_id.clone(),
                requested: line.quantity,
            });
        }
    }
    sqlx::query(
        "INSERT INTO order_lines (order_id, line_no, product_id, title, quantity, unit_price_minor, reserved) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&order.id)
    .bind(i64::try_from(n).unwrap_or(i64::MAX))
    .bind(&line.product_id)
    .bind(&line.title)
    .bind(qty)
    .bind(line.unit_price.minor_units)
    .bind(i64::from(line.reserved))
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM cart_lines WHERE conversation_id = $1 AND product_id = $2")
        .bind(conversation_id)
        .bind(&line.product_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn record_history(
    tx: &mut agent_store_db::WriteTx,
    order_id: &str,
    from: Option<Status>,
    to: Status,
    actor: &str,
    note: Option<&str>,
    now: i64,
) -> Result<(), OrderError> {
    let seq: i64 =
        sqlx::query("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM order_events WHERE order_id = $1")
            .bind(order_id)
            .fetch_one(&mut **tx)
            .await?
            .try_get("n")?;
    sqlx::query(
        "INSERT INTO order_events (order_id, seq, from_status, to_status, actor, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(order_id)
    .bind(seq)
    .bind(from.map(|s| s.as_str().to_string()))
    .bind(to.as_str())
    .bind(actor)
    .bind(note.map(str::to_string))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The language an order is written in: the conversation's, else the one
/// its seller has been answering in (the SDK's sellers keep it in the
/// conversation state as `lang`: a customer who only tapped buttons has no
/// detected language but was served in one), else English, the sellers'
/// default. Never empty: confirmations and reminders are phrased with it.
async fn order_language(
    pool: &sqlx::AnyPool,
    conversation_id: &str,
    conversation: String,
) -> Result<String, OrderError> {
    if !conversation.is_empty() {
        return Ok(conversation);
    }
    // Plugins' keys are stored as `<plugin>:lang`: the conversation's own
    // seller's first, else any seller's.
    let brand: Option<String> = sqlx::query("SELECT brand FROM conversations WHERE id = $1")
        .bind(conversation_id)
        .fetch_optional(pool)
        .await?
        .map(|r| r.try_get::<Option<String>, _>("brand"))
        .transpose()?
        .flatten();
    let rows = sqlx::query(
        "SELECT key, value FROM conversation_state WHERE conversation_id = $1 AND (key = 'lang' OR key LIKE '%:lang') ORDER BY key",
    )
    .bind(conversation_id)
    .fetch_all(pool)
    .await?;
    let mut langs: Vec<(String, String)> = Vec::new();
    for r in rows {
        langs.push((r.try_get("key")?, r.try_get("value")?));
    }
    let own = brand.map(|b| format!("seller-{b}:lang"));
    let seller = langs
        .iter()
        .find(|(k, _)| Some(k) == own.as_ref())
        .or_else(|| langs.first())
        .map(|(_, v)| v.clone());
    Ok(match seller.as_deref() {
        Some(l @ ("en" | "pt" | "es")) => l.to_string(),
        _ => "en".to_string(),
    })
}
