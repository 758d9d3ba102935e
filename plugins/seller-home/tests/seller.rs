//! Native tests of the home seller over the real demo catalog: the SDK's
//! conformance suite, described by this brand's case.

agent_store_sdk::seller_conformance!(
    seller_home::Home,
    agent_store_sdk::conformance::SellerCase {
        csv: concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv"),
        brand: "home",
        persona: "Sofia",
        searches: [
            ("I need a rug for the living room", &["Decor > Rugs"], "en"),
            ("preciso de um edredom para minha cama", &["Bedding"], "pt"),
            ("busco una sartén antiadherente", &["Kitchen"], "es"),
        ],
        cart_product: "HOM-0005",
        foreign_product: "GAM-0020",
        hand_off: ("tem headset gamer?", "gaming"),
    }
);
