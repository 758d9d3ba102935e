//! `agent-store conversations export|mark|unmark|cases` and
//! `agent-store replay`.

use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::{Args, Subcommand};

use crate::config::Config;
use crate::db::Db;
use crate::replay::run::{self, Candidate, FileReport};
use crate::replay::{ReplayFile, TurnRecords};

#[derive(Debug, Subcommand)]
pub enum ConversationsCommand {
    /// Write a conversation's recorded turns as a replay file.
    Export {
        id: String,
        /// Where to write (default: `<ID>.replay.json`; `-`: standard output).
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Keep a conversation as a regression case (exempt from retention).
    Mark {
        id: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// No longer keep a conversation as a regression case.
    Unmark { id: String },
    /// The conversations kept as regression cases.
    Cases {
        #[arg(long)]
        json: bool,
    },
}

/// `agent-store replay FILES… --plugin COMPONENT`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// Replay files (`agent-store conversations export`).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The candidate component (.wasm).
    #[arg(long)]
    pub plugin: PathBuf,
    /// Its manifest (default: `plugin.toml` beside the component).
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// The report as JSON.
    #[arg(long)]
    pub json: bool,
}

async fn records(config: &Config) -> anyhow::Result<TurnRecords> {
    let db = Db::open(&config.database, &config.data_dir).await?;
    Ok(TurnRecords::new(db, config.record.clone()))
}

pub async fn conversations(config: &Config, command: ConversationsCommand) -> anyhow::Result<()> {
    let records = records(config).await?;
    match command {
        ConversationsCommand::Export { id, out } => {
            let turns = records.turns(&id).await?;
            if turns.is_empty() {
                bail!(
                    "conversation {id} has no recorded turns (wrong id, recording off, or expired: see [record])"
                );
            }
            let file = ReplayFile::new(&id, turns);
            let out = out.unwrap_or_else(|| PathBuf::from(format!("{id}.replay.json")));
            if out == Path::new("-") {
                println!("{}", file.to_json());
            } else {
                file.write(&out)?;
                eprintln!("{} turns written to {}", file.turns.len(), out.display());
            }
        }
        ConversationsCommand::Mark { id, note } => {
            records.mark(&id, "cli", &note).await?;
            println!("conversation {id} kept as a regression case");
        }
        ConversationsCommand::Unmark { id } => {
            records.unmark(&id).await?;
            println!("conversation {id} is no longer a regression case");
        }
        ConversationsCommand::Cases { json } => {
            let cases = records.cases().await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&cases)?);
            } else {
                for c in cases {
                    println!("{}\t{}\t{}", c.conversation_id, c.marked_by, c.note);
                }
            }
        }
    }
    Ok(())
}

/// The manifest beside a component.
pub fn manifest_beside(component: &Path) -> PathBuf {
    component
        .parent()
        .unwrap_or(Path::new("."))
        .join(crate::plugins::manifest::FILE_NAME)
}

/// Read every file first (a bad one stops the run before anything is
/// replayed), then replay them.
pub async fn replay_files(
    candidate: &Candidate,
    files: &[PathBuf],
) -> anyhow::Result<Vec<FileReport>> {
    let mut read = Vec::new();
    for path in files {
        read.push((path, ReplayFile::read(path)?));
    }
    let mut reports = Vec::new();
    for (path, file) in read {
        reports.push(candidate.replay(path, &file).await);
    }
    Ok(reports)
}

pub async fn replay(args: ReplayArgs) -> anyhow::Result<()> {
    let manifest = args
        .manifest
        .clone()
        .unwrap_or_else(|| manifest_beside(&args.plugin));
    let candidate = Candidate::load(&args.plugin, &manifest).await?;
    let reports = replay_files(&candidate, &args.files).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    } else {
        print!("{}", run::print(candidate.plugin(), &reports));
    }
    verdict(&reports)
}

/// An error (a non-zero exit) when any turn differs.
pub fn verdict(reports: &[FileReport]) -> anyhow::Result<()> {
    let differences: usize = reports.iter().map(FileReport::differences).sum();
    let turns: usize = reports
        .iter()
        .flat_map(|r| &r.turns)
        .filter(|t| !t.differences.is_empty())
        .count();
    let replayed: usize = reports.iter().map(|r| r.turns.len()).sum();
    if differences > 0 {
        bail!("{differences} difference(s) in {turns} of {replayed} replayed turns");
    }
    if replayed == 0 {
        bail!("no recorded turn is for this plugin (another brand or kind): nothing replayed");
    }
    Ok(())
}

/// The replay files kept beside a plugin: `<manifest dir>/replays/*.json`.
pub fn kept_beside(manifest: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let dir = manifest.parent().unwrap_or(Path::new(".")).join("replays");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}
