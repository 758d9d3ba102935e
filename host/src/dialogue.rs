//! What a rep or an admin reads of a conversation besides its messages:
//! the cart priced now and the seller kits' dialogue state (language,
//! offered items in order, focus, constraints; see
//! [`agent_store_sdk::dialogue`]). Shared by `GET /admin/conversations/{id}`
//! and the sales console.

use serde_json::{Value, json};

use crate::conversations::Conversations;
use crate::orders::Carts;

/// The cart as JSON (`null` when it cannot be read: the rest of a view
/// still answers).
pub async fn cart_json(carts: &Carts, conversation_id: &str) -> Value {
    match carts.get(conversation_id).await {
        Ok(cart) => json!({
            "lines": cart.lines.iter().map(|l| json!({
                "product_id": l.product_id,
                "title": l.title,
                "quantity": l.quantity,
                "unit_price": l.unit_price,
            })).collect::<Vec<_>>(),
            "subtotal": cart.subtotal,
        }),
        Err(e) => {
            tracing::warn!(conversation = %conversation_id, error = %e, "cart not readable for a conversation view");
            Value::Null
        }
    }
}

/// Every seller's dialogue state in the conversation (`by_plugin`) and the
/// current brand's (`current`): plugins' state keys are `<plugin>:dialogue`.
pub async fn dialogue_json(
    conversations: &Conversations,
    conversation_id: &str,
    brand: Option<&str>,
) -> Value {
    use agent_store_sdk::dialogue::{DialogueState, STATE_KEY};
    let states = match conversations
        .plugin_states(conversation_id, STATE_KEY)
        .await
    {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!(conversation = %conversation_id, error = %e, "dialogue state not readable");
            return Value::Null;
        }
    };
    let mut by_plugin = serde_json::Map::new();
    let mut current = Value::Null;
    for (plugin, raw) in states {
        let v = serde_json::to_value(DialogueState::from_json(&raw)).unwrap_or(Value::Null);
        if brand.is_some_and(|b| plugin == format!("seller-{b}") || plugin == b) {
            current = v.clone();
        }
        by_plugin.insert(plugin, v);
    }
    if current.is_null() && by_plugin.len() == 1 {
        current = by_plugin.values().next().cloned().unwrap_or(Value::Null);
    }
    json!({ "current": current, "by_plugin": by_plugin })
}
