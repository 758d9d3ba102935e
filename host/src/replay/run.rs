//! `agent-store replay`: a candidate component against recorded turns.
//!
//! Each recorded turn of the candidate's kind (a seller's: its brand's
//! turns; a router: the routing turns) runs in a fresh instance of the
//! candidate in the real runtime, with the recorded request, and every
//! import answered from the recorded calls ([`Tape::replaying`]): no
//! catalog, database, LLM or network is consulted, so a replay is
//! deterministic. A call the recording lacks gets an error value (or
//! nothing) and is reported as a difference. Then what matters for the sale
//! is compared: cart changes, order, escalation, hand-off, offered
//! products and the reply's language (the wording itself may change).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use serde::Serialize;
use serde_json::Value;

use super::file::ReplayFile;
use crate::catalog::Catalog;
use crate::db::Db;
use crate::llm::grounding;
use crate::plugins::manifest::Kind;
use crate::plugins::record::{Exchange, RecordedTurn, Tape};
use crate::plugins::{LoadedPlugin, Manifest, Runtime, Services, TurnLimits, wit};

/// A component to replay against, in a runtime of its own.
pub struct Candidate {
    runtime: Runtime,
    plugin: LoadedPlugin,
    services: Services,
    /// Holds the empty catalog's database (never read: imports are
    /// answered from recordings).
    _dir: tempfile::TempDir,
}

/// One difference between the recorded turn and the candidate's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// `cart`, `order`, `escalation`, `hand-off`, `offered products`,
    /// `language`, `routing`, `outcome` or `import`.
    pub aspect: String,
    pub recorded: String,
    pub candidate: String,
}

/// One replayed turn.
#[derive(Debug, Clone, Serialize)]
pub struct TurnReport {
    /// 1-based position in the file.
    pub turn: usize,
    /// What the customer said (first 80 characters).
    pub said: String,
    pub differences: Vec<Difference>,
}

/// One replay file against the candidate.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub file: String,
    pub conversation: String,
    pub turns: Vec<TurnReport>,
    /// Recorded turns of other plugins (another brand, the router).
    pub skipped: usize,
}

impl FileReport {
    pub fn differences(&self) -> usize {
        self.turns.iter().map(|t| t.differences.len()).sum()
    }
}

impl Candidate {
    /// Compile `component` for `manifest`'s world.
    pub async fn load(component: &Path, manifest: &Path) -> anyhow::Result<Self> {
        let manifest = Manifest::read(manifest)
            .with_context(|| format!("reading the manifest {}", manifest.display()))?;
        let bytes = std::fs::read(component)
            .with_context(|| format!("reading the component {}", component.display()))?;
        let runtime = Runtime::new(TurnLimits::default())?;
        let plugin = runtime.load(manifest, &bytes)?;
        let dir = tempfile::tempdir()?;
        let db = Db::connect("", dir.path()).await?;
        let catalog = Catalog::open(db, dir.path()).await?;
        let prompts = crate::llm::Prompts::fixed(HashMap::new());
        let routing = crate::routing::Vocabulary::new(catalog.clone(), &prompts);
        let services = Services {
            catalog,
            conversations: None,
            carts: None,
            llm: crate::llm::Llm::none(),
            routing: routing.clone(),
            prompts,
            values: Arc::default(),
            brands: Arc::new(routing),
            seen: Default::default(),
            tape: Tape::default(),
        };
        Ok(Self {
            runtime,
            plugin,
            services,
            _dir: dir,
        })
    }

    pub fn plugin(&self) -> &LoadedPlugin {
        &self.plugin
    }

    /// Whether the candidate answers this recorded turn.
    fn answers(&self, turn: &RecordedTurn) -> bool {
        let m = &self.plugin.manifest;
        match (&turn.exchange, m.kind) {
            (Exchange::Seller { turn, .. }, Kind::Seller) => {
                m.brand.as_deref() == Some(turn.brand.as_str())
            }
            (Exchange::Router { .. }, Kind::Router) => true,
            _ => false,
        }
    }

    /// Replay every turn of `file` the candidate answers.
    pub async fn replay(&self, path: &Path, file: &ReplayFile) -> FileReport {
        let mut report = FileReport {
            file: path.display().to_string(),
            conversation: file.conversation.clone(),
            turns: Vec::new(),
            skipped: 0,
        };
        for (i, turn) in file.turns.iter().enumerate() {
            if !self.answers(turn) {
                report.skipped += 1;
                continue;
            }
            let differences = self.replay_turn(turn).await;
            report.turns.push(TurnReport {
                turn: i + 1,
                said: said(&turn.exchange),
                differences,
            });
        }
        report
    }

    async fn replay_turn(&self, recorded: &RecordedTurn) -> Vec<Difference> {
        compare_turn(&self.runtime, &self.plugin, self.services.clone(), recorded)
            .await
            .differences
    }
}

/// A recorded turn run again on another version.
#[derive(Debug, Clone, Default)]
pub struct Compared {
    /// Where its actions differ from the recorded ones (an `outcome`
    /// difference when only one of them failed).
    pub differences: Vec<Difference>,
    /// Why the version failed the turn (trap, limit, error), if it did.
    pub failed: Option<String>,
}

/// Run `plugin` on the recorded turn in a fresh instance, every import
/// answered from the recorded calls (none reaches `services`' catalog,
/// database or LLM), and compare its actions with the recorded ones.
pub async fn compare_turn(
    runtime: &Runtime,
    plugin: &LoadedPlugin,
    mut services: Services,
    recorded: &RecordedTurn,
) -> Compared {
    let tape = Tape::replaying(recorded.calls.clone());
    services.tape = tape.clone();
    let known = recorded_ids(recorded);
    let (failed, mut diffs) = match &recorded.exchange {
        Exchange::Seller { turn, outcome } => {
            let now = runtime
                .handle_turn(plugin, services, turn)
                .await
                .map_err(|e| e.to_string());
            let diffs = compare_outcomes(outcome, &now, |a, b| {
                compare(&seller_summary(a, &known), &seller_summary(b, &known))
            });
            (now.err(), diffs)
        }
        Exchange::Router { request, outcome } => {
            let now = runtime
                .route(plugin, services, request)
                .await
                .map_err(|e| e.to_string());
            let diffs = compare_outcomes(outcome, &now, |a, b| {
                compare(&router_summary(a), &router_summary(b))
            });
            (now.err(), diffs)
        }
    };
    for u in tape.take_unanswered() {
        diffs.push(Difference {
            aspect: "import".into(),
            recorded: "(no such call)".into(),
            candidate: format!("{}({}): {}", u.function, brief(&u.args), u.reason),
        });
    }
    Compared {
        differences: diffs,
        failed,
    }
}

fn compare_outcomes<T>(
    recorded: &Result<T, String>,
    now: &Result<T, String>,
    same_kind: impl FnOnce(&T, &T) -> Vec<Difference>,
) -> Vec<Difference> {
    match (recorded, now) {
        (Ok(a), Ok(b)) => same_kind(a, b),
        (Err(_), Err(_)) => Vec::new(),
        (a, b) => vec![Difference {
            aspect: "outcome".into(),
            recorded: outcome_text(a),
            candidate: outcome_text(b),
        }],
    }
}

fn outcome_text<T>(r: &Result<T, String>) -> String {
    match r {
        Ok(_) => "answered".into(),
        Err(e) => format!("failed: {e}"),
    }
}

/// The arguments of a call, short.
fn brief(args: &Value) -> String {
    let s = args.to_string();
    let s = s
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(&s);
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s.to_string()
    }
}

/// What the customer said in a recorded turn.
pub fn said(exchange: &Exchange) -> String {
    let content = match exchange {
        Exchange::Seller { turn, .. } => &turn.message.content,
        Exchange::Router { request, .. } => &request.message.content,
    };
    let text = match content {
        wit::MessageContent::Text(t) | wit::MessageContent::Image(t) => t.clone(),
        wit::MessageContent::ButtonReply(c) | wit::MessageContent::ListReply(c) => {
            format!("[{}]", c.title)
        }
        wit::MessageContent::Audio(t) => t.clone().unwrap_or_else(|| "(voice note)".into()),
        wit::MessageContent::Location(_) => "(location)".into(),
        wit::MessageContent::Order(lines) => format!("(order of {} lines)", lines.len()),
        wit::MessageContent::Unsupported(kind) => format!("({kind})"),
    };
    text.chars().take(80).collect()
}

/// Every product id the recorded imports answered (catalog results, cart
/// lines): what "offered products" are picked from.
fn recorded_ids(turn: &RecordedTurn) -> BTreeSet<String> {
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(o) => {
                for (k, v) in o {
                    match (k.as_str(), v) {
                        ("id" | "product_id", Value::String(s)) => {
                            out.insert(s.clone());
                        }
                        _ => walk(v, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    for call in &turn.calls {
        walk(&call.answer, &mut out);
    }
    out
}

/// The aspects of a reply that are compared, each as a list of items.
type Summary = Vec<(&'static str, Vec<String>)>;

fn seller_summary(actions: &[wit::Action], known: &BTreeSet<String>) -> Summary {
    use wit::Action as A;
    let (mut cart, mut order, mut escalation, mut hand_off) = (vec![], vec![], vec![], vec![]);
    let mut offered: Vec<String> = Vec::new();
    let mut offer = |id: &str| {
        if !offered.iter().any(|o| o == id) {
            offered.push(id.to_string());
        }
    };
    let mut texts: Vec<&str> = Vec::new();
    for a in actions {
        match a {
            A::AddToCart(c) => cart.push(format!("add {} x{}", c.product_id, c.quantity)),
            A::SetCartQuantity(c) => cart.push(format!("set {} x{}", c.product_id, c.quantity)),
            A::RemoveFromCart(id) => cart.push(format!("remove {id}")),
            A::ClearCart => cart.push("clear".into()),
            A::PlaceOrder(_) => order.push("place order".into()),
            A::Escalate(e) => escalation.push(format!(
                "{} ({})",
                wit_name(&e.reason),
                wit_name(&e.priority)
            )),
            A::HandOff(h) => hand_off.push(h.brand.clone()),
            A::Product(p) => {
                offer(&p.product_id);
                texts.extend(p.body.as_deref());
            }
            A::Products(p) => {
                p.product_ids.iter().for_each(|id| offer(id.as_str()));
                texts.extend([p.header.as_str(), p.body.as_str()]);
            }
            A::Text(t) => texts.push(t),
            A::Image(i) => texts.extend(i.caption.as_deref()),
            A::Buttons(b) => {
                texts.push(&b.body);
                for x in &b.buttons {
                    mentioned(&x.id, known)
                        .iter()
                        .for_each(|id| offer(id.as_str()));
                }
            }
            A::List(l) => {
                texts.push(&l.body);
                for r in l.sections.iter().flat_map(|s| &s.rows) {
                    mentioned(&r.id, known)
                        .iter()
                        .for_each(|id| offer(id.as_str()));
                }
            }
        }
    }
    for t in &texts {
        mentioned(t, known).iter().for_each(|id| offer(id.as_str()));
    }
    let language = agent_store_lang::detect::detect_language(&texts.join("\n"));
    vec![
        ("cart", cart),
        ("order", order),
        ("escalation", escalation),
        ("hand-off", hand_off),
        ("offered products", offered),
        (
            "language",
            [language]
                .into_iter()
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        ),
    ]
}

/// An enum case by its WIT name (`customer-request`).
fn wit_name(case: &impl Serialize) -> String {
    let rust = serde_json::to_value(case)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut out = String::new();
    for (i, c) in rust.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Product ids (of the recording) named in `text`.
fn mentioned(text: &str, known: &BTreeSet<String>) -> Vec<String> {
    grounding::id_like(text)
        .into_iter()
        .filter(|id| known.contains(*id))
        .map(str::to_string)
        .collect()
}

fn router_summary(d: &wit::RoutingDecision) -> Summary {
    vec![
        ("routing", vec![d.brand.clone()]),
        ("candidates", d.candidates.clone()),
    ]
}

fn compare(recorded: &Summary, candidate: &Summary) -> Vec<Difference> {
    let show = |items: &[String]| {
        if items.is_empty() {
            "none".to_string()
        } else {
            items.join(", ")
        }
    };
    recorded
        .iter()
        .zip(candidate)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((aspect, a), (_, b))| Difference {
            aspect: aspect.to_string(),
            recorded: show(a),
            candidate: show(b),
        })
        .collect()
}

/// The report as text, one line per turn and one per difference.
pub fn print(plugin: &LoadedPlugin, reports: &[FileReport]) -> String {
    let mut out = format!(
        "candidate {} {} (digest {})\n",
        plugin.manifest.name,
        plugin.manifest.version,
        &plugin.digest[..plugin.digest.len().min(12)]
    );
    for r in reports {
        out.push_str(&format!(
            "{} (conversation {}): {} turns replayed, {} skipped\n",
            r.file,
            r.conversation,
            r.turns.len(),
            r.skipped
        ));
        for t in &r.turns {
            if t.differences.is_empty() {
                out.push_str(&format!("  turn {} {:?}: same\n", t.turn, t.said));
                continue;
            }
            out.push_str(&format!(
                "  turn {} {:?}: {} difference(s)\n",
                t.turn,
                t.said,
                t.differences.len()
            ));
            for d in &t.differences {
                out.push_str(&format!(
                    "    {}: recorded {}; candidate {}\n",
                    d.aspect, d.recorded, d.candidate
                ));
            }
        }
    }
    out
}
