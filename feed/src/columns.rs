//! The feed's columns: Meta's names, the aliases other exports use, and
//! which of them are [`crate::Product`] fields (every other column is kept
//! as an attribute).

/// The columns a feed cannot do without.
pub const REQUIRED: [&str; 3] = ["id", "title", "price"];

/// Columns that map onto [`crate::Product`] fields, in the order a
/// written feed puts them ([`crate::write`]).
pub const MODEL: [&str; 14] = [
    "id",
    "title",
    "description",
    "availability",
    "price",
    "sale_price",
    "link",
    "image_link",
    "brand",
    "product_type",
    "color",
    "size",
    "gender",
    "quantity",
];

/// The canonical name of a feed column: trimmed, without a byte-order
/// mark, lower-case, `_` for spaces and dashes, and an alias read as the
/// model's column ("quantity_to_sell_on_facebook" is "quantity").
pub fn canonical(raw: &str) -> String {
    let name = raw
        .trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
        .replace([' ', '-'], "_");
    match name.as_str() {
        "quantity" | "quantity_to_sell_on_facebook" | "inventory" => "quantity".to_string(),
        "image_url" | "image" => "image_link".to_string(),
        "url" | "product_url" => "link".to_string(),
        "colour" => "color".to_string(),
        "name" => "title".to_string(),
        _ => name,
    }
}

/// Whether a canonical column is a [`crate::Product`] field.
pub fn is_model(column: &str) -> bool {
    MODEL.contains(&column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_read_as_the_models_columns() {
        assert_eq!(canonical("\u{feff}ID"), "id");
        assert_eq!(canonical("Quantity to sell on Facebook"), "quantity");
        assert_eq!(canonical("image-url"), "image_link");
        assert_eq!(canonical("Colour"), "color");
        assert_eq!(canonical("custom_label_0"), "custom_label_0");
        assert!(is_model("product_type"));
        assert!(!is_model("google_product_category"));
    }
}
