//! Meta catalog-feed (CSV) parsing and validation.
//!
//! Every data row becomes either a [`Product`] or a [`RejectedRow`] with its
//! line number and the reasons; one bad row never aborts the import. Only
//! file-level problems (unreadable input, missing required columns) do.
//! The caller logs the rejected rows (the host one line each).

use std::collections::HashMap;
use std::io::Read;

use serde::{Deserialize, Serialize};

use crate::columns;
use crate::product::{Availability, Product};
use agent_store_lang::money::Money;

/// A feed row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    /// 1-based line of the file where the row starts (the header is line 1).
    pub line: u64,
    pub id: Option<String>,
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub imported: usize,
    pub rejected: Vec<RejectedRow>,
}

/// A file-level feed problem.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("reading the feed: {0}")]
    Csv(#[from] csv::Error),
    #[error("the feed has no header row")]
    NoHeader,
    #[error("the feed lacks the required column(s): {0}")]
    MissingColumns(String),
}

/// A parsed feed: valid products (in file order) and rejected rows.
#[derive(Debug, Default)]
pub struct ParsedFeed {
    pub products: Vec<Product>,
    pub rejected: Vec<RejectedRow>,
}

const MAX_ID_LEN: usize = 100;
const MAX_TITLE_LEN: usize = 500;

/// Parse and validate a whole feed.
pub fn parse_feed<R: Read>(mut reader: R) -> Result<ParsedFeed, FeedError> {
    // The csv crate reports the line of a record after a CRLF one off by
    // one, so CRLF line ends are normalised first (feeds fit in memory).
    let mut raw = Vec::new();
    reader
        .read_to_end(&mut raw)
        .map_err(|e| FeedError::Csv(csv::Error::from(e)))?;
    let mut bytes = Vec::with_capacity(raw.len());
    let mut it = raw.iter().peekable();
    while let Some(&b) = it.next() {
        if b == b'\r' && it.peek() == Some(&&b'\n') {
            continue;
        }
        bytes.push(b);
    }
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes.as_slice());
    let headers = rdr.byte_headers()?.clone();
    if headers.is_empty() || headers.iter().all(|h| h.is_empty()) {
        return Err(FeedError::NoHeader);
    }
    let columns: Vec<String> = headers
        .iter()
        .map(|h| columns::canonical(&String::from_utf8_lossy(h)))
        .collect();
    let missing: Vec<&str> = columns::REQUIRED
        .into_iter()
        .filter(|c| !columns.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(FeedError::MissingColumns(missing.join(", ")));
    }
    let mut parsed = ParsedFeed::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let more = rdr.read_byte_record(&mut record)?;
        if !more {
            break;
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|f| f.is_empty()) {
            continue; // blank line
        }
        match parse_row(&columns, &record) {
            Ok(product) => {
                if let Some(first) = seen.get(&product.id) {
                    parsed.rejected.push(RejectedRow {
                        line,
                        id: Some(product.id.clone()),
                        reason: format!("duplicate id {} (already on line {first})", product.id),
                    });
                } else {
                    seen.insert(product.id.clone(), line);
                    parsed.products.push(product);
                }
            }
            Err((id, reasons)) => parsed.rejected.push(RejectedRow {
                line,
                id,
                reason: reasons.join("; "),
            }),
        }
    }
    Ok(parsed)
}

type RowError = (Option<String>, Vec<String>);

/// Read one data row: every field checked, every problem collected (a
/// row is rejected with all its reasons at once, not the first one).
fn parse_row(columns: &[String], record: &csv::ByteRecord) -> Result<Product, RowError> {
    let mut row = Row::read(columns, record);
    let id = row.id();
    let title = row.title();
    let brand = row.required("brand");
    let price = row.price();
    let sale_price = row.sale_price(price.as_ref());
    let availability = row.availability();
    let quantity = row.quantity();
    row.check_urls();
    let gender = row.gender();
    let category = row.category();
    match (row.problems.is_empty(), price, availability) {
        (true, Some(price), Some(availability)) => Ok(Product {
            id,
            title,
            description: row.get("description").to_string(),
            brand,
            category,
            price,
            sale_price,
            availability,
            quantity,
            image_url: row.opt("image_link"),
            link: row.opt("link"),
            color: row.opt("color").map(|c| c.to_lowercase()),
            size: row.opt("size"),
            gender,
            attributes: row.extra,
        }),
        _ => Err((Some(id).filter(|v| !v.is_empty()), row.problems)),
    }
}

/// One row's fields by column, the columns the model does not know (kept
/// as attributes), and the problems found so far.
struct Row<'c> {
    fields: HashMap<&'c str, String>,
    extra: Vec<(String, String)>,
    problems: Vec<String>,
}

impl<'c> Row<'c> {
    fn read(columns: &'c [String], record: &csv::ByteRecord) -> Self {
        let mut row = Row {
            fields: HashMap::new(),
            extra: Vec::new(),
            problems: Vec::new(),
        };
        if record.len() != columns.len() {
            row.problem(format!(
                "expected {} fields, found {}",
                columns.len(),
                record.len()
            ));
        }
        for (col, raw) in columns.iter().zip(record.iter()) {
            let Ok(value) = std::str::from_utf8(raw) else {
                row.problem(format!("column {col} is not valid UTF-8"));
                continue;
            };
            let value = value.trim().to_string();
            if columns::is_model(col) {
                row.fields.insert(col.as_str(), value);
            } else if !value.is_empty() && !col.is_empty() {
                row.extra.push((col.clone(), value));
            }
        }
        row
    }

    fn problem(&mut self, text: String) {
        self.problems.push(text);
    }

    fn get(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    fn opt(&self, name: &str) -> Option<String> {
        Some(self.get(name).to_string()).filter(|v| !v.is_empty())
    }

    /// A column the row cannot do without ("missing <name>" when empty).
    fn required(&mut self, name: &str) -> String {
        let value = self.get(name).to_string();
        if value.is_empty() {
            self.problem(format!("missing {name}"));
        }
        value
    }

    fn id(&mut self) -> String {
        let id = self.required("id");
        if id.len() > MAX_ID_LEN {
            self.problem(format!("id longer than {MAX_ID_LEN} characters"));
        } else if id.chars().any(char::is_control) {
            self.problem("id contains control characters".to_string());
        }
        id
    }

    fn title(&mut self) -> String {
        let title = self.required("title");
        if title.chars().count() > MAX_TITLE_LEN {
            self.problem(format!("title longer than {MAX_TITLE_LEN} characters"));
        }
        title
    }

    fn price(&mut self) -> Option<Money> {
        let raw = self.required("price");
        if raw.is_empty() {
            return None;
        }
        match Money::parse(&raw) {
            Ok(m) if m.minor_units <= 0 => {
                self.problem(format!("price {raw:?} must be greater than zero"));
                None
            }
            Ok(m) => Some(m),
            Err(e) => {
                self.problem(format!("unparsable price {raw:?}: {e}"));
                None
            }
        }
    }

    /// The sale price, kept when it parses; it must be in the price's
    /// currency and below it.
    fn sale_price(&mut self, price: Option<&Money>) -> Option<Money> {
        let raw = self.opt("sale_price")?;
        let sale = match Money::parse(&raw) {
            Ok(sale) => sale,
            Err(e) => {
                self.problem(format!("unparsable sale_price {raw:?}: {e}"));
                return None;
            }
        };
        if let Some(price) = price {
            if sale.currency != price.currency {
                self.problem(format!(
                    "sale_price currency {} differs from price currency {}",
                    sale.currency, price.currency
                ));
            } else if sale.minor_units <= 0 {
                self.problem(format!("sale_price {raw:?} must be greater than zero"));
            } else if sale.minor_units >= price.minor_units {
                self.problem(format!("sale_price {sale} is not below price {price}"));
            }
        }
        Some(sale)
    }

    fn availability(&mut self) -> Option<Availability> {
        let raw = self.required("availability");
        if raw.is_empty() {
            return None;
        }
        let a = Availability::parse(&raw);
        if a.is_none() {
            self.problem(format!("unknown availability {raw:?}"));
        }
        a
    }

    fn quantity(&mut self) -> Option<u32> {
        let raw = self.opt("quantity")?;
        let problem = match raw.parse::<i64>() {
            Ok(q) if q < 0 => format!("negative quantity {q}"),
            Ok(q) => match u32::try_from(q) {
                Ok(q) => return Some(q),
                Err(_) => format!("quantity {q} is too large"),
            },
            Err(_) => format!("invalid quantity {raw:?}"),
        };
        self.problem(problem);
        None
    }

    /// `link` and `image_link`, when given, are absolute http(s) URLs.
    fn check_urls(&mut self) {
        for col in ["link", "image_link"] {
            if let Some(v) = self.opt(col) {
                let ok = url::Url::parse(&v)
                    .map(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
                    .unwrap_or(false);
                if !ok {
                    self.problem(format!("invalid {col} URL {v:?}"));
                }
            }
        }
    }

    fn gender(&mut self) -> Option<String> {
        let gender = self.opt("gender").map(|g| normalize_gender(&g));
        if let Some(g) = &gender
            && !matches!(g.as_str(), "male" | "female" | "unisex")
        {
            self.problem(format!(
                "unknown gender {g:?} (expected male, female or unisex)"
            ));
        }
        gender
    }

    /// `product_type`, else the Google category (a numeric taxonomy id
    /// reads as its path).
    fn category(&self) -> String {
        let category = self.get("product_type");
        if !category.is_empty() {
            return category.to_string();
        }
        self.extra
            .iter()
            .find(|(k, _)| k == "google_product_category")
            .map(|(_, v)| crate::taxonomy::category_path(v).to_string())
            .unwrap_or_default()
    }
}

fn normalize_gender(g: &str) -> String {
    match g.trim().to_lowercase().as_str() {
        "men" | "man" | "mens" | "men's" | "m" => "male".to_string(),
        "women" | "woman" | "womens" | "women's" | "f" | "w" => "female".to_string(),
        "unisex" | "all" | "u" => "unisex".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,title,description,availability,condition,price,sale_price,link,image_link,brand,product_type,google_product_category,color,size,gender,material,quantity_to_sell_on_facebook,custom_label_0\n";

    fn feed(rows: &str) -> ParsedFeed {
        let text = format!("{HEADER}{rows}");
        match parse_feed(text.as_bytes()) {
            Ok(p) => p,
            Err(e) => panic!("feed failed: {e}"),
        }
    }

    #[test]
    fn catalog_feed_parses_a_good_row() {
        let p = feed(
            "A-1,Shoe - Black / 40,Nice shoe,in stock,new,89.90 USD,79.90 USD,https://x.example/p,https://x.example/i.jpg,fashion,Shoes > Sneakers,Apparel,Black,40,unisex,leather,5,casual|gift\n",
        );
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        let prod = &p.products[0];
        assert_eq!(prod.price, Money::new(8990, "USD"));
        assert_eq!(prod.effective_price(), &Money::new(7990, "USD"));
        assert_eq!(prod.color.as_deref(), Some("black"));
        assert_eq!(prod.quantity, Some(5));
        assert_eq!(prod.attribute("material"), Some("leather"));
        assert_eq!(prod.attribute("condition"), Some("new"));
        assert_eq!(prod.tags(), vec!["casual", "gift"]);
        assert_eq!(prod.model_name(), "Shoe");
    }

    #[test]
    fn catalog_feed_rejects_bad_rows_with_reasons() {
        let p = feed(concat!(
            ",No id,d,in stock,new,10.00 USD,,,,b,T,,,,,,1,\n",
            "B-1,,d,in stock,new,10.00 USD,,,,b,T,,,,,,1,\n",
            "B-2,No price,d,in stock,new,,,,,b,T,,,,,,1,\n",
            "B-3,Bad price,d,in stock,new,ten USD,,,,b,T,,,,,,1,\n",
            "B-4,Bad avail,d,maybe,new,10.00 USD,,,,b,T,,,,,,1,\n",
            "B-5,Sale too high,d,in stock,new,10.00 USD,12.00 USD,,,b,T,,,,,,1,\n",
            "B-6,Neg qty,d,in stock,new,10.00 USD,,,,b,T,,,,,,-3,\n",
            "B-7,Ok,d,in stock,new,10.00 USD,,,,b,T,,,,,,1,\n",
            "B-7,Dup,d,in stock,new,10.00 USD,,,,b,T,,,,,,1,\n",
            "B-8,Short row,d\n",
            "B-9,Bad link,d,in stock,new,10.00 USD,,ftp:/x,,b,T,,,,,,1,\n",
        ));
        assert_eq!(p.products.len(), 1);
        let reasons: Vec<(u64, Option<&str>, &str)> = p
            .rejected
            .iter()
            .map(|r| (r.line, r.id.as_deref(), r.reason.as_str()))
            .collect();
        assert_eq!(reasons[0], (2, None, "missing id"));
        assert_eq!(reasons[1], (3, Some("B-1"), "missing title"));
        assert_eq!(reasons[2], (4, Some("B-2"), "missing price"));
        assert!(
            reasons[3].2.starts_with("unparsable price"),
            "{:?}",
            reasons[3]
        );
        assert_eq!(reasons[4].2, "unknown availability \"maybe\"");
        assert_eq!(
            reasons[5].2,
            "sale_price 12.00 USD is not below price 10.00 USD"
        );
        assert_eq!(reasons[6].2, "negative quantity -3");
        assert_eq!(reasons[7].0, 10);
        assert!(
            reasons[7].2.starts_with("duplicate id B-7"),
            "{:?}",
            reasons[7]
        );
        assert!(
            reasons[8].2.starts_with("expected 18 fields, found 3"),
            "{:?}",
            reasons[8]
        );
        assert!(
            reasons[9].2.starts_with("invalid link URL"),
            "{:?}",
            reasons[9]
        );
    }

    #[test]
    fn catalog_feed_requires_columns() {
        let err = parse_feed("id,title\n1,x\n".as_bytes());
        assert!(matches!(err, Err(FeedError::MissingColumns(c)) if c == "price"));
    }
}
