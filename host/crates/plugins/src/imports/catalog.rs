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
        let products: Vec<crate::catalog::Product> =
            found.iter().map(|s| s.product.clone()).collect();
        self.services.seen.searched(&q.text, &products);
        // A budget the plugin searched with is a true amount to quote.
        self.services
            .seen
            .amounts(q.max_price_minor.into_iter().chain(q.min_price_minor));
        Ok(found
            .iter()
            .map(|s| wit::ScoredProduct {
                product: convert::product(&s.product),
                score: s.score,
            })
            .collect())
    }

    async fn get(&mut self, id: String) -> Result<Option<wit::Product>, HostError> {
        let _call = self.enter("catalog.get")?;
        let brand = self.catalog_scope()?;
        let found = self.services.catalog.get(brand.as_deref(), &id);
        self.services.seen.products(found.iter());
        Ok(found.map(|p| convert::product(&p)))
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
        let products: Vec<crate::catalog::Product> =
            found.iter().map(|r| r.product.clone()).collect();
        self.services
            .seen
            .recommended(&product_id, host_kind, &products);
        Ok(found
            .iter()
            .map(|r| wit::Recommendation {
                product: convert::product(&r.product),
                kind,
                explanation: r.explanation.clone(),
            })
            .collect())
    }
}
