//! The host side of the WIT `routing` interface (router world): the brands
//! the host has sellers for and how well a text matches each, answered by
//! a [`BrandDirectory`] (the brand vocabulary), and their WIT conversions.
//!
//! Shaped like wasmtime-wasi's `WasiView`: the plugin runtime's turn state
//! implements [`RoutingView`], handing out a [`RoutingCtxView`] for each
//! call, and [`add_to_linker`] links the interface, recorded
//! ([`Recorded`]).

use agent_store_wit::interfaces::routing as routing_if;
use agent_store_wit::wasmtime::component::{HasData, Linker};
use agent_store_wit::wit;
use agent_store_wit::{ImportGate, Recorded, wasmtime};

use crate::directory::{BrandDirectory, BrandMatch, BrandProfile};

/// Longest text `routing.match-text` looks at, in characters.
const MATCH_TEXT_CHARS: usize = 4096;

/// What a `routing` call works with.
pub struct RoutingCtxView<'a> {
    pub gate: &'a mut dyn ImportGate,
    pub directory: &'a dyn BrandDirectory,
    /// The brands with a seller, as the route request gave them: all the
    /// router may hear of.
    pub brands: &'a [String],
}

/// A store whose data can serve the `routing` interface.
pub trait RoutingView: Send {
    fn routing(&mut self) -> RoutingCtxView<'_>;
}

/// The linker's [`HasData`] for the `routing` interface.
pub struct HasRouting;

impl HasData for HasRouting {
    type Data<'a> = Recorded<RoutingCtxView<'a>>;
}

/// What one `routing` call runs on: the view, recorded.
pub fn host<T: RoutingView>(state: &mut T) -> Recorded<RoutingCtxView<'_>> {
    let view = state.routing();
    Recorded::new(view.gate.tape(), view)
}

/// Link the `routing` interface.
pub fn add_to_linker<T: RoutingView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    routing_if::add_to_linker::<T, HasRouting>(linker, host)
}

impl routing_if::Host for RoutingCtxView<'_> {
    async fn brands(&mut self) -> Vec<wit::BrandProfile> {
        let Ok(_call) = self.gate.enter("routing.brands") else {
            return Vec::new();
        };
        self.directory
            .profiles(self.brands)
            .into_iter()
            .map(brand_profile)
            .collect()
    }

    async fn match_text(&mut self, text: String, limit: u32) -> Vec<wit::BrandMatch> {
        let Ok(_call) = self.gate.enter("routing.match-text") else {
            return Vec::new();
        };
        let text: String = text.chars().take(MATCH_TEXT_CHARS).collect();
        let limit = limit.clamp(1, self.gate.search_limit());
        let mut matches = self.directory.match_text(self.brands, &text, limit);
        // Whatever the directory does, the router only hears of brands it
        // may route to, and no more than it asked for.
        matches.retain(|m| self.brands.contains(&m.brand));
        matches.truncate(limit as usize);
        matches.into_iter().map(brand_match).collect()
    }
}

pub fn brand_profile(p: BrandProfile) -> wit::BrandProfile {
    wit::BrandProfile {
        brand: p.brand,
        display_name: p.display_name,
        categories: p.categories,
        examples: p.examples,
    }
}

pub fn brand_match(m: BrandMatch) -> wit::BrandMatch {
    wit::BrandMatch {
        brand: m.brand,
        score: m.score,
        terms: m.terms,
    }
}
