#!/usr/bin/env python3
"""Writes catalog10.csv (Meta feed format, like catalog/products.csv) next to
this file: the tenth evaluation catalog of issue 15, held out from tuning.

About 255 rows (217 models) of six brands: the five demo brands and a sixth, `baby`
(nappies and changing, pushchairs, prams and car seats, cots and sleep,
baby monitors, feeding: bottles, breast pumps, sterilisers, high chairs,
teethers and soothers, bathing, and baby clothes from newborn to 24
months; its seller's manifest section is seller-baby.routing.toml).
Written in issue 15's eighth session before the router or the search ran on
it, and without looking at the router's or the search's word lists. The
feed is a UK shop's export, unlike catalogs 1-9:

- prices in GBP, sales at 20 % off on every fifth row;
- British English titles and descriptions (trainers, jumper, trousers, hob,
  kettle, duvet, nappies, pushchair, mobile phone, telly);
- the variant in brackets after the title: colour, then the size
  ("Harrow Cable Knit Jumper (Oatmeal, Size 12)"; shoes "UK 7", children's
  "Age 5-6", baby "0-3 months");
- UK clothing sizes 8-18 for women, S-XXL for men, UK shoe sizes;
- `product_type` a path with " / " separators ("Womens / Knitwear"), a
  single word ("Kitchen") on every fourth model;
- `google_product_category` Google's numeric id on every third model, the
  full English path on the others, empty on every seventh (resolved from
  lang/data/google-taxonomy-with-ids.en-US.txt by feedgen);
- `custom_label_0` a promotion or shelf code (bf-2026, boxing-day, clr,
  staff-pick, new-in) or empty, never a product word;
- availability cycles in stock / out of stock / available for order.

    python3 catalog/eval/catalog10.py
"""

from feedgen import Style, google_category, rows, write

AVAIL = ["in stock", "in stock", "in stock", "in stock", "out of stock",
         "in stock", "in stock", "available for order", "in stock"]

# (model key, brand, title, product type path, google category path ending,
#  description, promotion label, price (GBP), variants, gender, material);
#  a variant is (colour, size).
CATALOG10 = [
    # fashion
    ("F01", "fashion", "Harrow Cable Knit Jumper", "Womens / Knitwear", "Clothing > Shirts & Tops", "Chunky cable knit jumper with a crew neck and ribbed cuffs. Cosy for autumn walks.", "new-in", 48.0, [("oatmeal", "10"), ("navy", "12"), ("oatmeal", "14")], "female", "wool blend"),
    ("F02", "fashion", "Camden Oversized Hoodie", "Unisex / Hoodies & Sweatshirts", "Clothing > Activewear", "Heavyweight oversized hoodie with a kangaroo pocket and dropped shoulders.", "", 38.0, [("black", "M")], "unisex", "cotton fleece"),
    ("F03", "fashion", "Brixton Retro Running Trainers", "Footwear / Trainers", "Apparel & Accessories > Shoes", "Suede and mesh retro runners with a gum sole. Everyday trainers that go with everything.", "bf-2026", 65.0, [("white/green", "UK 6"), ("grey", "UK 8")], "unisex", "suede, mesh"),
    ("F04", "fashion", "Mayfair Wool Blend Overcoat", "Mens / Coats & Jackets", "Outerwear > Coats & Jackets", "Single-breasted knee-length overcoat in a wool blend. Smart over a suit for the commute.", "", 149.0, [("camel", "M")], "male", "wool blend"),
    ("F05", "fashion", "Putney Tailored Trousers", "Womens / Trousers", "Clothing > Pants", "High-waisted wide-leg trousers with pressed creases. Office smart.", "staff-pick", 42.0, [("black", "8")], "female", "polyester, viscose"),
    ("F06", "fashion", "Kensington Floral Tea Dress", "Womens / Dresses", "Clothing > Dresses", "Midi tea dress with a ditsy floral print, flutter sleeves and a tie waist. Lovely for a garden party or a wedding.", "", 55.0, [("blue floral", "10"), ("red floral", "14")], "female", "viscose"),
    ("F07", "fashion", "Highland Waxed Cotton Jacket", "Mens / Coats & Jackets", "Outerwear > Coats & Jackets", "Classic waxed jacket with a corduroy collar and tartan lining. Shower-proof for the countryside.", "", 125.0, [("olive", "L")], "male", "waxed cotton"),
    ("F08", "fashion", "Chelsea Leather Ankle Boots", "Footwear / Boots", "Apparel & Accessories > Shoes", "Leather Chelsea boots with elastic side panels and a pull tab. A chunky cleated sole.", "bf-2026", 89.0, [("black", "UK 5")], "female", "leather"),
    ("F09", "fashion", "Shoreditch Slim Stretch Jeans", "Mens / Jeans", "Clothing > Pants", "Slim-fit jeans with a bit of stretch. Mid wash.", "", 45.0, [("mid blue", "32R")], "male", "cotton, elastane"),
    ("F10", "fashion", "Bath Merino Roll Neck", "Mens / Knitwear", "Clothing > Shirts & Tops", "Fine merino wool roll neck, warm without the bulk.", "", 59.0, [("black", "M")], "male", "merino wool"),
    ("F11", "fashion", "Windsor Quilted Gilet", "Womens / Coats & Jackets", "Clothing > Outerwear", "Lightweight diamond-quilted gilet with a stand collar and popper fastening.", "clr", 39.0, [("khaki", "12")], "female", "nylon"),
    ("F12", "fashion", "Notting Hill Satin Slip Skirt", "Womens / Skirts", "Clothing > Skirts", "Bias-cut satin midi skirt with an elasticated waist.", "", 32.0, [("champagne", "10")], "female", "satin"),
    ("F13", "fashion", "Soho Leather Crossbody Bag", "Accessories / Bags", "Handbags, Wallets & Cases > Handbags", "Small leather crossbody bag with an adjustable strap and a zip pocket for your phone.", "", 49.0, [("black", "One Size"), ("tan", "One Size")], "female", "leather"),
    ("F14", "fashion", "Brighton Striped Breton Top", "Womens / Tops", "Clothing > Shirts & Tops", "Long-sleeve Breton stripe top in soft cotton jersey.", "", 22.0, [("navy/ecru", "8")], "female", "cotton"),
    ("F15", "fashion", "Cotswold Flannel Pyjama Set", "Nightwear", "Clothing > Sleepwear & Loungewear", "Brushed flannel pyjamas: button-up shirt and drawstring bottoms. Warm for winter nights.", "", 35.0, [("red tartan", "M")], "unisex", "cotton flannel"),
    ("F16", "fashion", "Lambswool Check Scarf", "Accessories / Scarves", "Clothing Accessories > Scarves & Shawls", "Soft lambswool scarf in a heritage check with fringed ends.", "boxing-day", 29.0, [("grey check", "One Size"), ("red check", "One Size")], "unisex", "lambswool"),
    ("F17", "fashion", "Greenwich Leather Brogues", "Footwear / Mens Shoes", "Apparel & Accessories > Shoes", "Full brogue leather lace-ups with a Goodyear welted sole. For the office or a wedding.", "", 95.0, [("brown", "UK 8")], "male", "leather"),
    ("F18", "fashion", "Hampstead Quilted Puffer Coat", "Womens / Coats & Jackets", "Outerwear > Coats & Jackets", "Long padded puffer coat with a detachable hood. Warm enough for January.", "bf-2026", 79.0, [("black", "10")], "female", "recycled polyester"),
    ("F19", "fashion", "Marylebone Sequin Party Top", "Womens / Tops", "Clothing > Shirts & Tops", "Cami top covered in sequins for the Christmas do and New Year's Eve.", "", 30.0, [("silver", "10")], "female", "polyester"),
    ("F20", "fashion", "Kids School Trousers (2 pack)", "Kids / Schoolwear", "Clothing > Pants", "Two pairs of hard-wearing school trousers with an adjustable waist. Ages 4 to 12.", "", 14.0, [("grey", "Age 5-6")], "unisex", "polyester"),
    ("F21", "fashion", "Kids Light-Up Trainers", "Kids / Shoes", "Apparel & Accessories > Shoes", "Children's trainers with flashing light-up soles and hook and loop straps.", "staff-pick", 28.0, [("pink", "UK 11 Infant"), ("navy", "UK 1")], "unisex", "synthetic"),
    ("F22", "fashion", "Shetland Fair Isle Christmas Jumper", "Unisex / Knitwear", "Clothing > Shirts & Tops", "Festive Fair Isle jumper with reindeer and snowflakes.", "boxing-day", 34.0, [("red", "M")], "unisex", "acrylic"),
    ("F23", "fashion", "Richmond Linen Shirt", "Mens / Shirts", "Clothing > Shirts & Tops", "Relaxed long-sleeve linen shirt for summer holidays.", "", 40.0, [("white", "M"), ("sky blue", "L")], "male", "linen"),
    ("F24", "fashion", "Clapham Running Leggings", "Womens / Sportswear", "Clothing > Activewear", "High-waisted sports leggings with a phone pocket, squat proof.", "", 28.0, [("black", "8")], "female", "nylon, elastane"),
    ("F25", "fashion", "Wimbledon Pleated Tennis Skirt", "Womens / Sportswear", "Clothing > Skirts", "Pleated skort with built-in shorts.", "", 24.0, [("white", "10")], "female", "polyester"),
    ("F26", "fashion", "Cornish Hooded Raincoat", "Unisex / Coats & Jackets", "Outerwear > Coats & Jackets", "Waterproof hooded raincoat with taped seams. Made for British weather.", "", 60.0, [("yellow", "M"), ("navy", "L")], "unisex", "PU-coated cotton"),
    ("F27", "fashion", "Savile Slim Fit Suit Jacket", "Mens / Suits", "Clothing > Suits", "Two-button slim-fit suit jacket. Matching trousers sold separately.", "", 110.0, [("navy", "40R")], "male", "wool blend"),
    ("F28", "fashion", "Savile Slim Fit Suit Trousers", "Mens / Suits", "Clothing > Suits", "Flat-front slim-fit suit trousers to match the Savile jacket.", "", 55.0, [("navy", "32R")], "male", "wool blend"),
    ("F29", "fashion", "Regent Faux Fur Slippers", "Footwear / Slippers", "Apparel & Accessories > Shoes", "Mule slippers lined with faux fur and a memory foam footbed.", "", 20.0, [("pink", "UK 5-6")], "female", "faux fur"),
    ("F30", "fashion", "Borough Canvas Backpack", "Accessories / Bags", "Luggage & Bags > Backpacks", "Roll-top canvas rucksack with a padded laptop sleeve.", "", 45.0, [("olive", "One Size")], "unisex", "canvas"),
    ("F31", "fashion", "Cheltenham Wide Brim Fedora", "Accessories / Hats", "Clothing Accessories > Hats", "Wool felt fedora with a grosgrain band. Races day ready.", "", 35.0, [("camel", "One Size")], "female", "wool felt"),
    ("F32", "fashion", "Sterling Silver Hoop Earrings", "Accessories / Jewellery", "Jewelry > Earrings", "Chunky sterling silver hoops, 25 mm.", "staff-pick", 39.0, [("silver", "25mm")], "female", "sterling silver"),
    ("F33", "fashion", "Mens Swim Shorts", "Mens / Swimwear", "Clothing > Swimwear", "Quick-dry swim shorts with a mesh lining and a zip back pocket.", "", 22.0, [("palm print", "M"), ("navy", "L")], "male", "recycled polyester"),
    ("F34", "fashion", "Fulham Leather Belt", "Mens / Accessories", "Clothing Accessories > Belts", "Full-grain leather belt with a brushed silver buckle.", "", 25.0, [("brown", "M")], "male", "leather"),
    ("F35", "fashion", "Islington Wrap Bodysuit", "Womens / Tops", "Clothing > Shirts & Tops", "Long-sleeve wrap-front bodysuit with poppers, for going out with jeans.", "", 20.0, [("black", "8")], "female", "viscose"),
    ("F36", "fashion", "Thermal Long Johns Set", "Nightwear", "Clothing > Underwear & Socks", "Thermal base layer top and leggings for cold days.", "", 18.0, [("grey", "M"), ("black", "L")], "unisex", "polyester, viscose"),
    # tech
    ("T01", "tech", "Nova S24 5G Mobile Phone 128GB", "Mobile Phones", "Electronics > Communications > Telephony > Mobile Phones", "6.2-inch 5G smartphone with a triple camera and all-day battery. SIM free, unlocked.", "new-in", 699.0, [("phantom black", "128GB")], "unisex", ""),
    ("T02", "tech", "Nova A15 Budget Smartphone", "Mobile Phones", "Electronics > Communications > Telephony > Mobile Phones", "Affordable SIM-free phone with a big 6.5-inch screen and a 5000 mAh battery. Good first phone.", "", 149.0, [("black", "64GB")], "unisex", ""),
    ("T03", "tech", "Vista 55 inch 4K Smart TV", "TV & Audio / Televisions", "Electronics > Video > Televisions", "55-inch 4K HDR smart telly with Freeview Play and all the catch-up apps built in.", "bf-2026", 449.0, [("black", "55in")], "unisex", ""),
    ("T04", "tech", "Vista 32 inch HD Smart TV", "TV & Audio / Televisions", "Electronics > Video > Televisions", "Compact 32-inch HD ready smart TV for the bedroom or the kitchen.", "", 179.0, [("black", "32in")], "unisex", ""),
    ("T05", "tech", "Oakley Street 14 inch Laptop", "Computing / Laptops", "Electronics > Computers > Laptops", "Slim 14-inch laptop, 16GB RAM, 512GB SSD. Light enough for uni.", "", 599.0, [("silver", "16GB/512GB")], "unisex", "aluminium"),
    ("T06", "tech", "Chromium 11 inch Chromebook", "Computing / Laptops", "Electronics > Computers > Laptops", "Rugged little Chromebook for school homework, 64GB storage.", "", 199.0, [("grey", "64GB")], "unisex", ""),
    ("T07", "tech", "Tabula 10 Tablet", "Computing / Tablets", "Electronics > Computers > Tablet Computers", "10-inch tablet with 64GB storage for films, video calls and browsing.", "", 159.0, [("grey", "64GB"), ("grey", "128GB")], "unisex", ""),
    ("T08", "tech", "Hush 700 Noise Cancelling Headphones", "TV & Audio / Headphones", "Audio Components > Headphones & Headsets > Headphones", "Over-ear wireless headphones with active noise cancelling and 30 hours of battery. Great on the Tube.", "staff-pick", 199.0, [("black", "")], "unisex", ""),
    ("T09", "tech", "Pip True Wireless Earbuds", "TV & Audio / Headphones", "Audio Components > Headphones & Headsets > Headphones", "Compact Bluetooth earbuds with a charging case, sweat resistant for the gym.", "", 49.0, [("white", "")], "unisex", ""),
    ("T10", "tech", "Aria 2.1 Soundbar", "TV & Audio / Soundbars", "Electronics > Audio", "Soundbar with a wireless subwoofer and HDMI ARC for a bigger sound from your telly.", "", 179.0, [("black", "")], "unisex", ""),
    ("T11", "tech", "Roam Portable Bluetooth Speaker", "TV & Audio / Speakers", "Electronics > Audio", "Waterproof Bluetooth speaker, 12 hours of playback. Take it to the beach or the garden.", "", 59.0, [("teal", "")], "unisex", ""),
    ("T12", "tech", "DAB+ Kitchen Radio", "TV & Audio / Radios", "Electronics > Audio", "Retro DAB and FM radio with presets and an alarm. Mains or battery.", "", 45.0, [("cream", "")], "unisex", ""),
    ("T13", "tech", "Pulse Fitness Smartwatch", "Wearables", "Electronics > Electronics Accessories", "Smartwatch with heart rate, GPS, sleep tracking and notifications from your phone. 7-day battery.", "", 129.0, [("black", "")], "unisex", ""),
    ("T14", "tech", "Ring-Free Video Doorbell", "Smart Home / Security", "Electronics > Electronics Accessories", "Wi-Fi video doorbell with motion alerts to your phone and two-way talk.", "", 89.0, [("black", "")], "unisex", ""),
    ("T15", "tech", "HomeView Indoor Wi-Fi Camera", "Smart Home / Security", "Electronics > Electronics Accessories", "Indoor security camera with pan and tilt, night vision and motion alerts. Keep an eye on the house or the dog.", "", 35.0, [("white", "")], "unisex", ""),
    ("T16", "tech", "Echoe Smart Speaker with Alexa", "Smart Home", "Electronics > Audio", "Voice-controlled smart speaker: music, timers, weather and smart home control.", "bf-2026", 49.0, [("charcoal", "")], "unisex", ""),
    ("T17", "tech", "Mesh Wi-Fi 6 System (3 pack)", "Computing / Networking", "Electronics > Networking", "Three mesh units for strong Wi-Fi in every room, even the loft conversion.", "", 199.0, [("white", "3 pack")], "unisex", ""),
    ("T18", "tech", "20000mAh Power Bank", "Phone Accessories", "Electronics > Electronics Accessories", "Fast-charge portable battery with USB-C, charges a phone four times.", "", 29.0, [("black", "")], "unisex", ""),
    ("T19", "tech", "65W USB-C GaN Charger", "Phone Accessories", "Electronics > Electronics Accessories", "Compact three-port UK plug charger for phone, tablet and laptop at once.", "", 39.0, [("white", "UK plug")], "unisex", ""),
    ("T20", "tech", "Clear Case and Screen Protector Bundle", "Phone Accessories", "Electronics > Electronics Accessories", "Shockproof clear phone case with a tempered glass screen protector, for the Nova S24.", "clr", 15.0, [("clear", "Nova S24"), ("clear", "Nova A15")], "unisex", "TPU, glass"),
    ("T21", "tech", "Snapper Instant Camera", "Cameras", "Cameras & Optics > Cameras", "Instant camera that prints credit-card sized photos in seconds.", "", 69.0, [("mint", "")], "unisex", ""),
    ("T22", "tech", "Trail 4K Action Camera", "Cameras", "Cameras & Optics > Cameras", "Waterproof 4K action camera with stabilisation and a helmet mount.", "", 149.0, [("black", "")], "unisex", ""),
    ("T23", "tech", "Inkwise Wireless All-in-One Printer", "Computing / Printers", "Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines", "Print, scan and copy from your phone over Wi-Fi. Ink subscription ready.", "", 79.0, [("white", "")], "unisex", ""),
    ("T24", "tech", "27 inch QHD Monitor", "Computing / Monitors", "Electronics > Video > Computer Monitors", "27-inch 1440p IPS monitor with thin bezels and a height-adjustable stand. For working from home.", "", 219.0, [("black", "27in")], "unisex", ""),
    ("T25", "tech", "Wireless Keyboard and Mouse Set", "Computing / Accessories", "Input Devices > Keyboards", "Quiet wireless keyboard (UK layout) and mouse with one USB receiver.", "", 35.0, [("black", "UK layout")], "unisex", ""),
    ("T26", "tech", "Portable SSD 1TB", "Computing / Storage", "Electronics > Electronics Accessories", "Pocket-sized external SSD, USB-C, for backing up photos and work.", "", 89.0, [("grey", "1TB")], "unisex", ""),
    ("T27", "tech", "Streamer 4K HDMI Stick", "TV & Audio / Streaming", "Electronics > Video", "Plug into your telly's HDMI port to stream Netflix, iPlayer and more in 4K.", "", 39.0, [("black", "")], "unisex", ""),
    ("T28", "tech", "Lumo Smart Bulbs (4 pack)", "Smart Home / Lighting", "Home & Garden > Lighting", "Colour-changing Wi-Fi LED bulbs, E27 screw, control from your phone or by voice.", "", 35.0, [("", "E27 4 pack")], "unisex", ""),
    ("T29", "tech", "Dash Cam Front and Rear", "Car Tech", "Electronics > Electronics Accessories", "1440p front and rear dash cam with parking mode and a G-sensor.", "", 99.0, [("black", "")], "unisex", ""),
    ("T30", "tech", "Kids Smartwatch with GPS", "Wearables", "Electronics > Electronics Accessories", "Children's watch with GPS tracking, calls to approved numbers and an SOS button.", "", 59.0, [("blue", ""), ("pink", "")], "unisex", ""),
    ("T31", "tech", "Senior Big Button Mobile Phone", "Mobile Phones", "Electronics > Communications > Telephony > Mobile Phones", "Easy-to-use flip phone with big buttons, loud ringer and an SOS key. Ideal for grandparents.", "", 49.0, [("red", "")], "unisex", ""),
    ("T32", "tech", "Noise Machine Sleep Speaker", "TV & Audio / Speakers", "Electronics > Audio", "Bedside sound machine with white noise, rain and waves for better sleep.", "", 29.0, [("white", "")], "unisex", ""),
    ("T33", "tech", "E-Ink Reader 6 inch", "Computing / Tablets", "Electronics > Electronics Accessories", "Glare-free e-reader with a warm light and weeks of battery.", "", 99.0, [("black", "16GB")], "unisex", ""),
    ("T34", "tech", "Cordless Landline Phone Twin", "Phones", "Electronics > Communications > Telephony", "Twin cordless DECT home phones with an answering machine and call blocking.", "", 45.0, [("black", "Twin")], "unisex", ""),
    # home
    ("H01", "home", "Brew Rapid Boil Kettle 1.7L", "Kitchen", "Kitchen Appliances", "Quiet rapid-boil kettle with a limescale filter and a 360 degree base.", "", 35.0, [("cream", "1.7L"), ("matt black", "1.7L")], "unisex", "stainless steel"),
    ("H02", "home", "Brew 4 Slice Toaster", "Kitchen / Small Appliances", "Kitchen Appliances", "Four-slice toaster with variable browning, defrost and a crumb tray.", "", 40.0, [("cream", "")], "unisex", "stainless steel"),
    ("H03", "home", "60cm Induction Hob", "Kitchen / Cooking", "Kitchen Appliances", "Four-zone induction hob with touch controls and a boost function.", "bf-2026", 279.0, [("black glass", "60cm")], "unisex", "glass"),
    ("H04", "home", "Crisp 5.5L Air Fryer", "Kitchen / Small Appliances", "Kitchen Appliances", "Dual-basket air fryer, cooks chips and chicken with little or no oil. Cheaper to run than the oven.", "staff-pick", 99.0, [("black", "5.5L")], "unisex", ""),
    ("H05", "home", "Slow Cooker 6.5L", "Kitchen / Small Appliances", "Kitchen Appliances", "Family-size slow cooker with a removable ceramic pot for stews and casseroles.", "", 39.0, [("grey", "6.5L")], "unisex", "ceramic"),
    ("H06", "home", "Bean-to-Cup Coffee Machine", "Kitchen / Coffee", "Kitchen Appliances", "Grinds fresh beans for espresso, cappuccino and latte with a milk frother.", "", 349.0, [("black", "")], "unisex", ""),
    ("H07", "home", "Cast Iron Casserole Dish 24cm", "Kitchen / Cookware", "Kitchen & Dining > Cookware & Bakeware", "Enamelled cast iron casserole for the hob and the oven.", "", 69.0, [("flame orange", "24cm")], "unisex", "cast iron"),
    ("H08", "home", "Non-Stick Saucepan Set (3)", "Kitchen / Cookware", "Kitchen & Dining > Cookware & Bakeware", "Three non-stick saucepans with glass lids, suitable for induction hobs.", "", 45.0, [("grey", "16/18/20cm")], "unisex", "aluminium"),
    ("H09", "home", "Hotel Collection Duvet 10.5 Tog", "Bedroom / Bedding", "Linens & Bedding > Bedding", "All-seasons microfibre duvet that feels like down. 10.5 tog.", "", 35.0, [("white", "Double")], "unisex", "microfibre"),
    ("H10", "home", "Egyptian Cotton Duvet Cover Set", "Bedroom / Bedding", "Linens & Bedding > Bedding", "400 thread count duvet cover with two pillowcases.", "", 45.0, [("white", "Double")], "unisex", "cotton"),
    ("H11", "home", "Fitted Sheet Deep Pocket", "Bedroom / Bedding", "Linens & Bedding > Bedding", "Fitted sheet for mattresses up to 35cm deep.", "", 15.0, [("white", "Single"), ("white", "Double")], "unisex", "cotton"),
    ("H12", "home", "Pocket Sprung Mattress Medium", "Bedroom / Mattresses", "Beds & Accessories > Mattresses", "1000 pocket springs with a memory foam top, medium firmness, rolled and boxed.", "", 299.0, [("", "Double")], "unisex", "foam, springs"),
    ("H13", "home", "Ottoman Storage Bed Frame", "Bedroom / Beds", "Beds & Accessories > Beds & Bed Frames", "Upholstered bed frame that lifts up for storage underneath.", "", 399.0, [("grey velvet", "Double"), ("grey velvet", "King")], "unisex", "velvet, pine"),
    ("H14", "home", "Chunky Knit Throw", "Living Room / Throws", "Home & Garden > Decor", "Chunky knit throw for the sofa, 130 x 170 cm.", "", 30.0, [("cream", "")], "unisex", "acrylic"),
    ("H15", "home", "Velvet Scatter Cushions (2)", "Living Room / Cushions", "Home & Garden > Decor", "Two plump velvet cushions, 45 x 45 cm, feather filled.", "", 25.0, [("teal", "")], "unisex", "velvet"),
    ("H16", "home", "Rattan Effect Laundry Basket", "Bathroom", "Household Supplies", "Laundry basket with a lid and a washable liner, 60 litres.", "", 22.0, [("natural", "")], "unisex", "polypropylene"),
    ("H17", "home", "Heated Clothes Airer", "Laundry", "Household Appliances", "Electric heated airer with three tiers. Dries washing indoors in winter for pennies.", "bf-2026", 65.0, [("silver", "3 tier")], "unisex", "aluminium"),
    ("H18", "home", "Dehumidifier 12L", "Home / Climate", "Household Appliances", "Compact dehumidifier that stops condensation, mould and damp, with a laundry mode.", "", 139.0, [("white", "12L")], "unisex", ""),
    ("H19", "home", "Oil Filled Radiator 2kW", "Home / Heating", "Household Appliances", "Portable oil-filled radiator with a thermostat and timer.", "", 59.0, [("white", "2kW")], "unisex", ""),
    ("H20", "home", "Cordless Stick Vacuum Cleaner", "Home / Cleaning", "Household Appliances", "Lightweight cordless vacuum with a 40 minute battery, converts to a handheld for the stairs and the car.", "", 149.0, [("grey", "")], "unisex", ""),
    ("H21", "home", "Steam Mop", "Home / Cleaning", "Household Appliances", "Steam mop for tiles and sealed floors, kills germs without chemicals.", "", 49.0, [("blue", "")], "unisex", ""),
    ("H22", "home", "Blackout Eyelet Curtains", "Windows", "Home & Garden > Decor", "Thermal blackout curtains with eyelet tops, pair.", "", 28.0, [("charcoal", "66x72in")], "unisex", "polyester"),
    ("H23", "home", "Round Wall Mirror 80cm", "Living Room / Mirrors", "Home & Garden > Decor", "Large round mirror with a thin brass frame for the hallway.", "", 75.0, [("brass", "80cm")], "unisex", "glass, metal"),
    ("H24", "home", "Scandi Oak Dining Table", "Dining / Furniture", "Furniture", "Oak-effect dining table that seats six.", "", 249.0, [("oak", "6 seater")], "unisex", "oak veneer"),
    ("H25", "home", "Upholstered Dining Chairs (2)", "Dining / Furniture", "Furniture > Chairs", "Pair of velvet dining chairs with black metal legs.", "", 120.0, [("green velvet", "")], "unisex", "velvet, steel"),
    ("H26", "home", "3 Seater Fabric Sofa", "Living Room / Sofas", "Furniture", "Deep-seated three-seater sofa with removable cushion covers.", "", 599.0, [("grey", "3 seater"), ("ochre", "3 seater")], "unisex", "fabric, hardwood"),
    ("H27", "home", "Towel Bale (6 piece)", "Bathroom", "Linens & Bedding", "Two bath towels, two hand towels and two bath sheets in thick cotton.", "", 30.0, [("white", "")], "unisex", "cotton"),
    ("H28", "home", "Stoneware Dinner Set (12 piece)", "Dining / Tableware", "Kitchen & Dining", "Plates, side plates and bowls for four in reactive glaze stoneware.", "", 45.0, [("speckled", "12 piece")], "unisex", "stoneware"),
    ("H29", "home", "Reed Diffuser Fig and Cassis", "Home / Fragrance", "Home & Garden > Decor", "Reed diffuser that scents a room for up to 12 weeks.", "", 18.0, [("", "200ml")], "unisex", ""),
    ("H30", "home", "Scented Candle Log Fire", "Home / Fragrance", "Home & Garden > Decor", "Soy wax candle in a glass jar with a smoky wood and cinnamon scent.", "boxing-day", 15.0, [("", "large")], "unisex", "soy wax"),
    ("H31", "home", "Under Stairs Shoe Storage Bench", "Hallway", "Furniture", "Hallway bench with cubbies for shoes and a padded seat.", "", 69.0, [("white", "")], "unisex", "MDF"),
    ("H32", "home", "Microwave 20L", "Kitchen / Small Appliances", "Kitchen Appliances", "Compact 800W microwave with a defrost setting.", "", 65.0, [("black", "20L")], "unisex", ""),
    ("H33", "home", "Pedal Bin 30L", "Kitchen", "Household Supplies", "Stainless steel pedal bin with a soft-close lid and removable inner bucket.", "", 30.0, [("brushed steel", "30L")], "unisex", "stainless steel"),
    ("H34", "home", "Ironing Board with Cover", "Laundry", "Household Supplies", "Extra-wide ironing board with an iron rest and a padded cover.", "", 35.0, [("grey", "")], "unisex", "steel"),
    # beauty
    ("B01", "beauty", "Hydrating Hyaluronic Serum", "Skincare / Serums", "Cosmetics > Skin Care", "Lightweight serum with hyaluronic acid that plumps dry, dehydrated skin.", "", 16.0, [("", "30ml")], "unisex", ""),
    ("B02", "beauty", "Vitamin C Brightening Serum", "Skincare / Serums", "Cosmetics > Skin Care", "Brightening serum for dull skin and dark spots.", "staff-pick", 22.0, [("", "30ml")], "unisex", ""),
    ("B03", "beauty", "Retinol Night Cream", "Skincare / Moisturisers", "Cosmetics > Skin Care", "Overnight cream with encapsulated retinol for fine lines and wrinkles.", "", 28.0, [("", "50ml")], "female", ""),
    ("B04", "beauty", "SPF 50 Daily Face Sunscreen", "Skincare / Sun", "Cosmetics > Skin Care", "Invisible fluid sun cream for the face, no white cast, under make-up.", "", 14.0, [("", "50ml")], "unisex", ""),
    ("B05", "beauty", "Gentle Foaming Cleanser", "Skincare", "Cosmetics > Skin Care", "Foaming face wash for oily and spot-prone skin with salicylic acid.", "", 10.0, [("", "150ml")], "unisex", ""),
    ("B06", "beauty", "Barrier Repair Moisturiser", "Skincare / Moisturisers", "Cosmetics > Skin Care", "Rich moisturiser with ceramides for dry and sensitive skin, fragrance free.", "", 18.0, [("", "50ml")], "unisex", ""),
    ("B07", "beauty", "Longwear Matte Foundation", "Make-Up / Face", "Cosmetics > Makeup > Face Makeup", "Full-coverage matte foundation that lasts all day.", "", 24.0, [("fair", "30ml"), ("medium", "30ml"), ("deep", "30ml")], "female", ""),
    ("B08", "beauty", "Brightening Concealer", "Make-Up / Face", "Cosmetics > Makeup > Face Makeup", "Creamy concealer for dark circles and blemishes.", "", 12.0, [("light", "")], "female", ""),
    ("B09", "beauty", "Volume Mascara", "Make-Up / Eyes", "Cosmetics > Makeup > Eye Makeup", "Lengthening, volumising mascara that doesn't smudge.", "", 11.0, [("black", ""), ("brown", "")], "female", ""),
    ("B10", "beauty", "Nude Eyeshadow Palette", "Make-Up / Eyes", "Cosmetics > Makeup > Eye Makeup", "Twelve neutral shimmer and matte eyeshadows.", "bf-2026", 20.0, [("nudes", "12 pans")], "female", ""),
    ("B11", "beauty", "Velvet Matte Lipstick", "Make-Up / Lips", "Cosmetics > Makeup > Lip Makeup", "Creamy matte lipstick in long-lasting colours.", "", 9.0, [("ruby red", "")], "female", ""),
    ("B12", "beauty", "Plumping Lip Gloss", "Make-Up / Lips", "Cosmetics > Makeup > Lip Makeup", "Tingly plumping gloss for fuller-looking lips.", "", 10.0, [("clear", ""), ("pink", "")], "female", ""),
    ("B13", "beauty", "Setting Spray", "Make-Up", "Cosmetics > Makeup > Face Makeup", "Fixing mist that keeps make-up in place for 16 hours.", "", 12.0, [("", "100ml")], "female", ""),
    ("B14", "beauty", "Make-Up Brush Set (10)", "Make-Up / Tools", "Cosmetic Tools > Makeup Tools", "Ten soft synthetic brushes for foundation, powder, eyes and contour in a roll.", "", 18.0, [("rose gold", "10 piece")], "female", "synthetic"),
    ("B15", "beauty", "Ionic Hair Dryer 2200W", "Hair / Electricals", "Hair Care > Hair Styling Tools", "Powerful ionic hair dryer with a diffuser and concentrator, less frizz.", "", 45.0, [("black", "")], "female", ""),
    ("B16", "beauty", "Ceramic Hair Straighteners", "Hair / Electricals", "Hair Care > Hair Styling Tools", "Ceramic plate straighteners that heat up in 30 seconds, up to 230 degrees.", "bf-2026", 39.0, [("black", "")], "female", ""),
    ("B17", "beauty", "Hot Air Styling Brush", "Hair / Electricals", "Hair Care > Hair Styling Tools", "Blow-dry brush that dries and volumises in one go.", "", 49.0, [("pink", "")], "female", ""),
    ("B18", "beauty", "Bond Repair Shampoo and Conditioner", "Hair / Care", "Personal Care > Hair Care", "Duo for bleached and damaged hair, repairs broken bonds.", "", 24.0, [("", "2 x 250ml")], "unisex", ""),
    ("B19", "beauty", "Curl Defining Cream", "Hair / Care", "Personal Care > Hair Care", "Defines curls and coils without crunch, for wavy and curly hair.", "", 11.0, [("", "250ml")], "unisex", ""),
    ("B20", "beauty", "Gel Nail Polish Kit with LED Lamp", "Nails", "Cosmetics > Nail Care", "At-home gel manicure: LED lamp, base, top coat and six colours.", "", 35.0, [("", "6 colours")], "female", ""),
    ("B21", "beauty", "Press-On Nails (24)", "Nails", "Cosmetics > Nail Care", "Reusable press-on nails in almond shape with glue tabs.", "", 8.0, [("french", "24")], "female", ""),
    ("B22", "beauty", "Eau de Parfum Rose and Oud", "Fragrance / Womens", "Cosmetics > Perfume & Cologne", "Warm floral perfume with rose, oud and amber.", "boxing-day", 45.0, [("", "50ml"), ("", "100ml")], "female", ""),
    ("B23", "beauty", "Cedar and Vetiver Aftershave", "Fragrance / Mens", "Cosmetics > Perfume & Cologne", "Woody aftershave for men, eau de toilette.", "", 38.0, [("", "100ml")], "male", ""),
    ("B24", "beauty", "Beard Oil and Balm Kit", "Mens Grooming", "Shaving & Grooming", "Beard oil, balm and a wooden comb for a softer, tamer beard.", "", 20.0, [("", "kit")], "male", ""),
    ("B25", "beauty", "Cordless Beard Trimmer", "Mens Grooming", "Shaving & Grooming", "Rechargeable beard trimmer with 20 length settings, washable.", "", 35.0, [("black", "")], "male", ""),
    ("B26", "beauty", "IPL Hair Removal Device", "Body / Hair Removal", "Shaving & Grooming > Hair Removal", "At-home IPL for long-lasting smooth legs and underarms.", "", 199.0, [("white", "")], "female", ""),
    ("B27", "beauty", "Gradual Tan Lotion", "Body / Tanning", "Cosmetics > Skin Care", "Builds a natural-looking tan over a few days. No streaks, no fake tan smell.", "", 9.0, [("", "200ml")], "unisex", ""),
    ("B28", "beauty", "Shea Body Butter", "Body", "Cosmetics > Skin Care", "Thick shea body butter for dry skin, cocoa scented.", "", 12.0, [("", "200ml")], "unisex", ""),
    ("B29", "beauty", "Bath Bomb Gift Set (6)", "Bath & Body", "Bath & Body", "Six fizzing bath bombs with essential oils in a gift box.", "boxing-day", 15.0, [("", "6 pack")], "unisex", ""),
    ("B30", "beauty", "Sonic Electric Toothbrush", "Oral Care", "Personal Care > Oral Care", "Sonic toothbrush with a two-minute timer and two brush heads.", "", 40.0, [("white", "")], "unisex", ""),
    ("B31", "beauty", "Teeth Whitening Strips", "Oral Care", "Personal Care > Oral Care", "Peroxide-free whitening strips, 14 treatments.", "", 20.0, [("", "14 day")], "unisex", ""),
    ("B32", "beauty", "Silk Sleep Mask and Scrunchies", "Accessories", "Personal Care", "Mulberry silk eye mask with three silk scrunchies that don't crease the hair.", "", 19.0, [("champagne", ""), ("black", "")], "female", "silk"),
    ("B33", "beauty", "Advent Calendar Beauty Edit", "Gifts", "Personal Care > Cosmetics", "24 doors of skincare and make-up minis.", "bf-2026", 55.0, [("", "24 doors")], "female", ""),
    ("B34", "beauty", "Sheet Face Masks (10)", "Skincare / Masks", "Cosmetics > Skin Care", "Ten sheet masks: hydrating, calming and glow.", "", 10.0, [("", "10 pack")], "unisex", ""),
    # gaming
    ("G01", "gaming", "PlayStation 5 Slim Console", "Consoles", "Electronics > Video Game Consoles", "PS5 Slim with a 1TB SSD and a DualSense controller.", "bf-2026", 449.0, [("white", "Disc edition")], "unisex", ""),
    ("G02", "gaming", "Xbox Series S 512GB", "Consoles", "Electronics > Video Game Consoles", "Compact all-digital Xbox, Game Pass ready.", "", 249.0, [("white", "512GB")], "unisex", ""),
    ("G03", "gaming", "Nintendo Switch OLED", "Consoles", "Electronics > Video Game Consoles", "Switch with a 7-inch OLED screen, play on the telly or handheld.", "", 299.0, [("white", ""), ("neon", "")], "unisex", ""),
    ("G04", "gaming", "Switch Lite Handheld", "Consoles", "Electronics > Video Game Consoles", "Lightweight handheld-only Switch for kids and travel.", "", 189.0, [("turquoise", "")], "unisex", ""),
    ("G05", "gaming", "DualSense Wireless Controller", "Accessories / Controllers", "Input Devices > Game Controllers", "PS5 controller with haptic feedback and adaptive triggers.", "", 59.0, [("white", ""), ("midnight black", "")], "unisex", ""),
    ("G06", "gaming", "Xbox Wireless Controller", "Accessories / Controllers", "Input Devices > Game Controllers", "Xbox pad that also works on PC and phones over Bluetooth.", "", 49.0, [("carbon black", "")], "unisex", ""),
    ("G07", "gaming", "Switch Pro Controller", "Accessories / Controllers", "Input Devices > Game Controllers", "Full-size Pro Controller for the Switch.", "", 55.0, [("black", "")], "unisex", ""),
    ("G08", "gaming", "DualSense Charging Station", "Accessories / Charging", "Video Game Console Accessories", "Charges two PS5 controllers at once.", "", 25.0, [("white", "")], "unisex", ""),
    ("G09", "gaming", "Wireless Gaming Headset", "Accessories / Headsets", "Audio Components > Headphones & Headsets > Headsets", "Wireless headset with a flip-to-mute mic for PS5, PC and Switch.", "staff-pick", 79.0, [("black", "")], "unisex", ""),
    ("G10", "gaming", "Pro Gaming Chair", "Gaming Furniture", "Furniture > Chairs", "Racing-style gaming chair with lumbar and neck cushions, reclines to 155 degrees.", "", 149.0, [("black/red", "")], "unisex", "PU leather"),
    ("G11", "gaming", "RGB Mechanical Gaming Keyboard", "PC Gaming / Keyboards", "Input Devices > Keyboards", "Mechanical keyboard with red switches and RGB lighting, UK layout.", "", 69.0, [("black", "UK layout")], "unisex", ""),
    ("G12", "gaming", "Lightweight Gaming Mouse", "PC Gaming / Mice", "Input Devices > Game Controllers", "58g wireless gaming mouse with a 26K DPI sensor.", "", 59.0, [("black", "")], "unisex", ""),
    ("G13", "gaming", "Extended Desk Mat XXL", "PC Gaming / Mice", "Electronics > Electronics Accessories", "900 x 400 mm mouse mat that covers the desk.", "", 19.0, [("black", "XXL")], "unisex", ""),
    ("G14", "gaming", "27 inch 165Hz Gaming Monitor", "PC Gaming / Monitors", "Electronics > Video > Computer Monitors", "1440p 165Hz gaming monitor with 1ms response.", "bf-2026", 229.0, [("black", "27in")], "unisex", ""),
    ("G15", "gaming", "Ready to Play Gaming PC RTX", "PC Gaming / Desktops", "Electronics > Computers > Desktop Computers", "Pre-built gaming PC with RTX graphics, 32GB RAM and 1TB SSD.", "", 1199.0, [("black", "RTX 4060"), ("white", "RTX 4070")], "unisex", ""),
    ("G16", "gaming", "Streaming Webcam 1080p60", "Streaming", "Electronics > Electronics Accessories", "1080p 60fps webcam for streaming on Twitch.", "", 69.0, [("black", "")], "unisex", ""),
    ("G17", "gaming", "USB Streaming Microphone", "Streaming", "Electronics > Audio", "Cardioid USB mic with a desk arm and pop filter for streaming and podcasts.", "", 79.0, [("black", "")], "unisex", ""),
    ("G18", "gaming", "VR Headset 128GB", "VR", "Electronics > Video Game Consoles", "Standalone virtual reality headset, no PC needed.", "", 299.0, [("white", "128GB")], "unisex", ""),
    ("G19", "gaming", "Racing Wheel and Pedals", "Accessories / Racing", "Input Devices > Game Controllers", "Force feedback steering wheel and pedals for PS5 and PC.", "", 229.0, [("black", "")], "unisex", ""),
    ("G20", "gaming", "Galactic Frontiers (PS5)", "Games", "Video Game Software", "Open-world space exploration RPG.", "new-in", 59.99, [("", "PS5")], "unisex", ""),
    ("G21", "gaming", "Kart Rally Mayhem", "Games", "Video Game Software", "Family kart racing game for up to four players on one screen.", "", 44.99, [("", "Switch")], "unisex", ""),
    ("G22", "gaming", "Premier Football 27", "Games", "Video Game Software", "Football game with every Premier League club and Ultimate Team.", "bf-2026", 69.99, [("", "PS5")], "unisex", ""),
    ("G23", "gaming", "Zombie Outbreak Remastered", "Games", "Video Game Software", "Survival horror remaster, rated 18.", "", 39.99, [("", "PS5"), ("", "PC")], "unisex", ""),
    ("G24", "gaming", "Little Farm Valley", "Games", "Video Game Software", "Cosy farming and life sim: grow crops, keep animals, make friends in the village.", "", 24.99, [("", "Switch")], "unisex", ""),
    ("G25", "gaming", "Block Builders Adventure", "Games", "Video Game Software", "Sandbox building game for kids, rated PEGI 7.", "", 29.99, [("", "Switch"), ("", "PS5")], "unisex", ""),
    ("G26", "gaming", "Game Pass Ultimate 3 Month Code", "Digital", "Video Game Software", "Three months of Game Pass Ultimate, code by email.", "", 44.99, [("", "3 months")], "unisex", ""),
    ("G27", "gaming", "PlayStation Store Gift Card", "Digital", "Video Game Software", "PSN wallet top-up code delivered by email.", "", 20.0, [("", "£20")], "unisex", ""),
    ("G28", "gaming", "Switch Carry Case", "Accessories / Cases", "Video Game Console Accessories", "Hard carry case for the Switch with room for 10 game cards.", "", 15.0, [("black", ""), ("grey", "")], "unisex", "EVA"),
    ("G29", "gaming", "Switch Joy-Con Pair", "Accessories / Controllers", "Input Devices > Game Controllers", "Replacement pair of Joy-Con controllers.", "", 69.0, [("neon red/blue", "")], "unisex", ""),
    ("G30", "gaming", "Cooling Stand for PS5", "Accessories / Charging", "Video Game Console Accessories", "Vertical stand with cooling fans and a controller charging dock.", "", 29.0, [("black", "")], "unisex", ""),
    ("G31", "gaming", "Retro Mini Arcade Console", "Consoles / Retro", "Electronics > Video Game Consoles", "Plug-and-play retro console with 200 classic arcade games and two pads.", "", 59.0, [("grey", "")], "unisex", ""),
    ("G32", "gaming", "LED Light Strip for Gaming Setup", "Gaming Furniture", "Home & Garden > Lighting", "RGB LED strip that syncs with music for behind the desk or the telly.", "", 19.0, [("", "5m")], "unisex", ""),
    ("G33", "gaming", "Gaming Desk with Cup Holder", "Gaming Furniture", "Furniture", "Carbon-fibre effect gaming desk with a headset hook and cup holder.", "", 99.0, [("black", "120cm")], "unisex", "steel, MDF"),
    ("G34", "gaming", "Gaming Headset Stand", "Accessories / Headsets", "Video Game Console Accessories", "RGB headset stand with two USB ports.", "", 22.0, [("black", "")], "unisex", ""),
    # baby (the sixth brand)
    ("Y01", "baby", "Little Steps Newborn Nappies Size 1", "Nappies / Disposable", "Baby & Toddler > Diapering", "Soft, breathable newborn nappies with a wetness indicator, 2-5 kg.", "", 9.0, [("", "Size 1 x 50"), ("", "Size 1 x 100")], "unisex", ""),
    ("Y02", "baby", "Little Steps Nappy Pants Size 5", "Nappies / Pants", "Baby & Toddler > Diapering", "Pull-up nappy pants for wriggly toddlers and potty training, 12-17 kg.", "staff-pick", 12.0, [("", "Size 5 x 40")], "unisex", ""),
    ("Y03", "baby", "Sensitive Water Baby Wipes (12 packs)", "Nappies / Wipes", "Baby & Toddler > Diapering", "99 % water baby wipes for newborn skin, fragrance free.", "", 15.0, [("", "12 x 60")], "unisex", ""),
    ("Y04", "baby", "Reusable Cloth Nappy Starter Kit", "Nappies / Reusable", "Baby & Toddler > Diapering", "Six birth-to-potty pocket cloth nappies with bamboo inserts and a wet bag.", "", 65.0, [("rainbow prints", "6 pack")], "unisex", "bamboo, PUL"),
    ("Y05", "baby", "Changing Bag Backpack", "Changing", "Baby & Toddler > Diapering", "Changing bag rucksack with a padded changing mat, insulated bottle pockets and pram straps.", "", 45.0, [("black", "")], "unisex", "polyester"),
    ("Y06", "baby", "Wipe Clean Changing Mat", "Changing", "Baby & Toddler > Diapering", "Padded changing mat with raised sides, wipe clean.", "", 14.0, [("white/grey stars", "")], "unisex", "PVC-free foam"),
    ("Y07", "baby", "Nappy Disposal Bin", "Changing", "Baby & Toddler > Diapering", "Odour-locking nappy bin with refill cassettes.", "", 25.0, [("white", "")], "unisex", ""),
    ("Y08", "baby", "CityLite Compact Pushchair", "Travel / Pushchairs", "Baby & Toddler > Baby Transport", "One-hand fold lightweight pushchair from 6 months to 22 kg, cabin-bag size for flights.", "bf-2026", 189.0, [("black", "")], "unisex", "aluminium"),
    ("Y09", "baby", "Voyager 3-in-1 Travel System", "Travel / Travel Systems", "Baby & Toddler > Baby Transport", "Pram, pushchair and infant car seat in one: carrycot for newborns, seat unit from 6 months, car seat clicks on.", "", 599.0, [("graphite", ""), ("oatmeal", "")], "unisex", "aluminium, polyester"),
    ("Y10", "baby", "Duo Side-by-Side Double Buggy", "Travel / Pushchairs", "Baby & Toddler > Baby Transport", "Side-by-side double pushchair for twins or siblings that fits through standard doorways.", "", 299.0, [("black", "")], "unisex", "aluminium"),
    ("Y11", "baby", "Pushchair Footmuff and Raincover Set", "Travel / Pushchair Accessories", "Baby & Toddler > Baby Transport Accessories", "Universal fleece-lined footmuff and a clear raincover for rainy school runs.", "", 35.0, [("grey", "")], "unisex", "polyester, PEVA"),
    ("Y12", "baby", "i-Size Infant Car Seat 40-87cm", "Travel / Car Seats", "Baby & Toddler > Baby Transport", "Rear-facing infant carrier car seat from birth to about 15 months, ISOFIX base sold separately.", "", 149.0, [("black", "")], "unisex", ""),
    ("Y13", "baby", "ISOFIX Base for Infant Car Seat", "Travel / Car Seats", "Baby & Toddler > Baby Transport", "Click-in ISOFIX base with a support leg and a green-red indicator.", "", 120.0, [("black", "")], "unisex", ""),
    ("Y14", "baby", "360 Swivel Toddler Car Seat", "Travel / Car Seats", "Baby & Toddler > Baby Transport", "Rotating i-Size car seat from 40 to 105 cm, rear and forward facing, ISOFIX.", "bf-2026", 249.0, [("black", ""), ("grey", "")], "unisex", ""),
    ("Y15", "baby", "High Back Booster Seat", "Travel / Car Seats", "Baby & Toddler > Baby Transport", "i-Size booster with a high back for children 100-150 cm, about 3.5 to 12 years.", "", 69.0, [("black", "")], "unisex", ""),
    ("Y16", "baby", "Ergonomic Baby Carrier", "Travel / Carriers", "Baby & Toddler > Baby Transport", "Newborn-to-toddler carrier with four positions including front-facing and back carry.", "", 89.0, [("black", "")], "unisex", "cotton"),
    ("Y17", "baby", "Stretchy Wrap Sling", "Travel / Carriers", "Baby & Toddler > Baby Transport", "Soft stretchy wrap for carrying a newborn close.", "", 35.0, [("grey", "")], "unisex", "cotton, elastane"),
    ("Y18", "baby", "Hartley Cot Bed with Mattress", "Nursery / Cots", "Furniture > Baby & Toddler Furniture", "Solid pine cot that turns into a toddler bed, three base heights, mattress included.", "", 229.0, [("white", "140x70")], "unisex", "pine"),
    ("Y19", "baby", "Bedside Crib Next to Me", "Nursery / Cribs", "Furniture > Baby & Toddler Furniture", "Side-sleeping crib that attaches to your bed with a drop-down side for night feeds.", "", 149.0, [("grey", "")], "unisex", "aluminium, mesh"),
    ("Y20", "baby", "Moses Basket with Stand", "Nursery / Moses Baskets", "Furniture > Baby & Toddler Furniture", "Palm-weave Moses basket with a mattress, cotton dressings and a rocking stand.", "", 79.0, [("natural", "")], "unisex", "palm"),
    ("Y21", "baby", "Baby Sleeping Bag 2.5 Tog", "Nursery / Sleep", "Linens & Bedding > Bedding", "Zip-up baby sleeping bag for cool nights, 2.5 tog.", "", 25.0, [("grey stars", "0-6 months"), ("grey stars", "6-18 months")], "unisex", "cotton"),
    ("Y22", "baby", "Muslin Swaddle Blankets (3)", "Nursery / Sleep", "Baby & Toddler > Swaddling & Receiving Blankets", "Three large bamboo muslins for swaddling, burping and pram shade.", "", 20.0, [("sage/cream", "120x120")], "unisex", "bamboo"),
    ("Y23", "baby", "Cot Bed Fitted Sheets (2)", "Nursery / Sleep", "Linens & Bedding > Bedding", "Two jersey fitted sheets for a 140x70 cot bed mattress.", "", 14.0, [("white", "140x70")], "unisex", "cotton jersey"),
    ("Y24", "baby", "Video Baby Monitor 5 inch", "Nursery / Monitors", "Baby & Toddler > Baby Safety", "Baby monitor with a 5-inch screen, night vision, two-way talk and a room temperature sensor; no Wi-Fi needed.", "", 119.0, [("white", "")], "unisex", ""),
    ("Y25", "baby", "Audio Baby Monitor", "Nursery / Monitors", "Baby & Toddler > Baby Safety", "Simple audio monitor with a night light and lullabies, range up to 300 m.", "", 35.0, [("white", "")], "unisex", ""),
    ("Y26", "baby", "Anti-Colic Baby Bottles (3)", "Feeding / Bottles", "Baby & Toddler > Nursing & Feeding", "Anti-colic bottles with a slow-flow teat, 260 ml.", "", 20.0, [("clear", "3 x 260ml")], "unisex", "polypropylene"),
    ("Y27", "baby", "Electric Steam Steriliser", "Feeding / Sterilising", "Baby & Toddler > Nursing & Feeding", "Sterilises six bottles in six minutes and keeps them sterile for 24 hours.", "", 45.0, [("white", "")], "unisex", ""),
    ("Y28", "baby", "Double Electric Breast Pump", "Feeding / Breastfeeding", "Baby & Toddler > Nursing & Feeding", "Quiet rechargeable double breast pump with massage mode.", "staff-pick", 129.0, [("white", "")], "female", ""),
    ("Y29", "baby", "Wearable Hands-Free Breast Pump", "Feeding / Breastfeeding", "Baby & Toddler > Nursing & Feeding", "In-bra wearable pump, no tubes, pump on the go.", "", 159.0, [("white", "single"), ("white", "double")], "female", ""),
    ("Y30", "baby", "Nursing Pillow", "Feeding / Breastfeeding", "Baby & Toddler > Nursing & Feeding", "Curved pillow that supports baby during breastfeeding and bottle feeds.", "", 30.0, [("grey", "")], "female", "cotton"),
    ("Y31", "baby", "Perfect Prep Formula Machine", "Feeding / Bottles", "Baby & Toddler > Nursing & Feeding", "Makes a bottle of formula at the right temperature in two minutes, day or night.", "bf-2026", 99.0, [("white", "")], "unisex", ""),
    ("Y32", "baby", "Folding Wooden High Chair", "Feeding / High Chairs", "Baby & Toddler > Nursing & Feeding", "Adjustable wooden high chair from 6 months that folds flat, with a tray.", "", 119.0, [("white/natural", "")], "unisex", "beech"),
    ("Y33", "baby", "Silicone Weaning Set", "Feeding / Weaning", "Baby & Toddler > Nursing & Feeding", "Suction bowl, plate, spoons and a bib for baby-led weaning.", "", 18.0, [("sage", "")], "unisex", "silicone"),
    ("Y34", "baby", "Teething Ring and Teether Toys (3)", "Teething", "Baby & Toddler > Baby Toys & Activity Equipment", "Chillable silicone teethers for sore gums.", "", 9.0, [("pastel", "3 pack")], "unisex", "silicone"),
    ("Y35", "baby", "Orthodontic Dummies 0-6m (2)", "Teething", "Baby & Toddler > Nursing & Feeding", "Two orthodontic soothers with a sterilising case.", "", 7.0, [("blue", "0-6 months")], "unisex", "silicone"),
    ("Y36", "baby", "Baby Bath with Support Seat", "Bath Time", "Baby & Toddler > Baby Bathing", "Baby bath with a non-slip newborn support, plug and temperature strip.", "", 25.0, [("grey", "")], "unisex", ""),
    ("Y37", "baby", "Hooded Baby Towels (2)", "Bath Time", "Baby & Toddler > Baby Bathing", "Two soft bamboo hooded towels with bear ears.", "", 16.0, [("grey", "")], "unisex", "bamboo"),
    ("Y38", "baby", "Digital Ear Thermometer", "Baby Health", "Baby & Toddler > Baby Health", "Fast ear thermometer with a fever alarm and night light.", "", 30.0, [("white", "")], "unisex", ""),
    ("Y39", "baby", "Newborn Sleepsuits (3 pack)", "Baby Clothes / Sleepsuits", "Clothing > Baby & Toddler Clothing", "Three cotton sleepsuits with poppers and fold-over mitts.", "", 15.0, [("white", "Newborn"), ("animals", "0-3 months"), ("white", "3-6 months")], "unisex", "cotton"),
    ("Y40", "baby", "Short Sleeve Bodysuits (5 pack)", "Baby Clothes / Bodysuits", "Clothing > Baby & Toddler Clothing", "Five short-sleeve baby vests with envelope necks.", "", 12.0, [("white", "0-3 months")], "unisex", "cotton"),
    ("Y41", "baby", "Fleece Pramsuit", "Baby Clothes / Outerwear", "Clothing > Baby & Toddler Clothing", "Hooded all-in-one pramsuit with ears and fold-over mitts, warm for winter walks.", "", 22.0, [("grey", "3-6 months"), ("pink", "6-9 months")], "unisex", "fleece"),
    ("Y42", "baby", "Baby Walking Shoes", "Baby Clothes / Shoes", "Clothing > Baby & Toddler Clothing", "Soft-sole first walker shoes with a wide toe.", "", 18.0, [("navy", "UK 3 Infant")], "unisex", "leather"),
    ("Y43", "baby", "Safety Stair Gate", "Baby Safety", "Baby & Toddler > Baby Safety", "Pressure-fit stair gate 75-85 cm, auto close, no drilling.", "", 29.0, [("white", "75-85cm")], "unisex", "steel"),
    ("Y44", "baby", "Baby Bouncer Chair", "Nursery / Bouncers", "Baby & Toddler > Baby Toys & Activity Equipment", "Fabric bouncer with a toy bar and gentle vibration.", "", 55.0, [("grey", "")], "unisex", ""),
    ("Y45", "baby", "Activity Play Gym", "Nursery / Play", "Baby & Toddler > Baby Toys & Activity Equipment", "Padded play mat with an arch of hanging toys for tummy time.", "", 39.0, [("jungle", "")], "unisex", ""),
]

# Womens clothing sizes as UK shops write them.
WOMENS = {"8", "10", "12", "14", "16", "18"}


class Catalog10(Style):
    avail = AVAIL
    currency = "GBP"
    sale_factor = 0.8
    sale_every = 5

    def google(self, ids, ending, i):
        """The numeric id on every third model, the full path otherwise;
        empty on every seventh."""
        if not ending or i % 7 == 6:
            return ""
        path, gid = google_category(ids, ending)
        return gid if i % 3 == 0 else path

    def product_type(self, path, i, key):
        """The path; only its first part on every fourth model."""
        if i % 4 == 3:
            return path.split(" / ")[0]
        return path

    def variant(self, title, v):
        """The variant in brackets: colour (capitalised), then the size
        ("Size 12" for womens clothing, as written otherwise)."""
        color, size = v
        parts = [color.title()] if color else []
        if size in WOMENS:
            parts.append("Size " + size)
        elif size:
            parts.append(size)
        full = f"{title} ({', '.join(parts)})" if parts else title
        return color, size, full

    def stock(self, n):
        return 1 + (n * 7) % 29

    def link(self, pid):
        return f"https://www.highstreet-example.co.uk/p/{pid.lower()}"

    def image(self, pid):
        return f"https://images.highstreet-example.co.uk/{pid.lower()}_1.jpg"


if __name__ == "__main__":
    write("catalog10.csv", rows(CATALOG10, "C10", Catalog10()))

