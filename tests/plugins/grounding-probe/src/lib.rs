//! A seller (contract 0.2.0, SDK) that writes prices into its own texts,
//! so tests can check the host's grounding guard on plugin text. It
//! searches the catalog for "laptop" and takes the first hit `P`; the
//! customer's message picks what it writes:
//!
//! - `right`: `P`'s title and catalog price in a text;
//! - `wrong`: `P`'s title followed by a wrong price (corrected by name);
//! - `button`: buttons whose first title carries an invented price
//!   ("Buy now $1.00"), the second a plain "More";
//! - `ghost`: a text naming a product id the catalog does not have;
//! - `flood`: a long body and a 10-row list, every line an invented price;
//! - `cross`: a product list of `P` and its cross-sell recommendations;
//! - `invented`: a text naming products the catalog does not have
//!   ("Zenbook Air 15", "Nova X13 Smartphone");
//! - `names`: buttons titled with a real and an invented product name,
//!   and a body of real names and generic title-case words that must pass;
//! - `echo WORDS`: "Sorry, we don't have the WORDS." (the customer's own
//!   words, never flagged);
//! - `discount N`: "Special for you: N% off the `P`!" (a discount
//!   intent for the brand's policy);
//! - `ask WORDS`: the LLM (with the host's tools) answers WORDS, its
//!   answer is the reply (a fixed apology when the call fails);
//! - a message with `pedido` or `order` in it: `P` into the cart and the
//!   order placed, in one turn;
//! - anything else: the product card of `P`.

use agent_store_sdk::prelude::*;

pub struct GroundingProbe;

fn price(m: &Money) -> String {
    let units = m.minor_units / 100;
    let cents = (m.minor_units % 100).abs();
    format!("${units}.{cents:02}")
}

impl Seller for GroundingProbe {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let said = match &turn.message.content {
            MessageContent::Text(t) => t.trim().to_lowercase(),
            _ => String::new(),
        };
        let query = SearchQuery::words("laptop", 1);
        let hits = host.search(&query).map_err(|e| PluginError {
            message: format!("{e:?}"),
        })?;
        let Some(p) = hits.into_iter().next().map(|h| h.product) else {
            return Ok(vec![Action::Text("no laptop found".into())]);
        };
        let effective = p.sale_price.clone().unwrap_or_else(|| p.price.clone());
        if said.contains("pedido") || said.contains("order") {
            return Ok(vec![
                Action::AddToCart(CartIntent {
                    product_id: p.id.clone(),
                    quantity: 1,
                }),
                Action::PlaceOrder(OrderIntent { note: None }),
                Action::Text("ok".into()),
            ]);
        }
        if let Some(words) = said.strip_prefix("echo ") {
            return Ok(vec![Action::Text(format!(
                "Sorry, we don't have the {}.",
                title_case(words)
            ))]);
        }
        if let Some(n) = said.strip_prefix("discount ") {
            return Ok(vec![Action::Text(format!(
                "Special for you: {}% off the {}!",
                n.trim(),
                p.title
            ))]);
        }
        if let Some(words) = said.strip_prefix("ask ") {
            let request = ChatRequest {
                messages: vec![
                    ChatMessage {
                        role: Role::System,
                        content: "You are a seller.".into(),
                    },
                    ChatMessage {
                        role: Role::User,
                        content: words.into(),
                    },
                ],
                use_tools: true,
            };
            let text = match host.chat(&request) {
                Ok(r) => r.content,
                Err(_) => "Sorry, I can't answer that now.".into(),
            };
            return Ok(vec![Action::Text(text)]);
        }
        Ok(match said.as_str() {
            "invented" => vec![Action::Text(
                "Try the Zenbook Air 15, or our Nova X13 Smartphone.".into(),
            )],
            "names" => vec![Action::Buttons(ButtonsReply {
                body: format!(
                    "Top 5 Laptops of 2024! Black Friday Deals: the {} and the Pulse Buds.",
                    p.title
                ),
                buttons: vec![
                    Button {
                        id: "b1".into(),
                        title: "Forge 16 Creator".into(),
                    },
                    Button {
                        id: "b2".into(),
                        title: "Forge 17 Creator".into(),
                    },
                ],
                header: None,
                footer: None,
            })],
            "cross" => {
                let recs = host
                    .recommend(&p.id, RecommendationKind::CrossSell, 2)
                    .map_err(|e| PluginError {
                        message: format!("{e:?}"),
                    })?;
                let mut ids = vec![p.id.clone()];
                ids.extend(recs.into_iter().map(|r| r.product.id));
                vec![Action::Products(ProductList {
                    header: "For your laptop".into(),
                    body: "Pick one".into(),
                    product_ids: ids,
                })]
            }
            "right" => vec![Action::Text(format!(
                "The {} is {} today.",
                p.title,
                price(&effective)
            ))],
            "wrong" => vec![Action::Text(format!("The {} is $1.00 today.", p.title))],
            "button" => vec![Action::Buttons(ButtonsReply {
                body: format!("Interested in the {}?", p.title),
                buttons: vec![
                    Button {
                        id: format!("add:{}", p.id),
                        title: "Buy now $1.00".into(),
                    },
                    Button {
                        id: "more".into(),
                        title: "More".into(),
                    },
                ],
                header: None,
                footer: None,
            })],
            "ghost" => vec![Action::Text("Try the TEC-9999, our best seller.".into())],
            "flood" => {
                let body: String = (1..=300)
                    .map(|i| format!("Deal {i}: ${i}.99\n"))
                    .collect::<String>()
                    .chars()
                    .take(1000)
                    .collect();
                let rows = (1..=10)
                    .map(|i| ListRow {
                        id: format!("deal-{i}"),
                        title: format!("Deal ${i}.99"),
                        description: Some(format!("Only ${i}.49 today")),
                    })
                    .collect();
                vec![
                    Action::Text(body),
                    Action::List(ListReply {
                        body: "Today's deals".into(),
                        button_label: "Deals".into(),
                        sections: vec![ListSection {
                            title: "Deals".into(),
                            rows,
                        }],
                        header: None,
                        footer: None,
                    }),
                ]
            }
            _ => vec![Action::Product(ProductCard {
                product_id: p.id.clone(),
                body: None,
            })],
        })
    }
}

/// "nova x99 smartphone" → "Nova X99 Smartphone" (the customer's words
/// as a product title).
fn title_case(words: &str) -> String {
    words
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

agent_store_sdk::export_seller!(GroundingProbe);
