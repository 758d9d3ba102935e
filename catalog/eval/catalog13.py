#!/usr/bin/env python3
"""Writes catalog13.csv (Meta feed format, like catalog/products.csv) next to
this file: the thirteenth evaluation catalog of issue 15, held out from
tuning.

223 rows (176 models) of ONLY the five demo brands (fashion,
tech, home, beauty, gaming), no sixth brand. The feed is an Australian
online department store's export, worded in Australian English (thongs for
flip-flops, jumper, trackies, flanno, togs and bathers, rashie, ugg boots,
doona and quilt cover, esky, ute, singlet, sunnies), unlike catalogs 1-12:

- prices in AUD ("49.95 AUD"), sales at 25 % off on every seventh row;
- the variant after the title with " - " ("Merino Jumper - Navy - M");
  women's sizes AU 8-16, men's S-XL, shoes "AU 7" / "US 9";
- about a third of the titles in a brand-first style with the maker's
  name in capitals ("KOALA CO. Merino Crew Jumper - Navy - M"); the maker
  names are invented and are not the feed's `brand`;
- `product_type` a department path with " / " separators ("Fashion /
  Womens / Knitwear"), only its last part (a single word or two) on every
  fifth model;
- `google_product_category` Google's numeric id on a third of the models,
  the English path on a third (both resolved from
  lang/data/google-taxonomy-with-ids.en-US.txt by feedgen from an English
  path ending), empty on the rest;
- `custom_label_0` a promotion or warehouse code (eofy26, clickfz, apay-day,
  wh-syd2, bay14, blk-fri) or empty, never a product word;
- availability cycles in stock / out of stock / backorder.

Deliberate cross-brand overlaps (the messages test them):
- gaming headsets (G13, G14) vs headphones and earbuds (T08-T10);
- a gaming chair (G18) and gaming desk (G30) vs an office chair (H31) and a
  sit-stand desk (H32);
- a hair straightener and curling wand (B19, B21) vs a steam iron and a
  garment steamer (H26, H27);
- a phone case (T03) vs a clear makeup pouch (B15);
- a smartwatch and fitness band (T13, T14) vs fashion watches (F33, F34);
- RGB LED strips and light bars for a gaming setup (G21, G22) vs lamps
  (H29, H30);
- a kids' tablet (T18) vs toy-like handheld consoles (G04, G05);
- a gaming monitor (G19) vs an office monitor (T25); a gaming keyboard and
  mouse (G15, G16) vs an office keyboard and mouse combo (T24);
- an esky and cooler bag (H01, H02) vs a beach tote (F36); a waterproof
  speaker (T11) and beach towel (H09) vs bathers and thongs (F03, F04);
- a dash cam for the ute (T28) is tech's; car parts are not sold.

    python3 catalog/eval/catalog13.py
"""

from feedgen import Style, rows, write, dashed_variant, google_by_cycle

AVAIL = ["in stock", "in stock", "in stock", "backorder", "in stock",
         "in stock", "out of stock", "in stock"]

# (model key, brand, title, product type path, google category path ending
#  (or ""), description, promotion label, price (AUD), variants, gender,
#  material); a variant is (colour, size).
CATALOG13 = [
    # fashion (clothing, shoes, swimwear, accessories)
    ("F01", "fashion", "KOALA CO. Merino Crew Jumper", "Fashion / Mens / Knitwear", "Clothing > Shirts & Tops", "Fine merino wool crew-neck jumper, warm without the bulk. Machine washable on wool cycle.", "eofy26", 119.95, [("navy", "M"), ("grey marle", "L")], "male", "merino wool"),
    ("F02", "fashion", "Chunky Cable Knit Jumper", "Fashion / Womens / Knitwear", "Clothing > Shirts & Tops", "Relaxed cable knit jumper with dropped shoulders. Cosy for winter weekends.", "", 79.95, [("oatmeal", "10"), ("forest green", "12")], "female", "acrylic, wool"),
    ("F03", "fashion", "Classic Rubber Thongs", "Fashion / Footwear / Thongs", "Apparel & Accessories > Shoes", "Soft rubber thongs with a wide strap. Made for the beach, the pool and summer BBQs.", "blk-fri", 19.95, [("black", "AU 8"), ("navy", "AU 10")], "unisex", "rubber"),
    ("F04", "fashion", "SALTBUSH Scoop Back One-Piece Bathers", "Fashion / Swim / Womens", "Clothing > Swimwear", "Scoop back one-piece bathers with removable cups and chlorine-resistant fabric. UPF 50+.", "", 89.95, [("black", "10"), ("teal", "12")], "female", "recycled nylon, elastane"),
    ("F05", "fashion", "Mens Boardies 19 Inch", "Fashion / Swim / Mens", "Clothing > Swimwear", "Quick-dry boardshorts with a velcro fly and key pocket. Togs for surf and pool.", "", 59.95, [("ocean blue", "32"), ("black", "34")], "male", "polyester"),
    ("F06", "fashion", "Kids Long Sleeve Rashie UPF 50+", "Fashion / Kids / Swim", "Clothing > Swimwear", "Long sleeve rash vest for kids with UPF 50+ sun protection and a back zip.", "", 34.95, [("aqua", "Age 6"), ("orange", "Age 8")], "unisex", "nylon, elastane"),
    ("F07", "fashion", "Ribbed Triangle Bikini Set", "Fashion / Swim / Womens", "Clothing > Swimwear", "Ribbed triangle bikini top with tie-side bottoms.", "", 69.95, [("coral", "8")], "female", "nylon, elastane"),
    ("F08", "fashion", "BONDI LANE Short Sheepskin Ugg Boots", "Fashion / Footwear / Boots", "Apparel & Accessories > Shoes", "Genuine sheepskin ugg boots with a rubber sole. Warm slippers for the house and the school run.", "wh-syd2", 149.95, [("chestnut", "AU 7"), ("chestnut", "AU 9"), ("grey", "AU 8")], "unisex", "sheepskin"),
    ("F09", "fashion", "Elastic Sided Leather Chelsea Boots", "Fashion / Footwear / Boots", "Apparel & Accessories > Shoes", "Pull-on elastic sided boots in oiled leather with a stacked heel. Good from the farm to the pub.", "", 229.00, [("brown", "AU 9")], "male", "leather"),
    ("F10", "fashion", "Stride Lightweight Running Shoes", "Fashion / Footwear / Sneakers", "Apparel & Accessories > Shoes", "Lightweight running shoes with a breathable mesh upper and a cushioned foam sole.", "clickfz", 159.95, [("white/grey", "US 9"), ("pink", "US 7")], "unisex", "mesh, EVA"),
    ("F11", "fashion", "Low Top Canvas Sneakers", "Fashion / Footwear / Sneakers", "Apparel & Accessories > Shoes", "Everyday canvas sneakers with a vulcanised rubber sole.", "", 49.95, [("white", "AU 6")], "unisex", "canvas"),
    ("F12", "fashion", "Mens Stretch Chino Shorts", "Fashion / Mens / Shorts", "Clothing > Shorts", "Chino shorts with a little stretch and a 9 inch leg.", "", 49.95, [("sand", "34")], "male", "cotton, elastane"),
    ("F13", "fashion", "SALTBUSH Linen Tiered Maxi Dress", "Fashion / Womens / Dresses", "Clothing > Dresses", "Breezy tiered maxi dress in pure linen with adjustable straps. For hot days and beach holidays.", "", 139.95, [("white", "10"), ("sage", "12")], "female", "linen"),
    ("F14", "fashion", "Floral Wrap Midi Dress", "Fashion / Womens / Dresses", "Clothing > Dresses", "Wrap midi dress in a floral print with flutter sleeves. Great for the races or a garden wedding.", "", 99.95, [("blue floral", "8")], "female", "viscose"),
    ("F15", "fashion", "Harbour Trucker Denim Jacket", "Fashion / Womens / Jackets", "Outerwear > Coats & Jackets", "Boxy trucker jacket in rigid denim with chest pockets.", "", 109.95, [("mid blue", "10")], "female", "cotton denim"),
    ("F16", "fashion", "Lightweight Down Puffer Vest", "Fashion / Mens / Jackets", "Outerwear > Coats & Jackets", "Packable puffer vest with duck down fill.", "eofy26", 99.95, [("black", "M")], "male", "nylon, duck down"),
    ("F17", "fashion", "Packable Spray Jacket", "Fashion / Unisex / Jackets", "Outerwear > Coats & Jackets", "Waterproof spray jacket with a hood that packs into its own pocket. For showers and bushwalks.", "", 89.95, [("olive", "L"), ("navy", "S")], "unisex", "nylon"),
    ("F18", "fashion", "Fleece Trackies", "Fashion / Unisex / Loungewear", "Clothing > Activewear", "Brushed fleece trackpants with an elastic cuff and drawcord waist.", "", 44.95, [("grey marle", "M"), ("navy", "L")], "unisex", "cotton, polyester"),
    ("F19", "fashion", "KOALA CO. Heavyweight Pullover Hoodie", "Fashion / Unisex / Sweats", "Clothing > Activewear", "Heavyweight fleece hoodie with a kangaroo pocket.", "", 79.95, [("black", "L")], "unisex", "cotton"),
    ("F20", "fashion", "Brushed Cotton Flanno Shirt", "Fashion / Mens / Shirts", "Clothing > Shirts & Tops", "Brushed cotton flannelette shirt in a big check. A winter staple.", "bay14", 54.95, [("red check", "M"), ("blue check", "XL")], "male", "cotton flannel"),
    ("F21", "fashion", "Slim Fit Business Shirt", "Fashion / Mens / Shirts", "Clothing > Shirts & Tops", "Non-iron slim fit business shirt for the office.", "", 69.95, [("white", "41")], "male", "cotton"),
    ("F22", "fashion", "High Rise Skinny Jeans", "Fashion / Womens / Denim", "Clothing > Pants", "High rise skinny jeans in a soft stretch denim.", "", 89.95, [("indigo", "10"), ("black", "12")], "female", "cotton, elastane"),
    ("F23", "fashion", "Mens Straight Leg Jeans", "Fashion / Mens / Denim", "Clothing > Pants", "Classic straight leg jeans, mid rise.", "", 99.95, [("dark wash", "32")], "male", "cotton"),
    ("F24", "fashion", "Cotton Ribbed Singlet", "Fashion / Womens / Tops", "Clothing > Shirts & Tops", "Fitted ribbed singlet for layering or summer on its own.", "", 19.95, [("white", "S")], "female", "cotton"),
    ("F25", "fashion", "BONDI LANE 7/8 Active Tights", "Fashion / Activewear / Womens", "Clothing > Activewear", "High-waisted 7/8 tights that are squat-proof, with a phone pocket. For gym and pilates.", "apay-day", 79.95, [("black", "S"), ("black", "M")], "female", "nylon, elastane"),
    ("F26", "fashion", "Medium Support Sports Crop", "Fashion / Activewear / Womens", "Clothing > Activewear", "Sports crop with medium support and removable pads.", "", 49.95, [("lilac", "M")], "female", "nylon, elastane"),
    ("F27", "fashion", "Bamboo Crew Socks 5 Pack", "Fashion / Underwear / Socks", "Clothing > Underwear & Socks", "Five pairs of soft bamboo crew socks.", "", 29.95, [("assorted", "6-10")], "unisex", "bamboo, cotton"),
    ("F28", "fashion", "Mens Cotton Trunks 3 Pack", "Fashion / Underwear / Mens", "Clothing > Underwear & Socks", "Three pairs of stretch cotton trunks.", "", 39.95, [("assorted", "M")], "male", "cotton, elastane"),
    ("F29", "fashion", "Cotton Short Pyjama Set", "Fashion / Womens / Sleepwear", "Clothing > Sleepwear & Loungewear", "Short sleeve pyjama top and shorts in cotton poplin. Summer PJs.", "", 59.95, [("stripe", "12")], "female", "cotton"),
    ("F30", "fashion", "Wide Brim Straw Sun Hat", "Fashion / Accessories / Hats", "Clothing Accessories > Hats", "Packable wide brim hat in woven straw for beach and garden.", "", 39.95, [("natural", "M/L")], "female", "paper straw"),
    ("F31", "fashion", "Merino Rib Beanie", "Fashion / Accessories / Hats", "Clothing Accessories > Hats", "Rib knit beanie in merino.", "", 29.95, [("charcoal", "OS")], "unisex", "merino wool"),
    ("F32", "fashion", "Polarised Square Sunnies", "Fashion / Accessories / Sunglasses", "Clothing Accessories > Sunglasses", "Square frame sunglasses with polarised lenses, category 3.", "", 59.95, [("black", "OS"), ("tortoiseshell", "OS")], "unisex", "acetate"),
    ("F33", "fashion", "Womens Mesh Strap Analogue Watch", "Fashion / Accessories / Watches", "", "Slim analogue watch with a mesh strap and a mother of pearl dial.", "", 129.00, [("gold", "OS"), ("silver", "OS")], "female", "stainless steel"),
    ("F34", "fashion", "Mens Leather Chronograph Watch", "Fashion / Accessories / Watches", "", "Chronograph watch with a leather strap and date window, water resistant 50 m.", "blk-fri", 179.00, [("brown", "OS")], "male", "stainless steel, leather"),
    ("F35", "fashion", "Pebbled Leather Crossbody Bag", "Fashion / Bags / Womens", "Handbags, Wallets & Cases > Handbags", "Small crossbody bag in pebbled leather with an adjustable strap.", "", 149.95, [("tan", "OS")], "female", "leather"),
    ("F36", "fashion", "Striped Canvas Beach Tote", "Fashion / Bags / Totes", "Handbags, Wallets & Cases > Handbags", "Big canvas tote with rope handles and an inside pocket. Fits towels, sunscreen and a hat.", "", 39.95, [("navy stripe", "OS")], "female", "canvas"),
    ("F37", "fashion", "RFID Leather Bifold Wallet", "Fashion / Accessories / Wallets", "Handbags, Wallets & Cases", "Bifold wallet in leather with RFID blocking and eight card slots.", "", 59.95, [("black", "OS")], "male", "leather"),
    ("F38", "fashion", "Woven Leather Belt", "Fashion / Accessories / Belts", "Clothing Accessories > Belts", "Woven leather belt with a brass buckle.", "", 49.95, [("brown", "34")], "male", "leather"),
    ("F39", "fashion", "Everyday Canvas Backpack 20L", "Fashion / Bags / Backpacks", "Luggage & Bags > Backpacks", "Waxed canvas backpack with a padded back panel. For uni, work or a day trip.", "", 89.95, [("khaki", "20L")], "unisex", "waxed canvas"),
    ("F40", "fashion", "Gold Plated Chunky Hoop Earrings", "Fashion / Accessories / Jewellery", "Jewelry > Earrings", "Chunky hoop earrings, 18k gold plated on sterling silver.", "", 69.95, [("gold", "OS")], "female", "sterling silver"),
    # tech (phones, audio, wearables, computers, TV, cameras, smart home)
    ("T01", "tech", "NOVA X5 5G Smartphone 128GB", "Tech / Phones / Smartphones", "Electronics > Communications > Telephony > Mobile Phones", "6.4 inch AMOLED smartphone with a triple camera, 5G and all-day battery. Unlocked for all Aussie networks.", "clickfz", 899.00, [("midnight", "128GB"), ("ocean blue", "128GB"), ("midnight", "256GB")], "unisex", ""),
    ("T02", "tech", "NOVA A2 4G Smartphone 64GB", "Tech / Phones / Smartphones", "Electronics > Communications > Telephony > Mobile Phones", "Affordable 6.5 inch smartphone with a big battery. Good first phone for teens or a backup.", "", 199.00, [("black", "64GB")], "unisex", ""),
    ("T03", "tech", "Clear Magnetic Phone Case for NOVA X5", "Tech / Phones / Cases", "Electronics > Electronics Accessories", "Slim clear phone case with a magnetic ring for wireless charging and raised edges to protect the camera.", "", 39.95, [("clear", "NOVA X5")], "unisex", "TPU, polycarbonate"),
    ("T04", "tech", "Tempered Glass Screen Protector 2 Pack", "Tech / Phones / Accessories", "Electronics > Electronics Accessories", "Two 9H tempered glass screen protectors with an alignment frame.", "", 24.95, [("", "NOVA X5")], "unisex", "glass"),
    ("T05", "tech", "VOLTA 15W Wireless Charging Pad", "Tech / Phones / Chargers", "Electronics > Electronics Accessories", "Qi wireless charging pad for phones and earbuds, 15 W fast charge.", "", 39.95, [("white", "")], "unisex", ""),
    ("T06", "tech", "VOLTA 20000mAh Power Bank", "Tech / Phones / Chargers", "Electronics > Electronics Accessories", "Portable power bank with USB-C PD 20 W, charges a phone four times. For camping and road trips.", "", 59.95, [("black", "20000mAh")], "unisex", ""),
    ("T07", "tech", "65W USB-C GaN Wall Charger", "Tech / Computers / Chargers", "Electronics > Electronics Accessories", "Compact 65 W GaN charger with two USB-C ports and one USB-A, for laptop, tablet and phone. AU plug.", "", 69.95, [("white", "")], "unisex", ""),
    ("T08", "tech", "Hush 700 Noise Cancelling Headphones", "Tech / Audio / Headphones", "Audio Components > Headphones & Headsets > Headphones", "Wireless over-ear headphones with active noise cancelling and 40 hour battery. For flights and the office.", "eofy26", 349.00, [("black", "OS"), ("sand", "OS")], "unisex", ""),
    ("T09", "tech", "NOVA Buds True Wireless Earbuds", "Tech / Audio / Earbuds", "Audio Components > Headphones & Headsets > Headphones", "True wireless earbuds with ANC, a charging case and touch controls.", "", 149.00, [("white", "OS")], "unisex", ""),
    ("T10", "tech", "Sport Earhook Wireless Earbuds", "Tech / Audio / Earbuds", "Audio Components > Headphones & Headsets > Headphones", "Sweatproof earbuds with earhooks that stay put on a run or at the gym. IPX5.", "", 99.00, [("black/lime", "OS")], "unisex", ""),
    ("T11", "tech", "PULSE Wave Waterproof Bluetooth Speaker", "Tech / Audio / Speakers", "Electronics > Audio", "IP67 waterproof speaker that floats, 16 hour battery. For the beach, the pool or the boat.", "", 129.00, [("coral", ""), ("blue", "")], "unisex", ""),
    ("T12", "tech", "Smart Speaker with Voice Assistant", "Tech / Smart Home / Speakers", "Electronics > Audio", "Compact smart speaker with a voice assistant, plays music and controls smart plugs and lights.", "", 79.00, [("charcoal", "")], "unisex", ""),
    ("T13", "tech", "PULSE Active 2 GPS Smartwatch", "Tech / Wearables / Smartwatches", "Electronics > Electronics Accessories", "Smartwatch with GPS, heart rate, sleep tracking, notifications and tap to pay. 7 day battery.", "", 399.00, [("black", "44mm"), ("rose", "40mm")], "unisex", "aluminium, silicone"),
    ("T14", "tech", "PULSE Fit Fitness Tracker Band", "Tech / Wearables / Fitness Trackers", "Electronics > Electronics Accessories", "Slim fitness band counting steps, heart rate and sleep, 14 day battery.", "", 89.00, [("black", "OS")], "unisex", "silicone"),
    ("T15", "tech", "NOVA Book Air 14 Laptop 16GB 512GB", "Tech / Computers / Laptops", "Electronics > Computers > Laptops", "Thin and light 14 inch laptop with 16GB RAM, 512GB SSD and 15 hour battery.", "", 1499.00, [("silver", "14\"")], "unisex", "aluminium"),
    ("T16", "tech", "15.6 Inch Student Laptop 8GB 256GB", "Tech / Computers / Laptops", "Electronics > Computers > Laptops", "Budget 15.6 inch laptop for school and uni with 8GB RAM and Windows.", "bay14", 599.00, [("grey", "15.6\"")], "unisex", ""),
    ("T17", "tech", "NOVA Tab 11 Tablet 128GB", "Tech / Computers / Tablets", "Electronics > Computers > Tablet Computers", "11 inch tablet with a 90 Hz screen, stylus support and quad speakers.", "", 499.00, [("grey", "128GB")], "unisex", ""),
    ("T18", "tech", "Kids 8 Inch Tablet with Bumper Case", "Tech / Computers / Tablets", "Electronics > Computers > Tablet Computers", "8 inch tablet for kids with a drop-proof foam bumper case, parental controls, learning apps and a 2 year warranty.", "", 179.00, [("blue", "32GB"), ("pink", "32GB")], "unisex", ""),
    ("T19", "tech", "Glare-Free 6 Inch eReader", "Tech / Computers / eReaders", "Electronics", "Waterproof e-ink reader with a warm light, holds thousands of books.", "", 199.00, [("black", "16GB")], "unisex", ""),
    ("T20", "tech", "55 Inch 4K UHD Smart TV", "Tech / TV / Televisions", "Electronics > Video > Televisions", "55 inch 4K HDR smart TV with built-in streaming apps and Freeview.", "blk-fri", 795.00, [("black", "55\""), ("black", "65\"")], "unisex", ""),
    ("T21", "tech", "Dolby Atmos Soundbar with Subwoofer", "Tech / TV / Soundbars", "Electronics > Audio", "3.1 channel soundbar with a wireless subwoofer and Dolby Atmos.", "", 449.00, [("black", "")], "unisex", ""),
    ("T22", "tech", "4K Streaming Stick", "Tech / TV / Streaming", "Electronics > Video", "Plugs into the TV's HDMI for streaming apps in 4K, with a voice remote.", "", 79.00, [("black", "")], "unisex", ""),
    ("T23", "tech", "Wi-Fi 6 Mesh System 3 Pack", "Tech / Networking / Wi-Fi", "Electronics > Networking", "Three mesh units that cover a big house with Wi-Fi 6, no more dropouts in the back bedroom.", "", 349.00, [("white", "3 pack")], "unisex", ""),
    ("T24", "tech", "Quiet Wireless Keyboard and Mouse Combo", "Tech / Computers / Accessories", "Input Devices > Keyboards", "Full size wireless keyboard with quiet keys and a matching mouse, one USB receiver. For home office.", "", 59.95, [("black", "")], "unisex", ""),
    ("T25", "tech", "24 Inch Full HD Office Monitor", "Tech / Computers / Monitors", "Video > Computer Monitors", "24 inch IPS monitor with thin bezels, HDMI and an eye-care mode for work from home.", "", 179.00, [("black", "24\"")], "unisex", ""),
    ("T26", "tech", "1080p Webcam with Privacy Cover", "Tech / Computers / Accessories", "Electronics > Electronics Accessories > Computer Accessories", "Full HD webcam with a stereo mic and a privacy shutter, for video calls.", "", 69.95, [("black", "")], "unisex", ""),
    ("T27", "tech", "VOLTA 4K Waterproof Action Camera", "Tech / Cameras / Action Cameras", "Cameras & Optics > Cameras", "4K action camera, waterproof to 10 m without a housing, with a helmet mount and image stabilisation.", "", 299.00, [("black", "")], "unisex", ""),
    ("T28", "tech", "Front and Rear Dash Cam for Car or Ute", "Tech / Cameras / Dash Cams", "Cameras & Optics > Cameras", "2K front and rear dash cam with GPS, night vision and parking mode. Fits cars, utes and vans.", "wh-syd2", 229.00, [("black", "")], "unisex", ""),
    ("T29", "tech", "Instant Print Camera", "Tech / Cameras / Instant", "Cameras & Optics > Cameras", "Instant camera that prints credit-card size photos in seconds. Fun for parties and 21sts.", "", 119.00, [("mint", ""), ("white", "")], "unisex", ""),
    ("T30", "tech", "1TB Portable SSD USB-C", "Tech / Computers / Storage", "Electronics > Electronics Accessories > Computer Accessories", "Pocket-size 1TB solid state drive, 1050 MB/s, for backups and photos.", "", 149.00, [("grey", "1TB")], "unisex", ""),
    ("T31", "tech", "7-in-1 USB-C Hub", "Tech / Computers / Accessories", "Electronics > Electronics Accessories > Computer Accessories", "USB-C hub with HDMI 4K, SD card reader, three USB ports and 100 W pass-through.", "", 59.95, [("grey", "")], "unisex", "aluminium"),
    ("T32", "tech", "Padded 14 Inch Laptop Sleeve", "Tech / Computers / Bags", "Electronics > Electronics Accessories > Computer Accessories", "Water-resistant padded laptop sleeve with a zip pocket for the charger.", "", 34.95, [("charcoal", "14\"")], "unisex", "neoprene"),
    ("T33", "tech", "Wi-Fi Smart Plug 2 Pack", "Tech / Smart Home / Plugs", "Electronics > Electronics Accessories", "Smart plugs with timers and energy monitoring, works with the app and voice assistants. AU socket.", "", 39.95, [("white", "2 pack")], "unisex", ""),
    ("T34", "tech", "Wireless Video Doorbell", "Tech / Smart Home / Security", "Electronics", "Battery video doorbell with HD video, two-way talk and phone alerts when someone's at the door.", "", 199.00, [("black", "")], "unisex", ""),
    ("T35", "tech", "VOLTA Mini Camera Drone", "Tech / Cameras / Drones", "Cameras & Optics > Cameras", "Foldable mini drone under 250 g with a 4K camera and 30 min flight time.", "", 549.00, [("grey", "")], "unisex", ""),
    # home (outdoor and beach, bedding, kitchen, appliances, furniture, decor)
    ("H01", "home", "COOLMATE 45L Hard Esky", "Home / Outdoor / Coolers", "Kitchen & Dining > Food & Beverage Carriers", "45 litre hard esky with thick insulated walls that keep ice for up to four days. Holds 60 cans. Camping, fishing and the beach.", "blk-fri", 129.95, [("white/blue", "45L")], "unisex", "polyethylene"),
    ("H02", "home", "COOLMATE 24 Can Soft Cooler Bag", "Home / Outdoor / Coolers", "Kitchen & Dining > Food & Beverage Carriers", "Soft insulated cooler bag with a shoulder strap, fits 24 cans and ice bricks.", "", 49.95, [("khaki", "24 can"), ("navy", "24 can")], "unisex", "polyester"),
    ("H03", "home", "Insulated Stainless Drink Bottle 750ml", "Home / Kitchen / Drinkware", "Kitchen & Dining", "Double-wall vacuum bottle keeps water cold for 24 hours. Leakproof lid.", "", 34.95, [("sage", "750ml"), ("black", "1L")], "unisex", "stainless steel"),
    ("H04", "home", "All Seasons Microfibre Doona", "Home / Bedroom / Doonas", "Linens & Bedding > Bedding", "Medium-warmth microfibre doona (quilt), hypoallergenic and machine washable.", "eofy26", 89.95, [("white", "Queen"), ("white", "King")], "unisex", "microfibre"),
    ("H05", "home", "HEARTH & CO. French Linen Quilt Cover Set", "Home / Bedroom / Quilt Covers", "Linens & Bedding > Bedding", "Stonewashed French linen quilt cover set with two pillowcases.", "", 249.95, [("clay", "Queen"), ("white", "King")], "unisex", "linen"),
    ("H06", "home", "Bamboo Cotton Sheet Set", "Home / Bedroom / Sheets", "Linens & Bedding > Bedding", "Cool, silky bamboo blend sheet set: fitted sheet, flat sheet and two pillowcases. Sleeps cool in summer.", "", 129.95, [("white", "Queen")], "unisex", "bamboo, cotton"),
    ("H07", "home", "Medium Profile Pillow 2 Pack", "Home / Bedroom / Pillows", "Linens & Bedding > Bedding", "Two medium profile pillows with a cotton cover.", "", 49.95, [("white", "Standard")], "unisex", "cotton, polyester"),
    ("H08", "home", "Fitted Electric Blanket", "Home / Bedroom / Electric Blankets", "Linens & Bedding > Bedding", "Fitted electric blanket with dual controls and auto-off timer. Warms the bed on winter nights.", "", 119.95, [("white", "Queen")], "unisex", "polyester"),
    ("H09", "home", "Oversized Cotton Beach Towel", "Home / Bathroom / Towels", "Linens & Bedding", "Extra large 100 x 180 cm beach towel in a bright stripe, sand shakes off easily.", "", 39.95, [("orange stripe", "100x180"), ("blue stripe", "100x180")], "unisex", "cotton"),
    ("H10", "home", "Plush Bath Towel Set 4 Piece", "Home / Bathroom / Towels", "Linens & Bedding", "Two bath towels and two hand towels in thick 600 gsm cotton.", "", 69.95, [("white", "4 pce")], "unisex", "cotton"),
    ("H11", "home", "Matte 1.7L Electric Kettle", "Home / Kitchen / Appliances", "Electric Kettles", "1.7 litre kettle with a matte finish, rapid boil and a water window.", "", 59.95, [("black", "1.7L"), ("white", "1.7L")], "unisex", "stainless steel"),
    ("H12", "home", "4 Slice Toaster", "Home / Kitchen / Appliances", "Kitchen Appliances", "Four slice toaster with wide slots for crumpets and raisin toast.", "", 69.95, [("cream", "")], "unisex", ""),
    ("H13", "home", "5.5L Digital Air Fryer", "Home / Kitchen / Appliances", "Kitchen Appliances > Deep Fryers", "5.5 litre air fryer with eight presets. Crispy chips with hardly any oil.", "clickfz", 149.00, [("black", "5.5L")], "unisex", ""),
    ("H14", "home", "HEARTH & CO. Barista Espresso Machine", "Home / Kitchen / Coffee", "Kitchen Appliances", "Espresso machine with a 15 bar pump and a steam wand for flat whites at home.", "", 449.00, [("stainless", "")], "unisex", "stainless steel"),
    ("H15", "home", "High Speed Blender 1.5L", "Home / Kitchen / Appliances", "Kitchen Appliances > Food Mixers & Blenders", "1200 W blender for smoothies, crushed ice and soups.", "", 99.95, [("black", "1.5L")], "unisex", ""),
    ("H16", "home", "6L Slow Cooker", "Home / Kitchen / Appliances", "Kitchen Appliances", "Six litre slow cooker with a ceramic bowl, for stews and pulled pork.", "", 59.95, [("black", "6L")], "unisex", "ceramic"),
    ("H17", "home", "Non-Stick Frypan 28cm", "Home / Kitchen / Cookware", "Kitchen & Dining > Cookware & Bakeware", "28 cm non-stick frypan, induction compatible.", "", 49.95, [("black", "28cm")], "unisex", "aluminium"),
    ("H18", "home", "HEARTH & CO. Stainless Cookware Set 5 Piece", "Home / Kitchen / Cookware", "Kitchen & Dining > Cookware & Bakeware", "Five piece tri-ply stainless steel saucepan and stockpot set with lids.", "", 299.00, [("stainless", "5 pce")], "unisex", "stainless steel"),
    ("H19", "home", "Japanese Steel Chef's Knife 20cm", "Home / Kitchen / Knives", "Kitchen & Dining > Kitchen Tools & Utensils", "20 cm chef's knife in Japanese steel with a pakkawood handle.", "", 89.95, [("", "20cm")], "unisex", "steel, pakkawood"),
    ("H20", "home", "Stainless Steel Bento Lunch Box", "Home / Kitchen / Lunch", "Kitchen & Dining > Food & Beverage Carriers", "Leakproof stainless bento box with three compartments. For school and work lunches.", "", 34.95, [("blue", "")], "unisex", "stainless steel"),
    ("H21", "home", "Cordless Stick Vacuum", "Home / Cleaning / Vacuums", "Home & Garden > Household Appliances > Vacuums", "Cordless stick vacuum with 45 min runtime and a pet hair tool.", "", 299.00, [("grey", "")], "unisex", ""),
    ("H22", "home", "Robot Vacuum and Mop", "Home / Cleaning / Vacuums", "Home & Garden > Household Appliances > Vacuums", "Robot vacuum that also mops, with app mapping and auto scheduling.", "", 499.00, [("white", "")], "unisex", ""),
    ("H23", "home", "40cm Pedestal Fan with Remote", "Home / Heating & Cooling / Fans", "Household Appliances", "Pedestal fan with remote, timer and oscillation. For hot summer nights.", "", 69.95, [("white", "40cm")], "unisex", ""),
    ("H24", "home", "2400W Oil Column Heater", "Home / Heating & Cooling / Heaters", "Household Appliances", "Oil column heater with a thermostat and tip-over switch for winter.", "", 119.00, [("white", "2400W")], "unisex", ""),
    ("H25", "home", "10L Dehumidifier", "Home / Heating & Cooling", "Household Appliances", "Dehumidifier that pulls 10 litres a day to stop mould and damp in winter.", "", 229.00, [("white", "10L")], "unisex", ""),
    ("H26", "home", "Ceramic Soleplate Steam Iron", "Home / Laundry / Irons", "Household Appliances", "2400 W steam iron with a ceramic soleplate and self-clean, for shirts and linen.", "", 59.95, [("blue", "")], "unisex", ""),
    ("H27", "home", "Handheld Garment Steamer", "Home / Laundry / Irons", "Household Appliances", "Handheld garment steamer that takes creases out of clothes and curtains in seconds.", "", 79.95, [("white", "")], "unisex", ""),
    ("H28", "home", "3 Tier Folding Clothes Airer", "Home / Laundry", "Household Supplies", "Folding clothes airer with three tiers for drying inside when it rains.", "", 39.95, [("white", "")], "unisex", "steel"),
    ("H29", "home", "Adjustable LED Desk Lamp", "Home / Lighting / Lamps", "Home & Garden > Lighting", "LED desk lamp with five colour temperatures and a USB charging port, for study and reading.", "", 49.95, [("white", ""), ("black", "")], "unisex", "aluminium"),
    ("H30", "home", "Arc Floor Lamp with Linen Shade", "Home / Lighting / Lamps", "Home & Garden > Lighting", "Arched floor lamp with a linen shade for the lounge room.", "", 149.00, [("brass", "")], "unisex", "metal, linen"),
    ("H31", "home", "Ergonomic Mesh Office Chair", "Home / Furniture / Office", "Furniture > Chairs", "Mesh back office chair with lumbar support, adjustable arms and height. For working from home.", "bay14", 249.00, [("black", "")], "unisex", "mesh, nylon"),
    ("H32", "home", "Electric Sit-Stand Desk 120cm", "Home / Furniture / Office", "Furniture", "Electric height adjustable desk with memory presets, 120 x 60 cm top.", "", 449.00, [("oak", "120cm"), ("white", "120cm")], "unisex", "steel, MDF"),
    ("H33", "home", "5 Tier Ladder Bookshelf", "Home / Furniture / Storage", "Furniture", "Leaning ladder bookshelf with five shelves.", "", 129.00, [("walnut", "")], "unisex", "MDF, steel"),
    ("H34", "home", "Clear Storage Tubs with Lids 3 Pack", "Home / Storage", "Household Supplies", "Three 32 litre clear tubs with clip lids for wardrobes and the garage.", "", 39.95, [("clear", "32L")], "unisex", "polypropylene"),
    ("H35", "home", "Soy Candle Eucalyptus and Mint", "Home / Decor / Candles", "Home & Garden > Decor", "Hand-poured soy candle with a eucalyptus and mint scent, 50 hour burn.", "", 34.95, [("", "300g")], "unisex", "soy wax"),
    ("H36", "home", "Ribbed Ceramic Planter 25cm", "Home / Decor / Pots", "Home & Garden > Decor", "Ribbed ceramic pot with a drainage hole and saucer for indoor plants.", "", 44.95, [("terracotta", "25cm")], "unisex", "ceramic"),
    ("H37", "home", "Folding Beach and Camping Chair", "Home / Outdoor / Chairs", "Furniture > Chairs", "Low folding chair with a cup holder and carry strap for the beach, camping and the footy.", "", 49.95, [("navy", "")], "unisex", "steel, polyester"),
    ("H38", "home", "Waterproof Picnic Rug", "Home / Outdoor", "", "Large picnic rug with a waterproof backing that rolls up with a strap.", "", 44.95, [("green check", "200x200")], "unisex", "acrylic, PEVA"),
    ("H39", "home", "Collapsible Laundry Basket", "Home / Laundry", "Household Supplies", "Collapsible laundry basket with handles.", "", 24.95, [("grey", "")], "unisex", "polypropylene"),
    # beauty (skin, sun, makeup, fragrance, hair and hair tools, grooming)
    ("B01", "beauty", "WATTLE SKIN Ultra Sunscreen SPF 50+ 200ml", "Beauty / Suncare", "Cosmetics > Skin Care > Sunscreen", "Broad spectrum SPF 50+ sunscreen lotion, 4 hours water resistant. Made for the Aussie sun.", "blk-fri", 19.95, [("", "200ml"), ("", "1L pump")], "unisex", ""),
    ("B02", "beauty", "Tinted Face Sunscreen SPF 50", "Beauty / Suncare / Face", "Cosmetics > Skin Care > Sunscreen", "Lightweight tinted face sunscreen that sits well under makeup.", "", 39.95, [("light", "50ml"), ("medium", "50ml")], "female", ""),
    ("B03", "beauty", "Aloe Vera After Sun Gel", "Beauty / Suncare", "Cosmetics > Skin Care", "Cooling aloe vera gel for sunburnt skin.", "", 12.95, [("", "250ml")], "unisex", ""),
    ("B04", "beauty", "WATTLE SKIN Daily Hydrating Moisturiser", "Beauty / Skincare / Moisturisers", "Cosmetics > Skin Care > Lotion & Moisturizer", "Daily face moisturiser with hyaluronic acid and Kakadu plum.", "", 44.95, [("", "50ml")], "unisex", ""),
    ("B05", "beauty", "15% Vitamin C Brightening Serum", "Beauty / Skincare / Serums", "Cosmetics > Skin Care", "Vitamin C serum for brighter skin and dark spots.", "apay-day", 54.95, [("", "30ml")], "unisex", ""),
    ("B06", "beauty", "Gentle Gel Face Cleanser", "Beauty / Skincare / Cleansers", "Cosmetics > Skin Care", "Soap-free gel cleanser for sensitive and oily skin.", "", 24.95, [("", "200ml")], "unisex", ""),
    ("B07", "beauty", "Hydrating Sheet Mask 5 Pack", "Beauty / Skincare / Masks", "Cosmetics > Skin Care", "Five hydrating sheet masks for a pamper night.", "", 19.95, [("", "5 pack")], "female", ""),
    ("B08", "beauty", "GLOSSARY Skin Tint Foundation", "Beauty / Makeup / Face", "Cosmetics > Makeup > Face Makeup", "Light coverage skin tint foundation with a dewy finish, in 12 shades.", "", 49.95, [("fair", "30ml"), ("tan", "30ml"), ("deep", "30ml")], "female", ""),
    ("B09", "beauty", "Full Coverage Concealer", "Beauty / Makeup / Face", "Cosmetics > Makeup > Face Makeup", "Creamy concealer for dark circles and blemishes.", "", 32.95, [("light", "6ml")], "female", ""),
    ("B10", "beauty", "GLOSSARY Lengthening Mascara", "Beauty / Makeup / Eyes", "Cosmetics > Makeup > Eye Makeup", "Lengthening mascara that doesn't smudge or flake, in black.", "", 34.95, [("black", "")], "female", ""),
    ("B11", "beauty", "Warm Neutrals Eyeshadow Palette", "Beauty / Makeup / Eyes", "Cosmetics > Makeup > Eye Makeup", "Twelve warm matte and shimmer eyeshadows.", "", 44.95, [("warm neutrals", "")], "female", ""),
    ("B12", "beauty", "Velvet Matte Lipstick", "Beauty / Makeup / Lips", "Cosmetics > Makeup > Lip Makeup", "Long wearing matte lipstick.", "", 29.95, [("brick red", ""), ("nude pink", "")], "female", ""),
    ("B13", "beauty", "SPF 30 Lip Balm", "Beauty / Makeup / Lips", "Cosmetics > Makeup > Lip Makeup", "Nourishing lip balm with SPF 30.", "", 7.95, [("", "")], "unisex", ""),
    ("B14", "beauty", "Vegan Makeup Brush Set 10 Piece", "Beauty / Tools / Brushes", "Cosmetic Tools > Makeup Tools", "Ten soft synthetic brushes for foundation, powder, eyes and brows, with a roll-up case.", "", 59.95, [("blush", "10 pce")], "female", "synthetic fibre"),
    ("B15", "beauty", "Clear Zip Makeup Pouch", "Beauty / Tools / Bags", "Cosmetic Tools > Makeup Tools", "Clear PVC makeup bag with a zip, for toiletries and carry-on liquids at the airport.", "", 19.95, [("clear/pink", "")], "female", "PVC"),
    ("B16", "beauty", "Gel Effect Nail Polish", "Beauty / Nails", "Cosmetics > Nail Care", "Long lasting gel effect nail polish, no lamp needed.", "", 14.95, [("cherry", "13ml"), ("nude", "13ml")], "female", ""),
    ("B17", "beauty", "Salt Air Eau de Parfum 50ml", "Beauty / Fragrance / Womens", "Cosmetics > Perfume & Cologne", "Fresh women's perfume with notes of sea salt, neroli and sandalwood.", "", 119.00, [("", "50ml")], "female", ""),
    ("B18", "beauty", "Cedar Ridge Eau de Toilette for Men", "Beauty / Fragrance / Mens", "Cosmetics > Perfume & Cologne", "Woody men's cologne with cedar, bergamot and vetiver.", "eofy26", 99.00, [("", "100ml")], "male", ""),
    ("B19", "beauty", "GLOSSARY Ceramic Hair Straightener", "Beauty / Hair / Hair Tools", "Hair Care > Hair Styling Tools", "Ceramic floating plates, heats to 230°C in 30 seconds, auto-off. Straightens and waves.", "", 129.00, [("black", "")], "female", "ceramic"),
    ("B20", "beauty", "Ionic Hair Dryer 2000W", "Beauty / Hair / Hair Tools", "Hair Care > Hair Styling Tools", "Fast ionic hair dryer with a diffuser and concentrator nozzle.", "", 89.95, [("rose gold", "")], "female", ""),
    ("B21", "beauty", "32mm Curling Wand", "Beauty / Hair / Hair Tools", "Hair Care > Hair Styling Tools", "Ceramic curling wand for loose beachy curls, with a heat glove.", "", 69.95, [("black", "32mm")], "female", "ceramic"),
    ("B22", "beauty", "Repair Shampoo and Conditioner Duo", "Beauty / Hair / Haircare", "Hair Care > Shampoo & Conditioner", "Sulphate-free shampoo and conditioner for dry and damaged hair.", "", 34.95, [("", "2 x 400ml")], "unisex", ""),
    ("B23", "beauty", "Deep Repair Hair Mask", "Beauty / Hair / Haircare", "Personal Care > Hair Care", "Weekly hair mask for frizz and bleached hair.", "", 29.95, [("", "250ml")], "unisex", ""),
    ("B24", "beauty", "Cordless Beard Trimmer", "Beauty / Grooming / Mens", "Shaving & Grooming", "Beard trimmer with 20 length settings, waterproof, 90 min runtime.", "", 79.95, [("black", "")], "male", ""),
    ("B25", "beauty", "Womens Body Hair Trimmer", "Beauty / Grooming / Womens", "Shaving & Grooming > Hair Removal", "Wet and dry body trimmer for legs, underarms and bikini line.", "", 49.95, [("white", "")], "female", ""),
    ("B26", "beauty", "Sonic Electric Toothbrush", "Beauty / Grooming / Oral Care", "Personal Care > Oral Care", "Sonic electric toothbrush with a 2 minute timer and travel case.", "", 89.00, [("white", ""), ("black", "")], "unisex", ""),
    ("B27", "beauty", "Native Botanicals Body Wash 500ml", "Beauty / Bath & Body", "Bath & Body", "Body wash with lemon myrtle and eucalyptus.", "", 14.95, [("", "500ml")], "unisex", ""),
    ("B28", "beauty", "Shea Body Lotion 400ml", "Beauty / Bath & Body", "Skin Care > Lotion & Moisturizer", "Rich body lotion with shea butter for dry skin.", "", 19.95, [("", "400ml")], "unisex", ""),
    ("B29", "beauty", "WATTLE SKIN Gradual Self Tan Mousse", "Beauty / Tanning", "Cosmetics > Skin Care", "Streak-free self tan mousse with a mitt, buildable colour without the sun.", "", 34.95, [("medium", "200ml"), ("dark", "200ml")], "unisex", ""),
    ("B30", "beauty", "Magnetic False Lashes Kit", "Beauty / Makeup / Eyes", "Cosmetics > Makeup > Eye Makeup", "Reusable magnetic lashes with liner and applicator.", "", 39.95, [("natural", "")], "female", ""),
    ("B31", "beauty", "Aluminium Free Deodorant", "Beauty / Bath & Body", "Personal Care", "Natural roll-on deodorant without aluminium.", "", 12.95, [("", "50ml")], "unisex", ""),
    ("B32", "beauty", "Mini Skincare Gift Set", "Beauty / Gifts", "Personal Care > Cosmetics", "Travel size cleanser, serum and moisturiser in a gift box.", "", 59.95, [("", "3 pce")], "female", ""),
    # gaming (consoles, games, controllers, gaming PC gear, setup, tabletop)
    ("G01", "gaming", "PlayStation 5 Slim Digital Edition", "Gaming / Consoles / PlayStation", "Electronics > Video Game Consoles", "PS5 Slim digital console with 1TB storage and a DualSense controller.", "clickfz", 649.00, [("white", "1TB")], "unisex", ""),
    ("G02", "gaming", "Xbox Series S 512GB", "Gaming / Consoles / Xbox", "Electronics > Video Game Consoles", "Compact all-digital Xbox with 512GB storage.", "", 499.00, [("white", "512GB")], "unisex", ""),
    ("G03", "gaming", "Nintendo Switch OLED Model", "Gaming / Consoles / Nintendo", "Electronics > Video Game Consoles", "Switch OLED console with a 7 inch screen, dock and Joy-Con.", "", 539.00, [("neon", ""), ("white", "")], "unisex", ""),
    ("G04", "gaming", "QUOKKA PLAY Pocket Retro Handheld 500 Games", "Gaming / Consoles / Retro", "Electronics > Video Game Consoles", "Handheld retro console with 500 built-in 8-bit games, a 3 inch screen and AV out to the TV.", "", 49.95, [("yellow", ""), ("blue", "")], "unisex", ""),
    ("G05", "gaming", "QUOKKA PLAY Junior Handheld Game Console", "Gaming / Consoles / Kids", "Electronics > Video Game Consoles", "Chunky, drop-proof handheld game console for kids 4+, with 100 easy games and a rechargeable battery.", "", 39.95, [("green", "")], "unisex", ""),
    ("G06", "gaming", "DualSense Wireless Controller", "Gaming / Controllers / PlayStation", "Input Devices > Game Controllers", "Official PS5 controller with haptic feedback and adaptive triggers.", "", 109.00, [("white", ""), ("midnight black", "")], "unisex", ""),
    ("G07", "gaming", "Xbox Wireless Controller", "Gaming / Controllers / Xbox", "Input Devices > Game Controllers", "Xbox controller that also works on PC and phones over Bluetooth.", "", 89.00, [("carbon black", "")], "unisex", ""),
    ("G08", "gaming", "Nintendo Switch Pro Controller", "Gaming / Controllers / Nintendo", "Input Devices > Game Controllers", "Full size Switch controller with motion controls and 40 hour battery.", "", 99.00, [("black", "")], "unisex", ""),
    ("G09", "gaming", "Outback Rally Championship (PS5)", "Gaming / Games / PS5", "Software > Video Game Software", "Off-road rally racing across the red centre, Tassie forests and the Nullarbor. Rated PG.", "", 79.95, [("", "PS5")], "unisex", ""),
    ("G10", "gaming", "Reef Rangers (Nintendo Switch)", "Gaming / Games / Switch", "Software > Video Game Software", "Family adventure game: dive the reef and rescue sea creatures, co-op for two. Rated G.", "", 69.95, [("", "Switch")], "unisex", ""),
    ("G11", "gaming", "Galaxy Siege II (Xbox Series X|S)", "Gaming / Games / Xbox", "Software > Video Game Software", "Sci-fi shooter with a story campaign and online multiplayer. Rated MA15+.", "", 89.95, [("", "Xbox")], "unisex", ""),
    ("G12", "gaming", "Footy Legends 27 (PS5)", "Gaming / Games / PS5", "Software > Video Game Software", "Aussie rules football game with all 18 clubs, career mode and local multiplayer.", "eofy26", 89.95, [("", "PS5"), ("", "Xbox")], "unisex", ""),
    ("G13", "gaming", "REDBACK Hydra Wireless Gaming Headset", "Gaming / PC Gaming / Headsets", "Audio Components > Headphones & Headsets > Headsets", "Wireless gaming headset with a flip-up noise-cancelling mic, 7.1 surround and 30 hour battery. PS5, PC and Switch.", "", 199.00, [("black", "")], "unisex", ""),
    ("G14", "gaming", "REDBACK Stinger Wired Gaming Headset", "Gaming / PC Gaming / Headsets", "Audio Components > Headphones & Headsets > Headsets", "Budget wired gaming headset with a boom mic and 3.5 mm jack, for console and PC.", "", 49.95, [("black/red", "")], "unisex", ""),
    ("G15", "gaming", "REDBACK TKL Mechanical Gaming Keyboard", "Gaming / PC Gaming / Keyboards", "Input Devices > Keyboards", "Tenkeyless mechanical keyboard with hot-swap red switches and per-key RGB.", "", 129.00, [("black", "TKL")], "unisex", ""),
    ("G16", "gaming", "Ultralight Wireless Gaming Mouse", "Gaming / PC Gaming / Mice", "Input Devices > Mice & Trackballs", "58 g wireless gaming mouse with a 26K DPI sensor.", "", 119.00, [("white", "")], "unisex", ""),
    ("G17", "gaming", "XXL Desk Mat 90x40", "Gaming / PC Gaming / Mice", "Electronics > Electronics Accessories > Computer Accessories", "Extended mouse mat with stitched edges and a non-slip base.", "", 29.95, [("black", "90x40")], "unisex", "cloth, rubber"),
    ("G18", "gaming", "REDBACK Racer Gaming Chair", "Gaming / Furniture / Chairs", "Furniture > Chairs", "Racing-style gaming chair with a neck pillow, lumbar cushion, 4D armrests and 160° recline.", "wh-syd2", 349.00, [("black/red", ""), ("black/white", "")], "unisex", "PU leather"),
    ("G19", "gaming", "27 Inch QHD 170Hz Gaming Monitor", "Gaming / PC Gaming / Monitors", "Video > Computer Monitors", "27 inch QHD IPS gaming monitor, 170 Hz and 1 ms, with adaptive sync.", "", 449.00, [("black", "27\"")], "unisex", ""),
    ("G20", "gaming", "Racing Wheel and Pedals for PS5 and PC", "Gaming / Controllers / Racing", "Input Devices > Game Controllers", "Force feedback racing wheel with a three pedal set and paddle shifters.", "", 499.00, [("black", "")], "unisex", ""),
    ("G21", "gaming", "RGB LED Strip Lights 5m for Gaming Setup", "Gaming / Setup / Lighting", "Home & Garden > Lighting", "App controlled RGB LED strip that syncs to music and games, for behind the desk or TV.", "", 34.95, [("multicolour", "5m"), ("multicolour", "10m")], "unisex", ""),
    ("G22", "gaming", "RGB Ambient Light Bars Pair", "Gaming / Setup / Lighting", "Home & Garden > Lighting", "Two RGB light bars that stand beside the monitor and react to the game.", "", 79.95, [("black", "")], "unisex", ""),
    ("G23", "gaming", "Dual Charging Dock for DualSense", "Gaming / Accessories / PlayStation", "Video Game Console Accessories > Home Game Console Accessories", "Charges two PS5 controllers at once.", "", 39.95, [("white", "")], "unisex", ""),
    ("G24", "gaming", "Hard Carry Case for Switch OLED", "Gaming / Accessories / Nintendo", "Video Game Console Accessories > Portable Game Console Accessories", "Hard shell travel case for Switch with room for 20 game cards.", "", 29.95, [("grey", "")], "unisex", "EVA"),
    ("G25", "gaming", "4K HDMI Capture Card", "Gaming / Streaming", "Electronics > Electronics Accessories > Computer Accessories", "USB capture card to stream and record console gameplay in 4K.", "", 179.00, [("black", "")], "unisex", ""),
    ("G26", "gaming", "USB Streaming Microphone with Arm", "Gaming / Streaming", "Electronics > Audio > Audio Components > Microphones", "USB condenser mic with a boom arm and pop filter for streaming and Discord.", "", 129.00, [("black", "")], "unisex", ""),
    ("G27", "gaming", "Kangaroo Dash Board Game", "Games / Tabletop / Board Games", "Toys & Games > Games > Board Games", "Family board game racing mobs of kangaroos across the outback, 2-6 players, ages 8+.", "", 44.95, [("", "")], "unisex", ""),
    ("G28", "gaming", "Shout Out! Party Card Game", "Games / Tabletop / Card Games", "Toys & Games > Games > Card Games", "Loud party card game for 4-12 players, ages 14+.", "", 29.95, [("", "")], "unisex", ""),
    ("G29", "gaming", "Standalone VR Headset 128GB", "Gaming / VR", "Electronics > Video Game Consoles", "All-in-one VR headset with two touch controllers, no PC needed.", "", 699.00, [("white", "128GB")], "unisex", ""),
    ("G30", "gaming", "REDBACK Carbon Gaming Desk 140cm", "Gaming / Furniture / Desks", "Furniture", "Gaming desk with a carbon fibre top, cup holder, headset hook and cable tray.", "", 279.00, [("black", "140cm")], "unisex", "steel, MDF"),
]


class Catalog13(Style):
    avail = AVAIL
    currency = "AUD"
    sale_factor = 0.75
    sale_every = 7

    def google(self, ids, ending, i):
        """The numeric id on a third of the models, the English path on a
        third, empty on the rest."""
        return google_by_cycle(ids, ending, i, ["path", "", "id"])

    def product_type(self, path, i, key):
        """The department path; only its last part on every fifth model."""
        if i % 5 == 4:
            return path.split(" / ")[-1]
        return path

    def variant(self, title, v):
        return dashed_variant(title, v)

    def stock(self, n):
        return 2 + (n * 5) % 23

    def link(self, pid):
        return f"https://www.southerncross-dept.example.com.au/products/{pid.lower()}"

    def image(self, pid):
        return f"https://cdn.southerncross-dept.example.com.au/img/{pid.lower()}-main.jpg"


if __name__ == "__main__":
    write("catalog13.csv", rows(CATALOG13, "C13", Catalog13()))
