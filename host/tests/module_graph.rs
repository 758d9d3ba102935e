//! No import cycle among the host's top-level modules.
//!
//! Reads every `crate::…`, `super::…` and `self::…` path in `host/src`
//! (`use` lines and paths written inline alike; comments and strings left
//! out), keeps the ones that reach another top-level module, and fails
//! naming each cycle with the lines that make it. The intended direction
//! is drawn in `docs/architecture.md` ("The host's modules"); Cargo forbids
//! cycles between crates, and this test does the same inside the host
//! crate until its capabilities become crates of their own.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

/// Imports that still point back up the layers, each with what it waits
/// for. The test leaves them out of the graph, and fails once one of them
/// is gone (so the list only ever shrinks).
const KNOWN_BACK_EDGES: &[(&str, &str, &str)] = &[];

/// Where an import was written.
#[derive(Debug, Clone)]
struct Site {
    file: String,
    line: usize,
}

type Graph = BTreeMap<String, BTreeMap<String, Vec<Site>>>;

#[test]
fn host_modules_have_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = module_graph(&src);

    let mut stale = Vec::new();
    for (from, to, _why) in KNOWN_BACK_EDGES {
        let removed = graph.get_mut(*from).and_then(|out| out.remove(*to));
        if removed.is_none() {
            stale.push(format!("{from} → {to}"));
        }
    }
    assert!(
        stale.is_empty(),
        "these known back edges are gone: delete them from KNOWN_BACK_EDGES: {stale:?}"
    );

    let cycles: Vec<String> = strongly_connected(&graph)
        .into_iter()
        .filter(|component| component.len() > 1)
        .map(|component| describe_cycle(&graph, &component))
        .collect();
    assert!(
        cycles.is_empty(),
        "the host's modules import each other in a cycle (see docs/architecture.md, \
         \"The host's modules\", for the intended direction):\n\n{}",
        cycles.join("\n\n")
    );
}

/// The parser finds the paths it should (a test for the test).
#[test]
fn reads_grouped_inline_and_relative_paths() {
    let code = r#"
        use crate::{alpha::A, beta, self_};
        // use crate::commented::Out;
        fn f() { let s = "crate::quoted::Out"; crate::gamma::g(); }
        mod inner { use super::super::delta::D; use super::Local; }
        use super::{epsilon, zeta::Z};
        use $crate::macro_only;
    "#;
    let found: BTreeSet<String> = imports(code, &["top".into()])
        .into_iter()
        .map(|(target, _)| target)
        .collect();
    let want: BTreeSet<String> = [
        "alpha", "beta", "self_", "gamma", "delta", "top", "epsilon", "zeta",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(found, want);
}

/// Every edge `a → b` between top-level modules, with where it is written.
fn module_graph(src: &Path) -> Graph {
    let files = rust_files(src);
    let tops: BTreeSet<String> = files
        .iter()
        .filter_map(|f| module_path(src, f).into_iter().next())
        .collect();
    let mut graph = Graph::new();
    for file in &files {
        let path = module_path(src, file);
        let Some(from) = path.first().cloned() else {
            continue; // lib.rs, main.rs: the root composes everything
        };
        let code = std::fs::read_to_string(file).expect("host source is readable");
        for (to, line) in imports(&code, &path) {
            if to == from || !tops.contains(&to) {
                continue;
            }
            let site = Site {
                file: file.strip_prefix(src).unwrap_or(file).display().to_string(),
                line,
            };
            graph
                .entry(from.clone())
                .or_default()
                .entry(to)
                .or_default()
                .push(site);
        }
    }
    graph
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).expect("host/src is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `src/orders/api.rs` → `["orders", "api"]`; `mod.rs`, `lib.rs` and
/// `main.rs` name their folder (the root for the last two).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("file under src");
    let mut parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
        parts.clear();
    }
    parts
}

/// The top-level module every `crate::`/`super::`/`self::` path in `code`
/// starts in, with its line, for a file at module path `file_path`.
fn imports(code: &str, file_path: &[String]) -> Vec<(String, usize)> {
    let tokens = tokens(&strip_comments_and_strings(code));
    let mut out = Vec::new();
    // Inline `mod name { … }` blocks: (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let (tok, line) = (&tokens[i].0, tokens[i].1);
        match tok.as_str() {
            "{" => depth += 1,
            "}" => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            "mod" if tokens.get(i + 2).is_some_and(|t| t.0 == "{") => {
                inline.push((tokens[i + 1].0.clone(), depth + 1));
            }
            "crate" | "super" | "self"
                if tokens.get(i + 1).is_some_and(|t| t.0 == "::")
                    && !(i > 0 && (tokens[i - 1].0 == "::" || tokens[i - 1].0 == "$")) =>
            {
                let mut base: Vec<String> = file_path
                    .iter()
                    .cloned()
                    .chain(inline.iter().map(|(n, _)| n.clone()))
                    .collect();
                let mut j = i;
                match tok.as_str() {
                    "crate" => {
                        base.clear();
                        j += 2;
                    }
                    "self" => j += 2,
                    _ => {
                        while tokens.get(j).is_some_and(|t| t.0 == "super")
                            && tokens.get(j + 1).is_some_and(|t| t.0 == "::")
                        {
                            base.pop();
                            j += 2;
                        }
                    }
                }
                if let Some(top) = base.first() {
                    out.push((top.clone(), line));
                } else {
                    for name in first_segments(&tokens, j) {
                        out.push((name, line));
                    }
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The first segment after a root path: `a` in `a::b`, or `a` and `b` in
/// `{a::x, b}`.
fn first_segments(tokens: &[(String, usize)], at: usize) -> Vec<String> {
    match tokens.get(at).map(|t| t.0.as_str()) {
        Some("{") => {
            let mut names = Vec::new();
            let mut depth = 0;
            let mut expect_name = true;
            for (tok, _) in &tokens[at..] {
                match tok.as_str() {
                    "{" => {
                        depth += 1;
                        if depth > 1 {
                            expect_name = false;
                        }
                    }
                    "}" => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    "," if depth == 1 => expect_name = true,
                    name if expect_name && depth == 1 => {
                        names.push(name.to_string());
                        expect_name = false;
                    }
                    _ => {}
                }
            }
            names
        }
        Some(name) if is_ident(name) => vec![name.to_string()],
        _ => Vec::new(),
    }
}

fn is_ident(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers, `::` and single punctuation characters, with their line.
fn tokens(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let mut word = String::from(c);
            while let Some(&n) = chars.peek() {
                if !(n.is_alphanumeric() || n == '_') {
                    break;
                }
                word.push(n);
                chars.next();
            }
            out.push((word, line));
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            out.push(("::".to_string(), line));
        } else if !c.is_whitespace() {
            out.push((c.to_string(), line));
        }
    }
    out
}

/// The code with comments, string and character literals blanked (new
/// lines kept, so line numbers hold).
fn strip_comments_and_strings(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut nesting = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    nesting += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    nesting -= 1;
                    i += 2;
                    if nesting == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !(i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'))
        {
            // Raw string r"…" / r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                match chars.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    Some(&ch) => {
                        blank(&mut out, ch);
                        j += 1;
                    }
                }
            }
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    blank(&mut out, ch);
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}'), not a lifetime ('a).
            let close = if next == Some('\\') {
                (i + 2..chars.len().min(i + 12)).find(|&k| chars[k] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(end) => i = end + 1,
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Tarjan's strongly connected components.
fn strongly_connected(graph: &Graph) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flat_map(|out| out.keys()) {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            component.sort();
            s.out.push(component);
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// One shortest cycle through the component's first module, each edge with
/// the lines that write it, then every other edge inside the component.
fn describe_cycle(graph: &Graph, component: &[String]) -> String {
    let inside: BTreeSet<&str> = component.iter().map(String::as_str).collect();
    let start = component[0].as_str();
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    let mut cycle = Vec::new();
    'search: while let Some(v) = queue.pop_front() {
        for w in graph.get(v).into_iter().flat_map(|out| out.keys()) {
            let w = w.as_str();
            if !inside.contains(w) {
                continue;
            }
            if w == start {
                let mut at = v;
                cycle.push(start);
                while at != start {
                    cycle.push(at);
                    at = came_from[at];
                }
                cycle.push(start);
                cycle.reverse();
                break 'search;
            }
            if !came_from.contains_key(w) {
                came_from.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    let mut text = format!(
        "cycle: {}\n  among {} modules: {}",
        cycle.join(" → "),
        component.len(),
        component.join(", ")
    );
    for pair in cycle.windows(2) {
        text.push_str(&format!("\n  {} → {}:", pair[0], pair[1]));
        for site in &graph[pair[0]][pair[1]] {
            text.push_str(&format!(" {}:{}", site.file, site.line));
        }
    }
    text.push_str("\n  every edge inside:");
    for from in component {
        for (to, sites) in graph.get(from).into_iter().flatten() {
            if inside.contains(to.as_str()) {
                let first = &sites[0];
                text.push_str(&format!(
                    "\n    {from} → {to} ({}:{}{})",
                    first.file,
                    first.line,
                    if sites.len() > 1 {
                        format!(", +{} more", sites.len() - 1)
                    } else {
                        String::new()
                    }
                ));
            }
        }
    }
    text
}
