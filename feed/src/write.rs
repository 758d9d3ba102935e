//! Products back to a feed, in the columns [`crate::read`] reads: the
//! model's columns first ([`crate::columns::MODEL`]), then each
//! attribute under its own name.

use crate::columns;
use crate::product::Product;

/// One product as a feed of one row (the admin API's upsert of a single
/// product goes through the same import as a whole feed).
pub fn product_csv(p: &Product) -> Result<Vec<u8>, csv::Error> {
    let mut header: Vec<String> = columns::MODEL.iter().map(|s| s.to_string()).collect();
    let mut row: Vec<String> = columns::MODEL.iter().map(|c| model_field(p, c)).collect();
    for (k, v) in &p.attributes {
        if !header.contains(k) {
            header.push(k.clone());
            row.push(v.clone());
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header)?;
    w.write_record(&row)?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// A model column's value as the feed spells it (empty when unset).
fn model_field(p: &Product, column: &str) -> String {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    match column {
        "id" => p.id.clone(),
        "title" => p.title.clone(),
        "description" => p.description.clone(),
        "availability" => p.availability.as_str().to_string(),
        "price" => p.price.to_string(),
        "sale_price" => p
            .sale_price
            .as_ref()
            .map(|m| m.to_string())
            .unwrap_or_default(),
        "link" => opt(&p.link),
        "image_link" => opt(&p.image_url),
        "brand" => p.brand.clone(),
        "product_type" => p.category.clone(),
        "color" => opt(&p.color),
        "size" => opt(&p.size),
        "gender" => opt(&p.gender),
        "quantity" => p.quantity.map(|q| q.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::parse_feed;

    #[test]
    fn a_written_product_reads_back_the_same() {
        let feed = "id,title,description,availability,price,sale_price,link,image_link,brand,product_type,google_product_category,color,size,gender,quantity_to_sell_on_facebook,custom_label_0\n\
                    A-1,\"Shoe, leather - Black / 40\",\"Soft, \"\"classic\"\"\",in stock,89.90 USD,79.90 USD,https://x.example/p,https://x.example/i.jpg,fashion,Shoes > Sneakers,187,Black,40,unisex,5,casual|gift\n\
                    A-2,Yen thing,,backorder,1500 JPY,,,,tech,Gadgets,,,,,,\n";
        let first = parse_feed(feed.as_bytes()).expect("feed");
        assert!(first.rejected.is_empty(), "{:?}", first.rejected);
        for p in &first.products {
            let csv = product_csv(p).expect("written");
            let again = parse_feed(csv.as_slice()).expect("read back");
            assert!(again.rejected.is_empty(), "{:?}", again.rejected);
            assert_eq!(again.products.as_slice(), std::slice::from_ref(p));
        }
    }
}
