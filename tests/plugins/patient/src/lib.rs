//! Not hostile: waits on the host (three LLM calls) far longer than its
//! 50 ms CPU budget, which must not count; told to "spin", it computes past
//! the budget and is stopped.

use agent_store_sdk::prelude::*;

pub struct Patient;

impl Seller for Patient {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let said = match &turn.message.content {
            MessageContent::Text(t) => t.clone(),
            _ => String::new(),
        };
        if said.contains("spin") {
            let mut x: u64 = 1;
            for i in 0..u64::MAX {
                x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
            }
            return Ok(vec![Action::Text(format!("spun {x}"))]);
        }
        let mut answers = Vec::new();
        for i in 0..3 {
            let request = ChatRequest {
                messages: vec![ChatMessage {
                    role: Role::User,
                    content: format!("question {i}: {said}"),
                }],
                use_tools: false,
            };
            match host.chat(&request) {
                Ok(r) => answers.push(r.content),
                Err(e) => answers.push(format!("llm error {e:?}")),
            }
        }
        Ok(vec![Action::Text(format!(
            "patient: {}",
            answers.join(" / ")
        ))])
    }
}

agent_store_sdk::export_seller!(Patient);
