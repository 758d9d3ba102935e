//! Max, the tech seller of Nova Tech: the SDK's seller kit
//! configured with this brand's persona, categories and cross-sell hints.
//! The persona prompt lives in `prompts/tech.md`.

use agent_store_sdk::prelude::*;
use agent_store_sdk::seller::{Category, CrossSell, SellerConfig};

/// Categories offered in greetings and when nothing is found.
const CATEGORIES: &[Category] = &[
    Category {
        key: "laptops",
        labels: ["Laptops", "Notebooks", "Portátiles"],
        query: "laptop",
    },
    Category {
        key: "phones",
        labels: ["Phones", "Celulares", "Móviles"],
        query: "smartphone",
    },
    Category {
        key: "audio",
        labels: ["Audio", "Fones e som", "Audio"],
        query: "headphones earbuds speaker",
    },
    Category {
        key: "wearables",
        labels: ["Smartwatches", "Smartwatches", "Relojes inteligentes"],
        query: "smartwatch",
    },
    Category {
        key: "cameras",
        labels: ["Cameras", "Câmeras", "Cámaras"],
        query: "camera",
    },
    Category {
        key: "tablets",
        labels: [
            "Tablets & monitors",
            "Tablets e monitores",
            "Tablets y monitores",
        ],
        query: "tablet monitor",
    },
    Category {
        key: "accessories",
        labels: ["Accessories", "Acessórios", "Accesorios"],
        query: "charger power bank mouse case",
    },
    Category {
        key: "networking",
        labels: ["Wi-Fi", "Wi-Fi", "Wi-Fi"],
        query: "router wifi",
    },
];

/// "When this goes into the cart, suggest that."
const CROSS_SELL: &[CrossSell] = &[
    CrossSell {
        when: "Smartphones",
        suggest: "case screen protector",
    },
    CrossSell {
        when: "Laptops",
        suggest: "mouse",
    },
    CrossSell {
        when: "Cameras",
        suggest: "power bank",
    },
    CrossSell {
        when: "Tablets",
        suggest: "charger",
    },
];

/// The seller's configuration.
pub const CONFIG: SellerConfig = SellerConfig {
    greetings: [
        "Hi! I'm Max from Nova Tech ⚡ Laptops, phones, audio and more. What can I find for you?",
        "Oi! Eu sou o Max, da Nova Tech ⚡ Notebooks, celulares, áudio e mais. O que você procura?",
        "¡Hola! Soy Max, de Nova Tech ⚡ Portátiles, móviles, audio y más. ¿Qué te busco?",
    ],
    categories: CATEGORIES,
    cross_sell: CROSS_SELL,
    vocabulary: &[(
        2.0,
        "nova x12|zenbook|orbit a5|pulse anc|pulse buds|boom portable|vita fit|snap mirrorless|forge 16|studio 15|tab 11|ergo wireless",
    )],
    ..SellerConfig::new("tech", "Max", "Nova Tech")
};

/// The exported seller.
pub struct Tech;

impl Seller for Tech {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        CONFIG.handle_turn(host, turn)
    }
}

agent_store_sdk::export_seller!(Tech);
