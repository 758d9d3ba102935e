//! The developer kit: what a brand team and an operator use around the
//! plugin runtime, not the runtime itself — building guest crates into
//! components ([`build`]), scaffolding a new seller ([`scaffold`]) and
//! running a `plugin test` script against a whole host started for it
//! ([`script`]). It sits above `app` and `plugins` (a script starts an
//! [`App`](crate::app::App)), so the runtime never imports the app.

pub mod build;
pub mod scaffold;
pub mod script;
