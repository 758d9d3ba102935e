//! Guest bindings generated from `wit/plugin.wit`
//! (`agent-store:plugin@0.2.1`), one module per world.
//!
//! Both worlds share the `types` interface and the host imports: the router
//! module reuses the seller module's generated types (`with`), so a type such
//! as `Product` is one Rust type for every plugin. Only the router module has
//! the `routing` import.

#[allow(missing_docs, clippy::all)]
pub mod seller {
    wit_bindgen::generate!({
        path: "../wit/plugin.wit",
        world: "agent-store:plugin/seller",
        pub_export_macro: true,
        export_macro_name: "export_seller_world",
        default_bindings_module: "agent_store_sdk::bindings::seller",
        additional_derives: [PartialEq],
    });
}

#[allow(missing_docs, clippy::all)]
pub mod router {
    wit_bindgen::generate!({
        path: "../wit/plugin.wit",
        world: "agent-store:plugin/router",
        pub_export_macro: true,
        export_macro_name: "export_router_world",
        default_bindings_module: "agent_store_sdk::bindings::router",
        with: {
            "agent-store:plugin/types@0.2.1": crate::bindings::seller::agent_store::plugin::types,
            "agent-store:plugin/catalog@0.2.1": crate::bindings::seller::agent_store::plugin::catalog,
            "agent-store:plugin/llm@0.2.1": crate::bindings::seller::agent_store::plugin::llm,
            "agent-store:plugin/orders@0.2.1": crate::bindings::seller::agent_store::plugin::orders,
            "agent-store:plugin/conversation@0.2.1": crate::bindings::seller::agent_store::plugin::conversation,
            "agent-store:plugin/config@0.2.1": crate::bindings::seller::agent_store::plugin::config,
            "agent-store:plugin/log@0.2.1": crate::bindings::seller::agent_store::plugin::log,
            "agent-store:plugin/analysis@0.2.1": crate::bindings::seller::agent_store::plugin::analysis,
        },
    });
}
