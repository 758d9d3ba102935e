//! # Agent Store language
//!
//! One home for the store's language, shared by the host and the plugin
//! SDK (and so by every guest plugin, built for `wasm32-wasip2`):
//!
//! * [`text`]: normalisation (case, accent folding), tokenising, plural
//!   stemming for en/pt/es, typo-tolerant matching, stopwords, colours.
//! * [`detect`]: language detection (en/pt/es) and the sticky language of
//!   a conversation.
//! * [`amount`]: numbers as customers write them (`1.299,90`, `1,299`,
//!   `2k`), in minor units or as floats.
//! * [`constraints`]: the price / colour / size bounds of a message, as the
//!   plugins read them.
//! * [`query`]: the catalog query parser (concepts with English
//!   expansions, price bounds, colour, size, gender, intents) that the
//!   host's search and the SDK's `FakeHost` both use, over the vocabulary
//!   in `data/vocabulary.txt` and `data/products.txt`.
//! * [`money`]: ISO 4217 exponents, strict feed-price parsing and money
//!   formatting per language.
//!
//! The crate has no dependency on wasm, wasmtime or tantivy; its word
//! lists that are vocabularies live in `data/` and are compiled in with
//! `include_str!`.

pub mod amount;
pub mod constraints;
pub mod detect;
pub mod money;
pub mod query;
pub mod text;
