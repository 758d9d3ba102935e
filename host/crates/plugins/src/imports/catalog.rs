//! The `catalog` interface: search, product details and recommendations, within the
//! manifest's catalog scope and the turn's catalog-call budget.

use super::*;

impl wit_if::catalog::Host for PluginState {
    async fn search(
        &mut self,
        query: wit::SearchQuery,
    ) -> Result<Vec<wit::ScoredProduct>, HostError> {
        let _call = self.enter("catalog.search")?;
        let brand = self.catalog_scope()?;
        let q = convert::search_query(query, self.budgets.search_limit);
        let found = self.services.catalog.search(brand.as_deref(), &q);
        // The turn log copies only when it records; the products then move
        // into the guest's types (no copy of their texts on the way out).
        self.services
            .seen
            .searched(&q.text, found.iter().map(|s| &s.product));
        // A budget the plugin searched with is a true amount to quote.
        self.services
            .seen
            .amounts(q.max_price_minor.into_iter().chain(q.min_price_minor));
        Ok(found
            .into_iter()
            .map(|s| wit::ScoredProduct {
                product: convert::into_product(s.product),
                score: s.score,
            })
            .collect())
    }

    async fn get(&mut self, id: String) -> Result<Option<wit::Product>, HostError> {
        let _call = self.enter("catalog.get")?;
        let brand = self.catalog_scope()?;
        let found = self.services.catalog.get(brand.as_deref(), &id);
        self.services.seen.products(found.iter());
        Ok(found.map(convert::into_product))
    }

    async fn recommend(
        &mut self,
        product_id: String,
        kind: wit::RecommendationKind,
        limit: u32,
    ) -> Result<Vec<wit::Recommendation>, HostError> {
        let _call = self.enter("catalog.recommend")?;
        let brand = self.catalog_scope()?;
        let limit = limit.clamp(1, self.budgets.search_limit);
        let host_kind = convert::recommendation_kind(kind);
        let found =
            self.services
                .catalog
                .recommend(brand.as_deref(), &product_id, host_kind, limit);
        self.services
            .seen
            .recommended(&product_id, host_kind, found.iter().map(|r| &r.product));
        Ok(found
            .into_iter()
            .map(|r| wit::Recommendation {
                product: convert::into_product(r.product),
                kind,
                explanation: r.explanation,
            })
            .collect())
    }
}
