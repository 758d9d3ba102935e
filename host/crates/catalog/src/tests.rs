//! Catalog tests against the demo feed (`catalog/products.csv`), on SQLite
//! and on PostgreSQL.

use std::collections::BTreeMap;

use sqlx::Connection;

use super::relevance::CASES;
use super::*;
use agent_store_db::Db;
use agent_store_lang::money::Money;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../catalog/products.csv");
const DEMO_ROWS: usize = 170;

async fn sqlite_catalog() -> (tempfile::TempDir, Db, Catalog) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = Db::connect("", dir.path()).await.expect("sqlite db");
    let catalog = Catalog::open(db.clone(), dir.path()).await.expect("open");
    (dir, db, catalog)
}

async fn demo_catalog() -> (tempfile::TempDir, Db, Catalog) {
    let (dir, db, catalog) = sqlite_catalog().await;
    let report = catalog
        .import_csv_file(Path::new(DEMO))
        .await
        .expect("import demo");
    assert_eq!(report.imported, DEMO_ROWS);
    (dir, db, catalog)
}

fn q(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_string(),
        limit: 10,
        ..SearchQuery::default()
    }
}

#[tokio::test]
async fn catalog_imports_the_demo_feed() {
    let (dir, db, catalog) = sqlite_catalog().await;
    assert!(catalog.is_empty());
    let report = catalog
        .import_csv_file(Path::new(DEMO))
        .await
        .expect("import");
    // The demo feed is clean: every one of its 170 rows is valid.
    assert_eq!(report.imported, 170);
    assert_eq!(report.rejected, vec![]);
    assert_eq!(catalog.len(), 170);
    assert_eq!(
        catalog.brands(),
        vec!["beauty", "fashion", "gaming", "home", "tech"]
    );
    let p = catalog.get(None, "TEC-0001").expect("TEC-0001");
    assert_eq!(p.title, "Nova X12 Smartphone - Black / 128GB");
    assert_eq!(p.price, Money::new(49_900, "USD"));
    assert_eq!(p.sale_price, Some(Money::new(39_920, "USD")));
    assert_eq!(p.effective_price(), &Money::new(39_920, "USD"));
    assert_eq!(p.availability, Availability::InStock);
    assert_eq!(p.quantity, Some(189));
    assert_eq!(p.category, "Phones > Smartphones");
    assert_eq!(p.attribute("google_product_category"), Some("Electronics"));
    assert_eq!(p.attribute("condition"), Some("new"));
    assert_eq!(p.tags(), vec!["bestseller"]);
    assert_eq!(
        catalog.get(None, "FSH-0002").map(|p| p.availability),
        Some(Availability::OutOfStock)
    );

    // Persisted: a new Catalog over the same database sees everything.
    let reopened = Catalog::open(db.clone(), dir.path()).await.expect("reopen");
    assert_eq!(reopened.len(), 170);
    assert_eq!(reopened.get(None, "TEC-0001"), Some(p.clone()));

    // Upsert by id: re-importing changes nothing, an update is applied.
    let again = catalog
        .import_csv_file(Path::new(DEMO))
        .await
        .expect("re-import");
    assert_eq!(again.imported, 170);
    assert_eq!(catalog.len(), 170);
    let update = "id,title,description,availability,price,brand,product_type\n\
                  TEC-0001,Nova X12 Smartphone - Black / 128GB,Now cheaper,in stock,449.00 USD,tech,Phones > Smartphones\n\
                  NEW-1,Brand New Thing,,preorder,10 USD,tech,Gadgets\n";
    let r = catalog.import_csv(update.as_bytes()).await.expect("update");
    assert_eq!((r.imported, r.rejected.len()), (2, 0));
    assert_eq!(catalog.len(), 171);
    let updated = catalog.get(None, "TEC-0001").expect("updated");
    assert_eq!(updated.price, Money::new(44_900, "USD"));
    assert_eq!(updated.sale_price, None);
    assert_eq!(updated.description, "Now cheaper");
    assert!(
        catalog
            .search(None, &q("brand new thing"))
            .iter()
            .any(|s| s.product.id == "NEW-1"),
        "the index is rebuilt after an import"
    );
}

#[tokio::test]
async fn catalog_rejects_bad_rows_without_aborting() {
    let (_dir, _db, catalog) = sqlite_catalog().await;
    let mut feed = std::fs::read_to_string(DEMO).expect("demo feed");
    if !feed.ends_with('\n') {
        feed.push('\n');
    }
    // Lines 172.. of the file.
    feed.push_str(concat!(
        ",No Id Widget,d,in stock,new,10.00 USD,,,,tech,Gadgets,,,,,,1,\n",
        "BAD-1,,d,in stock,new,10.00 USD,,,,tech,Gadgets,,,,,,1,\n",
        "BAD-2,No Price,d,in stock,new,,,,,tech,Gadgets,,,,,,1,\n",
        "BAD-3,Bad Price,d,in stock,new,ten dollars,,,,tech,Gadgets,,,,,,1,\n",
        "BAD-4,Bad Availability,d,sometimes,new,10.00 USD,,,,tech,Gadgets,,,,,,1,\n",
        "BAD-5,Sale Not Lower,d,in stock,new,10.00 USD,10.00 USD,,,tech,Gadgets,,,,,,1,\n",
        "BAD-6,Negative Quantity,d,in stock,new,10.00 USD,,,,tech,Gadgets,,,,,,-5,\n",
        "TEC-0001,Duplicate Of Line 50,d,in stock,new,10.00 USD,,,,tech,Gadgets,,,,,,1,\n",
        "GOOD-1,A Good Widget,d,in stock,new,\"1,299.00 USD\",,,,tech,Gadgets,,,,,,1,\n",
    ));
    let report = catalog.import_csv(feed.as_bytes()).await.expect("import");
    assert_eq!(report.imported, 171);
    let got: Vec<(u64, Option<&str>, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.id.as_deref(), r.reason.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (172, None, "missing id"),
            (173, Some("BAD-1"), "missing title"),
            (174, Some("BAD-2"), "missing price"),
            (
                175,
                Some("BAD-3"),
                "unparsable price \"ten dollars\": invalid amount \"dollars\""
            ),
            (176, Some("BAD-4"), "unknown availability \"sometimes\""),
            (
                177,
                Some("BAD-5"),
                "sale_price 10.00 USD is not below price 10.00 USD"
            ),
            (178, Some("BAD-6"), "negative quantity -5"),
            (
                179,
                Some("TEC-0001"),
                "duplicate id TEC-0001 (already on line 50)"
            ),
        ]
    );
    assert_eq!(catalog.len(), 171);
    assert_eq!(
        catalog.get(None, "GOOD-1").map(|p| p.price),
        Some(Money::new(129_900, "USD"))
    );
    // The first occurrence of a duplicated id wins.
    assert_eq!(
        catalog.get(None, "TEC-0001").map(|p| p.category),
        Some("Phones > Smartphones".to_string())
    );
    // A file without the required columns is refused as a whole.
    let err = catalog.import_csv("sku,name\n1,x\n".as_bytes()).await;
    assert!(matches!(
        err,
        Err(CatalogError::Feed(FeedError::MissingColumns(_)))
    ));
}

#[tokio::test]
async fn catalog_search_relevance_en_pt_es() {
    let (_dir, _db, catalog) = demo_catalog().await;
    let mut per_lang: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in CASES {
        let hits = catalog.search(
            case.brand,
            &SearchQuery {
                text: case.text.to_string(),
                limit: 3,
                ..SearchQuery::default()
            },
        );
        let matches = |p: &Product| {
            case.expect
                .split('|')
                .any(|e| p.category.to_lowercase().contains(&e.to_lowercase()))
        };
        let at3 = hits.iter().any(|h| matches(&h.product));
        let at1 = hits.first().is_some_and(|h| matches(&h.product));
        if let Some(b) = case.brand {
            assert!(hits.iter().all(|h| h.product.brand == b), "{}", case.text);
        }
        let e = per_lang.entry(case.lang).or_default();
        e.0 += 1;
        e.1 += usize::from(at3);
        e.2 += usize::from(at1);
        if !at3 {
            let got: Vec<String> = hits.iter().map(|h| h.product.title.clone()).collect();
            failures.push(format!(
                "{:?} expected {} got {got:?}",
                case.text, case.expect
            ));
        }
    }
    let (n, p3, p1) = per_lang
        .values()
        .fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
    for (lang, (n, p3, p1)) in &per_lang {
        println!(
            "catalog search [{lang}]: {n} queries, top-3 precision {:.1}%, top-1 {:.1}%",
            100.0 * *p3 as f64 / *n as f64,
            100.0 * *p1 as f64 / *n as f64
        );
    }
    println!(
        "catalog search [all]: {n} queries, top-3 precision {:.1}% ({p3}/{n}), top-1 {:.1}% ({p1}/{n})",
        100.0 * p3 as f64 / n as f64,
        100.0 * p1 as f64 / n as f64
    );
    assert!(n >= 30);
    assert!(
        failures.is_empty(),
        "relevance failures:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn catalog_search_applies_price_colour_stock_and_gender_filters() {
    let (_dir, _db, catalog) = demo_catalog().await;
    let within = |hits: &[Scored], lo: i64, hi: i64| {
        !hits.is_empty()
            && hits.iter().all(|h| {
                let m = h.product.effective_price().minor_units;
                lo <= m && m <= hi
            })
    };
    // Prices from the text, on the effective (sale) price.
    let hits = catalog.search(None, &q("quero um tênis de corrida preto até 300 reais"));
    assert!(within(&hits, 0, 30_000));
    assert!(
        hits.iter()
            .all(|h| h.product.color.as_deref() == Some("black"))
    );
    assert_eq!(hits[0].product.category, "Shoes > Running Shoes");
    let hits = catalog.search(None, &q("smartphone under $200"));
    assert!(within(&hits, 0, 20_000));
    assert_eq!(hits[0].product.id, "TEC-0006");
    let hits = catalog.search(None, &q("auriculares entre 50 y 100 dólares"));
    assert!(within(&hits, 5_000, 10_000));
    let hits = catalog.search(None, &q("celular acima de 700"));
    assert!(within(&hits, 70_000, i64::MAX));
    // TEC-0001 costs 499.00 but is on sale for 399.20.
    let hits = catalog.search(None, &q("nova x12 smartphone under 450"));
    assert!(hits.iter().any(|h| h.product.id == "TEC-0001"));
    assert!(hits.iter().all(|h| h.product.id != "TEC-0003"));
    // Explicit bounds, in minor units.
    let hits = catalog.search(
        None,
        &SearchQuery {
            max_price_minor: Some(5_000),
            min_price_minor: Some(3_000),
            ..q("shoes")
        },
    );
    assert!(within(&hits, 3_000, 5_000));
    assert!(hits.iter().all(|h| h.product.category.starts_with("Shoes")));
    // Explicit colour in any language, matched by family (navy is blue).
    let hits = catalog.search(
        None,
        &SearchQuery {
            color: Some("azul".to_string()),
            ..q("sneakers")
        },
    );
    assert_eq!(hits[0].product.id, "FSH-0011");
    assert!(
        hits.iter()
            .all(|h| query::colour_matches("blue", h.product.color.as_deref()))
    );
    let hits = catalog.search(None, &q("tenis branco"));
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h.product.color.as_deref() == Some("white"))
    );
    // In stock only (explicit or from the words).
    let hits = catalog.search(
        None,
        &SearchQuery {
            in_stock_only: true,
            ..q("lipstick")
        },
    );
    assert_eq!(hits[0].product.id, "BTY-0012");
    assert!(hits.iter().all(|h| h.product.is_in_stock()));
    assert!(
        hits.iter()
            .all(|h| h.product.id != "BTY-0010" && h.product.id != "BTY-0011")
    );
    let hits = catalog.search(None, &q("batom disponível"));
    assert!(hits.iter().all(|h| h.product.is_in_stock()));
    // Size from the words; explicit size.
    let hits = catalog.search(None, &q("tênis tamanho 42"));
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.product.size.as_deref() == Some("42")));
    let hits = catalog.search(
        None,
        &SearchQuery {
            size: Some("G".to_string()),
            ..q("jacket")
        },
    );
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.product.size.as_deref() == Some("L")));
    // Gender: female excludes male products, keeps unisex.
    let hits = catalog.search(None, &q("relógio feminino"));
    assert_eq!(hits[0].product.id, "FSH-0034");
    assert!(
        hits.iter()
            .all(|h| h.product.gender.as_deref() != Some("male"))
    );
    let hits = catalog.search(
        None,
        &SearchQuery {
            gender: Some("male".to_string()),
            ..q("perfume")
        },
    );
    assert!(
        hits.iter()
            .all(|h| h.product.gender.as_deref() != Some("female"))
    );
    assert_eq!(hits[0].product.id, "BTY-0023");
    // Cheap: the cheapest relevant product first; premium: the dearest.
    let hits = catalog.search(None, &q("celular barato"));
    assert_eq!(hits[0].product.id, "TEC-0006");
    let hits = catalog.search(None, &q("the best laptop, premium"));
    assert_eq!(hits[0].product.id, "TEC-0012");
    // Nothing relevant: nothing returned.
    assert!(catalog.search(None, &q("bicicleta")).is_empty());
    assert!(
        catalog
            .search(None, &q("laptop under 10 dollars"))
            .is_empty()
    );
    // The limit holds; an empty text lists the catalog.
    assert_eq!(
        catalog
            .search(None, &SearchQuery { limit: 4, ..q("") })
            .len(),
        4
    );
}

#[tokio::test]
async fn catalog_search_and_get_are_brand_scoped() {
    let (_dir, _db, catalog) = demo_catalog().await;
    let all = catalog.search(None, &q("headphones"));
    assert!(all.iter().any(|h| h.product.brand == "tech"));
    assert!(all.iter().any(|h| h.product.brand == "gaming"));
    for brand in ["tech", "gaming", "fashion"] {
        let hits = catalog.search(Some(brand), &q("headphones"));
        assert!(hits.iter().all(|h| h.product.brand == brand), "{brand}");
    }
    assert!(catalog.search(Some("fashion"), &q("headphones")).is_empty());
    assert_eq!(catalog.search(Some("TECH"), &q("")).len(), 10);
    assert!(
        catalog
            .search(
                Some("tech"),
                &SearchQuery {
                    limit: 100,
                    ..q("")
                }
            )
            .iter()
            .all(|h| h.product.brand == "tech")
    );
    assert!(catalog.get(Some("tech"), "TEC-0001").is_some());
    assert!(catalog.get(Some("Tech"), "TEC-0001").is_some());
    assert!(catalog.get(Some("fashion"), "TEC-0001").is_none());
    assert!(catalog.get(None, "NOPE").is_none());
    assert!(
        catalog
            .recommend(
                Some("fashion"),
                "TEC-0001",
                RecommendationKind::CrossSell,
                3
            )
            .is_empty()
    );
    assert!(catalog.search(Some("nobody"), &q("laptop")).is_empty());
}

#[tokio::test]
async fn catalog_recommends_cross_sell_upsell_and_alternatives() {
    let (_dir, _db, catalog) = demo_catalog().await;
    let phone = catalog.get(None, "TEC-0001").expect("phone");

    let cross = catalog.recommend(None, "TEC-0001", RecommendationKind::CrossSell, 3);
    assert_eq!(cross.len(), 3);
    // The screen protector made for the Nova X12 comes first.
    assert_eq!(cross[0].product.id, "TEC-0009");
    assert!(
        cross[0].explanation.contains("Nova X12"),
        "{}",
        cross[0].explanation
    );
    for r in &cross {
        assert_eq!(r.kind, RecommendationKind::CrossSell);
        assert_eq!(r.product.brand, "tech");
        assert_ne!(r.product.category, phone.category);
        assert!(r.product.availability != Availability::OutOfStock);
        assert!(!r.explanation.is_empty());
    }
    let laptop = catalog.recommend(None, "TEC-0013", RecommendationKind::CrossSell, 3);
    let cats: Vec<&str> = laptop.iter().map(|r| r.product.category.as_str()).collect();
    assert_eq!(
        cats,
        vec!["Accessories > Mice", "Audio > Headphones", "Monitors"]
    );
    let console = catalog.recommend(Some("gaming"), "GAM-0002", RecommendationKind::CrossSell, 3);
    assert!(console.iter().any(|r| r.product.category == "Controllers"));

    let up = catalog.recommend(None, "TEC-0001", RecommendationKind::Upsell, 3);
    assert!(!up.is_empty());
    for r in &up {
        assert_eq!(r.kind, RecommendationKind::Upsell);
        assert_eq!(r.product.category, phone.category);
        assert!(r.product.effective_price().minor_units > phone.effective_price().minor_units);
        assert!(r.explanation.contains("more"), "{}", r.explanation);
    }
    assert_eq!(up[0].product.id, "TEC-0002");
    // Nothing is dearer than the top sofa.
    assert!(
        catalog
            .recommend(None, "HOM-0001", RecommendationKind::Upsell, 3)
            .is_empty()
    );

    let alt = catalog.recommend(None, "FSH-0001", RecommendationKind::Alternative, 3);
    assert_eq!(alt.len(), 3);
    assert_eq!(alt[0].product.id, "FSH-0005");
    for r in &alt {
        assert_eq!(r.kind, RecommendationKind::Alternative);
        assert_ne!(r.product.model_name(), "Stride Runner Running Shoes");
        assert!(r.product.category.starts_with("Shoes"));
    }
    assert!(
        catalog
            .recommend(None, "NOPE", RecommendationKind::Alternative, 3)
            .is_empty()
    );
}

/// The import also works on PostgreSQL, in a database of its own.
#[tokio::test]
async fn catalog_imports_on_postgres() {
    let base = std::env::var("AGENT_STORE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string());
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&base)
        .await
        .expect("PostgreSQL reachable (set AGENT_STORE_TEST_POSTGRES)");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create database");
    let url = match base.rsplit_once('/') {
        Some((prefix, _)) => format!("{prefix}/{name}"),
        None => panic!("bad url {base}"),
    };
    let task = tokio::spawn(async move {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = Db::connect(&url, dir.path()).await.expect("pg db");
        assert_eq!(db.backend, agent_store_db::Backend::Postgres);
        let catalog = Catalog::open(db.clone(), dir.path()).await.expect("open");
        let report = catalog
            .import_csv_file(Path::new(DEMO))
            .await
            .expect("import");
        assert_eq!((report.imported, report.rejected.len()), (170, 0));
        let again = catalog
            .import_csv_file(Path::new(DEMO))
            .await
            .expect("re-import");
        assert_eq!(again.imported, 170);
        let reopened = Catalog::open(db.clone(), dir.path()).await.expect("reopen");
        assert_eq!(reopened.len(), 170);
        let p = reopened.get(None, "TEC-0001").expect("TEC-0001");
        assert_eq!(p.sale_price, Some(Money::new(39_920, "USD")));
        assert_eq!(p.quantity, Some(189));
        assert_eq!(
            reopened.get(None, "FSH-0001").and_then(|p| p.sale_price),
            None
        );
        let hits = reopened.search(None, &q("fone de ouvido sem fio"));
        assert_eq!(hits[0].product.category, "Audio > Headphones");
        db.pool.close().await;
    })
    .await;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .expect("drop database");
    if let Err(e) = task {
        std::panic::resume_unwind(e.into_panic());
    }
}

#[test]
fn catalog_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync_clone<T: Send + Sync + Clone>() {}
    assert_send_sync_clone::<Catalog>();
}

#[tokio::test]
async fn stock_levels_patch_the_live_catalog_and_survive_reimports() {
    let (dir, db, catalog) = demo_catalog().await;
    let id = catalog
        .search(None, &q("laptop"))
        .into_iter()
        .find(|h| h.product.is_in_stock())
        .map(|h| h.product.id)
        .expect("an in-stock laptop");
    let in_stock = |c: &Catalog| {
        c.search(
            None,
            &SearchQuery {
                in_stock_only: true,
                ..q("laptop")
            },
        )
        .iter()
        .any(|h| h.product.id == id)
    };
    assert!(in_stock(&catalog));

    catalog
        .set_stock_levels(&[(id.clone(), 0), ("NO-SUCH-ID".into(), 3)])
        .await
        .expect("levels");
    let p = catalog.get(None, &id).expect("product");
    assert_eq!(
        (p.quantity, p.availability),
        (Some(0), Availability::OutOfStock)
    );
    assert!(!in_stock(&catalog), "the in-stock filter sees it at once");

    // A re-import (the admin API's product edits use one) keeps the level.
    catalog
        .import_csv_file(Path::new(DEMO))
        .await
        .expect("reimport");
    assert!(!in_stock(&catalog), "the level survives the rebuild");
    // The flip is stored: a restarted catalog agrees.
    let reopened = Catalog::open(db.clone(), dir.path()).await.expect("open");
    assert_eq!(
        reopened.get(None, &id).map(|p| p.availability),
        Some(Availability::OutOfStock)
    );

    catalog
        .set_stock_levels(&[(id.clone(), 4)])
        .await
        .expect("levels");
    let p = catalog.get(None, &id).expect("product");
    assert_eq!(
        (p.quantity, p.availability),
        (Some(4), Availability::InStock)
    );
    assert!(in_stock(&catalog));
}

/// A SQLite catalog holding `rows` (feed lines under the Meta header),
/// every one imported.
async fn catalog_with_rows(rows: &[&str]) -> (tempfile::TempDir, Db, Catalog) {
    let (dir, db, catalog) = sqlite_catalog().await;
    let header = "id,title,description,availability,condition,price,sale_price,link,image_link,brand,product_type,google_product_category,color,size,gender,material,quantity_to_sell_on_facebook,custom_label_0\n";
    let feed = format!("{header}{}", rows.concat());
    let report = catalog.import_csv(feed.as_bytes()).await.expect("import");
    assert_eq!(report.imported, rows.len(), "{:?}", report.rejected);
    (dir, db, catalog)
}

/// Each query's first hit is the product named.
fn assert_first_hits(catalog: &Catalog, cases: &[(&str, &str)]) {
    for (said, want) in cases {
        let hits = catalog.search(None, &q(said));
        assert_eq!(
            hits.first().map(|h| h.product.id.as_str()),
            Some(*want),
            "{said}: {:?}",
            hits.iter().map(|h| &h.product.id).collect::<Vec<_>>()
        );
    }
}

/// A catalog written in Portuguese is found in English and Spanish too: a
/// row in Portuguese is also searched by its English
/// (`query::row_english`), while an English row is indexed as it is.
#[tokio::test]
async fn a_portuguese_catalog_is_searched_in_english_and_spanish() {
    let (_dir, _db, catalog) = catalog_with_rows(&[
        "PT-1,Fone de Ouvido sem Fio com Cancelamento de Ruído - Preto,Fone com bateria de 30 horas para viagens e para o trabalho.,in stock,new,499.90 BRL,,,,tech,Eletrônicos > Áudio,,preto,,,,5,\n",
        "PT-2,Panela de Pressão Elétrica 6L - Inox,Panela elétrica com timer para o feijão do dia a dia.,in stock,new,399.90 BRL,,,,home,Casa > Cozinha > Panelas,,inox,,,,5,\n",
        "PT-3,Tênis de Corrida com Amortecimento - Azul / 40,Tênis leve para corrida e caminhada na rua.,in stock,new,349.90 BRL,,,,fashion,Moda > Calçados > Tênis,,azul,40,,,5,\n",
        "PT-4,Sérum Facial de Vitamina C 30ml,Sérum que uniformiza o tom da pele e ilumina o rosto.,in stock,new,89.90 BRL,,,,beauty,Beleza > Cuidados com a Pele,,,,,,5,\n",
    ])
    .await;
    assert_first_hits(
        &catalog,
        &[
            ("wireless headphones", "PT-1"),
            ("auriculares inalámbricos", "PT-1"),
            ("electric pressure cooker", "PT-2"),
            ("olla de presión", "PT-2"),
            ("running shoes size 40", "PT-3"),
            ("zapatillas para correr", "PT-3"),
            ("vitamin c serum for my face", "PT-4"),
            ("fone sem fio", "PT-1"),
        ],
    );
}

/// A word the catalog writes with a hyphen ("Wi-Fi", "E-Reader") is found
/// by a customer who writes it as one word.
#[tokio::test]
async fn a_hyphenated_catalog_word_is_found_written_as_one() {
    let (_dir, _db, catalog) = catalog_with_rows(&[
        "H-1,Mesh Wi-Fi Booster - White,Plug-in booster for the far rooms.,in stock,new,59.00 USD,,,,tech,Networking,,white,,,,5,\n",
        "H-2,Glow E-Reader 6 inch,Glare-free screen for reading in the sun.,in stock,new,129.00 USD,,,,tech,Readers,,,,,,5,\n",
        "H-3,Desk Fan 12 inch,Quiet fan with three speeds.,in stock,new,39.00 USD,,,,tech,Fans,,,,,,5,\n",
    ])
    .await;
    assert_first_hits(&catalog, &[("wifi booster", "H-1"), ("an ereader", "H-2")]);
}
