//! `agent-store plugin new BRAND`: a seller crate, its manifest, its prompt
//! and its tests, which build and pass unchanged. Adding a brand needs no
//! host change: build it, and the host serves the new brand.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("brand {0:?} must be 2-32 of a-z, 0-9, '-' (and not \"none\" or \"store\")")]
    BadBrand(String),
    #[error("{0} already exists")]
    Exists(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0} has no `members = [` list to add the crate to")]
    NoMembers(String),
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Scaffolded {
    pub crate_dir: PathBuf,
    pub prompt: PathBuf,
}

fn valid_brand(brand: &str) -> bool {
    (2..=32).contains(&brand.len())
        && brand != "none"
        && brand != "store"
        && brand
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && brand.as_bytes()[0].is_ascii_lowercase()
}

fn type_name(brand: &str) -> String {
    brand
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn write(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let io = |source| ScaffoldError::Io {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(path, text).map_err(io)
}

/// Write `plugins/seller-<brand>/` and `prompts/<brand>.md` into
/// `workspace`, and add the crate to the workspace members.
pub fn new_seller(
    workspace: &Path,
    brand: &str,
    persona: &str,
) -> Result<Scaffolded, ScaffoldError> {
    if !valid_brand(brand) {
        return Err(ScaffoldError::BadBrand(brand.to_string()));
    }
    let name = format!("seller-{brand}");
    let crate_dir = workspace.join("plugins").join(&name);
    if crate_dir.exists() {
        return Err(ScaffoldError::Exists(crate_dir.display().to_string()));
    }
    let fill = |t: &str| {
        t.replace("{brand}", brand)
            .replace("{name}", &name)
            .replace("{Type}", &type_name(brand))
            .replace("{persona}", persona)
            .replace("{crate_ident}", &name.replace('-', "_"))
            .replace("{BRAND}", &brand.to_ascii_uppercase())
    };
    write(&crate_dir.join("Cargo.toml"), &fill(CARGO_TOML))?;
    write(&crate_dir.join("plugin.toml"), &fill(PLUGIN_TOML))?;
    write(&crate_dir.join("src/lib.rs"), &fill(LIB_RS))?;
    write(&crate_dir.join("tests/seller.rs"), &fill(TESTS_RS))?;
    write(&crate_dir.join("tests/catalog.csv"), &fill(CATALOG_CSV))?;
    let prompt = workspace.join("prompts").join(format!("{brand}.md"));
    if !prompt.exists() {
        write(&prompt, &fill(PROMPT_MD))?;
    }
    add_member(&workspace.join("Cargo.toml"), &format!("plugins/{name}"))?;
    Ok(Scaffolded { crate_dir, prompt })
}

/// Insert `member` into the root manifest's `members = [` list.
fn add_member(manifest: &Path, member: &str) -> Result<(), ScaffoldError> {
    let io = |source| ScaffoldError::Io {
        path: manifest.display().to_string(),
        source,
    };
    let text = std::fs::read_to_string(manifest).map_err(io)?;
    if text.contains(&format!("\"{member}\"")) {
        return Ok(());
    }
    let at = text
        .find("members = [")
        .ok_or_else(|| ScaffoldError::NoMembers(manifest.display().to_string()))?
        + "members = [".len();
    let updated = format!("{}\n    \"{member}\",{}", &text[..at], &text[at..]);
    std::fs::write(manifest, updated).map_err(io)
}

const CARGO_TOML: &str = r#"[package]
name = "{name}"
version.workspace = true
edition.workspace = true
publish = false

[lib]
crate-type = ["cdylib", "rlib"]

[dependencies]
agent-store-sdk.workspace = true

[dev-dependencies]
agent-store-sdk = { workspace = true, features = ["testing"] }
"#;

const PLUGIN_TOML: &str = r#"name = "{name}"
kind = "seller"
brand = "{brand}"
version = "0.1.0"
description = "{persona}, the {brand} seller"
[grants]
catalog = "brand"
llm = true
orders = true
escalate = true
hand_off = true
config = []
"#;

const LIB_RS: &str = r#"//! {persona}, the {brand} seller: the SDK's seller kit configured with this
//! brand's persona and categories. The persona prompt is `prompts/{brand}.md`.

use agent_store_sdk::prelude::*;
use agent_store_sdk::seller::{Category, SellerConfig};

/// Categories offered in greetings and when nothing is found: edit them to
/// match your catalog's `product_type`s.
const CATEGORIES: &[Category] = &[Category {
    key: "all",
    labels: ["Our products", "Nossos produtos", "Nuestros productos"],
    query: "{brand}",
}];

/// The seller's configuration.
pub const CONFIG: SellerConfig = SellerConfig {
    greetings: [
        "Hi! I'm {persona}. What are you looking for today?",
        "Oi! Eu sou {persona}. O que você procura hoje?",
        "¡Hola! Soy {persona}. ¿Qué buscas hoy?",
    ],
    categories: CATEGORIES,
    ..SellerConfig::new("{brand}", "{persona}", "{persona}")
};

/// The exported seller.
pub struct {Type};

impl Seller for {Type} {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        CONFIG.handle_turn(host, turn)
    }
}

agent_store_sdk::export_seller!({Type});
"#;

const TESTS_RS: &str = r#"//! Native tests of the {brand} seller over its sample catalog.

use agent_store_sdk::prelude::*;
use agent_store_sdk::testing::{FakeHost, TurnBuilder, all_text, assert_valid, shown_products};
use {crate_ident}::{Type} as S;

const CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/catalog.csv");

fn say(host: &FakeHost, turn: TurnBuilder) -> Vec<Action> {
    let actions = S::handle_turn(host, &turn.brand("{brand}").build()).expect("a reply");
    assert_valid(&actions);
    host.apply(&actions);
    actions
}

fn host() -> FakeHost {
    FakeHost::from_csv(CSV).expect("catalog").with_brand("{brand}")
}

#[test]
fn greets_as_the_persona() {
    let a = say(&host(), TurnBuilder::text("hi!"));
    assert!(all_text(&a).contains("{persona}"), "{a:?}");
}

#[test]
fn finds_catalog_products_and_adds_them_to_the_cart() {
    let h = host();
    let a = say(&h, TurnBuilder::text("I'm looking for the deluxe sample"));
    let shown = shown_products(&a);
    assert!(shown.contains(&"{BRAND}-0002".to_string()), "{a:#?}");
    say(&h, TurnBuilder::button("add:{BRAND}-0002", "Add to cart"));
    assert_eq!(h.cart_lines(), vec![("{BRAND}-0002".to_string(), 1)]);
}

#[test]
fn escalates_when_asked_for_a_human() {
    let a = say(&host(), TurnBuilder::text("I want to talk to a human"));
    assert!(a.iter().any(|x| matches!(x, Action::Escalate(_))), "{a:#?}");
}
"#;

const CATALOG_CSV: &str = "id,title,description,availability,condition,price,sale_price,link,image_link,brand,product_type,google_product_category,color,size,gender,material,quantity_to_sell_on_facebook,custom_label_0
{BRAND}-0001,Classic Sample,The classic {brand} sample product.,in stock,new,19.90 USD,,https://store.example.com/p/{BRAND}-0001,https://cdn.store.example.com/img/{BRAND}-0001.jpg,{brand},Samples > Classic,Other,,,,,10,
{BRAND}-0002,Deluxe Sample,The deluxe {brand} sample product.,in stock,new,49.90 USD,,https://store.example.com/p/{BRAND}-0002,https://cdn.store.example.com/img/{BRAND}-0002.jpg,{brand},Samples > Deluxe,Other,,,,,10,
";

const PROMPT_MD: &str = "# {persona} — the {brand} seller

You are {persona}, the {brand} seller of the store, chatting with customers on WhatsApp.

## Rules
- Answer in the customer's language (English, Brazilian Portuguese or Spanish).
- 2–4 sentences, few emojis.
- Never invent products or prices: only quote what the catalog tools return.
- Offer a human when the customer asks for one, complains, or you cannot help.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brand_names_are_checked_and_typed() {
        assert!(valid_brand("pets"));
        assert!(valid_brand("pet-food"));
        assert!(!valid_brand("none"));
        assert!(!valid_brand("store"));
        assert!(!valid_brand("Pets"));
        assert!(!valid_brand("p"));
        assert!(!valid_brand("../x"));
        assert_eq!(type_name("pet-food"), "PetFood");
    }
}
