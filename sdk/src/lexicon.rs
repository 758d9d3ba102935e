//! The store's shared vocabulary: weighted brand lexicons in en/pt/es and
//! the translation of customer words to the catalog's English words (from
//! the language crate's vocabulary, the one the host's search reads).
//!
//! The router scores brands with [`brand_scores`]; the seller kit uses it to
//! notice a message that belongs to another brand (hand-off) and
//! [`expand_query`] to search an English catalog with Portuguese or Spanish
//! words.
//!
//! ```
//! use agent_store_sdk::lexicon;
//! let s = lexicon::brand_scores("quero um teclado mecânico rgb");
//! assert_eq!(s[0].0, "gaming");
//! assert!(lexicon::expand_query("zapatillas negras").contains("sneakers"));
//! ```

use crate::text;

pub mod index;
pub mod store;

/// One brand's weighted vocabulary: `(weight, "term|term|multi word term")`.
#[derive(Debug, Clone, Copy)]
pub struct BrandLexicon {
    /// The brand key, as in the catalog's `brand` column.
    pub brand: &'static str,
    /// Weighted tiers of '|'-separated terms (any of en/pt/es, accents optional).
    pub tiers: &'static [(f32, &'static str)],
}

/// The five demo brands.
pub const BRANDS: &[BrandLexicon] = &[
    BrandLexicon {
        brand: "fashion",
        tiers: FASHION,
    },
    BrandLexicon {
        brand: "tech",
        tiers: TECH,
    },
    BrandLexicon {
        brand: "home",
        tiers: HOME,
    },
    BrandLexicon {
        brand: "beauty",
        tiers: BEAUTY,
    },
    BrandLexicon {
        brand: "gaming",
        tiers: GAMING,
    },
];

const FASHION: &[(f32, &str)] = &[
    (
        2.0,
        "shoe|sneaker|trainers|running shoes|boots|sandal|heels|high heels|loafers|flip flops|slippers|dress|gown|evening gown|jeans|denim|jacket|coat|puffer|blazer|t shirt|tshirt|tee|shirt|blouse|sweater|jumper|hoodie|sweatshirt|cardigan|skirt|pants|trousers|shorts|leggings|activewear|sportswear|swimwear|bikini|swimsuit|handbag|purse|crossbody|duffel|backpack|tote|wallet|belt|scarf|hat|beanie|sunglasses|aviator|clothes|clothing|outfit|apparel|fashion|garment|lingerie|socks|underwear|suit|tie|vest|polo",
    ),
    (
        2.0,
        "tenis|sapato|sapatilha|bota|sandalia|salto alto|chinelo|rasteirinha|vestido|calca|calca jeans|jaqueta|casaco|blusa|camiseta|camisa|moletom|sueter|saia|bermuda|legging|biquini|maio|bolsa|carteira|cinto|cachecol|chapeu|bone|oculos de sol|oculos escuros|roupa|moda|meia|cueca|calcinha|terno|gravata|regata|jaqueta jeans|agasalho|tenis de corrida",
    ),
    (
        2.0,
        "zapatillas|zapato|botin|botines|tacones|falda|pantalon|vaqueros|chaqueta|abrigo|chamarra|campera|playera|remera|jersey|sudadera|pantalones cortos|mallas|traje de bano|banador|bolso|billetera|cinturon|bufanda|sombrero|gorra|gafas de sol|lentes de sol|ropa|calcetines|medias|corbata|chaleco|tenis para correr|zapatillas de running",
    ),
    (
        1.5,
        "watch|wristwatch|relogio|reloj|chelsea|running|corrida|correr|trail|yoga|gym|academia|gimnasio|jogging|estilo|style|elegant|elegante|vestir|wear|wearing|calcado|calzado|footwear|mochila|bag|cap|pochete|rinonera",
    ),
    (
        1.0,
        "cotton|algodao|algodon|leather|couro|cuero|linen|linho|lino|wool|lana|merino|velvet|veludo|terciopelo|floral|slim fit|casual|formal|party|festa|fiesta|wedding|casamento|boda|fit|fits|date night|look|looks|mens|womens|masculino|feminino|femenina|masculina|unisex|summer|verao|verano|winter|inverno|invierno|beach|praia|playa|size|midi|maxi|talla|tamanho|xl|xxl|feminina|mulher|mujer|homem|hombre|rose gold|marinho|navy|khaki|caqui|camel",
    ),
];

const TECH: &[(f32, &str)] = &[
    (
        2.0,
        "laptop|notebook|ultrabook|computer|macbook|chromebook|smartphone|phone|cellphone|cell phone|mobile phone|iphone|android|headphones|earphones|earbuds|airpods|speaker|bluetooth speaker|charger|power bank|powerbank|usb|usb c|cable|tablet|ipad|monitor|screen|camera|mirrorless|action cam|action camera|gopro|webcam|smartwatch|fitness tracker|router|wifi|wi fi|internet|phone case|screen protector|gadget|electronics|ssd|processor|5g|noise cancelling|anc|printer|smart tv|television|tv|drone|kindle|e reader|laptops|battery|gan|tripod|lens|bluetooth|hdmi|adapter|dongle|hub|smartphones|wearable|tws|true wireless|mp3|soundbar",
    ),
    (
        2.0,
        "computador|celular|telefone|fone de ouvido|caixinha de som|caixinha|fone|fones|fone bluetooth|caixa de som|carregador|bateria externa|cabo|tela|camera digital|relogio inteligente|pulseira inteligente|roteador|capinha|capa de celular|pelicula|eletronico|eletronicos|processador|impressora|televisao|armazenamento|bateria|cancelamento de ruido|fone sem fio|tomada|adaptador",
    ),
    (
        2.0,
        "computadora|ordenador|portatil|movil|telefono|auriculares|audifonos|cascos|altavoz|bocina|parlante|cargador|bateria portatil|pantalla|camara|camara digital|reloj inteligente|enrutador|funda|protector de pantalla|electronica|procesador|impresora|televisor|almacenamiento|cancelacion de ruido|cable usb|celu|cel|compu|smartphone",
    ),
    (
        1.0,
        "wireless|sem fio|inalambrico|inalambricos|mouse|raton|pc|memory|memoria|ram|storage|gb|tb|mah|megapixel|zoom|video call|videochamada|videollamada|work|trabalho|trabajo|office|escritorio|oficina|student|estudante|estudiante|programming|programar|photos|fotos|selfie|4k|tech|tecnologia|technology|app|apps|chip|signal|sinal|senal|ergonomic mouse|rede|wlan|graphite|mesh",
    ),
    (
        0.5,
        "keyboard|teclado|headset|watch|relogio|reloj|screen size|inch|polegadas|pulgadas|portable|portatil|audio|som|sonido|sound|music|musica",
    ),
];

const HOME: &[(f32, &str)] = &[
    (
        2.0,
        "sofa|couch|loveseat|sectional|armchair|cushion|pillow|throw pillow|lamp|floor lamp|table lamp|lighting|light fixture|rug|carpet|curtain|dutch oven|pot|frying pan|skillet|cookware|knife|cutlery|plates|mug|sheets|bed sheets|duvet|comforter|quilt|blanket|bedding|bed|mattress|storage box|organizer|drawer organizer|plant pot|planter|garden|plants|dining table|table|mirror|candle|decor|decoration|furniture|kitchen|living room|bedroom|bathroom|towel|vase|shelf|wardrobe|drawer|housewarming|cookware set|pan|dining chairs|nightstand|bookcase|dresser|cabinet|coffee maker|coffee machine|kettle|toaster|blender|stand mixer|air fryer|microwave|vacuum cleaner|humidifier|dinnerware|cookware|bakeware|glassware",
    ),
    (
        2.0,
        "poltrona|almofada|travesseiro|luminaria|abajur|luz|tapete|cortina|panela|frigideira|utensilios de cozinha|faca|talheres|pratos|caneca|lencol|lencois|jogo de cama|edredom|cobertor|manta|cama|colchao|caixa organizadora|organizador|vaso|vaso de planta|jardim|plantas|mesa de jantar|mesa|cadeira de jantar|espelho|vela|decoracao|moveis|movel|cozinha|sala de estar|quarto|banheiro|toalha|prateleira|estante|guarda roupa|gaveta|casa nova|lar|panelas|jogo de panelas|jogo de jantar|jogo de toalhas|jogo de lencol|jogo de pratos|jogo de talheres|jogo de copos|jogo de facas|cafeteira|chaleira|torradeira|liquidificador|batedeira|fritadeira|micro ondas|aspirador de po|ventilador|umidificador|utensilios",
    ),
    (
        2.0,
        "sillon|salon|cojin|almohada|lampara|lampara de pie|alfombra|olla|cacerola|sarten|utensilios de cocina|cuchillo|cubiertos|platos|taza|sabanas|juego de sabanas|edredon|cobija|frazada|colchon|caja organizadora|maceta|macetero|jardin|mesa de comedor|sillas de comedor|espejo|decoracion|muebles|mueble|cocina|sala|dormitorio|recamara|bano|toalla|repisa|armario|cajon|hogar|ollas|juego de ollas|juego de sartenes|juego de toallas|juego de cubiertos|juego de platos|juego de comedor|juego de cama|juego de cuchillos|cafetera|hervidor|tostadora|licuadora|batidora|freidora|freidora de aire|microondas|aspiradora|humidificador|utensilios",
    ),
    (
        1.0,
        "home|house|casa|apartment|apartamento|departamento|chair|cadeira|silla|oak|carvalho|roble|ceramic|ceramica|wood|madeira|madera|cast iron|ferro fundido|hierro fundido|soy|queen|king|seater|lugares|plazas|terracotta|bamboo|bambu|cozy|aconchegante|acogedor|cook|cozinhar|cocinar|sleep|dormir|dinner|jantar|cena|decorate|decorar|interior|room",
    ),
];

const BEAUTY: &[(f32, &str)] = &[
    (
        2.0,
        "serum|moisturizer|moisturiser|cream|face cream|night cream|eye cream|sunscreen|sunblock|spf|lipstick|lip gloss|gloss|lip oil|foundation|mascara|eyeshadow|eye shadow|makeup|make up|cosmetics|perfume|parfum|fragrance|cologne|eau de toilette|eau de parfum|shampoo|conditioner|hair oil|hair dryer|blow dryer|cleanser|face wash|face mask|clay mask|skincare|skin care|retinol|vitamin c|hyaluronic|acne|wrinkles|oily skin|dry skin|sensitive skin|curls|frizz|nail polish|beauty|blush|concealer|primer|eyeliner|eyebrow|lip|lips|skin|hair|toner|exfoliant|scrub|lotion|body lotion|deodorant|nails|manicure|bronzer|highlighter|lip balm|anti aging",
    ),
    (
        2.0,
        "hidratante|creme|creme facial|creme de noite|protetor solar|batom|brilho labial|gloss labial|base liquida|base de maquiagem|rimel|mascara de cilios|sombra|paleta de sombras|maquiagem|cosmeticos|fragrancia|colonia|xampu|condicionador|oleo capilar|oleo de argan|secador|secador de cabelo|limpador facial|sabonete facial|mascara facial|cuidados com a pele|skincare|acido hialuronico|vitamina c|rugas|pele|pele oleosa|pele seca|cabelo|cabelos|cachos|unhas|esmalte|beleza|corretivo|delineador|sobrancelha|labios|tonico|esfoliante|desodorante|manchas|espinhas|olheiras|cacheado",
    ),
    (
        2.0,
        "crema|crema hidratante|crema de noche|protector solar|bloqueador|bloqueador solar|labial|pintalabios|brillo labial|base de maquillaje|maquillaje|rimel|sombra de ojos|paleta de sombras|cosmeticos|fragancia|champu|acondicionador|aceite para el cabello|aceite de argan|secador de pelo|limpiador facial|mascarilla|cuidado de la piel|acido hialuronico|arrugas|piel|piel grasa|piel seca|cabello|pelo|rizos|esmalte de unas|unas de gel|unas postizas|manicura|pedicura|belleza|rubor|corrector|delineador|ceja|cejas|tonico|exfoliante|manchas|granos|ojeras|rizado",
    ),
    (
        1.0,
        "oil|oleo|aceite|mask|dryer|argan|matte|mate|nude|shade|tono|glow|brilho|brillo|natural look|fair|ml|face|rosto|rostro|eyes|olhos|ojos|scent|cheiro|aroma|smell|women fragrance|gift for her|presente para ela|regalo para ella|base|lash|cilios|pestanas|damaged hair|cabelo danificado|cabello danado|dryness|ressecado|reseco",
    ),
];

const GAMING: &[(f32, &str)] = &[
    (
        2.5,
        "gamer|gaming|videogame|video game|videogames|videojuego|console|consola|ps5|ps4|playstation|xbox|nintendo|joystick|gamepad|controller|controle de videogame|mando|game|jogo|juego|rpg|fps|mmo|steam|esports|e sports|headset gamer|fone gamer|auriculares gamer|gaming headset|gaming mouse|mouse gamer|raton gamer|teclado gamer|teclado mecanico|mechanical keyboard|rgb|mousepad|mouse pad|gaming chair|cadeira gamer|silla gamer|pc gamer|monitor gamer|notebook gamer|laptop gamer|gift card|cartao presente|tarjeta de regalo|arcade|handheld|dualsense|multiplayer|twitch|streamer|retro console|consola retro|jogos de corrida|juegos de carreras|racing game|shooter|fortnite|minecraft|fifa|call of duty|zelda|mario|pokemon|gta|valorant|league of legends|switch|game pass|psn",
    ),
    (
        1.5,
        "controle|control|jogar|jugar|play|playing|gameplay|latency|low latency|baixa latencia|baja latencia|7 1|surround|headset|keyboard|teclado|stream|streaming|joguinho|jueguito|partida|ranked|fps alto|cartucho|cartridge|charging dock|base de carregamento|base de carga|mouse|raton|dpi|switches|tkl|cadeira ergonomica|silla ergonomica|ergonomic chair|voucher|creditos",
    ),
    (
        1.0,
        "puzzle|quebra cabeca|rompecabezas|racing|corrida de carros|carreras|sports game|futebol|futbol|soccer|football|adventure|aventura|dragon|kart|mando inalambrico|controle sem fio|wireless controller|pc|neon|digital edition|edicao digital|edicion digital|1tb|disc|disco",
    ),
];

/// Tables `build.rs` precomputes from `lang/data/vocabulary.txt`, so a
/// fresh wasm instance (one per turn) does not parse and stem the
/// vocabulary again: `STEMMED_TRANSLATIONS`, `FIRST_WORDS`,
/// `CATALOG_WORDS`.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/vocabulary_tables.rs"));
}

/// Whether `token` (normalised) is one of the catalog's English words that
/// [`translations`] maps customer words to ("candle", "pillow").
pub fn is_catalog_word(token: &str) -> bool {
    generated::CATALOG_WORDS.binary_search(&token).is_ok()
}

/// Customer words (en/pt/es, synonyms) and the catalog's English words for
/// them, used by [`expand_query`] and the brand index: the store's one
/// vocabulary (`lang/data/vocabulary.txt`, the host's query parser reads
/// the same file), as [`agent_store_lang::query::translations`].
pub fn translations() -> &'static [(String, String)] {
    agent_store_lang::query::translations()
}

/// [`translations`] with the customer words stemmed (at build time): (terms, English).
pub(crate) fn stemmed_translations() -> &'static [(Vec<String>, &'static str)] {
    use std::sync::OnceLock;
    static STEMMED: OnceLock<Vec<(Vec<String>, &'static str)>> = OnceLock::new();
    STEMMED.get_or_init(|| {
        generated::STEMMED_TRANSLATIONS
            .iter()
            .map(|(from, to)| (from.iter().map(|t| (*t).to_owned()).collect(), *to))
            .collect()
    })
}

fn split_terms(phrase: &str) -> Vec<String> {
    text::terms(phrase)
}

/// Brand scores for `message`, best first, only brands with a positive
/// score. Each lexicon term counts once (typo matches count 0.75).
pub fn brand_scores(message: &str) -> Vec<(&'static str, f32)> {
    scores_with(BRANDS, &text::terms(message))
}

/// [`brand_scores`] over any lexicons and already-stemmed terms.
pub fn scores_with(lexicons: &[BrandLexicon], hay: &[String]) -> Vec<(&'static str, f32)> {
    let mut out: Vec<(&'static str, f32)> = Vec::new();
    if hay.is_empty() {
        return out;
    }
    for lex in lexicons {
        let mut seen: Vec<Vec<String>> = Vec::new();
        let mut score = 0.0;
        for (w, terms) in lex.tiers {
            for phrase in terms.split('|') {
                let p = split_terms(phrase);
                // A one-word term that stems to a stopword ("unas" = nails
                // and the article "unas") would fire on every sentence.
                let stop = p.len() == 1 && text::is_stopword(&p[0]);
                if p.is_empty() || stop || seen.contains(&p) {
                    continue;
                }
                let m = text::phrase_match(hay, &p);
                if m > 0.0 {
                    // multi-word terms are more specific
                    let bonus = 1.0 + 0.25 * (p.len() as f32 - 1.0);
                    score += w * m * bonus;
                    seen.push(p);
                }
            }
        }
        if score > 0.0 {
            out.push((lex.brand, score));
        }
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// Which entries of [`stemmed_translations`] `hay` (stemmed terms) says,
/// by index. Exact words first: a typo match counts only where no exact
/// key claimed the word ("calça" is "calca", not a typo of "calza").
pub(crate) fn matched_translations(hay: &[String]) -> Vec<usize> {
    matched_translations_with(hay, |_| false)
}

/// [`matched_translations`] where a word `known` says is a word of its
/// own (the store's dictionary has it: "prata" is silver) is never read
/// as a typo of a key ("prato").
pub(crate) fn matched_translations_with(
    hay: &[String],
    known: impl Fn(&str) -> bool,
) -> Vec<usize> {
    let table = stemmed_translations();
    let mut out = Vec::new();
    let mut exact = Vec::new();
    let mut fuzzy = Vec::new();
    for i in translation_candidates(hay) {
        let from = &table[i].0;
        let m = text::phrase_match(hay, from);
        if m >= 1.0 {
            exact.push(i);
        } else if m > 0.0 {
            fuzzy.push(i);
        }
    }
    // Longest phrases first: "sem fio" claims "fio" before "fios" (hair).
    exact.sort_by_key(|&i| std::cmp::Reverse(table[i].0.len()));
    let mut claimed: Vec<&str> = Vec::new();
    for i in exact {
        let from = &table[i].0;
        if from.len() == 1 && claimed.contains(&from[0].as_str()) {
            continue;
        }
        out.push(i);
        claimed.extend(from.iter().map(String::as_str));
    }
    for i in fuzzy {
        let unclaimed = table[i].0.iter().all(|t| {
            hay.contains(t)
                || hay
                    .iter()
                    .any(|h| !claimed.contains(&h.as_str()) && !known(h) && text::fuzzy_eq(h, t))
        });
        if unclaimed {
            out.push(i);
        }
    }
    out.sort_unstable();
    out
}

/// The entries of [`stemmed_translations`] whose first word `hay` has,
/// exactly or one typo away, ascending: the only ones
/// [`matched_translations`] needs to compare, found through an index of
/// first words and their one-letter deletions, so a message costs a few
/// lookups however large the vocabulary.
fn translation_candidates(hay: &[String]) -> Vec<usize> {
    let first = |k: &str| -> &'static [u32] {
        generated::FIRST_WORDS
            .binary_search_by(|(w, _)| (*w).cmp(k))
            .map_or(&[], |i| generated::FIRST_WORDS[i].1)
    };
    let mut out: Vec<usize> = Vec::new();
    for h in hay {
        let fuzzy = typo_eligible(h);
        let keys = std::iter::once(h.clone())
            .chain(fuzzy.then(|| index::deletions(h)).into_iter().flatten());
        for k in keys {
            out.extend(first(&k).iter().map(|&i| i as usize));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a word may match with one typo ([`text::fuzzy_eq`]).
fn typo_eligible(w: &str) -> bool {
    w.chars().count() >= text::FUZZY_MIN_LEN && !w.bytes().any(|c| c.is_ascii_digit())
}

/// The catalog's English words for the Portuguese, Spanish or synonym
/// product words in `message` (space-separated, deduplicated; empty when
/// none). Append it to a search text.
pub fn expand_query(message: &str) -> String {
    let hay = text::terms(message);
    let mut words: Vec<String> = Vec::new();
    let table = stemmed_translations();
    for i in matched_translations(&hay) {
        for w in table[i].1.split(' ') {
            if !words.iter().any(|x| x == w) && !hay.contains(&text::stem(w)) {
                words.push(w.to_owned());
            }
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(s: &str) -> &'static str {
        brand_scores(s).first().map(|x| x.0).unwrap_or("none")
    }

    #[test]
    fn routes_obvious_words() {
        assert_eq!(top("I need a new laptop for work"), "tech");
        assert_eq!(top("quero um fone de ouvido"), "tech");
        assert_eq!(top("busco auriculares inalámbricos"), "tech");
        assert_eq!(top("fone gamer com rgb"), "gaming");
        assert_eq!(top("zapatillas para correr"), "fashion");
        assert_eq!(top("um batom vermelho"), "beauty");
        assert_eq!(top("alfombra para la sala"), "home");
        assert_eq!(top("labtop"), "tech");
        assert_eq!(top("hello"), "none");
    }

    /// The tables `build.rs` generated are what parsing and stemming the
    /// vocabulary at run time builds (the code the build script replaced).
    #[test]
    fn generated_tables_match_runtime() {
        use std::collections::{HashMap, HashSet};
        let mut seen = HashSet::new();
        let runtime: Vec<(Vec<String>, &str)> = translations()
            .iter()
            .map(|(from, to)| (text::terms(from), to.as_str()))
            .filter(|(from, _)| !from.is_empty() && seen.insert(from.clone()))
            .collect();
        assert!(runtime.len() > 100, "vocabulary loaded");
        assert_eq!(stemmed_translations(), runtime.as_slice());

        let mut first: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, (from, _)) in runtime.iter().enumerate() {
            let w = &from[0];
            first.entry(w.clone()).or_default().push(i as u32);
            if w.chars().count() >= text::FUZZY_MIN_LEN {
                for d in index::deletions(w) {
                    first.entry(d).or_default().push(i as u32);
                }
            }
        }
        let generated: HashMap<String, Vec<u32>> = generated::FIRST_WORDS
            .iter()
            .map(|(k, ids)| ((*k).to_owned(), ids.to_vec()))
            .collect();
        assert_eq!(generated.len(), generated::FIRST_WORDS.len(), "unique keys");
        assert_eq!(generated, first);
        assert!(generated::FIRST_WORDS.windows(2).all(|w| w[0].0 < w[1].0));

        let words: HashSet<String> = translations()
            .iter()
            .flat_map(|(_, en)| text::tokenize(en))
            .collect();
        let table: HashSet<String> = generated::CATALOG_WORDS
            .iter()
            .map(|w| (*w).to_owned())
            .collect();
        assert_eq!(table, words);
        assert!(generated::CATALOG_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn expands() {
        assert!(expand_query("quero um notebook").starts_with("laptop"));
        // One vocabulary with the host: "calça" is pants or jeans.
        assert_eq!(expand_query("uma calça"), "pants jeans");
        assert!(expand_query("fone de ouvido bluetooth").contains("headphones"));
        // English words add only their catalog synonyms, never themselves.
        assert!(!expand_query("laptop").contains("laptop"));
    }
}
