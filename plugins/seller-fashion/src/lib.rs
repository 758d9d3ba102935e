//! Luna, the fashion seller of Luna Style: the SDK's seller kit
//! configured with this brand's persona, categories and cross-sell hints.
//! The persona prompt lives in `prompts/fashion.md`.

use agent_store_sdk::prelude::*;
use agent_store_sdk::seller::{Category, CrossSell, SellerConfig};

/// Categories offered in greetings and when nothing is found.
const CATEGORIES: &[Category] = &[
    Category {
        key: "shoes",
        labels: ["Shoes", "Calçados", "Calzado"],
        query: "sneakers running shoes boots",
    },
    Category {
        key: "dresses",
        labels: ["Dresses", "Vestidos", "Vestidos"],
        query: "dress gown",
    },
    Category {
        key: "jeans",
        labels: ["Jeans", "Calças jeans", "Vaqueros"],
        query: "jeans",
    },
    Category {
        key: "jackets",
        labels: ["Jackets", "Jaquetas", "Chaquetas"],
        query: "jacket",
    },
    Category {
        key: "tops",
        labels: [
            "Tops & sweaters",
            "Blusas e suéteres",
            "Camisetas y suéteres",
        ],
        query: "t shirt sweater",
    },
    Category {
        key: "bags",
        labels: ["Bags", "Bolsas", "Bolsos"],
        query: "bag",
    },
    Category {
        key: "watches",
        labels: ["Watches", "Relógios", "Relojes"],
        query: "watch",
    },
    Category {
        key: "sunglasses",
        labels: ["Sunglasses", "Óculos de sol", "Gafas de sol"],
        query: "sunglasses",
    },
    Category {
        key: "active",
        labels: ["Activewear", "Fitness e praia", "Deporte y playa"],
        query: "leggings activewear swimwear bikini",
    },
];

/// "When this goes into the cart, suggest that."
const CROSS_SELL: &[CrossSell] = &[
    CrossSell {
        when: "Dresses",
        suggest: "bag",
    },
    CrossSell {
        when: "Running Shoes",
        suggest: "leggings",
    },
    CrossSell {
        when: "Jeans",
        suggest: "t shirt",
    },
    CrossSell {
        when: "Jackets",
        suggest: "scarf",
    },
];

/// The seller's configuration.
pub const CONFIG: SellerConfig = SellerConfig {
    greetings: [
        "Hi! I'm Luna from Luna Style 👗 Shoes, dresses, jeans, bags... what are you looking for today?",
        "Oi! Eu sou a Luna, da Luna Style 👗 Tênis, vestidos, jeans, bolsas... o que você procura hoje?",
        "¡Hola! Soy Luna, de Luna Style 👗 Zapatillas, vestidos, vaqueros, bolsos... ¿qué buscas hoy?",
    ],
    categories: CATEGORIES,
    cross_sell: CROSS_SELL,
    vocabulary: &[(
        2.0,
        "stride|aurora trail|metro classic|nimbus|chrono|velvet evening|denim trucker|weekender|merino|chelsea boots",
    )],
    ..SellerConfig::new("fashion", "Luna", "Luna Style")
};

/// The exported seller.
pub struct Fashion;

impl Seller for Fashion {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        CONFIG.handle_turn(host, turn)
    }
}

agent_store_sdk::export_seller!(Fashion);
