//! Catalog persistence: the `catalog_products` table (see
//! `migrations/0002_catalog.sql`), written in the SQL dialect shared by
//! SQLite and PostgreSQL.

use sqlx::Row;

use super::feed::ImportReport;
use super::product::{Availability, Product};
use agent_store_db::{Db, now_ms};
use agent_store_lang::money::Money;

/// A database problem while reading or writing the catalog.
#[derive(Debug, thiserror::Error)]
pub enum CatalogStoreError {
    #[error("catalog database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("corrupt catalog row {id}: {reason}")]
    Corrupt { id: String, reason: String },
}

const UPSERT: &str = "INSERT INTO catalog_products (id, brand, title, description, category, \
    price_minor, currency, sale_price_minor, availability, quantity, image_url, link, color, \
    size, gender, attributes, updated_at) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
    ON CONFLICT (id) DO UPDATE SET brand = excluded.brand, title = excluded.title, \
    description = excluded.description, category = excluded.category, \
    price_minor = excluded.price_minor, currency = excluded.currency, \
    sale_price_minor = excluded.sale_price_minor, availability = excluded.availability, \
    quantity = excluded.quantity, image_url = excluded.image_url, link = excluded.link, \
    color = excluded.color, size = excluded.size, gender = excluded.gender, \
    attributes = excluded.attributes, updated_at = excluded.updated_at";

const SELECT_ALL: &str = "SELECT id, brand, title, description, category, price_minor, currency, \
    sale_price_minor, availability, quantity, image_url, link, color, size, gender, attributes \
    FROM catalog_products ORDER BY id";

/// Store new stock levels (quantity and availability) of some products.
pub async fn update_stock(db: &Db, products: &[&Product]) -> Result<(), CatalogStoreError> {
    let mut tx = db.pool.begin().await?;
    let now = now_ms();
    for p in products {
        sqlx::query(
            "UPDATE catalog_products SET quantity = $1, availability = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(p.quantity.map(i64::from))
        .bind(p.availability.as_str().to_string())
        .bind(now)
        .bind(&p.id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Upsert `products` by id and record the import, all in one transaction.
pub async fn upsert_products(
    db: &Db,
    products: &[Product],
    source: &str,
    report: &ImportReport,
) -> Result<(), CatalogStoreError> {
    let now = now_ms();
    let mut tx = db.pool.begin().await?;
    for p in products {
        let attributes =
            serde_json::to_string(&p.attributes).map_err(|e| CatalogStoreError::Corrupt {
                id: p.id.clone(),
                reason: e.to_string(),
            })?;
        sqlx::query(UPSERT)
            .bind(p.id.clone())
            .bind(p.brand.clone())
            .bind(p.title.clone())
            .bind(p.description.clone())
            .bind(p.category.clone())
            .bind(p.price.minor_units)
            .bind(p.price.currency.clone())
            .bind(p.sale_price.as_ref().map(|m| m.minor_units))
            .bind(p.availability.as_str().to_string())
            .bind(p.quantity.map(i64::from))
            .bind(p.image_url.clone())
            .bind(p.link.clone())
            .bind(p.color.clone())
            .bind(p.size.clone())
            .bind(p.gender.clone())
            .bind(attributes)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    let report_json = serde_json::to_string(report).unwrap_or_else(|_| "{}".to_string());
    sqlx::query(
        "INSERT INTO catalog_imports (id, source, imported, rejected, report, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(source.to_string())
    .bind(i64::try_from(report.imported).unwrap_or(i64::MAX))
    .bind(i64::try_from(report.rejected.len()).unwrap_or(i64::MAX))
    .bind(report_json)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every product, ordered by id.
pub async fn load_products(db: &Db) -> Result<Vec<Product>, CatalogStoreError> {
    let rows = sqlx::query(SELECT_ALL).fetch_all(&db.pool).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let id: String = row.try_get("id")?;
        let corrupt = |reason: String| CatalogStoreError::Corrupt {
            id: id.clone(),
            reason,
        };
        let currency: String = row.try_get("currency")?;
        let availability_raw: String = row.try_get("availability")?;
        let availability = Availability::parse(&availability_raw)
            .ok_or_else(|| corrupt(format!("availability {availability_raw:?}")))?;
        let quantity: Option<i64> = row.try_get("quantity")?;
        let quantity = quantity
            .map(u32::try_from)
            .transpose()
            .map_err(|e| corrupt(format!("quantity: {e}")))?;
        let attributes_raw: String = row.try_get("attributes")?;
        let attributes: Vec<(String, String)> = serde_json::from_str(&attributes_raw)
            .map_err(|e| corrupt(format!("attributes: {e}")))?;
        let sale_minor: Option<i64> = row.try_get("sale_price_minor")?;
        out.push(Product {
            title: row.try_get("title")?,
            description: row.try_get("description")?,
            brand: row.try_get("brand")?,
            category: row.try_get("category")?,
            price: Money::new(row.try_get::<i64, _>("price_minor")?, currency.clone()),
            sale_price: sale_minor.map(|m| Money::new(m, currency.clone())),
            availability,
            quantity,
            image_url: row.try_get("image_url")?,
            link: row.try_get("link")?,
            color: row.try_get("color")?,
            size: row.try_get("size")?,
            gender: row.try_get("gender")?,
            attributes,
            id,
        });
    }
    Ok(out)
}
