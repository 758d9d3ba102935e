#!/usr/bin/env python3
"""Writes catalog8.csv (Meta feed format, like catalog/products.csv) next to
this file: the eighth evaluation catalog of issue 15, held out from tuning.

About 250 rows of six brands: the five demo brands and a sixth, `toys`
(plush, building sets, puzzles, dolls, RC cars, outdoor and baby toys; its
seller's manifest section is seller-toys.routing.toml). Written in issue
15's sixth session before the router or the search ran on it and before
that session changed any router code. The feed is a Brazilian shop's
export, unlike catalogs 1-7:

- prices in BRL;
- titles in sentence case with the variant in brackets ("Wren linen
  jumpsuit (olive, M)");
- `product_type` a storefront breadcrumb rooted at "Shop"
  ("Shop › Women › Jumpsuits"); on every fifth model only the merchandising
  shelf it sits on ("Shop › New in", "Shop › Sale");
- `google_product_category` only the top two levels of the Google path
  ("Apparel & Accessories > Clothing"), the numeric id on every fourth
  model, empty on every seventh (resolved from
  lang/data/google-taxonomy-with-ids.en-US.txt by the path's ending);
- descriptions as bullet lists ("Linen blend • Relaxed fit • ...");
- `custom_label_0` a merchandising label (lancamento, queima, black-friday,
  mais-vendido) or empty, never a product word;
- availability includes "available for order".

    python3 catalog/eval/catalog8.py
"""

from feedgen import Style, google_category, rows, write

AVAIL = ["in stock", "in stock", "available for order", "in stock", "out of stock",
         "in stock", "in stock", "preorder", "in stock"]

# (model key, brand, title, breadcrumb below "Shop", google category path
#  ending, description, merchandising label, price (BRL), variants, gender,
#  material); a variant is (colour, size).
CATALOG8 = [
    # fashion
    ("F01", "fashion", "Wren linen jumpsuit", "Women › Jumpsuits", "Clothing > One-Pieces > Jumpsuits & Rompers", "Linen blend • Wide leg • Tie waist and side pockets • Easy to wear on hot days", "lancamento", 329.90, [("olive", "S"), ("natural", "M"), ("olive", "L")], "female", "linen blend"),
    ("F02", "fashion", "Palma woven leather mule", "Women › Shoes › Mules", "Apparel & Accessories > Shoes", "Hand-woven leather upper • Open back, slip on • Low stacked heel", "", 279.00, [("tan", "35"), ("black", "36"), ("tan", "37"), ("white", "38")], "female", "leather"),
    ("F03", "fashion", "Tallis pleated midi skirt", "Women › Skirts", "Clothing > Skirts", "Knife pleats that move when you walk • Elastic waist • Midi length, lined", "mais-vendido", 219.90, [("sage", "S"), ("black", "M"), ("metallic gold", "M")], "female", "polyester"),
    ("F04", "fashion", "Ondina long-sleeve rash guard", "Beachwear › Swim tops", "Clothing > Swimwear", "UPF 50+ swim shirt • Long sleeves and a front zip • For surfing, snorkelling and the beach", "", 159.90, [("navy", "S"), ("coral", "M"), ("navy", "L"), ("black", "XL"), ("coral", "S")], "unisex", "recycled polyamide"),
    ("F05", "fashion", "Bram chunky knit cardigan", "Men › Knitwear", "Clothing > Shirts & Tops", "Chunky shawl-collar cardigan • Horn-effect buttons • Warm wool mix for winter", "queima", 349.00, [("oatmeal", "M"), ("charcoal", "L"), ("oatmeal", "XL")], "male", "wool mix"),
    ("F06", "fashion", "Sable leather belt bag", "Accessories › Bags", "Handbags, Wallets & Cases > Handbags", "Pebbled leather waist bag • Wear it round the waist or across the chest • Two zip pockets", "black-friday", 199.90, [("black", "U"), ("caramel", "U"), ("olive", "U")], "unisex", "leather"),
    ("F07", "fashion", "Juniper wide-brim straw hat", "Accessories › Hats", "Clothing Accessories > Hats", "Natural straw sun hat • Wide brim that folds for travel • Grosgrain ribbon band", "", 129.90, [("natural", "U"), ("black band", "U")], "female", "straw"),
    ("F08", "fashion", "Atlas canvas high-top", "Men › Sneakers", "Apparel & Accessories > Shoes", "Classic canvas high-top sneakers • Vulcanised rubber sole • Metal eyelets", "mais-vendido", 239.90, [("black", "39"), ("white", "40"), ("black", "41"), ("red", "42"), ("white", "43")], "unisex", "canvas"),
    ("F09", "fashion", "Nadia smocked peasant blouse", "Women › Tops", "Clothing > Shirts & Tops", "Smocked cotton blouse • Puff sleeves and a square neck • Embroidered trim", "lancamento", 149.90, [("white", "S"), ("white", "M"), ("lilac", "L")], "female", "cotton"),
    ("F10", "fashion", "Ferro stainless signet ring", "Accessories › Jewellery", "Jewelry > Rings", "Polished stainless steel signet ring • Will not tarnish • Engravable flat face", "", 89.90, [("silver", "18"), ("gold", "20"), ("silver", "22"), ("gold", "24")], "male", "stainless steel"),
    ("F11", "fashion", "Kestrel satin bomber jacket", "Men › Jackets", "Outerwear > Coats & Jackets", "Shiny satin bomber • Ribbed collar, cuffs and hem • Quilted lining", "queima", 299.90, [("olive", "M"), ("black", "L"), ("burgundy", "XL")], "male", "satin"),
    ("F12", "fashion", "Cortina silk tie", "Men › Accessories", "Clothing Accessories > Neckties", "Pure silk necktie • 7 cm blade • For weddings, interviews and the office", "", 119.90, [("navy dots", "U"), ("burgundy", "U"), ("silver", "U"), ("black", "U")], "male", "silk"),
    ("F13", "fashion", "Tilly girls' tulle party dress", "Kids › Girls › Dresses", "Clothing > Dresses", "Layered tulle skirt • Sequin bodice • For birthdays, weddings and parties", "lancamento", 189.90, [("pink", "4"), ("lilac", "6"), ("pink", "8"), ("ivory", "10")], "female", "tulle, cotton lining"),
    ("F14", "fashion", "Sorrel shearling slipper", "Women › Shoes › Slippers", "Apparel & Accessories > Shoes", "Moccasin slippers lined with shearling • Suede upper • Indoor-outdoor sole", "black-friday", 169.90, [("chestnut", "35"), ("grey", "37"), ("chestnut", "39")], "female", "suede, shearling"),
    ("F15", "fashion", "Ranchero western boot", "Women › Shoes › Boots", "Apparel & Accessories > Shoes", "Pointed-toe cowboy boots • Stitched leather shaft • Stacked heel", "", 489.00, [("cognac", "35"), ("black", "36"), ("cognac", "38")], "female", "leather"),
    ("F16", "fashion", "Odessa charm bracelet", "Accessories › Jewellery", "Jewelry > Bracelets", "Gold-plated chain bracelet • Five charms: star, moon, heart, shell and a pearl • Lobster clasp", "mais-vendido", 99.90, [("gold", "U"), ("silver", "U")], "female", "plated brass"),
    ("F17", "fashion", "Lark seamless shaping bodysuit", "Women › Lingerie", "Underwear & Socks > Shapewear", "Seamless shapewear bodysuit • Smooths the tummy and waist • Invisible under dresses", "", 139.90, [("nude", "S"), ("black", "M"), ("nude", "L"), ("black", "XL")], "female", "nylon elastane"),
    ("F18", "fashion", "Dorian tailored waistcoat", "Men › Tailoring", "Clothing > Suits", "Slim-fit three-button waistcoat • Satin back with an adjuster • Wear it with or without a jacket", "", 229.00, [("grey", "M"), ("navy", "L"), ("grey", "XL")], "male", "wool blend"),
    ("F19", "fashion", "Lucia ribbed tank top", "Women › Tops", "Clothing > Shirts & Tops", "Ribbed stretch tank top • Scoop neck • Layer it or wear it alone", "", 59.90, [("white", "XS"), ("black", "S"), ("white", "M"), ("mocha", "L"), ("black", "XL")], "female", "cotton modal"),
    ("F20", "fashion", "Soleado crochet beach cover-up", "Beachwear › Cover-ups", "Clothing > Swimwear", "Hand-crochet mini dress to wear over a bikini • Open knit • Tassel ties", "lancamento", 179.90, [("ivory", "S"), ("ivory", "M"), ("terracotta", "L")], "female", "cotton"),
    # tech
    ("T01", "tech", "Keyhaven fingerprint smart lock", "Smart home › Security", "Hardware > Locks & Keys", "Opens with a fingerprint, PIN code, app or key • Auto-lock • Works with your Wi-Fi", "lancamento", 1299.00, [("black", ""), ("satin nickel", "")], "unisex", "zinc alloy"),
    ("T02", "tech", "Layer One FDM 3D printer", "Computers › 3D printing", "Print, Copy, Scan & Fax > 3D Printers", "Prints PLA and PETG • 220 x 220 mm bed • Auto bed levelling • Touch screen", "", 2199.00, [("grey", "PLA STARTER KIT"), ("grey", "")], "unisex", "steel, aluminium"),
    ("T03", "tech", "Sumo 500Wh portable power station", "Power › Power stations", "Electronics Accessories > Power > Batteries", "500 Wh battery with AC outlets, USB-C and a car socket • Charges from the wall or a solar panel • For camping and blackouts", "black-friday", 2899.00, [("grey", "500WH"), ("grey", "1000WH")], "unisex", "plastic"),
    ("T04", "tech", "Clipmic wireless lavalier pair", "Audio › Microphones", "Audio Components > Microphones", "Two clip-on wireless mics and a receiver for your phone or camera • Noise reduction • For interviews, vlogs and reels", "mais-vendido", 499.90, [("black", "USB-C"), ("black", "LIGHTNING"), ("white", "USB-C")], "unisex", "plastic"),
    ("T05", "tech", "Parla pocket voice translator", "Gadgets › Travel", "Electronics > Electronics Accessories", "Two-way voice translation in 130 languages • Works offline for 14 languages • Photo translation of menus and signs", "", 899.00, [("black", ""), ("white", ""), ("rose", "")], "unisex", "plastic"),
    ("T06", "tech", "Stratus home weather station", "Smart home › Sensors", "Measuring Tools & Sensors > Weather Forecasters & Stations", "Colour display with an outdoor sensor • Temperature, humidity, rain and wind • Forecast and alarm clock", "", 459.90, [("black", "")], "unisex", "plastic"),
    ("T07", "tech", "Quill active stylus for tablets", "Tablets › Accessories", "Computer Accessories > Stylus Pens", "Fine-tip active stylus with palm rejection • Tilt sensitive • Magnetic and charges by USB-C", "lancamento", 249.90, [("white", ""), ("graphite", "")], "unisex", "aluminium"),
    ("T08", "tech", "Foldtab 13 2-in-1 convertible", "Computers › Laptops", "Electronics > Computers > Laptops", "13.3-inch touch screen that folds into a tablet • 16 GB RAM • Pen support • Backlit keyboard", "", 5499.00, [("silver", "512GB"), ("blue", "512GB"), ("silver", "1TB")], "unisex", "aluminium"),
    ("T09", "tech", "Vector 34 curved ultrawide monitor", "Computers › Monitors", "Electronics > Video > Computer Monitors", "34-inch curved ultrawide WQHD screen • USB-C with 90 W charging • Built-in KVM for two computers", "queima", 3299.00, [("black", "34 POL")], "unisex", "plastic"),
    ("T10", "tech", "Orion audio sunglasses", "Audio › Wearables", "Audio Components > Headphones & Headsets > Headphones", "Polarised sunglasses with open-ear speakers in the arms • Calls and music • 6 hours of battery", "", 899.90, [("black", ""), ("tortoise", ""), ("black", "PRESCRIPTION READY")], "unisex", "nylon frame"),
    ("T11", "tech", "Sonata 7.2 AV receiver", "Audio › Home theatre", "Audio Components > Audio & Video Receivers", "7.2-channel home theatre receiver • 8K HDMI • Dolby Atmos • Streams from your phone", "", 4599.00, [("black", "")], "unisex", "metal"),
    ("T12", "tech", "Calc FX graphing calculator", "Office › Calculators", "Office Supplies > Office Equipment > Calculators", "Graphing calculator with a colour screen • Approved for school exams • Rechargeable", "mais-vendido", 699.00, [("black", ""), ("white", "")], "unisex", "plastic"),
    ("T13", "tech", "Birdview smart feeder camera", "Smart home › Cameras", "Cameras & Optics > Cameras > Surveillance Cameras", "Bird feeder with a built-in camera • The app tells you which bird it was • Solar roof", "lancamento", 799.00, [("green", ""), ("wood", "")], "unisex", "plastic"),
    ("T14", "tech", "Wavelink tablet keyboard case", "Tablets › Accessories", "Input Devices > Keyboards", "Bluetooth keyboard case with a trackpad • Backlit keys • Fits 10 to 11-inch tablets", "", 379.90, [("black", ""), ("sage", "")], "unisex", "fabric, plastic"),
    ("T15", "tech", "Beacon 5G pocket hotspot", "Phones › Connectivity", "Electronics > Networking > Modems", "Pocket 5G router for up to 32 devices • 10-hour battery • Unlocked for any SIM", "", 1199.00, [("white", ""), ("black", "")], "unisex", "plastic"),
    ("T16", "tech", "Drowse sleep earbuds", "Audio › Headphones", "Audio Components > Headphones & Headsets > Headphones", "Tiny soft earbuds made for sleeping on your side • Masking sounds and an alarm • Blocks snoring", "black-friday", 749.00, [("white", ""), ("black", "")], "unisex", "silicone"),
    # home
    ("H01", "home", "Belgian waffle maker duo", "Kitchen › Appliances", "Toasters & Grills > Waffle Irons", "Makes two thick Belgian waffles at once • Non-stick plates • Browning control", "", 329.90, [("black", "220V"), ("black", "110V")], "unisex", "stainless steel"),
    ("H02", "home", "Trafila pasta machine", "Kitchen › Tools", "Kitchen Appliances > Pasta Makers", "Hand-crank pasta roller • 9 thickness settings • Cutters for fettuccine and tagliolini", "mais-vendido", 289.00, [("silver", "")], "unisex", "chrome steel"),
    ("H03", "home", "Gelo ice cream maker 1.5 L", "Kitchen › Appliances", "Kitchen Appliances > Ice Cream Makers", "Freezer-bowl ice cream maker • Ice cream, sorbet and frozen yogurt in 30 minutes • 1.5 litres", "lancamento", 449.90, [("white", "220V"), ("mint", "110V")], "unisex", "plastic"),
    ("H04", "home", "Whirl salad spinner", "Kitchen › Tools", "Kitchen Tools & Utensils > Salad Spinners", "Pump-action salad spinner • Dries lettuce and herbs in seconds • Bowl doubles as a serving bowl", "", 119.90, [("green", ""), ("white", "")], "unisex", "plastic"),
    ("H05", "home", "Haven pocket-spring mattress", "Bedroom › Mattresses", "Beds & Accessories > Mattresses", "Individually wrapped pocket springs • Medium-firm • Pillow top with memory foam", "black-friday", 2499.00, [("white", "SOLTEIRO"), ("white", "CASAL"), ("white", "QUEEN"), ("white", "KING")], "unisex", "foam, springs"),
    ("H06", "home", "Alder upholstered bed frame", "Bedroom › Beds", "Beds & Accessories > Beds & Bed Frames", "Bed frame with a padded headboard • Slatted base, no box spring needed • Storage under the bed", "", 1899.00, [("grey linen", "CASAL"), ("grey linen", "QUEEN"), ("sand velvet", "QUEEN")], "unisex", "linen, pine"),
    ("H07", "home", "Nook two-drawer nightstand", "Bedroom › Furniture", "Furniture > Cabinets & Storage", "Bedside table with two soft-close drawers • Oak veneer • Space for a lamp and your phone", "", 599.00, [("oak", ""), ("white", ""), ("walnut", "")], "unisex", "oak veneer"),
    ("H08", "home", "Monsoon rainfall shower head", "Bathroom › Shower", "Plumbing Fixture Hardware & Parts > Shower Parts", "25 cm rainfall shower head • Anti-limescale nozzles • Fits standard arms", "mais-vendido", 259.90, [("chrome", ""), ("matte black", "")], "unisex", "stainless steel"),
    ("H09", "home", "Pedal soft-close bin 30 L", "Kitchen › Storage", "Household Supplies > Waste Containment", "Pedal bin with a lid that closes slowly and quietly • Removable inner bucket • 30 litres", "", 349.90, [("stainless", "30 L"), ("white", "30 L"), ("stainless", "45 L")], "unisex", "stainless steel"),
    ("H10", "home", "Clarus water filter pitcher", "Kitchen › Drinks", "Kitchen & Dining > Food & Beverage Carriers", "2.4 L pitcher with a carbon filter • Less chlorine and limescale • Fits the fridge door", "", 139.90, [("white", ""), ("blue", ""), ("white", "3 REFIS")], "unisex", "BPA-free plastic"),
    ("H11", "home", "Stitchcraft computerised sewing machine", "Home › Sewing", "Textile Craft Machines > Sewing Machines", "100 stitches • Automatic needle threader • Buttonholes in one step • LCD screen", "lancamento", 1599.00, [("white", "")], "unisex", "plastic, metal"),
    ("H12", "home", "Slowpress cold juicer", "Kitchen › Appliances", "Kitchen Appliances > Juicers", "Slow masticating juicer • Whole apples, greens and citrus • Easy to clean", "queima", 1299.00, [("grey", "220V"), ("red", "110V")], "unisex", "tritan, steel"),
    ("H13", "home", "Mistral ceiling fan with light", "Living › Climate", "Household Appliances > Climate Control Appliances > Fans", "Three-blade ceiling fan with an LED light • Remote control • Quiet at night", "", 899.00, [("white", "220V"), ("wood", "110V")], "unisex", "metal, wood"),
    ("H14", "home", "Cellar 12-bottle wine rack", "Dining › Storage", "Kitchen & Dining > Food Storage", "Solid wood rack for 12 bottles • Stackable • Stands on the floor or a counter", "", 229.90, [("natural", "12 GARRAFAS")], "unisex", "pine"),
    ("H15", "home", "Tessera tea towels (3)", "Kitchen › Textiles", "Kitchen & Dining > Kitchen Tools & Utensils", "Three cotton kitchen towels • Thick and absorbent • Hanging loop", "", 69.90, [("blue stripe", "3 UN"), ("mustard", "3 UN")], "unisex", "cotton"),
    ("H16", "home", "Fenwick coat stand", "Hall › Furniture", "Furniture > Cabinets & Storage", "Free-standing coat stand with eight hooks • Umbrella ring at the base • Beech wood", "mais-vendido", 279.90, [("natural", ""), ("black", ""), ("walnut", "")], "unisex", "beech"),
    ("H17", "home", "Hearthstone pizza stone", "Kitchen › Bakeware", "Kitchen & Dining > Cookware & Bakeware > Bakeware", "Cordierite pizza stone for the oven or the barbecue • Crispy base like a pizzeria • With a wooden peel", "", 189.90, [("beige", "33 CM"), ("beige", "38 CM")], "unisex", "cordierite"),
    ("H18", "home", "Orla linen napkins (4)", "Dining › Table linen", "Linens & Bedding > Table Linens", "Four stonewashed linen napkins • 45 x 45 cm • Softer with every wash", "", 119.90, [("sage", "4 UN"), ("white", "4 UN"), ("rust", "4 UN")], "unisex", "linen"),
    ("H19", "home", "Cairn stoneware mugs (set of 4)", "Dining › Tableware", "Tableware > Drinkware", "Four reactive-glaze stoneware mugs • 350 ml • Dishwasher and microwave safe", "mais-vendido", 159.90, [("speckled white", "4 UN"), ("ocean", "4 UN"), ("moss", "4 UN")], "unisex", "stoneware"),
    # beauty
    ("B01", "beauty", "Aurum melting cleansing balm", "Skincare › Cleansers", "Skin Care > Facial Cleansers", "Balm that melts into an oil and dissolves makeup and sunscreen • Rinses clean • Fragrance free", "mais-vendido", 149.90, [("", "100G")], "unisex", ""),
    ("B02", "beauty", "Lumi LED light therapy mask", "Skincare › Devices", "Cosmetics > Skin Care", "Red, blue and near-infrared light • 10 minutes a day • For acne and fine lines", "lancamento", 1499.00, [("white", "")], "female", "silicone"),
    ("B03", "beauty", "Curl Lift heated eyelash curler", "Makeup › Tools", "Makeup Tools", "Heated eyelash curler • Curls lashes that last all day • USB rechargeable", "", 129.90, [("rose", ""), ("black", "")], "female", ""),
    ("B04", "beauty", "Satin Glide cordless epilator", "Body › Hair removal", "Shaving & Grooming > Hair Removal", "Cordless epilator for legs, arms and underarms • Wet and dry • Cooling glove included", "black-friday", 399.90, [("white", "")], "female", ""),
    ("B05", "beauty", "Sole Renew foot peel mask", "Body › Feet", "Personal Care > Foot Care", "Exfoliating foot masks: wear for an hour, dead skin peels off in a week • Two pairs", "", 69.90, [("", "2 PARES")], "unisex", ""),
    ("B06", "beauty", "Root Boost scalp massager", "Hair › Tools", "Hair Care > Hair Styling Tools", "Soft silicone shampoo brush • Massages the scalp and removes build-up", "", 39.90, [("lilac", ""), ("black", ""), ("mint", "")], "unisex", "silicone"),
    ("B07", "beauty", "Sugarplum lip scrub", "Lips", "Cosmetics > Makeup > Lip Makeup", "Sugar lip scrub with a plum taste • Smooths dry, flaky lips before lipstick", "", 49.90, [("", "15G")], "female", ""),
    ("B08", "beauty", "Brow Freeze lamination kit", "Makeup › Brows", "Makeup > Eye Makeup > Eyebrow Enhancers", "At-home brow lamination • Fluffy, brushed-up brows for six weeks • Eight treatments", "mais-vendido", 159.90, [("", "KIT")], "female", ""),
    ("B09", "beauty", "Gleam highlighter stick", "Makeup › Face", "Cosmetics > Makeup > Face Makeup", "Cream highlighter stick • A dewy glow on the cheekbones • Blends with your fingers", "", 89.90, [("champagne", ""), ("rose gold", ""), ("bronze", ""), ("pearl", "")], "female", ""),
    ("B10", "beauty", "Amber Musk perfume oil", "Fragrance", "Personal Care > Cosmetics > Perfume & Cologne", "Roll-on perfume oil • Warm amber, musk and vanilla • Alcohol free, lasts all day", "queima", 179.90, [("", "10ML")], "unisex", ""),
    ("B11", "beauty", "Veil hair perfume mist", "Hair › Styling", "Hair Care > Hair Styling Products", "Light fragrance mist for the hair • Jasmine and pear • No alcohol, does not dry the hair", "", 119.90, [("", "50ML")], "female", ""),
    ("B12", "beauty", "Sunlit self-tan drops", "Body › Tanning", "Skin Care > Tanning Products > Self Tanner", "Mix a few drops into your moisturiser for a gradual tan • Face and body • Streak free", "lancamento", 139.90, [("", "30ML")], "unisex", ""),
    ("B13", "beauty", "Bristle body dry brush", "Body › Tools", "Bath & Body > Bath Brushes", "Natural bristle brush for dry brushing before the shower • Long removable handle", "", 59.90, [("natural", "")], "unisex", "sisal, beech"),
    ("B14", "beauty", "Tough Tips nail strengthener", "Nails", "Nail Care > Nail Polishes", "Hardening base coat for weak, splitting nails • Keratin and calcium • Clear finish", "", 44.90, [("clear", "10ML"), ("milky pink", "10ML")], "female", ""),
    ("B15", "beauty", "Clean Sweep makeup brush cleanser", "Makeup › Tools", "Makeup Tools > Makeup Brushes", "Brush shampoo with a silicone cleaning mat • Removes foundation and oil in seconds", "", 54.90, [("", "150ML")], "unisex", ""),
    ("B16", "beauty", "Rosewater refreshing face mist", "Skincare › Toners", "Skin Care > Toners & Astringents", "Rose water facial spray • Refreshes and sets makeup • For dry and sensitive skin", "mais-vendido", 74.90, [("", "100ML"), ("", "200ML")], "unisex", ""),
    ("B17", "beauty", "Dune tinted lip balm", "Lips", "Cosmetics > Makeup > Lip Makeup", "Tinted balm with shea and SPF 15 • A sheer wash of colour", "", 39.90, [("nude", ""), ("berry", ""), ("coral", ""), ("clear", "")], "female", ""),
    ("B18", "beauty", "Noite lavender pillow spray", "Wellness", "Personal Care > Cosmetics", "Lavender and chamomile pillow mist • Spray on your pillow before bed to relax", "", 69.90, [("", "100ML"), ("", "250ML")], "unisex", ""),
    # gaming
    ("G01", "gaming", "Ashfall Frontier", "Games › PlayStation", "Video Game Software", "Open-world survival game • Build a base, tame creatures, explore a volcanic continent • Online co-op", "lancamento", 299.90, [("", "PS5"), ("", "PC")], "unisex", ""),
    ("G02", "gaming", "Tiny Tavern Tycoon", "Games › Switch", "Video Game Software", "Cosy management game • Run a tavern, cook, decorate and make friends • Couch co-op", "", 249.90, [("", "SWITCH"), ("", "PC")], "unisex", ""),
    ("G03", "gaming", "Overclock RTX gaming PC", "PC Gamer › Desktops", "Electronics > Computers > Desktop Computers", "Ready-built gaming desktop • RTX graphics, 32 GB RAM, 1 TB SSD • Tempered glass case with RGB fans", "black-friday", 8999.00, [("black", "RTX 4060"), ("black", "RTX 4070"), ("white", "RTX 4070")], "unisex", "steel, glass"),
    ("G04", "gaming", "Vapor 8GB graphics card", "PC Gamer › Components", "Computer Components > I/O Cards & Adapters", "8 GB GDDR6 graphics card • Ray tracing and upscaling • Three fans", "", 2799.00, [("black", "8GB")], "unisex", ""),
    ("G05", "gaming", "Prism mesh mid-tower case", "PC Gamer › Components", "Electronics > Computers", "Mid-tower ATX case with a mesh front • Three ARGB fans • Glass side panel", "", 499.90, [("black", ""), ("white", "")], "unisex", "steel, glass"),
    ("G06", "gaming", "Keystone PBT keycap set", "PC Gamer › Keyboards", "Input Devices > Keyboards", "Full set of double-shot PBT keycaps • Cherry profile • Fits most mechanical keyboards", "", 199.90, [("retro beige", ""), ("black / red", "")], "unisex", "PBT"),
    ("G07", "gaming", "Critical Hit polyhedral dice set", "Tabletop › RPG", "Toys & Games > Games > Dice Sets & Games", "Seven resin dice for D&D and tabletop RPGs • d4 to d20 • Velvet pouch", "mais-vendido", 79.90, [("galaxy", ""), ("blood red", ""), ("glow", "")], "unisex", "resin"),
    ("G08", "gaming", "Backdrop collapsible green screen", "Streaming", "Cameras & Optics > Photography > Lighting & Studio", "Pull-up green screen for streamers • Sets up in seconds behind your chair • Wrinkle-resistant", "", 649.00, [("green", "")], "unisex", "aluminium, polyester"),
    ("G09", "gaming", "Loaf gaming bean bag", "Gaming chairs", "Furniture > Chairs", "Bean bag gamer chair with a high back • Cup holder and side pockets • Washable cover", "queima", 549.90, [("black", ""), ("grey", "")], "unisex", "polyester"),
    ("G10", "gaming", "Nightowl 2.4G gaming headset", "Audio › Headsets", "Audio Components > Headphones & Headsets > Headsets", "Wireless gaming headset with a 2.4 GHz dongle • Flip-to-mute mic • PS5, PC and Switch", "", 449.90, [("black", ""), ("white", "")], "unisex", "plastic"),
    ("G11", "gaming", "Hoop Kings 26", "Games", "Video Game Software", "Basketball game with real teams • Career mode and street courts • Online leagues", "lancamento", 279.90, [("", "PS5"), ("", "XBOX SERIES X")], "unisex", ""),
    ("G12", "gaming", "Shell Swap console cover plates", "Console › Accessories", "Video Game Console Accessories", "Replacement cover plates for the console • Easy to swap • Matte finish", "", 229.90, [("midnight black", ""), ("cobalt", ""), ("camo", "")], "unisex", "ABS"),
    ("G13", "gaming", "Arcane Scrolls starter deck", "Tabletop › Card games", "Toys & Games > Games > Card Games", "Two-player starter deck for the Arcane Scrolls trading card game • 60 cards and a playmat", "", 89.90, [("", "FIRE"), ("", "WATER")], "unisex", ""),
    # toys (the sixth brand)
    ("Y01", "toys", "Bramble bear plush 40 cm", "Toys › Plush", "Toys > Dolls, Playsets & Toy Figures > Stuffed Animals", "Super soft teddy bear • 40 cm • Safe from birth, embroidered eyes", "mais-vendido", 129.90, [("honey", ""), ("cream", "")], "unisex", "polyester"),
    ("Y02", "toys", "Brickton city fire station", "Toys › Building sets", "Toys > Building Toys > Interlocking Blocks", "540-piece building bricks set • Fire station, fire truck and four figures • Ages 6+", "lancamento", 399.90, [("", "540 PEÇAS")], "unisex", "ABS"),
    ("Y03", "toys", "Little Conductor wooden railway", "Toys › Wooden toys", "Toys > Play Vehicles > Toy Trains & Train Sets", "Wooden train set with 40 pieces of track, a bridge and a magnetic train • Ages 3+", "", 349.90, [("", "40 PEÇAS")], "unisex", "beech wood"),
    ("Y04", "toys", "Harbour Lights 1000-piece jigsaw", "Toys › Puzzles", "Toys & Games > Puzzles > Jigsaw Puzzles", "1000-piece jigsaw puzzle of a harbour at night • 68 x 48 cm finished • Poster included", "", 89.90, [("", "1000 PEÇAS"), ("", "500 PEÇAS")], "unisex", "cardboard"),
    ("Y05", "toys", "Maple Lane dollhouse", "Toys › Dolls", "Toys > Dolls, Playsets & Toy Figures > Dollhouses", "Three-storey wooden dollhouse with 15 pieces of furniture • Lights and a doorbell", "black-friday", 899.00, [("pastel", "")], "female", "wood"),
    ("Y06", "toys", "Rockcrawler RC monster truck", "Toys › Remote control", "Toys > Remote Control Toys > Remote Control Cars & Trucks", "Remote control monster truck • 4x4, climbs over rocks • 25 km/h • Rechargeable battery", "", 459.90, [("red", ""), ("green", "")], "unisex", "plastic"),
    ("Y07", "toys", "Skylark delta kite", "Toys › Outdoor", "Flying Toys > Kites", "Easy-flying delta kite with a long tail • 30 m of line on a handle • For the beach and the park", "", 79.90, [("rainbow", ""), ("blue", ""), ("parrot", "")], "unisex", "ripstop nylon"),
    ("Y08", "toys", "Soaker Max water blaster", "Toys › Outdoor", "Outdoor Play Equipment > Water Play Equipment", "Pump-action water gun with a 1 L tank • Shoots up to 10 m • For pool parties", "queima", 69.90, [("orange", ""), ("blue", "")], "unisex", "plastic"),
    ("Y09", "toys", "Chef Junior play kitchen", "Toys › Pretend play", "Pretend Play > Toy Kitchens & Play Food", "Wooden toy kitchen with an oven, sink, hob sounds and 12 accessories • Ages 3+", "", 749.00, [("white / mint", "")], "unisex", "MDF"),
    ("Y10", "toys", "Magnetix magnetic tiles 60", "Toys › Building sets", "Toys > Building Toys", "60 magnetic building tiles • Squares and triangles that snap together • Ages 3+", "mais-vendido", 299.90, [("", "60 PEÇAS"), ("", "100 PEÇAS")], "unisex", "ABS"),
    ("Y11", "toys", "Goo Lab slime kit", "Toys › Crafts", "Toys > Educational Toys", "Make your own slime • Glitter, colours and scents • 12 slimes", "", 99.90, [("", "KIT"), ("", "KIT GLOW")], "unisex", ""),
    ("Y12", "toys", "Rainbow stacking cups", "Baby › Toys", "Baby Toys & Activity Equipment > Sorting & Stacking Toys", "Ten stacking cups for babies • Use them in the bath or the sandpit • From 6 months", "", 49.90, [("rainbow", "")], "unisex", "BPA-free plastic"),
    ("Y13", "toys", "Marble Mania marble run", "Toys › Building sets", "Toys > Building Toys", "150-piece marble run with twisters, a funnel and 50 marbles • Ages 5+", "", 249.90, [("", "150 PEÇAS")], "unisex", "plastic"),
    ("Y14", "toys", "Junior Explorer microscope kit", "Toys › Science", "Toys > Educational Toys > Science & Exploration Sets", "Kids' microscope with 100x-1200x zoom, slides and a light • Ages 8+", "lancamento", 329.90, [("white", "")], "unisex", "plastic, metal"),
    ("Y15", "toys", "Tiny Beats toy drum kit", "Toys › Music", "Toys > Musical Toys", "Kids' drum set with three drums, a cymbal, a stool and sticks • Ages 3+", "", 399.90, [("blue", ""), ("pink", "")], "unisex", "plastic, metal"),
    ("Y16", "toys", "Doodle double-sided art easel", "Toys › Crafts", "Toys > Art & Drawing Toys", "Kids' art easel with a chalkboard and a whiteboard • Paper roll and paint cups", "", 279.90, [("natural", ""), ("white", "")], "unisex", "pine"),
    ("Y17", "toys", "Peekaboo baby activity gym", "Baby › Toys", "Baby Toys & Activity Equipment > Play Mats & Gyms", "Padded play mat with an arch and five hanging toys • Tummy time • From birth", "mais-vendido", 259.90, [("jungle", ""), ("ocean", "")], "unisex", "cotton, polyester"),
    ("Y19", "toys", "Pogo wooden balance bike", "Toys › Ride-ons", "Toys > Riding Toys", "Pedal-free balance bike for toddlers • Adjustable seat • Puncture-proof tyres • Ages 2-5", "", 399.90, [("red", ""), ("mint", ""), ("natural", "")], "unisex", "birch wood"),
    ("Y20", "toys", "Stardust unicorn plush", "Toys › Plush", "Toys > Dolls, Playsets & Toy Figures > Stuffed Animals", "Cuddly unicorn with a glitter horn and a rainbow mane", "black-friday", 99.90, [("white", "25 CM"), ("white", "50 CM"), ("pink", "25 CM")], "female", "polyester"),
    ("Y21", "toys", "Rescue Squad action figures (5)", "Toys › Figures", "Toys > Dolls, Playsets & Toy Figures > Action & Toy Figures", "Five poseable rescue heroes with tools and a stretcher • Ages 4+", "", 149.90, [("", "5 FIGURAS"), ("", "5 FIGURAS + VEÍCULO")], "unisex", "plastic"),
    ("Y18", "toys", "Wild Safari memory match", "Toys › Games", "Toys & Games > Games > Board Games", "Memory game with 48 animal cards • Two to six players • Ages 4+", "", 59.90, [("", "")], "unisex", "cardboard"),
]


class Catalog8(Style):
    avail = AVAIL
    currency = "BRL"
    sale_factor = 0.85
    sale_every = 5

    def google(self, ids, ending, i):
        """The top two levels of the Google path; the numeric id on every
        fourth model; empty on every seventh."""
        if not ending or i % 7 == 6:
            return ""
        path, gid = google_category(ids, ending)
        if i % 4 == 3:
            return gid
        return " > ".join(path.split(" > ")[:2])

    def product_type(self, crumbs, i, key):
        """The storefront breadcrumb; the merchandising shelf only on every
        fifth model."""
        if i % 5 == 2:
            return "Shop › " + ("New in" if i % 10 == 2 else "Sale")
        return "Shop › " + crumbs

    def variant(self, title, v):
        """The variant in brackets after the title: (colour, size)."""
        color, size = v
        parts = [x for x in (color, size) if x and x != "U"]
        full = f"{title} ({', '.join(parts)})" if parts else title
        return color, ("One size" if size == "U" else size), full

    def stock(self, n):
        return 1 + (n * 7) % 30

    def link(self, pid):
        return f"https://oito.example.com.br/produtos/{pid.lower()}"

    def image(self, pid):
        return f"https://oito.example.com.br/cdn/{pid.lower()}_1.jpeg"


if __name__ == "__main__":
    write("catalog8.csv", rows(CATALOG8, "C8", Catalog8()))
