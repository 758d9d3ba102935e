//! The commerce tools the gateway offers the model, run against the real
//! catalog and cart with the calling plugin's grants.
//!
//! Read tools (`search_products`, `get_product`, `recommend`) answer from
//! the catalog in the plugin's brand scope. Effect tools (`add_to_cart`,
//! `create_order`, `escalate`, `hand_off`) are validated here and returned
//! as [`Effect`]s: the plugin receives them in the chat response's
//! `tools-used` list (`name {json}`) and turns them into actions, which the
//! host checks again and carries out. Nothing is changed behind the
//! plugin's back.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::ToolSpec;
use super::grounding::Context;
use crate::catalog::{Catalog, Product, RecommendationKind, SearchQuery};
use crate::chat::{EscalationReason, Priority};
use crate::orders::Carts;

/// What the tools may reach for one plugin call.
#[derive(Clone)]
pub struct ToolEnv {
    pub catalog: Catalog,
    pub carts: Option<Carts>,
    pub conversation_id: Option<String>,
    /// The calling plugin's brand.
    pub brand: Option<String>,
    /// `None` = no catalog grant; `Some(None)` = every brand;
    /// `Some(Some(b))` = brand `b` only.
    pub catalog_scope: Option<Option<String>>,
    pub orders: bool,
    pub escalate: bool,
    pub hand_off: bool,
    /// The product ids the seller last offered, in the order shown, so a
    /// tool may take `item: 2` ("the second one") and the host resolves it.
    pub offered: Vec<String>,
    /// The calling turn's record: the model's searches and recommendation
    /// calls are published as product events like the plugin's own, and
    /// what it saw grounds the plugin's texts.
    pub seen: crate::llm::seen::TurnLog,
}

/// A side effect the model asked for, handed to the plugin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "tool", rename_all = "snake_case")]
pub enum Effect {
    AddToCart {
        product_id: String,
        quantity: u32,
    },
    CreateOrder {
        #[serde(default)]
        note: Option<String>,
    },
    Escalate {
        reason: EscalationReason,
        priority: Priority,
        summary: String,
    },
    HandOff {
        brand: String,
        reason: String,
    },
}

impl Effect {
    pub fn name(&self) -> &'static str {
        match self {
            Effect::AddToCart { .. } => "add_to_cart",
            Effect::CreateOrder { .. } => "create_order",
            Effect::Escalate { .. } => "escalate",
            Effect::HandOff { .. } => "hand_off",
        }
    }

    /// The `tools-used` entry: `name {"...": ...}`.
    pub fn to_entry(&self) -> String {
        let mut v = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            m.remove("tool");
        }
        format!("{} {}", self.name(), v)
    }
}

/// Why a tool call failed: malformed arguments (the model gets one more
/// chance) or a refusal (a normal tool answer).
#[derive(Debug, Clone, PartialEq)]
pub enum ToolError {
    Malformed(String),
    Refused(String),
}

/// The result of running one tool.
pub struct Ran {
    /// JSON text for the model.
    pub output: String,
    pub effect: Option<Effect>,
}

const MAX_LIST: usize = 5;

impl ToolEnv {
    /// The tools this plugin's grants allow.
    pub fn specs(&self) -> Vec<ToolSpec> {
        let mut v = Vec::new();
        if self.catalog_scope.is_some() {
            v.push(ToolSpec {
                name: "search_products",
                description: "Search the store's catalog. Returns products with their current prices.",
                parameters: json!({"type": "object", "properties": {
                    "query": {"type": "string", "description": "What the customer is looking for, in any language"},
                    "max_price": {"type": "number", "description": "Highest price in major units (e.g. 100.00)"},
                    "min_price": {"type": "number"},
                    "color": {"type": "string"},
                    "size": {"type": "string"},
                    "limit": {"type": "integer", "minimum": 1, "maximum": 5}
                }, "required": ["query"]}),
            });
            v.push(ToolSpec {
                name: "get_product",
                description: "One product by id, with its current price and stock.",
                parameters: json!({"type": "object", "properties": {
                    "product_id": {"type": "string"}}, "required": ["product_id"]}),
            });
            v.push(ToolSpec {
                name: "recommend",
                description: "Products to suggest with a product: cross_sell (goes with it), upsell (better), alternative (similar).",
                parameters: json!({"type": "object", "properties": {
                    "product_id": {"type": "string"},
                    "kind": {"type": "string", "enum": ["cross_sell", "upsell", "alternative"]}
                }, "required": ["product_id", "kind"]}),
            });
        }
        if self.orders && self.catalog_scope.is_some() {
            v.push(ToolSpec {
                name: "add_to_cart",
                description: "Put a product into the customer's cart (only when the customer asked for it).",
                parameters: json!({"type": "object", "properties": {
                    "product_id": {"type": "string"},
                    "item": {"type": "integer", "minimum": 1, "description": "Instead of product_id: the product's position in the list last shown to the customer (1 = first)"},
                    "quantity": {"type": "integer", "minimum": 1, "maximum": 99}
                }}),
            });
            v.push(ToolSpec {
                name: "create_order",
                description: "Turn the cart into an order (only after the customer confirmed).",
                parameters: json!({"type": "object", "properties": {
                    "note": {"type": "string"}}}),
            });
        }
        if self.escalate {
            v.push(ToolSpec {
                name: "escalate",
                description: "Hand the conversation to a human sales rep (customer request, complaint, payment problem, anger).",
                parameters: json!({"type": "object", "properties": {
                    "reason": {"type": "string", "enum": ["customer_request", "complaint", "high_value_cart",
                        "complex_question", "technical_issue", "payment_issue", "negative_sentiment", "other"]},
                    "priority": {"type": "string", "enum": ["low", "medium", "high", "urgent"]},
                    "summary": {"type": "string"}
                }, "required": ["reason", "summary"]}),
            });
        }
        if self.hand_off {
            v.push(ToolSpec {
                name: "hand_off",
                description: "Pass the customer to another brand's seller when they ask for that brand's products.",
                parameters: json!({"type": "object", "properties": {
                    "brand": {"type": "string", "description": "fashion, tech, home, beauty or gaming"},
                    "reason": {"type": "string"}
                }, "required": ["brand"]}),
            });
        }
        v
    }

    fn scope(&self) -> Result<Option<&str>, ToolError> {
        match &self.catalog_scope {
            None => Err(ToolError::Refused("the catalog is not granted".into())),
            Some(s) => Ok(s.as_deref()),
        }
    }

    fn product(&self, id: &str) -> Result<Product, ToolError> {
        self.catalog
            .get(self.scope()?, id)
            .ok_or_else(|| ToolError::Refused(format!("no product {id} in this store")))
    }

    /// The product a tool call names: `item` (a position in the list last
    /// shown, resolved here so the model cannot pick the wrong product) or
    /// `product_id`.
    fn product_ref(&self, args: &Value) -> Result<String, ToolError> {
        match args.get("item") {
            None | Some(Value::Null) => str_arg(args, "product_id"),
            Some(v) => {
                let n = v
                    .as_u64()
                    .ok_or_else(|| ToolError::Malformed("item must be a position from 1".into()))?;
                usize::try_from(n)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| self.offered.get(i))
                    .cloned()
                    .ok_or_else(|| {
                        ToolError::Refused(format!(
                            "there is no item {n}: the customer was shown {} product(s)",
                            self.offered.len()
                        ))
                    })
            }
        }
    }

    /// Run one tool; products the model sees join the grounding context.
    /// `pending` are the effects already asked for in this call.
    pub async fn run(
        &self,
        name: &str,
        args: &Value,
        ctx: &mut Context,
        pending: &[Effect],
    ) -> Result<Ran, ToolError> {
        let allowed = self.specs().iter().any(|s| s.name == name);
        if !allowed {
            return Err(ToolError::Malformed(format!(
                "unknown or not allowed tool {name:?}"
            )));
        }
        match name {
            "search_products" => self.search_products(args, ctx),
            "get_product" => self.get_product(args, ctx),
            "recommend" => self.recommend(args, ctx),
            "add_to_cart" => self.add_to_cart(args, ctx),
            "create_order" => self.create_order(args, pending).await,
            "escalate" => escalate(args),
            "hand_off" => self.hand_off(args),
            other => Err(ToolError::Malformed(format!("unknown tool {other:?}"))),
        }
    }

    /// `search_products`: the catalog's hits, remembered as shown.
    fn search_products(&self, args: &Value, ctx: &mut Context) -> Result<Ran, ToolError> {
        let query = str_arg(args, "query")?;
        let minor = |k: &str| -> Result<Option<i64>, ToolError> {
            match args.get(k) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => v
                    .as_f64()
                    .filter(|x| x.is_finite() && *x >= 0.0)
                    .map(|x| Some((x * 100.0).round() as i64))
                    .ok_or_else(|| ToolError::Malformed(format!("{k} must be a number"))),
            }
        };
        let limit = args
            .get("limit")
            .and_then(Value::as_u64)
            .unwrap_or(MAX_LIST as u64)
            .clamp(1, MAX_LIST as u64) as u32;
        let q = SearchQuery {
            text: query,
            max_price_minor: minor("max_price")?,
            min_price_minor: minor("min_price")?,
            color: opt_str(args, "color"),
            size: opt_str(args, "size"),
            gender: None,
            in_stock_only: false,
            limit,
        };
        let hits = self.catalog.search(self.scope()?, &q);
        self.seen
            .llm_searched(&q.text, hits.iter().map(|h| &h.product));
        let list: Vec<Value> = hits.iter().map(|h| product_json(&h.product)).collect();
        for h in hits {
            ctx.add_product(h.product);
        }
        read(json!({"products": list}))
    }

    /// `get_product`: one product with its description.
    fn get_product(&self, args: &Value, ctx: &mut Context) -> Result<Ran, ToolError> {
        let p = self.product(&str_arg(args, "product_id")?)?;
        let mut v = product_json(&p);
        v["description"] = json!(p.description);
        self.seen.products([&p]);
        ctx.add_product(p);
        read(v)
    }

    /// `recommend`: cross-sells, upsells or alternatives of a product.
    fn recommend(&self, args: &Value, ctx: &mut Context) -> Result<Ran, ToolError> {
        let id = str_arg(args, "product_id")?;
        let kind: RecommendationKind =
            serde_json::from_value(args.get("kind").cloned().unwrap_or(Value::Null)).map_err(
                |_| ToolError::Malformed("kind must be cross_sell, upsell or alternative".into()),
            )?;
        let base = self.product(&id)?;
        ctx.add_product(base);
        let recs = self
            .catalog
            .recommend(self.scope()?, &id, kind, MAX_LIST as u32);
        self.seen
            .llm_recommended(&id, kind, recs.iter().map(|r| &r.product));
        let list: Vec<Value> = recs
            .iter()
            .map(|r| {
                let mut v = product_json(&r.product);
                v["why"] = json!(r.explanation);
                v
            })
            .collect();
        for r in recs {
            ctx.add_product(r.product);
        }
        read(json!({"products": list}))
    }

    /// `add_to_cart`: an effect, carried out when the reply is sent.
    fn add_to_cart(&self, args: &Value, ctx: &mut Context) -> Result<Ran, ToolError> {
        let id = self.product_ref(args)?;
        let quantity = match args.get("quantity") {
            None | Some(Value::Null) => 1,
            Some(v) => v.as_u64().filter(|q| (1..=99).contains(q)).ok_or_else(|| {
                ToolError::Malformed("quantity must be an integer from 1 to 99".into())
            })? as u32,
        };
        let p = self.product(&id)?;
        if !p.is_in_stock() {
            return Err(ToolError::Refused(format!(
                "{} is {} and cannot be added",
                p.title,
                p.availability.as_str()
            )));
        }
        let output = json!({"ok": true, "added": product_json(&p), "quantity": quantity,
            "note": "the cart is updated when your reply is sent"})
        .to_string();
        self.seen.products([&p]);
        ctx.add_product(p);
        Ok(Ran {
            output,
            effect: Some(Effect::AddToCart {
                product_id: id,
                quantity,
            }),
        })
    }

    /// `create_order`: refused on an empty cart (counting the adds this
    /// turn queued).
    async fn create_order(&self, args: &Value, pending: &[Effect]) -> Result<Ran, ToolError> {
        let queued = pending
            .iter()
            .any(|e| matches!(e, Effect::AddToCart { .. }));
        let in_cart = match (&self.carts, &self.conversation_id) {
            (Some(carts), Some(c)) => carts
                .get(c)
                .await
                .map(|c| !c.lines.is_empty())
                .unwrap_or(false),
            _ => false,
        };
        if !queued && !in_cart {
            return Err(ToolError::Refused(
                "the cart is empty: add a product first".into(),
            ));
        }
        Ok(Ran {
            output: json!({"ok": true, "note": "the order is placed when your reply is sent; the host computes the total"}).to_string(),
            effect: Some(Effect::CreateOrder {
                note: opt_str(args, "note"),
            }),
        })
    }

    /// `hand_off`: to another brand of the catalog.
    fn hand_off(&self, args: &Value) -> Result<Ran, ToolError> {
        let brand = str_arg(args, "brand")?.to_ascii_lowercase();
        let brands = self.catalog.brands();
        if !brands.iter().any(|b| b.eq_ignore_ascii_case(&brand)) {
            return Err(ToolError::Malformed(format!(
                "brand must be one of {}",
                brands.join(", ")
            )));
        }
        if self.brand.as_deref() == Some(brand.as_str()) {
            return Err(ToolError::Refused("that is your own brand".into()));
        }
        Ok(Ran {
            output: json!({"ok": true}).to_string(),
            effect: Some(Effect::HandOff {
                brand,
                reason: opt_str(args, "reason")
                    .unwrap_or_else(|| "the customer asked for it".into()),
            }),
        })
    }
}

/// `escalate`: to a human, with a reason, priority and summary.
fn escalate(args: &Value) -> Result<Ran, ToolError> {
    let reason: EscalationReason =
        serde_json::from_value(args.get("reason").cloned().unwrap_or(Value::Null))
            .map_err(|_| ToolError::Malformed("reason is not one of the enum".into()))?;
    let priority: Priority = match args.get("priority") {
        None | Some(Value::Null) => Priority::Medium,
        Some(v) => serde_json::from_value(v.clone()).map_err(|_| {
            ToolError::Malformed("priority must be low, medium, high or urgent".into())
        })?,
    };
    let summary: String = str_arg(args, "summary")?.chars().take(500).collect();
    Ok(Ran {
        output: json!({"ok": true, "note": "a human will take over; tell the customer briefly"})
            .to_string(),
        effect: Some(Effect::Escalate {
            reason,
            priority,
            summary,
        }),
    })
}

/// A read tool's answer: its JSON, no effect.
fn read(r: Value) -> Result<Ran, ToolError> {
    Ok(Ran {
        output: r.to_string(),
        effect: None,
    })
}

fn str_arg(args: &Value, key: &str) -> Result<String, ToolError> {
    args.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .ok_or_else(|| ToolError::Malformed(format!("missing string argument {key:?}")))
}

fn opt_str(args: &Value, key: &str) -> Option<String> {
    args.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn product_json(p: &Product) -> Value {
    json!({
        "id": p.id,
        "title": p.title,
        "category": p.category,
        "price": format!("{} {}", p.price.amount_string(), p.price.currency),
        "sale_price": p.sale_price.as_ref().map(|s| format!("{} {}", s.amount_string(), s.currency)),
        "availability": p.availability.as_str(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn effects_serialise_as_tools_used_entries() {
        let e = Effect::AddToCart {
            product_id: "TEC-0001".into(),
            quantity: 2,
        };
        assert_eq!(
            e.to_entry(),
            r#"add_to_cart {"product_id":"TEC-0001","quantity":2}"#
        );
        let esc = Effect::Escalate {
            reason: EscalationReason::Complaint,
            priority: Priority::High,
            summary: "broken".into(),
        };
        assert!(
            esc.to_entry().starts_with(r#"escalate {"#),
            "{}",
            esc.to_entry()
        );
        assert!(esc.to_entry().contains(r#""reason":"complaint""#));
    }
}
