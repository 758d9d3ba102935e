//! The product catalog: Meta catalog-feed import, full-text search and
//! recommendations.
