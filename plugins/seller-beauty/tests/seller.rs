//! Native tests of the beauty seller over the real demo catalog: the SDK's
//! conformance suite, described by this brand's case.

agent_store_sdk::seller_conformance!(
    seller_beauty::Beauty,
    agent_store_sdk::conformance::SellerCase {
        csv: concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv"),
        brand: "beauty",
        persona: "Bella",
        searches: [
            ("I want a serum for my skin", &["Skincare > Serums"], "en"),
            (
                "quero um protetor solar pra pele oleosa",
                &["Skincare > Sunscreen"],
                "pt"
            ),
            ("busco un labial mate", &["Makeup > Lip"], "es"),
        ],
        cart_product: "BTY-0001",
        foreign_product: "FSH-0001",
        hand_off: ("I need running shoes for the gym", "fashion"),
    }
);
