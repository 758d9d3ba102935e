//! A seller for the turn-state tests:
//! - "remember WORD": writes `word` and bumps `turns`, reads both back in
//!   the same turn and says what it read;
//! - "fail WORD": writes `word` and `doomed`, checks it can read `doomed`
//!   back, then fails the turn on purpose;
//! - "add PRODUCT": puts one PRODUCT in the cart and writes `added`.

use agent_store_sdk::prelude::*;

pub struct Stateful;

fn failed(e: HostError) -> PluginError {
    PluginError {
        message: format!("state: {e:?}"),
    }
}

impl Seller for Stateful {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let said = match &turn.message.content {
            MessageContent::Text(t) => t.clone(),
            _ => String::new(),
        };
        let (verb, arg) = said.split_once(' ').unwrap_or((said.as_str(), ""));
        match verb {
            "remember" => {
                let turns: u32 = host
                    .state("turns")
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0);
                host.set_state("word", arg).map_err(failed)?;
                host.set_state("turns", &(turns + 1).to_string())
                    .map_err(failed)?;
                let word = host.state("word").unwrap_or_default();
                let turns = host.state("turns").unwrap_or_default();
                Ok(vec![Action::Text(format!("word={word} turns={turns}"))])
            }
            "fail" => {
                host.set_state("word", arg).map_err(failed)?;
                host.set_state("doomed", "yes").map_err(failed)?;
                if host.state("doomed").as_deref() != Some("yes") {
                    return Ok(vec![Action::Text("doomed not readable".into())]);
                }
                Err(PluginError {
                    message: "failing after set_state, on purpose".into(),
                })
            }
            "add" => {
                host.set_state("added", arg).map_err(failed)?;
                Ok(vec![
                    Action::AddToCart(CartIntent {
                        product_id: arg.to_string(),
                        quantity: 1,
                    }),
                    Action::Text(format!("added {arg}")),
                ])
            }
            _ => Ok(vec![Action::Text("say remember, fail or add".into())]),
        }
    }
}

agent_store_sdk::export_seller!(Stateful);
