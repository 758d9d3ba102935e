//! Admin routes for orders, products and stock (nested under `/admin`,
//! behind its bearer token):
//!
//! | Route | What |
//! |---|---|
//! | `GET /orders?status=S&limit=N` | orders, newest first |
//! | `GET /orders/{id}` | one order with its history |
//! | `POST /orders/{id}/confirm` `{"reference"}` | payment received (manual provider) |
//! | `POST /orders/{id}/process` | being prepared |
//! | `POST /orders/{id}/ship` `{"tracking_number","carrier"}` | handed to the carrier |
//! | `POST /orders/{id}/deliver` | delivered |
//! | `POST /orders/{id}/cancel` `{"reason"}` | cancelled (stock released) |
//! | `POST /orders/{id}/refund` `{"reason"}` | refunded |
//! | `GET /products?q=&brand=&limit=` | products (search when `q` is given) |
//! | `GET /products/{id}` | one product with its stock |
//! | `PATCH /products/{id}` | update title, description, price, sale price, availability |
//! | `GET`/`PUT /products/{id}/stock` `{"available": N}` | stock level |
//!
//! A refused transition is a 409 naming both states. The optional
//! `X-Actor` header names who acted in the order's history (default `admin`).

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;

use super::{Change, OrderError, Orders, Status};
use crate::catalog::Catalog;
use crate::catalog::{Availability, Product, SearchQuery};
use crate::money::Money;
use crate::web::ApiError;

/// What the order and product admin routes reach (an axum substate).
#[derive(Clone)]
pub struct OrdersAdmin {
    pub orders: Orders,
    pub catalog: Catalog,
}

/// The routes, merged into `/admin`.
pub fn routes<S>(state: OrdersAdmin) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    Router::new()
        .route("/orders", get(list))
        .route("/orders/{id}", get(show))
        .route("/orders/{id}/{action}", post(act))
        .route("/products", get(products))
        .route("/products/{id}", get(product).patch(update_product))
        .route("/products/{id}/stock", get(stock).put(set_stock))
        .with_state(state)
}

fn error(status: StatusCode, message: impl std::fmt::Display) -> Response {
    ApiError::new(status, message).into_response()
}

fn order_error(e: OrderError) -> Response {
    let status = match &e {
        OrderError::NotFound(_) => StatusCode::NOT_FOUND,
        OrderError::InvalidTransition { .. } | OrderError::Conflict(_) => StatusCode::CONFLICT,
        OrderError::Invalid(_) => StatusCode::BAD_REQUEST,
        _ => {
            tracing::error!(error = %e, "admin order operation failed");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    };
    error(status, e)
}

fn orders(state: &OrdersAdmin) -> &Orders {
    &state.orders
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    status: Option<String>,
    limit: Option<u32>,
}

async fn list(State(state): State<OrdersAdmin>, Query(q): Query<ListQuery>) -> Response {
    let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => match Status::parse(s) {
            Some(s) => Some(s),
            None => return error(StatusCode::BAD_REQUEST, format!("unknown status {s:?}")),
        },
        None => None,
    };
    match orders(&state).list(status, q.limit.unwrap_or(100)).await {
        Ok(list) => Json(json!({ "orders": list })).into_response(),
        Err(e) => order_error(e),
    }
}

async fn show(State(state): State<OrdersAdmin>, Path(id): Path<String>) -> Response {
    let o = orders(&state);
    let order = match o.get(&id).await {
        Ok(order) => order,
        Err(e) => return order_error(e),
    };
    let history = o.history(&id).await.unwrap_or_default();
    Json(json!({ "order": order, "history": history })).into_response()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ActBody {
    reference: Option<String>,
    reason: Option<String>,
    tracking_number: Option<String>,
    carrier: Option<String>,
}

async fn act(
    State(state): State<OrdersAdmin>,
    Path((id, action)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body: ActBody = if body.iter().all(u8::is_ascii_whitespace) {
        ActBody::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(b) => b,
            Err(e) => return error(StatusCode::BAD_REQUEST, format!("invalid JSON body: {e}")),
        }
    };
    let actor = headers
        .get("x-actor")
        .and_then(|v| v.to_str().ok())
        .filter(|a| !a.is_empty() && a.len() <= 64)
        .unwrap_or("admin")
        .to_string();
    let o = orders(&state);
    let mut change = Change::by(&actor);
    change.reason = body.reason.clone();
    let result = match action.as_str() {
        "confirm" => {
            change.payment_reference = body.reference.clone();
            o.transition(&id, Status::Confirmed, change).await
        }
        "process" => o.transition(&id, Status::Processing, change).await,
        "ship" => {
            o.ship(
                &id,
                body.tracking_number.as_deref().unwrap_or_default(),
                body.carrier.as_deref().unwrap_or_default(),
                &actor,
            )
            .await
        }
        "deliver" => o.transition(&id, Status::Delivered, change).await,
        "cancel" => o.transition(&id, Status::Cancelled, change).await,
        "refund" => o.transition(&id, Status::Refunded, change).await,
        other => {
            return error(
                StatusCode::NOT_FOUND,
                format!(
                    "unknown action {other:?} (confirm, process, ship, deliver, cancel, refund)"
                ),
            );
        }
    };
    match result {
        Ok((order, changed)) => Json(json!({ "order": order, "changed": changed })).into_response(),
        Err(e) => order_error(e),
    }
}

#[derive(Debug, Deserialize)]
struct ProductsQuery {
    q: Option<String>,
    brand: Option<String>,
    limit: Option<u32>,
}

async fn products(State(state): State<OrdersAdmin>, Query(q): Query<ProductsQuery>) -> Response {
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let text = q.q.unwrap_or_default();
    let catalog = &state.catalog;
    let list: Vec<Product> = if text.trim().is_empty() {
        let all = match crate::catalog::store::load_products(orders(&state).db()).await {
            Ok(all) => all,
            Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e),
        };
        all.into_iter()
            .filter(|p| {
                q.brand
                    .as_deref()
                    .is_none_or(|b| p.brand.eq_ignore_ascii_case(b))
            })
            .take(limit as usize)
            .collect()
    } else {
        catalog
            .search(
                q.brand.as_deref(),
                &SearchQuery {
                    text,
                    limit,
                    ..Default::default()
                },
            )
            .into_iter()
            .map(|s| s.product)
            .collect()
    };
    Json(json!({ "products": list })).into_response()
}

async fn product(State(state): State<OrdersAdmin>, Path(id): Path<String>) -> Response {
    let Some(p) = state.catalog.get(None, &id) else {
        return error(StatusCode::NOT_FOUND, format!("no such product {id}"));
    };
    match orders(&state).stock(&id).await {
        Ok(stock) => Json(json!({ "product": p, "stock": stock })).into_response(),
        Err(e) => order_error(e),
    }
}

async fn stock(State(state): State<OrdersAdmin>, Path(id): Path<String>) -> Response {
    match orders(&state).stock(&id).await {
        Ok(Some(s)) => Json(json!({ "stock": s })).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, format!("no such product {id}")),
        Err(e) => order_error(e),
    }
}

#[derive(Debug, Deserialize)]
struct StockBody {
    available: i64,
}

async fn set_stock(
    State(state): State<OrdersAdmin>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    if state.catalog.get(None, &id).is_none() {
        return error(StatusCode::NOT_FOUND, format!("no such product {id}"));
    }
    let body: StockBody = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("expected {{\"available\": N}}: {e}"),
            );
        }
    };
    // The order service keeps the catalog (search's in-stock filter, the
    // sellers' view) in step.
    let stock = match orders(&state).set_stock(&id, body.available).await {
        Ok(s) => s,
        Err(e) => return order_error(e),
    };
    Json(json!({ "stock": stock, "product": state.catalog.get(None, &id) })).into_response()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ProductPatch {
    title: Option<String>,
    description: Option<String>,
    /// `"89.90 USD"`.
    price: Option<String>,
    /// `"79.90 USD"`, or `""` to end a sale.
    sale_price: Option<String>,
    availability: Option<String>,
}

async fn update_product(
    State(state): State<OrdersAdmin>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let Some(p) = state.catalog.get(None, &id) else {
        return error(StatusCode::NOT_FOUND, format!("no such product {id}"));
    };
    let patch: ProductPatch = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("invalid product patch: {e}"),
            );
        }
    };
    let mut updated = p.clone();
    if let Some(t) = patch.title {
        updated.title = t;
    }
    if let Some(d) = patch.description {
        updated.description = d;
    }
    if let Some(price) = patch.price {
        match Money::parse(&price) {
            Ok(m) => updated.price = m,
            Err(e) => return error(StatusCode::BAD_REQUEST, format!("price: {e}")),
        }
    }
    if let Some(sale) = patch.sale_price {
        if sale.trim().is_empty() {
            updated.sale_price = None;
        } else {
            match Money::parse(&sale) {
                Ok(m) => updated.sale_price = Some(m),
                Err(e) => return error(StatusCode::BAD_REQUEST, format!("sale_price: {e}")),
            }
        }
    }
    if let Some(a) = patch.availability {
        match Availability::parse(&a) {
            Some(a) => updated.availability = a,
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    format!("unknown availability {a:?}"),
                );
            }
        }
    }
    if let Err(e) = reimport(&state, &updated).await {
        return error(StatusCode::BAD_REQUEST, e);
    }
    Json(json!({ "product": state.catalog.get(None, &id) })).into_response()
}

/// Upsert one product through the feed importer (same validation, index
/// rebuilt).
async fn reimport(state: &OrdersAdmin, p: &Product) -> Result<(), String> {
    let csv = product_csv(p).map_err(|e| e.to_string())?;
    let report = state
        .catalog
        .import_csv(csv.as_slice())
        .await
        .map_err(|e| e.to_string())?;
    match report.rejected.first() {
        Some(r) => Err(r.reason.clone()),
        None => Ok(()),
    }
}

/// One product as a Meta catalog feed (the feed crate's writer).
pub use agent_store_catalog::feed::write::product_csv;
