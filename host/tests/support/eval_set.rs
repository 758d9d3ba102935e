//! The routing evaluation's message sets and its baseline, shared by the
//! native run (`host/tests/routing_eval.rs`) and the wasm run in the real
//! plugin runtime (`tests/tests/routing.rs`): labelled messages from
//! `catalog/eval/*.messages.tsv`, what counts as a relevant product, and
//! plain BM25.

use std::path::{Path, PathBuf};

use agent_store::catalog::Product;

/// One labelled message.
#[derive(Debug, Clone)]
pub struct Case {
    pub lang: String,
    pub expected: String,
    pub relevant: Vec<String>,
    pub current: Option<String>,
    pub text: String,
}

pub fn cases(file: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .join("catalog/eval")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("message set");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "{file}: 5 tab-separated fields: {l:?}");
            let dash = |s: &str| (s != "-").then(|| s.to_string());
            Case {
                lang: f[0].into(),
                expected: f[1].into(),
                relevant: dash(f[2])
                    .map(|r| r.split('|').map(str::to_string).collect())
                    .unwrap_or_default(),
                current: dash(f[3]),
                text: f[4].into(),
            }
        })
        .collect()
}

/// The catalogs both evaluations run, in order: (name, catalog feed,
/// message file, sixth brand). A name with "held out" marks a set kept
/// out of tuning.
pub fn runs() -> Vec<(&'static str, PathBuf, &'static str, Option<&'static str>)> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf();
    let eval = workspace.join("catalog/eval");
    let run = |name, csv: &str, messages, sixth| (name, eval.join(csv), messages, sixth);
    vec![
        (
            "demo (catalog/products.csv)",
            workspace.join("catalog/products.csv"),
            "demo.messages.tsv",
            None,
        ),
        run("catalog 2", "catalog2.csv", "catalog2.messages.tsv", None),
        run(
            "catalog 3 (sixth brand; held out)",
            "catalog3.csv",
            "catalog3.messages.tsv",
            Some("pets"),
        ),
        run(
            "catalog 4 (catalog 3 rows, second set; seen since issue 15's third session)",
            "catalog3.csv",
            "catalog4.messages.tsv",
            Some("pets"),
        ),
        run(
            "catalog 5 (numeric Google categories; tuning since issue 15's fourth session)",
            "catalog5.csv",
            "catalog5.messages.tsv",
            None,
        ),
        run(
            "catalog 6 (sixth brand auto, mixed feed style; seen since issue 15's fourth session read it)",
            "catalog6.csv",
            "catalog6.messages.tsv",
            Some("auto"),
        ),
        run(
            "catalog 7 (sixth brand sports, capitals and slash paths; seen since issue 15's fifth session read it)",
            "catalog7.csv",
            "catalog7.messages.tsv",
            Some("sports"),
        ),
        run(
            "catalog 8 (sixth brand toys, a Brazilian shop's feed; seen since issue 15's sixth session read it)",
            "catalog8.csv",
            "catalog8.messages.tsv",
            Some("toys"),
        ),
        run(
            "catalog 9 (sixth brand garden, a Mexican shop's feed; seen since issue 15's seventh session read it)",
            "catalog9.csv",
            "catalog9.messages.tsv",
            Some("garden"),
        ),
        run(
            "catalog 10 (sixth brand baby, a UK shop's feed; seen since issue 15's eighth session read it)",
            "catalog10.csv",
            "catalog10.messages.tsv",
            Some("baby"),
        ),
        run(
            "catalog 11 (sixth brand stationery, a catalog written in Portuguese; seen since issue 15's eighth session read it)",
            "catalog11.csv",
            "catalog11.messages.tsv",
            Some("stationery"),
        ),
        run(
            "catalog 12 (sixth brand tools, a catalog written in Spanish; held out)",
            "catalog12.csv",
            "catalog12.messages.tsv",
            Some("tools"),
        ),
        run(
            "catalog 13 (five brands, an Australian shop's feed; seen since issue 15's ninth session read it)",
            "catalog13.csv",
            "catalog13.messages.tsv",
            None,
        ),
        run(
            "catalog 14 (sixth brand outdoor, a Brazilian marketplace feed in Portuguese and English; seen since issue 15's eleventh session read it)",
            "catalog14.csv",
            "catalog14.messages.tsv",
            Some("outdoor"),
        ),
        run(
            "catalog 15 (sixth brand music, a Spanish marketplace feed; seen since issue 15's eleventh session read it)",
            "catalog15.csv",
            "catalog15.messages.tsv",
            Some("music"),
        ),
        run(
            "catalog 16 (five brands, a US discount chain's feed with abbreviated capitals; held out)",
            "catalog16.csv",
            "catalog16.messages.tsv",
            None,
        ),
        run(
            "catalog 17 (sixth brand jewelry, a Colombian shop's feed in Spanish and English; seen since issue 15's twelfth session read it)",
            "catalog17.csv",
            "catalog17.messages.tsv",
            Some("jewelry"),
        ),
        run(
            "catalog 18 (sixth brand office, a Chilean department store's feed; seen since issue 15's thirteenth session read it)",
            "catalog18.csv",
            "catalog18.messages.tsv",
            Some("office"),
        ),
        run(
            "catalog 19 (sixth brand health, a Brazilian drugstore chain's feed; held out)",
            "catalog19.csv",
            "catalog19.messages.tsv",
            Some("health"),
        ),
        run(
            "catalog 20 (five brands, an Argentine shop's feed with maker-last titles; held out)",
            "catalog20.csv",
            "catalog20.messages.tsv",
            None,
        ),
        run(
            "catalog 21 (sixth brand books, a Peruvian bookstore-and-variety shop's feed)",
            "catalog21.csv",
            "catalog21.messages.tsv",
            Some("books"),
        ),
        run(
            "catalog 22 (sixth brand travel, a Colombian travel-goods shop's feed; held out)",
            "catalog22.csv",
            "catalog22.messages.tsv",
            Some("travel"),
        ),
    ]
}

/// Whether a run stays out of this one: `ROUTING_EVAL_SKIP` lists message
/// files or run names (comma-separated, a part of the name is enough), so a
/// held-out catalog is not evaluated — not even its totals seen — during
/// tuning runs (`ROUTING_EVAL_SKIP=catalog7`).
pub fn skipped(name: &str, messages: &str) -> bool {
    std::env::var("ROUTING_EVAL_SKIP").is_ok_and(|v| {
        v.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .any(|s| name.contains(s) || messages.contains(s))
    })
}

/// A product matches a label: a model key (`F01`, the id's middle part)
/// or words of its title.
pub fn relevant(p: &Product, labels: &[String]) -> bool {
    labels.iter().any(|l| {
        let is_key = l.len() == 3
            && l.as_bytes()[0].is_ascii_uppercase()
            && l[1..].bytes().all(|b| b.is_ascii_digit());
        if is_key {
            p.id.contains(&format!("-{l}-"))
        } else {
            p.title.to_lowercase().contains(&l.to_lowercase())
        }
    })
}

/// Plain BM25 (k1 1.2, b 0.75) over title + description + product type,
/// lowercase words, no stemming, stopwords or translation: the baseline.
pub fn bm25_top(products: &[&Product], query: &str, k: usize) -> Vec<usize> {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let docs: Vec<Vec<String>> = products
        .iter()
        .map(|p| words(&format!("{} {} {}", p.title, p.description, p.category)))
        .collect();
    let n = docs.len() as f64;
    let avg = docs.iter().map(Vec::len).sum::<usize>() as f64 / n.max(1.0);
    let mut q = words(query);
    q.sort();
    q.dedup();
    let mut scored: Vec<(usize, f64)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let s: f64 = q
                .iter()
                .map(|t| {
                    let tf = d.iter().filter(|w| *w == t).count() as f64;
                    if tf == 0.0 {
                        return 0.0;
                    }
                    let df = docs.iter().filter(|d| d.contains(t)).count() as f64;
                    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                    idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * d.len() as f64 / avg))
                })
                .sum();
            (i, s)
        })
        .filter(|(_, s)| *s > 0.0)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored.into_iter().take(k).map(|(i, _)| i).collect()
}
