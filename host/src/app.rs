//! Composes every capability into one running server.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::Context as _;
use tokio::sync::oneshot;

use crate::api::{self, AppState};
use crate::bus::Bus;
use crate::catalog::Catalog;
use crate::config::Config;
use crate::conversations::Conversations;
use crate::db::Db;
use crate::llm::Llm;
use crate::orders::Carts;
use crate::pipeline::Pipeline;
use crate::plugins::{Plugins, Runtime, Services};
use crate::sales::{Sales, SalesDeps};
use crate::whatsapp::Gateway;
use crate::whatsapp::sandbox::{ProductLookup, Sandbox, SandboxConfig};

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Serve the WhatsApp sandbox and point the Graph client at it.
    pub sandbox: bool,
}

/// A running host.
pub struct App {
    pub addr: SocketAddr,
    pub state: Arc<AppState>,
    pub sandbox: Option<Sandbox>,
    /// The WhatsApp gateway (its outbox worker stops with the app).
    pub whatsapp: Arc<Gateway>,
    /// The sales console and its escalation queue.
    pub sales: Sales,
    /// The address of `server.metrics_bind`'s listener, when configured.
    pub metrics_addr: Option<SocketAddr>,
    shutdown: Option<oneshot::Sender<()>>,
    server: tokio::task::JoinHandle<()>,
    /// The metrics listener: stopped with the main one.
    metrics_server: Option<(oneshot::Sender<()>, tokio::task::JoinHandle<()>)>,
}

impl App {
    /// Start everything and serve on `config.server.bind` (port 0 = any):
    /// storage and the bus, then each capability against them, then the
    /// routes; ready once start-up recovery is done.
    pub async fn start(mut config: Config, options: Options) -> anyhow::Result<App> {
        let listener = tokio::net::TcpListener::bind(config.server.bind)
            .await
            .with_context(|| format!("cannot listen on {}", config.server.bind))?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        if options.sandbox {
            config.whatsapp.graph_base_url = format!("{base_url}/sandbox/graph");
        }
        // Several hosts on one database and one broker.
        let multi_host = config.bus.backend == "amqp";

        let core = Core::open(&config).await?;
        let (plugins, releases) = start_plugins(&config, &core, multi_host).await?;
        let order_templates = order_templates(&mut config);
        let whatsapp = start_whatsapp(&config, &core)?;
        let pipeline = start_pipeline(&config, &core, &plugins, &whatsapp, &options).await?;
        let sales = start_sales(&config, &core, &pipeline, multi_host).await?;
        let orders = start_orders(&config, &core, order_templates, multi_host).await?;
        let satisfaction = crate::satisfaction::Satisfaction::new(
            core.db.clone(),
            core.conversations.clone(),
            core.bus.clone(),
        );
        satisfaction.start().await?;
        // Heals a stock sync lost to a crash between an order and the catalog.
        orders.sync_all_catalog_stock().await?;
        let sandbox = options
            .sandbox
            .then(|| sandbox(&config, &core.catalog, &base_url));
        // Several hosts on one database: heartbeats say who is live.
        let hosts =
            crate::cluster::Hosts::new(core.db.clone(), plugins.clone(), multi_host, releases);
        // Several hosts judge canaries and quarantine on every host's turns.
        if multi_host {
            crate::cluster::Tallies::new(core.db.clone(), plugins.clone(), hosts.id()).start();
        }

        let state = Arc::new(AppState {
            webhook: crate::whatsapp::webhook::WebhookState {
                config: Arc::new(config.whatsapp.clone()),
                conversations: core.conversations.clone(),
                bus: core.bus.clone(),
            },
            config,
            conversations: core.conversations,
            bus: core.bus,
            plugins,
            catalog: core.catalog,
            orders,
            whatsapp: whatsapp.clone(),
            parked: core.parked,
            db: core.db,
            hosts,
            satisfaction,
            ready: Default::default(),
            readiness_log: Default::default(),
        });
        let (shutdown, server) = serve(listener, &state, &sales, sandbox.as_ref());
        let (metrics_addr, metrics_server) = match state.config.server.metrics_bind {
            Some(bind) => {
                let (addr, stop) = serve_metrics(bind, state.clone()).await?;
                (Some(addr), Some(stop))
            }
            None => (None, None),
        };

        pipeline.recover().await?;
        if multi_host {
            pipeline.spawn_stale_sweep(STALE_SWEEP, STALE_AFTER);
        }
        // Sends what a previous run left in the outbox, then retries.
        whatsapp.start().await;
        state.hosts.spawn_heartbeat();
        state.ready.store(true, Ordering::SeqCst);
        tracing::info!(%addr, "agent store listening");
        Ok(App {
            addr,
            state,
            sandbox,
            whatsapp,
            sales,
            metrics_addr,
            shutdown: Some(shutdown),
            server,
            metrics_server,
        })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Wait until every published event has been handled and every reply
    /// the send stage took has left (or been left to the outbox worker).
    pub async fn idle(&self) {
        self.events_handled().await;
        // Turn records are written in the background.
        self.state.plugins.flush_records().await;
    }

    /// Every published event handled, and every reply the send stage
    /// handed to a conversation's sender task sent (or left to the outbox
    /// worker): what the senders do can publish more (a hold escalates).
    async fn events_handled(&self) {
        loop {
            self.state.bus.idle().await;
            if !self.whatsapp.wait_senders().await {
                break;
            }
        }
    }

    /// Stop accepting requests and finish in-flight work within
    /// `server.shutdown_grace_secs` (open connections get at most
    /// [`SHUTDOWN_DRAIN`] of it). What is left is stored — unanswered
    /// messages, queued replies — and the next start takes it up.
    pub async fn shutdown(mut self) {
        let grace = Duration::from_secs(self.state.config.server.shutdown_grace_secs);
        let deadline = tokio::time::Instant::now() + grace;
        // The end of the grace is kept for stopping the sender and the bus.
        let work_deadline = deadline - STOP_RESERVE.min(grace / 2);
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some((tx, task)) = self.metrics_server.take() {
            let _ = tx.send(());
            // Scrapes are short; a stuck one does not hold shutdown up.
            if tokio::time::timeout(SHUTDOWN_DRAIN, task).await.is_err() {
                tracing::info!("metrics listener still busy after the drain period: left");
            }
        }
        // Requests get a bounded time to finish; live streams (the sandbox's
        // and the console's Server-Sent Events) never end by themselves and
        // must not keep the host from stopping.
        let drain = (tokio::time::Instant::now() + SHUTDOWN_DRAIN).min(work_deadline);
        if tokio::time::timeout_at(drain, &mut self.server)
            .await
            .is_err()
        {
            tracing::info!(
                drain_secs = SHUTDOWN_DRAIN.as_secs(),
                "connections still open after the drain period: closed"
            );
            self.server.abort();
        }
        if tokio::time::timeout_at(work_deadline, self.events_handled())
            .await
            .is_err()
        {
            tracing::warn!(
                grace_secs = grace.as_secs(),
                "shutdown grace over: unfinished messages are left to the next start"
            );
        }
        // The turn records still queued for the background writer.
        if tokio::time::timeout_at(work_deadline, self.state.plugins.flush_records())
            .await
            .is_err()
        {
            tracing::warn!("turn records still queued at the end of the grace: not recorded");
        }
        // Sends waiting for pacing give their messages back to the outbox.
        if tokio::time::timeout_at(deadline, self.whatsapp.stop())
            .await
            .is_err()
        {
            tracing::warn!("outbox worker still sending at the end of the grace: left");
        }
        let _ = tokio::time::timeout_at(deadline, self.state.hosts.leave()).await;
        if tokio::time::timeout_at(deadline, self.state.bus.close())
            .await
            .is_err()
        {
            tracing::warn!("bus not closed within the grace");
        }
    }

    /// Serve until Ctrl-C / SIGTERM.
    pub async fn run_until_signal(self) -> anyhow::Result<()> {
        shutdown_signal().await;
        tracing::info!("shutting down");
        self.shutdown().await;
        // Buffered spans go out (bounded by the export timeout); blocking,
        // so off the async workers.
        let _ = tokio::task::spawn_blocking(crate::telemetry::tracing::shutdown).await;
        Ok(())
    }
}

/// What every capability is opened against: storage, the catalog, the
/// conversation store, the carts and the bus.
struct Core {
    db: Db,
    catalog: Catalog,
    conversations: Conversations,
    carts: Carts,
    parked: crate::bus::ParkedEvents,
    bus: Arc<dyn Bus>,
    /// Business budgets, in the database shared by every host.
    policy: crate::policy::Policy,
    /// The LLM's daily tokens, counted in the same database.
    ledger: Arc<dyn crate::llm::TokenLedger>,
}

impl Core {
    async fn open(config: &Config) -> anyhow::Result<Core> {
        let db = Db::open(&config.database, &config.data_dir).await?;
        // Several hosts store and compare times in the database's clock
        // (their own may be minutes apart); measured before anything is
        // stored, then again with every few heartbeats.
        if config.bus.backend == "amqp" {
            match db.follow_clock().await {
                Ok(offset) if offset.abs() > 1000 => {
                    tracing::warn!(
                        offset_ms = offset,
                        "this host's clock is off the database's; stored times follow the database's clock"
                    )
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "the database's clock not read: this host's clock is used")
                }
            }
        }
        let catalog = Catalog::open(db.clone(), &config.data_dir).await?;
        seed_catalog(&catalog, config).await?;
        let conversations = Conversations::new(db.clone());
        let carts = Carts::new(db.clone(), catalog.clone());
        let parked = crate::bus::ParkedEvents::new(db.clone());
        let bus: Arc<dyn Bus> =
            crate::bus::connect_with(&config.bus, Some(Arc::new(parked.clone()))).await?;
        // Business budgets live in the database, shared by every host: the
        // LLM's daily tokens are counted there too.
        let policy = crate::policy::Policy::new(db.clone());
        policy.seed(&config.policy).await?;
        let ledger: Arc<dyn crate::llm::TokenLedger> = Arc::new(policy.clone());
        Ok(Core {
            db,
            catalog,
            conversations,
            carts,
            parked,
            bus,
            policy,
            ledger,
        })
    }
}

/// The plugin host with every installed plugin loaded (and, on several
/// hosts, the shared releases applied and followed).
async fn start_plugins(
    config: &Config,
    core: &Core,
    multi_host: bool,
) -> anyhow::Result<(Arc<Plugins>, Option<Arc<crate::cluster::Releases>>)> {
    let services = plugin_services(
        config,
        core.catalog.clone(),
        Some(core.conversations.clone()),
        Some(core.carts.clone()),
        Some(core.ledger.clone()),
    )?;
    let runtime = Runtime::with_options(
        config.plugins.limits.turn_limits(),
        config.plugins.compiler,
        config.plugins.keep_resident_bytes,
    )?;
    let plugins = Arc::new(Plugins::new(
        runtime,
        services,
        crate::plugins::PluginsOptions::from_config(
            &config.plugins,
            config.plugins_dir(),
            &config.data_dir,
        ),
    ));
    if config.record.enabled {
        // Written by a background task: never on the customer's turn.
        plugins.record_into(crate::replay::RecordWriter::start(
            crate::replay::TurnRecords::new(core.db.clone(), config.record.clone()),
            config.record.write_queue as usize,
        ));
    }
    // Shadow versions get a copy of live turns, compared in the background.
    crate::replay::shadow::ShadowRunner::start(
        &plugins,
        core.db.clone(),
        config.record.shadow_queue as usize,
    );
    plugins.sync_all().await;
    if config.plugins.watch
        && let Err(e) = crate::plugins::watch::spawn(&plugins, crate::plugins::watch::DEBOUNCE)
    {
        tracing::warn!(error = %e, "plugins directory not watched");
    }
    // Several hosts on one database: plugin pushes and rollbacks reach
    // every host (the shared release is run at start, then followed).
    let releases = multi_host
        .then(|| crate::cluster::Releases::new(core.db.clone(), plugins.clone(), core.bus.clone()));
    if let Some(releases) = &releases {
        if let Err(e) = releases.apply_all().await {
            tracing::error!(error = %e, "shared plugin releases not read: this host runs its own plugins directory");
        }
        releases.start().await?;
    }
    forward_plugin_ops(&plugins, core.bus.clone(), releases.clone());
    let snapshot = plugins.snapshot();
    tracing::info!(plugins = snapshot.plugins.len(), failed = plugins.failures().len(), brands = ?snapshot.brands(), "plugins ready");
    Ok((plugins, releases))
}

/// What the plugin host offers its guests: the catalog, the LLM gateway,
/// the prompts and the brand vocabulary, and (when serving) the
/// conversation store and the carts. `agent-store route` builds the same.
pub fn plugin_services(
    config: &Config,
    catalog: Catalog,
    conversations: Option<Conversations>,
    carts: Option<Carts>,
    ledger: Option<Arc<dyn crate::llm::TokenLedger>>,
) -> anyhow::Result<Services> {
    let mut llm = Llm::new(&config.llm)?;
    if let Some(ledger) = ledger {
        llm = llm.with_ledger(ledger);
    }
    let prompts = crate::llm::Prompts::load(&config.prompts_dir());
    let routing = crate::routing::Vocabulary::new(catalog.clone(), &prompts);
    Ok(Services {
        catalog,
        conversations,
        carts,
        llm,
        routing: routing.clone(),
        prompts,
        values: Arc::new(config.plugins.values_with_prompts(&config.prompts_dir())),
        brands: Arc::new(routing),
        seen: Default::default(),
        tape: Default::default(),
    })
}

/// Order-update templates, checked against the operator's file; the
/// usable ones join the gateway's allow-list.
fn order_templates(config: &mut Config) -> Arc<crate::whatsapp::templates::UtilityTemplates> {
    let templates_file = config
        .whatsapp
        .templates_file
        .clone()
        .unwrap_or_else(|| config.prompts_dir().join("templates.toml"));
    let order_templates = Arc::new(crate::whatsapp::templates::UtilityTemplates::load(
        &config.whatsapp,
        &templates_file,
    ));
    for t in order_templates.allowed() {
        if !config.whatsapp.template_allowed(&t.name, &t.language) {
            config.whatsapp.templates.push(t);
        }
    }
    order_templates
}

/// The WhatsApp gateway (its outbox worker starts once the host is ready).
fn start_whatsapp(config: &Config, core: &Core) -> anyhow::Result<Arc<Gateway>> {
    let whatsapp = Gateway::new(
        &config.whatsapp,
        core.conversations.clone(),
        core.bus.clone(),
    )?;
    if config.bus.backend == "amqp" && core.db.backend == crate::db::Backend::Postgres {
        // Several hosts may send from one number: one pace for all.
        whatsapp.share_pacing(core.db.clone());
    }
    Ok(whatsapp)
}

/// The message pipeline's stages, consuming.
async fn start_pipeline(
    config: &Config,
    core: &Core,
    plugins: &Arc<Plugins>,
    whatsapp: &Arc<Gateway>,
    options: &Options,
) -> anyhow::Result<Arc<Pipeline>> {
    let pipeline = Arc::new(Pipeline {
        conversations: core.conversations.clone(),
        plugins: plugins.clone(),
        bus: core.bus.clone(),
        catalog: core.catalog.clone(),
        carts: core.carts.clone(),
        whatsapp: whatsapp.clone(),
        catalog_id: options.sandbox.then(|| "sandbox-catalog".to_string()),
        transcriber: crate::llm::Transcriber::new(&config.llm)?,
        policy: core.policy.clone(),
    });
    pipeline.start().await?;
    Ok(pipeline)
}

/// The sales console and its escalation queue, consuming.
async fn start_sales(
    config: &Config,
    core: &Core,
    pipeline: &Pipeline,
    multi_host: bool,
) -> anyhow::Result<Sales> {
    let sales = Sales::new(SalesDeps {
        db: core.db.clone(),
        conversations: core.conversations.clone(),
        carts: core.carts.clone(),
        catalog: core.catalog.clone(),
        bus: core.bus.clone(),
        llm: Llm::new(&config.llm)?.with_ledger(core.ledger.clone()),
        catalog_id: pipeline.catalog_id.clone(),
        plugins: Some(pipeline.plugins.clone()),
    });
    sales.configure(|o| o.apply_server_config(&config.server));
    if !config.server.cookies_secure() && !config.server.bind.ip().is_loopback() {
        tracing::warn!(bind = %config.server.bind, "console cookies are not Secure: set server.public_url to the https address (or server.secure_cookies)");
    }
    sales.start().await?;
    if multi_host {
        // A rep's console hears of escalations raised on any host.
        sales.share_live_events().await?;
    }
    Ok(sales)
}

/// Orders, payments and shipping, consuming (and, on several hosts,
/// following every host's stock changes).
async fn start_orders(
    config: &Config,
    core: &Core,
    order_templates: Arc<crate::whatsapp::templates::UtilityTemplates>,
    multi_host: bool,
) -> anyhow::Result<crate::orders::Orders> {
    let orders = crate::orders::Orders::new(
        core.db.clone(),
        core.catalog.clone(),
        core.bus.clone(),
        config.orders.clone(),
        config.shipping.clone(),
        config.payments.clone(),
    )?;
    crate::orders::start(&orders, &core.bus, order_templates).await?;
    if multi_host {
        // Several hosts may share the database: every host's live
        // catalog follows the stock levels any of them changes.
        crate::orders::stock_events::start(&orders, &core.bus).await?;
        crate::orders::stock_events::spawn_resync(&orders, STOCK_RESYNC);
    }
    Ok(orders)
}

/// The WhatsApp sandbox (demo): Meta's side, serving the catalog's
/// products to its page.
fn sandbox(config: &Config, catalog: &Catalog, base_url: &str) -> Sandbox {
    let lookup_catalog = catalog.clone();
    let lookup: ProductLookup = Arc::new(move |id: &str| {
        lookup_catalog.get(None, id).map(|p| {
            serde_json::json!({
                "id": p.id, "title": p.title, "price": p.effective_price().to_string(),
                "regular_price": p.price.to_string(), "image_url": p.image_url,
                "availability": p.availability.as_str(), "brand": p.brand,
            })
        })
    });
    Sandbox::new(
        SandboxConfig {
            app_secret: config.whatsapp.app_secret.clone(),
            phone_number_id: config.whatsapp.phone_number_id.clone(),
            display_phone_number: config.whatsapp.display_phone_number.clone(),
            webhook_url: Some(format!("{base_url}/webhooks/whatsapp")),
        },
        Some(lookup),
    )
}

/// Every route (the host's, the console's, the sandbox's) served on
/// `listener` until the returned sender fires.
fn serve(
    listener: tokio::net::TcpListener,
    state: &Arc<AppState>,
    sales: &Sales,
    sandbox: Option<&Sandbox>,
) -> (oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
    let mut router = api::router(state.clone()).merge(sales.routes());
    if let Some(sandbox) = sandbox {
        router = router.merge(sandbox.routes());
    }
    let router = router.layer(tower_http::trace::TraceLayer::new_for_http());
    let (tx, rx) = oneshot::channel::<()>();
    // Connection limits and timeouts on the listener (api::serve).
    let server_config = state.config.server.clone();
    let server = tokio::spawn(async move {
        api::serve::serve(listener, router, &server_config, async {
            let _ = rx.await;
        })
        .await;
    });
    (tx, server)
}

/// Multi-host: how often a host looks for messages stored but unhandled
/// for [`STALE_AFTER`], and re-publishes them.
const STALE_SWEEP: Duration = Duration::from_secs(10);
const STALE_AFTER: Duration = Duration::from_secs(20);

/// On a multi-host bus, how often every tracked stock level is re-read
/// (catches up broadcasts a host missed while disconnected).
const STOCK_RESYNC: Duration = Duration::from_secs(30);

/// How long open connections may take to finish once shutdown began.
pub const SHUTDOWN_DRAIN: Duration = Duration::from_secs(5);
/// The last part of the shutdown grace, kept for stopping the outbox
/// worker and closing the bus (at most half the grace).
const STOP_RESERVE: Duration = Duration::from_secs(2);

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// `server.metrics_bind`: `GET /metrics` without a token on a listener of
/// its own (same connection limits and timeouts, api::serve).
async fn serve_metrics(
    bind: SocketAddr,
    state: Arc<AppState>,
) -> anyhow::Result<(
    SocketAddr,
    (oneshot::Sender<()>, tokio::task::JoinHandle<()>),
)> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind} (server.metrics_bind)"))?;
    let addr = listener.local_addr()?;
    let router = api::metrics::open_router(state.clone());
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        api::serve::serve(listener, router, &state.config.server, async {
            let _ = rx.await;
        })
        .await;
    });
    tracing::info!(%addr, "metrics listening");
    Ok((addr, (tx, task)))
}

/// Quarantines and canary rollbacks become `store.plugin.failed` events;
/// on a multi-host deployment every decision (promotions too) becomes the
/// plugin's shared release.
fn forward_plugin_ops(
    plugins: &Arc<Plugins>,
    bus: Arc<dyn Bus>,
    releases: Option<Arc<crate::cluster::Releases>>,
) {
    let mut events = plugins.subscribe();
    tokio::spawn(async move {
        use tokio::sync::broadcast::error::RecvError;
        loop {
            let e = match events.recv().await {
                Ok(e) => e,
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => break,
            };
            if let Some(releases) = &releases
                && let Err(error) = releases.publish(&e.plugin).await
            {
                tracing::error!(plugin = %e.plugin, %error, "plugin decision not shared with the other hosts");
            }
            if e.action == "canary_promoted" {
                continue;
            }
            crate::telemetry::metrics::plugin_quarantined(&e.plugin, &e.version);
            let failed = crate::events::PluginFailed {
                plugin: e.plugin.clone(),
                version: e.version.clone(),
                reason: format!("{}: {}", e.action, e.reason),
                conversation_id: None,
            };
            let ctx = crate::events::Context {
                source: "/agent-store/plugins",
                subject: None,
                brand: None,
                traceparent: None,
            };
            let id = format!("plugin-ops/{}", uuid::Uuid::now_v7());
            let published = match crate::events::build_with_id(&id, &ctx, &failed) {
                Ok(event) => bus.publish(event).await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            if let Err(error) = published {
                tracing::error!(plugin = %e.plugin, %error, "cannot publish the plugin operation event");
            }
        }
    });
}

/// Import the seed feed into an empty catalog.
async fn seed_catalog(catalog: &Catalog, config: &Config) -> anyhow::Result<()> {
    let Some(feed) = &config.catalog.seed_feed else {
        return Ok(());
    };
    if !catalog.is_empty() {
        return Ok(());
    }
    let report = catalog
        .import_csv_file(feed)
        .await
        .with_context(|| format!("importing {}", feed.display()))?;
    tracing::info!(feed = %feed.display(), imported = report.imported, rejected = report.rejected.len(), "catalog seeded");
    Ok(())
}
