//! Agent Store host library: every capability lives in its own module, and
//! `app` composes them into one running server.

pub mod catalog;
pub mod db;
pub mod money;
