//! Bella, the beauty seller of Glow Beauty: the SDK's seller kit
//! configured with this brand's persona, categories and cross-sell hints.
//! The persona prompt lives in `prompts/beauty.md`.

use agent_store_sdk::prelude::*;
use agent_store_sdk::seller::{Category, CrossSell, SellerConfig};

/// Categories offered in greetings and when nothing is found.
const CATEGORIES: &[Category] = &[
    Category {
        key: "skincare",
        labels: ["Skincare", "Skincare", "Cuidado facial"],
        query: "serum moisturizer cleanser mask",
    },
    Category {
        key: "sun",
        labels: ["Sunscreen", "Protetor solar", "Protector solar"],
        query: "sunscreen",
    },
    Category {
        key: "makeup",
        labels: ["Makeup", "Maquiagem", "Maquillaje"],
        query: "lipstick foundation mascara eyeshadow lip",
    },
    Category {
        key: "fragrance",
        labels: ["Fragrance", "Perfumes", "Perfumes"],
        query: "parfum eau de toilette",
    },
    Category {
        key: "hair",
        labels: ["Hair care", "Cabelos", "Cabello"],
        query: "shampoo hair oil dryer",
    },
];

/// "When this goes into the cart, suggest that."
const CROSS_SELL: &[CrossSell] = &[
    CrossSell {
        when: "Serums",
        suggest: "sunscreen",
    },
    CrossSell {
        when: "Foundation",
        suggest: "mascara",
    },
    CrossSell {
        when: "Shampoo",
        suggest: "hair oil",
    },
    CrossSell {
        when: "Lipstick",
        suggest: "lip oil",
    },
    CrossSell {
        when: "Moisturizers",
        suggest: "cleanser",
    },
];

/// The seller's configuration.
pub const CONFIG: SellerConfig = SellerConfig {
    greetings: [
        "Hi! I'm Bella from Glow Beauty ✨ Skincare, makeup, fragrance and hair care. How can I help?",
        "Oi! Eu sou a Bella, da Glow Beauty ✨ Skincare, maquiagem, perfumes e cabelos. Como posso ajudar?",
        "¡Hola! Soy Bella, de Glow Beauty ✨ Cuidado de la piel, maquillaje, perfumes y cabello. ¿En qué te ayudo?",
    ],
    categories: CATEGORIES,
    cross_sell: CROSS_SELL,
    vocabulary: &[(
        2.0,
        "second skin|velvet matte|glossy lip|aurora eau|cedar noir|argan|ionic|clay detox|hyaluronic|retinol",
    )],
    ..SellerConfig::new("beauty", "Bella", "Glow Beauty")
};

/// The exported seller.
pub struct Beauty;

impl Seller for Beauty {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        CONFIG.handle_turn(host, turn)
    }
}

agent_store_sdk::export_seller!(Beauty);
