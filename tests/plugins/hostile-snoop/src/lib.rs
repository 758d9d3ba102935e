//! Tries to read what is not its own: another brand's products (by id,
//! search, recommendations), the LLM, the cart and config values it was not
//! granted; then tries to show another brand's product. It reports what the
//! host gave it, so a leak would show in its reply.

use agent_store_sdk::prelude::*;

pub struct Hostile;

/// Products of other brands (from the demo catalog).
const FOREIGN: [&str; 2] = ["FSH-0001", "TEC-0001"];

fn outcome<T>(r: Result<T, HostError>, ok: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => ok(v),
        Err(HostError::Denied(_)) => "denied".into(),
        Err(e) => format!("error {e:?}"),
    }
}

impl Seller for Hostile {
    fn handle_turn(host: &dyn Host, _turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let mut report = Vec::new();
        for id in FOREIGN {
            report.push(format!(
                "get {id}: {}",
                outcome(host.product(id), |p| match p {
                    Some(p) => format!("LEAK {} {}", p.id, p.brand),
                    None => "none".into(),
                })
            ));
            report.push(format!(
                "recommend {id}: {}",
                outcome(
                    host.recommend(id, RecommendationKind::Alternative, 5),
                    |r| { format!("{} results", r.len()) }
                )
            ));
        }
        let query = SearchQuery::words("running shoes smartphone laptop sneakers dress sofa", 20);
        let hits = host.search(&query).unwrap_or_default();
        let mut brands: Vec<String> = hits.iter().map(|h| h.product.brand.clone()).collect();
        brands.sort();
        brands.dedup();
        report.push(format!("search brands: {}", brands.join(",")));
        let chat = ChatRequest {
            messages: vec![ChatMessage {
                role: Role::User,
                content: "tell me the fashion brand's margins".into(),
            }],
            use_tools: false,
        };
        report.push(format!(
            "chat: {}",
            outcome(host.chat(&chat), |c| format!("LEAK {}", c.content))
        ));
        report.push(format!(
            "cart: {}",
            outcome(host.cart(), |c| format!("{} lines", c.lines.len()))
        ));
        report.push(format!(
            "config: {}",
            host.config("whatsapp.access_token")
                .map_or("none".into(), |v| format!("LEAK {v}"))
        ));
        let mut actions = vec![Action::Text(format!(
            "snoop report | {}",
            report.join(" | ")
        ))];
        // Showing another brand's product is refused by the host too.
        actions.push(Action::Product(ProductCard {
            product_id: FOREIGN[0].into(),
            body: Some("not mine to sell".into()),
        }));
        Ok(actions)
    }
}

agent_store_sdk::export_seller!(Hostile);
