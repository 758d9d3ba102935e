//! The `agent-store` command line.

pub mod orders;
pub mod replay;
pub mod users;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};
use serde_json::json;

use crate::app::{App, Options};
use crate::catalog::{Catalog, SearchQuery};
use crate::config::Config;
use crate::db::Db;
use crate::devkit;
use crate::plugins::{self, Plugins, Runtime, TurnLimits, wit};
use crate::telemetry;

#[derive(Debug, Parser)]
#[command(
    name = "agent-store",
    version,
    about = "AI sellers as sandboxed wasm plugins, on WhatsApp"
)]
pub struct Cli {
    /// Database, caches and installed plugins.
    #[arg(long, global = true, env = "AGENT_STORE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// A TOML config file; every key can be overridden by AGENT_STORE_* env vars.
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Everything on embedded defaults: all plugins, the demo catalog, the
    /// WhatsApp sandbox web chat. No credentials needed.
    Demo {
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// Use the installed plugins as they are instead of rebuilding.
        #[arg(long)]
        no_build: bool,
    },
    /// Run the host with the given configuration.
    Serve,
    /// Ask the router plugin which brand should answer TEXT.
    Route {
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Persona prompts.
    Prompts {
        #[command(subcommand)]
        command: PromptsCommand,
    },
    /// Catalog operations.
    Catalog {
        #[command(subcommand)]
        command: CatalogCommand,
    },
    /// Order operations, through a serving host's admin API.
    Order {
        #[command(subcommand)]
        command: orders::OrderCommand,
    },
    /// Sales console accounts.
    Users {
        #[command(subcommand)]
        command: users::UsersCommand,
    },
    /// Plugin operations.
    Plugin {
        #[command(subcommand)]
        command: PluginCommand,
    },
    /// Recorded conversations: export as replay files, regression cases.
    Conversations {
        #[command(subcommand)]
        command: replay::ConversationsCommand,
    },
    /// Run a candidate component against recorded turns and list, turn by
    /// turn, where its actions differ (non-zero exit on any difference).
    Replay(replay::ReplayArgs),
}

#[derive(Debug, Subcommand)]
pub enum PromptsCommand {
    /// Validate the persona prompts (persona names, rules, no prices).
    Check {
        /// The prompts directory (default: `plugins.prompts_dir`).
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Import (upsert) a Meta catalog-feed CSV.
    Import { file: PathBuf },
    /// Search like the plugins' `catalog` import does.
    Search {
        text: String,
        #[arg(long)]
        brand: Option<String>,
        #[arg(long, default_value_t = 5)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PluginCommand {
    /// Build the guest crates under plugins/ to wasm components and install them.
    Build {
        /// The source workspace (default: this checkout).
        #[arg(long)]
        workspace: Option<PathBuf>,
    },
    /// Run a scripted conversation (TOML `[[turn]] say/expect/forbid/brand`)
    /// against COMPONENT in the real host, beside the installed plugins.
    Test {
        component: PathBuf,
        #[arg(long)]
        manifest: PathBuf,
        /// A scripted conversation (`[[turn]]` say/expect/forbid/brand).
        #[arg(long)]
        script: Option<PathBuf>,
        /// Replay files to run the component against (those in `replays/`
        /// beside the manifest are run too).
        #[arg(long)]
        replay: Vec<PathBuf>,
    },
    /// Scaffold a new brand's seller: crate, manifest, prompt and tests that
    /// build and pass unchanged (`plugins/seller-BRAND`, `prompts/BRAND.md`).
    New {
        brand: String,
        /// The persona's name (default: the brand, capitalised).
        #[arg(long)]
        persona: Option<String>,
        /// The workspace to write into (default: this checkout).
        #[arg(long)]
        workspace: Option<PathBuf>,
    },
    /// List installed plugins and whether they load.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Upload a new version to a running host (`PUT /admin/plugins/{name}`);
    /// it is validated (compile, world, WIT version, smoke turn) before it
    /// serves, and refused with the reason otherwise.
    Push {
        /// The component (`.wasm`).
        file: PathBuf,
        /// Its `plugin.toml`.
        #[arg(long)]
        manifest: PathBuf,
        /// Serve it to this percentage of customers first (a canary).
        #[arg(long, conflicts_with = "shadow")]
        canary: Option<u8>,
        /// Run it as a shadow version: it gets a copy of live turns after
        /// the active version answered, its actions are compared and never
        /// carried out (`plugin shadow show|promote|drop`).
        #[arg(long)]
        shadow: bool,
        #[command(flatten)]
        admin: AdminApi,
    },
    /// A plugin's shadow version on a running host: how it compares with
    /// the active version on live turns, or promote it, or drop it.
    Shadow {
        #[command(subcommand)]
        action: ShadowAction,
    },
    /// Go back one version on a running host (a canary is dropped first).
    Rollback {
        name: String,
        #[command(flatten)]
        admin: AdminApi,
    },
    /// Recent failures and operations of a plugin on a running host.
    Logs {
        name: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        admin: AdminApi,
    },
}

#[derive(Debug, Subcommand)]
pub enum ShadowAction {
    /// Agreement rate, turns compared, failed and dropped, and the turns it
    /// differs on (`GET /admin/plugins/{name}/shadow`).
    Show {
        name: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        admin: AdminApi,
    },
    /// Make the shadow version the active one for every customer.
    Promote {
        name: String,
        #[command(flatten)]
        admin: AdminApi,
    },
    /// Stop the shadow version (the active version is untouched).
    Drop {
        name: String,
        #[command(flatten)]
        admin: AdminApi,
    },
}

/// Where the running host's admin API is, for every command that talks to
/// it (`plugin push/rollback/logs`, `order ...`).
#[derive(Debug, clap::Args)]
pub struct AdminApi {
    /// The host's base URL (default: http://<server.bind>). `AGENT_STORE_URL`
    /// is read when `AGENT_STORE_ADMIN_URL` is not set (the `order`
    /// commands' former name).
    #[arg(long, env = "AGENT_STORE_ADMIN_URL")]
    pub url: Option<String>,
    /// The admin bearer token (default: admin.token of the config, i.e.
    /// AGENT_STORE_ADMIN_TOKEN).
    #[arg(long, env = "AGENT_STORE_ADMIN_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
}

/// The one client of the admin API: base URL, bearer token, a timeout,
/// and errors that carry the API's reason.
pub struct AdminClient {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl AdminClient {
    /// A client for `api`, defaulting to the config's `server.bind` and
    /// `admin.token`; no token at all is an error.
    pub fn new(config: &Config, api: &AdminApi) -> anyhow::Result<AdminClient> {
        let token = api
            .token
            .clone()
            .unwrap_or_else(|| config.admin.token.clone());
        if token.is_empty() {
            bail!("no admin token: pass --token or set admin.token / AGENT_STORE_ADMIN_TOKEN");
        }
        let base = api
            .url
            .clone()
            .or_else(|| {
                std::env::var("AGENT_STORE_URL")
                    .ok()
                    .filter(|u| !u.is_empty())
            })
            .unwrap_or_else(|| format!("http://{}", config.server.bind));
        Ok(AdminClient {
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()?,
            base: base.trim_end_matches('/').to_string(),
            token,
        })
    }

    /// `method /admin{path}` with an optional JSON body; a non-2xx answer
    /// is an error with its status and the API's reason.
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> anyhow::Result<serde_json::Value> {
        let url = format!("{}/admin{path}", self.base);
        let mut request = self
            .http
            .request(method, &url)
            .bearer_auth(&self.token)
            .header("x-actor", "cli");
        if let Some(b) = body {
            request = request.json(&b);
        }
        let response = request
            .send()
            .await
            .with_context(|| format!("cannot reach the host's admin API at {url}"))?;
        let status = response.status();
        let value: serde_json::Value = response.json().await.unwrap_or_default();
        if !status.is_success() {
            bail!(
                "{status}: {}",
                value["error"]
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| value.to_string())
            );
        }
        Ok(value)
    }
}

/// This checkout's root, where `plugins/`, `prompts/` and `catalog/` live:
/// the current directory when it is one, else the source tree the binary
/// was built from.
pub fn workspace_root() -> Option<PathBuf> {
    let is_root = |p: &Path| p.join("wit").is_dir() && p.join("plugins").is_dir();
    let cwd = std::env::current_dir().ok()?;
    if is_root(&cwd) {
        return Some(cwd);
    }
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .to_path_buf();
    is_root(&built_from).then_some(built_from)
}

impl Cli {
    fn load_config(&self) -> anyhow::Result<Config> {
        let mut config = Config::load(self.config.as_deref())?;
        if let Some(d) = &self.data_dir {
            config.data_dir = d.clone();
        }
        Ok(config)
    }
}

/// Run the command line.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.load_config()?;
    telemetry::init(&config.log, &config.telemetry);
    let unused = crate::config::ignored_env_vars(&crate::config::EnvOverrides::from_process());
    if !unused.is_empty() {
        // Not an error: some are read by commands (`users add`), but a
        // misspelt override shows up here.
        tracing::info!(variables = ?unused, "environment variables that set no config key");
    }
    match cli.command {
        Command::Demo { bind, no_build } => demo(config, bind, no_build).await,
        Command::Serve => serve(config).await,
        Command::Route { text, json } => route(config, &text, json).await,
        Command::Prompts {
            command: PromptsCommand::Check { dir, json },
        } => crate::llm::prompts::check_command(
            &dir.unwrap_or_else(|| {
                let d = config.prompts_dir();
                match workspace_root() {
                    Some(root) if d.is_relative() && !d.exists() => root.join(d),
                    _ => d,
                }
            }),
            json,
        ),
        Command::Catalog { command } => catalog(config, command).await,
        Command::Users { command } => users::run(&config, command).await,
        Command::Order { command } => orders::run(&config, command).await,
        Command::Plugin { command } => plugin(config, command).await,
        Command::Conversations { command } => replay::conversations(&config, command).await,
        Command::Replay(args) => replay::replay(args).await,
    }
}

fn random_token() -> String {
    use rand::Rng;
    let bytes: [u8; 24] = rand::rng().random();
    hex::encode(bytes)
}

/// Fill what the demo needs and nobody gave, from the checkout.
fn demo_defaults(config: &mut Config) {
    let w = &mut config.whatsapp;
    if w.app_secret.is_empty() {
        w.app_secret = random_token();
    }
    if w.verify_token.is_empty() {
        w.verify_token = random_token();
    }
    if w.access_token.is_empty() {
        w.access_token = "sandbox-token".into();
    }
    if w.phone_number_id.is_empty() {
        w.phone_number_id = "100000000000001".into();
    }
    if w.display_phone_number.is_empty() {
        w.display_phone_number = "+1 555 0100".into();
    }
    if config.admin.token.is_empty() {
        config.admin.token = random_token();
    }
    if let Some(root) = workspace_root() {
        config
            .catalog
            .seed_feed
            .get_or_insert(root.join("catalog/products.csv"));
        config
            .plugins
            .prompts_dir
            .get_or_insert(root.join("prompts"));
    }
}

async fn demo(mut config: Config, bind: SocketAddr, no_build: bool) -> anyhow::Result<()> {
    demo_defaults(&mut config);
    config.server.bind = bind;
    if !no_build {
        let root = workspace_root().context(
            "the demo builds plugins from this checkout; run it from the repository root",
        )?;
        let installed = devkit::build::build_and_install(&root, &config.plugins_dir())?;
        tracing::info!(plugins = installed.len(), "plugins built and installed");
    }
    let app = App::start(config, Options { sandbox: true }).await?;
    let c = &app.state.config;
    println!("\nAgent Store demo is running.\n");
    println!("  WhatsApp sandbox chat:  {}/", app.url());
    println!("  Webhook:                {}/webhooks/whatsapp", app.url());
    println!("  Admin API token:        {}", c.admin.token);
    let console_password = app.sales.demo_admin("admin").await?;
    println!("  Sales console:          {}/console", app.url());
    println!("    sign in as admin / {console_password}");
    println!(
        "  (try: curl -H 'Authorization: Bearer {}' {}/admin/plugins)",
        c.admin.token,
        app.url()
    );
    println!("\nPress Ctrl-C to stop.\n");
    app.run_until_signal().await
}

async fn serve(config: Config) -> anyhow::Result<()> {
    if config.whatsapp.app_secret.is_empty() {
        bail!(
            "refusing to start without whatsapp.app_secret (set AGENT_STORE_WHATSAPP_APP_SECRET): unsigned webhooks would be accepted"
        );
    }
    App::start(config, Options::default())
        .await?
        .run_until_signal()
        .await
}

async fn open_catalog(config: &Config) -> anyhow::Result<Catalog> {
    let db = Db::open(&config.database, &config.data_dir).await?;
    Ok(Catalog::open(db, &config.data_dir).await?)
}

async fn route(mut config: Config, text: &str, as_json: bool) -> anyhow::Result<()> {
    demo_defaults(&mut config);
    let catalog = open_catalog(&config).await?;
    if catalog.is_empty()
        && let Some(feed) = &config.catalog.seed_feed
    {
        catalog.import_csv_file(feed).await?;
    }
    let services = crate::app::plugin_services(&config, catalog, None, None, None)?;
    let plugins = Arc::new(Plugins::load(
        Runtime::new(TurnLimits::default())?,
        services,
        &config.plugins_dir(),
    ));
    // Like `serve`: a plugin rebuilt since the last start is the one asked.
    plugins.sync_all().await;
    let brands = plugins.snapshot().brands();
    let request = wit::RouteRequest {
        conversation_id: String::new(),
        customer: wit::Customer {
            wa_id: "cli".into(),
            name: None,
        },
        message: wit::InboundMessage {
            id: "cli".into(),
            timestamp: chrono::Utc::now().timestamp().max(0) as u64,
            content: wit::MessageContent::Text(text.to_string()),
            reply_to: None,
        },
        current_brand: None,
        history: Vec::new(),
        brands,
    };
    let (router, result) = plugins.route(&request).await.with_context(|| {
        format!(
            "no router plugin installed in {} (run `agent-store plugin build`)",
            config.plugins_dir().display()
        )
    })?;
    let d = result?;
    if as_json {
        println!(
            "{}",
            json!({ "brand": d.brand, "confidence": d.confidence, "reason": d.reason, "candidates": d.candidates, "router": format!("{}@{}", router.manifest.name, router.manifest.version) })
        );
    } else {
        println!("{} ({:.2}): {}", d.brand, d.confidence, d.reason);
    }
    Ok(())
}

async fn catalog(config: Config, command: CatalogCommand) -> anyhow::Result<()> {
    let catalog = open_catalog(&config).await?;
    match command {
        CatalogCommand::Import { file } => {
            let report = catalog.import_csv_file(&file).await?;
            println!(
                "imported {} products, rejected {}",
                report.imported,
                report.rejected.len()
            );
            for r in &report.rejected {
                println!(
                    "  line {}: {}{}",
                    r.line,
                    r.id.as_deref()
                        .map(|i| format!("{i}: "))
                        .unwrap_or_default(),
                    r.reason
                );
            }
        }
        CatalogCommand::Search {
            text,
            brand,
            limit,
            json: as_json,
        } => {
            let query = SearchQuery {
                text,
                limit,
                ..Default::default()
            };
            let hits = catalog.search(brand.as_deref(), &query);
            if as_json {
                let out: Vec<_> = hits
                    .iter()
                    .map(|s| json!({ "id": s.product.id, "title": s.product.title, "brand": s.product.brand, "price": s.product.effective_price().to_string(), "availability": s.product.availability.as_str(), "score": s.score }))
                    .collect();
                println!("{}", serde_json::Value::Array(out));
            } else {
                for s in hits {
                    println!(
                        "{:>6.2}  {}  {}  {}",
                        s.score,
                        s.product.id,
                        s.product.title,
                        s.product.effective_price()
                    );
                }
            }
        }
    }
    Ok(())
}

async fn plugin(config: Config, command: PluginCommand) -> anyhow::Result<()> {
    match command {
        PluginCommand::Build { workspace } => {
            let root = workspace
                .or_else(workspace_root)
                .context("no workspace: pass --workspace DIR")?;
            for i in devkit::build::build_and_install(&root, &config.plugins_dir())? {
                println!("{:<16} {:>8} bytes  {}", i.name, i.bytes, i.path.display());
            }
        }
        PluginCommand::Test {
            component,
            manifest,
            script,
            replay,
        } => {
            // The replay files given, and those kept beside the plugin.
            let mut replays = replay;
            replays.extend(replay::kept_beside(&manifest)?);
            if script.is_none() && replays.is_empty() {
                bail!(
                    "nothing to test: give --script S.toml or --replay FILE, or keep replay files in replays/ beside the manifest"
                );
            }
            if !replays.is_empty() {
                let candidate = crate::replay::run::Candidate::load(&component, &manifest).await?;
                let reports = replay::replay_files(&candidate, &replays).await?;
                print!(
                    "{}",
                    crate::replay::run::print(candidate.plugin(), &reports)
                );
                replay::verdict(&reports)?;
            }
            let Some(script) = script else {
                return Ok(());
            };
            let installed = config.plugins_dir();
            let mut base = config;
            demo_defaults(&mut base);
            let reports =
                devkit::script::run(base, &installed, &component, &manifest, &script).await?;
            let mut failed = 0;
            for (i, r) in reports.iter().enumerate() {
                let verdict = if r.failures.is_empty() {
                    "ok"
                } else {
                    "FAILED"
                };
                println!("turn {}: {verdict}  > {}", i + 1, r.say);
                println!("  brand: {}", r.brand.as_deref().unwrap_or("none"));
                for line in r.replies.lines() {
                    println!("  < {line}");
                }
                for f in &r.failures {
                    println!("  ! {f}");
                }
                failed += usize::from(!r.failures.is_empty());
            }
            if failed > 0 {
                bail!("{failed} of {} turns failed", reports.len());
            }
            println!("{} turns passed", reports.len());
        }
        PluginCommand::New {
            brand,
            persona,
            workspace,
        } => {
            let root = workspace
                .or_else(workspace_root)
                .context("no workspace: pass --workspace DIR")?;
            let persona = persona.unwrap_or_else(|| {
                let mut c = brand.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            });
            let s = devkit::scaffold::new_seller(&root, &brand, &persona)?;
            println!(
                "created {} and {}",
                s.crate_dir.display(),
                s.prompt.display()
            );
            println!("next: cargo test -p seller-{brand} && agent-store plugin build");
        }
        PluginCommand::List { json: as_json } => {
            let runtime = Runtime::new(TurnLimits::default())?;
            let (snapshot, failures) = plugins::registry::load_dir(&runtime, &config.plugins_dir());
            let loaded: Vec<_> = snapshot
                .plugins
                .values()
                .map(|p| json!({ "name": p.manifest.name, "kind": p.manifest.kind.as_str(), "brand": p.manifest.brand, "version": p.manifest.version, "contract": p.contract.version(), "digest": p.digest, "state": "ok" }))
                .chain(failures.iter().map(|f| json!({ "name": f.plugin, "state": "failed", "error": f.reason })))
                .collect();
            if as_json {
                println!("{}", serde_json::Value::Array(loaded));
            } else {
                print_plugin_table(&loaded);
            }
        }
        PluginCommand::Push {
            file,
            manifest,
            canary,
            shadow,
            admin,
        } => {
            let manifest_text = std::fs::read_to_string(&manifest)
                .with_context(|| format!("reading {}", manifest.display()))?;
            let name = plugins::Manifest::parse(&manifest_text)
                .with_context(|| format!("{}", manifest.display()))?
                .name;
            let component =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            use base64::Engine as _;
            let body = json!({
                "manifest": manifest_text,
                "component": base64::engine::general_purpose::STANDARD.encode(component),
                "canary": canary,
                "shadow": shadow,
            });
            let out = AdminClient::new(&config, &admin)?
                .call(
                    reqwest::Method::PUT,
                    &format!("/plugins/{name}"),
                    Some(body),
                )
                .await?;
            println!(
                "{} {} ({}) is {}{}",
                out["name"].as_str().unwrap_or_default(),
                out["version"].as_str().unwrap_or_default(),
                &out["digest"]
                    .as_str()
                    .unwrap_or_default()
                    .chars()
                    .take(12)
                    .collect::<String>(),
                out["state"].as_str().unwrap_or_default(),
                out["percent"]
                    .as_u64()
                    .map(|p| format!(" for {p}% of customers"))
                    .unwrap_or_default(),
            );
        }
        PluginCommand::Shadow { action } => shadow_command(&config, action).await?,
        PluginCommand::Rollback { name, admin } => {
            let out = AdminClient::new(&config, &admin)?
                .call(
                    reqwest::Method::POST,
                    &format!("/plugins/{name}/rollback"),
                    None,
                )
                .await?;
            println!(
                "{} is back on {} ({})",
                name,
                out["version"].as_str().unwrap_or_default(),
                &out["digest"]
                    .as_str()
                    .unwrap_or_default()
                    .chars()
                    .take(12)
                    .collect::<String>(),
            );
        }
        PluginCommand::Logs {
            name,
            limit,
            json: as_json,
            admin,
        } => {
            let out = AdminClient::new(&config, &admin)?
                .call(
                    reqwest::Method::GET,
                    &format!("/plugins/{name}/logs?limit={limit}"),
                    None,
                )
                .await?;
            if as_json {
                println!("{out}");
            } else {
                for l in out["logs"].as_array().into_iter().flatten() {
                    println!(
                        "{}  {:<18} {:<22} {}",
                        l["at"].as_str().unwrap_or_default(),
                        l["event"].as_str().unwrap_or_default(),
                        l["version"].as_str().unwrap_or("-"),
                        l["message"].as_str().unwrap_or_default()
                    );
                }
            }
        }
    }
    Ok(())
}

/// `plugin shadow show|promote|drop`.
async fn shadow_command(config: &Config, action: ShadowAction) -> anyhow::Result<()> {
    match action {
        ShadowAction::Show {
            name,
            json: as_json,
            admin,
        } => {
            let out = AdminClient::new(config, &admin)?
                .call(
                    reqwest::Method::GET,
                    &format!("/plugins/{name}/shadow"),
                    None,
                )
                .await?;
            if as_json {
                println!("{out}");
                return Ok(());
            }
            let n = |k: &str| out[k].as_u64().unwrap_or(0);
            let agreement = out["agreement"]
                .as_f64()
                .map_or("-".to_string(), |a| format!("{:.1}%", a * 100.0));
            println!(
                "{name}: shadow {} beside active {}",
                out["shadow_id"].as_str().unwrap_or_default(),
                out["active_id"].as_str().unwrap_or("-"),
            );
            println!(
                "compared {}  agreement {agreement}  same {}  differing {}  failed {}  dropped {}",
                n("compared"),
                n("same"),
                n("differing"),
                n("failed"),
                n("dropped"),
            );
            for t in out["turns"].as_array().into_iter().flatten() {
                println!(
                    "  {} {:?}: {}",
                    t["turn"].as_str().unwrap_or_default(),
                    t["said"].as_str().unwrap_or_default(),
                    t["status"].as_str().unwrap_or_default(),
                );
                if let Some(e) = t["error"].as_str() {
                    println!("    {e}");
                }
                for d in t["differences"].as_array().into_iter().flatten() {
                    println!(
                        "    {}: active {}; shadow {}",
                        d["aspect"].as_str().unwrap_or_default(),
                        d["recorded"].as_str().unwrap_or_default(),
                        d["candidate"].as_str().unwrap_or_default(),
                    );
                }
            }
        }
        ShadowAction::Promote { name, admin } => {
            let out = AdminClient::new(config, &admin)?
                .call(
                    reqwest::Method::POST,
                    &format!("/plugins/{name}/shadow/promote"),
                    None,
                )
                .await?;
            println!(
                "{name} {} is now active",
                out["version"].as_str().unwrap_or_default()
            );
        }
        ShadowAction::Drop { name, admin } => {
            let out = AdminClient::new(config, &admin)?
                .call(
                    reqwest::Method::DELETE,
                    &format!("/plugins/{name}/shadow"),
                    None,
                )
                .await?;
            println!(
                "{name}: shadow {} dropped",
                out["version"].as_str().unwrap_or_default()
            );
        }
    }
    Ok(())
}

/// `plugin list` for people: one aligned row per plugin, failures with
/// their reason.
fn print_plugin_table(rows: &[serde_json::Value]) {
    let cell = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
    println!(
        "{:<24} {:<7} {:<10} {:<12} {:<9} STATE",
        "NAME", "KIND", "BRAND", "VERSION", "CONTRACT"
    );
    for r in rows {
        let state = match r["error"].as_str() {
            Some(e) => format!("failed: {e}"),
            None => cell(&r["state"]),
        };
        println!(
            "{:<24} {:<7} {:<10} {:<12} {:<9} {state}",
            cell(&r["name"]),
            cell(&r["kind"]),
            cell(&r["brand"]),
            cell(&r["version"]),
            cell(&r["contract"]),
        );
    }
}
