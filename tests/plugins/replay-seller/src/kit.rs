//! The seller both replay test plugins share: the SDK's seller kit for the
//! fashion brand (catalog searches, dialogue state, cart, orders).

use agent_store_sdk::seller::{Category, SellerConfig};

pub const CONFIG: SellerConfig = SellerConfig {
    categories: &[
        Category {
            key: "shoes",
            labels: ["Shoes", "Calçados", "Calzado"],
            query: "sneakers running shoes boots",
        },
        Category {
            key: "bags",
            labels: ["Bags", "Bolsas", "Bolsos"],
            query: "bag",
        },
    ],
    ..SellerConfig::new("fashion", "Luna", "Luna Style")
};
