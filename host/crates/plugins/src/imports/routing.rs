//! The `routing` interface (router world): the brands the host has sellers for and how
//! well a text matches each ([`crate::routing::directory::BrandDirectory`]).

use super::*;

impl router_if::routing::Host for PluginState {
    async fn brands(&mut self) -> Vec<wit::BrandProfile> {
        let Ok(_call) = self.enter("routing.brands") else {
            return Vec::new();
        };
        self.services
            .brands
            .profiles(&self.scope.brands)
            .into_iter()
            .map(convert::brand_profile)
            .collect()
    }

    async fn match_text(&mut self, text: String, limit: u32) -> Vec<wit::BrandMatch> {
        let Ok(_call) = self.enter("routing.match-text") else {
            return Vec::new();
        };
        let text: String = text.chars().take(MATCH_TEXT_CHARS).collect();
        let limit = limit.clamp(1, self.budgets.search_limit);
        let mut matches = self
            .services
            .brands
            .match_text(&self.scope.brands, &text, limit);
        // Whatever the directory does, the router only hears of brands it
        // may route to, and no more than it asked for.
        matches.retain(|m| self.scope.brands.contains(&m.brand));
        matches.truncate(limit as usize);
        matches.into_iter().map(convert::brand_match).collect()
    }
}
