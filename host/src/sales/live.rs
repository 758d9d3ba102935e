//! Live console notices on a multi-host deployment.
//!
//! A rep's console streams notices from the host it is connected to, but
//! the event behind a notice (an escalation stored, a message passing, a
//! rep accepting) is handled by one host of the deployment. A broadcast
//! subscription gives every host every such event, and each host turns it
//! into the notice for its own consoles. An escalation's notice waits (a
//! few seconds at most) until the host that stores it has done so, and is
//! given only when this event opened it (a second escalation of an open
//! conversation raises the open one's priority, as on one host).

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};

use super::{Notice, Sales, escalation_id};
use crate::bus::{BusError, Handler, HandlerError};
use crate::events::{self, EventType, SalesEscalationAccepted, SalesEscalationResolved};

/// The broadcast subscription's name.
pub const SUBSCRIPTION: &str = "sales-live";
/// How long an escalation's notice waits for the escalation to be stored.
const STORED_WITHIN: Duration = Duration::from_secs(10);

pub(super) async fn start(sales: &Sales) -> Result<(), BusError> {
    sales
        .inner
        .shared_live
        .store(true, std::sync::atomic::Ordering::Relaxed);
    sales
        .inner
        .deps
        .bus
        .subscribe_broadcast(
            SUBSCRIPTION,
            &[
                EventType::SalesEscalate,
                EventType::SalesEscalationAccepted,
                EventType::SalesEscalationResolved,
                EventType::WhatsAppMessageReceived,
                EventType::WhatsAppMessageSend,
            ],
            Arc::new(Live(sales.clone())),
        )
        .await
}

struct Live(Sales);

#[async_trait]
impl Handler for Live {
    async fn handle(&self, event: Event) -> Result<(), HandlerError> {
        let sales = &self.0;
        match EventType::parse(event.ty()) {
            Some(EventType::SalesEscalate) => {
                // Stored by one host of the `sales` group, maybe not yet.
                let id = escalation_id(event.id());
                let sales = sales.clone();
                tokio::spawn(async move {
                    let deadline = Instant::now() + STORED_WITHIN;
                    loop {
                        match sales.escalations().get(&id).await {
                            Ok(Some(stored)) => {
                                sales.notify(Notice {
                                    kind: "escalation".into(),
                                    conversation_id: stored.conversation_id.clone(),
                                    brand: stored.brand.clone(),
                                    escalation_id: Some(stored.id.clone()),
                                    priority: Some(stored.priority.clone()),
                                });
                                return;
                            }
                            Ok(None) if Instant::now() < deadline => {
                                tokio::time::sleep(Duration::from_millis(100)).await;
                            }
                            // Merged into an open escalation, or storage
                            // failed: no new escalation to announce.
                            _ => return,
                        }
                    }
                });
            }
            Some(EventType::SalesEscalationAccepted) => {
                let e: SalesEscalationAccepted = events::payload(&event)?;
                sales.notify(
                    decision(
                        "accepted",
                        &e.escalation_id,
                        e.conversation_id,
                        e.brand,
                        sales,
                    )
                    .await,
                );
            }
            Some(EventType::SalesEscalationResolved) => {
                let e: SalesEscalationResolved = events::payload(&event)?;
                sales.notify(
                    decision(
                        "resolved",
                        &e.escalation_id,
                        e.conversation_id,
                        e.brand,
                        sales,
                    )
                    .await,
                );
            }
            Some(EventType::WhatsAppMessageReceived | EventType::WhatsAppMessageSend) => {
                if let Some(notice) = sales.message_notice(&event).await {
                    sales.notify(notice);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The notice of a rep's decision on an escalation.
async fn decision(
    kind: &str,
    escalation_id: &str,
    conversation_id: String,
    brand: Option<String>,
    sales: &Sales,
) -> Notice {
    let priority = sales
        .escalations()
        .get(escalation_id)
        .await
        .ok()
        .flatten()
        .map(|e| e.priority);
    Notice {
        kind: kind.into(),
        conversation_id,
        brand,
        escalation_id: Some(escalation_id.to_string()),
        priority,
    }
}
