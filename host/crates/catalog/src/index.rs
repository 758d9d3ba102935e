//! The in-memory tantivy index over a catalog snapshot, and the ranking.
//!
//! tantivy retrieves candidates and gives each a BM25 score (title and
//! category boosted, fuzzy terms for unknown words); the ranking then
//! scores *concept coverage* (how many of the customer's concepts a product
//! matches, and in which field), applies the filters and the price intent.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::candidates;
use super::features::{self, FeatureBuilder, FeatureTable, ProductFeatures, TermId};
use super::product::{Availability, Product};
use super::query::{self, Gender, ParsedQuery, PriceIntent, Vocabulary, edit_distance};
use super::{Scored, SearchQuery};

const TOKENIZER: &str = "catalog_en";
const DEFAULT_LIMIT: usize = 10;

/// The indexed text fields, with their BM25 boost and their weight when
/// scoring concept coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Slot {
    /// The model name: the title without its variant suffix.
    Title,
    /// The title's variant suffix ("Black / 42").
    Variant,
    Category,
    Tags,
    Brand,
    Color,
    Material,
    Size,
    GoogleCategory,
    Description,
}

const SLOTS: [Slot; features::FIELDS] = [
    Slot::Title,
    Slot::Variant,
    Slot::Category,
    Slot::Tags,
    Slot::Brand,
    Slot::Color,
    Slot::Material,
    Slot::Size,
    Slot::GoogleCategory,
    Slot::Description,
];

impl Slot {
    fn name(self) -> &'static str {
        match self {
            Slot::Title => "title",
            Slot::Variant => "variant",
            Slot::Category => "category",
            Slot::Tags => "tags",
            Slot::Brand => "brand",
            Slot::Color => "color",
            Slot::Material => "material",
            Slot::Size => "size",
            Slot::GoogleCategory => "google_category",
            Slot::Description => "description",
        }
    }

    fn boost(self) -> f32 {
        match self {
            Slot::Title => 3.0,
            Slot::Variant => 0.8,
            Slot::Category => 2.5,
            Slot::Tags => 1.5,
            Slot::Brand => 0.8,
            Slot::Color | Slot::Material => 1.0,
            Slot::Size => 0.8,
            Slot::GoogleCategory => 0.6,
            Slot::Description => 0.6,
        }
    }

    fn coverage_weight(self) -> f32 {
        match self {
            Slot::Title | Slot::Category => 1.0,
            Slot::Variant => 0.45,
            Slot::Tags => 0.85,
            Slot::Brand => 0.6,
            Slot::Color => 0.35,
            Slot::Material => 0.5,
            Slot::Size => 0.5,
            Slot::GoogleCategory => 0.4,
            Slot::Description => 0.45,
        }
    }

    fn text(self, p: &Product) -> String {
        match self {
            Slot::Title => p.model_name().to_string(),
            Slot::Variant => p
                .title
                .strip_prefix(p.model_name())
                .unwrap_or_default()
                .trim_start_matches([' ', '-'])
                .to_string(),
            Slot::Category => p.category.clone(),
            Slot::Tags => p.tags().join(" "),
            Slot::Brand => p.brand.clone(),
            Slot::Color => p.color.clone().unwrap_or_default(),
            Slot::Material => p.attribute("material").unwrap_or_default().to_string(),
            Slot::Size => p.size.clone().unwrap_or_default(),
            Slot::GoogleCategory => p.google_category().to_string(),
            Slot::Description => p.description.clone(),
        }
    }
}

/// A concept ready for matching: (weight, known word, alternatives of
/// analysed stems with their weight).
type AnalysedConcept = (f32, bool, Vec<(Vec<String>, f32)>);

/// A concept's alternative as the coverage check compares it with the
/// products' interned terms.
struct Alternative {
    /// The stems' ids; `None` when some stem is in no product (then no
    /// product has all of them).
    ids: Option<Vec<TermId>>,
    weight: f32,
    /// The stem a product term may be one edit away from: an unknown
    /// concept's single stem of 5 characters or more.
    fuzzy: Option<Fuzzy>,
}

/// A concept ready for the coverage check: (weight, alternatives).
type CoverageConcept = (f32, Vec<Alternative>);

/// A search index over one immutable list of products.
pub struct SearchIndex {
    reader: IndexReader,
    fields: Vec<(Slot, Field)>,
    brand_key: Field,
    analyzer: TextAnalyzer,
    /// Per product (same order as the snapshot): what the ranking reads,
    /// computed here once (see [`features`]).
    features: FeatureTable,
    vocab: Vocabulary,
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analysed terms of a text.
fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(tok) = stream.next() {
        out.push(tok.text.clone());
    }
    out
}

/// The brand key used for scoping: trimmed and lower-cased.
pub(crate) fn brand_key(brand: &str) -> String {
    brand.trim().to_lowercase()
}

impl SearchIndex {
    /// Index `products` (their position is their ordinal).
    pub fn build(products: &[Arc<Product>]) -> tantivy::Result<SearchIndex> {
        let mut builder = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fields: Vec<(Slot, Field)> = SLOTS
            .iter()
            .map(|&s| (s, builder.add_text_field(s.name(), text.clone())))
            .collect();
        let brand_key_field = builder.add_text_field("brand_key", STRING);
        let ord = builder.add_u64_field("ord", FAST);
        let index = Index::create_in_ram(builder.build());
        index.tokenizers().register(TOKENIZER, analyzer());
        let mut writer: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 20_000_000)?;
        let mut an = analyzer();
        let mut features = FeatureBuilder::default();
        let mut vocab_texts: Vec<String> = Vec::new();
        for (i, p) in products.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            // A row in Portuguese or Spanish is also searched in English,
            // as part of its category.
            let english = query::row_english(p.model_name(), &p.category, &p.description);
            for &(slot, field) in &fields {
                let mut t = slot.text(p);
                if let (Slot::Category, Some(english)) = (slot, &english) {
                    t = format!("{t} {english}");
                }
                let joined = agent_store_lang::text::hyphen_compounds(&t);
                if !joined.is_empty() {
                    t = format!("{t} {}", joined.join(" "));
                }
                if t.is_empty() {
                    continue;
                }
                features.add_field_terms(slot as usize, analyse(&mut an, &t));
                doc.add_text(field, &t);
                vocab_texts.push(t);
            }
            features.finish_product(p);
            doc.add_text(brand_key_field, brand_key(&p.brand));
            doc.add_u64(ord, i as u64);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let vocab = Vocabulary::from_texts(vocab_texts.iter().map(String::as_str));
        Ok(SearchIndex {
            reader,
            fields,
            brand_key: brand_key_field,
            analyzer: an,
            features: features.build(products),
            vocab,
        })
    }

    /// Analysed expansions of a concept: (stems, weight) alternatives.
    fn concept_terms(&self, c: &query::Concept) -> Vec<(Vec<String>, f32)> {
        let mut an = self.analyzer.clone();
        c.expansions
            .iter()
            .map(|e| {
                let stems: Vec<String> = e.words.iter().flat_map(|w| analyse(&mut an, w)).collect();
                (stems, e.weight)
            })
            .filter(|(s, _)| !s.is_empty())
            .collect()
    }

    /// Candidate ordinals with their BM25 score, within `brand`.
    fn retrieve(
        &self,
        brand: Option<&str>,
        concepts: &[AnalysedConcept],
        max_candidates: usize,
    ) -> tantivy::Result<Vec<(usize, f32)>> {
        let mut best: HashMap<(Field, String, bool), f32> = HashMap::new();
        for (cw, known, alts) in concepts {
            for (stems, ew) in alts {
                for stem in stems {
                    for &(slot, field) in &self.fields {
                        let boost = slot.boost() * cw * ew;
                        let fuzzy = !known && stem.chars().count() >= 5;
                        for key in [(field, stem.clone(), false), (field, stem.clone(), true)] {
                            if key.2 && !fuzzy {
                                continue;
                            }
                            let b = if key.2 { boost * 0.6 } else { boost };
                            let e = best.entry(key).or_insert(0.0);
                            *e = e.max(b);
                        }
                    }
                }
            }
        }
        // Deterministic clause order (HashMap iteration is not): sort the keys,
        // not the built queries' debug strings.
        let mut best: Vec<_> = best.into_iter().collect();
        best.sort_by(|a, b| a.0.cmp(&b.0));
        let clauses: Vec<(Occur, Box<dyn Query>)> = best
            .into_iter()
            .map(|((field, stem, fuzzy), boost)| {
                let term = Term::from_field_text(field, &stem);
                let q: Box<dyn Query> = if fuzzy {
                    Box::new(FuzzyTermQuery::new(term, 1, true))
                } else {
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                };
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>,
                )
            })
            .collect();
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let text_query: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        let query: Box<dyn Query> = match brand {
            Some(b) => Box::new(BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.brand_key, &brand_key(b)),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>,
                ),
                (Occur::Must, text_query),
            ])),
            None => text_query,
        };
        let searcher = self.reader.searcher();
        candidates::best(&searcher, &*query, max_candidates)
    }

    /// The concepts as the coverage check compares them: stems as term
    /// ids, and the stem an unknown concept may be misspelt from.
    fn coverage_concepts(&self, concepts: &[AnalysedConcept]) -> Vec<CoverageConcept> {
        let terms = &self.features.terms;
        concepts
            .iter()
            .map(|(w, known, alts)| {
                let alts =
                    alts.iter()
                        .map(|(stems, ew)| Alternative {
                            ids: stems.iter().map(|s| terms.get(s)).collect(),
                            weight: *ew,
                            fuzzy: (!known && stems.len() == 1 && stems[0].chars().count() >= 5)
                                .then(|| Fuzzy {
                                    stem: stems[0].clone(),
                                    near: HashMap::new(),
                                }),
                        })
                        .collect();
                (*w, alts)
            })
            .collect()
    }

    /// How well a product covers one concept, in [0, 1]: the best of its
    /// fields (weighted) holding all of an alternative's stems (1.0) or,
    /// for an unknown word, a term one edit away from it (0.75).
    fn concept_match(&self, f: &ProductFeatures, alts: &mut [Alternative]) -> f32 {
        let mut best = 0.0f32;
        for (field, slot) in SLOTS.iter().enumerate() {
            let terms = self.features.field_terms(f, field);
            if terms.is_empty() {
                continue;
            }
            for alt in alts.iter_mut() {
                let exact = alt
                    .ids
                    .as_ref()
                    .is_some_and(|ids| ids.iter().all(|id| terms.binary_search(id).is_ok()));
                let score = if exact {
                    1.0
                } else if let Some(fuzzy) = alt.fuzzy.as_mut()
                    && terms
                        .iter()
                        .any(|&t| fuzzy.is_near(t, &self.features.terms))
                {
                    0.75
                } else {
                    continue;
                };
                best = best.max(score * alt.weight * slot.coverage_weight());
            }
        }
        best
    }

    /// Search `products` (the snapshot this index was built from), ranking
    /// at most `max_candidates` text matches (the best by BM25): parse,
    /// retrieve and cover, filter (hard, then soft), score, vary.
    pub fn search(
        &self,
        products: &[Arc<Product>],
        brand: Option<&str>,
        sq: &SearchQuery,
        max_candidates: usize,
    ) -> Vec<Scored> {
        let parsed = query::parse(&sq.text, &self.vocab);
        tracing::debug!(text = %sq.text, parsed = ?parsed, "catalog query parsed");
        let limit = if sq.limit == 0 {
            DEFAULT_LIMIT
        } else {
            sq.limit as usize
        };
        let mut cands = self.candidates(products, brand, &parsed, max_candidates);
        let filters = Filters::new(sq, &parsed);
        cands.retain(|c| filters.hard(&products[c.ord], c.f, sq, &parsed));
        if cands.is_empty() {
            return Vec::new();
        }
        // Relevance floor relative to the best match.
        let max_cov = max_coverage(&cands);
        cands.retain(|c| c.coverage >= 0.4 * max_cov);
        filters.soft(&mut cands, max_cov);

        let mut scored = final_scores(products, &cands, &filters, &parsed);
        sort_scored(&mut scored);
        // Variety: repeated variants of one model step down a little.
        let mut seen: HashMap<u32, usize> = HashMap::new();
        for s in scored.iter_mut() {
            let n = seen.entry(s.f.model).or_insert(0);
            s.score -= 0.6 * (*n as f32);
            *n += 1;
        }
        sort_scored(&mut scored);
        scored
            .into_iter()
            .take(limit)
            .map(|s| Scored {
                product: Product::clone(&products[s.ord]),
                score: s.score,
            })
            .collect()
    }

    /// The text's candidates with their concept coverage and BM25 score:
    /// every product of `brand` when the text names no concept.
    fn candidates<'a>(
        &'a self,
        products: &[Arc<Product>],
        brand: Option<&str>,
        parsed: &ParsedQuery,
        max_candidates: usize,
    ) -> Vec<Candidate<'a>> {
        let concepts: Vec<AnalysedConcept> = parsed
            .concepts
            .iter()
            .map(|c| (c.weight, c.known, self.concept_terms(c)))
            .filter(|(_, _, alts)| !alts.is_empty())
            .collect();
        let n = products.len().min(self.features.len());
        if concepts.is_empty() {
            let key = brand.map(brand_key);
            return (0..n)
                .filter_map(|ord| Some((ord, self.features.get(ord)?)))
                .filter(|(_, f)| key.as_deref().is_none_or(|k| f.brand_key == k))
                .map(|(ord, f)| Candidate {
                    ord,
                    f,
                    coverage: 1.0,
                    bm25: 0.0,
                })
                .collect();
        }
        let hits = match self.retrieve(brand, &concepts, max_candidates) {
            Ok(hits) => hits,
            Err(e) => {
                tracing::error!(error = %e, "catalog search failed");
                return Vec::new();
            }
        };
        let total_weight: f32 = concepts.iter().map(|(w, _, _)| *w).sum();
        let mut coverage = self.coverage_concepts(&concepts);
        hits.into_iter()
            .filter(|(ord, _)| *ord < n)
            .filter_map(|(ord, bm25)| {
                let f = self.features.get(ord)?;
                let covered: f32 = coverage
                    .iter_mut()
                    .map(|(w, alts)| *w * self.concept_match(f, alts))
                    .sum();
                Some(Candidate {
                    ord,
                    f,
                    coverage: covered / total_weight.max(f32::EPSILON),
                    bm25,
                })
            })
            .filter(|c| c.coverage > 0.0)
            .collect()
    }
}

/// An unknown word's stem and, memoised per term, whether a product term
/// is one edit away from it (the candidates share most of their terms).
struct Fuzzy {
    stem: String,
    near: HashMap<TermId, bool>,
}

impl Fuzzy {
    fn is_near(&mut self, t: TermId, terms: &features::Terms) -> bool {
        *self
            .near
            .entry(t)
            .or_insert_with(|| edit_distance(&self.stem, terms.word(t), 1) <= 1)
    }
}

/// A text match: the product's ordinal and features, how much of the
/// query's concepts it covers (0–1) and its BM25 score.
#[derive(Debug, Clone, Copy)]
struct Candidate<'a> {
    ord: usize,
    f: &'a ProductFeatures,
    coverage: f32,
    bm25: f32,
}

fn max_coverage(cands: &[Candidate<'_>]) -> f32 {
    cands.iter().map(|c| c.coverage).fold(0.0f32, f32::max)
}

/// The colour, size and gender asked for: explicitly (the plugin's search
/// fields, hard filters) or in the text (soft: applied only when the best
/// matches allow). Colours are kept canonical and sizes normalised, as
/// the products' features are.
struct Filters {
    explicit_colour: Option<String>,
    explicit_size: Option<String>,
    explicit_gender: Option<Gender>,
    in_stock_only: bool,
    text_colour: Option<String>,
    text_size: Option<String>,
    text_gender: Option<Gender>,
}

impl Filters {
    fn new(sq: &SearchQuery, parsed: &ParsedQuery) -> Self {
        let explicit_colour = sq.color.as_deref().filter(|c| !c.trim().is_empty());
        let explicit_size = sq.size.as_deref().filter(|s| !s.trim().is_empty());
        let explicit_gender = sq.gender.as_deref().and_then(Gender::parse);
        Filters {
            explicit_colour: explicit_colour.map(query::canonical_colour),
            explicit_size: explicit_size.map(query::normalize_size),
            explicit_gender,
            in_stock_only: sq.in_stock_only || parsed.in_stock,
            text_colour: parsed
                .color
                .as_deref()
                .filter(|_| explicit_colour.is_none())
                .map(query::canonical_colour),
            text_size: parsed
                .size
                .as_deref()
                .filter(|_| explicit_size.is_none())
                .map(query::normalize_size),
            text_gender: parsed.gender.filter(|_| explicit_gender.is_none()),
        }
    }

    /// Explicit fields, price bounds and stock: a product outside them is
    /// never shown.
    fn hard(
        &self,
        p: &Product,
        f: &ProductFeatures,
        sq: &SearchQuery,
        parsed: &ParsedQuery,
    ) -> bool {
        price_ok(f, sq, parsed)
            && (!self.in_stock_only || p.is_in_stock())
            && self
                .explicit_colour
                .as_deref()
                .is_none_or(|c| f.colour_matches(c))
            && self
                .explicit_size
                .as_deref()
                .is_none_or(|s| f.size_matches(s))
            && self.explicit_gender.is_none_or(|g| f.suits(g))
    }

    /// The text's colour, size and gender narrow the candidates only when
    /// one of the strong matches (≥ 75 % of the best coverage) has it.
    fn soft(&self, cands: &mut Vec<Candidate<'_>>, max_cov: f32) {
        let mut narrow = |keep: &dyn Fn(&ProductFeatures) -> bool| {
            let strong = |c: &Candidate<'_>| c.coverage >= 0.75 * max_cov;
            if cands.iter().any(|c| strong(c) && keep(c.f)) {
                cands.retain(|c| keep(c.f));
            }
        };
        if let Some(col) = &self.text_colour {
            narrow(&|f| f.colour_matches(col));
        }
        if let Some(size) = &self.text_size {
            narrow(&|f| f.size_matches(size));
        }
        if let Some(g) = self.text_gender {
            narrow(&|f| f.suits(g));
        }
    }

    /// The colour asked for, canonical.
    fn colour(&self) -> Option<&str> {
        self.text_colour
            .as_deref()
            .or(self.explicit_colour.as_deref())
    }

    fn gender(&self) -> Option<Gender> {
        self.text_gender.or(self.explicit_gender)
    }
}

/// A candidate's final score, with what the sort and the variety step read.
struct Ranked<'a> {
    ord: usize,
    f: &'a ProductFeatures,
    score: f32,
}

/// Each candidate's score: coverage first, then BM25, stock, sale,
/// the exact colour and gender asked, and the cheap/premium rank.
fn final_scores<'a>(
    products: &[Arc<Product>],
    cands: &[Candidate<'a>],
    filters: &Filters,
    parsed: &ParsedQuery,
) -> Vec<Ranked<'a>> {
    let max_cov = max_coverage(cands);
    let max_bm25 = cands.iter().map(|c| c.bm25).fold(0.0f32, f32::max);
    let price_rank = price_ranks(cands, max_cov, parsed.price_intent);
    cands
        .iter()
        .map(|c| {
            let p = &products[c.ord];
            let f = c.f;
            let mut s = 10.0 * c.coverage;
            if max_bm25 > 0.0 {
                s += 1.5 * c.bm25 / max_bm25;
            }
            s += match p.availability {
                _ if p.is_in_stock() => 1.6,
                Availability::Preorder => 0.6,
                _ => 0.0,
            };
            if f.bestseller {
                s += 0.15;
            }
            if parsed.on_sale && f.on_sale {
                s += 1.5;
            }
            if let Some(col) = filters.colour()
                && f.colour_is(col)
            {
                s += 0.8; // the exact colour beats a colour of its family
            }
            if let Some(g) = filters.gender()
                && f.gender == Some(g)
            {
                s += 0.3;
            }
            s += price_rank.get(&c.ord).copied().unwrap_or(0.0);
            Ranked {
                ord: c.ord,
                f,
                score: s,
            }
        })
        .collect()
}

/// Best score first; equal scores by product id (its precomputed rank).
fn sort_scored(scored: &mut [Ranked<'_>]) {
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.f.id_rank.cmp(&b.f.id_rank))
    });
}

/// Cheap/premium intent: a bonus by price rank among the best matches.
fn price_ranks(cands: &[Candidate<'_>], max_cov: f32, intent: PriceIntent) -> HashMap<usize, f32> {
    let mut out = HashMap::new();
    if intent == PriceIntent::None {
        return out;
    }
    let mut top: Vec<(usize, f64)> = cands
        .iter()
        .filter(|c| c.coverage >= 0.7 * max_cov)
        .map(|c| (c.ord, c.f.price_major))
        .collect();
    top.sort_by(|a, b| a.1.total_cmp(&b.1));
    if intent == PriceIntent::Premium {
        top.reverse();
    }
    let n = top.len();
    for (rank, (ord, _)) in top.into_iter().enumerate() {
        let frac = if n > 1 {
            1.0 - rank as f32 / (n - 1) as f32
        } else {
            1.0
        };
        out.insert(ord, 3.0 * frac);
    }
    out
}

/// Whether the product's effective price satisfies the explicit bounds
/// (minor units of the product's currency) and the text bounds (major units,
/// converted with the product currency's exponent; skipped when the text
/// names no price).
fn price_ok(f: &ProductFeatures, sq: &SearchQuery, parsed: &ParsedQuery) -> bool {
    let eff = f.price_minor;
    if sq.max_price_minor.is_some_and(|m| eff > m) {
        return false;
    }
    if sq.min_price_minor.is_some_and(|m| eff < m) {
        return false;
    }
    if parsed.min_price.is_none() && parsed.max_price.is_none() {
        return true;
    }
    let (min, max) = parsed.price_bounds_minor(f.price_exponent);
    if max.is_some_and(|m| eff > m) || min.is_some_and(|m| eff < m) {
        return false;
    }
    true
}
