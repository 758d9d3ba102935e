//! Native tests of the tech seller over the real demo catalog: the SDK's
//! conformance suite, described by this brand's case.

agent_store_sdk::seller_conformance!(
    seller_tech::Tech,
    agent_store_sdk::conformance::SellerCase {
        csv: concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv"),
        brand: "tech",
        persona: "Max",
        searches: [
            ("hi, I'm looking for a new laptop", &["Laptops"], "en"),
            ("oi, quero um notebook até 700 dólares", &["Laptops"], "pt"),
            ("hola, busco auriculares inalámbricos", &["Audio"], "es"),
        ],
        cart_product: "TEC-0010",
        foreign_product: "BTY-0012",
        hand_off: ("do you have lipstick?", "beauty"),
    }
);
