use super::*;
use crate::db::Db;

const HEADER: &str = "id,title,description,availability,condition,price,brand,product_type,google_product_category,custom_label_0\n";

fn feed(rows: &[&str]) -> String {
    let mut s = HEADER.to_string();
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

const SHOES: &str = "S-1,Trail Runner Running Shoes - Black / 42,Grippy shoes for muddy paths.,in stock,new,90.00 USD,shoes,Shoes > Running Shoes,Apparel & Accessories,running";
const PAN: &str = "K-1,Cast Iron Skillet - 26 cm,Heavy pan that sears steaks.,in stock,new,40.00 USD,kitchen,Kitchen > Cookware,Home & Garden,cooking";
const ORPHAN: &str = "O-1,Garden Gnome Statue,A cheerful gnome for the lawn.,in stock,new,20.00 USD,gnomes,Garden > Statues,Home & Garden,";

/// A seller as the plugin runtime hands it over; `routing` is manifest
/// TOML text holding (or not) a `[routing]` section.
struct TestSeller {
    name: String,
    brand: String,
    section: Option<RawSection>,
}

fn seller(name: &str, brand: &str, routing: &str) -> TestSeller {
    let table: toml::Table = toml::from_str(routing).expect("toml");
    TestSeller {
        name: name.to_string(),
        brand: brand.to_string(),
        section: table.get("routing").cloned().map(RawSection),
    }
}

async fn vocabulary(rows: &[&str]) -> (Vocabulary, Catalog, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = Db::connect("", dir.path()).await.expect("db");
    let catalog = Catalog::open(db, dir.path()).await.expect("catalog");
    if !rows.is_empty() {
        catalog
            .import_csv(feed(rows).as_bytes())
            .await
            .expect("import");
    }
    let prompts = crate::llm::Prompts::fixed(Default::default());
    (Vocabulary::new(catalog.clone(), &prompts), catalog, dir)
}

fn sync(v: &Vocabulary, sellers: &[TestSeller]) {
    v.sync(sellers.iter().map(|s| {
        let installed = InstalledSeller {
            plugin: &s.name,
            brand: &s.brand,
            section: s.section.as_ref(),
        };
        (format!("{}=0.1.0", s.name), installed)
    }));
}

fn top(v: &Vocabulary, text: &str) -> String {
    v.match_all(text, 5)
        .first()
        .map(|m| m.brand.clone())
        .unwrap_or_else(|| "none".into())
}

#[tokio::test]
async fn learns_brands_from_catalog_rows_and_manifest_sections() {
    let (v, _c, _d) = vocabulary(&[SHOES, PAN]).await;
    let shoes = seller(
        "seller-shoes",
        "shoes",
        "[routing]\ndisplay_name = \"Shoe Shop\"\n[routing.keywords]\npt = [\"tênis\", \"chuteira\"]\nes = [\"zapatillas\"]\n",
    );
    let kitchen = seller("seller-kitchen", "kitchen", "");
    sync(&v, &[shoes, kitchen]);
    assert_eq!(top(&v, "trail running shoes"), "shoes");
    assert_eq!(top(&v, "quero um tênis"), "shoes");
    assert_eq!(top(&v, "una chuteira"), "shoes");
    assert_eq!(top(&v, "a cast iron skilet"), "kitchen");
    assert_eq!(top(&v, "good morning"), "none");
    let m = v.match_all("skillet for cooking", 5);
    assert!(m[0].terms.iter().any(|t| t == "skillet"), "{m:?}");
    let profiles = v.brands();
    assert_eq!(
        profiles
            .iter()
            .map(|p| p.brand.as_str())
            .collect::<Vec<_>>(),
        ["kitchen", "shoes"]
    );
    assert_eq!(profiles[1].display_name, "Shoe Shop");
    assert_eq!(profiles[0].categories, ["Kitchen"]);
}

#[tokio::test]
async fn a_new_brand_and_a_reimport_reach_the_vocabulary_without_a_restart() {
    let (v, catalog, _d) = vocabulary(&[SHOES]).await;
    sync(&v, &[seller("seller-shoes", "shoes", "")]);
    assert_eq!(top(&v, "cast iron skillet"), "none");
    catalog
        .import_csv(feed(&[PAN]).as_bytes())
        .await
        .expect("import");
    sync(
        &v,
        &[
            seller("seller-shoes", "shoes", ""),
            seller("seller-kitchen", "kitchen", ""),
        ],
    );
    assert_eq!(top(&v, "cast iron skillet"), "kitchen");
    assert!(v.brands().iter().any(|p| p.brand == "kitchen"));
}

#[tokio::test]
async fn bad_input_loads_and_routes_what_it_can() {
    // a catalog brand with no seller, a seller with no section, an empty
    // section, a section with thousands of keywords and junk values
    let (v, _c, _d) = vocabulary(&[SHOES, PAN, ORPHAN]).await;
    let many: Vec<String> = (0..5_000).map(|i| format!("\"word{i}\"")).collect();
    let huge = seller(
        "seller-kitchen",
        "kitchen",
        &format!(
            "[routing]\ncategories = 7\nexamples = [1, 2]\nkeywords = [{}, \"wok\"]\n",
            many.join(",")
        ),
    );
    let bare = seller("seller-shoes", "shoes", "");
    let nothing = seller("seller-empty", "empty", "[routing]\n");
    sync(&v, &[huge, bare, nothing]);
    assert_eq!(top(&v, "running shoes"), "shoes");
    assert_eq!(top(&v, "word12"), "kitchen");
    // cut at the limit: "wok" came after 5,000 keywords
    assert_eq!(top(&v, "a wok"), "none");
    // the orphan brand is known (the router sees it has no seller)
    assert_eq!(top(&v, "garden gnome"), "gnomes");
    assert_eq!(v.brands().len(), 3);
}

#[tokio::test]
async fn an_empty_catalog_routes_by_manifests_only() {
    let (v, _c, _d) = vocabulary(&[]).await;
    sync(
        &v,
        &[seller(
            "seller-pets",
            "pets",
            "[routing]\nkeywords = [\"dog\", \"ração\"]\n",
        )],
    );
    assert_eq!(top(&v, "food for my dog"), "pets");
    assert_eq!(top(&v, "racao"), "pets");
    assert_eq!(v.brands()[0].categories, Vec::<String>::new());
}
