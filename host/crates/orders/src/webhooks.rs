//! Webhooks that move orders (merged at the top level of the router):
//!
//! - `POST /webhooks/payments`: the checkout-link provider's signed events
//!   (`Stripe-Signature`); a paid `checkout.session.completed` confirms the
//!   order when its `amount_total` and `currency` equal the order's total
//!   (a paid session without them is refused, 400; a different amount is
//!   acknowledged as `amount_mismatch` and confirms nothing; a payment for a
//!   cancelled or expired order is acknowledged as `not_confirmable`: both
//!   are logged as errors for an operator to refund). Stale timestamps are
//!   refused (400), forged signatures too (400), and an event id seen
//!   before is acknowledged without effect.
//! - `POST /webhooks/shipping`: a carrier's update
//!   (`X-Carrier-Signature: sha256=<hex HMAC-SHA256 of the body>`):
//!   `{"order_id", "status": "shipped"|"delivered", "tracking_number", "carrier"}`.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::json;

use super::{Change, OrderError, Orders, Status};
use crate::payments::{WebhookEvent, signature};
use crate::shipping::{CarrierUpdate, SIGNATURE_HEADER};
use crate::web::ApiError;

/// The payment provider's and the carrier's webhooks, over `orders`.
pub fn routes<S>(orders: Orders) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    Router::new()
        .route("/webhooks/payments", post(payment))
        .route("/webhooks/shipping", post(shipping))
        .with_state(orders)
}

fn reply(status: StatusCode, body: serde_json::Value) -> Response {
    (status, Json(body)).into_response()
}

/// A failed payment: the customer is told (the order stays pending and
/// they may pay again); once per provider event.
async fn payment_failed(
    orders: &Orders,
    event_id: &str,
    order_id: &str,
    reason: Option<String>,
) -> Response {
    match orders
        .claim_payment_event(event_id, "checkout-link", Some(order_id))
        .await
    {
        Ok(true) => {}
        Ok(false) => return reply(StatusCode::OK, json!({ "status": "duplicate" })),
        Err(e) => return internal(e),
    }
    let order = match orders.get(order_id).await {
        Ok(o) => o,
        Err(OrderError::NotFound(_)) => {
            tracing::warn!(order = %order_id, "failed payment for an unknown order");
            return reply(
                StatusCode::OK,
                json!({ "status": "ignored", "error": "unknown order" }),
            );
        }
        Err(e) => return unclaim(orders, event_id, e).await,
    };
    if order.status != Status::Pending {
        tracing::info!(order = %order_id, status = %order.status.as_str(), "failed payment for an order that is not pending: nothing to tell");
        return reply(StatusCode::OK, json!({ "status": "ignored" }));
    }
    tracing::warn!(order = %order_id, event = %event_id, "payment failed: the customer is told");
    match orders
        .announce_payment_failed(&order, event_id, "payment:checkout-link", reason)
        .await
    {
        Ok(()) => reply(StatusCode::OK, json!({ "status": "payment_failed" })),
        Err(e) => unclaim(orders, event_id, e).await,
    }
}

async fn payment(State(orders): State<Orders>, headers: HeaderMap, body: Bytes) -> Response {
    let config = orders.payments_config();
    if config.webhook_secret.is_empty() {
        return ApiError::new(StatusCode::NOT_FOUND, "payment webhooks are not configured")
            .into_response();
    }
    let header = headers.get(signature::HEADER).and_then(|v| v.to_str().ok());
    if let Err(e) = signature::verify(
        config.webhook_secret.as_bytes(),
        &body,
        header,
        chrono::Utc::now().timestamp(),
        config.webhook_tolerance_secs,
    ) {
        tracing::warn!(error = %e, "payment webhook refused");
        return ApiError::new(StatusCode::BAD_REQUEST, e).into_response();
    }
    let event: WebhookEvent = match serde_json::from_slice(&body) {
        Ok(e) => e,
        Err(e) => {
            return ApiError::new(StatusCode::BAD_REQUEST, format!("not a payment event: {e}"))
                .into_response();
        }
    };
    if let Some((order_id, reason)) = event.failed_order() {
        return payment_failed(&orders, &event.id, &order_id, reason).await;
    }
    let Some(paid) = event.paid_order() else {
        return reply(
            StatusCode::OK,
            json!({ "status": "ignored", "type": event.kind }),
        );
    };
    // A payment that cannot be checked against the order confirms nothing.
    let (Some(amount), Some(currency)) = (paid.amount, paid.currency.clone()) else {
        tracing::warn!(event = %event.id, order = %paid.order_id, "paid session without amount_total or currency: not confirmed");
        return ApiError::new(StatusCode::BAD_REQUEST, "a paid checkout session needs amount_total and currency to be checked against the order: not confirmed").into_response();
    };
    let order_id = paid.order_id.clone();
    match orders
        .claim_payment_event(&event.id, "checkout-link", Some(&order_id))
        .await
    {
        Ok(true) => {}
        Ok(false) => {
            tracing::info!(event = %event.id, order = %order_id, "payment event already applied");
            return reply(StatusCode::OK, json!({ "status": "duplicate" }));
        }
        Err(e) => return internal(e),
    }
    let order = match orders.get(&order_id).await {
        Ok(o) => o,
        Err(OrderError::NotFound(_)) => {
            tracing::warn!(order = %order_id, "payment for an unknown order");
            return reply(
                StatusCode::OK,
                json!({ "status": "ignored", "error": "unknown order" }),
            );
        }
        Err(e) => return unclaim(&orders, &event.id, e).await,
    };
    if amount != order.total.minor_units || !currency.eq_ignore_ascii_case(&order.total.currency) {
        // Kept claimed: the provider's retry would say the same. An
        // operator refunds or settles the difference.
        tracing::error!(order = %order_id, paid = amount, %currency, total = order.total.minor_units, order_currency = %order.total.currency, "payment differs from the order total: not confirmed");
        return reply(
            StatusCode::OK,
            json!({ "status": "amount_mismatch", "error": format!(
                "paid {amount} {currency}, the order's total is {} {}: not confirmed",
                order.total.minor_units, order.total.currency
            ) }),
        );
    }
    let session = paid.session;
    let change = Change {
        actor: "payment:checkout-link".into(),
        payment_reference: Some(session).filter(|s| !s.is_empty()),
        ..Change::default()
    };
    match orders
        .transition(&order_id, Status::Confirmed, change)
        .await
    {
        Ok((order, changed)) => reply(
            StatusCode::OK,
            json!({ "status": order.status, "changed": changed }),
        ),
        Err(e @ OrderError::InvalidTransition { .. }) => {
            // Paid after cancellation/expiry: an operator must refund.
            tracing::error!(order = %order_id, error = %e, "payment for an order that cannot be confirmed");
            reply(
                StatusCode::OK,
                json!({ "status": "not_confirmable", "error": e.to_string() }),
            )
        }
        Err(e) => unclaim(&orders, &event.id, e).await,
    }
}

/// Processing failed after the event was claimed: forget it so the
/// provider's retry is applied.
async fn unclaim(orders: &Orders, event_id: &str, e: OrderError) -> Response {
    if let Err(e2) = orders.unclaim_payment_event(event_id).await {
        tracing::error!(error = %e2, "could not release a payment event claim");
    }
    internal(e)
}

fn internal(e: OrderError) -> Response {
    tracing::error!(error = %e, "webhook processing failed");
    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e).into_response()
}

async fn shipping(State(orders): State<Orders>, headers: HeaderMap, body: Bytes) -> Response {
    let secret = &orders.shipping_config().webhook_secret;
    if secret.is_empty() {
        return ApiError::new(StatusCode::NOT_FOUND, "carrier webhooks are not configured")
            .into_response();
    }
    let header = headers.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
    if let Err(e) = crate::whatsapp::signature::verify(secret.as_bytes(), &body, header) {
        tracing::warn!(error = %e, "carrier webhook refused");
        return ApiError::new(StatusCode::UNAUTHORIZED, e).into_response();
    }
    let update: CarrierUpdate = match serde_json::from_slice(&body) {
        Ok(u) => u,
        Err(e) => {
            return ApiError::new(
                StatusCode::BAD_REQUEST,
                format!("not a carrier update: {e}"),
            )
            .into_response();
        }
    };
    let result = match update.status.as_str() {
        "shipped" => {
            orders
                .ship(
                    &update.order_id,
                    update.tracking_number.as_deref().unwrap_or_default(),
                    update.carrier.as_deref().unwrap_or_default(),
                    "carrier",
                )
                .await
        }
        "delivered" => {
            orders
                .transition(&update.order_id, Status::Delivered, Change::by("carrier"))
                .await
        }
        other => {
            return ApiError::new(
                StatusCode::BAD_REQUEST,
                format!("unknown status {other:?} (shipped, delivered)"),
            )
            .into_response();
        }
    };
    match result {
        Ok((order, changed)) => reply(
            StatusCode::OK,
            json!({ "status": order.status, "changed": changed }),
        ),
        Err(OrderError::NotFound(id)) => {
            ApiError::new(StatusCode::NOT_FOUND, format!("no such order {id}")).into_response()
        }
        Err(e @ (OrderError::InvalidTransition { .. } | OrderError::Invalid(_))) => {
            ApiError::new(StatusCode::CONFLICT, e).into_response()
        }
        Err(e) => internal(e),
    }
}
