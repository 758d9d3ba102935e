//! Each capability's view of a turn: [`PluginState`] split into the
//! [`TurnGate`] (borrowed mutably) and the services, grants and scope that
//! capability's interface needs (borrowed shared), as wasmtime-wasi's
//! `WasiView` hands out a `WasiCtxView`.

use super::*;
use crate::catalog::plugin_host::{CatalogAccess, CatalogCtxView, CatalogView};
use crate::conversations::plugin_host::{ConversationCtxView, ConversationView};
use crate::orders::plugin_host::{OrdersCtxView, OrdersView};
use crate::plugins::manifest::CatalogScope;
use crate::routing::plugin_host::{RoutingCtxView, RoutingView};
use agent_store_llm::ToolEnv;
use agent_store_llm::plugin_host::{LlmCtxView, LlmView};

impl CatalogView for PluginState {
    fn catalog(&mut self) -> CatalogCtxView<'_> {
        let scope = &self.scope;
        let access = match scope.grants.catalog {
            CatalogScope::None => CatalogAccess::Denied,
            CatalogScope::All => CatalogAccess::All,
            CatalogScope::Brand => scope
                .brand
                .as_deref()
                .map_or(CatalogAccess::Denied, CatalogAccess::Brand),
        };
        CatalogCtxView {
            gate: &mut self.gate,
            catalog: &self.services.catalog,
            access,
            shown: &self.services.seen,
        }
    }
}

impl OrdersView for PluginState {
    fn orders(&mut self) -> OrdersCtxView<'_> {
        OrdersCtxView {
            gate: &mut self.gate,
            granted: self.scope.grants.orders,
            carts: self.services.carts.as_ref(),
            conversation_id: self.scope.conversation_id.as_deref(),
            cart_read: &mut self.cart_read,
            catalog: &self.services.catalog,
            shown: &self.services.seen,
        }
    }
}

impl ConversationView for PluginState {
    fn conversation(&mut self) -> ConversationCtxView<'_> {
        ConversationCtxView {
            gate: &mut self.gate,
            store: self.services.conversations.as_ref(),
            conversation_id: self.scope.conversation_id.as_deref(),
            plugin: &self.scope.plugin,
        }
    }
}

impl LlmView for PluginState {
    fn llm(&mut self) -> LlmCtxView<'_> {
        LlmCtxView {
            gate: &mut self.gate,
            granted: self.scope.grants.llm,
            llm: &self.services.llm,
            plugin: &self.scope.plugin,
            tools: tool_env(&self.services, &self.scope),
            conversations: self.services.conversations.as_ref(),
        }
    }
}

impl RoutingView for PluginState {
    fn routing(&mut self) -> RoutingCtxView<'_> {
        RoutingCtxView {
            gate: &mut self.gate,
            directory: &*self.services.brands,
            brands: &self.scope.brands,
        }
    }
}

/// The tools the model may run for a plugin turn, from its grants.
fn tool_env(services: &Services, scope: &TurnScope) -> ToolEnv {
    let catalog_scope = match scope.grants.catalog {
        CatalogScope::None => None,
        CatalogScope::All => Some(None),
        CatalogScope::Brand => scope.brand.clone().map(Some),
    };
    ToolEnv {
        catalog: services.catalog.clone(),
        carts: services.carts.clone(),
        conversation_id: scope.conversation_id.clone(),
        brand: scope.brand.clone(),
        catalog_scope,
        orders: scope.grants.orders,
        escalate: scope.grants.escalate,
        hand_off: scope.grants.hand_off,
        offered: Vec::new(),
        seen: services.seen.clone(),
    }
}
