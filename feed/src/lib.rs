//! Meta's catalog feed (CSV), read and written the same way everywhere.
//!
//! The host's importer (`agent-store catalog import`, the admin API) and
//! the SDK's `FakeHost` (a brand team's native tests) both read a feed
//! here, so a row the host rejects is a row a plugin's tests never see,
//! and a product's model name, tags and Google category mean the same in
//! both.
//!
//! - [`columns`]: the feed's column names, their aliases, and which
//!   columns are [`Product`] fields;
//! - [`product`]: the model ([`Product`], [`Availability`]);
//! - [`read`]: parsing and validating a feed, row by row
//!   ([`parse_feed`], [`RejectedRow`]);
//! - [`write`]: products back to a feed (one product's CSV for an upsert);
//! - [`taxonomy`]: Google's numeric category ids as paths.

pub mod columns;
pub mod product;
pub mod read;
pub mod taxonomy;
pub mod write;

pub use product::{Availability, Product};
pub use read::{FeedError, ImportReport, ParsedFeed, RejectedRow, parse_feed};
