//! The typed `data` of every event.

use serde::{Deserialize, Serialize};

use super::{EventType, Payload};
use agent_store_chat::Media;
use agent_store_chat::{Action, Customer, EscalationReason, InboundMessage, Priority};
use agent_store_lang::money::Money;

/// `store.whatsapp.message.received`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageReceived {
    pub conversation_id: String,
    /// The business number the customer wrote to.
    pub phone_number_id: String,
    pub customer: Customer,
    pub message: InboundMessage,
    /// The media file a voice note, image, video, document or sticker
    /// carried (downloaded on demand through the Graph API).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
}

/// How the router decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Routing {
    pub brand: String,
    pub confidence: f32,
    pub reason: String,
    pub candidates: Vec<String>,
    /// The component that decided: the router plugin's name and version,
    /// or `host` for host rules (a tapped brand menu, a sticky brand).
    pub decided_by: String,
}

/// `store.chat.message.new`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatMessageNew {
    pub conversation_id: String,
    pub phone_number_id: String,
    pub customer: Customer,
    pub message: InboundMessage,
    pub brand: String,
    pub routing: Routing,
    /// "en", "pt", "es" or "".
    pub language: String,
    /// How many hand-offs led here in this turn (bounded to stop loops).
    #[serde(default)]
    pub hops: u8,
}

/// `store.chat.response`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatResponse {
    pub conversation_id: String,
    pub phone_number_id: String,
    pub to: String,
    /// The brand (or `host`) that answered.
    pub brand: String,
    /// The inbound message this answers.
    pub in_reply_to: String,
    /// Only customer-visible actions, already validated.
    pub actions: Vec<Action>,
    pub language: String,
    /// The actions rendered as Graph API messages, when the publisher
    /// rendered them already (the host's answers always do: rendering is
    /// how an action is checked, and the outbox holds these messages under
    /// these ids). Empty: the render stage renders `actions` itself (a
    /// producer posting to `POST /events`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<OutboundMessage>,
}

/// `store.whatsapp.message.send`: one Graph API message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboundMessage {
    /// Stable id of this outbound message: the idempotency key of the send.
    pub id: String,
    pub conversation_id: String,
    pub phone_number_id: String,
    pub to: String,
    pub brand: Option<String>,
    /// The text a person reads, for history and the sales console.
    pub text: String,
    /// The Graph API request body.
    pub body: serde_json::Value,
}

/// `store.whatsapp.message.status`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageStatus {
    pub wamid: String,
    pub status: String,
    pub recipient_id: String,
    pub timestamp: u64,
    pub errors: Vec<serde_json::Value>,
}

/// `store.product.query`: one catalog search a seller made during a turn
/// (published by the sell stage for every search; no phone number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductQuery {
    pub conversation_id: String,
    /// The customer message the turn answered (its wamid).
    pub message_id: String,
    pub plugin: String,
    pub brand: Option<String>,
    /// The conversation's language: "en", "pt", "es" or "".
    pub language: String,
    /// What was searched, as the plugin or its LLM asked (at most 200
    /// characters).
    pub text: String,
    /// Who searched: `plugin` (the `catalog.search` import) or `llm` (the
    /// model's `search_products` tool through the `llm` import).
    #[serde(default = "plugin_searcher")]
    pub by: String,
    pub result_count: u32,
    /// The ids found, best first.
    pub results: Vec<String>,
}

/// `store.product.recommend`: the products a seller turn offered the
/// customer, in the order they were shown (no phone number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductRecommend {
    pub conversation_id: String,
    /// The customer message the turn answered (its wamid).
    pub message_id: String,
    pub plugin: String,
    pub brand: Option<String>,
    pub language: String,
    pub offered: Vec<OfferedProduct>,
}

/// One product of a [`ProductRecommend`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferedProduct {
    pub product_id: String,
    /// 1-based position in the reply.
    pub position: u32,
    /// Where the seller got it this turn: `search`, `cross_sell`, `upsell`,
    /// `alternative`, or `other` (a lookup, the cart, its own memory).
    pub source: String,
    /// Offered as a cross-sell (a recommendation for another product).
    pub cross_sell: bool,
    /// How the reply showed it: `card` (a product card or list), `id` (a
    /// button or row id, or an id in the text) or `name` (its title in the
    /// text, as an LLM writes it).
    #[serde(default)]
    pub shown_as: String,
    /// Found by the LLM's own tools (`search_products`, `recommend`).
    #[serde(default)]
    pub by_llm: bool,
}

fn plugin_searcher() -> String {
    "plugin".into()
}

/// `store.order.create`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderCreate {
    pub conversation_id: String,
    pub customer: Customer,
    pub brand: String,
    /// The message that asked for the order: the idempotency key.
    pub source_message_id: String,
    pub note: Option<String>,
}

/// `store.sales.escalate`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalesEscalate {
    pub conversation_id: String,
    pub customer: Customer,
    pub brand: Option<String>,
    pub reason: EscalationReason,
    pub priority: Priority,
    pub summary: String,
}

/// `store.sales.handoff`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalesHandoff {
    pub conversation_id: String,
    pub from_brand: String,
    pub to_brand: String,
    pub reason: String,
}

/// `store.sales.escalation.accepted`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalesEscalationAccepted {
    pub escalation_id: String,
    pub conversation_id: String,
    pub brand: Option<String>,
    /// The sales rep's user name.
    pub agent: String,
}

/// `store.sales.escalation.resolved`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalesEscalationResolved {
    pub escalation_id: String,
    pub conversation_id: String,
    pub brand: Option<String>,
    pub agent: String,
    /// `resolved` (the rep closed it) or `handed_back` (the AI answers again).
    pub outcome: String,
}

/// `store.plugin.failed`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PluginFailed {
    pub plugin: String,
    pub version: String,
    pub reason: String,
    pub conversation_id: Option<String>,
}

/// One decision of the brand's policy on an effect a seller asked for
/// (`store.plugin.intent.approved` / `store.plugin.intent.denied`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PluginIntent {
    pub plugin: String,
    pub version: String,
    /// The component's sha256.
    pub digest: String,
    pub brand: String,
    pub conversation_id: String,
    /// The customer message the turn answered (its wamid).
    pub message_id: String,
    /// `cart`, `discount`, `order`, `escalation`, `hand_off` or `message`.
    pub intent: String,
    /// The intent's fields (the host's `policy::Intent` as JSON).
    pub detail: serde_json::Value,
    pub approved: bool,
    /// Why, in words.
    pub reason: String,
}

/// `store.plugin.intent.approved`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PluginIntentApproved(pub PluginIntent);

/// `store.plugin.intent.denied`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PluginIntentDenied(pub PluginIntent);

/// An order as events carry it: prices recomputed from the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderInfo {
    pub order_id: String,
    pub conversation_id: String,
    pub phone_number_id: String,
    pub customer_wa_id: String,
    pub brand: String,
    /// The customer's language: "en", "pt", "es" or "".
    pub language: String,
    /// pending, confirmed, processing, shipped, delivered, cancelled, refunded.
    pub status: String,
    pub lines: Vec<OrderLineInfo>,
    pub subtotal: Money,
    pub shipping: Money,
    pub total: Money,
    pub payment_provider: String,
    pub payment_url: Option<String>,
    pub tracking_number: Option<String>,
    pub carrier: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLineInfo {
    pub product_id: String,
    pub title: String,
    pub quantity: u32,
    pub unit_price: Money,
}

/// `store.order.created`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderCreated {
    pub order: OrderInfo,
    /// The message that asked for the order.
    pub source_message_id: String,
    /// When the stock reservation lapses (ms since the epoch).
    pub reserved_until: Option<i64>,
}

/// `store.order.confirmed`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderConfirmed {
    pub order: OrderInfo,
    pub payment_reference: Option<String>,
}

/// `store.order.shipped`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderShipped {
    pub order: OrderInfo,
}

/// `store.order.delivered`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderDelivered {
    pub order: OrderInfo,
}

/// `store.order.cancelled`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderCancelled {
    pub order: OrderInfo,
    pub reason: String,
}

/// `store.order.status.update`: one state change of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderStatusUpdate {
    pub order: OrderInfo,
    /// The previous status (`None` when the order was just created).
    pub from: Option<String>,
    pub to: String,
    /// Who asked: `customer`, `admin`, `cli`, `payment:<provider>`,
    /// `carrier`, `expiry`.
    pub actor: String,
    pub reason: Option<String>,
}

/// `store.catalog.stock.changed`: the tracked stock levels of some
/// products, as the inventory table held them when the change committed.
/// Consumers re-read the inventory for the named products rather than
/// trusting the numbers (two hosts' events may arrive in either order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogStockChanged {
    pub levels: Vec<StockLevel>,
}

/// One product's units still available for orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StockLevel {
    pub product_id: String,
    pub available: i64,
}

/// `store.plugin.released`: plugin `name` has a new release (a version
/// pushed, a canary started, a rollback) in the shared `plugin_releases`
/// table; consumers read the release from there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PluginReleased {
    pub name: String,
    /// The version now released for every customer.
    pub version_id: String,
}

macro_rules! payloads {
    ($($ty:ty => $ev:ident),* $(,)?) => {
        $(impl Payload for $ty { const TYPE: EventType = EventType::$ev; })*
    };
}

payloads! {
    MessageReceived => WhatsAppMessageReceived,
    OutboundMessage => WhatsAppMessageSend,
    MessageStatus => WhatsAppMessageStatus,
    ChatMessageNew => ChatMessageNew,
    ChatResponse => ChatResponse,
    ProductQuery => ProductQuery,
    ProductRecommend => ProductRecommend,
    OrderCreate => OrderCreate,
    SalesEscalate => SalesEscalate,
    SalesHandoff => SalesHandoff,
    SalesEscalationAccepted => SalesEscalationAccepted,
    SalesEscalationResolved => SalesEscalationResolved,
    PluginFailed => PluginFailed,
    OrderCreated => OrderCreated,
    OrderConfirmed => OrderConfirmed,
    OrderShipped => OrderShipped,
    OrderDelivered => OrderDelivered,
    OrderCancelled => OrderCancelled,
    OrderStatusUpdate => OrderStatusUpdate,
    CatalogStockChanged => CatalogStockChanged,
    PluginReleased => PluginReleased,
    PluginIntentApproved => PluginIntentApproved,
    PluginIntentDenied => PluginIntentDenied,
}
