//! Sofia, the home seller of Casa Sofia: the SDK's seller kit
//! configured with this brand's persona, categories and cross-sell hints.
//! The persona prompt lives in `prompts/home.md`.

use agent_store_sdk::prelude::*;
use agent_store_sdk::seller::{Category, CrossSell, SellerConfig};

/// Categories offered in greetings and when nothing is found.
const CATEGORIES: &[Category] = &[
    Category {
        key: "furniture",
        labels: ["Furniture", "Móveis", "Muebles"],
        query: "sofa chair table",
    },
    Category {
        key: "decor",
        labels: ["Decor", "Decoração", "Decoración"],
        query: "cushion rug mirror candle",
    },
    Category {
        key: "bedding",
        labels: ["Bedding", "Cama", "Ropa de cama"],
        query: "sheet duvet pillow",
    },
    Category {
        key: "kitchen",
        labels: ["Kitchen", "Cozinha", "Cocina"],
        query: "cookware knife frying pan",
    },
    Category {
        key: "lighting",
        labels: ["Lighting", "Iluminação", "Iluminación"],
        query: "lamp",
    },
    Category {
        key: "storage",
        labels: ["Storage", "Organização", "Organización"],
        query: "storage boxes organizer",
    },
    Category {
        key: "garden",
        labels: ["Garden", "Jardim", "Jardín"],
        query: "plant pot planter",
    },
];

/// "When this goes into the cart, suggest that."
const CROSS_SELL: &[CrossSell] = &[
    CrossSell {
        when: "Sofas",
        suggest: "cushion",
    },
    CrossSell {
        when: "Sheets",
        suggest: "pillow",
    },
    CrossSell {
        when: "Duvets",
        suggest: "pillow",
    },
    CrossSell {
        when: "Cookware",
        suggest: "knife",
    },
    CrossSell {
        when: "Tables",
        suggest: "chair",
    },
];

/// The seller's configuration.
pub const CONFIG: SellerConfig = SellerConfig {
    greetings: [
        "Hi! I'm Sofia from Casa Sofia 🏡 Furniture, decor, kitchen and bedding. What are you looking for?",
        "Oi! Eu sou a Sofia, da Casa Sofia 🏡 Móveis, decoração, cozinha e cama. O que você procura?",
        "¡Hola! Soy Sofia, de Casa Sofia 🏡 Muebles, decoración, cocina y ropa de cama. ¿Qué buscas?",
    ],
    categories: CATEGORIES,
    cross_sell: CROSS_SELL,
    vocabulary: &[(
        2.0,
        "oslo|loveseat|arc floor|berber|dutch oven|percale|scandi|terracotta|self watering",
    )],
    ..SellerConfig::new("home", "Sofia", "Casa Sofia")
};

/// The exported seller.
pub struct Home;

impl Seller for Home {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        CONFIG.handle_turn(host, turn)
    }
}

agent_store_sdk::export_seller!(Home);
