//! Routing accuracy over held-out, labelled customer messages in English,
//! Brazilian Portuguese and Spanish, against the demo catalog.
//!
//! The router names no brand: `FakeHost::with_vocabulary` answers
//! `match-text` as the host does, from the catalog rows and the demo
//! sellers' `[routing]` sections (read from their `plugin.toml` here).

use agent_store_sdk::lexicon::index::{IndexBuilder, SectionText};
use agent_store_sdk::prelude::*;
use agent_store_sdk::testing::{FakeHost, RouteBuilder};
use router::Policy;

const CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv");

/// A list of texts of a TOML value (a flat list, or lists per language).
fn texts(v: Option<&toml::Value>) -> Vec<String> {
    match v {
        Some(toml::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        Some(toml::Value::Table(t)) => t.values().flat_map(|x| texts(Some(x))).collect(),
        _ => Vec::new(),
    }
}

/// The demo sellers' `[routing]` sections, as the host adds them.
fn sections(b: &mut IndexBuilder) {
    let plugins = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    for brand in ["fashion", "tech", "home", "beauty", "gaming"] {
        let path = format!("{plugins}/seller-{brand}/plugin.toml");
        let text = std::fs::read_to_string(&path).expect("manifest");
        let m: toml::Table = toml::from_str(&text).expect("toml");
        let r = m.get("routing");
        let get = |k: &str| texts(r.and_then(|r| r.get(k)));
        b.add_section(
            brand,
            SectionText {
                categories: &get("categories"),
                keywords: &get("keywords"),
                related: &get("related"),
                examples: &get("examples"),
            },
        );
    }
}

fn demo_host() -> FakeHost {
    FakeHost::from_csv(CSV)
        .expect("catalog")
        .with_vocabulary(sections)
}

/// (message, current brand, expected brand)
const EN: &[(&str, Option<&str>, &str)] = &[
    ("hi, I'm looking for a new laptop", None, "tech"),
    (
        "do you sell wireless earbuds that work with android?",
        None,
        "tech",
    ),
    (
        "my phone battery is dying, need a fast charger",
        None,
        "tech",
    ),
    (
        "which 27 inch screen would you recommend for my home office",
        None,
        "tech",
    ),
    (
        "I want noise cancelling headphones for flights",
        None,
        "tech",
    ),
    (
        "looking for a gaming headset with surround sound",
        None,
        "gaming",
    ),
    (
        "does the new console come with a controller?",
        None,
        "gaming",
    ),
    ("recommend a racing game for my son", None, "gaming"),
    (
        "I need a mechanical keyboard with RGB lights",
        None,
        "gaming",
    ),
    ("a comfy chair for long gaming sessions", None, "gaming"),
    ("black running shoes size 42 please", None, "fashion"),
    (
        "something nice to wear to a wedding, maybe a dress",
        None,
        "fashion",
    ),
    ("do you have leather sneakers in white?", None, "fashion"),
    ("a warm jacket for winter under $150", None, "fashion"),
    ("a serum for dark spots and dull skin", None, "beauty"),
    ("what sunscreen works for oily skin", None, "beauty"),
    ("I'd like a red lipstick that lasts all day", None, "beauty"),
    ("need a new set of sheets for a queen bed", None, "home"),
    ("a cozy rug for the living room", None, "home"),
    ("looking for pots and pans for my new kitchen", None, "home"),
    ("hello!", None, "none"),
    ("where is my order?", Some("tech"), "none"),
    ("I want to speak to a real person", Some("fashion"), "none"),
    ("how much is it?", Some("home"), "home"),
    ("do you have it in blue?", Some("fashion"), "fashion"),
];

const PT: &[(&str, Option<&str>, &str)] = &[
    ("oi, queria um notebook bom pra faculdade", None, "tech"),
    ("vocês têm celular com 256gb?", None, "tech"),
    ("preciso de um fone bluetooth pra academia", None, "tech"),
    ("meu carregador quebrou, tem outro usb-c?", None, "tech"),
    ("quero uma caixinha de som pra levar na praia", None, "tech"),
    ("tem controle sem fio pro videogame?", None, "gaming"),
    (
        "to procurando um jogo de corrida pro meu filho",
        None,
        "gaming",
    ),
    ("qual o melhor headset gamer de vocês?", None, "gaming"),
    (
        "quero montar meu setup, preciso de mouse gamer e mousepad",
        None,
        "gaming",
    ),
    ("tem tênis de corrida preto tamanho 40?", None, "fashion"),
    ("procuro um vestido pra festa de casamento", None, "fashion"),
    ("queria uma jaqueta jeans masculina", None, "fashion"),
    ("vocês vendem óculos de sol?", None, "fashion"),
    (
        "qual protetor solar vocês recomendam pra pele oleosa?",
        None,
        "beauty",
    ),
    ("quero um batom vermelho matte", None, "beauty"),
    ("tem shampoo pra cabelo danificado?", None, "beauty"),
    ("preciso de um edredom para cama king", None, "home"),
    ("quero decorar minha sala, tem almofadas?", None, "home"),
    ("vocês têm panela de ferro?", None, "home"),
    ("uma luminária de chão para o quarto", None, "home"),
    ("olá, tudo bem?", None, "none"),
    (
        "cadê meu pedido? já faz uma semana",
        Some("fashion"),
        "none",
    ),
    ("quero falar com um atendente", Some("tech"), "none"),
    ("tem em azul?", Some("fashion"), "fashion"),
    ("quanto custa?", Some("beauty"), "beauty"),
];

const ES: &[(&str, Option<&str>, &str)] = &[
    (
        "hola, busco un portátil ligero para la universidad",
        None,
        "tech",
    ),
    (
        "¿tienen audífonos inalámbricos con cancelación de ruido?",
        None,
        "tech",
    ),
    ("necesito un cargador rápido para mi móvil", None, "tech"),
    ("quiero una cámara para grabar mis viajes", None, "tech"),
    ("¿qué tablet me recomiendas para leer?", None, "tech"),
    ("busco un mando para jugar en la pc", None, "gaming"),
    (
        "¿tienen juegos de carreras para la consola?",
        None,
        "gaming",
    ),
    ("quiero un teclado mecánico para jugar", None, "gaming"),
    ("una silla gamer que sea cómoda", None, "gaming"),
    ("quiero unas zapatillas para correr", None, "fashion"),
    ("busco un vestido largo para una boda", None, "fashion"),
    ("¿tienen bolsos de cuero negro?", None, "fashion"),
    ("necesito unos vaqueros talla 32", None, "fashion"),
    (
        "¿qué crema hidratante tienen para piel grasa?",
        None,
        "beauty",
    ),
    ("busco un perfume para regalarle a mi novia", None, "beauty"),
    ("un labial rojo que dure mucho", None, "beauty"),
    ("quiero una alfombra grande para el salón", None, "home"),
    ("¿tienen sábanas de algodón?", None, "home"),
    ("busco una sartén antiadherente", None, "home"),
    ("necesito macetas para mis plantas", None, "home"),
    ("buenas tardes", None, "none"),
    ("¿dónde está mi pedido?", Some("gaming"), "none"),
    (
        "esto es una estafa, el producto llegó roto",
        Some("tech"),
        "none",
    ),
    ("¿cuánto cuesta?", Some("gaming"), "gaming"),
    ("¿lo tienen en negro?", Some("home"), "home"),
];

fn run(host: &FakeHost, set: &[(&str, Option<&str>, &str)]) -> (usize, Vec<String>) {
    let mut ok = 0;
    let mut misses = Vec::new();
    for (msg, current, want) in set {
        let mut b = RouteBuilder::text(msg);
        if let Some(c) = current {
            b = b.current(c);
        }
        let d = Policy::route(host, &b.build());
        assert!(
            (0.0..=1.0).contains(&d.confidence),
            "confidence out of range: {d:?}"
        );
        if d.brand == *want {
            ok += 1;
        } else {
            misses.push(format!(
                "{msg:?} (current {current:?}): want {want}, got {} [{}]",
                d.brand, d.reason
            ));
        }
    }
    (ok, misses)
}

/// A catalog host of a CSV written indented in the test's source.
fn host_of(csv: &str) -> FakeHost {
    FakeHost::from_csv_str(csv.replace("        ", "")).expect("catalog")
}

/// The decision for `message` with no conversation going, among `brands`.
fn route_among(host: &FakeHost, brands: &[&str], message: &str) -> RoutingDecision {
    Policy::route(host, &RouteBuilder::text(message).brands(brands).build())
}

#[test]
fn routes_held_out_messages_with_at_least_90_percent_accuracy() {
    let host = demo_host();
    let mut total_ok = 0;
    let mut total = 0;
    let mut all_misses = Vec::new();
    for (lang, set) in [("en", EN), ("pt", PT), ("es", ES)] {
        let (ok, misses) = run(&host, set);
        println!(
            "router accuracy {lang}: {ok}/{} = {:.1}%",
            set.len(),
            100.0 * ok as f32 / set.len() as f32
        );
        total_ok += ok;
        total += set.len();
        all_misses.extend(misses);
    }
    let acc = total_ok as f32 / total as f32;
    println!(
        "router accuracy overall: {total_ok}/{total} = {:.1}%",
        acc * 100.0
    );
    for m in &all_misses {
        println!("  miss: {m}");
    }
    assert!(total >= 60);
    assert!(
        acc >= 0.9,
        "accuracy {acc:.3} < 0.90; misses: {all_misses:#?}"
    );
}

#[test]
fn none_is_low_confidence_and_product_buttons_route_by_catalog() {
    let host = demo_host();
    let d = Policy::route(&host, &RouteBuilder::text("hi").build());
    assert_eq!(d.brand, "none");
    assert!(d.confidence < 0.3);
    let d = Policy::route(&host, &RouteBuilder::text("").current("tech").build());
    assert_eq!(d.brand, "none");
    let d = Policy::route(
        &host,
        &RouteBuilder::content(MessageContent::ButtonReply(Choice {
            id: "add:GAM-0005".into(),
            title: "Add to cart".into(),
        }))
        .current("tech")
        .build(),
    );
    assert_eq!(d.brand, "gaming");
    let d = Policy::route(
        &host,
        &RouteBuilder::content(MessageContent::ButtonReply(Choice {
            id: "more".into(),
            title: "More options".into(),
        }))
        .current("home")
        .build(),
    );
    assert_eq!(d.brand, "home");
    let d = Policy::route(
        &host,
        &RouteBuilder::text("a laptop")
            .brands(&["fashion", "home"])
            .build(),
    );
    assert!(d.brand == "none" || d.brand == "fashion" || d.brand == "home");
    let d = Policy::route(&host, &RouteBuilder::text("a gift").build());
    assert_eq!(d.brand, "none");
}

#[test]
fn tolerates_host_errors_and_typos() {
    // no catalog at all: the sellers' manifests alone still route
    let host = FakeHost::new().with_vocabulary(sections);
    let d = Policy::route(&host, &RouteBuilder::text("quero um notbook novo").build());
    assert_eq!(d.brand, "tech");
    let d = Policy::route(&host, &RouteBuilder::text("hedphones for gaming").build());
    assert_eq!(d.brand, "gaming");
    let d = Policy::route(&host, &RouteBuilder::text("zapatilas blancas").build());
    assert_eq!(d.brand, "fashion");
}

#[test]
fn sticky_brand_resists_weak_signals() {
    let host = demo_host();
    // a follow-up in gaming mentioning a headset stays in gaming
    let d = Policy::route(
        &host,
        &RouteBuilder::text("and a headset?")
            .current("gaming")
            .build(),
    );
    assert_eq!(d.brand, "gaming");
    // a clear switch of topic moves on
    let d = Policy::route(
        &host,
        &RouteBuilder::text("also, do you have lipstick?")
            .current("gaming")
            .build(),
    );
    assert_eq!(d.brand, "beauty");
}

/// A second set written after the policy was tuned on the sets above and
/// never used for tuning: an honest estimate of held-out accuracy.
const FRESH: &[(&str, Option<&str>, &str)] = &[
    ("got any smartwatches that track sleep?", None, "tech"),
    (
        "I need a router, my wifi is terrible upstairs",
        None,
        "tech",
    ),
    ("what's your cheapest phone?", None, "tech"),
    (
        "is there a portable console I can take on the plane",
        None,
        "gaming",
    ),
    ("a gift card for a gamer friend", None, "gaming"),
    ("jeans for women, high waist", None, "fashion"),
    ("a watch for my husband, something classic", None, "fashion"),
    ("which perfume smells like cedar?", None, "beauty"),
    ("a mirror for the hallway", None, "home"),
    ("candles that smell nice for the bedroom", None, "home"),
    ("tem smartwatch rosa?", None, "tech"),
    ("quero um roteador wifi 6", None, "tech"),
    ("vocês têm jogo de futebol pra ps5?", None, "gaming"),
    ("procuro um moletom ou suéter de lã", None, "fashion"),
    ("tem bolsa transversal de couro?", None, "fashion"),
    ("quero um sérum de vitamina c", None, "beauty"),
    ("tem máscara de cílios?", None, "beauty"),
    ("preciso de um jogo de lençol casal", None, "home"),
    ("vocês vendem faca de cozinha?", None, "home"),
    ("bom dia!", None, "none"),
    ("¿tienen relojes inteligentes?", None, "tech"),
    ("busco una bocina bluetooth", None, "tech"),
    (
        "quiero un control inalámbrico para la consola",
        None,
        "gaming",
    ),
    ("¿tienen ratón gamer ligero?", None, "gaming"),
    ("busco gafas de sol de aviador", None, "fashion"),
    ("una chaqueta de plumas negra", None, "fashion"),
    ("¿tienen champú para cabello dañado?", None, "beauty"),
    ("busco base de maquillaje tono medio", None, "beauty"),
    ("quiero un sofá de tres plazas", None, "home"),
    ("quiero hablar con un humano", Some("home"), "none"),
];

#[test]
fn fresh_held_out_set() {
    let host = demo_host();
    let (ok, misses) = run(&host, FRESH);
    let acc = ok as f32 / FRESH.len() as f32;
    println!(
        "router accuracy (fresh set): {ok}/{} = {:.1}%",
        FRESH.len(),
        acc * 100.0
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        acc >= 0.8,
        "fresh-set accuracy {acc:.3} < 0.80: {misses:#?}"
    );
}

/// Misses found by probing the real component with new messages (slang,
/// homographs, verbs that look like complaints); each fixed, so each must
/// stay right.
const HARD: &[(&str, Option<&str>, &str)] = &[
    // "una" stems like "uñas" (nails): not a beauty signal.
    ("quiero una falda larga", None, "fashion"),
    // "jogo" is a game, "jogo de panelas" a cookware set.
    ("jogo de panelas antiaderente", None, "home"),
    ("juego de sábanas matrimonial", None, "home"),
    ("cafeteira elétrica", None, "home"),
    ("busco una freidora de aire", None, "home"),
    // "trocar" is a return only about something bought; with no
    // department in the conversation the store hands that to a person.
    ("quero trocar o sofá da sala", None, "home"),
    ("quero trocar o tênis que comprei", None, "store"),
    ("need a fit for a date night", None, "fashion"),
    ("so many sofas, which one is the comfiest?", None, "home"),
    ("q celular vcs tem?", None, "tech"),
    ("kiero un celu nuevo", None, "tech"),
    ("notbook lenovo", None, "tech"),
    ("perfum masculino", None, "beauty"),
    ("jogo de ps4 barato", None, "gaming"),
    // "luego"/"logo" are one typo from "juego"/"jogo": farewells, not games.
    ("hasta luego", None, "none"),
    ("valeu, até logo", None, "none"),
];

#[test]
fn hard_cases_found_in_review() {
    let host = demo_host();
    let (ok, misses) = run(&host, HARD);
    assert_eq!(ok, HARD.len(), "{misses:#?}");
}

/// A conjunction that joins a product's attributes is not a second
/// request: the runner-up's word sits in the best brand's own part of the
/// message. Two requests are two parts, each led by its brand. (Sentences
/// written for this test, from no evaluation set.)
#[test]
fn a_second_request_is_a_part_of_its_own() {
    let host = demo_host();
    let one = [
        (
            "a gaming chair with a footrest and a lumbar pillow",
            "gaming",
        ),
        ("a smartwatch with a leather strap and heart rate", "tech"),
        ("kit de skincare com sérum e necessaire de viagem", "beauty"),
        (
            "tênis de corrida com amortecimento e bolso pro celular",
            "fashion",
        ),
    ];
    for (msg, want) in one {
        let d = Policy::route(&host, &RouteBuilder::text(msg).build());
        assert_eq!(d.brand, want, "{msg:?}: {d:?}");
    }
    let two = [
        "a rain jacket and a frying pan",
        "un labial rojo y una consola",
    ];
    for msg in two {
        let d = Policy::route(&host, &RouteBuilder::text(msg).build());
        assert_eq!(d.brand, "none", "{msg:?}: {d:?}");
        assert!(d.reason.starts_with("two departments"), "{msg:?}: {d:?}");
    }
}

/// Store words inside a product's description are not a store question
/// when the message opens with the product; the same words asked of the
/// store still are. (Sentences written for this test, from no evaluation
/// set.)
#[test]
fn a_product_named_first_outweighs_store_words_after_it() {
    let host = demo_host();
    for (msg, want) in [
        ("wireless earbuds that arrive charged in a case", "tech"),
        ("smartwatch que dá pra pagar por aproximação", "tech"),
        ("can I pay with a gift card?", "store"),
        ("how long does delivery take to Porto?", "store"),
        ("smartwatch: aceitam pix?", "store"),
    ] {
        let d = Policy::route(&host, &RouteBuilder::text(msg).build());
        assert_eq!(d.brand, want, "{msg:?}: {d:?}");
    }
}

/// A word of the second request that the best brand only echoes (one of
/// its descriptions mentions it) still makes that request the runner-up's:
/// the message asks, it does not guess. (Rows and sentences written for
/// this test, from no evaluation set.)
#[test]
fn a_faint_echo_in_the_best_brand_does_not_hide_a_second_request() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        T1,Rock Band Graphic T-Shirt,Cotton tee printed with crossed drumsticks.,in stock,new,19.90 USD,https://x.test/t1,https://x.test/t1.jpg,fashion,Clothing > T-Shirts\n\
        T2,Basic Crew T-Shirt,Soft cotton crew neck tee.,in stock,new,9.90 USD,https://x.test/t2,https://x.test/t2.jpg,fashion,Clothing > T-Shirts\n\
        T3,Band Logo Hoodie,Heavy cotton hoodie with the band's logo.,in stock,new,39.90 USD,https://x.test/t3,https://x.test/t3.jpg,fashion,Clothing > Hoodies\n\
        T4,Denim Jacket,Classic blue denim jacket.,in stock,new,59.90 USD,https://x.test/t4,https://x.test/t4.jpg,fashion,Clothing > Jackets\n\
        T5,Leather Belt,Brown leather belt with a brass buckle.,in stock,new,24.90 USD,https://x.test/t5,https://x.test/t5.jpg,fashion,Accessories > Belts\n\
        D1,Maple Drumsticks 5A,A pair of maple drumsticks with wood tips.,in stock,new,12.00 USD,https://x.test/d1,https://x.test/d1.jpg,music,Percussion > Drumsticks\n\
        D2,Practice Pad and Drumsticks Kit,Silent practice pad with a pair of drumsticks.,in stock,new,25.00 USD,https://x.test/d2,https://x.test/d2.jpg,music,Percussion > Practice Pads\n\
        H1,Cast Iron Skillet,Pre-seasoned skillet for the oven and the hob.,in stock,new,29.00 USD,https://x.test/h1,https://x.test/h1.jpg,home,Kitchen > Cookware\n\
        H2,Linen Duvet Cover,Washed linen duvet cover.,in stock,new,89.00 USD,https://x.test/h2,https://x.test/h2.jpg,home,Bedding > Duvet Covers\n\
        E1,Wireless Earbuds,Bluetooth earbuds with a charging case.,in stock,new,59.00 USD,https://x.test/e1,https://x.test/e1.jpg,tech,Audio > Earbuds\n\
        E2,USB-C Charger 30W,Fast charger for phones and tablets.,in stock,new,19.00 USD,https://x.test/e2,https://x.test/e2.jpg,tech,Accessories > Chargers\n\
        B1,Vitamin C Serum,Brightening serum for the face.,in stock,new,24.00 USD,https://x.test/b1,https://x.test/b1.jpg,beauty,Skincare > Serums\n";
    let host = host_of(csv).with_vocabulary(|b| {
        b.add_section(
            "music",
            SectionText {
                categories: &["Percussion".to_owned()],
                keywords: &["drumsticks".to_owned(), "practice pad".to_owned()],
                related: &[],
                examples: &[],
            },
        )
    });
    let route = |m: &str| route_among(&host, &["fashion", "music", "home", "tech", "beauty"], m);
    let d = route("a rock band t-shirt and some drumsticks");
    assert_eq!(d.brand, "none", "{d:?}");
    assert!(d.reason.starts_with("two departments"), "{d:?}");
    // One request each is routed as it is.
    assert_eq!(route("a rock band t-shirt").brand, "fashion");
    assert_eq!(route("maple drumsticks").brand, "music");
}

/// When the vocabulary has nothing clear, the catalog's own search
/// decides, grounded in the customer's words: hits whose titles have them
/// name the brand; a word no product has asks.
/// (Rows and sentences written for this test, from no evaluation set.)
#[test]
fn the_catalog_search_decides_when_the_vocabulary_cannot() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        B1,Gotas Autobronzeadoras 30 ml,Bronzeado gradual sem manchas.,in stock,new,59.90 BRL,https://x.test/b1,https://x.test/b1.jpg,beauty,Corpo > Bronzeamento\n\
        B2,Hidratante Corporal,Pele macia o dia todo.,in stock,new,29.90 BRL,https://x.test/b2,https://x.test/b2.jpg,beauty,Corpo > Hidratantes\n\
        H1,Toalha de Banho Algodão,Toalha macia e felpuda.,in stock,new,49.90 BRL,https://x.test/h1,https://x.test/h1.jpg,home,Banho > Toalhas\n\
        H2,Jogo de Panelas Inox,Cinco panelas com tampa.,in stock,new,299.90 BRL,https://x.test/h2,https://x.test/h2.jpg,home,Cozinha > Panelas\n";
    // No vocabulary: `match-text` answers nothing, as for a word no
    // brand's rows or manifest have in that form.
    let host = host_of(csv);
    let route = |m: &str| route_among(&host, &["beauty", "home"], m);
    let d = route("tem autobronzeadoras?");
    assert_eq!(d.brand, "beauty", "{d:?}");
    let d = route("queria umas toalhas de banho");
    assert_eq!(d.brand, "home", "{d:?}");
    let d = route("vcs vendem bicicleta?");
    assert_eq!(d.brand, "none", "{d:?}");
}

/// A close call between two brands is settled by the catalog when the
/// products whose titles have the customer's words are all the
/// runner-up's: the best brand won on a word of context.
#[test]
fn the_catalog_settles_a_close_call() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        O1,Cojín Lumbar Ergonómico,Apoyo para la espalda baja.,in stock,new,19990 CLP,https://x.test/o1,https://x.test/o1.jpg,office,Oficina > Ergonomía\n\
        G1,Silla Gamer Reclinable,Silla con cojín lumbar y reposapiés.,in stock,new,199990 CLP,https://x.test/g1,https://x.test/g1.jpg,gaming,Gamer > Sillas\n\
        G2,Silla Gamer Pro,Silla de escritorio gamer.,in stock,new,249990 CLP,https://x.test/g2,https://x.test/g2.jpg,gaming,Gamer > Sillas\n";
    // The vocabulary finds the chair first, by a hair.
    let host = host_of(csv)
        .with_brand_match("gaming", 4.0, &["silla", "chair"])
        .with_brand_match("office", 3.5, &["cojin", "lumbar", "cushion"]);
    let route = |m: &str| route_among(&host, &["gaming", "office"], m);
    let d = route("un cojín lumbar pa trabajar sentado");
    assert_eq!(d.brand, "office", "{d:?}");
    // With the conversation's brand, or no grounded hit, it stays a close
    // call for the best brand.
    let d = Policy::route(
        &host,
        &RouteBuilder::text("un cojín lumbar pa trabajar sentado")
            .brands(&["gaming", "office"])
            .current("gaming")
            .build(),
    );
    assert_eq!(d.brand, "gaming", "{d:?}");
}

/// A greeting whose product is a diminutive ("oi, tem cadeirinha?") names
/// that product: the diminutive is the customer's own word for it, not a
/// typo the vocabulary guessed.
#[test]
fn a_greeting_with_a_diminutive_names_a_product() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        H1,Cadeira de Madeira Maciça,Cadeira para sala de jantar.,in stock,new,399.90 BRL,https://x.test/h1,https://x.test/h1.jpg,home,Móveis > Cadeiras\n\
        H2,Mesa Redonda 4 Lugares,Mesa de jantar em MDF.,in stock,new,899.90 BRL,https://x.test/h2,https://x.test/h2.jpg,home,Móveis > Mesas\n\
        B1,Batom Matte Vermelho,Longa duração.,in stock,new,39.90 BRL,https://x.test/b1,https://x.test/b1.jpg,beauty,Maquiagem > Lábios\n\
        B2,Base Líquida Natural,Cobertura média.,in stock,new,59.90 BRL,https://x.test/b2,https://x.test/b2.jpg,beauty,Maquiagem > Rosto\n";
    let host = host_of(csv).with_vocabulary(|_| {});
    let route = |m: &str| route_among(&host, &["home", "beauty"], m);
    let d = route("oi, tem cadeirinha?");
    assert_eq!(d.brand, "home", "{d:?}");
    let d = route("bom dia! vcs tem batonzinho vermelho?");
    assert_eq!(d.brand, "beauty", "{d:?}");
    let d = route("oi, tudo bem?");
    assert_eq!(d.brand, "none", "{d:?}");
}

/// Store words after a product: what the product is for ("… for the
/// shipments of my shop") is the product's; the warranty of a kind of
/// product is the store's, of a particular one its seller's; another
/// colour asked of the department showing it changes the cart.
#[test]
fn store_words_about_a_product_or_about_the_store() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        O1,Impresora de Etiquetas Térmica,Imprime etiquetas de envío.,in stock,new,89990 CLP,https://x.test/o1,https://x.test/o1.jpg,office,Oficina > Impresoras\n\
        O2,Impresora Multifuncional Tinta Continua,Imprime escanea y copia.,in stock,new,189990 CLP,https://x.test/o2,https://x.test/o2.jpg,office,Oficina > Impresoras\n\
        F1,Mochila Urbana Cuero Sintético,Mochila para el día a día.,in stock,new,39990 CLP,https://x.test/f1,https://x.test/f1.jpg,fashion,Moda > Mochilas\n\
        F2,Zapatillas Urbanas Blancas,Zapatillas de lona.,in stock,new,49990 CLP,https://x.test/f2,https://x.test/f2.jpg,fashion,Moda > Zapatillas\n";
    let host = host_of(csv).with_vocabulary(|_| {});
    let route = |m: &str, current: Option<&str>| {
        let mut r = RouteBuilder::text(m).brands(&["office", "fashion"]);
        if let Some(c) = current {
            r = r.current(c);
        }
        Policy::route(&host, &r.build())
    };
    let d = route("impresora de etiquetas pa los envíos de mi tienda", None);
    assert_eq!(d.brand, "office", "{d:?}");
    // The vocabulary knows printers well (a message opening with one is
    // about it, whatever store words follow, unless it asks the guarantee).
    let printers =
        host_of(csv).with_brand_match("office", 5.0, &["impresora", "printer", "multifuncional"]);
    let warranty = |m: &str| route_among(&printers, &["office", "fashion"], m);
    // A store question of its own after what the product is for.
    let d = warranty("impresora de etiquetas pa mi tienda, hacen envíos a Arica?");
    assert_eq!(d.brand, "store", "{d:?}");
    let d = warranty("la impresora tiene garantía?");
    assert_eq!(d.brand, "store", "{d:?}");
    let d = warranty("the printer, does it come with a warranty?");
    assert_eq!(d.brand, "store", "{d:?}");
    let d = warranty("la impresora multifuncional tiene garantía?");
    assert_eq!(d.brand, "office", "{d:?}");
    let d = warranty("la impresora l3250 tiene garantía?");
    assert_eq!(d.brand, "office", "{d:?}");
    let d = route("puedo cambiar la mochila por otro color?", None);
    assert_eq!(d.brand, "store", "{d:?}");
    let d = route("puedo cambiar la mochila por otro color?", Some("fashion"));
    assert_eq!(d.brand, "fashion", "{d:?}");
}

/// A room after "for/pro/para" says where a product named clearly goes,
/// not which department sells it; with no product named clearly, the room
/// is still a clue.
#[test]
fn a_room_it_is_for_is_not_a_department() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        T1,Smart TV 50 Polegadas 4K,Televisão com apps e controle por voz.,in stock,new,2499.90 BRL,https://x.test/t1,https://x.test/t1.jpg,tech,Eletrônicos > TVs\n\
        T2,Soundbar Bluetooth,Som para a TV.,in stock,new,899.90 BRL,https://x.test/t2,https://x.test/t2.jpg,tech,Eletrônicos > Áudio\n\
        H1,Cortina Blackout para Quarto,Bloqueia a luz do quarto.,in stock,new,149.90 BRL,https://x.test/h1,https://x.test/h1.jpg,home,Casa > Quarto > Cortinas\n\
        H2,Tapete para Sala de Estar,Tapete macio para a sala.,in stock,new,299.90 BRL,https://x.test/h2,https://x.test/h2.jpg,home,Casa > Sala > Tapetes\n\
        H3,Luminária de Chão para Sala,Luz indireta para a sala.,in stock,new,259.90 BRL,https://x.test/h3,https://x.test/h3.jpg,home,Casa > Sala > Luminárias\n\
        H4,Jogo de Cama Casal para Quarto,Lençóis para o quarto do casal.,in stock,new,199.90 BRL,https://x.test/h4,https://x.test/h4.jpg,home,Casa > Quarto > Cama\n\
        H5,Abajur para Quarto de Casal,Luz suave para o quarto.,in stock,new,99.90 BRL,https://x.test/h5,https://x.test/h5.jpg,home,Casa > Quarto > Luminárias\n\
        H6,Balança Digital de Cozinha,Pesa até 5 kg na cozinha.,in stock,new,59.90 BRL,https://x.test/h6,https://x.test/h6.jpg,home,Casa > Cozinha > Balanças\n\
        T3,Balança Digital Bluetooth,Balança corporal com app.,in stock,new,149.90 BRL,https://x.test/t3,https://x.test/t3.jpg,tech,Eletrônicos > Balanças\n";
    let host = host_of(csv).with_vocabulary(|_| {});
    let route = |m: &str| route_among(&host, &["tech", "home"], m);
    let d = route("uma smart tv pro quarto do casal");
    assert_eq!(d.brand, "tech", "{d:?}");
    let d = route("algo bonito pra sala");
    assert_eq!(d.brand, "home", "{d:?}");
    // Sold by two departments: the room tells which.
    let d = route("uma balança digital pra cozinha");
    assert_eq!(d.brand, "home", "{d:?}");
}

/// The vocabulary adds up every word, so what a product is for can
/// outweigh the product ("roupa" is the fashion department's word); one
/// product of another brand covering the message tells what is asked.
/// With a conversation going, or when no word of the customer's points to
/// that brand, the vocabulary decides as before.
#[test]
fn the_catalog_s_best_product_outweighs_words_of_context() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        F1,Camiseta Básica Algodão,Para o dia a dia.,in stock,new,39.90 BRL,https://x.test/f1,https://x.test/f1.jpg,fashion,Moda > Camisetas\n\
        F2,Calça Jeans Reta,Casual.,in stock,new,129.90 BRL,https://x.test/f2,https://x.test/f2.jpg,fashion,Moda > Calças\n\
        H1,Laundry Basket with Lid for Dirty Clothes,Foldable.,in stock,new,89.90 BRL,https://x.test/h1,https://x.test/h1.jpg,home,Home > Laundry\n\
        H2,Bamboo Bath Mat,Non-slip bath mat.,in stock,new,69.90 BRL,https://x.test/h2,https://x.test/h2.jpg,home,Home > Bathroom\n";
    // The vocabulary counts "roupa" above the basket.
    let host = host_of(csv)
        .with_brand_match("fashion", 3.0, &["roupa", "clothing"])
        .with_brand_match("home", 1.2, &["cesto", "basket"]);
    let message = "cesto com tampa pra roupa suja";
    let d = route_among(&host, &["fashion", "home"], message);
    assert_eq!(d.brand, "home", "{d:?}");
    // A conversation going keeps the vocabulary's decision to its rules.
    let d = Policy::route(
        &host,
        &RouteBuilder::text(message)
            .brands(&["fashion", "home"])
            .current("fashion")
            .build(),
    );
    assert_eq!(d.brand, "fashion", "{d:?}");
    // No word the customer wrote points to the product's brand, or only
    // faintly: the search's match alone does not overrule a clear
    // department.
    let host = host_of(csv)
        .with_brand_match("fashion", 3.0, &["roupa", "clothing"])
        .with_brand_match("home", 0.2, &["suja"]);
    let d = route_among(&host, &["fashion", "home"], message);
    assert_eq!(d.brand, "fashion", "{d:?}");
    // A gift is asked about, not guessed.
    let host = host_of(csv)
        .with_brand_match("fashion", 3.0, &["roupa", "clothing"])
        .with_brand_match("home", 1.2, &["cesto", "basket"]);
    let d = route_among(
        &host,
        &["fashion", "home"],
        "um presente: cesto com tampa pra roupa suja",
    );
    assert_ne!(d.brand, "home", "{d:?}");
    // A full page of close hits: the best brand's products may be just
    // under the last one, so the search decides nothing.
    let mut crowded = csv.to_owned();
    for i in 0..12 {
        crowded.push_str(&format!(
            "H{n},Laundry Basket with Lid for Dirty Clothes {n},Foldable.,in stock,new,{n}9.90 BRL,https://x.test/h{n},https://x.test/h{n}.jpg,home,Home > Laundry\n",
            n = i + 10
        ));
    }
    let host = host_of(&crowded)
        .with_brand_match("fashion", 3.0, &["roupa", "clothing"])
        .with_brand_match("home", 1.2, &["cesto", "basket"]);
    let d = route_among(&host, &["fashion", "home"], message);
    assert_eq!(d.brand, "fashion", "{d:?}");
}

/// A close call the catalog settles reads a title up to its purpose word:
/// "Capa para Tablet Galaxy Tab A9" is a cover, so a customer naming the
/// tablet is asking for the department that sells tablets, though the
/// cover's title names it too.
#[test]
fn a_close_call_reads_what_a_product_is_not_what_it_fits() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        F1,Capa para Tablet Galaxy Tab A9,Couro sintético.,in stock,new,79.90 BRL,https://x.test/f1,https://x.test/f1.jpg,fashion,Acessórios > Capas\n\
        F2,Bolsa Transversal Couro,Casual.,in stock,new,129.90 BRL,https://x.test/f2,https://x.test/f2.jpg,fashion,Acessórios > Bolsas\n\
        T1,Tablet Galaxy Tab A9 64GB,Tela de 8.7 polegadas.,in stock,new,999.00 BRL,https://x.test/t1,https://x.test/t1.jpg,tech,Eletrônicos > Tablets\n";
    // The vocabulary counts the covers' titles a little above the tablet.
    let host = host_of(csv)
        .with_brand_match("fashion", 3.0, &["galaxy", "tab"])
        .with_brand_match("tech", 2.6, &["galaxy", "tab"]);
    let d = route_among(&host, &["fashion", "tech"], "galaxy tab a9 ainda tem?");
    assert_eq!(d.brand, "tech", "{d:?}");
    // A customer who names the cover gets the cover's department.
    let host = host_of(csv)
        .with_brand_match("fashion", 3.0, &["capa", "galaxy", "tab"])
        .with_brand_match("tech", 2.6, &["galaxy", "tab"]);
    let d = route_among(&host, &["fashion", "tech"], "capa pro galaxy tab a9");
    assert_eq!(d.brand, "fashion", "{d:?}");
}

/// What a customer says they do not want, after naming what they do, is
/// no evidence for its department, nor a second request.
/// (Rows and sentences written for this test, from no evaluation set.)
#[test]
fn what_the_customer_does_not_want_names_no_department() {
    let csv = "id,title,description,availability,condition,price,link,image_link,brand,product_type\n\
        F1,Classic Gold Watch for Women,Slim gold-tone watch with a leather strap.,in stock,new,89.00 USD,https://x.test/f1,https://x.test/f1.jpg,fashion,Accessories > Watches\n\
        F2,Canvas Tote Bag,Everyday cotton tote.,in stock,new,19.00 USD,https://x.test/f2,https://x.test/f2.jpg,fashion,Accessories > Bags\n\
        T1,Fitness Smartwatch with GPS,Heart rate smartwatch with GPS and sleep tracking.,in stock,new,149.00 USD,https://x.test/t1,https://x.test/t1.jpg,tech,Wearables > Smartwatches\n\
        T2,Smartwatch Band 22mm,Silicone band for smartwatches.,in stock,new,15.00 USD,https://x.test/t2,https://x.test/t2.jpg,tech,Wearables > Smartwatch Bands\n\
        T3,Smartwatch Charger Dock,Magnetic charging dock for smartwatches.,in stock,new,12.00 USD,https://x.test/t3,https://x.test/t3.jpg,tech,Wearables > Chargers\n";
    let host = host_of(csv).with_vocabulary(|_| {});
    let route = |m: &str| route_among(&host, &["fashion", "tech"], m);
    let d = route("a classic gold watch for women, not a smartwatch please");
    assert_eq!(d.brand, "fashion", "{d:?}");
    let d = route("um relógio dourado clássico, nada de smartwatch");
    assert_eq!(d.brand, "fashion", "{d:?}");
    // Named alone, the smartwatch is tech's.
    assert_eq!(route("a smartwatch with gps").brand, "tech");
}
