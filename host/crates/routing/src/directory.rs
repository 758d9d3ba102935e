//! What the `routing` interface (router world, contract 0.2.0) answers
//! from: what a router may ask about the brands the host has sellers for.
//!
//! The interface's host side (`plugin_host`) asks a [`BrandDirectory`] the
//! plugin runtime holds in its services (`plugins::Services::brands`); the
//! default, [`LoadedBrands`], knows only the brands' names. The
//! [`super::Vocabulary`] (categories and vocabulary from the catalog, text
//! matching) replaces it at start-up without touching the runtime. It
//! lives here, below the runtime, so the vocabulary never imports the
//! plugin host.

use std::sync::Arc;

/// One brand as routing sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BrandProfile {
    pub brand: String,
    pub display_name: String,
    pub categories: Vec<String>,
    pub examples: Vec<String>,
}

/// How well a text matches one brand.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BrandMatch {
    pub brand: String,
    /// Higher is better; comparable within one call.
    pub score: f32,
    /// The words of the text that matched.
    pub terms: Vec<String>,
}

/// What the `routing` import answers. `brands` is the brands the host has
/// sellers for right now (the route request's), in the order the router
/// was given them; answers must stay within them.
pub trait BrandDirectory: Send + Sync {
    /// A profile for each of `brands`.
    fn profiles(&self, brands: &[String]) -> Vec<BrandProfile>;
    /// The brands among `brands` that `text` matches, best first, at most
    /// `limit`.
    fn match_text(&self, brands: &[String], text: &str, limit: u32) -> Vec<BrandMatch>;
}

/// The default directory: each loaded seller brand under its own name, no
/// categories, and no text matches.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadedBrands;

impl BrandDirectory for LoadedBrands {
    fn profiles(&self, brands: &[String]) -> Vec<BrandProfile> {
        brands
            .iter()
            .map(|b| BrandProfile {
                brand: b.clone(),
                display_name: b.clone(),
                ..BrandProfile::default()
            })
            .collect()
    }

    fn match_text(&self, _brands: &[String], _text: &str, _limit: u32) -> Vec<BrandMatch> {
        Vec::new()
    }
}

/// The default directory, shared.
pub fn loaded_brands() -> Arc<dyn BrandDirectory> {
    Arc::new(LoadedBrands)
}
