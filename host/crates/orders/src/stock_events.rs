//! `store.catalog.stock.changed`: how every host's live catalog follows the
//! stock levels orders change on any host.
//!
//! The host that changed a level (an order, a cancellation, an expiry, an
//! operator) publishes the new levels after its transaction committed; every
//! host (a broadcast subscription, not a consumer group) re-reads the named
//! products' levels from the shared inventory table and swaps them into its
//! live catalog. Re-reading makes the order of events from different hosts
//! irrelevant: the last one applied reads the latest level. A host that
//! missed events (down, disconnected) catches up at start and with the
//! periodic re-sync ([`spawn_resync`]).

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use cloudevents::Event;

use super::Orders;
use crate::bus::{Bus, Handler, HandlerError};
use crate::events::{self, CatalogStockChanged, Context, EventType, StockLevel};

/// The broadcast subscription's name.
pub const SUBSCRIPTION: &str = "catalog-stock";

/// Publish the levels (errors are logged: the periodic re-sync heals them).
pub(crate) async fn publish(bus: &Arc<dyn Bus>, levels: &[(String, i64)]) {
    let payload = CatalogStockChanged {
        levels: levels
            .iter()
            .map(|(id, n)| StockLevel {
                product_id: id.clone(),
                available: *n,
            })
            .collect(),
    };
    let ctx = Context {
        source: "/agent-store/orders",
        subject: None,
        brand: None,
        traceparent: None,
    };
    let published = match events::build(&ctx, &payload) {
        Ok(event) => bus.publish(event).await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    if let Err(error) = published {
        tracing::warn!(%error, products = levels.len(), "stock change not broadcast (the periodic re-sync catches up)");
    }
}

/// Applies other hosts' stock changes to this host's live catalog.
struct Apply(Orders);

#[async_trait]
impl Handler for Apply {
    async fn handle(&self, event: Event) -> Result<(), HandlerError> {
        let changed: CatalogStockChanged = events::payload(&event)?;
        let ids: Vec<String> = changed.levels.into_iter().map(|l| l.product_id).collect();
        let applied = self.0.apply_catalog_stock(&ids).await;
        tracing::debug!(products = applied.len(), "stock change applied");
        Ok(())
    }
}

/// On a multi-host bus: publish every stock change and apply every host's.
pub async fn start(orders: &Orders, bus: &Arc<dyn Bus>) -> Result<(), crate::bus::BusError> {
    orders.broadcast_stock_changes(true);
    bus.subscribe_broadcast(
        SUBSCRIPTION,
        &[EventType::CatalogStockChanged],
        Arc::new(Apply(orders.clone())),
    )
    .await
}

/// Re-read every tracked level every `every` (a host that missed
/// broadcasts while disconnected catches up).
pub fn spawn_resync(orders: &Orders, every: Duration) -> tokio::task::JoinHandle<()> {
    let orders = orders.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.tick().await;
        loop {
            tick.tick().await;
            if let Err(e) = orders.sync_all_catalog_stock().await {
                tracing::warn!(error = %e, "periodic stock re-sync failed");
            }
        }
    })
}
