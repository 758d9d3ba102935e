//! Candidate retrieval for the ranking: the products the text query
//! matches with their BM25 score, read from the `ord` fast field (no stored
//! documents), bounded to the best `MAX_CANDIDATES` by BM25 before the
//! (costlier) concept-coverage ranking looks at them.
//!
//! Why bounded: at 100,000 products a common word ("black", "set") matches
//! tens of thousands of products, and ranking all of them cost ~60 ms a
//! search. The bound is far above any result page and above the demo
//! catalog's size, so small catalogs rank exactly as before.
//!
//! The bounded pool comes from tantivy's own top-k collector (`TopDocs`):
//! it skips the matches that cannot enter the best `MAX_CANDIDATES` (block
//! WAND over the term posting lists) instead of scoring and keeping every
//! match, and only the kept documents' ordinals are read. Its order (score
//! descending, then document address) is the order the ranking's later
//! tie-breaks were written against.

use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::Query;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

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

/// The best `max` hits of a list in `TopDocs` order.
fn best_of(mut hits: Vec<Hit>, max: usize) -> Vec<Hit> {
    if hits.len() > max && max > 0 {
        hits.select_nth_unstable_by(max - 1, top_docs_order);
        hits.truncate(max);
    }
    hits.sort_unstable_by(top_docs_order);
    hits
}

/// The best `max` matches of `query` as (ordinal, BM25), best first in
/// `TopDocs` order; every match when `max` is 0 or not below the number of
/// documents (no top-k heap sized for the whole catalog then).
pub fn best(
    searcher: &Searcher,
    query: &dyn Query,
    max: usize,
) -> tantivy::Result<Vec<(usize, Score)>> {
    let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    if max == 0 || max >= docs {
        let hits = searcher.search(query, &Ordinals)?;
        return Ok(best_of(hits, max)
            .into_iter()
            .map(|h| (h.ord, h.score))
            .collect());
    }
    let top = searcher.search(query, &TopDocs::with_limit(max))?;
    let ords = searcher
        .segment_readers()
        .iter()
        .map(|r| r.fast_fields().u64("ord"))
        .collect::<tantivy::Result<Vec<Column<u64>>>>()?;
    Ok(top
        .into_iter()
        .filter_map(|(score, addr)| {
            let ord = ords.get(addr.segment_ord as usize)?.first(addr.doc_id)?;
            Some((usize::try_from(ord).ok()?, score))
        })
        .collect())
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

    /// An index of `n` documents over a few words (many equal scores),
    /// written in three commits (three segments).
    fn index(n: u64) -> (tantivy::Index, tantivy::schema::Field) {
        use tantivy::schema::{FAST, Schema, TEXT};
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let ord = schema.add_u64_field("ord", FAST);
        let index = tantivy::Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let words = ["black", "shoe", "run", "red", "sofa", "lamp", "black shoe"];
        for i in 0..n {
            let mut doc = tantivy::TantivyDocument::default();
            let text: Vec<&str> = (0..(i % 5 + 1))
                .map(|k| words[((i * 7 + k * 3) % words.len() as u64) as usize])
                .collect();
            doc.add_text(body, text.join(" "));
            doc.add_u64(ord, i);
            writer.add_document(doc).expect("add");
            if i % (n / 3) == 0 {
                writer.commit().expect("commit");
            }
        }
        writer.commit().expect("commit");
        (index, body)
    }

    /// The bounded pool (tantivy's top-k collector, with its pruning) is
    /// the best `max` of every match, in the same order with the same
    /// scores, ties included.
    #[test]
    fn the_top_k_pool_is_the_best_of_all_matches() {
        use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
        use tantivy::schema::IndexRecordOption;
        let (index, body) = index(3_000);
        let searcher = index.reader().expect("reader").searcher();
        assert!(searcher.segment_readers().len() > 1);
        let clause = |w: &str, boost: f32| {
            let q = TermQuery::new(
                tantivy::Term::from_field_text(body, w),
                IndexRecordOption::WithFreqs,
            );
            (
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), boost)) as Box<dyn Query>,
            )
        };
        let queries = [
            BooleanQuery::new(vec![clause("black", 3.0)]),
            BooleanQuery::new(vec![clause("black", 3.0), clause("shoe", 2.5)]),
            BooleanQuery::new(vec![
                clause("black", 1.0),
                clause("shoe", 2.5),
                clause("run", 0.8),
                clause("lamp", 0.6),
            ]),
        ];
        for q in &queries {
            let all = best(&searcher, q, usize::MAX).expect("all");
            assert!(all.len() > 500, "{}", all.len());
            for max in [1, 10, 100, 499, 500] {
                let top = best(&searcher, q, max).expect("top");
                let bits = |v: &[(usize, Score)]| -> Vec<(usize, u32)> {
                    v.iter().map(|&(o, s)| (o, s.to_bits())).collect()
                };
                assert_eq!(bits(&top), bits(&all[..max]), "max {max}");
            }
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
        let ords: Vec<usize> = best_of(hits.clone(), 3).iter().map(|h| h.ord).collect();
        assert_eq!(ords, vec![1, 4, 2]);
        let all: Vec<usize> = best_of(hits, 10).iter().map(|h| h.ord).collect();
        assert_eq!(all, vec![1, 4, 2, 3, 0]);
    }
}
