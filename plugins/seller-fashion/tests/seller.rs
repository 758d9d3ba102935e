//! Native tests of the fashion seller over the real demo catalog: the SDK's
//! conformance suite, described by this brand's case.

agent_store_sdk::seller_conformance!(
    seller_fashion::Fashion,
    agent_store_sdk::conformance::SellerCase {
        csv: concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv"),
        brand: "fashion",
        persona: "Luna",
        searches: [
            ("black running shoes under $100", &["Shoes"], "en"),
            ("oi, quero um vestido rosa", &["Clothing > Dresses"], "pt"),
            (
                "hola, busco un bolso de cuero",
                &["Accessories > Bags"],
                "es"
            ),
        ],
        cart_product: "FSH-0001",
        foreign_product: "TEC-0010",
        hand_off: ("quero um notebook novo", "tech"),
    }
);
