//! The two wire formats: OpenAI-compatible Chat Completions and Ollama's
//! native `/api/chat`. Both map onto one [`Completion`].

use serde_json::{Value, json};

use super::{Message, ToolSpec};

/// Which HTTP dialect an endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    /// `POST {base}/chat/completions`.
    OpenAi,
    /// `POST {base}/api/chat` with `stream: false`.
    Ollama,
}

/// One tool call the model asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolCall {
    pub id: String,
    pub name: String,
    /// The parsed arguments, or why they could not be parsed.
    pub arguments: Result<Value, String>,
    /// The raw arguments as the model sent them (echoed back to it).
    pub raw: Value,
}

/// One model answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Completion {
    pub content: String,
    pub tool_calls: Vec<ToolCall>,
    /// Prompt + completion tokens as reported (estimated when absent).
    pub tokens: u64,
}

/// Request parameters besides the messages.
#[derive(Debug, Clone)]
pub struct Params<'a> {
    pub model: &'a str,
    pub temperature: Option<f32>,
    pub max_tokens: Option<u32>,
}

fn role(m: &Message) -> &'static str {
    match m {
        Message::System(_) => "system",
        Message::User(_) => "user",
        Message::Assistant { .. } => "assistant",
        Message::Tool { .. } => "tool",
    }
}

impl Wire {
    pub fn path(self) -> &'static str {
        match self {
            Wire::OpenAi => "/chat/completions",
            Wire::Ollama => "/api/chat",
        }
    }

    /// The JSON body of a request.
    pub fn body(self, p: &Params<'_>, messages: &[Message], tools: &[ToolSpec]) -> Value {
        let msgs: Vec<Value> = messages.iter().map(|m| self.message(m)).collect();
        let tools: Vec<Value> = tools
            .iter()
            .map(|t| {
                json!({"type": "function", "function": {
                    "name": t.name, "description": t.description, "parameters": t.parameters,
                }})
            })
            .collect();
        let mut body = json!({"model": p.model, "messages": msgs});
        match self {
            Wire::OpenAi => {
                if let Some(t) = p.temperature {
                    body["temperature"] = json!(t);
                }
                if let Some(n) = p.max_tokens {
                    body["max_tokens"] = json!(n);
                }
            }
            Wire::Ollama => {
                body["stream"] = json!(false);
                let mut options = json!({});
                if let Some(t) = p.temperature {
                    options["temperature"] = json!(t);
                }
                if let Some(n) = p.max_tokens {
                    options["num_predict"] = json!(n);
                }
                body["options"] = options;
            }
        }
        if !tools.is_empty() {
            body["tools"] = Value::Array(tools);
        }
        body
    }

    fn message(self, m: &Message) -> Value {
        match m {
            Message::System(c) | Message::User(c) => json!({"role": role(m), "content": c}),
            Message::Assistant {
                content,
                tool_calls,
            } => {
                let mut v = json!({"role": "assistant", "content": content});
                if !tool_calls.is_empty() {
                    v["tool_calls"] = tool_calls
                        .iter()
                        .map(|c| match self {
                            Wire::OpenAi => json!({"id": c.id, "type": "function",
                            "function": {"name": c.name, "arguments": match &c.raw {
                                Value::String(s) => s.clone(),
                                other => other.to_string(),
                            }}}),
                            Wire::Ollama => {
                                json!({"function": {"name": c.name, "arguments": c.raw}})
                            }
                        })
                        .collect();
                }
                v
            }
            Message::Tool { call_id, content } => match self {
                Wire::OpenAi => {
                    json!({"role": "tool", "tool_call_id": call_id, "content": content})
                }
                Wire::Ollama => json!({"role": "tool", "content": content}),
            },
        }
    }

    /// Parse a response body.
    pub fn parse(self, v: &Value) -> Option<Completion> {
        let (msg, tokens) = match self {
            Wire::OpenAi => (
                v.pointer("/choices/0/message")?,
                v.pointer("/usage/total_tokens").and_then(Value::as_u64),
            ),
            Wire::Ollama => (
                v.get("message")?,
                match (
                    v.get("prompt_eval_count").and_then(Value::as_u64),
                    v.get("eval_count").and_then(Value::as_u64),
                ) {
                    (None, None) => None,
                    (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
                },
            ),
        };
        let content = msg
            .get("content")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let mut tool_calls = Vec::new();
        for (i, c) in msg
            .get("tool_calls")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let f = c.get("function").unwrap_or(&Value::Null);
            let name = f
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let raw = f.get("arguments").cloned().unwrap_or(Value::Null);
            let arguments = match &raw {
                Value::String(s) if s.trim().is_empty() => Ok(json!({})),
                Value::String(s) => serde_json::from_str::<Value>(s)
                    .map_err(|e| format!("arguments are not valid JSON: {e}")),
                Value::Object(_) => Ok(raw.clone()),
                Value::Null => Ok(json!({})),
                other => Err(format!("arguments must be a JSON object, got {other}")),
            }
            .and_then(|v| {
                if v.is_object() {
                    Ok(v)
                } else {
                    Err(format!("arguments must be a JSON object, got {v}"))
                }
            });
            let id = c
                .get("id")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| format!("call_{i}"));
            tool_calls.push(ToolCall {
                id,
                name,
                arguments,
                raw,
            });
        }
        let estimated = (content.len() as u64) / 4 + 1;
        Some(Completion {
            content,
            tool_calls,
            tokens: tokens.unwrap_or(estimated),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openai_tool_calls_parse_and_malformed_arguments_are_reported() {
        let v = json!({"choices": [{"message": {"role": "assistant", "content": null, "tool_calls": [
            {"id": "a", "type": "function", "function": {"name": "get_product", "arguments": "{\"product_id\":\"X\"}"}},
            {"id": "b", "type": "function", "function": {"name": "add_to_cart", "arguments": "{product_id: X"}}
        ]}}], "usage": {"total_tokens": 42}});
        let c = Wire::OpenAi.parse(&v).expect("parses");
        assert_eq!(c.tokens, 42);
        assert_eq!(c.tool_calls.len(), 2);
        assert_eq!(
            c.tool_calls[0].arguments.as_ref().expect("ok")["product_id"],
            "X"
        );
        assert!(c.tool_calls[1].arguments.is_err());
    }

    #[test]
    fn ollama_native_format_round_trips() {
        let v = json!({"model": "m", "message": {"role": "assistant", "content": "hi", "tool_calls": [
            {"function": {"name": "search_products", "arguments": {"query": "sofa"}}}
        ]}, "done": true, "prompt_eval_count": 10, "eval_count": 5});
        let c = Wire::Ollama.parse(&v).expect("parses");
        assert_eq!(c.tokens, 15);
        assert_eq!(c.tool_calls[0].name, "search_products");
        let body = Wire::Ollama.body(
            &Params {
                model: "m",
                temperature: Some(0.3),
                max_tokens: Some(100),
            },
            &[
                Message::User("x".into()),
                Message::Assistant {
                    content: String::new(),
                    tool_calls: c.tool_calls.clone(),
                },
            ],
            &[],
        );
        assert_eq!(body["stream"], false);
        assert_eq!(body["options"]["num_predict"], 100);
        assert_eq!(
            body["messages"][1]["tool_calls"][0]["function"]["arguments"]["query"],
            "sofa"
        );
    }
}
