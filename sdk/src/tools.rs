//! The host's LLM tools, seen from a plugin.
//!
//! With `ChatRequest { use_tools: true, .. }` the host offers the model its
//! commerce tools and runs them against the real catalog and cart within
//! the plugin's grants. Read tools (`search_products`, `get_product`,
//! `recommend`) only inform the model. Effect tools are *not* applied by
//! the host on its own: they come back in [`ChatResponse::tools_used`] as
//! `name {json}` entries, and [`effects`] turns them into the actions the
//! plugin returns (the host checks them again before acting):
//!
//! | `tools-used` entry | action |
//! |---|---|
//! | `add_to_cart {"product_id":"X","quantity":1}` | [`Action::AddToCart`] |
//! | `create_order {"note":null}` | [`Action::PlaceOrder`] |
//! | `escalate {"reason":"complaint","priority":"high","summary":"..."}` | [`Action::Escalate`] |
//! | `hand_off {"brand":"tech","reason":"..."}` | [`Action::HandOff`] |
//!
//! ```
//! use agent_store_sdk::prelude::*;
//! let resp = ChatResponse {
//!     content: "Added!".into(),
//!     tools_used: vec![
//!         "search_products".into(),
//!         r#"add_to_cart {"product_id":"HOM-0001","quantity":2}"#.into(),
//!     ],
//! };
//! let actions = agent_store_sdk::tools::effects(&resp);
//! assert!(matches!(&actions[0], Action::AddToCart(c) if c.product_id == "HOM-0001" && c.quantity == 2));
//! ```

use serde_json::Value;

use crate::types::*;

/// The tool names of a response, in the order the host ran them.
pub fn names(resp: &ChatResponse) -> Vec<&str> {
    resp.tools_used
        .iter()
        .map(|e| e.split_once(' ').map(|(n, _)| n).unwrap_or(e.as_str()))
        .collect()
}

/// The actions the model's effect tools asked for (unknown or malformed
/// entries are skipped).
pub fn effects(resp: &ChatResponse) -> Vec<Action> {
    resp.tools_used.iter().filter_map(|e| effect(e)).collect()
}

/// One `tools-used` entry as an action.
pub fn effect(entry: &str) -> Option<Action> {
    let (name, json) = entry.split_once(' ')?;
    let v: Value = serde_json::from_str(json).ok()?;
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    Some(match name {
        "add_to_cart" => Action::AddToCart(CartIntent {
            product_id: s("product_id")?,
            quantity: v
                .get("quantity")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .clamp(1, 99) as u32,
        }),
        "create_order" => Action::PlaceOrder(OrderIntent { note: s("note") }),
        "escalate" => Action::Escalate(Escalation {
            reason: reason(&s("reason")?),
            priority: priority(&s("priority").unwrap_or_default()),
            summary: s("summary").unwrap_or_default(),
        }),
        "hand_off" => Action::HandOff(HandOff {
            brand: s("brand")?,
            reason: s("reason").unwrap_or_default(),
        }),
        _ => return None,
    })
}

fn reason(s: &str) -> EscalationReason {
    match s {
        "customer_request" => EscalationReason::CustomerRequest,
        "complaint" => EscalationReason::Complaint,
        "high_value_cart" => EscalationReason::HighValueCart,
        "complex_question" => EscalationReason::ComplexQuestion,
        "technical_issue" => EscalationReason::TechnicalIssue,
        "payment_issue" => EscalationReason::PaymentIssue,
        "negative_sentiment" => EscalationReason::NegativeSentiment,
        "plugin_failure" => EscalationReason::PluginFailure,
        _ => EscalationReason::Other,
    }
}

fn priority(s: &str) -> Priority {
    match s {
        "low" => Priority::Low,
        "high" => Priority::High,
        "urgent" => Priority::Urgent,
        _ => Priority::Medium,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_effect_tool_becomes_its_action_and_junk_is_skipped() {
        let resp = ChatResponse {
            content: String::new(),
            tools_used: vec![
                "get_product".into(),
                r#"create_order {"note":"leave at the door"}"#.into(),
                r#"escalate {"reason":"complaint","priority":"urgent","summary":"broken"}"#.into(),
                r#"hand_off {"brand":"tech","reason":"laptop"}"#.into(),
                "add_to_cart {not json".into(),
                r#"teleport {"x":1}"#.into(),
            ],
        };
        assert_eq!(names(&resp)[0], "get_product");
        let a = effects(&resp);
        assert_eq!(a.len(), 3, "{a:?}");
        assert!(
            matches!(&a[0], Action::PlaceOrder(o) if o.note.as_deref() == Some("leave at the door"))
        );
        assert!(matches!(&a[1], Action::Escalate(e)
            if e.reason == EscalationReason::Complaint && e.priority == Priority::Urgent));
        assert!(matches!(&a[2], Action::HandOff(h) if h.brand == "tech"));
    }
}
