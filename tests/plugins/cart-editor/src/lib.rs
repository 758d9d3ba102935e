//! A seller built with the SDK (contract 0.2.1) that does what it is told,
//! so tests can drive the host's cart and config handling word by word.
//! The message is `<brand> <command> [args]`:
//!
//! - `add <id> <n>`, `remove <id>`, `set <id> <n>`, `clear`: the cart
//!   actions, answered with `done: <command>`;
//! - `cart`: the cart as the host reports it, `cart: [ID=N,ID=N]`;
//! - `config <key>`: `config <key> = <value>` or `config <key> unset`;
//! - `analyse <n>`: a greeting of `n` bytes, read by the host's `analysis`
//!   import and by the SDK (`analysis: host [greeting] sdk [greeting]`).

use agent_store_sdk::prelude::*;

pub struct CartEditor;

fn text(s: String) -> Action {
    Action::Text(s)
}

fn intent(id: &str, n: &str) -> CartIntent {
    CartIntent {
        product_id: id.to_owned(),
        quantity: n.parse().unwrap_or(0),
    }
}

impl Seller for CartEditor {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let said = match &turn.message.content {
            MessageContent::Text(t) => t.clone(),
            _ => String::new(),
        };
        let words: Vec<&str> = said.split_whitespace().skip(1).collect();
        let edit = match words.as_slice() {
            ["add", id, n] => Action::AddToCart(intent(id, n)),
            ["remove", id] => Action::RemoveFromCart((*id).to_owned()),
            ["set", id, n] => Action::SetCartQuantity(intent(id, n)),
            ["clear"] => Action::ClearCart,
            ["cart"] => {
                let cart = host.cart().map_err(|e| PluginError {
                    message: format!("{e:?}"),
                })?;
                let lines: Vec<String> = cart
                    .lines
                    .iter()
                    .map(|l| format!("{}={}", l.product_id, l.quantity))
                    .collect();
                return Ok(vec![text(format!("cart: [{}]", lines.join(",")))]);
            }
            ["config", key] => {
                return Ok(vec![text(match host.config(key) {
                    Some(v) => format!("config {key} = {v}"),
                    None => format!("config {key} unset"),
                })]);
            }
            ["analyse", bytes] => return Ok(vec![text(analyse(bytes))]),
            _ => return Ok(vec![text(format!("unknown command: {said}"))]),
        };
        Ok(vec![edit, text(format!("done: {}", words.join(" ")))])
    }
}

/// `hi ` repeated to `bytes` bytes, asked of the host's `analysis`
/// import directly, then through the SDK (which reads it locally when the
/// host refuses): `analysis: host [intents] sdk [intents]`.
fn analyse(bytes: &str) -> String {
    let n: usize = bytes.parse().unwrap_or(0);
    let said: String = "hi ".repeat(n / 3 + 1).chars().take(n).collect();
    let host = host_signals(&said);
    // The SDK's own reading: the host's analysis uninstalled (else the SDK
    // would ask the host again, up to its limit).
    agent_store_sdk::analysis::install(None);
    let (sdk, _) =
        agent_store_sdk::analysis::signals_to_wire(&agent_store_sdk::intent::Signals::of(&said));
    agent_store_sdk::analysis::install_host_analysis();
    format!(
        "analysis: host {host} sdk [{}]; {}",
        sdk.join(","),
        host_lexicon()
    )
}

/// The host's brand scores and query expansion of one sentence against
/// the SDK's own, computed here with the host's analysis uninstalled.
#[cfg(target_arch = "wasm32")]
fn host_lexicon() -> String {
    use agent_store_sdk::analysis::{self, brand_scores_to_wire};
    use agent_store_sdk::bindings::seller::agent_store::plugin::analysis as import;
    use agent_store_sdk::lexicon;
    let said = "quero um teclado mecânico e zapatillas negras";
    let (brands, expanded) = (
        import::brand_scores_of(said),
        import::expanded_query_of(said),
    );
    analysis::install(None);
    let (own_brands, own_expanded) = (lexicon::brand_scores(said), lexicon::expand_query(said));
    analysis::install_host_analysis();
    format!(
        "brands same: {}; expanded: {:?} same: {}",
        brands.as_ref().ok() == Some(&brand_scores_to_wire(&own_brands)) && !own_brands.is_empty(),
        expanded,
        expanded.as_ref().ok() == Some(&own_expanded)
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn host_lexicon() -> String {
    "no host (native)".into()
}

#[cfg(target_arch = "wasm32")]
fn host_signals(said: &str) -> String {
    use agent_store_sdk::bindings::seller::agent_store::plugin::analysis;
    match analysis::signals_of(said) {
        Ok(s) => format!("[{}]", s.intents.join(",")),
        Err(e) => format!("refused {e:?}"),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn host_signals(_: &str) -> String {
    "none (native)".into()
}

agent_store_sdk::export_seller!(CartEditor);
