use agent_store_sdk::prelude::*;

pub struct Tech;
impl Seller for Tech {
    fn handle_turn(_host: &dyn Host, _turn: &Turn) -> Result<Vec<Action>, PluginError> {
        Ok(vec![Action::Text("Hi, I'm Max".into())])
    }
}
agent_store_sdk::export_seller!(Tech);
