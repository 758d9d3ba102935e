//! Pixel, the gaming seller of Level Up Gaming: the SDK's seller kit
//! configured with this brand's persona, categories and cross-sell hints.
//! The persona prompt lives in `prompts/gaming.md`.

use agent_store_sdk::prelude::*;
use agent_store_sdk::seller::{Category, CrossSell, SellerConfig};

/// Categories offered in greetings and when nothing is found.
const CATEGORIES: &[Category] = &[
    Category {
        key: "consoles",
        labels: ["Consoles", "Consoles", "Consolas"],
        query: "console",
    },
    Category {
        key: "games",
        labels: ["Games", "Jogos", "Juegos"],
        query: "game rpg racing shooter sports puzzle",
    },
    Category {
        key: "controllers",
        labels: ["Controllers", "Controles", "Mandos"],
        query: "controller",
    },
    Category {
        key: "headsets",
        labels: ["Headsets", "Headsets", "Auriculares gamer"],
        query: "gaming headset",
    },
    Category {
        key: "pc",
        labels: [
            "Keyboards & mice",
            "Teclados e mouses",
            "Teclados y ratones",
        ],
        query: "keyboard mouse pad",
    },
    Category {
        key: "chairs",
        labels: ["Gaming chairs", "Cadeiras gamer", "Sillas gamer"],
        query: "gaming chair",
    },
    Category {
        key: "giftcards",
        labels: ["Gift cards", "Cartões-presente", "Tarjetas regalo"],
        query: "gift card",
    },
];

/// "When this goes into the cart, suggest that."
const CROSS_SELL: &[CrossSell] = &[
    CrossSell {
        when: "Consoles",
        suggest: "controller",
    },
    CrossSell {
        when: "Controllers",
        suggest: "charging dock",
    },
    CrossSell {
        when: "Keyboards",
        suggest: "gaming mouse",
    },
    CrossSell {
        when: "Mice",
        suggest: "mouse pad",
    },
];

/// The seller's configuration.
pub const CONFIG: SellerConfig = SellerConfig {
    greetings: [
        "Hey! I'm Pixel from Level Up Gaming 🎮 Consoles, games, controllers and gear. What are you playing?",
        "E aí! Eu sou o Pixel, da Level Up Gaming 🎮 Consoles, jogos, controles e periféricos. O que você procura?",
        "¡Hola! Soy Pixel, de Level Up Gaming 🎮 Consolas, juegos, mandos y accesorios. ¿Qué buscas?",
    ],
    categories: CATEGORIES,
    cross_sell: CROSS_SELL,
    vocabulary: &[(
        2.0,
        "nexus 5|switchblade|dragon realms|velocity rush|goal champions|shadow ops|kart party|puzzle garden|titan ergonomic|retro mini",
    )],
    ..SellerConfig::new("gaming", "Pixel", "Level Up Gaming")
};

/// The exported seller.
pub struct Gaming;

impl Seller for Gaming {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        CONFIG.handle_turn(host, turn)
    }
}

agent_store_sdk::export_seller!(Gaming);
