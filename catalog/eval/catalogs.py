#!/usr/bin/env python3
"""Writes the evaluation catalogs catalog2.csv and catalog3.csv (Meta feed
format, like catalog/products.csv) next to this file.

They were written for the routing/search evaluation (issue 15): different
products, names and wording from the demo catalog; catalog 3 adds a sixth
brand (`pets`). Each model's variants share a model key (the id prefix up to
the last '-'), which the message sets use as relevance labels.

    python3 catalog/eval/catalogs.py
"""

from feedgen import variant, write as write_feed

GOOGLE = {
    "fashion": "Apparel & Accessories",
    "tech": "Electronics",
    "home": "Home & Garden",
    "beauty": "Health & Beauty",
    "gaming": "Electronics > Video Game Consoles",
    "pets": "Animals & Pet Supplies",
}

# (model key, brand, title, product_type, description, tags, price, variants,
#  gender, material); a variant is (color, size) or a suffix string.

CATALOG2 = [
    # fashion
    ("F01", "fashion", "Riviera Linen Shirt", "Clothing > Shirts", "Breezy long-sleeve linen shirt with a relaxed collar, made for hot summer days and beach dinners.", "summer|linen", 59.0, [("white", "M"), ("sky blue", "L"), ("sand", "S")], "male", "linen"),
    ("F02", "fashion", "Harbor Slim Chinos", "Clothing > Trousers", "Stretch cotton chino trousers with a slim tapered leg, smart enough for the office.", "office|basics", 69.0, [("khaki", "32"), ("navy", "34")], "male", "cotton"),
    ("F03", "fashion", "Camden Trench Coat", "Clothing > Coats", "Double-breasted water-repellent trench coat with a belted waist and storm flap.", "outerwear|classic", 189.0, [("beige", "M"), ("black", "S")], "female", "cotton gabardine"),
    ("F04", "fashion", "Costa Jute Espadrilles", "Shoes > Espadrilles", "Canvas espadrilles on a hand-stitched jute sole, light slip-ons for summer.", "summer|shoes", 45.0, [("navy", "38"), ("red", "39")], "unisex", "canvas"),
    ("F05", "fashion", "Nordic Suede Ankle Boots", "Shoes > Ankle Boots", "Suede ankle boots with a stacked block heel and side zip, lined for autumn.", "boots|autumn", 135.0, [("taupe", "37"), ("black", "39")], "female", "suede"),
    ("F06", "fashion", "Market Canvas Tote Bag", "Accessories > Bags", "Roomy heavy canvas tote with leather handles and an inner zip pocket.", "bags|everyday", 39.0, [("natural", "One size")], "unisex", "canvas"),
    ("F07", "fashion", "Tidal Swim Trunks", "Clothing > Swimwear", "Quick-dry swim shorts with a mesh lining and drawstring waist, holiday ready.", "swim|beach", 35.0, [("teal", "M"), ("coral", "L")], "male", "recycled polyester"),
    ("F08", "fashion", "Solstice Polarized Sunglasses", "Accessories > Sunglasses", "Polarized lenses that cut road glare, lightweight acetate frame, UV400.", "sunglasses|driving", 79.0, [("tortoise", "One size"), ("black", "One size")], "unisex", "acetate"),
    ("F09", "fashion", "Fjord Ribbed Beanie", "Accessories > Hats", "Chunky ribbed knit beanie with a fold-over cuff for cold mornings.", "winter|knit", 22.0, [("mustard", "One size"), ("grey", "One size")], "unisex", "wool blend"),
    ("F10", "fashion", "Ranger Cargo Pants", "Clothing > Trousers", "Relaxed cargo pants with six pockets and adjustable cuffs, streetwear staple.", "streetwear", 64.0, [("olive", "M"), ("black", "L")], "unisex", "cotton twill"),
    ("F11", "fashion", "Cloud Fleece Zip Hoodie", "Clothing > Hoodies", "Brushed fleece hoodie with a full zip and kangaroo pockets, cosy and warm.", "casual|cozy", 49.0, [("heather grey", "M"), ("forest green", "XL")], "unisex", "fleece"),
    ("F12", "fashion", "Alpine Puffer Vest", "Clothing > Vests", "Lightweight quilted puffer gilet that packs into its own pocket.", "outerwear", 79.0, [("black", "M"), ("red", "S")], "unisex", "nylon"),
    ("F13", "fashion", "Soleil Wedding Guest Jumpsuit", "Clothing > Jumpsuits", "Wide-leg satin jumpsuit with a wrap top, elegant for weddings and evening events.", "occasion|wedding", 119.0, [("emerald", "S"), ("blush pink", "M")], "female", "satin"),
    ("F14", "fashion", "Dreamy Cotton Pajama Set", "Clothing > Sleepwear", "Soft cotton pyjama set with a button-up top and drawstring trousers.", "sleepwear", 42.0, [("striped blue", "M")], "female", "cotton"),
    ("F15", "fashion", "Drizzle Packable Raincoat", "Clothing > Coats", "Waterproof hooded rain jacket with taped seams that folds into a pouch.", "rain|outerwear", 89.0, [("yellow", "M"), ("navy", "L")], "unisex", "polyester"),
    ("F16", "fashion", "Oxford Penny Loafers", "Shoes > Loafers", "Polished leather penny loafers with a cushioned insole, smart casual shoes.", "shoes|office", 110.0, [("brown", "42"), ("black", "43")], "male", "leather"),
    ("F17", "fashion", "Pulse High-Support Sports Bra", "Clothing > Activewear", "High-impact sports bra with wide straps and moisture-wicking fabric for running.", "activewear|gym", 38.0, [("black", "S"), ("lilac", "M")], "female", "nylon elastane"),
    ("F18", "fashion", "Skipper Kids Light-Up Sneakers", "Shoes > Kids Shoes", "Children's sneakers with light-up soles and easy velcro straps.", "kids|shoes", 34.0, [("pink", "30"), ("blue", "32")], "unisex", "synthetic"),
    ("F19", "fashion", "Heritage Leather Belt", "Accessories > Belts", "Full-grain leather belt with a brushed brass buckle.", "accessories", 35.0, [("tan", "90"), ("black", "100")], "male", "leather"),
    ("F20", "fashion", "Marina Wrap Midi Skirt", "Clothing > Skirts", "Floaty floral wrap skirt in midi length with a tie waist.", "summer|floral", 55.0, [("floral blue", "S"), ("floral red", "M")], "female", "viscose"),
    ("F21", "fashion", "Everyday Crew Socks 5-Pack", "Clothing > Socks", "Five pairs of cushioned cotton crew socks with reinforced heels.", "basics", 18.0, [("white", "39-42"), ("mixed", "43-46")], "unisex", "cotton"),
    ("F22", "fashion", "Mesa Leather Sandals", "Shoes > Sandals", "Flat leather slide sandals with a moulded footbed.", "summer|shoes", 49.0, [("cognac", "38"), ("black", "40")], "female", "leather"),
    # tech
    ("T01", "tech", "PageLight Waterproof E-Reader", "Electronics > E-Readers", "6.8-inch glare-free e-ink reader, IPX8 waterproof for the bath or the pool, weeks of battery.", "reading|waterproof", 149.0, ["8GB", "32GB"], "unisex", ""),
    ("T02", "tech", "MeshWave Whole-Home Wi-Fi System (3-pack)", "Networking > Mesh Wi-Fi", "Three mesh nodes cover a large house with Wi-Fi 6, no dead zones upstairs.", "networking|wifi", 229.0, ["3-pack"], "unisex", ""),
    ("T03", "tech", "Dock7 USB-C Hub", "Accessories > Hubs & Adapters", "7-in-1 USB-C hub with HDMI 4K, SD card reader and 100W pass-through charging.", "accessories|laptop", 45.0, ["Space grey"], "unisex", "aluminium"),
    ("T04", "tech", "SwiftDrive Portable SSD 1TB", "Storage > External Drives", "Pocket-size external solid-state drive, 1050 MB/s over USB-C, drop resistant.", "storage", 109.0, ["1TB", "2TB"], "unisex", ""),
    ("T05", "tech", "Summit 4K Action Camera", "Cameras > Action Cameras", "Waterproof 4K60 action cam with image stabilisation, helmet and bike mounts.", "camera|outdoor", 249.0, ["Black"], "unisex", ""),
    ("T06", "tech", "Spark Smart Plug (2-pack)", "Smart Home > Smart Plugs", "Wi-Fi smart plugs with energy monitoring; works with voice assistants and schedules.", "smart home", 29.0, ["2-pack"], "unisex", ""),
    ("T07", "tech", "Porch Video Doorbell", "Smart Home > Doorbells", "HD video doorbell with two-way talk, motion alerts and night vision.", "smart home|security", 99.0, ["Black"], "unisex", ""),
    ("T08", "tech", "Stride Fitness Band 2", "Wearables > Fitness Trackers", "Slim fitness band with heart rate, sleep tracking, step count and 14-day battery.", "wearable|fitness", 59.0, [("black", "One size"), ("pink", "One size")], "unisex", ""),
    ("T09", "tech", "Hush Pro ANC Earbuds", "Audio > Earbuds", "True wireless earbuds with active noise cancellation and wireless charging case.", "audio|wireless", 129.0, [("white", ""), ("black", "")], "unisex", ""),
    ("T10", "tech", "Cinema Bar 2.1 Soundbar", "Audio > Soundbars", "Slim TV soundbar with wireless subwoofer, HDMI eARC and Bluetooth.", "audio|tv", 199.0, ["Black"], "unisex", ""),
    ("T11", "tech", "Lumo Mini Projector", "Video > Projectors", "Portable 1080p projector for movie nights, 120-inch image, built-in speaker.", "video|home cinema", 179.0, ["White"], "unisex", ""),
    ("T12", "tech", "Snap Instant Print Camera", "Cameras > Instant Cameras", "Instant film camera that prints credit-card size photos in seconds.", "camera|fun", 89.0, [("mint", ""), ("lilac", "")], "unisex", ""),
    ("T13", "tech", "Falcon Mini Camera Drone", "Cameras > Drones", "Foldable camera drone under 250 g, 4K video, 30-minute flights, GPS return home.", "drone|camera", 399.0, ["Grey"], "unisex", ""),
    ("T14", "tech", "GripMount Car Phone Holder", "Phone Accessories > Car Mounts", "Magnetic dashboard and vent phone mount for the car, one-hand release.", "car|phone", 19.0, ["Black"], "unisex", ""),
    ("T15", "tech", "Qi Wireless Charging Pad", "Phone Accessories > Chargers", "15W fast wireless charger pad for phones and earbuds with a non-slip top.", "charging", 25.0, ["Black", "White"], "unisex", ""),
    ("T16", "tech", "RoadEye Dash Cam", "Car Electronics > Dash Cams", "Front dash camera, 1440p with night mode, loop recording and parking guard.", "car|camera", 79.0, ["Black"], "unisex", ""),
    ("T17", "tech", "Sketch Pen Drawing Tablet", "Computer Accessories > Graphics Tablets", "10-inch pen tablet with 8192 pressure levels for digital art and online teaching.", "creative", 69.0, ["Black"], "unisex", ""),
    ("T18", "tech", "InkJet Home All-in-One Printer", "Printers > Inkjet", "Wireless colour printer, scanner and copier with refillable ink tanks.", "office|printing", 159.0, ["White"], "unisex", ""),
    ("T19", "tech", "Orbit 10 Android Tablet", "Tablets", "10.1-inch tablet with 64 GB storage, great for video calls and kids' homework.", "tablet", 189.0, [("grey", "64GB"), ("grey", "128GB")], "unisex", ""),
    ("T20", "tech", "VoltMax 20000 mAh Power Bank", "Phone Accessories > Power Banks", "High-capacity portable battery with USB-C PD 22W, charges a phone four times.", "charging|travel", 39.0, ["Black"], "unisex", ""),
    ("T21", "tech", "Aria Smart Speaker", "Audio > Smart Speakers", "Voice assistant speaker with room-filling sound and smart home control.", "audio|smart home", 79.0, [("charcoal", ""), ("chalk", "")], "unisex", ""),
    ("T22", "tech", "Edge 14 Ultralight Laptop", "Computers > Laptops", "14-inch laptop, 1.2 kg, 16 GB RAM, 512 GB SSD, all-day battery for work and study.", "laptop", 899.0, ["16GB / 512GB"], "unisex", ""),
    # home
    ("H01", "home", "Willow Laundry Basket with Lid", "Storage > Laundry Baskets", "Woven laundry hamper with a lid and removable cotton liner, 60 litres.", "laundry|storage", 39.0, [("natural", "")], "unisex", "seagrass"),
    ("H02", "home", "Pebble Shower Curtain", "Bath > Shower Curtains", "Water-repellent fabric shower curtain with a pebble print and 12 hooks.", "bathroom", 24.0, [("grey", "180x200")], "unisex", "polyester"),
    ("H03", "home", "Cloud Memory Foam Bath Mat", "Bath > Bath Mats", "Plush memory foam bath mat with a non-slip back, machine washable.", "bathroom", 22.0, [("white", ""), ("sage", "")], "unisex", "microfibre"),
    ("H04", "home", "Oslo Oak Coffee Table", "Furniture > Coffee Tables", "Solid oak coffee table with rounded corners and a lower shelf.", "living room|furniture", 249.0, [("oak", "")], "unisex", "oak"),
    ("H05", "home", "Ladder Bookshelf 5-Tier", "Furniture > Bookcases", "Leaning ladder bookshelf with five tiers for books and plants.", "storage|furniture", 129.0, [("walnut", ""), ("white", "")], "unisex", "wood"),
    ("H06", "home", "Bistro Bar Stools (set of 2)", "Furniture > Stools", "Counter-height bar stools with footrests and padded seats, set of two.", "kitchen|furniture", 149.0, [("black", "")], "unisex", "metal"),
    ("H07", "home", "Percale Duvet Cover Set", "Bedding > Duvet Covers", "Crisp cotton percale duvet cover with two pillowcases.", "bedding", 79.0, [("white", "Queen"), ("grey", "King")], "unisex", "cotton"),
    ("H08", "home", "Calm Weighted Blanket 7 kg", "Bedding > Blankets", "Weighted blanket with glass beads for deeper sleep, breathable cotton cover.", "sleep|bedding", 99.0, [("grey", "150x200")], "unisex", "cotton"),
    ("H09", "home", "Nightfall Blackout Curtains", "Window > Curtains", "Thermal blackout curtains that block 99% of light, pair of panels.", "bedroom|window", 49.0, [("navy", "140x240"), ("beige", "140x240")], "unisex", "polyester"),
    ("H10", "home", "Magnetic Spice Rack", "Kitchen > Storage", "Wall-mounted magnetic spice tins with labels, set of 12.", "kitchen|organising", 34.0, [("silver", "")], "unisex", "steel"),
    ("H11", "home", "Acacia Cutting Board", "Kitchen > Cutting Boards", "Large end-grain acacia chopping board with juice groove.", "kitchen", 39.0, [("acacia", "")], "unisex", "acacia"),
    ("H12", "home", "Carbon Steel Wok", "Kitchen > Cookware", "Hand-hammered carbon steel wok with a wooden handle for stir-fries.", "kitchen|cooking", 45.0, [("black", "32 cm")], "unisex", "carbon steel"),
    ("H13", "home", "Big Batch Stockpot 10 L", "Kitchen > Cookware", "Stainless steel stock pot with a glass lid for soups and pasta.", "kitchen|cooking", 59.0, [("steel", "10 L")], "unisex", "stainless steel"),
    ("H14", "home", "Chef's Knife Block Set", "Kitchen > Knives", "Six German steel kitchen knives in a wooden block with sharpener.", "kitchen", 119.0, [("black", "")], "unisex", "steel"),
    ("H15", "home", "Crystal Wine Glasses (set of 4)", "Kitchen > Glassware", "Lead-free crystal red wine glasses, dishwasher safe, set of four.", "dining|glassware", 44.0, [("clear", "")], "unisex", "crystal"),
    ("H16", "home", "Chunky Knit Throw Blanket", "Decor > Throws", "Hand-knitted chunky throw for the sofa, soft and cosy.", "living room|cozy", 69.0, [("cream", ""), ("rust", "")], "unisex", "acrylic"),
    ("H17", "home", "Arc Desk Lamp with Dimmer", "Lighting > Desk Lamps", "LED desk lamp with dimmer, adjustable arm and warm to cool light.", "lighting|study", 49.0, [("white", ""), ("black", "")], "unisex", "aluminium"),
    ("H18", "home", "Station Wall Clock", "Decor > Clocks", "Silent 40 cm wall clock in a railway station style.", "decor", 35.0, [("black", "")], "unisex", "metal"),
    ("H19", "home", "Gallery Picture Frames (set of 6)", "Decor > Picture Frames", "Set of six black photo frames for a gallery wall, with mats.", "decor|wall", 55.0, [("black", "")], "unisex", "wood"),
    ("H20", "home", "Welcome Coir Doormat", "Decor > Doormats", "Natural coir doormat that scrapes mud off shoes at the front door.", "entrance", 25.0, [("natural", "40x60")], "unisex", "coir"),
    ("H21", "home", "Velvet Non-Slip Hangers (50)", "Storage > Hangers", "Slim velvet clothes hangers that save wardrobe space, 50 pack.", "wardrobe|storage", 29.0, [("grey", "")], "unisex", "velvet"),
    ("H22", "home", "Herb Garden Window Planter", "Garden > Planters", "Self-watering windowsill planter for basil, mint and other herbs.", "garden|kitchen", 32.0, [("white", "")], "unisex", "plastic"),
    ("H23", "home", "Patio Fairy String Lights 10 m", "Garden > Outdoor Lighting", "Warm white outdoor string lights for the balcony or patio, solar powered.", "garden|lighting", 27.0, [("warm white", "10 m")], "unisex", ""),
    ("H24", "home", "Compact Ironing Board", "Laundry > Ironing Boards", "Foldable ironing board with a heat-resistant cover and iron rest.", "laundry", 45.0, [("grey", "")], "unisex", "steel"),
    # beauty
    ("B01", "beauty", "ThermaShield Heat Protection Spray", "Hair Care > Styling", "Heat protectant mist for straightening and blow-drying, shields hair up to 230°C.", "hair|styling", 16.0, ["200 ml"], "unisex", ""),
    ("B02", "beauty", "Woodsman Beard Oil", "Men's Grooming > Beard Care", "Softening beard oil with argan and cedarwood that calms itchy beard and skin.", "men|beard", 19.0, ["30 ml"], "male", ""),
    ("B03", "beauty", "Refresh Dry Shampoo", "Hair Care > Shampoo", "Invisible dry shampoo spray that soaks up oil and adds volume between washes.", "hair", 9.0, ["200 ml"], "unisex", ""),
    ("B04", "beauty", "Pure Micellar Cleansing Water", "Skincare > Cleansers", "Gentle micellar water that removes makeup and cleanses sensitive skin.", "skincare", 11.0, ["400 ml"], "unisex", ""),
    ("B05", "beauty", "Precision Lip Liner", "Makeup > Lip Liner", "Creamy long-wear lip pencil that stops lipstick feathering.", "makeup|lips", 12.0, ["Nude", "Berry", "Brick red"], "female", ""),
    ("B06", "beauty", "Blur Translucent Setting Powder", "Makeup > Powder", "Loose setting powder that blurs pores and keeps makeup matte all day.", "makeup", 24.0, ["Translucent"], "female", ""),
    ("B07", "beauty", "Salon Gel Nail Kit", "Nails > Nail Kits", "At-home gel manicure kit with LED lamp, base, top coat and 6 colours.", "nails", 49.0, ["Kit"], "female", ""),
    ("B08", "beauty", "Glow Gradual Self-Tanner", "Body Care > Self Tan", "Streak-free gradual tanning lotion for a natural sun-kissed glow.", "body|tan", 18.0, ["200 ml"], "unisex", ""),
    ("B09", "beauty", "Fig & Vanilla Body Wash", "Body Care > Body Wash", "Creamy shower gel with fig and vanilla that leaves skin soft.", "body|shower", 10.0, ["500 ml"], "unisex", ""),
    ("B10", "beauty", "Shea Repair Hand Cream", "Body Care > Hand Cream", "Rich shea butter hand cream for dry cracked hands.", "body|hands", 8.0, ["75 ml"], "unisex", ""),
    ("B11", "beauty", "Bounce Curl Defining Cream", "Hair Care > Styling", "Leave-in curl cream that defines waves and curls and fights frizz.", "hair|curls", 17.0, ["250 ml"], "female", ""),
    ("B12", "beauty", "Caffeine Under-Eye Patches", "Skincare > Eye Care", "Hydrogel eye patches with caffeine to depuff dark circles, 30 pairs.", "skincare|eyes", 21.0, ["30 pairs"], "unisex", ""),
    ("B13", "beauty", "Renew Retinol Night Cream", "Skincare > Moisturizers", "Overnight retinol cream that smooths fine lines and wrinkles.", "skincare|anti-aging", 39.0, ["50 ml"], "unisex", ""),
    ("B14", "beauty", "Arch Tinted Brow Gel", "Makeup > Eyebrows", "Tinted brow gel that shapes and fills brows in one stroke.", "makeup|brows", 14.0, ["Blonde", "Brunette", "Black"], "female", ""),
    ("B15", "beauty", "Petal Eau de Parfum Rollerball", "Fragrance > Women", "Travel-size floral perfume rollerball with peony and musk.", "fragrance", 29.0, ["10 ml"], "female", ""),
    ("B16", "beauty", "Pro Makeup Brush Set", "Makeup > Tools", "Twelve vegan makeup brushes for foundation, powder and eyeshadow with a case.", "makeup|tools", 34.0, ["12 pieces"], "female", ""),
    ("B17", "beauty", "SilkPress Ceramic Hair Straightener", "Hair Care > Tools", "Ceramic flat iron with adjustable temperature up to 230°C for sleek hair.", "hair|tools", 59.0, ["Black"], "female", ""),
    ("B18", "beauty", "Hydra Sheet Mask Pack", "Skincare > Masks", "Ten hyaluronic sheet masks for an instant hydration boost.", "skincare", 15.0, ["10 pack"], "unisex", ""),
    ("B19", "beauty", "Sunny SPF 30 Lip Balm", "Skincare > Lip Care", "Moisturising lip balm with SPF 30 for sunny days.", "lips|sun", 6.0, ["Original"], "unisex", ""),
    ("B20", "beauty", "Edge Precision Beard Trimmer", "Men's Grooming > Trimmers", "Cordless beard trimmer with 20 length settings and a washable head.", "men|beard", 45.0, ["Black"], "male", ""),
    # gaming
    ("G01", "gaming", "Starfall Odyssey (PS5)", "Games > Action Adventure", "Open-world space adventure; pre-order now for launch day delivery and a bonus skin.", "preorder|ps5", 69.0, ["Standard", "Deluxe"], "unisex", ""),
    ("G02", "gaming", "Apex Force Racing Wheel & Pedals", "Accessories > Racing Wheels", "Force-feedback steering wheel with metal pedals for racing sims on PC and console.", "racing|sim", 299.0, ["Black"], "unisex", ""),
    ("G03", "gaming", "StreamLink 4K Capture Card", "Streaming > Capture Cards", "External capture card to record and stream console gameplay in 4K60 pass-through.", "streaming", 149.0, ["Black"], "unisex", ""),
    ("G04", "gaming", "Velocity 27 165Hz Gaming Monitor", "Monitors > Gaming Monitors", "27-inch QHD gaming monitor, 165Hz, 1 ms, FreeSync for smooth fps games.", "monitor|pc", 279.0, ["Black"], "unisex", ""),
    ("G05", "gaming", "DuoCharge Controller Charging Station", "Accessories > Chargers", "Dual charging dock for two wireless controllers with LED indicators.", "accessories", 29.0, ["White", "Black"], "unisex", ""),
    ("G06", "gaming", "Tower Console Storage Stand", "Accessories > Storage", "Vertical stand with cooling fan, game disc rack and controller hooks.", "accessories|storage", 39.0, ["Black"], "unisex", ""),
    ("G07", "gaming", "Battlestation Gaming Desk", "Furniture > Gaming Desks", "Carbon-fibre top gaming desk with cable management, cup holder and headset hook.", "setup|furniture", 189.0, ["Black"], "unisex", ""),
    ("G08", "gaming", "Horizon VR Headset", "VR > Headsets", "Standalone virtual reality headset with two motion controllers, 128 GB.", "vr", 399.0, ["128GB"], "unisex", ""),
    ("G09", "gaming", "PocketRetro Handheld", "Consoles > Handhelds", "Retro handheld console with a 3.5-inch screen and classic arcade emulation.", "retro|handheld", 89.0, ["Grey", "Purple"], "unisex", ""),
    ("G10", "gaming", "Echo USB Streaming Microphone", "Streaming > Microphones", "Cardioid USB mic with RGB, mute button and boom arm for streamers and podcasts.", "streaming|audio", 99.0, ["Black"], "unisex", ""),
    ("G11", "gaming", "Game Pass Ultimate 3-Month Card", "Subscriptions", "Three-month membership card with hundreds of games and online multiplayer.", "digital|subscription", 49.0, ["3 months"], "unisex", ""),
    ("G12", "gaming", "Brawler Arcade Fight Stick", "Controllers > Arcade Sticks", "Tournament fight stick with Sanwa-style buttons for fighting games.", "fighting|controller", 129.0, ["Black"], "unisex", ""),
    ("G13", "gaming", "Halo Headset Stand with USB Hub", "Accessories > Headset Stands", "RGB headset stand with a two-port USB hub for the desk.", "accessories|rgb", 35.0, ["Black"], "unisex", ""),
    ("G14", "gaming", "Kingdoms of Ash (Switch)", "Games > RPG", "Turn-based fantasy role-playing game with a 60-hour story.", "rpg|switch", 59.0, ["Standard"], "unisex", ""),
    ("G15", "gaming", "Turbo Kart Party (Switch)", "Games > Racing", "Family kart racing game for up to four players on one screen.", "family|racing", 49.0, ["Standard"], "unisex", ""),
    ("G16", "gaming", "Striker 26 Football (PS5/Xbox)", "Games > Sports", "The season's football sim with new career mode and online clubs.", "sports|football", 69.0, ["PS5", "Xbox"], "unisex", ""),
    ("G17", "gaming", "Nova Wireless Controller", "Controllers", "Wireless controller with hall-effect sticks and back paddles for PC and console.", "controller", 59.0, ["Black", "White"], "unisex", ""),
    ("G18", "gaming", "Blue Shield Gaming Glasses", "Accessories > Eyewear", "Blue-light filtering glasses for long gaming sessions and screen time.", "accessories", 29.0, ["Black"], "unisex", ""),
]

CATALOG3 = [
    # fashion
    ("F01", "fashion", "Sakura Kimono Cardigan", "Clothing > Cardigans", "Lightweight printed kimono jacket with wide sleeves to layer over summer outfits.", "layering|print", 48.0, [("pink print", "One size")], "female", "viscose"),
    ("F02", "fashion", "Workshop Denim Overalls", "Clothing > Overalls", "Relaxed denim dungarees with adjustable straps and a bib pocket.", "denim", 75.0, [("mid blue", "S"), ("black", "M")], "female", "denim"),
    ("F03", "fashion", "Pointe Ballet Flats", "Shoes > Flats", "Soft leather ballet flats with a bow and cushioned insole.", "shoes|classic", 65.0, [("black", "37"), ("nude", "38")], "female", "leather"),
    ("F04", "fashion", "Tundra Hooded Parka", "Clothing > Coats", "Insulated parka with a faux-fur hood rated to -20°C for harsh winters.", "winter|outerwear", 210.0, [("khaki", "M"), ("black", "L")], "unisex", "nylon"),
    ("F05", "fashion", "Festival Bucket Hat", "Accessories > Hats", "Reversible cotton bucket hat, a summer festival favourite.", "hats|summer", 25.0, [("checkered", "One size"), ("cream", "One size")], "unisex", "cotton"),
    ("F06", "fashion", "City Crossbody Phone Bag", "Accessories > Bags", "Small crossbody bag that fits a phone, cards and keys, adjustable strap.", "bags", 42.0, [("black", "One size"), ("camel", "One size")], "female", "vegan leather"),
    ("F07", "fashion", "Silver Knot Cufflinks", "Accessories > Jewelry", "Sterling silver knot cufflinks in a gift box for shirts with French cuffs.", "jewelry|formal", 55.0, [("silver", "")], "male", "sterling silver"),
    ("F08", "fashion", "Boho Tiered Maxi Skirt", "Clothing > Skirts", "Tiered cotton maxi skirt with an elastic waist, boho style.", "summer|boho", 52.0, [("terracotta", "S"), ("white", "M")], "female", "cotton"),
    ("F09", "fashion", "Thermal Fleece-Lined Leggings", "Clothing > Leggings", "High-waist leggings lined with fleece for winter walks.", "winter|basics", 29.0, [("black", "M"), ("grey", "L")], "female", "polyester"),
    ("F10", "fashion", "Classic Tailored Blazer", "Clothing > Suits & Blazers", "Single-breasted tailored blazer for interviews and the office.", "office|formal", 139.0, [("navy", "48"), ("charcoal", "50")], "male", "wool blend"),
    ("F11", "fashion", "Henley Waffle Long Sleeve", "Clothing > Tops", "Waffle-knit henley top with a three-button placket.", "casual", 32.0, [("oatmeal", "M"), ("black", "L")], "male", "cotton"),
    ("F12", "fashion", "Canyon Hiking Boots", "Shoes > Hiking Boots", "Waterproof leather hiking boots with a Vibram sole and ankle support.", "outdoor|boots", 159.0, [("brown", "42"), ("brown", "44")], "unisex", "leather"),
    ("F13", "fashion", "Moonlight Sequin Party Dress", "Clothing > Dresses", "Sparkly sequin mini dress for New Year's Eve and parties.", "party|dresses", 95.0, [("silver", "S"), ("black", "M")], "female", "polyester"),
    ("F14", "fashion", "Cashmere Blend Scarf", "Accessories > Scarves", "Soft oversized cashmere-blend scarf with fringed edges.", "winter", 69.0, [("camel", ""), ("grey", "")], "unisex", "cashmere blend"),
    ("F15", "fashion", "Flow Yoga Pants", "Clothing > Activewear", "Flared high-rise yoga pants in buttery soft stretch fabric.", "yoga|activewear", 45.0, [("black", "S"), ("plum", "M")], "female", "nylon elastane"),
    ("F16", "fashion", "Basic Boxer Briefs 3-Pack", "Clothing > Underwear", "Breathable cotton stretch boxer briefs, three pack.", "basics|underwear", 27.0, [("black", "M"), ("mixed", "L")], "male", "cotton"),
    ("F17", "fashion", "Gold Hoop Earrings", "Accessories > Jewelry", "Lightweight 18k gold-plated hoop earrings, hypoallergenic.", "jewelry", 35.0, [("gold", "")], "female", "gold plated brass"),
    ("F18", "fashion", "Court Canvas Sneakers", "Shoes > Sneakers", "Low-top canvas sneakers with a vulcanised rubber sole.", "shoes|casual", 55.0, [("white", "40"), ("black", "42")], "unisex", "canvas"),
    # tech
    ("T01", "tech", "Echo Dot-Style Smart Speaker Mini", "Audio > Smart Speakers", "Compact smart speaker with voice assistant, alarms and music streaming.", "smart home|audio", 49.0, [("blue", ""), ("white", "")], "unisex", ""),
    ("T02", "tech", "Neoprene Laptop Sleeve 15\"", "Computer Accessories > Laptop Bags", "Padded neoprene sleeve for 15-inch laptops with an accessory pocket.", "laptop|protection", 25.0, [("grey", "15 in")], "unisex", "neoprene"),
    ("T03", "tech", "Whisper Bluetooth Office Keyboard", "Computer Accessories > Keyboards", "Quiet slim wireless keyboard for up to three devices, laptop, tablet and phone.", "office|wireless", 49.0, [("grey", "")], "unisex", ""),
    ("T04", "tech", "Ergo Vertical Wireless Mouse", "Computer Accessories > Mice", "Vertical ergonomic mouse that eases wrist pain for office work.", "office|ergonomic", 35.0, [("black", "")], "unisex", ""),
    ("T05", "tech", "ClearView 4K Webcam", "Computer Accessories > Webcams", "4K webcam with autofocus, privacy cover and dual microphones for video calls.", "video calls", 89.0, [("black", "")], "unisex", ""),
    ("T06", "tech", "TagIt Bluetooth Item Tracker (4-pack)", "Smart Home > Trackers", "Bluetooth trackers for keys, wallets and luggage; find them from your phone.", "tracker", 59.0, ["4-pack"], "unisex", ""),
    ("T07", "tech", "LullaCam Video Baby Monitor", "Smart Home > Baby Monitors", "Wi-Fi baby monitor with night vision, cry alerts and two-way audio.", "baby|camera", 129.0, [("white", "")], "unisex", ""),
    ("T08", "tech", "SonicClean Electric Toothbrush", "Personal Care Electronics > Toothbrushes", "Rechargeable sonic toothbrush with pressure sensor and travel case.", "personal care", 69.0, [("white", ""), ("black", "")], "unisex", ""),
    ("T09", "tech", "Balance Smart Body Scale", "Personal Care Electronics > Scales", "Wi-Fi bathroom scale measuring weight, body fat and BMI with an app.", "health|smart", 45.0, [("black", "")], "unisex", "glass"),
    ("T10", "tech", "Beacon 65\" 4K Smart TV", "TV & Video > Televisions", "65-inch 4K HDR smart TV with built-in streaming apps and voice remote.", "tv", 649.0, ["65 in"], "unisex", ""),
    ("T11", "tech", "Pixel Pro 5G Phone 256GB", "Phones > Smartphones", "6.7-inch 5G smartphone with a triple camera, 256 GB and all-day battery.", "phone|5g", 799.0, [("obsidian", "256GB"), ("porcelain", "256GB")], "unisex", ""),
    ("T12", "tech", "Tough Rugged Phone Case", "Phone Accessories > Cases", "Shockproof phone case with a built-in kickstand and raised camera lip.", "phone|protection", 25.0, [("black", ""), ("clear", "")], "unisex", ""),
    ("T13", "tech", "Boom Waterproof Bluetooth Speaker", "Audio > Portable Speakers", "IP67 portable speaker with 24-hour battery for the beach and the pool.", "audio|outdoor", 89.0, [("red", ""), ("black", "")], "unisex", ""),
    ("T14", "tech", "Trail GPS Smartwatch", "Wearables > Smartwatches", "Rugged GPS watch for hiking and running with maps and heart rate.", "wearable|outdoor", 299.0, [("black", "")], "unisex", ""),
    ("T15", "tech", "Studio Over-Ear Headphones", "Audio > Headphones", "Wired studio monitor headphones with detachable cable for music production.", "audio|studio", 99.0, [("black", "")], "unisex", ""),
    ("T16", "tech", "Plug & Play Travel Adapter", "Accessories > Power Adapters", "Universal travel adapter with four USB ports for 150 countries.", "travel|charging", 29.0, [("white", "")], "unisex", ""),
    ("T17", "tech", "NAS Home Cloud Storage 2-Bay", "Storage > Network Storage", "Two-bay network storage box to back up family photos, private home cloud.", "storage|backup", 249.0, ["2-bay"], "unisex", ""),
    ("T18", "tech", "Ring Light with Phone Tripod", "Cameras > Lighting", "10-inch LED ring light on a tripod with phone holder for selfies and vlogging.", "creator|lighting", 35.0, [("black", "")], "unisex", ""),
    # home
    ("H01", "home", "PureAir HEPA Air Purifier", "Appliances > Air Purifiers", "HEPA air purifier for rooms up to 40 m², removes dust, pollen and pet hair.", "air|appliances", 159.0, [("white", "")], "unisex", ""),
    ("H02", "home", "DryZone Dehumidifier 12 L", "Appliances > Dehumidifiers", "Quiet dehumidifier that stops damp and mould, 12 litres a day.", "appliances|damp", 179.0, [("white", "")], "unisex", ""),
    ("H03", "home", "Fluffy Rice Cooker 1.8 L", "Kitchen Appliances > Rice Cookers", "Non-stick rice cooker with keep-warm and steamer basket.", "kitchen|appliances", 59.0, [("white", "")], "unisex", ""),
    ("H04", "home", "SafeSlice Mandoline Slicer", "Kitchen > Utensils", "Adjustable mandoline vegetable slicer with a hand guard.", "kitchen|utensils", 29.0, [("green", "")], "unisex", "stainless steel"),
    ("H05", "home", "Linen Tablecloth", "Dining > Table Linen", "Stonewashed linen tablecloth for a six-seater dining table.", "dining|linen", 49.0, [("sage", "150x250"), ("white", "150x250")], "unisex", "linen"),
    ("H06", "home", "Twin Pine Bunk Bed", "Furniture > Beds", "Solid pine bunk bed for two kids with ladder and safety rails.", "kids|bedroom", 399.0, [("white", "90x190")], "unisex", "pine"),
    ("H07", "home", "Stackable Shoe Rack", "Storage > Shoe Storage", "Four-tier shoe rack for the hallway, holds 16 pairs.", "storage|entrance", 35.0, [("bamboo", "")], "unisex", "bamboo"),
    ("H08", "home", "Rattan Room Divider", "Furniture > Room Dividers", "Folding four-panel rattan screen to split a studio flat.", "furniture|decor", 149.0, [("natural", "")], "unisex", "rattan"),
    ("H09", "home", "Velvet Scatter Cushions (2)", "Decor > Cushions", "Pair of velvet cushions with feather inner for the sofa.", "living room|decor", 39.0, [("mustard", "45x45"), ("teal", "45x45")], "unisex", "velvet"),
    ("H10", "home", "Hotel Bath Towel Set", "Bath > Towels", "Six heavy Egyptian cotton towels: bath sheets, hand towels and face cloths.", "bathroom", 69.0, [("white", ""), ("charcoal", "")], "unisex", "cotton"),
    ("H11", "home", "Ceramic Dinner Set 16 pcs", "Dining > Dinnerware", "Stoneware dinner set for four: plates, side plates, bowls and mugs.", "dining|tableware", 89.0, [("speckled white", "")], "unisex", "stoneware"),
    ("H12", "home", "Cordless Stick Vacuum", "Appliances > Vacuums", "Lightweight cordless vacuum cleaner with 40-minute run time and wall dock.", "cleaning", 229.0, [("grey", "")], "unisex", ""),
    ("H13", "home", "Bamboo Bathroom Shelf", "Bath > Storage", "Three-tier bamboo shelf for towels and toiletries.", "bathroom|storage", 45.0, [("bamboo", "")], "unisex", "bamboo"),
    ("H14", "home", "Scented Reed Diffuser", "Decor > Home Fragrance", "Fig and cedar reed diffuser that scents a room for three months.", "fragrance|decor", 28.0, [("amber glass", "")], "unisex", ""),
    ("H15", "home", "Garden Hose Reel 30 m", "Garden > Watering", "Wall-mounted hose reel with 30 m hose and spray gun.", "garden", 69.0, [("green", "")], "unisex", ""),
    ("H16", "home", "Memory Foam Mattress Topper", "Bedding > Mattress Toppers", "5 cm memory foam topper to make an old mattress comfortable.", "bedding|sleep", 89.0, [("white", "Double"), ("white", "King")], "unisex", "memory foam"),
    ("H17", "home", "Pendant Ceiling Light", "Lighting > Ceiling Lights", "Woven rattan pendant lamp shade for the dining room.", "lighting", 59.0, [("natural", "")], "unisex", "rattan"),
    ("H18", "home", "Drying Rack for Clothes", "Laundry > Drying Racks", "Foldable clothes airer with 18 m of drying space.", "laundry", 39.0, [("white", "")], "unisex", "steel"),
    # beauty
    ("B01", "beauty", "Kaolin Clay Detox Mask", "Skincare > Masks", "Purifying clay face mask that unclogs pores and controls shine.", "skincare|oily", 19.0, ["100 ml"], "unisex", ""),
    ("B02", "beauty", "Colour Boost Permanent Hair Dye", "Hair Care > Hair Colour", "Permanent hair colour kit with conditioner, full grey coverage.", "hair|colour", 12.0, ["Dark brown", "Copper", "Platinum blonde"], "female", ""),
    ("B03", "beauty", "Flutter False Eyelashes", "Makeup > Lashes", "Reusable wispy false lashes with glue, five pairs.", "makeup|lashes", 11.0, ["Natural", "Dramatic"], "female", ""),
    ("B04", "beauty", "Heel Rescue Foot Cream", "Body Care > Foot Care", "Urea foot cream that softens cracked heels overnight.", "body|feet", 9.0, ["100 ml"], "unisex", ""),
    ("B05", "beauty", "Glycolic Toner Pads", "Skincare > Toners", "Exfoliating toner pads with glycolic acid for smoother, brighter skin.", "skincare|exfoliation", 22.0, ["60 pads"], "unisex", ""),
    ("B06", "beauty", "Sport SPF 50 Sunscreen Stick", "Skincare > Sunscreen", "Water-resistant mineral sunscreen stick for face and body.", "sun|spf", 14.0, ["25 g"], "unisex", ""),
    ("B07", "beauty", "Cool Breeze Aftershave Balm", "Men's Grooming > Aftershave", "Alcohol-free aftershave balm that soothes razor burn.", "men|shaving", 16.0, ["100 ml"], "male", ""),
    ("B08", "beauty", "Classic Shaving Cream", "Men's Grooming > Shaving", "Rich lather shaving cream with sandalwood for a close shave.", "men|shaving", 12.0, ["150 ml"], "male", ""),
    ("B09", "beauty", "Silk Scrunchies (6)", "Hair Care > Hair Accessories", "Mulberry silk scrunchies that don't crease or break hair, pack of six.", "hair|accessories", 19.0, ["Pastels", "Neutrals"], "female", "silk"),
    ("B10", "beauty", "Repair Bond Hair Mask", "Hair Care > Treatments", "Deep conditioning hair mask that repairs bleached and damaged hair.", "hair|repair", 24.0, ["200 ml"], "unisex", ""),
    ("B11", "beauty", "Velvet Matte Liquid Lipstick", "Makeup > Lipstick", "Transfer-proof liquid lipstick with a velvet matte finish, 16-hour wear.", "makeup|lips", 16.0, ["Ruby", "Mauve", "Nude"], "female", ""),
    ("B12", "beauty", "Skin Tint SPF 20", "Makeup > Foundation", "Lightweight skin tint with SPF 20 and a dewy finish, 12 shades.", "makeup|base", 29.0, ["Light", "Medium", "Deep"], "female", ""),
    ("B13", "beauty", "Oud Noir Eau de Parfum", "Fragrance > Men", "Smoky oud and leather fragrance for men, long-lasting.", "fragrance|men", 89.0, ["100 ml"], "male", ""),
    ("B14", "beauty", "Niacinamide 10% Serum", "Skincare > Serums", "Niacinamide and zinc serum that reduces blemishes and pores.", "skincare|blemishes", 12.0, ["30 ml"], "unisex", ""),
    ("B15", "beauty", "Ionic Travel Hair Dryer", "Hair Care > Tools", "Compact foldable hair dryer with ionic technology and diffuser.", "hair|tools", 49.0, ["Rose gold"], "female", ""),
    ("B16", "beauty", "Cuticle Oil Pen", "Nails > Nail Care", "Nourishing cuticle oil pen with vitamin E for healthy nails.", "nails", 8.0, ["Almond"], "female", ""),
    # gaming
    ("G01", "gaming", "Steam Deck-Style Handheld PC 512GB", "Consoles > Handheld PCs", "Portable gaming PC with a 7-inch screen that runs your PC game library.", "handheld|pc", 549.0, ["512GB"], "unisex", ""),
    ("G02", "gaming", "Crimson Blade (PS5) Digital Code", "Games > Action", "Hack-and-slash action game, digital download code sent by email.", "digital|action", 59.0, ["Code"], "unisex", ""),
    ("G03", "gaming", "Switch Carry Case Deluxe", "Accessories > Cases", "Hard shell travel case for the Switch with room for 20 cartridges.", "switch|travel", 25.0, [("black", ""), ("red", "")], "unisex", ""),
    ("G04", "gaming", "MicroSD Card 512GB for Consoles", "Accessories > Memory", "High-speed memory card to expand handheld console storage.", "storage", 45.0, ["512GB"], "unisex", ""),
    ("G05", "gaming", "Galaxy Raiders (Xbox)", "Games > Shooter", "Co-op sci-fi shooter with online squads and ranked mode.", "shooter|xbox", 69.0, ["Standard"], "unisex", ""),
    ("G06", "gaming", "Mythic Quest Legends (PC)", "Games > RPG", "Massive fantasy MMORPG with a 12-month subscription included.", "rpg|pc", 39.0, ["Standard"], "unisex", ""),
    ("G07", "gaming", "Pro TKL Mechanical Gaming Keyboard", "PC Peripherals > Keyboards", "Tenkeyless mechanical keyboard with hot-swap switches and per-key RGB.", "keyboard|rgb", 119.0, ["Red switches", "Brown switches"], "unisex", ""),
    ("G08", "gaming", "Featherweight 58g Gaming Mouse", "PC Peripherals > Mice", "Ultralight wireless gaming mouse, 26K DPI sensor, for competitive fps.", "mouse|esports", 89.0, [("white", ""), ("black", "")], "unisex", ""),
    ("G09", "gaming", "XXL Desk Mat RGB", "PC Peripherals > Mouse Pads", "Extended RGB desk mat for keyboard and mouse, 90x40 cm.", "rgb|setup", 39.0, ["90x40"], "unisex", ""),
    ("G10", "gaming", "Throne Racing Gaming Chair", "Furniture > Gaming Chairs", "Racing-style gaming chair with lumbar pillow, 4D armrests and recline.", "chair|setup", 249.0, [("black red", "")], "unisex", "PU leather"),
    ("G11", "gaming", "Sonar 7.1 Wireless Gaming Headset", "Audio > Gaming Headsets", "Wireless gaming headset with 7.1 surround and a flip-to-mute mic.", "headset|audio", 129.0, [("black", "")], "unisex", ""),
    ("G12", "gaming", "Retro Mini Console 200 Games", "Consoles > Retro", "Plug-and-play mini console with 200 classic games and two pads.", "retro", 79.0, ["Grey"], "unisex", ""),
    ("G13", "gaming", "PlayStation Store Gift Card $50", "Gift Cards", "Digital wallet top-up for games, add-ons and subscriptions.", "gift card|digital", 50.0, ["$50"], "unisex", ""),
    ("G14", "gaming", "Party Dance Mat", "Accessories > Dance Mats", "Dance mat for console and PC rhythm games, non-slip.", "party|family", 45.0, ["Standard"], "unisex", ""),
    # pets (the sixth brand)
    ("P01", "pets", "Grain-Free Adult Dog Food 12 kg", "Dog > Dry Food", "Grain-free dry kibble with salmon and sweet potato for adult dogs of all sizes.", "dog|food", 69.0, ["12 kg", "3 kg"], "unisex", ""),
    ("P02", "pets", "Clumping Cat Litter 10 L", "Cat > Litter", "Low-dust clumping cat litter with odour control.", "cat|litter", 15.0, ["10 L"], "unisex", ""),
    ("P03", "pets", "Reflective Dog Leash & Harness Set", "Dog > Leashes & Harnesses", "No-pull padded harness with a reflective leash for evening walks.", "dog|walks", 35.0, [("red", "M"), ("black", "L")], "unisex", "nylon"),
    ("P04", "pets", "Aqua Starter Aquarium 60 L", "Fish > Aquariums", "Complete 60-litre fish tank kit with filter, heater and LED light.", "fish|aquarium", 119.0, ["60 L"], "unisex", "glass"),
    ("P05", "pets", "Parakeet Flight Cage", "Birds > Cages", "Tall bird cage with perches, feeders and a removable tray for budgies and parakeets.", "birds", 89.0, [("white", "")], "unisex", "metal"),
    ("P06", "pets", "Indestructible Chew Toy", "Dog > Toys", "Tough natural-rubber chew toy for power chewers; stuff it with treats.", "dog|toys", 14.0, ["M", "L"], "unisex", "rubber"),
    ("P07", "pets", "Sisal Cat Scratching Post Tower", "Cat > Furniture", "Cat tree with sisal scratching posts, hammock and a hideaway cube.", "cat|furniture", 79.0, [("grey", "")], "unisex", "sisal"),
    ("P08", "pets", "Orthopedic Dog Bed", "Dog > Beds", "Memory foam orthopaedic bed for senior dogs with a washable cover.", "dog|beds", 89.0, [("grey", "L"), ("brown", "XL")], "unisex", "memory foam"),
    ("P09", "pets", "Flea & Tick Collar", "Dog > Health", "Eight-month flea and tick prevention collar for dogs.", "dog|health", 39.0, ["Small dogs", "Large dogs"], "unisex", ""),
    ("P10", "pets", "De-Shedding Grooming Brush", "Grooming > Brushes", "Grooming brush that removes loose undercoat from dogs and cats.", "grooming", 22.0, ["Standard"], "unisex", ""),
    ("P11", "pets", "Feather Wand Cat Toy", "Cat > Toys", "Teaser wand with feathers and a bell to keep indoor cats playing.", "cat|toys", 9.0, ["Standard"], "unisex", ""),
    ("P12", "pets", "Automatic Pet Feeder", "Pet Supplies > Feeders", "Programmable food dispenser for cats and dogs with voice recording.", "feeding", 69.0, [("white", "")], "unisex", ""),
    ("P13", "pets", "Cat Water Fountain", "Cat > Bowls & Fountains", "Quiet filtered water fountain that encourages cats to drink.", "cat|water", 35.0, [("white", "2 L")], "unisex", ""),
    ("P14", "pets", "Knitted Dog Sweater", "Dog > Clothing", "Warm cable-knit jumper for small dogs on cold walks.", "dog|clothing", 25.0, [("red", "S"), ("grey", "M")], "unisex", "acrylic"),
    ("P15", "pets", "Hamster Habitat Cage", "Small Animals > Cages", "Hamster cage with wheel, tunnels and a water bottle.", "small pets", 59.0, [("blue", "")], "unisex", "plastic"),
    ("P16", "pets", "Salmon Training Treats", "Dog > Treats", "Soft bite-size salmon treats for puppy training.", "dog|treats", 7.0, ["200 g"], "unisex", ""),
    ("P17", "pets", "Pet Travel Carrier", "Pet Supplies > Carriers", "Airline-approved soft pet carrier for cats and small dogs.", "travel", 49.0, [("black", "")], "unisex", "polyester"),
]

AVAIL = ["in stock", "in stock", "in stock", "out of stock", "in stock", "preorder"]


def rows(models, prefix):
    out = []
    n = 0
    for (key, brand, title, ptype, desc, tags, price, variants, gender, material) in models:
        for v_i, v in enumerate(variants):
            n += 1
            pid = f"{prefix}-{key}-{v_i + 1}"
            color, size, full = variant(title, v)
            avail = AVAIL[n % len(AVAIL)]
            qty = 0 if avail != "in stock" else 5 + (n * 7) % 60
            sale = f"{price * 0.85:.2f} USD" if n % 5 == 0 else ""
            out.append([pid, full, desc, avail, "new", f"{price:.2f} USD", sale,
                        f"https://shop.example.org/p/{pid}",
                        f"https://cdn.shop.example.org/img/{pid}.jpg", brand,
                        ptype, GOOGLE[brand], color, size, gender, material,
                        str(qty), tags])
    return out


def write(name, models, prefix):
    write_feed(name, rows(models, prefix))


if __name__ == "__main__":
    write("catalog2.csv", CATALOG2, "C2")
    write("catalog3.csv", CATALOG3, "C3")
