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
        let query = SearchQuery {
            text: "laptop".into(),
            max_price_minor: None,
            min_price_minor: None,
            color: None,
            size: None,
            gender: None,
            in_stock_only: false,
            limit: 1,
        };
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
        Ok(match said.as_str() {
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

agent_store_sdk::export_seller!(GroundingProbe);
