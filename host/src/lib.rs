//! Agent Store host library. One module per capability; `app` composes them
//! into one running server and `cli` is the `agent-store` binary's front end.

pub mod api;

/// The allocator of every executable that runs the host (`agent-store`, and
/// the end-to-end bench whose child process is the host), chosen here once:
/// mimalloc, because a message's memory is allocated on one thread and freed
/// on another (tokio's workers, the wasm turns, sqlx's SQLite workers), which
/// glibc's malloc serves slowly (BENCHMARKS.md, "The allocator"). An
/// executable declares it with `#[global_allocator] static A: Allocator`.
pub type Allocator = mimalloc::MiMalloc;
pub mod app;
pub use agent_store_bus as bus;
pub use agent_store_catalog as catalog;
pub use agent_store_chat as chat;
pub mod cli;
pub mod cluster;
pub mod config;
pub use agent_store_conversations as conversations;
pub use agent_store_db as db;
pub mod devkit;
pub mod dialogue;
pub use agent_store_events as events;
pub mod fuzzing;
pub use agent_store_lang::money;
pub use agent_store_llm as llm;
pub use agent_store_orders as orders;
pub use agent_store_payments as payments;
pub mod pipeline;
pub use agent_store_plugins as plugins;
pub mod policy;
pub mod replay;
pub use agent_store_routing as routing;
pub mod sales;
pub mod satisfaction;
pub use agent_store_shipping as shipping;
pub use agent_store_telemetry as telemetry;
pub use agent_store_web as web;
pub use agent_store_whatsapp as whatsapp;
