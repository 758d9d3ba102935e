//! Candidate retrieval for the ranking: every product the text query
//! matches, with its BM25 score, read straight from the `ord` fast field
//! (no stored documents), then bounded to the best `MAX_CANDIDATES` by
//! BM25 before the (costlier) concept-coverage ranking looks at them.
//!
//! Why bounded: at 100,000 products a common word ("black", "set") matches
//! tens of thousands of products, and ranking all of them cost ~60 ms a
//! search. The bound is far above any result page and above the demo
//! catalog's size, so small catalogs rank exactly as before.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Candidates the ranking scores at most (the best by BM25).
pub const MAX_CANDIDATES: usize = 2_000;

/// One match: where tantivy found it, the product's ordinal, its BM25.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    segment: SegmentOrdinal,
    doc: DocId,
    pub ord: usize,
    pub score: Score,
}

/// Collects every match's ordinal and score (no heap, no stored fields).
pub struct Ordinals;

pub struct SegmentOrdinals {
    segment: SegmentOrdinal,
    ords: Column<u64>,
    hits: Vec<Hit>,
}

impl Collector for Ordinals {
    type Fruit = Vec<Hit>;
    type Child = SegmentOrdinals;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentOrdinals> {
        Ok(SegmentOrdinals {
            segment,
            ords: reader.fast_fields().u64("ord")?,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Hit>>) -> tantivy::Result<Vec<Hit>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentOrdinals {
    type Fruit = Vec<Hit>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(ord) = self.ords.first(doc) {
            self.hits.push(Hit {
                segment: self.segment,
                doc,
                ord: ord as usize,
                score,
            });
        }
    }

    fn harvest(self) -> Vec<Hit> {
        self.hits
    }
}

/// tantivy's `TopDocs` order: score descending, then document address
/// ascending (the ranking's later tie-breaks depend on this order).
fn top_docs_order(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| (a.segment, a.doc).cmp(&(b.segment, b.doc)))
}

/// The best `max` hits in `TopDocs` order.
pub fn best(mut hits: Vec<Hit>, max: usize) -> Vec<Hit> {
    if hits.len() > max && max > 0 {
        hits.select_nth_unstable_by(max - 1, top_docs_order);
        hits.truncate(max);
    }
    hits.sort_unstable_by(top_docs_order);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(doc: u32, score: f32) -> Hit {
        Hit {
            segment: 0,
            doc,
            ord: doc as usize,
            score,
        }
    }

    #[test]
    fn keeps_the_best_by_score_then_address() {
        let hits = vec![
            hit(3, 1.0),
            hit(1, 2.0),
            hit(2, 1.0),
            hit(0, 0.5),
            hit(4, 2.0),
        ];
        let ords: Vec<usize> = best(hits.clone(), 3).iter().map(|h| h.ord).collect();
        assert_eq!(ords, vec![1, 4, 2]);
        let all: Vec<usize> = best(hits, 10).iter().map(|h| h.ord).collect();
        assert_eq!(all, vec![1, 4, 2, 3, 0]);
    }
}
