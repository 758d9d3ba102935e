//! Commerce benchmark: catalog search latency (`Catalog::search`, the path
//! the plugins' `catalog` import and `agent-store catalog search` use) on the
//! demo feed and on a 100,000-product synthetic feed built from it (with the
//! import time), and order creation throughput (`Orders::create`: price from
//! the catalog, reserve stock, write the order) sequential and concurrent on
//! SQLite and PostgreSQL.
//!
//! ```text
//! cargo bench -p agent-store --bench commerce
//! COMMERCE_BENCH_PRODUCTS=20000 COMMERCE_BENCH_ORDERS=200 COMMERCE_BENCH_POSTGRES=0 \
//!     cargo bench -p agent-store --bench commerce
//! ```
//!
//! `COMMERCE_BENCH_DUMP=<file>` also appends every result (ids and exact
//! scores) of a wider query set to `<file>`, to `diff` two builds' rankings.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use agent_store::bus::{Bus, InProcessBus, RetryPolicy};
use agent_store::catalog::{Catalog, MAX_CANDIDATES, SearchQuery};
use agent_store::chat::Customer;
use agent_store::db::Db;
use agent_store::events::OrderCreate;
use agent_store::orders::{Carts, Orders, OrdersConfig};
use agent_store::payments::PaymentsConfig;
use agent_store::shipping::ShippingConfig;
use anyhow::Context as _;

/// Customer messages as they arrive on WhatsApp (en, pt-BR, es).
const QUERIES: &[&str] = &[
    "hi, I'm looking for a new laptop",
    "do you have black running shoes size 42?",
    "wireless headphones under 100",
    "a gaming mouse with rgb",
    "I need a sofa for my living room",
    "moisturizer for dry skin",
    "red dress for a wedding",
    "cheap phone case",
    "tênis de corrida preto até 300",
    "quero um fone de ouvido sem fio",
    "procuro um notebook para trabalhar",
    "camiseta branca tamanho M",
    "tem controle de videogame?",
    "almofada para o sofá da sala",
    "busco auriculares inalámbricos baratos",
    "zapatillas para correr negras",
    "necesito un teclado mecánico",
    "crema hidratante para la cara",
    "lámpara de mesa para el escritorio",
    "vestido azul talla S",
];

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn workspace() -> anyhow::Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("workspace root")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// p50/p99/mean over `rounds` passes of every query (after one warm-up
/// pass), ranking at most `max_candidates` text matches (`usize::MAX`: all
/// of them, the path before the candidate bound).
fn search_latency(catalog: &Catalog, label: &str, rounds: usize, max_candidates: usize) {
    let mut hits = 0usize;
    for q in QUERIES {
        hits += catalog.search_among(None, &query(q), max_candidates).len();
    }
    let mut samples = Vec::with_capacity(QUERIES.len() * rounds);
    let cpu_start = thread_cpu();
    for _ in 0..rounds {
        for q in QUERIES {
            let q = query(q);
            let start = Instant::now();
            let found = catalog.search_among(None, black_box(&q), max_candidates);
            samples.push(start.elapsed());
            black_box(found);
        }
    }
    let cpu = thread_cpu().saturating_sub(cpu_start);
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / samples.len().max(1) as u32;
    println!(
        "search  {label:<28} products={:<7} queries={:<5} hits/query={:.1}  p50={:.3} ms  p99={:.3} ms  mean={:.3} ms  max={:.3} ms  cpu/search={:.3} ms",
        catalog.len(),
        samples.len(),
        hits as f64 / QUERIES.len() as f64,
        ms(percentile(&samples, 0.50)),
        ms(percentile(&samples, 0.99)),
        ms(mean),
        ms(*samples.last().unwrap_or(&Duration::ZERO)),
        ms(cpu) / samples.len().max(1) as f64,
    );
}

/// CPU time of the calling thread (the search runs on it): on a shared
/// machine it moves far less than the wall-clock latency with the load.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

/// Queries for the result dump: the bench's messages plus the search
/// fields the plugins set (explicit colour, size, gender, price bounds,
/// stock, brand scope), typos and a text with no concept.
fn dump_queries() -> Vec<(Option<&'static str>, SearchQuery)> {
    let mut out: Vec<(Option<&'static str>, SearchQuery)> =
        QUERIES.iter().map(|q| (None, query(q))).collect();
    for text in [
        "",
        "premium headphones",
        "barato",
        "anything on sale?",
        "in stock black sneakers for women",
        "hedphones wireles",
        "smartwach",
        "nova x12",
        "men's running shoes between 50 and 150 dollars",
        "vestido vermelho feminino",
    ] {
        out.push((None, query(text)));
    }
    let filtered = |text: &str, f: &dyn Fn(&mut SearchQuery)| {
        let mut q = query(text);
        q.limit = 20;
        f(&mut q);
        q
    };
    out.push((None, filtered("shoes", &|q| q.color = Some("preto".into()))));
    out.push((None, filtered("shirt", &|q| q.size = Some("M".into()))));
    out.push((
        None,
        filtered("perfume", &|q| q.gender = Some("female".into())),
    ));
    out.push((
        None,
        filtered("laptop", &|q| {
            q.max_price_minor = Some(120_000);
            q.min_price_minor = Some(50_000);
        }),
    ));
    out.push((None, filtered("headphones", &|q| q.in_stock_only = true)));
    out.push((Some("tech"), query("wireless")));
    out.push((Some("gaming"), query("")));
    out.push((Some("fashion"), filtered("dress", &|q| q.limit = 0)));
    out
}

/// With `COMMERCE_BENCH_DUMP=<file>`: append every dump query's results
/// (ids and exact score bits), bounded and unbounded, so two builds'
/// rankings can be compared with `diff`.
fn dump_results(catalog: &Catalog, label: &str) -> anyhow::Result<()> {
    let Ok(path) = std::env::var("COMMERCE_BENCH_DUMP") else {
        return Ok(());
    };
    use std::io::Write as _;
    let mut out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)?;
    for (brand, q) in dump_queries() {
        for (path_label, max) in [("bounded", MAX_CANDIDATES), ("all", usize::MAX)] {
            let hits: Vec<String> = catalog
                .search_among(brand, &q, max)
                .into_iter()
                .map(|s| format!("{}:{:08x}", s.product.id, s.score.to_bits()))
                .collect();
            writeln!(
                out,
                "{label}\t{path_label}\t{brand:?}\t{q:?}\t{}",
                hits.join(" ")
            )?;
        }
    }
    Ok(())
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_string(),
        limit: 10,
        ..SearchQuery::default()
    }
}

/// How many of the unbounded ranking's top 10 the bounded search also
/// returns, over every query (1.0: the same products).
fn recall_at_10(catalog: &Catalog, label: &str) {
    let (mut found, mut wanted) = (0usize, 0usize);
    let mut same_order = 0;
    for q in QUERIES {
        let all: Vec<String> = catalog
            .search_among(None, &query(q), usize::MAX)
            .into_iter()
            .map(|s| s.product.id)
            .collect();
        let bounded: Vec<String> = catalog
            .search(None, &query(q))
            .into_iter()
            .map(|s| s.product.id)
            .collect();
        wanted += all.len();
        found += all.iter().filter(|id| bounded.contains(id)).count();
        same_order += usize::from(all == bounded);
    }
    println!(
        "recall  {label:<28} top-10 of the unbounded ranking also returned: {found}/{wanted} ({:.1} %); identical lists: {same_order}/{}",
        100.0 * found as f64 / wanted.max(1) as f64,
        QUERIES.len(),
    );
}

/// A Meta feed of `n` products derived from the demo rows: new ids, varied
/// titles, prices and stock.
fn synthetic_feed(demo: &Path, n: usize) -> anyhow::Result<Vec<u8>> {
    let mut reader = csv::Reader::from_path(demo)?;
    let headers = reader.headers()?.clone();
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    anyhow::ensure!(!rows.is_empty(), "empty demo feed");
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (id, title, price, sale, qty, avail) = (
        col("id").context("id column")?,
        col("title").context("title column")?,
        col("price").context("price column")?,
        col("sale_price"),
        col("quantity_to_sell_on_facebook"),
        col("availability"),
    );
    const STYLE: &[&str] = &[
        "Classic",
        "Pro",
        "Lite",
        "Max",
        "Urban",
        "Eco",
        "Sport",
        "Premium",
        "Essential",
        "Plus",
        "Nova",
        "Edge",
        "Prime",
        "Flex",
        "Air",
    ];
    const EDITION: &[&str] = &[
        "2023",
        "2024",
        "2025",
        "Signature",
        "Limited",
        "Basic",
        "Studio",
    ];
    let mut out = csv::Writer::from_writer(Vec::with_capacity(n * 400));
    out.write_record(&headers)?;
    for i in 0..n {
        let base = &rows[i % rows.len()];
        let mut rec: Vec<String> = base.iter().map(str::to_string).collect();
        rec[id] = format!("SYN-{i:06}");
        rec[title] = format!(
            "{} {} {}",
            STYLE[(i / rows.len()) % STYLE.len()],
            base.get(title).unwrap_or_default(),
            EDITION[(i / (rows.len() * STYLE.len())) % EDITION.len()],
        );
        // Prices from 60% to 139% of the original, same currency.
        let (amount, currency) = base
            .get(price)
            .and_then(|p| p.split_once(' '))
            .context("price like '89.90 USD'")?;
        let minor = (amount.parse::<f64>()? * 100.0).round() as i64;
        let varied = minor * (60 + (i * 37 % 80) as i64) / 100;
        rec[price] = format!("{}.{:02} {currency}", varied / 100, varied % 100);
        if let Some(s) = sale {
            rec[s] = String::new();
        }
        let stock = (i * 13) % 120;
        if let Some(q) = qty {
            rec[q] = stock.to_string();
        }
        if let Some(a) = avail {
            rec[a] = if stock == 0 {
                "out of stock"
            } else {
                "in stock"
            }
            .to_string();
        }
        out.write_record(&rec)?;
    }
    Ok(out.into_inner()?)
}

async fn catalog_bench(rounds: usize) -> anyhow::Result<()> {
    let demo = workspace()?.join("catalog/products.csv");

    let (db, dir) = agent_store::db::testing::sqlite().await?;
    let catalog = Catalog::open(db, dir.path()).await?;
    let start = Instant::now();
    let report = catalog.import_csv_file(&demo).await?;
    println!(
        "import  demo feed                    products={:<7} rejected={} time={:.1} ms",
        report.imported,
        report.rejected.len(),
        ms(start.elapsed()),
    );
    search_latency(&catalog, "demo (SQLite)", rounds, usize::MAX);
    search_latency(&catalog, "demo, bounded (SQLite)", rounds, MAX_CANDIDATES);
    recall_at_10(&catalog, "demo");
    dump_results(&catalog, "demo")?;

    let n = env_usize("COMMERCE_BENCH_PRODUCTS", 100_000);
    let start = Instant::now();
    let feed = synthetic_feed(&demo, n)?;
    let generated = start.elapsed();
    let (db, dir) = agent_store::db::testing::sqlite().await?;
    let big = Catalog::open(db, dir.path()).await?;
    let start = Instant::now();
    let report = big.import_csv(feed.as_slice()).await?;
    let import = start.elapsed();
    anyhow::ensure!(
        report.rejected.is_empty(),
        "rejected: {:?}",
        &report.rejected[..1]
    );
    println!(
        "import  synthetic feed               products={:<7} csv={:.1} MB generated in {:.0} ms; import (parse + upsert + reload + index) {:.2} s = {:.0} products/s",
        report.imported,
        feed.len() as f64 / 1e6,
        ms(generated),
        import.as_secs_f64(),
        report.imported as f64 / import.as_secs_f64(),
    );
    let start = Instant::now();
    let reopened = Catalog::open(Db::connect("", dir.path()).await?, dir.path()).await?;
    println!(
        "open    synthetic catalog            products={:<7} (load + index on start-up) {:.2} s",
        reopened.len(),
        start.elapsed().as_secs_f64()
    );
    drop(reopened);
    search_latency(
        &big,
        &format!("synthetic {n}, all candidates"),
        rounds.div_ceil(4).max(2),
        usize::MAX,
    );
    search_latency(
        &big,
        &format!("synthetic {n}, bounded"),
        rounds,
        MAX_CANDIDATES,
    );
    recall_at_10(&big, &format!("synthetic {n}"));
    dump_results(&big, &format!("synthetic {n}"))?;
    stock_sync_latency(&demo_ids(&catalog), &catalog, "demo").await?;
    stock_sync_latency(&demo_ids(&big), &big, &format!("synthetic {n}")).await?;
    Ok(())
}

fn demo_ids(c: &Catalog) -> Vec<String> {
    c.search(
        None,
        &agent_store::catalog::SearchQuery {
            text: "shoes".into(),
            limit: 5,
            ..Default::default()
        },
    )
    .into_iter()
    .map(|h| h.product.id)
    .collect()
}

/// What an order's stock change costs the live catalog: one
/// `set_stock_levels` (store + swap a patched snapshot, no re-index).
async fn stock_sync_latency(ids: &[String], c: &Catalog, label: &str) -> anyhow::Result<()> {
    let mut samples = Vec::new();
    for round in 0..40i64 {
        let levels: Vec<(String, i64)> = ids.iter().map(|id| (id.clone(), round % 2)).collect();
        let start = Instant::now();
        c.set_stock_levels(&levels[..1]).await?;
        samples.push(start.elapsed());
    }
    samples.sort();
    println!(
        "stock   {label:<28} set_stock_levels (1 product) p50={:.2} ms p99={:.2} ms",
        ms(samples[samples.len() / 2]),
        ms(samples[samples.len() * 99 / 100]),
    );
    Ok(())
}

struct Shop {
    db: Db,
    orders: Orders,
    carts: Carts,
    _dir: tempfile::TempDir,
}

const ORDER_FEED: &str = "id,title,description,availability,price,sale_price,brand,product_type,quantity\n\
TEE-1,Cotton Tee,A plain tee,in stock,49.90 BRL,,fashion,Shirts,10000000\n\
CAP-1,Running Cap,A light cap,in stock,50.00 BRL,45.00 BRL,fashion,Accessories,10000000\n\
SOCK-1,Trail Socks,Warm socks,in stock,19.90 BRL,,fashion,Socks,\n";

async fn shop(db: Db, dir: tempfile::TempDir) -> anyhow::Result<Shop> {
    let catalog = Catalog::open(db.clone(), dir.path()).await?;
    let report = catalog.import_csv(ORDER_FEED.as_bytes()).await?;
    anyhow::ensure!(report.rejected.is_empty(), "{:?}", report.rejected);
    let bus: Arc<dyn Bus> = Arc::new(InProcessBus::new(RetryPolicy::default()));
    let orders = Orders::new(
        db.clone(),
        catalog.clone(),
        bus,
        OrdersConfig::default(),
        ShippingConfig::default(),
        PaymentsConfig {
            pix_key: "pix@store.example".into(),
            ..PaymentsConfig::default()
        },
    )?;
    Ok(Shop {
        carts: Carts::new(db.clone(), catalog),
        db,
        orders,
        _dir: dir,
    })
}

impl Shop {
    /// A conversation with a three-line cart; returns the order request.
    async fn ready(&self, tag: &str) -> anyhow::Result<OrderCreate> {
        let id = format!("conv-{tag}");
        sqlx::query(
            "INSERT INTO conversations (id, phone_number_id, customer_wa_id, brand, status, language, created_at, updated_at) \
             VALUES ($1, 'PN1', $2, 'fashion', 'open', 'pt', 0, 0)",
        )
        .bind(&id)
        .bind(tag)
        .execute(&self.db.pool)
        .await?;
        self.carts.add(&id, Some("fashion"), "TEE-1", 2).await?;
        self.carts.add(&id, Some("fashion"), "CAP-1", 1).await?;
        self.carts.add(&id, Some("fashion"), "SOCK-1", 3).await?;
        Ok(OrderCreate {
            conversation_id: id,
            customer: Customer {
                wa_id: tag.to_string(),
                name: Some("Ana".into()),
            },
            brand: "fashion".into(),
            source_message_id: format!("wamid.{tag}"),
            note: None,
        })
    }
}

async fn orders_bench(label: &str, shop: Shop, n: usize, concurrency: usize) -> anyhow::Result<()> {
    let mut seq = Vec::with_capacity(n);
    let mut par = Vec::with_capacity(n);
    for i in 0..n {
        seq.push(shop.ready(&format!("s{i}")).await?);
        par.push(shop.ready(&format!("p{i}")).await?);
    }
    let shop = Arc::new(shop);

    let mut lat = Vec::with_capacity(n);
    let start = Instant::now();
    for req in &seq {
        let t = Instant::now();
        let (_, created) = shop.orders.create(req).await?;
        lat.push(t.elapsed());
        anyhow::ensure!(created, "not created");
    }
    let elapsed = start.elapsed();
    lat.sort();
    println!(
        "orders  {label:<10} sequential      n={n:<5} {:>7.0} orders/s  p50={:.2} ms  p99={:.2} ms",
        n as f64 / elapsed.as_secs_f64(),
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.99)),
    );

    let sem = Arc::new(tokio::sync::Semaphore::new(concurrency));
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for req in par {
        let shop = shop.clone();
        let sem = sem.clone();
        tasks.spawn(async move {
            let _permit = sem.acquire_owned().await?;
            let t = Instant::now();
            let (_, created) = shop.orders.create(&req).await?;
            anyhow::ensure!(created, "not created");
            Ok::<_, anyhow::Error>(t.elapsed())
        });
    }
    let mut lat = Vec::with_capacity(n);
    while let Some(r) = tasks.join_next().await {
        lat.push(r??);
    }
    let elapsed = start.elapsed();
    lat.sort();
    println!(
        "orders  {label:<10} {concurrency:>3} concurrent  n={n:<5} {:>7.0} orders/s  p50={:.2} ms  p99={:.2} ms",
        n as f64 / elapsed.as_secs_f64(),
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.99)),
    );
    let stock = shop.orders.stock("TEE-1").await?.context("TEE-1 stock")?;
    anyhow::ensure!(
        stock.reserved == i64::try_from(4 * n)?,
        "reserved {} after {} orders",
        stock.reserved,
        2 * n
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let rounds = env_usize("COMMERCE_BENCH_ROUNDS", 50);
        catalog_bench(rounds).await?;
        let n = env_usize("COMMERCE_BENCH_ORDERS", 500);
        // COMMERCE_BENCH_ORDERS=0: search only.
        if n > 0 {
            let concurrency = env_usize("COMMERCE_BENCH_CONCURRENCY", 16);
            let (db, dir) = agent_store::db::testing::sqlite().await?;
            orders_bench("SQLite", shop(db, dir).await?, n, concurrency).await?;
            if env_usize("COMMERCE_BENCH_POSTGRES", 1) == 1 {
                match agent_store::db::testing::postgres_db().await {
                    // `_pg` drops the bench's database at the end of the arm.
                    Ok((db, _pg)) => {
                        orders_bench(
                            "PostgreSQL",
                            shop(db, tempfile::tempdir()?).await?,
                            n,
                            concurrency,
                        )
                        .await?
                    }
                    Err(e) => println!("orders  PostgreSQL skipped: {e}"),
                }
            }
        }
        Ok(())
    })
}
