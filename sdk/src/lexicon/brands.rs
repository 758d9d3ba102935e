//! The five demo brands' weighted lexicons (en/pt/es). Code, not data,
//! but `build.rs` includes this file too, to precompute the stemmed
//! phrases [`super::brand_scores`] matches (a fresh wasm instance per turn
//! would otherwise split and stem every phrase on every call, issue 16);
//! so it uses nothing from the crate.

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

/// A lexicon's phrases as they are matched: (weight, stemmed words), in
/// order, without the empty ones and the one-word phrases that stem to a
/// stopword ("unas" = nails and the article "unas": it would fire on every
/// sentence).
pub fn stemmed_phrases(lex: &BrandLexicon) -> Vec<(f32, Vec<String>)> {
    use agent_store_lang::text;
    let mut out = Vec::new();
    for (w, terms) in lex.tiers {
        for phrase in terms.split('|') {
            let p = text::terms(phrase);
            let stop = p.len() == 1 && text::is_stopword(&p[0]);
            if !p.is_empty() && !stop {
                out.push((*w, p));
            }
        }
    }
    out
}
