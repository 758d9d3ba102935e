//! Brand persona prompts (`prompts/<brand>.md`, the router's `router.md`),
//! reloaded without a restart: each read checks the file's modification
//! time and re-reads it when it changed (a `stat` per turn).
//!
//! [`check`] validates a prompts directory (`agent-store prompts check`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

/// The prompts of a directory, kept fresh.
#[derive(Clone, Debug)]
pub struct Prompts {
    dir: Option<PathBuf>,
    cache: Arc<RwLock<HashMap<String, Cached>>>,
}

#[derive(Clone, Debug)]
struct Cached {
    modified: Option<SystemTime>,
    text: Option<String>,
}

impl Prompts {
    /// Prompts read from `dir` (a missing directory means no prompts).
    pub fn load(dir: &Path) -> Self {
        if !dir.is_dir() {
            tracing::warn!(dir = %dir.display(), "no prompts directory");
        }
        Self {
            dir: Some(dir.to_path_buf()),
            cache: Arc::default(),
        }
    }

    /// Fixed prompts (tests, tools): never reloaded.
    pub fn fixed(map: HashMap<String, String>) -> Self {
        let cache = map
            .into_iter()
            .map(|(k, v)| {
                (
                    k,
                    Cached {
                        modified: None,
                        text: Some(v),
                    },
                )
            })
            .collect();
        Self {
            dir: None,
            cache: Arc::new(RwLock::new(cache)),
        }
    }

    /// The prompts of subdirectory `sub` (e.g. `store`, the store policy
    /// texts), re-read when they change like these.
    pub fn nested(&self, sub: &str) -> Self {
        Self {
            dir: self.dir.as_ref().map(|d| d.join(sub)),
            cache: Arc::default(),
        }
    }

    /// The current text of prompt `name` (`tech`, `router`, ...).
    pub fn get(&self, name: &str) -> Option<String> {
        let Some(dir) = &self.dir else {
            return self.cache.read().ok()?.get(name)?.text.clone();
        };
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return None;
        }
        let path = dir.join(format!("{name}.md"));
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        if let Ok(cache) = self.cache.read()
            && let Some(c) = cache.get(name)
            && c.modified == modified
        {
            return c.text.clone();
        }
        let text = modified.and_then(|_| std::fs::read_to_string(&path).ok());
        if text.is_some() {
            tracing::info!(prompt = name, path = %path.display(), "prompt (re)loaded");
        }
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(
                name.to_string(),
                Cached {
                    modified,
                    text: text.clone(),
                },
            );
        }
        text
    }
}

/// One problem found in a prompt file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub message: String,
}

/// The personas the issue asks for, by brand.
pub const PERSONAS: &[(&str, &str)] = &[
    ("fashion", "Luna"),
    ("tech", "Max"),
    ("home", "Sofia"),
    ("beauty", "Bella"),
    ("gaming", "Pixel"),
];

const MAX_CHARS: usize = 8_000;

/// Validate every `*.md` of `dir`: a seller prompt names its persona
/// ("You are **Name**"), the known brands use their persona, and every
/// prompt states the rules (no invented prices or products, the three
/// languages, short answers, escalation). Returns the prompts checked and
/// the problems.
pub fn check(dir: &Path) -> std::io::Result<(usize, Vec<Problem>)> {
    let mut problems = Vec::new();
    let mut n = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    entries.sort();
    for path in entries {
        n += 1;
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = path
            .file_stem()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut bad = |m: String| {
            problems.push(Problem {
                file: file.clone(),
                message: m,
            })
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                bad(format!("unreadable: {e}"));
                continue;
            }
        };
        if text.trim().len() < 200 {
            bad("too short: a persona needs tone, focus and rules".into());
        }
        if text.chars().count() > MAX_CHARS {
            bad(format!(
                "too long: {} characters (at most {MAX_CHARS})",
                text.chars().count()
            ));
        }
        let lower = text.to_lowercase();
        if name == "router" {
            for (needle, why) in [
                ("none", "say when to answer `none`"),
                ("english", "name the three languages"),
            ] {
                if !lower.contains(needle) {
                    bad(format!("the routing policy must {why}"));
                }
            }
            continue;
        }
        let persona = text
            .lines()
            .find_map(|l| l.split_once("You are **").map(|(_, r)| r))
            .and_then(|r| r.split_once("**").map(|(n, _)| n.trim().to_string()));
        match (&persona, PERSONAS.iter().find(|(b, _)| *b == name)) {
            (None, _) => bad("no persona line: \"You are **Name**, ...\"".into()),
            (Some(p), Some((_, want))) if p != want => {
                bad(format!("the {name} persona is {want}, not {p}"))
            }
            _ => {}
        }
        for (needle, why) in [
            (
                "never invent",
                "forbid inventing products and prices (\"Never invent\")",
            ),
            (
                "portuguese",
                "require answering in Brazilian Portuguese too",
            ),
            ("spanish", "require answering in Spanish too"),
            ("sentences", "bound the answer length (\"2–4 sentences\")"),
            ("emoji", "say how many emojis"),
            ("escalat", "say when to escalate to a human"),
        ] {
            if !lower.contains(needle) {
                bad(format!("must {why}"));
            }
        }
        if text.contains('$')
            && crate::llm::grounding::quoted(&text)
                .iter()
                .any(|q| q.minor > 0)
        {
            bad("quotes a price: prices come from the catalog only".into());
        }
    }
    if n == 0 {
        problems.push(Problem {
            file: dir.display().to_string(),
            message: "no *.md prompts".into(),
        });
    }
    Ok((n, problems))
}

/// `agent-store prompts check [--dir DIR]`: print the problems, fail on any.
pub fn check_command(dir: &Path, as_json: bool) -> anyhow::Result<()> {
    let (n, problems) =
        check(dir).map_err(|e| anyhow::anyhow!("cannot read prompts in {}: {e}", dir.display()))?;
    if as_json {
        println!(
            "{}",
            serde_json::json!({"dir": dir.display().to_string(), "prompts": n, "problems": problems})
        );
    } else {
        for p in &problems {
            println!("{}: {}", p.file, p.message);
        }
        println!(
            "{n} prompt(s) in {}, {} problem(s)",
            dir.display(),
            problems.len()
        );
    }
    if problems.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("{} prompt problem(s)", problems.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_picked_up_without_a_restart() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("home.md");
        std::fs::write(&file, "v1").expect("write");
        let p = Prompts::load(dir.path());
        assert_eq!(p.get("home").as_deref(), Some("v1"));
        // a different mtime marks the edit even within the same second
        std::fs::write(&file, "v2 longer").expect("write");
        let f = std::fs::File::options()
            .write(true)
            .open(&file)
            .expect("open");
        f.set_modified(SystemTime::now() + std::time::Duration::from_secs(5))
            .expect("mtime");
        assert_eq!(p.get("home").as_deref(), Some("v2 longer"));
        assert_eq!(p.get("../etc/passwd"), None);
        assert_eq!(p.get("missing"), None);
    }

    #[test]
    fn the_repository_prompts_pass_and_bad_ones_fail() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../prompts");
        let (n, problems) = check(&repo).expect("reads");
        assert!(n >= 6, "{n} prompts");
        assert!(problems.is_empty(), "{problems:#?}");

        let dir = tempfile::tempdir().expect("tempdir");
        let good = std::fs::read_to_string(repo.join("home.md")).expect("home.md");
        std::fs::write(dir.path().join("home.md"), good.replace("Sofia", "Clara")).expect("w");
        std::fs::write(dir.path().join("tech.md"), "You are **Max**. Sell things.").expect("w");
        let (_, problems) = check(dir.path()).expect("reads");
        assert!(
            problems
                .iter()
                .any(|p| p.file == "home.md" && p.message.contains("Sofia")),
            "{problems:#?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.file == "tech.md" && p.message.contains("invent")),
            "{problems:#?}"
        );
    }
}
