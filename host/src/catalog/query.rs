//! Understanding the customer's words (English, Brazilian Portuguese,
//! Spanish): price bounds, colours, sizes, gender, "cheap"/"premium"
//! intents, stopwords, a synonym/translation table onto the catalog's
//! English vocabulary, light stemming and typo correction.
//!
//! The output is a [`ParsedQuery`]: weighted *concepts* (each one customer
//! word or phrase with its English expansions) plus constraints. The index
//! turns concepts into tantivy queries and scores concept coverage.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Lower-case and strip Portuguese/Spanish diacritics.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'º' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ª' => 'a',
            '’' | '`' | '´' => '\'',
            other => other,
        };
        out.push(m);
    }
    out
}

/// Who a product is for, as the customer said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    /// Parse a gender value (feed or query): female/male in en/pt/es.
    pub fn parse(s: &str) -> Option<Gender> {
        match LEXICON
            .singles
            .get(fold(s.trim()).as_str())
            .map(|&i| &LEXICON.entries[i])
        {
            Some(Kind::Female) => Some(Gender::Female),
            Some(Kind::Male) => Some(Gender::Male),
            _ => match fold(s.trim()).as_str() {
                "female" | "f" => Some(Gender::Female),
                "male" | "m" => Some(Gender::Male),
                _ => None,
            },
        }
    }

    /// Whether a product with feed gender `product` suits this gender:
    /// unisex and ungendered products suit everyone.
    pub fn accepts(self, product: Option<&str>) -> bool {
        match product.map(|p| p.trim().to_ascii_lowercase()) {
            None => true,
            Some(p) => match self {
                Gender::Female => p != "male",
                Gender::Male => p != "female",
            },
        }
    }
}

/// Price ordering intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PriceIntent {
    #[default]
    None,
    /// "cheap", "barato", "económico": favour low prices.
    Cheap,
    /// "premium", "the best", "top de linha": favour high prices.
    Premium,
}

/// One alternative way a concept can appear in a product: all `words`
/// present (English surface words, analysed by the index), worth `weight`.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub words: Vec<String>,
    pub weight: f32,
}

/// One thing the customer asked for ("tênis", "wireless", "Nova").
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// The customer's word(s), folded.
    pub source: String,
    /// How much this concept matters relative to the others.
    pub weight: f32,
    pub expansions: Vec<Expansion>,
    /// Whether the concept is a known product word (from the synonym table
    /// or the catalog vocabulary) rather than an unknown word.
    pub known: bool,
}

/// The structured reading of a customer's message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedQuery {
    pub concepts: Vec<Concept>,
    /// Price bounds in major units of the product's currency.
    pub min_price: Option<f64>,
    pub max_price: Option<f64>,
    /// The currency the customer mentioned, if any (ISO code).
    pub currency_hint: Option<&'static str>,
    /// Canonical colour (English catalog family), e.g. "black".
    pub color: Option<String>,
    pub size: Option<String>,
    pub gender: Option<Gender>,
    pub price_intent: PriceIntent,
    pub on_sale: bool,
    pub in_stock: bool,
}

// ---------------------------------------------------------------------------
// Lexicon

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// Expansions ("word+word:weight ...") and the concept weight.
    Concept(&'static str, f32),
    Colour(&'static str),
    Female,
    Male,
    Cheap,
    Premium,
    OnSale,
    InStock,
    Stop,
}

/// Keys are folded, `|`-separated; a key with spaces is a phrase.
#[rustfmt::skip]
static TABLE: &[(&str, Kind)] = &[
    // --- Shoes
    ("tenis|tennis|sapatenis|zapatilla|zapatillas|sneaker|sneakers|trainer|trainers|deportiva|deportivas|kicks|tenis casual", Kind::Concept("sneakers shoes:0.85", 1.0)),
    ("sapato|sapatos|zapato|zapatos|calcado|calcados|calzado|shoe|shoes|footwear|sapatilha|sapatilhas", Kind::Concept("shoes sneakers:0.8 boots:0.7", 1.0)),
    ("bota|botas|botin|botines|botina|botinha|coturno|boot|boots|chelsea", Kind::Concept("boots", 1.0)),
    ("corrida|correr|running|run|runner|runners|jogging|corredor|corredora|maraton|maratona|trote|caminhada|caminar", Kind::Concept("running racing:0.6", 0.8)),
    ("trail|trilha|trilhas|sendero|montanha|montana|hiking|hike|senderismo|outdoor|aire libre|ar livre", Kind::Concept("trail outdoor", 0.6)),
    // --- Clothing
    ("vestido|vestidos|dress|dresses|gown|vestidinho", Kind::Concept("dress gown:0.9", 1.0)),
    ("gala|evening|formal|casamento|boda|wedding|festa|fiesta|party|balada|noche de fiesta|formatura|graduacion", Kind::Concept("party formal evening", 0.5)),
    ("floral|flores|florido|florida", Kind::Concept("floral", 0.6)),
    ("jeans|jean|calca jeans|calcas jeans|vaquero|vaqueros|denim|mezclilla|pantalon de mezclilla", Kind::Concept("jeans denim:0.8", 1.0)),
    ("pants|trousers|calca|calcas|pantalon|pantalones|bottoms", Kind::Concept("pants jeans:0.9 leggings:0.8", 1.0)),
    ("jaqueta|jaquetas|chaqueta|chaquetas|casaco|casacos|abrigo|abrigos|campera|camperas|chamarra|jacket|jackets|coat|coats|parka|puffer|anorak|chaqueton|plumifero|corta vento|cortavientos|jaqueta jeans", Kind::Concept("jacket", 1.0)),
    ("camiseta|camisetas|camisa|camisas|remera|remeras|playera|playeras|polera|tshirt|t-shirt|t shirt|tee|tees|shirt|shirts|blusa|blusas|camisetinha", Kind::Concept("shirt", 1.0)),
    ("sueter|sueteres|sweater|sweaters|jersey|pullover|jumper|cardigan|buzo|buzos|trico|tricot|malha|moletom|sudadera|hoodie|agasalho|blusa de frio|blusa de la|sueter de la", Kind::Concept("sweater", 1.0)),
    ("legging|leggings|calza|calzas|mallas|yoga|mallas deportivas|calca legging", Kind::Concept("leggings yoga:0.9 activewear:0.8", 1.0)),
    ("academia|gym|ginasio|gimnasio|fitness|treino|treinar|entrenamiento|entrenar|workout|activewear|deporte|deportes|esporte|esportes|sport|sports|deportivo|esportivo|esportiva", Kind::Concept("sport gym:0.9 activewear:0.9 yoga:0.7 running:0.6 fitness:0.8", 0.6)),
    ("biquini|bikini|bikinis|maio|traje de bano|banador|swimsuit|swimwear|sunga|malla de bano|vestido de bano|roupa de banho|ropa de bano", Kind::Concept("bikini swimwear", 1.0)),
    ("praia|playa|beach|piscina|pool", Kind::Concept("beach swimwear:0.8 summer:0.7", 0.6)),
    ("bolsa|bolsas|bolso|bolsos|cartera|carteras|mochila|mochilas|mala|malas|maleta|bag|bags|purse|handbag|tote|backpack|bagagem|equipaje|duffel|pochete|rinonera|crossbody|tiracolo|bandolera|bolsa de viagem", Kind::Concept("bag duffel:0.9", 1.0)),
    ("relogio|relogios|reloj|relojes|watch|watches|wristwatch", Kind::Concept("watch smartwatch:0.6", 1.0)),
    ("oculos|gafas|lentes|anteojos|sunglasses|shades|oculos de sol|gafas de sol|lentes de sol|lentes oscuros|oculos escuros", Kind::Concept("sunglasses", 1.0)),
    ("cachecol|cachecois|bufanda|bufandas|echarpe|scarf|scarves|lenco|panuelo|pashmina", Kind::Concept("scarf", 1.0)),
    ("roupa|roupas|ropa|clothes|clothing|vestuario|outfit|moda|fashion", Kind::Concept("clothing fashion:0.8", 0.4)),
    // --- Phones & tech
    ("celular|celulares|telefone|telefono|telefonos|movil|moviles|smartphone|smartphones|phone|phones|cellphone|mobile|iphone|android|telemovel|cel|smartfone", Kind::Concept("smartphone phone:0.9", 1.0)),
    ("capa|capas|capinha|capinhas|funda|fundas|carcasa|carcasas|case|cases|cover|capa de celular|funda de celular|capa protetora", Kind::Concept("case shockproof:0.8", 1.0)),
    ("pelicula|peliculas|protetor de tela|protector de pantalla|mica|vidrio templado|vidro temperado|screen protector|tempered glass|pelicula de vidro|protector pantalla", Kind::Concept("screen+protector tempered+glass:0.95", 1.0)),
    ("notebook|notebooks|laptop|laptops|ultrabook|ultrabooks|macbook|netbook|chromebook|computador portatil|pc portatil", Kind::Concept("laptop ultrabook", 1.0)),
    ("portatil|portateis|portatiles", Kind::Concept("laptop portable:0.95", 0.9)),
    ("portable|portables", Kind::Concept("portable", 0.7)),
    ("computador|computadora|computadores|computadoras|ordenador|ordenadores|computer|computers|desktop", Kind::Concept("laptop computer:0.9 pc:0.8", 1.0)),
    ("pc", Kind::Concept("pc laptop:0.7", 0.8)),
    ("fone|fones|fone de ouvido|fones de ouvido|auricular|auriculares|audifono|audifonos|cascos|headphone|headphones|earphone|earphones|fone de cabeca|over ear", Kind::Concept("headphones earbuds:0.85 headset:0.8", 1.0)),
    ("earbud|earbuds|airpods|intra auricular|in ear|fone intra|fone sem fio|tws|buds", Kind::Concept("earbuds headphones:0.8", 1.0)),
    ("headset|headsets|headset gamer|fone gamer|auriculares gamer|diadema|audifonos gamer|cascos gaming", Kind::Concept("headset headphones:0.7", 1.0)),
    ("caixa de som|caixinha de som|caixas de som|caixinha|altavoz|altavoces|parlante|parlantes|bocina|bocinas|speaker|speakers|bafle|som portatil|sonido|musica|music", Kind::Concept("speaker", 1.0)),
    ("carregador|carregadores|cargador|cargadores|charger|chargers|fonte de carregamento|adaptador|carga rapida|carregamento", Kind::Concept("charger charging:0.9", 1.0)),
    ("powerbank|power bank|bateria externa|carregador portatil|cargador portatil|bateria portatil|bateria|baterias|battery", Kind::Concept("power+bank battery:0.8", 1.0)),
    ("smartwatch|smartwatches|relogio inteligente|reloj inteligente|smart watch|pulseira inteligente|smartband|fitness tracker|reloj deportivo|relogio esportivo|relogio fitness", Kind::Concept("smartwatch", 1.0)),
    ("camera|cameras|camara|camaras|maquina fotografica|fotografia|foto|fotos|gopro|mirrorless|camara de fotos|filmadora|videocamara", Kind::Concept("camera", 1.0)),
    ("roteador|roteadores|router|routers|enrutador|wifi|wi-fi|internet|rede|modem|repetidor|repeater|extensor", Kind::Concept("router wifi", 1.0)),
    ("tablet|tablets|tableta|tabletas|ipad|tab", Kind::Concept("tablet", 1.0)),
    ("monitor|monitores|monitors|pantalla|pantallas|tela|telas|display|screen|screens", Kind::Concept("monitor screen:0.5", 1.0)),
    ("mouse|mouses|raton|ratones|rato|mice", Kind::Concept("mouse mice", 1.0)),
    ("teclado|teclados|keyboard|keyboards", Kind::Concept("keyboard", 1.0)),
    ("mousepad|mouse pad|alfombrilla|tapete de mouse|tapete mouse|pad|desk pad|mouse mat", Kind::Concept("mouse+pad pad:0.9", 1.0)),
    ("ergonomico|ergonomica|ergonomic", Kind::Concept("ergonomic", 0.6)),
    ("mecanico|mecanica|mechanical", Kind::Concept("mechanical", 0.7)),
    ("sem fio|sem fios|inalambrico|inalambricos|inalambrica|inalambricas|wireless|bluetooth|sin cables|sin cable|cordless|sin hilos", Kind::Concept("wireless bluetooth:0.9", 0.6)),
    ("cancelamento de ruido|cancelacion de ruido|noise cancelling|noise canceling|anc|ruido|noise", Kind::Concept("anc noise:0.9", 0.7)),
    ("impermeavel|impermeable|waterproof|a prova d'agua|a prova de agua|resistente al agua|water resistant|contra agua", Kind::Concept("waterproof water-repellent:0.8", 0.6)),
    ("4k|uhd|ultra hd", Kind::Concept("4k", 0.7)),
    ("rgb|led", Kind::Concept("rgb", 0.6)),
    ("tecnologia|technology|tech|eletronico|eletronicos|electronico|electronicos|electronics|gadget|gadgets", Kind::Concept("tech electronics:0.8", 0.4)),
    // --- Gaming
    ("console|consoles|consola|consolas|videogame|videogames|video game|video games|videoconsola", Kind::Concept("console", 1.0)),
    ("playstation|xbox|nintendo|ps5|ps4|ps|switch|sega", Kind::Concept("console", 0.6)),
    ("controle|controles|control|controles de juego|mando|mandos|joystick|joysticks|gamepad|controller|controllers|manete|controlador|controle de videogame", Kind::Concept("controller", 1.0)),
    ("jogo|jogos|juego|juegos|game|games|videojuego|videojuegos|jueguito|joguinho", Kind::Concept("games game", 1.0)),
    ("gamer|gamers|gaming|jogar|jugar", Kind::Concept("gaming game:0.6 pc:0.4", 0.6)),
    ("dock|base de carga|base carregadora|estacion de carga|charging dock|suporte de carga|carregador de controle|cargador de mando", Kind::Concept("dock charging", 1.0)),
    ("rpg|rol|aventura|aventuras|adventure|fantasia|fantasy|dragao|dragon|dragoes|mundo aberto|open world", Kind::Concept("rpg fantasy", 0.8)),
    ("carreras|racing|kart|carro|carros|coche|coches|car|cars|auto|autos|corridas", Kind::Concept("racing kart:0.8", 0.8)),
    ("futebol|futbol|soccer|football|fifa|gol", Kind::Concept("sports goal:0.9", 0.8)),
    ("tiro|tiros|disparos|shooter|guerra|war|militar|shooting|acao|accion|action|fps", Kind::Concept("shooter spf:0.9", 0.8)),
    ("quebra-cabeca|quebra cabeca|quebra cabecas|rompecabezas|puzzle|puzzles|puzle|logica", Kind::Concept("puzzle", 0.9)),
    ("infantil|infantis|crianca|criancas|nino|ninos|kid|kids|child|children|familia|family|familiar", Kind::Concept("kids family", 0.5)),
    ("gift card|cartao presente|cartao de presente|vale presente|vale-presente|tarjeta de regalo|giftcard|vale regalo|tarjeta regalo|credito|credit|voucher", Kind::Concept("gift+card", 1.0)),
    ("retro|classico|clasico|vintage|classic|antigo", Kind::Concept("retro classic:0.8", 0.6)),
    ("cadeira gamer|silla gamer|cadeira gaming|silla gaming|gaming chair|cadeira de gamer|silla para gamer|cadeira para jogar", Kind::Concept("gaming+chair", 1.0)),
    // --- Home
    ("sofa|sofas|couch|couches|loveseat|settee|sillon|sillones|estofado|divan|canape|sofa cama|namoradeira", Kind::Concept("sofa loveseat", 1.0)),
    ("almofada|almofadas|cojin|cojines|cushion|cushions|capa de almofada|funda de cojin|throw pillow|pillow cover|almofadao", Kind::Concept("cushion", 1.0)),
    ("luminaria|luminarias|lampada|lampadas|abajur|abajures|lampara|lamparas|lamp|lamps|luz|luces|lighting|iluminacao|iluminacion|lustre|candeeiro|velador|pendente", Kind::Concept("lamp lighting:0.8", 1.0)),
    ("chao|piso|suelo|floor|de pe|de pie", Kind::Concept("floor", 0.5)),
    ("mesa|mesas|table|tables|mesita|escrivaninha|desk", Kind::Concept("table desk:0.8", 1.0)),
    ("cadeira|cadeiras|silla|sillas|chair|chairs|banqueta|stool", Kind::Concept("chair", 1.0)),
    ("jantar|comedor|dining|cena|refeicao|refeicoes", Kind::Concept("dining", 0.6)),
    ("tapete|tapetes|alfombra|alfombras|rug|rugs|carpet|passadeira|capacho|felpudo", Kind::Concept("rug runner:0.8", 1.0)),
    ("panela|panelas|olla|ollas|cacerola|cacerolas|caldero|cookware|pot|pots|cacarola|cocotte|dutch oven|forno|horno|oven|cacarola de ferro|panela de ferro", Kind::Concept("cookware oven:0.8 pot:0.8", 1.0)),
    ("frigideira|frigideiras|sarten|sartenes|paila|pan|pans|frying pan|skillet", Kind::Concept("frying+pan cookware:0.8", 1.0)),
    ("faca|facas|cuchillo|cuchillos|knife|knives|cuchilla|faca de chef|cuchillo de chef", Kind::Concept("knife chef:0.8", 1.0)),
    ("lencol|lencois|sabana|sabanas|sheet|sheets|jogo de cama|roupa de cama|ropa de cama|juego de sabanas|juego de cama|bedding|jogo de lencol", Kind::Concept("sheet bedding:0.8", 1.0)),
    ("edredom|edredons|edredon|edredones|duvet|duvets|comforter|acolchoado|cobertor|cobertores|manta|mantas|frazada|cobija|cobijas|plumon|quilt", Kind::Concept("duvet", 1.0)),
    ("travesseiro|travesseiros|almohada|almohadas|pillow|pillows", Kind::Concept("pillow", 1.0)),
    ("cama|camas|bed|beds|dormir|sleep|sono|sueno", Kind::Concept("bedroom bedding:0.9 sheet:0.8 duvet:0.8 pillow:0.8", 0.6)),
    ("caixa|caixas|caja|cajas|box|boxes|caixa organizadora|caja organizadora|storage|armazenamento|almacenamiento|guardar|guarda", Kind::Concept("storage box:0.9", 1.0)),
    ("organizador|organizadores|organizadora|organizer|organizers|organizacao|organizacion|organization|organizar|gaveta|gavetas|cajon|cajones|drawer", Kind::Concept("organizer organization:0.9 drawer:0.8", 1.0)),
    ("vaso|vasos|maceta|macetas|matera|materas|macetero|planter|planters|plant pot|plant pots|vasinho|jardineira|jardinera|vaso de planta|vasos de planta|flowerpot", Kind::Concept("planter plant+pot pot:0.7", 1.0)),
    ("planta|plantas|plant|plants|jardim|jardin|garden|horta|jardinagem|jardineria", Kind::Concept("plants garden plant:0.9", 0.6)),
    ("espelho|espelhos|espejo|espejos|mirror|mirrors", Kind::Concept("mirror", 1.0)),
    ("vela|velas|candle|candles|vela aromatica|velas aromaticas|aromatizador", Kind::Concept("candle scented:0.8", 1.0)),
    ("sala|living|sala de estar|living room|salon|sala de tv", Kind::Concept("living+room", 0.5)),
    ("quarto|dormitorio|recamara|habitacion|bedroom|cuarto", Kind::Concept("bedroom", 0.5)),
    ("cozinha|cocina|kitchen|cozinhar|cocinar|cooking|cook|culinaria", Kind::Concept("kitchen cookware:0.6", 0.6)),
    ("decoracao|decoracion|decor|decoration|enfeite|adorno|adornos|decorar|decorativo", Kind::Concept("decor", 0.6)),
    ("casa|hogar|home|lar|apartamento|apartment|depto", Kind::Concept("home", 0.3)),
    ("moveis|movel|muebles|mueble|furniture", Kind::Concept("furniture", 0.8)),
    // --- Beauty
    ("serum|serums|soro|sueros|suero", Kind::Concept("serum", 1.0)),
    ("hidratante|hidratantes|moisturizer|moisturizers|moisturiser|crema hidratante|creme hidratante|humectante|hidratacao|hidratacion|moisturizing|hydrating|hydration|hidratar", Kind::Concept("moisturizer hydrating:0.9 cream:0.7", 1.0)),
    ("creme|cremes|crema|cremas|cream|creams", Kind::Concept("cream moisturizer:0.7", 0.9)),
    ("com cor|con color|tinted|colorido|tonalizante|tintado|con tono", Kind::Concept("tinted", 0.8)),
    ("protetor solar|protector solar|bloqueador|bloqueador solar|filtro solar|sunscreen|sunblock|solar|sol|protetor|spf|fator de protecao", Kind::Concept("sunscreen spf:0.9", 1.0)),
    ("batom|batons|labial|labiales|lapiz labial|pintalabios|lipstick|lipsticks|barra de labios|batom matte", Kind::Concept("lipstick lip:0.7", 1.0)),
    ("gloss|brilho labial|brillo labial|lip gloss|lip oil|oleo labial|aceite de labios|brillo|brilho", Kind::Concept("gloss lip+oil lip:0.7", 1.0)),
    ("labio|labios|boca|lip|lips", Kind::Concept("lip lipstick:0.9", 0.8)),
    ("base|bases|base liquida|foundation|base de maquiagem|base de maquillaje", Kind::Concept("foundation", 1.0)),
    ("rimel|rimmel|mascara de cilios|mascara de pestanas|mascara para cilios|cilios|pestanas|eyelash|eyelashes|lashes", Kind::Concept("mascara", 1.0)),
    ("mascara|mascaras", Kind::Concept("mascara mask:0.85", 1.0)),
    ("mascara facial|mascarilla|mascarillas|mascara de argila|mascarilla de arcilla|mask|masks|face mask|argila|arcilla|clay", Kind::Concept("mask clay:0.9", 1.0)),
    ("sombra|sombras|paleta|paletas|eyeshadow|eyeshadows|sombra de olhos|sombra de ojos|palette|olhos|ojos|eye|eyes", Kind::Concept("eyeshadow palette:0.9", 1.0)),
    ("maquiagem|maquiagens|maquillaje|maquillajes|makeup|make-up|make up|make|maquiaje|maquillage|cosmetico|cosmeticos|cosmetics|maquilhagem|maquillarse|maquiar", Kind::Concept("makeup", 1.0)),
    ("perfume|perfumes|fragancia|fragancias|fragrancia|colonia|colonias|cologne|parfum|fragrance|fragrances|eau de parfum|eau de toilette|agua de colonia|cheiro|cheiroso|cheirosa|scent|perfumaria|perfumeria|colonia masculina", Kind::Concept("fragrance parfum:0.9 toilette:0.9", 1.0)),
    ("shampoo|shampoos|xampu|champu|champo|shampu|xampoo", Kind::Concept("shampoo", 1.0)),
    ("condicionador|acondicionador|conditioner|mascara capilar|tratamento|tratamiento|treatment|treatments", Kind::Concept("treatments hair:0.6 oil:0.6 repair:0.6", 1.0)),
    ("cabelo|cabelos|cabello|cabellos|pelo|hair|capilar|capilares|fios", Kind::Concept("hair", 0.7)),
    ("cacho|cachos|cacheado|cacheada|cacheados|rizo|rizos|rizado|rizada|rizados|crespo|crespos|ondulado|curl|curly|curls|cachinhos", Kind::Concept("curl curly", 0.8)),
    ("danificado|danificados|danado|danados|damaged|quebradico|reparacao|reparacion|repair", Kind::Concept("damaged repair", 0.7)),
    ("oleo|oleos|aceite|aceites|oil|oils", Kind::Concept("oil", 0.8)),
    ("argan|argania", Kind::Concept("argan", 0.8)),
    ("secador|secadores|secadora|secadoras|hair dryer|dryer|blow dryer|secador de cabelo|secador de pelo|secadora de pelo|secador de cabello", Kind::Concept("dryer", 1.0)),
    ("limpador|limpiador|limpiadores|cleanser|cleansers|sabonete facial|sabonete|jabon|jabon facial|gel de limpeza|espuma de limpeza|espuma limpiadora|cleansing|limpeza|limpieza|face wash|facial wash|lavar o rosto", Kind::Concept("cleanser cleansing:0.9 foaming:0.8", 1.0)),
    ("pele|peles|piel|skin|skincare|skin care|rosto|rostro|face|facial|cutis|cuidados com a pele|cuidado de la piel|cuidado facial", Kind::Concept("skin skincare:0.9", 0.6)),
    ("antirrugas|antiarrugas|anti-idade|anti idade|antienvelhecimento|antiedad|anti edad|rugas|arrugas|wrinkle|wrinkles|antiaging|anti-aging|anti aging|envelhecimento|envejecimiento|retinol|linhas finas|lineas de expresion|fine lines", Kind::Concept("anti-aging retinol lines:0.8", 0.8)),
    ("oleosa|oleosas|oleoso|grasa|graso|grasosa|oily|acne|espinha|espinhas|espinillas|granos|poros", Kind::Concept("oily", 0.8)),
    ("seca|secas|seco|dry|ressecada|ressecado|reseca|reseco|ressecamento", Kind::Concept("dry", 0.6)),
    ("vitamina|vitamin|vitamina c|vitamin c", Kind::Concept("vitamin", 0.8)),
    ("acido hialuronico|hialuronico|hyaluronic|hyaluronic acid", Kind::Concept("hyaluronic", 0.9)),
    ("clareador|clareadora|iluminador|brightening|manchas|aclarante|luminosidade|luminosidad|glow|brilho da pele", Kind::Concept("brightening", 0.7)),
    ("sensivel|sensiveis|sensible|sensibles|sensitive|suave|gentle|delicada", Kind::Concept("sensitive gentle:0.9", 0.6)),
    ("beleza|belleza|beauty|cuidado pessoal|cuidado personal|autocuidado|self care", Kind::Concept("beauty", 0.4)),
    // --- General modifiers
    ("presente|presentes|regalo|regalos|gift|gifts|lembrancinha|lembranca|mimo|detalle|obsequio|presentear|regalar|surpresa|sorpresa|aniversario|cumpleanos|birthday|natal|navidad|christmas|dia dos namorados|dia de los enamorados|san valentin|valentine|valentines", Kind::Concept("gift", 0.4)),
    ("inverno|invierno|winter|frio|quente|calido|warm|neve|nieve", Kind::Concept("winter warm:0.9", 0.5)),
    ("verao|verano|summer|calor", Kind::Concept("summer", 0.5)),
    ("trabalho|trabajo|work|escritorio|oficina|office|home office|homeoffice|produtividade|productividad|trabalhar|trabajar", Kind::Concept("work", 0.5)),
    ("escola|escuela|school|estudo|estudios|study|estudar|estudiar|faculdade|universidad|college|colegio|aula|clases|estudiante|estudante|student|students|universidade|facultad", Kind::Concept("school study", 0.5)),
    ("viagem|viagens|viaje|viajes|travel|viajar|trip|traveling|viajero", Kind::Concept("travel", 0.5)),
    ("couro|cuero|leather|couro legitimo|piel sintetica|couro sintetico", Kind::Concept("leather", 0.6)),
    ("algodao|algodon|cotton|organico|organica|organic", Kind::Concept("cotton organic:0.8", 0.6)),
    ("madeira|madera|wood|wooden|carvalho|roble|oak|macica|maciza", Kind::Concept("wood oak:0.9 solid:0.5", 0.6)),
    ("veludo|terciopelo|velvet", Kind::Concept("velvet", 0.6)),
    ("linho|lino|linen", Kind::Concept("linen", 0.6)),
    ("merino|wool|lana", Kind::Concept("wool merino:0.9", 0.6)),
    ("metal|metalico|metalica|aco|acero|steel|inox|stainless|aco inox", Kind::Concept("steel metal:0.9", 0.6)),
    ("ferro|hierro|iron|ferro fundido|hierro fundido|cast iron", Kind::Concept("iron cast:0.7", 0.6)),
    ("vidro|vidrio|glass|cristal", Kind::Concept("glass", 0.6)),
    ("ceramica|ceramicas|ceramic", Kind::Concept("ceramic", 0.6)),
    ("bambu|bamboo", Kind::Concept("bamboo", 0.6)),
    ("leve|leves|ligero|ligera|ligeros|lightweight|liviano|liviana|ultraleve|ultraligero", Kind::Concept("lightweight ultralight:0.9", 0.5)),
    ("rapido|rapida|fast|veloz|potente|powerful|performance|desempenho|rendimiento|poderoso", Kind::Concept("performance fast:0.9", 0.4)),
    ("criador|criadores|creator|creators|edicao|edicion|editing|design|diseno|designer|disenador", Kind::Concept("creator", 0.5)),
    ("casual|dia a dia|diario|everyday|cotidiano|cotidiana|uso diario", Kind::Concept("casual everyday", 0.5)),
    ("basico|basica|basicos|basicas|basic|basics|essencial|essential", Kind::Concept("basics essential:0.8", 0.5)),
    ("elegante|elegantes|elegant|chique|chic|sofisticado|sofisticada", Kind::Concept("formal party:0.8 elegant", 0.4)),
    ("queen|casal|matrimonio|matrimonial|queen size", Kind::Concept("queen", 0.6)),
    ("king|king size", Kind::Concept("king", 0.6)),
    ("mais vendido|mais vendidos|mas vendido|mas vendidos|bestseller|bestsellers|best seller|popular|populares|famoso|sucesso|exito", Kind::Concept("bestseller", 0.5)),
    ("lancamento|lancamentos|novidade|novidades|lanzamiento|lanzamientos|novedad|novedades|new release|latest", Kind::Concept("release new:0.6", 0.5)),
    // --- Intents
    ("barato|barata|baratos|baratas|baratinho|baratinha|economico|economica|economicos|cheap|cheaper|cheapest|inexpensive|affordable|low cost|bajo costo|em conta|accesible|accesibles|acessivel|precinho|budget|orcamento apertado|low price|preco baixo|precio bajo|bom preco|buen precio|mais barato|mas barato", Kind::Cheap),
    ("premium|caro|caros|expensive|luxo|lujo|luxury|melhor|mejor|best|high end|gama alta|topo de linha|top de linha|profissional|profesional|professional|o melhor|el mejor|top of the line|flagship|mais caro|mas caro", Kind::Premium),
    ("promocao|promocoes|oferta|ofertas|on sale|sale|desconto|descontos|descuento|descuentos|discount|discounted|deal|deals|promo|liquidacao|liquidacion|rebaja|rebajas|rebajado|saldo", Kind::OnSale),
    ("em estoque|disponivel|disponiveis|pronta entrega|in stock|available|disponible|disponibles|en stock|en existencia|hay stock|tem estoque", Kind::InStock),
    // --- Colours (folded customer words -> catalog colour family)
    ("preto|preta|pretos|pretas|negro|negra|negros|negras|black|pretinho|pretinha", Kind::Colour("black")),
    ("branco|branca|brancos|brancas|blanco|blanca|blancos|blancas|white|branquinho", Kind::Colour("white")),
    ("azul|azuis|azules|blue|azulzinho|azul claro|light blue|celeste|azul escuro|azul oscuro|dark blue", Kind::Colour("blue")),
    ("azul marinho|azul marino|navy|marinho|navy blue", Kind::Colour("navy")),
    ("cinza|cinzas|gris|grises|grey|gray|cinzento|plomo|chumbo", Kind::Colour("grey")),
    ("verde|verdes|green", Kind::Colour("green")),
    ("vermelho|vermelha|vermelhos|vermelhas|rojo|roja|rojos|rojas|red|colorado|encarnado", Kind::Colour("red")),
    ("rosa|rosas|pink|rosado|rosada|rosinha|fucsia|pink", Kind::Colour("pink")),
    ("amarelo|amarela|amarelos|amarelas|amarillo|amarilla|amarillos|amarillas|yellow|mostarda|mostaza|mustard", Kind::Colour("yellow")),
    ("bege|beige|beis|areia|arena|sand", Kind::Colour("beige")),
    ("marrom|marrons|marron|marrones|castanho|castanha|cafe|brown|chocolate|caramelo|tan|camel", Kind::Colour("brown")),
    ("roxo|roxa|roxos|morado|morada|purple|lilas|violeta|lila|violet|lavanda", Kind::Colour("purple")),
    ("dourado|dourada|dourados|dorado|dorada|dorados|gold|golden|ouro|oro", Kind::Colour("gold")),
    ("prateado|prateada|prata|plateado|plateada|plata|silver", Kind::Colour("silver")),
    ("laranja|naranja|orange|coral|terracota|terracotta", Kind::Colour("orange")),
    ("vinho|bordo|bordeaux|burgundy|vino|granate|borgona|vinotinto|wine", Kind::Colour("burgundy")),
    ("caqui|khaki", Kind::Colour("khaki")),
    ("nude|nudes", Kind::Colour("nude")),
    ("oliva|olive|verde oliva|verde militar", Kind::Colour("olive")),
    ("ouro rose|rose gold|oro rosa|rose|rosegold", Kind::Colour("rose gold")),
    ("transparente|transparent|clear|incolor", Kind::Colour("clear")),
    ("grafite|grafito|graphite", Kind::Colour("graphite")),
    ("neon|fluorescente", Kind::Colour("neon")),
    // --- Gender
    ("mulher|mulheres|feminino|feminina|femininos|femininas|femenino|femenina|femeninos|femeninas|mujer|mujeres|dama|damas|senhora|senora|women|woman|womens|women's|ladies|lady|female|girl|girls|menina|meninas|namorada|esposa|mae|maes|madre|mama|mami|mamae|novia|girlfriend|wife|mom|mother|mum|irma|hermana|sister|filha|hija|daughter|tia|ela|ella|her|she|sogra|suegra|avozinha|abuela|amiga|amigas|noiva", Kind::Female),
    ("homem|homens|masculino|masculina|masculinos|masculinas|hombre|hombres|caballero|caballeros|senhor|senor|men|man|mens|men's|male|boy|boys|menino|meninos|namorado|marido|esposo|pai|papai|padre|papa|papi|novio|boyfriend|husband|dad|father|daddy|irmao|hermano|brother|filho|hijo|son|tio|him|his|he|ele|sogro|suegro|abuelo|amigo|noivo", Kind::Male),
    // --- Greetings and fillers (phrases; single stopwords are below)
    ("bom dia|boa tarde|boa noite|buenos dias|buenas tardes|buenas noches|good morning|good afternoon|good evening|tudo bem|todo bien|por favor|please|obrigado|obrigada|gracias|thanks|thank you|how are you|como vai|que tal|estou procurando|estoy buscando|i am looking for|i'm looking for|im looking for|looking for|em busca de|to procurando|tem algum|tem alguma|tienen algun|tienen alguna|do you have|you have|me ajuda|ayudame|help me|i want|i need|i would like|id like|i'd like|queria ver|quisiera ver|can you|could you|something for|algo para|uma coisa|una cosa|me recomenda|me recomiendas|recommend me|o que voces tem|que tienen", Kind::Stop),
];

/// Single stopwords in the three languages (folded).
static STOPWORDS: &str = "
a an the of to in on at for from with and or but is are am be been was were it its this that these those there here
i i'm im me my mine we our you your yours he she they them their what which who whom whose how when where why
do does did doing have has had having get got buy buying purchase shop store want wanna need needs would like likes
looking look search searching find finding show see some something any anything one ones new nice good great cool
just really very also too so much many more most kind sort type types please hi hello hey hiya yo thanks thx ok okay
can could may might will shall should must let lets let's give tell know which whats what's options option offer
sell selling sold recommend recommendation recommendations suggest suggestion ideas idea maybe perhaps
oi ola ei opa eai eu meu minha meus minhas um uma uns umas o os as de do da dos das em no na nos nas num numa
para pra pro pras pros por com sem e ou que quero queria queremos gostaria procuro procurando busco buscando
estou esta estao ta to tou preciso precisando precisava algo alguma algum alguns algumas coisa coisinha voce voces
vc vcs tem tens ter teria vende vendem vendendo mostrar mostra mostre me se ver comprar compra novo nova legal
bonito bonita bonitos bonitas favor obrigado obrigada ai ae la isso esse essa este esta estes estas qual quais
muito muita muitos muitas mais bem pode poderia indicar indica indique recomendar recomenda recomende sugestao
sugestoes opcao opcoes seu sua seus suas ele dele dela deles ao aos pelo pela pelos pelas tipo tipos
sera seria achar acho gostei gosto quer quiser queria oii oie olaa beleza blz tudo bom boa show
hola buenas buenos yo mi mis un una unos unas el los las del al en con sin y o u quiero quisiera quisieramos
busco estoy necesito necesitaria cosa cosas tienen tiene tienes tenes venden vendes mostrar muestrame muestra
ver comprar nuevo nueva nuevos nuevas gracias es son ese esa esos esas cual cuales muy puede podria podrias
puedes recomiendas recomienda recomendarme sugerir opciones tu tus su sus lo le les te nos hay alguno algun
ando andaba dia dias porfa porfavor vendan tengan quisieras dame deme damelo estaria mucho mucha muchos muchas
";

struct Lexicon {
    entries: Vec<Kind>,
    /// Folded single word -> entry index.
    singles: HashMap<String, usize>,
    /// Folded phrases (two words or more), longest first.
    phrases: Vec<(Vec<String>, usize)>,
    stopwords: HashSet<String>,
    /// Every single word the lexicon knows (for typo correction), sorted.
    known_words: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

fn build_lexicon() -> Lexicon {
    let mut entries = Vec::new();
    let mut singles = HashMap::new();
    let mut phrases = Vec::new();
    for (keys, kind) in TABLE {
        let idx = entries.len();
        entries.push(kind.clone());
        for key in keys.split('|') {
            let words = split_words(&fold(key));
            match words.len() {
                0 => {}
                1 => {
                    singles.entry(words[0].clone()).or_insert(idx);
                }
                _ => phrases.push((words, idx)),
            }
        }
    }
    phrases.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    let stopwords: HashSet<String> = STOPWORDS.split_whitespace().map(fold).collect();
    let mut known: HashSet<String> = singles.keys().cloned().collect();
    known.extend(stopwords.iter().cloned());
    let mut known_words: Vec<String> = known.into_iter().collect();
    known_words.sort();
    Lexicon {
        entries,
        singles,
        phrases,
        stopwords,
        known_words,
    }
}

/// Split folded text into word tokens (letters, digits, apostrophes inside).
fn split_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parse an expansion spec "word+word:0.8 other".
fn parse_expansions(spec: &str) -> Vec<Expansion> {
    spec.split_whitespace()
        .map(|item| {
            let (words, weight) = match item.rsplit_once(':') {
                Some((w, n)) => (w, n.parse::<f32>().unwrap_or(1.0)),
                None => (item, 1.0),
            };
            Expansion {
                words: words.split('+').map(str::to_string).collect(),
                weight,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Colours

/// The colour families a catalog colour belongs to ("navy" is also "blue").
pub fn colour_families(product_colour: &str) -> Vec<String> {
    let c = fold(product_colour.trim());
    let extra: &[&str] = match c.as_str() {
        "navy" => &["blue"],
        "dark blue" => &["navy"],
        "graphite" => &["grey"],
        "olive" | "sage" => &["green"],
        "burgundy" => &["red"],
        "berry" => &["red", "purple", "pink"],
        "coral" => &["orange", "pink"],
        "rose gold" => &["pink", "gold"],
        "mustard" => &["yellow"],
        "khaki" => &["beige"],
        "tan" | "camel" => &["brown", "beige"],
        "cream" => &["white", "beige"],
        "natural" => &["beige"],
        "oak" => &["brown"],
        "terracotta" => &["orange", "brown"],
        "brass" => &["gold"],
        "nude" => &["beige"],
        "gray" => &["grey"],
        "fair" => &["light"],
        _ => &[],
    };
    let mut out = vec![c.clone()];
    out.extend(split_words(&c));
    out.extend(extra.iter().map(|s| s.to_string()));
    if out.iter().any(|f| f == "gray") {
        out.push("grey".to_string());
    }
    out
}

/// The canonical colour for a customer's colour word in any of the three
/// languages ("preto" → "black"); unknown words are returned folded.
pub fn canonical_colour(word: &str) -> String {
    let f = fold(word.trim());
    let words = split_words(&f);
    let lex = &*LEXICON;
    if words.len() > 1 {
        for (phrase, idx) in &lex.phrases {
            if *phrase == words
                && let Kind::Colour(c) = &lex.entries[*idx]
            {
                return c.to_string();
            }
        }
    }
    if words.len() == 1
        && let Some(Kind::Colour(c)) = lex.singles.get(&words[0]).map(|&i| &lex.entries[i])
    {
        return c.to_string();
    }
    f
}

/// Whether a product colour satisfies a wanted (canonical) colour.
pub fn colour_matches(wanted: &str, product_colour: Option<&str>) -> bool {
    let Some(pc) = product_colour else {
        return false;
    };
    let wanted = canonical_colour(wanted);
    colour_families(pc).contains(&wanted)
}

// ---------------------------------------------------------------------------
// Sizes

/// Normalise a size for comparison: "128 GB" → "128gb", Brazilian "G" → "l".
pub fn normalize_size(s: &str) -> String {
    let f: String = fold(s.trim())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    match f.as_str() {
        "pp" | "extrasmall" | "xs" => "xs".to_string(),
        "p" | "pequeno" | "pequena" | "small" | "ch" | "chico" | "chica" | "s" => "s".to_string(),
        "m" | "medio" | "media" | "mediano" | "mediana" | "medium" => "m".to_string(),
        "g" | "grande" | "large" | "l" => "l".to_string(),
        "gg" | "extragrande" | "xl" | "extralarge" => "xl".to_string(),
        "xgg" | "xg" | "xxl" | "eg" => "xxl".to_string(),
        "unico" | "tamanhounico" | "unica" | "talleunico" | "tallaunica" | "onesize" => {
            "onesize".to_string()
        }
        _ => f,
    }
}

const SIZE_KEYWORDS: &[&str] = &[
    "size",
    "tamanho",
    "tam",
    "talla",
    "talle",
    "numero",
    "num",
    "calco",
    "calzo",
    "visto",
    "numeracao",
    "tamano",
];

const UNIT_WORDS: &[&str] = &[
    "gb",
    "tb",
    "mb",
    "ml",
    "cm",
    "mm",
    "m",
    "inch",
    "inches",
    "polegadas",
    "pulgadas",
    "w",
    "mah",
    "mp",
    "hz",
    "kg",
    "g",
    "l",
    "lugares",
    "plazas",
    "seater",
    "x",
    "gramas",
    "gramos",
    "litros",
    "liters",
    "horas",
    "hours",
    "fps",
    "spf",
    "watts",
    "pol",
];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("usd", "USD"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("dolar", "USD"),
    ("dolares", "USD"),
    ("bucks", "USD"),
    ("us", "USD"),
    ("reais", "BRL"),
    ("real", "BRL"),
    ("brl", "BRL"),
    ("pila", "BRL"),
    ("pilas", "BRL"),
    ("conto", "BRL"),
    ("contos", "BRL"),
    ("pesos", "MXN"),
    ("peso", "MXN"),
    ("mxn", "MXN"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("soles", "PEN"),
    ("ars", "ARS"),
    ("cop", "COP"),
    ("clp", "CLP"),
];

const MAX_OPS: &[&str] = &[
    "under",
    "below",
    "less than",
    "lower than",
    "up to",
    "upto",
    "max",
    "maximum",
    "at most",
    "no more than",
    "not more than",
    "cheaper than",
    "within",
    "budget of",
    "budget is",
    "budget",
    "ate",
    "abaixo de",
    "menos de",
    "menor que",
    "menos que",
    "no maximo",
    "maximo",
    "maximo de",
    "inferior a",
    "hasta",
    "debajo de",
    "por debajo de",
    "tope",
    "tope de",
    "presupuesto de",
    "orcamento de",
    "orcamento",
    "presupuesto",
    "nao passe de",
    "que custe ate",
    "no mas de",
    "no exceda",
    "custando ate",
    "por ate",
    "<",
    "<=",
    "tenho",
    "tengo",
    "i have",
];

const MIN_OPS: &[&str] = &[
    "over",
    "above",
    "more than",
    "at least",
    "starting at",
    "higher than",
    "acima de",
    "mais de",
    "a partir de",
    "pelo menos",
    "no minimo",
    "minimo",
    "minimo de",
    "superior a",
    "mas de",
    "por encima de",
    "encima de",
    "desde",
    "mayor que",
    "maior que",
    ">",
    ">=",
];

const APPROX_OPS: &[&str] = &[
    "around",
    "about",
    "approximately",
    "approx",
    "roughly",
    "cerca de",
    "por volta de",
    "aproximadamente",
    "alrededor de",
    "mais ou menos",
    "mas o menos",
    "uns",
    "umas",
    "unos",
    "unas",
    "~",
];

const BETWEEN_OPS: &[&str] = &["between", "entre", "from", "de", "desde", "do"];
const RANGE_CONNECTORS: &[&str] = &["and", "e", "y", "to", "a", "ate", "hasta", "-", "~", "al"];

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Num(f64),
    Sym(char),
}

impl Tok {
    fn word(&self) -> Option<&str> {
        match self {
            Tok::Word(w) => Some(w),
            Tok::Sym(c) => match c {
                '<' => Some("<"),
                '>' => Some(">"),
                '-' => Some("-"),
                '~' => Some("~"),
                _ => None,
            },
            Tok::Num(_) => None,
        }
    }
}

/// Parse "1.299,90", "1,299.90", "200", "99.9" into a number.
fn parse_number(raw: &str) -> Option<f64> {
    let raw = raw.trim_matches(|c| c == '.' || c == ',');
    if raw.is_empty() {
        return None;
    }
    let last_dot = raw.rfind('.');
    let last_comma = raw.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(d), None) => {
            let after = raw.len() - d - 1;
            if raw.matches('.').count() > 1 || after == 3 {
                None
            } else {
                Some(d)
            }
        }
        (None, Some(c)) => {
            let after = raw.len() - c - 1;
            if raw.matches(',').count() > 1 || after == 3 {
                None
            } else {
                Some(c)
            }
        }
        (None, None) => None,
    };
    let cleaned: String = match decimal {
        Some(i) => {
            let int: String = raw[..i].chars().filter(char::is_ascii_digit).collect();
            let frac: String = raw[i + 1..].chars().filter(char::is_ascii_digit).collect();
            format!("{int}.{frac}")
        }
        None => raw.chars().filter(char::is_ascii_digit).collect(),
    };
    cleaned.parse().ok()
}

fn tokenize(folded: &str) -> Vec<Tok> {
    let chars: Vec<char> = folded.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == '.' || chars[i] == ',')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            let num: String = chars[start..i].iter().collect();
            // Digits glued to letters: "128gb", "x12", "4k", "100reais".
            if i < chars.len() && chars[i].is_alphabetic() {
                let ls = i;
                while i < chars.len() && chars[i].is_alphanumeric() {
                    i += 1;
                }
                let letters: String = chars[ls..i].iter().collect();
                if CURRENCY_WORDS.iter().any(|(w, _)| *w == letters) {
                    if let Some(n) = parse_number(&num) {
                        toks.push(Tok::Num(n));
                    }
                    toks.push(Tok::Word(letters));
                } else {
                    toks.push(Tok::Word(format!("{num}{letters}")));
                }
                continue;
            }
            match parse_number(&num) {
                Some(n) => toks.push(Tok::Num(n)),
                None => toks.push(Tok::Word(num)),
            }
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (chars[i] == '\'' && i + 1 < chars.len() && chars[i + 1].is_alphabetic()))
            {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            // Possessives: "mom's" → "mom".
            let w = match w.strip_suffix("'s") {
                Some(base) if !base.is_empty() => base.to_string(),
                _ => w,
            };
            toks.push(Tok::Word(w));
            continue;
        }
        if matches!(c, '$' | '€' | '£' | '<' | '>' | '-' | '~' | '+') {
            toks.push(Tok::Sym(c));
        }
        i += 1;
    }
    toks
}

// ---------------------------------------------------------------------------
// Parsing

/// The catalog vocabulary the parser can correct typos towards.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    words: HashSet<String>,
    sorted: Vec<String>,
}

impl Vocabulary {
    /// Build from catalog texts (titles, categories, tags...).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut words = HashSet::new();
        for t in texts {
            for w in split_words(&fold(t)) {
                if w.chars().any(char::is_alphabetic) {
                    words.insert(w);
                }
            }
        }
        let mut sorted: Vec<String> = words.iter().cloned().collect();
        sorted.sort();
        Vocabulary { words, sorted }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.words.contains(w)
    }
}

/// Plural/gender variants to try for a folded word ("vestidos" → "vestido",
/// "auriculares" → "auricular", "lencois" → "lencol").
fn variants(w: &str) -> Vec<String> {
    let mut v = vec![w.to_string()];
    if w.len() > 3 {
        if let Some(s) = w.strip_suffix("oes") {
            v.push(format!("{s}ao"));
        }
        if let Some(s) = w.strip_suffix("ois") {
            v.push(format!("{s}ol"));
        }
        if let Some(s) = w.strip_suffix("ais") {
            v.push(format!("{s}al"));
        }
        if let Some(s) = w.strip_suffix("ies") {
            v.push(format!("{s}y"));
        }
        if let Some(s) = w.strip_suffix("es") {
            v.push(s.to_string());
        }
        if let Some(s) = w.strip_suffix('s') {
            v.push(s.to_string());
        }
        if let Some(s) = w.strip_suffix("inho") {
            v.push(format!("{s}o"));
        }
        if let Some(s) = w.strip_suffix("inha") {
            v.push(format!("{s}a"));
        }
    }
    v
}

/// Damerau (optimal string alignment) distance, capped at `max + 1`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    // Before allocating: most callers scan whole vocabularies, and most
    // words differ in length by more than the budget.
    if a.chars().count().abs_diff(b.chars().count()) > max {
        return max + 1;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
    }
    d[n][m]
}

/// The edit distance allowed for a word of this length.
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2,
    }
}

/// Parse a customer's message.
pub fn parse(text: &str, vocab: &Vocabulary) -> ParsedQuery {
    let lex = &*LEXICON;
    let folded = fold(text);
    let toks = tokenize(&folded);
    let mut used = vec![false; toks.len()];
    let mut q = ParsedQuery::default();

    extract_sizes(&toks, &mut used, &mut q);
    extract_prices(&toks, &mut used, &mut q);

    // Remaining tokens as words; numbers kept as words ("nexus 5", "27").
    let mut words: Vec<(usize, String)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if used[i] {
            continue;
        }
        match t {
            Tok::Word(w) => words.push((i, w.clone())),
            Tok::Num(n) => words.push((i, format_number(*n))),
            Tok::Sym(_) => {}
        }
    }
    // Phrases, longest first.
    let mut taken = vec![false; words.len()];
    let mut items: Vec<(usize, String, Option<usize>)> = Vec::new(); // (position, source, entry)
    for (phrase, idx) in &lex.phrases {
        let l = phrase.len();
        if l > words.len() {
            continue;
        }
        let mut s = 0;
        while s + l <= words.len() {
            if (s..s + l).all(|k| !taken[k] && words[k].1 == phrase[k - s]) {
                for t in taken.iter_mut().skip(s).take(l) {
                    *t = true;
                }
                items.push((s, phrase.join(" "), Some(*idx)));
                s += l;
            } else {
                s += 1;
            }
        }
    }
    for (k, (_, w)) in words.iter().enumerate() {
        if taken[k] {
            continue;
        }
        match resolve_word(w, vocab) {
            Resolved::Entry(i) => items.push((k, w.clone(), Some(i))),
            Resolved::Stop => {}
            Resolved::Unknown => items.push((k, w.clone(), None)),
        }
    }
    items.sort_by_key(|(pos, _, _)| *pos);

    let mut seen_sources = HashSet::new();
    for (_, source, entry) in items {
        match entry.map(|i| &lex.entries[i]) {
            Some(Kind::Concept(spec, weight)) => push_concept(
                &mut q,
                &mut seen_sources,
                &source,
                parse_expansions(spec),
                *weight,
                true,
            ),
            Some(Kind::Colour(c)) => {
                if q.color.is_none() {
                    q.color = Some(c.to_string());
                }
            }
            Some(Kind::Female) => q.gender = q.gender.or(Some(Gender::Female)),
            Some(Kind::Male) => q.gender = q.gender.or(Some(Gender::Male)),
            Some(Kind::Cheap) => q.price_intent = PriceIntent::Cheap,
            Some(Kind::Premium) => q.price_intent = PriceIntent::Premium,
            Some(Kind::OnSale) => q.on_sale = true,
            Some(Kind::InStock) => q.in_stock = true,
            Some(Kind::Stop) => {}
            None => {
                if lex.stopwords.contains(&source) {
                    continue;
                }
                let is_number = source.chars().all(|c| c.is_ascii_digit() || c == '.');
                if source.chars().count() < 2 && !is_number {
                    continue;
                }
                // A catalog word (possibly corrected) or an unknown word.
                let (word, known) = match correct_to_vocab(&source, vocab) {
                    Some(w) => (w, true),
                    None => (source.clone(), false),
                };
                let weight = if is_number {
                    0.4
                } else if known {
                    0.9
                } else {
                    0.6
                };
                let exp = vec![Expansion {
                    words: vec![word],
                    weight: 1.0,
                }];
                push_concept(&mut q, &mut seen_sources, &source, exp, weight, known);
            }
        }
    }
    // "cheap" words also match the catalog's budget tag a little.
    if q.price_intent == PriceIntent::Cheap && !q.concepts.is_empty() {
        push_concept(
            &mut q,
            &mut seen_sources,
            "budget",
            parse_expansions("budget affordable"),
            0.2,
            true,
        );
    }
    tracing::debug!(text, parsed = ?q, "catalog query parsed");
    q
}

fn push_concept(
    q: &mut ParsedQuery,
    seen: &mut HashSet<String>,
    source: &str,
    expansions: Vec<Expansion>,
    weight: f32,
    known: bool,
) {
    // The same concept twice ("tênis ... tenis") counts once.
    let key = expansions
        .iter()
        .map(|e| e.words.join("+"))
        .collect::<Vec<_>>()
        .join(" ");
    if !seen.insert(key) {
        return;
    }
    q.concepts.push(Concept {
        source: source.to_string(),
        weight,
        expansions,
        known,
    });
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// What a single word is to the lexicon.
enum Resolved {
    Entry(usize),
    Stop,
    Unknown,
}

/// The lexicon entry of a single folded word, trying plural variants and
/// then typo correction against the lexicon.
fn resolve_word(w: &str, vocab: &Vocabulary) -> Resolved {
    let lex = &*LEXICON;
    if lex.stopwords.contains(w) {
        return match lex.singles.get(w) {
            Some(&i) => Resolved::Entry(i),
            None => Resolved::Stop,
        };
    }
    for v in variants(w) {
        if let Some(&i) = lex.singles.get(&v) {
            return Resolved::Entry(i);
        }
    }
    if vocab.contains(w) || w.chars().any(|c| c.is_ascii_digit()) {
        return Resolved::Unknown;
    }
    if variants(w).iter().any(|v| vocab.contains(v)) {
        return Resolved::Unknown;
    }
    let budget = typo_budget(w.chars().count());
    if budget == 0 {
        return Resolved::Unknown;
    }
    // Nearest lexicon word within the typo budget (stopwords included, so a
    // misspelt "qeuro" is recognised as a stopword rather than a product).
    let mut best: Option<(usize, &str)> = None;
    for cand in &lex.known_words {
        let d = edit_distance(w, cand, budget);
        if d <= budget && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    let Some((bd, cand)) = best else {
        return Resolved::Unknown;
    };
    // A catalog word at a strictly smaller distance wins over the lexicon.
    if vocab
        .sorted
        .iter()
        .any(|v| edit_distance(w, v, budget) < bd)
    {
        return Resolved::Unknown;
    }
    match lex.singles.get(cand) {
        Some(&i) => Resolved::Entry(i),
        None => Resolved::Stop,
    }
}

/// The catalog word a folded token stands for: itself, a plural variant, or
/// the nearest word within the typo budget.
fn correct_to_vocab(w: &str, vocab: &Vocabulary) -> Option<String> {
    for v in variants(w) {
        if vocab.contains(&v) {
            return Some(w.to_string());
        }
    }
    let budget = typo_budget(w.chars().count());
    if budget == 0 || w.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for cand in &vocab.sorted {
        let d = edit_distance(w, cand, budget);
        if d <= budget && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c.clone())
}

fn word_at(toks: &[Tok], i: usize) -> Option<&str> {
    toks.get(i).and_then(Tok::word)
}

/// Sizes: "size 42", "tamanho M", "talla 40", "calço 41", "128 GB".
fn extract_sizes(toks: &[Tok], used: &mut [bool], q: &mut ParsedQuery) {
    for i in 0..toks.len() {
        if used[i] {
            continue;
        }
        // "128 gb" / "1 tb": storage sizes.
        if let (Tok::Num(n), Some(unit)) = (&toks[i], word_at(toks, i + 1))
            && matches!(unit, "gb" | "tb")
        {
            if q.size.is_none() {
                q.size = Some(format!("{}{}", format_number(*n), unit));
            }
            used[i] = true;
            used[i + 1] = true;
            continue;
        }
        if let Tok::Word(w) = &toks[i]
            && (w.ends_with("gb") || w.ends_with("tb"))
            && w.len() > 2
            && w[..w.len() - 2].chars().all(|c| c.is_ascii_digit())
        {
            if q.size.is_none() {
                q.size = Some(w.clone());
            }
            used[i] = true;
            continue;
        }
        let Some(w) = word_at(toks, i) else { continue };
        if !SIZE_KEYWORDS.contains(&w) {
            continue;
        }
        let mut j = i + 1;
        // "tamanho do pé 42", "size is M", "talla de 40"
        while j < toks.len() && j <= i + 3 {
            match word_at(toks, j) {
                Some("de" | "do" | "da" | "is" | "e" | "es" | "pe" | "o" | "el" | "a" | ":") => {
                    j += 1
                }
                _ => break,
            }
        }
        let value = match toks.get(j) {
            Some(Tok::Num(n)) => Some(format_number(*n)),
            Some(Tok::Word(v)) => {
                let norm = normalize_size(v);
                let letter = matches!(norm.as_str(), "xs" | "s" | "m" | "l" | "xl" | "xxl");
                if letter || v.chars().any(|c| c.is_ascii_digit()) {
                    Some(if letter {
                        norm.to_uppercase()
                    } else {
                        v.clone()
                    })
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(v) = value {
            if q.size.is_none() {
                q.size = Some(v);
            }
            used[i] = true;
            for u in used.iter_mut().take(j + 1).skip(i + 1) {
                *u = true;
            }
        }
    }
}

/// An amount at token `i`: (value, first token, last token, currency).
fn amount_at(toks: &[Tok], i: usize) -> Option<(f64, usize, usize, Option<&'static str>)> {
    let (mut value, multiplier_in_word) = match &toks[i] {
        Tok::Num(n) => (*n, false),
        Tok::Word(w) => {
            let digits = w.strip_suffix('k')?;
            let n: f64 = parse_number(digits)?;
            (n * 1000.0, true)
        }
        Tok::Sym(_) => return None,
    };
    let mut start = i;
    let mut end = i;
    let mut currency: Option<&'static str> = None;
    // Prefix: "$", "r$", "us$", "usd", "€".
    if i > 0 {
        match &toks[i - 1] {
            Tok::Sym('$') => {
                start = i - 1;
                currency = Some("USD");
                if i > 1 {
                    match word_at(toks, i - 2) {
                        Some("r") => {
                            start = i - 2;
                            currency = Some("BRL");
                        }
                        Some("us") => start = i - 2,
                        Some("mx") => {
                            start = i - 2;
                            currency = Some("MXN");
                        }
                        _ => {}
                    }
                }
            }
            Tok::Sym('€') => {
                start = i - 1;
                currency = Some("EUR");
            }
            Tok::Sym('£') => {
                start = i - 1;
                currency = Some("GBP");
            }
            Tok::Word(w) => {
                if let Some((_, code)) = CURRENCY_WORDS
                    .iter()
                    .find(|(cw, _)| cw == w && w.len() == 3)
                {
                    start = i - 1;
                    currency = Some(code);
                }
            }
            _ => {}
        }
    }
    // Suffix: "k", "mil", currency words, "$".
    let mut j = i + 1;
    if !multiplier_in_word && matches!(word_at(toks, j), Some("k" | "mil" | "thousand")) {
        value *= 1000.0;
        end = j;
        j += 1;
    }
    match toks.get(j) {
        Some(Tok::Sym('$')) => {
            currency = currency.or(Some("USD"));
            end = j;
        }
        Some(Tok::Word(w)) => {
            if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(cw, _)| cw == w) {
                currency = Some(code);
                end = j;
            }
        }
        _ => {}
    }
    // A unit after the number means it is not money ("30 ml", "27 inch").
    if currency.is_none()
        && let Some(u) = word_at(toks, end + 1)
        && UNIT_WORDS.contains(&u)
    {
        return None;
    }
    Some((value, start, end, currency))
}

/// Whether the words right before `pos` (skipping fillers) end with one of
/// `ops`; returns the first token of the match.
fn op_before(toks: &[Tok], used: &[bool], pos: usize, ops: &[&str]) -> Option<usize> {
    let mut end = pos;
    // Skip fillers between the operator and the amount.
    while end > 0 {
        match word_at(toks, end - 1) {
            Some(
                "uns" | "umas" | "unos" | "unas" | "some" | "like" | "the" | "of" | "um" | "un",
            ) if !used[end - 1] => end -= 1,
            _ => break,
        }
    }
    for op in ops {
        let parts: Vec<&str> = op.split(' ').collect();
        let l = parts.len();
        if l > end {
            continue;
        }
        let s = end - l;
        if (0..l).all(|k| !used[s + k] && word_at(toks, s + k) == Some(parts[k])) {
            return Some(s);
        }
    }
    // Fillers only count when an operator precedes them.
    None
}

fn op_after(toks: &[Tok], used: &[bool], pos: usize, ops: &[&str]) -> Option<usize> {
    for op in ops {
        let parts: Vec<&str> = op.split(' ').collect();
        let l = parts.len();
        if pos + 1 + l > toks.len() {
            continue;
        }
        if (0..l).all(|k| !used[pos + 1 + k] && word_at(toks, pos + 1 + k) == Some(parts[k])) {
            return Some(pos + l);
        }
    }
    None
}

const MAX_SUFFIX_OPS: &[&str] = &[
    "or less",
    "ou menos",
    "o menos",
    "max",
    "maximo",
    "no maximo",
    "tops",
    "at most",
    "or under",
];
const MIN_SUFFIX_OPS: &[&str] = &[
    "or more",
    "ou mais",
    "o mas",
    "+",
    "plus",
    "para cima",
    "pra cima",
];

fn extract_prices(toks: &[Tok], used: &mut [bool], q: &mut ParsedQuery) {
    let mut i = 0;
    while i < toks.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let Some((value, start, end, cur)) = amount_at(toks, i) else {
            i += 1;
            continue;
        };
        // Ranges: "between 50 and 100", "entre 50 e 100", "de 50 a 100",
        // "50-100 reais", "from 50 to 100".
        let conn = word_at(toks, end + 1);
        if let Some(c) = conn
            && RANGE_CONNECTORS.contains(&c)
            && end + 2 < toks.len()
            && let Some((v2, _, end2, cur2)) = amount_at(toks, end + 2)
        {
            let lead = op_before(toks, used, start, BETWEEN_OPS);
            let currency = cur.or(cur2);
            let bare_dash = c == "-" || c == "~";
            if (lead.is_some() || currency.is_some() || bare_dash) && v2 > value {
                q.min_price = Some(value);
                q.max_price = Some(v2);
                q.currency_hint = q.currency_hint.or(currency);
                let from = lead.unwrap_or(start);
                for u in used.iter_mut().take(end2 + 1).skip(from) {
                    *u = true;
                }
                i = end2 + 1;
                continue;
            }
        }
        let mut consumed_from = start;
        let mut consumed_to = end;
        let mut kind = None;
        if let Some(s) = op_before(toks, used, start, APPROX_OPS) {
            // "até uns 200" is a maximum, "uns 200" alone is approximate.
            if let Some(s2) = op_before(toks, used, s, MAX_OPS) {
                kind = Some('<');
                consumed_from = s2;
            } else {
                kind = Some('~');
                consumed_from = s;
            }
        } else if let Some(s) = op_before(toks, used, start, MAX_OPS) {
            kind = Some('<');
            consumed_from = s;
        } else if let Some(s) = op_before(toks, used, start, MIN_OPS) {
            kind = Some('>');
            consumed_from = s;
        } else if let Some(e) = op_after(toks, used, end, MAX_SUFFIX_OPS) {
            kind = Some('<');
            consumed_to = e;
        } else if let Some(e) = op_after(toks, used, end, MIN_SUFFIX_OPS) {
            kind = Some('>');
            consumed_to = e;
        } else if cur.is_some() {
            // A bare amount with a currency is a budget.
            kind = Some('<');
        }
        match kind {
            Some('<') => q.max_price = Some(value),
            Some('>') => q.min_price = Some(value),
            Some(_) => {
                q.min_price = Some(value * 0.75);
                q.max_price = Some(value * 1.25);
            }
            None => {
                i += 1;
                continue;
            }
        }
        q.currency_hint = q.currency_hint.or(cur);
        for u in used.iter_mut().take(consumed_to + 1).skip(consumed_from) {
            *u = true;
        }
        i = consumed_to + 1;
    }
    // Stray currency words ("reais", "dólares") are not product words.
    for (i, t) in toks.iter().enumerate() {
        if let Tok::Word(w) = t
            && CURRENCY_WORDS.iter().any(|(cw, _)| cw == w)
            && w != "real"
            && w != "us"
        {
            used[i] = true;
        }
        if matches!(t, Tok::Sym('$' | '€' | '£')) {
            used[i] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::from_texts([
            "Stride Runner Running Shoes black laptop headphones wireless Nova X12 Smartphone",
        ])
    }

    fn sources(q: &ParsedQuery) -> Vec<String> {
        q.concepts.iter().map(|c| c.source.clone()).collect()
    }

    #[test]
    fn catalog_query_extracts_prices() {
        let v = vocab();
        let cases: &[(&str, Option<f64>, Option<f64>)] = &[
            ("laptop under $100", None, Some(100.0)),
            ("headphones below 80", None, Some(80.0)),
            ("shoes for less than 60 dollars", None, Some(60.0)),
            (
                "quero um tênis de corrida preto até 300 reais",
                None,
                Some(300.0),
            ),
            ("algo até R$ 200", None, Some(200.0)),
            ("auriculares por menos de 50", None, Some(50.0)),
            ("busco algo hasta 100 dólares", None, Some(100.0)),
            ("zapatillas entre 50 y 100", Some(50.0), Some(100.0)),
            ("headphones between 50 and 100", Some(50.0), Some(100.0)),
            ("sofá de 500 a 900 reais", Some(500.0), Some(900.0)),
            ("phone over 500", Some(500.0), None),
            ("celular acima de 1.000 reais", Some(1000.0), None),
            ("notebook até 2 mil", None, Some(2000.0)),
            ("laptop around 1000", Some(750.0), Some(1250.0)),
            ("fone 50-100", Some(50.0), Some(100.0)),
            ("tenho 150 reais", None, Some(150.0)),
            ("sunscreen 50 ml", None, None),
            ("monitor 27 inch", None, None),
            ("perfume de 100 ml", None, None),
            ("laptop with 1,299.99 max", None, Some(1299.99)),
        ];
        for (text, min, max) in cases {
            let q = parse(text, &v);
            assert_eq!((q.min_price, q.max_price), (*min, *max), "{text}: {q:?}");
        }
    }

    #[test]
    fn catalog_query_extracts_colour_size_gender_and_intents() {
        let v = vocab();
        let q = parse("quero um tênis de corrida preto tamanho 42", &v);
        assert_eq!(q.color.as_deref(), Some("black"));
        assert_eq!(q.size.as_deref(), Some("42"));
        assert_eq!(sources(&q), vec!["tenis", "corrida"]);
        let q = parse("vestido rosa talla M para mi novia", &v);
        assert_eq!(q.color.as_deref(), Some("pink"));
        assert_eq!(q.size.as_deref(), Some("M"));
        assert_eq!(q.gender, Some(Gender::Female));
        let q = parse("camiseta tamanho G azul marinho", &v);
        assert_eq!(q.size.as_deref(), Some("L"));
        assert_eq!(q.color.as_deref(), Some("navy"));
        let q = parse("busco unos auriculares inalámbricos baratos", &v);
        assert_eq!(q.price_intent, PriceIntent::Cheap);
        assert_eq!(sources(&q)[..2], ["auriculares", "inalambricos"]);
        let q = parse("perfume para meu pai", &v);
        assert_eq!(q.gender, Some(Gender::Male));
        let q = parse("Nova X12 256 GB", &v);
        assert_eq!(q.size.as_deref(), Some("256gb"));
    }

    #[test]
    fn catalog_query_corrects_typos_and_strips_stopwords() {
        let v = vocab();
        let q = parse("hi, I'm looking for a new laptp", &v);
        assert_eq!(sources(&q), vec!["laptp"]);
        assert!(
            q.concepts[0].expansions[0]
                .words
                .contains(&"laptop".to_string())
        );
        let q = parse("zapatilas para corer", &v);
        assert_eq!(q.concepts.len(), 2, "{q:?}");
        assert!(
            q.concepts[0]
                .expansions
                .iter()
                .any(|e| e.words == ["sneakers"])
        );
        let q = parse("qeuro uns fones sem fio", &v);
        assert_eq!(sources(&q), vec!["fones", "sem fio"]);
        let q = parse("hedphones", &v);
        assert_eq!(q.concepts[0].expansions[0].words, vec!["headphones"]);
    }

    #[test]
    fn catalog_query_colours_map_to_families() {
        assert!(colour_matches("preto", Some("black")));
        assert!(colour_matches("azul", Some("navy")));
        assert!(colour_matches("blue", Some("dark blue")));
        assert!(colour_matches("cinza", Some("graphite")));
        assert!(!colour_matches("red", Some("black")));
        assert!(!colour_matches("red", None));
        assert_eq!(canonical_colour("Azul Marinho"), "navy");
        assert_eq!(normalize_size("G"), "l");
        assert_eq!(normalize_size("128 GB"), "128gb");
        assert!(Gender::Female.accepts(Some("unisex")));
        assert!(!Gender::Female.accepts(Some("male")));
        assert_eq!(edit_distance("zapatilas", "zapatillas", 2), 1);
        assert_eq!(edit_distance("hedaphones", "headphones", 2), 1);
    }
}
