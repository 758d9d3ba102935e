//! The sales assistant: what a rep sees beside a conversation — the cart,
//! upsell and cross-sell suggestions, suggested replies, the customer's
//! orders and the time left in WhatsApp's 24-hour window.

use serde::Serialize;
use sqlx::Row;

use super::{Escalation, Sales, SalesError};
use crate::catalog::{Product, RecommendationKind, SearchQuery};
use crate::chat::{HistoryEntry, Speaker};
use crate::conversations::Conversation;
use crate::db::now_ms;
use crate::llm::Role;
use crate::money::Money;
use crate::orders::Cart;

/// WhatsApp's customer-service window.
pub const WINDOW_MS: i64 = 24 * 3600 * 1000;

#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    pub id: String,
    pub title: String,
    pub brand: String,
    pub price: String,
    pub availability: String,
    pub image_url: Option<String>,
    /// `upsell`, `cross_sell`, `alternative` or `match` (a search hit).
    pub kind: Option<String>,
    pub explanation: Option<String>,
}

impl ProductView {
    pub fn of(p: &Product, kind: Option<&str>, explanation: Option<String>) -> Self {
        Self {
            id: p.id.clone(),
            title: p.title.clone(),
            brand: p.brand.clone(),
            price: p.effective_price().to_string(),
            availability: p.availability.as_str().to_string(),
            image_url: p.image_url.clone(),
            kind: kind.map(str::to_string),
            explanation,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CartLineView {
    pub product_id: String,
    pub title: String,
    pub quantity: u32,
    pub unit_price: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CartView {
    pub lines: Vec<CartLineView>,
    pub subtotal: String,
}

impl From<&Cart> for CartView {
    fn from(c: &Cart) -> Self {
        Self {
            lines: c
                .lines
                .iter()
                .map(|l| CartLineView {
                    product_id: l.product_id.clone(),
                    title: l.title.clone(),
                    quantity: l.quantity,
                    unit_price: l.unit_price.to_string(),
                })
                .collect(),
            subtotal: c.subtotal.to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct OrderView {
    pub id: String,
    pub status: String,
    pub total: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrdersView {
    /// Whether the store keeps orders to show.
    pub available: bool,
    pub note: String,
    pub orders: Vec<OrderView>,
}

/// WhatsApp's 24-hour customer-service window.
#[derive(Debug, Clone, Serialize)]
pub struct Window {
    pub open: bool,
    /// Unix milliseconds; `None` when the customer never wrote.
    pub expires_at: Option<i64>,
    pub seconds_left: i64,
}

impl Window {
    pub fn from_last_message(last_customer_message_at: Option<i64>) -> Window {
        let expires_at = last_customer_message_at.map(|t| t + WINDOW_MS);
        let left = expires_at
            .map(|e| (e - now_ms()) / 1000)
            .unwrap_or(0)
            .max(0);
        Window {
            open: left > 0,
            expires_at,
            seconds_left: left,
        }
    }
}

/// Everything the suggestions panel shows.
#[derive(Debug, Clone, Serialize)]
pub struct Assistance {
    pub cart: CartView,
    pub suggestions: Vec<ProductView>,
    pub replies: Vec<String>,
    /// `llm` or `templates`.
    pub replies_by: String,
    pub orders: OrdersView,
    pub window: Window,
}

impl Sales {
    pub async fn window(&self, conversation_id: &str) -> Result<Window, SalesError> {
        let row = sqlx::query("SELECT last_customer_message_at FROM conversations WHERE id = $1")
            .bind(conversation_id)
            .fetch_optional(&self.inner.deps.db.pool)
            .await?;
        let last: Option<i64> = match row {
            Some(r) => r.try_get("last_customer_message_at")?,
            None => None,
        };
        Ok(Window::from_last_message(last))
    }

    /// The assistant's view of a conversation, for the rep `agent`.
    pub async fn assist(
        &self,
        conversation: &Conversation,
        escalation: Option<&Escalation>,
        agent: &str,
    ) -> Result<Assistance, SalesError> {
        let deps = &self.inner.deps;
        let cart = deps.carts.get(&conversation.id).await?;
        let history = deps
            .conversations
            .history(&conversation.id, 30, None)
            .await?;
        let suggestions = self.suggestions(conversation, &cart, &history);
        let (replies, replies_by) = self
            .suggested_replies(conversation, escalation, agent, &cart, &history)
            .await;
        Ok(Assistance {
            cart: CartView::from(&cart),
            suggestions,
            replies,
            replies_by,
            orders: self.orders_of(conversation).await?,
            window: self.window(&conversation.id).await?,
        })
    }

    /// Upsell and cross-sell for the cart's lines; with an empty cart, the
    /// catalog's best matches for what the customer last asked.
    fn suggestions(
        &self,
        conversation: &Conversation,
        cart: &Cart,
        history: &[HistoryEntry],
    ) -> Vec<ProductView> {
        let catalog = &self.inner.deps.catalog;
        let brand = conversation.brand.as_deref();
        let in_cart = |id: &str| cart.lines.iter().any(|l| l.product_id == id);
        let mut out: Vec<ProductView> = Vec::new();
        for line in cart.lines.iter().take(3) {
            for kind in [RecommendationKind::Upsell, RecommendationKind::CrossSell] {
                for r in catalog.recommend(brand, &line.product_id, kind, 2) {
                    if !in_cart(&r.product.id) && !out.iter().any(|p| p.id == r.product.id) {
                        let kind = match r.kind {
                            RecommendationKind::Upsell => "upsell",
                            RecommendationKind::CrossSell => "cross_sell",
                            RecommendationKind::Alternative => "alternative",
                        };
                        out.push(ProductView::of(&r.product, Some(kind), Some(r.explanation)));
                    }
                }
            }
        }
        if out.is_empty() {
            // The catalog's best matches for the latest customer line that
            // finds anything ("anyone there?" finds nothing).
            let asked = history
                .iter()
                .rev()
                .filter(|h| h.speaker == Speaker::Customer && !h.text.trim().is_empty())
                .take(5);
            for line in asked {
                let query = SearchQuery {
                    text: line.text.clone(),
                    in_stock_only: true,
                    limit: 3,
                    ..Default::default()
                };
                out = catalog
                    .search(brand, &query)
                    .iter()
                    .map(|s| ProductView::of(&s.product, Some("match"), None))
                    .collect();
                if !out.is_empty() {
                    break;
                }
            }
        }
        out.truncate(6);
        out
    }

    async fn suggested_replies(
        &self,
        conversation: &Conversation,
        escalation: Option<&Escalation>,
        agent: &str,
        cart: &Cart,
        history: &[HistoryEntry],
    ) -> (Vec<String>, String) {
        let llm = &self.inner.deps.llm;
        if llm.is_available() {
            let transcript = history
                .iter()
                .map(|h| format!("{}: {}", h.speaker.as_str(), h.text))
                .collect::<Vec<_>>()
                .join("\n");
            let prompt = vec![
                (
                    Role::System,
                    format!(
                        "You help {agent}, a human sales rep of the {} store, answer a WhatsApp customer. \
                         Write three alternative next messages, one per line, no numbering, in the \
                         customer's language ({}), friendly and short. Never invent prices.",
                        conversation.brand.as_deref().unwrap_or("online"),
                        if conversation.language.is_empty() {
                            "en"
                        } else {
                            &conversation.language
                        },
                    ),
                ),
                (
                    Role::User,
                    format!(
                        "Escalation: {}\nCart: {}\n\n{transcript}",
                        escalation.map(|e| e.summary.as_str()).unwrap_or("none"),
                        cart.subtotal
                    ),
                ),
            ];
            // Counted in the brand's daily LLM budget.
            match llm.chat_for(conversation.brand.as_deref(), &prompt).await {
                Ok(text) => {
                    let replies: Vec<String> = text
                        .lines()
                        .map(|l| l.trim().trim_start_matches(['-', '*', '•']).trim())
                        .filter(|l| !l.is_empty())
                        .take(3)
                        .map(str::to_string)
                        .collect();
                    if !replies.is_empty() {
                        return (replies, "llm".into());
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "LLM reply suggestions failed: using templates")
                }
            }
        }
        (
            template_replies(conversation, escalation, agent, cart),
            "templates".into(),
        )
    }

    /// The customer's orders (every conversation of this number), newest
    /// first, from the orders module's table.
    async fn orders_of(&self, conversation: &Conversation) -> Result<OrdersView, SalesError> {
        // The table is part of the schema: an error is a real failure
        // (shown as one), never "no orders".
        let rows = sqlx::query(
            "SELECT id, status, total_minor, currency, created_at FROM orders
             WHERE customer_wa_id = $1 ORDER BY created_at DESC LIMIT 20",
        )
        .bind(&conversation.customer_wa_id)
        .fetch_all(&self.inner.deps.db.pool)
        .await
        .map_err(SalesError::Orders)?;
        let orders = rows
            .iter()
            .map(|r| {
                let minor: i64 = r.try_get("total_minor")?;
                let currency: String = r.try_get("currency")?;
                Ok(OrderView {
                    id: r.try_get("id")?,
                    status: r.try_get("status")?,
                    total: Money::new(minor, currency).to_string(),
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(SalesError::Orders)?;
        Ok(OrdersView {
            available: true,
            note: if orders.is_empty() {
                "No orders yet.".into()
            } else {
                String::new()
            },
            orders,
        })
    }
}

/// Replies for the rep to start from, in the conversation's language.
pub fn template_replies(
    conversation: &Conversation,
    escalation: Option<&Escalation>,
    agent: &str,
    cart: &Cart,
) -> Vec<String> {
    let name = conversation
        .customer_name
        .as_deref()
        .and_then(|n| n.split_whitespace().next())
        .unwrap_or("");
    let brand = conversation.brand.as_deref().unwrap_or("store");
    let reason = escalation.map(|e| e.reason.as_str()).unwrap_or("");
    let lang = conversation.language.as_str();
    let mut out = Vec::new();
    let hello = match lang {
        "pt" => format!(
            "Olá {name}! Sou {agent}, da equipe {brand}. Li a sua conversa e vou te ajudar agora."
        ),
        "es" => format!(
            "¡Hola {name}! Soy {agent}, del equipo {brand}. Leí tu conversación y te ayudo ahora mismo."
        ),
        _ => format!(
            "Hi {name}! I'm {agent} from the {brand} team. I've read your messages and I'll help you now."
        ),
    };
    out.push(hello.replace("  ", " ").replace(" !", "!"));
    match reason {
        "complaint" | "negative_sentiment" | "plugin_failure" => out.push(match lang {
            "pt" => "Sinto muito pelo transtorno. Pode me contar o que aconteceu para eu resolver?"
                .into(),
            "es" => "Siento mucho las molestias. ¿Me cuentas qué pasó para resolverlo?".into(),
            _ => "I'm sorry about this. Could you tell me what happened so I can fix it?".into(),
        }),
        "payment_issue" => out.push(match lang {
            "pt" => "Vou verificar o pagamento. Qual forma de pagamento você usou?".into(),
            "es" => "Voy a revisar el pago. ¿Qué método de pago usaste?".into(),
            _ => "Let me check the payment. Which payment method did you use?".into(),
        }),
        _ => {}
    }
    if !cart.lines.is_empty() {
        let total = cart.subtotal.to_string();
        out.push(match lang {
            "pt" => format!(
                "Vi que o seu carrinho está em {total}. Quer que eu finalize o pedido para você?"
            ),
            "es" => {
                format!("Veo que tu carrito suma {total}. ¿Quieres que cierre el pedido por ti?")
            }
            _ => format!("I see your cart comes to {total}. Shall I place the order for you?"),
        });
    } else {
        out.push(match lang {
            "pt" => "O que você está procurando? Posso te mostrar algumas opções.".into(),
            "es" => "¿Qué estás buscando? Puedo mostrarte algunas opciones.".into(),
            _ => "What are you looking for? I can show you a few options.".into(),
        });
    }
    out
}
