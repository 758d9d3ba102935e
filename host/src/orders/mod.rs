//! Carts: one per conversation, priced from the catalog at read time (a
//! plugin or an LLM never sets a price).

use sqlx::Row;

use crate::catalog::Catalog;
use crate::db::{Db, now_ms};
use crate::money::Money;

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
        if quantity == 0 || quantity > MAX_QUANTITY {
            return Err(CartError::Quantity);
        }
        if self.catalog.get(brand, product_id).is_none() {
            return Err(CartError::UnknownProduct(product_id.to_string()));
        }
        sqlx::query(
            "INSERT INTO cart_lines (conversation_id, product_id, quantity, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (conversation_id, product_id) DO UPDATE
             SET quantity = CASE WHEN cart_lines.quantity + excluded.quantity > 99 THEN 99 ELSE cart_lines.quantity + excluded.quantity END, updated_at = excluded.updated_at",
        )
        .bind(conversation_id)
        .bind(product_id)
        .bind(i64::from(quantity))
        .bind(now_ms())
        .execute(&self.db.pool)
        .await?;
        Ok(())
    }

    /// The cart priced from the catalog now.
    pub async fn get(&self, conversation_id: &str) -> Result<Cart, CartError> {
        let rows = sqlx::query(
            "SELECT product_id, quantity FROM cart_lines WHERE conversation_id = $1 ORDER BY updated_at, product_id",
        )
        .bind(conversation_id)
        .fetch_all(&self.db.pool)
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
