//! The adapter that keeps components built against
//! `agent-store:plugin@0.1.0` (`wit/v0.1.0/plugin.wit`) serving in a host
//! whose contract is 0.2.0.
//!
//! 0.2.0 only *added* to 0.1.0 (three cases of `types.action`, the
//! `routing` interface of the router world), so every record, enum and
//! function an 0.1.0 component imports has the same shape in both versions.
//! The component model checks types by shape, not by package name, so the
//! 0.1.0 imports are the 0.2.0 host functions registered under their 0.1.0
//! names ([`add_imports`]), and the only type of its own here is 0.1.0's
//! `action` variant ([`Action`]), converted into 0.2.0's on the way out. An
//! 0.1.0 seller simply never emits the new cart actions; an 0.1.0 router
//! has no `routing` import.

use wasmtime::component::{ComponentType, InstancePre, Lift, Linker, Lower};
use wasmtime::{Result, Store, StoreContextMut};

use super::bindings::seller::agent_store::plugin as wit_if;
use super::bindings::wit;
use super::imports::{PluginState, config_host, log_host};
use super::runtime::Phase;
use crate::catalog::plugin_host as catalog;
use crate::conversations::plugin_host as conversation;
use crate::orders::plugin_host as orders;
use agent_store_llm::plugin_host as llm;

/// The package version this adapter serves.
pub const VERSION: &str = "0.1.0";

/// 0.1.0's `types.action`: 0.2.0's without `remove-from-cart`,
/// `set-cart-quantity` and `clear-cart`. The payloads are the same records
/// in both versions.
#[derive(ComponentType, Lift, Lower, Debug, Clone)]
#[component(variant)]
pub enum Action {
    #[component(name = "text")]
    Text(String),
    #[component(name = "image")]
    Image(wit::ImageReply),
    #[component(name = "buttons")]
    Buttons(wit::ButtonsReply),
    #[component(name = "list")]
    List(wit::ListReply),
    #[component(name = "product")]
    Product(wit::ProductCard),
    #[component(name = "products")]
    Products(wit::ProductList),
    #[component(name = "add-to-cart")]
    AddToCart(wit::CartIntent),
    #[component(name = "place-order")]
    PlaceOrder(wit::OrderIntent),
    #[component(name = "escalate")]
    Escalate(wit::Escalation),
    #[component(name = "hand-off")]
    HandOff(wit::HandOff),
}

impl From<Action> for wit::Action {
    fn from(a: Action) -> Self {
        match a {
            Action::Text(t) => wit::Action::Text(t),
            Action::Image(i) => wit::Action::Image(i),
            Action::Buttons(b) => wit::Action::Buttons(b),
            Action::List(l) => wit::Action::List(l),
            Action::Product(p) => wit::Action::Product(p),
            Action::Products(p) => wit::Action::Products(p),
            Action::AddToCart(c) => wit::Action::AddToCart(c),
            Action::PlaceOrder(o) => wit::Action::PlaceOrder(o),
            Action::Escalate(e) => wit::Action::Escalate(e),
            Action::HandOff(h) => wit::Action::HandOff(h),
        }
    }
}

/// What `handle-turn` returns in 0.1.0.
type TurnResult = Result<Vec<Action>, wit::PluginError>;

/// The instance name of a 0.1.0 interface.
fn interface(name: &str) -> String {
    format!("{}/{name}@{VERSION}", super::WIT_PACKAGE)
}

/// Register one import: `$trait::$method` on what `$host` makes of the
/// store's data (the capability's view, recorded, as the 0.2.0 linkers
/// have it), its result as the function's single result.
macro_rules! import {
    ($inst:expr, $name:literal, $host:path, $trait:path, $method:ident ( $($arg:ident : $ty:ty),* )) => {
        $inst.func_wrap_async(
            $name,
            |mut store: StoreContextMut<'_, PluginState>, ($($arg,)*): ($($ty,)*)| {
                Box::new(async move {
                    let mut host = $host(store.data_mut());
                    Ok((<_ as $trait>::$method(&mut host, $($arg),*).await,))
                })
            },
        )?
    };
}

/// The 0.1.0 imports (the same for both worlds), backed by the 0.2.0 host.
pub fn add_imports(linker: &mut Linker<PluginState>) -> Result<()> {
    linker.instance(&interface("types"))?;
    {
        let mut i = linker.instance(&interface("catalog"))?;
        import!(i, "search", catalog::host, wit_if::catalog::Host, search(query: wit::SearchQuery));
        import!(i, "get", catalog::host, wit_if::catalog::Host, get(id: String));
        import!(
            i,
            "recommend",
            catalog::host,
            wit_if::catalog::Host,
            recommend(id: String, kind: wit::RecommendationKind, limit: u32)
        );
    }
    {
        let mut i = linker.instance(&interface("llm"))?;
        import!(i, "chat", llm::host, wit_if::llm::Host, chat(request: wit::ChatRequest));
    }
    {
        let mut i = linker.instance(&interface("orders"))?;
        import!(
            i,
            "get-cart",
            orders::host,
            wit_if::orders::Host,
            get_cart()
        );
        import!(i, "recent", orders::host, wit_if::orders::Host, recent(limit: u32));
    }
    {
        let mut i = linker.instance(&interface("conversation"))?;
        import!(i, "history", conversation::host, wit_if::conversation::Host, history(limit: u32));
        import!(
            i,
            "get-state",
            conversation::host,
            wit_if::conversation::Host,
            get_state(key: String)
        );
        import!(
            i,
            "set-state",
            conversation::host,
            wit_if::conversation::Host,
            set_state(key: String, value: String)
        );
    }
    {
        let mut i = linker.instance(&interface("config"))?;
        import!(i, "get", config_host, wit_if::config::Host, get(key: String));
        import!(i, "prompt", config_host, wit_if::config::Host, prompt());
    }
    {
        let mut i = linker.instance(&interface("log"))?;
        i.func_wrap_async(
            "log",
            |mut store: StoreContextMut<'_, PluginState>,
             (level, message): (wit::Level, String)| {
                Box::new(async move {
                    let mut host = log_host(store.data_mut());
                    wit_if::log::Host::log(&mut host, level, message).await;
                    Ok(())
                })
            },
        )?;
    }
    Ok(())
}

/// Run an 0.1.0 seller's `handle-turn` in a fresh instance.
pub(crate) async fn handle_turn(
    pre: &InstancePre<PluginState>,
    store: &mut Store<PluginState>,
    turn: &wit::Turn,
) -> Result<Result<Vec<wit::Action>, wit::PluginError>, (Phase, wasmtime::Error)> {
    let instance = pre
        .instantiate_async(&mut *store)
        .await
        .map_err(|e| (Phase::Instantiate, e))?;
    let call = async {
        let f =
            instance.get_typed_func::<(&wit::Turn,), (TurnResult,)>(&mut *store, "handle-turn")?;
        let (result,) = f.call_async(&mut *store, (turn,)).await?;
        Ok::<_, wasmtime::Error>(result)
    };
    let result = call.await.map_err(|e| (Phase::Call, e))?;
    Ok(result.map(|actions| actions.into_iter().map(wit::Action::from).collect()))
}

/// Run an 0.1.0 router's `route` (its request and decision have the same
/// shape as 0.2.0's).
pub(crate) async fn route(
    pre: &InstancePre<PluginState>,
    store: &mut Store<PluginState>,
    request: &wit::RouteRequest,
) -> Result<wit::RoutingDecision, (Phase, wasmtime::Error)> {
    let instance = pre
        .instantiate_async(&mut *store)
        .await
        .map_err(|e| (Phase::Instantiate, e))?;
    let call = async {
        let f = instance.get_typed_func::<(&wit::RouteRequest,), (wit::RoutingDecision,)>(
            &mut *store,
            "route",
        )?;
        let (decision,) = f.call_async(&mut *store, (request,)).await?;
        Ok::<_, wasmtime::Error>(decision)
    };
    call.await.map_err(|e| (Phase::Call, e))
}
