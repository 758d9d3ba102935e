//! Labelled customer messages (en, pt-BR, es) for search-relevance tests
//! against the demo catalog (`catalog/products.csv`).

/// One labelled query: the top 3 results must contain a product whose
/// category contains one of the `|`-separated `expect` parts.
pub struct Case {
    pub lang: &'static str,
    pub text: &'static str,
    pub brand: Option<&'static str>,
    pub expect: &'static str,
}

const fn case(lang: &'static str, text: &'static str, expect: &'static str) -> Case {
    Case {
        lang,
        text,
        brand: None,
        expect,
    }
}

const fn scoped(
    lang: &'static str,
    brand: &'static str,
    text: &'static str,
    expect: &'static str,
) -> Case {
    Case {
        lang,
        text,
        brand: Some(brand),
        expect,
    }
}

pub const CASES: &[Case] = &[
    // English
    case("en", "hi, I'm looking for a new laptop", "Laptops"),
    case("en", "wireless headphones under $200", "Headphones|Earbuds"),
    case("en", "cheap running shoes", "Running Shoes"),
    case("en", "black leather sneakers", "Sneakers"),
    case("en", "a dress for a summer party", "Dresses"),
    case("en", "gift for my girlfriend, some makeup", "Makeup"),
    case("en", "phone case for nova x12", "Cases"),
    case("en", "smartphone under 300", "Smartphones"),
    case(
        "en",
        "I need a floor lamp for my living room",
        "Floor Lamps",
    ),
    case("en", "perfume for my dad", "Fragrance > Men"),
    case("en", "game controller", "Controllers"),
    case("en", "shampoo for damaged hair", "Shampoo"),
    case("en", "moisturizer for oily skin", "Moisturizers"),
    case("en", "do you sell sofas?", "Sofas"),
    case("en", "hedphones with noise cancelling", "Headphones"),
    case("en", "mechanical keyboard", "Keyboards"),
    case("en", "warm winter jacket", "Jackets"),
    case("en", "sunscreen spf 50", "Sunscreen"),
    case("en", "racing game for the switchblade", "Games > Racing"),
    case("en", "bluetooth speaker for the beach", "Speakers"),
    case(
        "en",
        "something to organize my kitchen drawers",
        "Organizers",
    ),
    case("en", "sheets for a queen bed", "Sheets"),
    // Brazilian Portuguese
    case(
        "pt",
        "quero um tênis de corrida preto até 300 reais",
        "Running Shoes",
    ),
    case(
        "pt",
        "presente para minha namorada, algo de maquiagem",
        "Makeup",
    ),
    case(
        "pt",
        "tem fone de ouvido sem fio?",
        "Headphones|Earbuds|Headsets",
    ),
    case("pt", "procuro um notebook para trabalho", "Laptops"),
    case("pt", "celular barato", "Smartphones"),
    case("pt", "batom vermelho", "Lipstick"),
    case("pt", "luminária para o quarto", "Lamps"),
    case("pt", "capinha pro celular", "Cases"),
    case("pt", "controle sem fio para videogame", "Controllers"),
    case("pt", "vestido floral para festa", "Dresses"),
    case("pt", "jogo de lençol casal", "Sheets"),
    case("pt", "panela de ferro", "Cookware"),
    case("pt", "relógio masculino", "Watches"),
    case("pt", "cadeira gamer", "Gaming Chairs"),
    case("pt", "protetor solar com cor", "Sunscreen"),
    case("pt", "tenis branco tamanho 42", "Sneakers|Running Shoes"),
    case("pt", "calça jeans feminina", "Jeans"),
    case("pt", "smartwach", "Smartwatches"),
    case("pt", "edredom king", "Duvets"),
    case("pt", "óculos de sol", "Sunglasses"),
    case("pt", "oi, vcs tem caixinha de som?", "Speakers"),
    case("pt", "creme pra cabelo cacheado", "Hair Care"),
    case("pt", "secador de cabelo", "Hair Care > Tools"),
    // Spanish
    case(
        "es",
        "busco unos auriculares inalámbricos baratos",
        "Headphones|Earbuds|Headsets",
    ),
    case("es", "zapatillas para correr", "Running Shoes"),
    case("es", "necesito un portátil para la universidad", "Laptops"),
    case("es", "funda para el móvil", "Cases"),
    case("es", "lámpara de pie", "Floor Lamps"),
    case("es", "mando inalámbrico para la consola", "Controllers"),
    case("es", "sérum de vitamina C", "Serums"),
    case("es", "bolso de cuero negro", "Bags"),
    case("es", "chaqueta de invierno", "Jackets"),
    case("es", "regalo para mi mamá, un perfume", "Fragrance > Women"),
    case("es", "teclado mecánico", "Keyboards"),
    case("es", "sartén antiadherente", "Cookware"),
    case("es", "cámara para viajes", "Cameras"),
    case("es", "sofá gris", "Sofas"),
    case("es", "reloj inteligente", "Smartwatches"),
    case("es", "ratón para juegos", "Mice"),
    case("es", "juego de carreras", "Racing"),
    case("es", "máscara de pestañas", "Mascara"),
    case("es", "alfombra para la sala", "Rugs"),
    case("es", "audifonos entre 50 y 100 dolares", "Earbuds|Headsets"),
    case("es", "zapatilas blancas", "Sneakers|Running Shoes"),
    case("es", "maquillaje base", "Foundation"),
    case("es", "almohada", "Pillows"),
    case("es", "consola portátil", "Consoles"),
    // Brand-scoped (a brand's seller plugin)
    scoped("en", "gaming", "headphones", "Headsets"),
    scoped("pt", "tech", "fone", "Headphones|Earbuds"),
    scoped("es", "home", "silla", "Chairs"),
    scoped("pt", "gaming", "cadeira", "Gaming Chairs"),
];
