//! Native tests of the gaming seller over the real demo catalog: the SDK's
//! conformance suite, described by this brand's case.

agent_store_sdk::seller_conformance!(
    seller_gaming::Gaming,
    agent_store_sdk::conformance::SellerCase {
        csv: concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv"),
        brand: "gaming",
        persona: "Pixel",
        searches: [
            ("I want a new console", &["Consoles"], "en"),
            (
                "tem controle sem fio pro videogame?",
                &["Controllers", "Accessories > Chargers"],
                "pt"
            ),
            ("quiero un juego de carreras", &["Games"], "es"),
        ],
        cart_product: "GAM-0002",
        foreign_product: "BTY-0012",
        hand_off: ("quero um batom vermelho", "beauty"),
    }
);
