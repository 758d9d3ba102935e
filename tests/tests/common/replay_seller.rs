//! What the replay and shadow tests share about their test sellers:
//! installing a built plugin, and the differences `replay-seller-changed`
//! must be reported for (every add-to-cart one more, every order an
//! escalation), computed from the recorded actions.

use std::path::Path;

use serde_json::{Value, json};

/// Copy a built plugin's manifest and component into `to/<name>`.
pub fn install(from: &Path, name: &str, to: &Path) {
    let dest = to.join(name);
    std::fs::create_dir_all(&dest).expect("mkdir");
    for e in std::fs::read_dir(from.join(name)).expect("read") {
        let e = e.expect("entry");
        let file = e.file_name().to_string_lossy().into_owned();
        if file == "plugin.toml" || file.ends_with(".wasm") {
            std::fs::copy(e.path(), dest.join(&file)).expect("copy");
        }
    }
}

/// A wit enum case as the replay report names it (`customer-request`).
pub fn kebab(case: &str) -> String {
    let mut out = String::new();
    for (i, c) in case.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What `replay-seller-changed` must be reported for, computed from the
/// recorded actions: every add-to-cart one more, every order an escalation.
pub fn expected_differences(actions: &[Value]) -> Vec<Value> {
    let (mut cart, mut cart_now) = (vec![], vec![]);
    let (mut escalations, mut orders) = (vec![], 0);
    for a in actions {
        if let Some(c) = a.get("AddToCart") {
            let (id, n) = (
                c["product_id"].as_str().unwrap_or(""),
                c["quantity"].as_u64().unwrap_or(0),
            );
            cart.push(format!("add {id} x{n}"));
            cart_now.push(format!("add {id} x{}", n + 1));
        } else if let Some(c) = a.get("SetCartQuantity") {
            let s = format!(
                "set {} x{}",
                c["product_id"].as_str().unwrap_or(""),
                c["quantity"]
            );
            cart.push(s.clone());
            cart_now.push(s);
        } else if let Some(e) = a.get("Escalate") {
            escalations.push(format!(
                "{} ({})",
                kebab(e["reason"].as_str().unwrap_or("")),
                kebab(e["priority"].as_str().unwrap_or(""))
            ));
        } else if a.get("PlaceOrder").is_some() {
            orders += 1;
        }
    }
    let show = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    let mut out = Vec::new();
    if cart != cart_now {
        out.push(json!({"aspect": "cart", "recorded": show(&cart), "candidate": show(&cart_now)}));
    }
    if orders > 0 {
        let placed = vec!["place order".to_string(); orders];
        out.push(json!({"aspect": "order", "recorded": show(&placed), "candidate": "none"}));
        let mut now = escalations.clone();
        now.extend(vec!["customer-request (medium)".to_string(); orders]);
        out.push(json!({"aspect": "escalation", "recorded": show(&escalations), "candidate": show(&now)}));
    }
    out
}
