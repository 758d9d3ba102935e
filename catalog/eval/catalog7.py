#!/usr/bin/env python3
"""Writes catalog7.csv (Meta feed format, like catalog/products.csv) next to
this file: the seventh evaluation catalog of issue 15, held out from tuning.

About 230 rows of six brands: the five demo brands and a sixth, `sports`
(fitness, team sports, camping and outdoor; its seller's manifest section
is seller-sports.routing.toml). Written in issue 15's fifth session before
the router or the search ran on it and before that session changed any
code. The feed's style is unlike catalogs 1-6:

- titles in capitals, the variant's colour and size appended with the size
  spelled out ("MERIDIAN WOOL OVERCOAT - CHARCOAL - SIZE MEDIUM",
  "... - ONE TERABYTE", "... - QUEEN SIZE");
- `product_type`: a slash path ("Men/Outerwear/Coats") on some models, the
  department only ("Outerwear") on others, empty on every fifth;
- `google_product_category`: the numeric Google taxonomy id on even models,
  the full taxonomy path on odd ones, empty on every sixth (resolved from
  lang/data/google-taxonomy-with-ids.en-US.txt by the path's ending).

    python3 catalog/eval/catalog7.py
"""

from feedgen import Style, google_category, rows, write

AVAIL = ["in stock", "in stock", "out of stock", "in stock", "in stock", "in stock", "preorder", "in stock"]

# Sizes as the feed spells them out in titles and the size column.
SPELLED = {
    "XS": "EXTRA SMALL", "S": "SMALL", "M": "MEDIUM", "L": "LARGE",
    "XL": "EXTRA LARGE", "XXL": "DOUBLE EXTRA LARGE", "OS": "ONE SIZE",
    "Q": "QUEEN SIZE", "K": "KING SIZE", "D": "DOUBLE SIZE", "T": "TWIN SIZE",
    "128GB": "128 GIGABYTES", "256GB": "256 GIGABYTES", "512GB": "512 GIGABYTES",
    "1TB": "ONE TERABYTE", "30ML": "THIRTY MILLILITRES", "50ML": "FIFTY MILLILITRES",
    "100ML": "ONE HUNDRED MILLILITRES", "200ML": "TWO HUNDRED MILLILITRES",
}

# (model key, brand, title, product_type path, google category path ending,
#  description, tags, price, variants, gender, material);
# a variant is (colour, size code); a numeric size code is a shoe, waist or
# ball size ("SIZE 42").
CATALOG7 = [
    # fashion
    ("F01", "fashion", "Meridian Wool Overcoat", "Men/Outerwear/Coats", "Outerwear > Coats & Jackets", "Double-breasted overcoat in a wool blend, knee length, fully lined.", "outerwear|winter", 189.0, [("charcoal", "M"), ("camel", "L"), ("charcoal", "XL")], "male", "wool blend"),
    ("F02", "fashion", "Dahlia Tiered Maxi Dress", "Women/Dresses/Maxi", "Clothing > Dresses", "Tiered cotton maxi dress with puff sleeves and a smocked bodice.", "dresses|summer", 84.0, [("terracotta", "S"), ("white", "M"), ("terracotta", "L"), ("white", "XL")], "female", "cotton"),
    ("F03", "fashion", "Halden Suede Chelsea Boot", "Footwear/Boots", "Apparel & Accessories > Shoes", "Suede Chelsea boots with elastic sides, a pull tab and a crepe sole.", "boots|autumn", 119.0, [("brown", "41"), ("black", "42"), ("brown", "43")], "male", "suede"),
    ("F04", "fashion", "Cove Cargo Trouser", "Men/Trousers", "Clothing > Pants", "Relaxed cotton cargo pants with six pockets and a drawstring hem.", "casual|trousers", 65.0, [("olive", "30"), ("black", "32"), ("stone", "34"), ("olive", "36")], "male", "cotton twill"),
    ("F05", "fashion", "Luma Silk Square Scarf", "Accessories/Scarves", "Clothing Accessories > Scarves & Shawls", "Printed silk square scarf with hand-rolled edges, for the neck, the hair or a bag.", "accessories|gift", 49.0, [("paisley", "OS"), ("navy dots", "OS")], "female", "silk"),
    ("F06", "fashion", "Sundial Leather Strap Watch", "Accessories/Watches", "Apparel & Accessories > Jewelry > Watches", "Minimalist quartz watch with a 38 mm steel case and an Italian leather strap.", "watches|gift", 145.0, [("tan", "OS"), ("black", "OS")], "unisex", "steel, leather"),
    ("F07", "fashion", "Pebble Mini Crossbody", "Bags", "Handbags, Wallets & Cases > Handbags", "Small pebbled leather crossbody bag with an adjustable strap and a zip top.", "bags|leather", 89.0, [("black", "OS"), ("cognac", "OS"), ("sage", "OS")], "female", "leather"),
    ("F08", "fashion", "Marlo Trucker Denim Jacket", "Outerwear/Jackets", "Outerwear > Coats & Jackets", "Classic trucker jacket in washed denim with two chest pockets.", "denim|outerwear", 79.0, [("light wash", "S"), ("mid wash", "M"), ("light wash", "L")], "unisex", "denim"),
    ("F09", "fashion", "Brisa Linen Drawstring Short", "Men/Shorts", "Clothing > Shorts", "Drawstring linen shorts with side pockets, for hot days.", "summer|linen", 45.0, [("sand", "S"), ("sand", "M"), ("navy", "L"), ("navy", "XL")], "male", "linen"),
    ("F10", "fashion", "Velvet Hour Satin Slip Dress", "Women/Dresses/Evening", "Clothing > Dresses", "Bias-cut satin slip dress for evenings, parties and weddings.", "occasion|dresses", 98.0, [("emerald", "XS"), ("black", "S"), ("champagne", "M")], "female", "satin"),
    ("F11", "fashion", "Cloudknit Pyjama Set", "Nightwear", "Clothing > Sleepwear & Loungewear", "Two-piece jersey pyjama set: a long-sleeve top and trousers.", "loungewear|gift", 55.0, [("heather grey", "S"), ("blush", "M"), ("heather grey", "L")], "female", "cotton jersey"),
    ("F12", "fashion", "Tidal Board Short", "Swim", "Clothing > Swimwear", "Quick-dry board shorts for surfing, the beach and the pool.", "swim|beach", 42.0, [("tropical", "S"), ("tropical", "M"), ("black", "L"), ("tropical", "XL")], "male", "recycled polyester"),
    ("F13", "fashion", "Ember RFID Bifold Wallet", "Accessories/Wallets", "Handbags, Wallets & Cases > Wallets & Money Clips", "Slim bifold wallet in full grain leather with RFID blocking.", "leather|gift", 39.0, [("brown", "OS"), ("black", "OS")], "male", "leather"),
    ("F14", "fashion", "Petal Bow Ballet Flat", "Footwear/Flats", "Apparel & Accessories > Shoes", "Soft leather ballet flats with a small bow, comfortable for the office.", "shoes|work", 69.0, [("black", "36"), ("nude", "37"), ("red", "38"), ("black", "39")], "female", "leather"),
    ("F15", "fashion", "Ridge Buffalo Check Flannel", "Men/Shirts", "Clothing > Shirts & Tops", "Brushed cotton flannel shirt in a red and black buffalo check.", "shirts|autumn", 52.0, [("red check", "M"), ("green check", "L"), ("red check", "XL")], "male", "cotton flannel"),
    ("F16", "fashion", "Little Sprout Rain Boot", "Kids/Footwear", "Apparel & Accessories > Shoes", "Rubber rain boots for toddlers with easy pull-on handles.", "kids|rain", 29.0, [("yellow", "22"), ("frog green", "24"), ("yellow", "26")], "unisex", "natural rubber"),
    ("F17", "fashion", "Aria Freshwater Pearl Drops", "Jewellery", "Apparel & Accessories > Jewelry > Earrings", "Freshwater pearl drop earrings on sterling silver hooks.", "jewellery|bridal", 59.0, [("white pearl", "OS")], "female", "sterling silver, pearl"),
    ("F18", "fashion", "Nova Maternity Legging", "Women/Maternity", "Clothing > Pants", "Over-the-bump maternity leggings, soft, opaque and stretchy.", "maternity|basics", 38.0, [("black", "XS"), ("black", "S"), ("black", "M"), ("charcoal", "L")], "female", "cotton elastane"),
    # tech
    ("T01", "tech", "Arc Studio Over-Ear ANC", "Audio/Headphones", "Audio Components > Headphones & Headsets > Headphones", "Over-ear wireless headphones with noise cancelling, foldable, 40 hours of battery.", "audio|travel", 179.0, [("black", ""), ("sand", "")], "unisex", "plastic, protein leather"),
    ("T02", "tech", "Vela 14 Ultrabook", "Computers/Laptops", "Electronics > Computers > Laptops", "14-inch lightweight laptop with 16 GB RAM, 512 GB SSD and an all-day battery.", "laptops|work", 899.0, [("silver", "512GB"), ("graphite", "512GB"), ("silver", "1TB"), ("graphite", "1TB")], "unisex", "aluminium"),
    ("T03", "tech", "Snapshot Instant Camera", "Cameras", "Cameras & Optics > Cameras > Film Cameras", "Instant film camera that prints credit-card-size photos in seconds, with a selfie mirror.", "cameras|gift", 89.0, [("mint", ""), ("lilac", ""), ("white", "")], "unisex", "plastic"),
    ("T04", "tech", "Groove Belt-Drive Turntable", "Audio/Turntables", "Audio Players & Recorders > Turntables & Record Players", "Belt-drive record player with a built-in preamp and Bluetooth out to your speakers.", "audio|vinyl", 199.0, [("walnut", ""), ("black", "")], "unisex", "wood, metal"),
    ("T05", "tech", "Sentinel Pan-Tilt Indoor Cam", "Smart Home/Security", "Cameras & Optics > Cameras > Surveillance Cameras", "Indoor Wi-Fi security camera with pan and tilt, night vision and two-way audio, to keep an eye on the baby or the pets.", "smart home|security", 45.0, [("white", "")], "unisex", "plastic"),
    ("T06", "tech", "Tempo GPS Smartwatch 2", "Wearables", "", "GPS smartwatch with heart rate, notifications, contactless payments and a 7-day battery.", "wearables|fitness", 229.0, [("black", "S"), ("black", "L"), ("stone", "S")], "unisex", "aluminium, silicone"),
    ("T07", "tech", "Lumen 55 QLED Smart TV", "TV & Video", "Electronics > Video > Televisions", "55-inch 4K QLED smart TV with HDR and built-in streaming apps.", "tv|home cinema", 649.0, [("black", "55 INCH"), ("black", "65 INCH")], "unisex", "metal"),
    ("T08", "tech", "Glide Silent Wireless Mouse", "Computers/Accessories/Mice", "Input Devices > Mice & Trackballs", "Silent-click wireless mouse for the office, Bluetooth or a USB receiver.", "office|accessories", 25.0, [("grey", ""), ("rose", ""), ("black", "")], "unisex", "plastic"),
    ("T09", "tech", "Stream Stick 4K", "TV & Video", "Video Players & Recorders > Streaming & Home Media Players", "Streaming stick that plugs into the TV's HDMI port, 4K HDR, with a voice remote.", "tv|streaming", 49.0, [("black", "")], "unisex", "plastic"),
    ("T10", "tech", "Drift Mini Fold Drone", "Cameras/Drones", "Cameras & Optics", "Foldable camera drone under 250 g with 4K video and 30-minute flights.", "cameras|outdoor", 399.0, [("grey", ""), ("grey", "FLY MORE COMBO")], "unisex", "plastic"),
    ("T11", "tech", "Boom Cube Bluetooth Speaker", "Audio", "Audio Components > Speakers", "Waterproof portable Bluetooth speaker that floats in the pool, 12 hours of play.", "audio|outdoor", 59.0, [("blue", ""), ("black", ""), ("orange", "")], "unisex", "fabric, rubber"),
    ("T12", "tech", "Nest Print Ink Tank All-in-One", "Computers/Printers", "Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines", "All-in-one ink tank printer that prints, copies and scans, with refillable bottles instead of cartridges.", "office|printing", 229.0, [("white", "")], "unisex", "plastic"),
    ("T13", "tech", "Halo 1080 Webcam", "Computers/Accessories", "Cameras & Optics > Cameras > Webcams", "Full HD webcam with two microphones and a privacy shutter, for video calls.", "office|video calls", 49.0, [("black", "")], "unisex", "plastic"),
    ("T14", "tech", "Surge Strip 6 + 4 USB", "Power", "Power > Power Strips & Surge Suppressors", "Surge protector power strip with six outlets and four USB charging ports.", "power|desk", 29.0, [("white", "TWO METRE CORD"), ("black", "TWO METRE CORD")], "unisex", "plastic"),
    ("T15", "tech", "Terra Phone 6a", "Phones", "Electronics > Communications > Telephony > Mobile Phones", "Unlocked 6.4-inch smartphone, 128 GB, triple camera and a two-day battery.", "phones|unlocked", 349.0, [("black", "128GB"), ("sky", "128GB"), ("black", "256GB")], "unisex", "glass, aluminium"),
    ("T16", "tech", "Shield Clear Case + Glass", "Phones/Accessories", "Mobile Phone Accessories > Mobile Phone Cases", "Shockproof clear phone case with a tempered glass screen protector in the box.", "phones|accessories", 19.0, [("clear", "FOR TERRA 6A"), ("clear", "FOR IPHONE 15")], "unisex", "TPU, glass"),
    ("T17", "tech", "Echo Party Karaoke Mic", "Audio", "Electronics > Audio > Audio Components > Microphones", "Wireless karaoke microphone with a built-in speaker and echo effects, for parties and kids.", "audio|party", 35.0, [("gold", ""), ("pink", "")], "unisex", "metal"),
    ("T18", "tech", "Gauge Wi-Fi Body Scale", "Health Tech", "Biometric Monitors > Body Weight Scales", "Wi-Fi bathroom scale that measures weight, body fat and muscle and syncs to an app.", "health|smart home", 69.0, [("white", ""), ("black", "")], "unisex", "glass"),
    # home
    ("H01", "home", "Ostara Percale Sheet Set", "Bedding", "Linens & Bedding > Bedding > Bed Sheets", "Crisp cotton percale sheet set: a fitted sheet, a flat sheet and two pillowcases.", "bedding|cotton", 99.0, [("white", "Q"), ("white", "K"), ("stone", "Q")], "unisex", "cotton percale"),
    ("H02", "home", "Fjord All-Season Duvet", "Bedroom/Bedding/Duvets", "Bedding > Quilts & Comforters", "All-season down-alternative duvet insert, machine washable.", "bedding|winter", 119.0, [("white", "D"), ("white", "Q"), ("white", "K")], "unisex", "microfibre"),
    ("H03", "home", "Kiln Stoneware 16-Piece Dinner Set", "Dining", "Tableware > Dinnerware", "Stoneware dinnerware set for four: plates, side plates, bowls and mugs, dishwasher safe.", "dining|stoneware", 109.0, [("speckled white", ""), ("slate", ""), ("sand", "")], "unisex", "stoneware"),
    ("H04", "home", "Brewmaster Thermal Drip Coffee Maker", "Kitchen/Appliances/Coffee", "Coffee Makers & Espresso Machines > Drip Coffee Makers", "Programmable drip coffee machine with a thermal carafe, 10 cups.", "kitchen|coffee", 89.0, [("black", "")], "unisex", "stainless steel"),
    ("H05", "home", "Pressa Cast Iron Skillet", "Cookware", "Cookware > Skillets & Frying Pans", "Pre-seasoned 26 cm cast iron skillet for searing, oven safe.", "kitchen|cookware", 39.0, [("black", "26 CM"), ("black", "30 CM")], "unisex", "cast iron"),
    ("H06", "home", "Nimbus Robot Vacuum & Mop", "Appliances/Cleaning", "Home & Garden > Household Appliances > Vacuums", "Robot vacuum and mop with app scheduling and an auto-empty base, good on pet hair.", "cleaning|smart home", 349.0, [("white", ""), ("black", "")], "unisex", "plastic"),
    ("H07", "home", "Loft Oak Bookcase", "Furniture", "Shelving > Bookcases & Standing Shelves", "Five-shelf bookcase in oak veneer, 180 cm tall, wall anchor included.", "furniture|storage", 159.0, [("oak", ""), ("white oak", "")], "unisex", "oak veneer"),
    ("H08", "home", "Lull Blackout Roller Blind", "Home/Window", "Window Treatments > Window Blinds & Shades", "Blackout roller blind that cuts out street light, cut to your window's width.", "window|bedroom", 45.0, [("white", "90 CM"), ("grey", "120 CM"), ("white", "150 CM")], "unisex", "polyester"),
    ("H09", "home", "Terrace Rattan Lounge Chair", "Garden/Furniture", "Outdoor Furniture > Outdoor Seating > Outdoor Chairs", "Weatherproof rattan lounge chair with cushions, for the balcony or the garden.", "outdoor|garden", 189.0, [("natural", ""), ("grey", ""), ("white", "")], "unisex", "PE rattan"),
    ("H10", "home", "Pure Air HEPA Purifier", "Appliances", "Climate Control Appliances > Air Purifiers", "HEPA air purifier for rooms up to 40 m2: removes dust, pollen and smoke, quiet night mode.", "air|allergy", 139.0, [("white", "")], "unisex", "plastic"),
    ("H11", "home", "Mosaic Hand-Woven Jute Rug", "Decor/Rugs", "Home & Garden > Decor > Rugs", "Hand-woven jute area rug with a natural texture, for the living room.", "decor|natural", 129.0, [("natural", "160 X 230"), ("natural", "200 X 300")], "unisex", "jute"),
    ("H12", "home", "Halo Ceramic Bedside Lamp", "Lighting", "Home & Garden > Lighting", "Dimmable ceramic bedside table lamp with a linen shade and a USB port.", "lighting|bedroom", 59.0, [("sage", ""), ("white", "")], "unisex", "ceramic, linen"),
    ("H13", "home", "Keep Glass Meal Prep Containers (10)", "Kitchen/Storage", "Food Storage > Food Storage Containers", "Set of ten glass food containers with snap lids, oven and freezer safe.", "kitchen|storage", 35.0, [("clear", "")], "unisex", "glass"),
    ("H14", "home", "Crisp 2400W Steam Iron", "Laundry", "Laundry Appliances > Irons & Ironing Systems", "2400 W steam iron with a ceramic soleplate and anti-drip.", "laundry|appliances", 45.0, [("blue", "")], "unisex", "plastic, ceramic"),
    ("H15", "home", "Sprout Indoor Herb Garden", "Garden/Indoor", "Home & Garden > Lawn & Garden > Gardening", "Indoor smart garden with a grow light that grows basil, mint and lettuce on the kitchen counter.", "garden|kitchen", 99.0, [("white", "6 PODS"), ("white", "12 PODS")], "unisex", "plastic"),
    ("H16", "home", "Breeze Quiet Tower Fan", "Appliances/Climate", "Climate Control Appliances > Fans", "Quiet oscillating tower fan with a remote and a timer, for the bedroom.", "summer|appliances", 69.0, [("white", ""), ("black", "")], "unisex", "plastic"),
    ("H17", "home", "Hearth Soy Candle Trio", "Decor", "Home Fragrances > Candles", "Three soy wax candles in fig, cedar and clean linen.", "decor|gift", 32.0, [("amber glass", "")], "unisex", "soy wax"),
    ("H18", "home", "Slab Bamboo Chopping Boards (3)", "Kitchen", "Kitchen Tools & Utensils > Cutting Boards", "Set of three bamboo chopping boards with juice grooves.", "kitchen|prep", 29.0, [("natural", "")], "unisex", "bamboo"),
    # beauty
    ("B01", "beauty", "Dew Drop Hyaluronic Serum", "Skincare/Serums", "Cosmetics > Skin Care > Lotion & Moisturizer", "Hydrating hyaluronic acid serum that plumps dry skin, fragrance free.", "skincare|hydration", 24.0, [("", "30ML"), ("", "50ML")], "unisex", ""),
    ("B02", "beauty", "Shield SPF 50 Face Fluid", "Skincare", "Cosmetics > Skin Care > Sunscreen", "Lightweight SPF 50 face sunscreen with no white cast, wears under makeup.", "skincare|sun", 19.0, [("", "50ML")], "unisex", ""),
    ("B03", "beauty", "Velvet Matte Lip Cream", "Makeup/Lips", "Makeup > Lip Makeup > Lipstick", "Long-wear liquid lipstick with a matte finish that does not transfer.", "makeup|lips", 16.0, [("brick red", ""), ("mauve", ""), ("nude", ""), ("berry", "")], "female", ""),
    ("B04", "beauty", "Volume Rush Mascara", "Makeup", "Eye Makeup > Mascara", "Lengthening and volumising mascara, smudge-proof all day.", "makeup|eyes", 14.0, [("black", ""), ("brown black", "")], "female", ""),
    ("B05", "beauty", "Curl Keeper Leave-In Cream", "Hair/Curls", "Personal Care > Hair Care > Hair Styling Products", "Leave-in conditioning cream that defines curls and stops frizz.", "hair|curls", 18.0, [("", "200ML"), ("", "100ML")], "unisex", ""),
    ("B06", "beauty", "Glow Vitamin C Day Cream", "Skincare/Moisturisers", "Cosmetics > Skin Care > Lotion & Moisturizer", "Brightening vitamin C face moisturiser for dull skin and dark spots.", "skincare|glow", 28.0, [("", "50ML")], "unisex", ""),
    ("B07", "beauty", "Precision 5-in-1 Grooming Trimmer", "Men", "Shaving & Grooming > Hair Clippers & Trimmers", "Cordless beard trimmer with five heads for the beard, nose, ears and body.", "grooming|men", 49.0, [("black", "")], "male", "plastic"),
    ("B08", "beauty", "Bloom Cream Cheek Tint", "Makeup/Face", "Face Makeup > Blushes & Bronzers", "Cream blush stick for cheeks and lips, buildable colour.", "makeup|cheeks", 18.0, [("peony", ""), ("coral", "")], "female", ""),
    ("B09", "beauty", "Clarify 2% Salicylic Cleanser", "Skincare/Cleansers", "Cosmetics > Skin Care > Facial Cleansers", "Foaming face wash with 2 % salicylic acid for oily, acne-prone skin.", "skincare|acne", 13.0, [("", "200ML")], "unisex", ""),
    ("B10", "beauty", "Santal Rain Body Mist", "Fragrance", "Personal Care > Cosmetics > Perfume & Cologne", "Light sandalwood body mist, fresh and long-lasting.", "fragrance|body", 22.0, [("", "100ML")], "unisex", ""),
    ("B11", "beauty", "Bond Repair Hair Mask", "Hair", "Shampoo & Conditioner > Conditioners", "Deep conditioning mask for bleached and damaged hair.", "hair|repair", 26.0, [("", "200ML")], "unisex", ""),
    ("B12", "beauty", "Airwave One-Step Hot Brush", "Hair/Tools", "Hair Care > Hair Styling Tools", "One-step hot air brush that dries and adds volume at the same time.", "hair|tools", 59.0, [("black", ""), ("pink", "")], "female", "plastic"),
    ("B13", "beauty", "Blend Sponge Trio", "Makeup/Tools", "Makeup Tools > Makeup Sponges", "Three latex-free blending sponges for foundation and concealer.", "makeup|tools", 12.0, [("pink", ""), ("black", "")], "female", ""),
    ("B14", "beauty", "Ten Minute Press-On Gel Nails", "Nails", "Nail Care > False Nails", "Reusable press-on gel nails in 24 sizes, with glue and a file.", "nails|quick", 11.0, [("french", ""), ("almond nude", ""), ("red", "")], "female", ""),
    ("B15", "beauty", "Cloud Whipped Body Butter", "Bath & Body", "Cosmetics > Skin Care > Lotion & Moisturizer", "Whipped shea body butter for very dry skin, cocoa scent.", "body|dry skin", 17.0, [("", "200ML")], "unisex", ""),
    ("B16", "beauty", "Brow Sculpt Tinted Gel", "Makeup/Eyes", "Eye Makeup > Eyebrow Enhancers", "Tinted brow gel that holds brows in place all day.", "makeup|brows", 13.0, [("blonde", ""), ("brunette", ""), ("clear", "")], "female", ""),
    # gaming
    ("G01", "gaming", "Ironclad Legends", "Video Games/PS5", "Video Game Software", "Dark fantasy action game: fight giant bosses across a ruined kingdom.", "games|action", 69.0, [("", "PS5"), ("", "XBOX SERIES X")], "unisex", ""),
    ("G02", "gaming", "Pitch Masters 25", "Video Games", "Video Game Software", "Football simulation game with licensed clubs, a career mode and online seasons.", "games|sports", 59.0, [("", "PS5"), ("", "SWITCH"), ("", "XBOX SERIES X")], "unisex", ""),
    ("G03", "gaming", "Glow Pad Pro Controller", "Controllers", "Input Devices > Game Controllers > Gaming Pads", "Wireless gamepad with back paddles and hall-effect sticks, for PC and Switch.", "controllers|pc", 69.0, [("black", ""), ("white", ""), ("purple", "")], "unisex", "plastic"),
    ("G04", "gaming", "Nebula 27 QHD 165Hz Monitor", "PC Gaming/Monitors", "Electronics > Video > Computer Monitors", "27-inch 1440p 165 Hz gaming monitor with 1 ms response and FreeSync.", "pc|monitors", 299.0, [("black", "27 INCH")], "unisex", "plastic"),
    ("G05", "gaming", "Switch Hard Travel Case", "Console Accessories", "Video Game Console Accessories > Portable Game Console Accessories", "Hard-shell carrying case for the Switch with room for 20 game cartridges.", "accessories|travel", 24.0, [("black", ""), ("red", "")], "unisex", "EVA"),
    ("G06", "gaming", "Cosmos USB Streaming Mic", "Streaming", "Electronics > Audio > Audio Components > Microphones", "USB condenser microphone with a pop filter and a boom arm, for streaming and podcasts.", "streaming|pc", 89.0, [("black", "")], "unisex", "metal"),
    ("G07", "gaming", "Pixel Arcade Mini", "Retro", "Electronics > Video Game Consoles", "Retro mini arcade console with 300 classic games and two joysticks.", "retro|gift", 79.0, [("black", "")], "unisex", "plastic"),
    ("G08", "gaming", "Frostbyte RGB Laptop Cooler", "PC Gaming", "Electronics > Electronics Accessories > Computer Accessories", "Cooling pad for gaming laptops with six fans and RGB lights.", "pc|accessories", 35.0, [("black", "UP TO 17 INCH")], "unisex", "metal mesh"),
    ("G09", "gaming", "Duel Deck Booster Box", "Tabletop/Card Games", "Toys & Games > Games > Card Games", "Booster box of 36 packs of collectible trading cards.", "tabletop|cards", 109.0, [("", "36 PACKS")], "unisex", ""),
    ("G10", "gaming", "Strafe Carbon Gaming Desk", "Furniture", "Furniture > Office Furniture > Desks", "140 cm gaming desk with a carbon-fibre top, a cup holder and a headphone hook.", "setup|furniture", 199.0, [("black", "140 CM"), ("black", "160 CM")], "unisex", "steel, MDF"),
    ("G11", "gaming", "Sync RGB Light Bars", "PC Gaming/Setup", "", "Pair of RGB light bars for behind the monitor that sync with the game on screen.", "setup|rgb", 45.0, [("black", "PAIR")], "unisex", "plastic"),
    ("G12", "gaming", "Quest Realm Collector's Edition", "Video Games/PC", "Video Game Software", "Collector's edition of the fantasy MMO with an art book and a statue.", "games|collector", 149.0, [("", "PC")], "unisex", ""),
    ("G13", "gaming", "Turbo Fight Arcade Stick", "Controllers", "Game Controllers > Joystick Controllers", "Arcade fight stick with Sanwa-style buttons, for fighting games.", "controllers|fighting", 129.0, [("black", "")], "unisex", "metal, plastic"),
    ("G14", "gaming", "PlayPass 12-Month Membership", "Digital", "Gift Giving > Gift Cards & Certificates", "Digital 12-month membership code for online play and monthly free games.", "digital|membership", 60.0, [("", "TWELVE MONTHS"), ("", "THREE MONTHS")], "unisex", ""),
    # sports (the sixth brand)
    ("S01", "sports", "Stride Trail Runner", "Running/Footwear", "Apparel & Accessories > Shoes", "Trail running shoes with a grippy lugged sole and a rock plate.", "running|trail", 129.0, [("blue", "39"), ("blue", "40"), ("black", "42"), ("orange", "44"), ("black", "45")], "unisex", "mesh, rubber"),
    ("S02", "sports", "Flow Cork Yoga Mat", "Yoga", "Yoga & Pilates > Yoga & Pilates Mats", "Non-slip cork yoga mat, 5 mm thick, with a carry strap.", "yoga|studio", 59.0, [("natural", "5 MM"), ("natural", "3 MM"), ("black", "5 MM")], "unisex", "cork, TPE"),
    ("S03", "sports", "Iron Core Adjustable Dumbbells", "Fitness/Strength/Weights", "Weight Lifting > Free Weights", "Pair of adjustable dumbbells from 2.5 to 24 kg, set with a dial.", "strength|home gym", 299.0, [("black", "PAIR"), ("black", "SINGLE")], "unisex", "steel"),
    ("S04", "sports", "Pro Match Football", "Team Sports", "Athletics > Soccer > Soccer Balls", "FIFA quality match football, thermally bonded, size 5.", "football|match", 35.0, [("white", "5"), ("yellow", "4"), ("white", "3")], "unisex", "PU"),
    ("S05", "sports", "Court King Basketball", "Team Sports/Basketball", "Athletics > Basketball > Basketballs", "Indoor and outdoor composite leather basketball, size 7.", "basketball|outdoor", 32.0, [("orange", "7"), ("orange", "6")], "unisex", "composite leather"),
    ("S06", "sports", "Volley Carbon Padel Racket", "Racket Sports", "Athletics > Tennis > Tennis Racquets", "Carbon padel racket with a soft EVA core, for control players.", "padel|racket", 149.0, [("black / lime", ""), ("white / blue", "")], "unisex", "carbon, EVA"),
    ("S07", "sports", "Summit 2 Dome Tent", "Outdoor/Camping/Tents", "Camping & Hiking > Tents", "Two-person dome tent that pitches in five minutes, with a waterproof fly.", "camping|outdoor", 139.0, [("green", "TWO PERSON"), ("sand", "TWO PERSON"), ("green", "FOUR PERSON")], "unisex", "polyester"),
    ("S08", "sports", "Nightfall Mummy Sleeping Bag", "Outdoor", "Camping & Hiking > Sleeping Bags", "Mummy sleeping bag rated to -5 °C that packs into a compression sack.", "camping|winter", 89.0, [("red", "REGULAR"), ("red", "LONG")], "unisex", "polyester, synthetic fill"),
    ("S09", "sports", "Ridgeline 40L Hiking Pack", "Outdoor/Hiking", "Luggage & Bags > Backpacks", "40-litre hiking backpack with a rain cover, a hip belt and a hydration sleeve.", "hiking|trekking", 109.0, [("slate", ""), ("rust", ""), ("black", "")], "unisex", "ripstop nylon"),
    ("S10", "sports", "Velo Aero Road Helmet", "Cycling", "Cycling > Cycling Apparel & Accessories > Bicycle Helmets", "Lightweight road bike helmet with MIPS and a rear light.", "cycling|safety", 119.0, [("white", "S"), ("white", "M"), ("black", "L")], "unisex", "polycarbonate, EPS"),
    ("S11", "sports", "Knockout 12oz Boxing Gloves", "Combat/Boxing", "Boxing & Martial Arts Protective Gear > Boxing Gloves & Mitts", "12 oz leather boxing gloves for bag work and sparring.", "boxing|training", 69.0, [("red", "10 OZ"), ("red", "12 OZ"), ("black", "14 OZ")], "unisex", "leather"),
    ("S12", "sports", "Swift Speed Jump Rope", "Fitness", "Exercise & Fitness > Cardio > Jump Ropes", "Speed skipping rope with ball bearings and an adjustable cable, for crossfit and boxing.", "cardio|crossfit", 15.0, [("black", ""), ("pink", "")], "unisex", "steel cable"),
    ("S13", "sports", "Aqua Vision Anti-Fog Goggles", "Swimming", "Swimming > Swim Goggles & Masks", "Anti-fog swim goggles with UV protection, for the pool and open water.", "swimming|pool", 19.0, [("clear", ""), ("mirror blue", ""), ("smoke", "")], "unisex", "silicone"),
    ("S14", "sports", "Recover Deep Tissue Foam Roller", "Fitness/Recovery", "Sporting Goods > Exercise & Fitness > Foam Rollers", "High-density foam roller for sore muscles after running or the gym.", "recovery|running", 25.0, [("black", "45 CM"), ("teal", "90 CM")], "unisex", "EVA foam"),
    ("S15", "sports", "Grip Doorway Pull-Up Bar", "Fitness", "Sporting Goods > Exercise & Fitness", "Doorway pull-up bar that fits without screws, for chin-ups, push-ups and dips.", "strength|home gym", 35.0, [("black", "")], "unisex", "steel"),
    ("S16", "sports", "Trek Carbon Folding Poles", "Outdoor/Hiking", "Camping & Hiking > Hiking Poles", "Pair of foldable carbon trekking poles with cork grips.", "hiking|trekking", 79.0, [("black", "PAIR")], "unisex", "carbon, cork"),
    ("S17", "sports", "Shin Shield Football Guards", "Team Sports/Football", "Soccer > Soccer Protective Gear > Soccer Shin Guards", "Lightweight football shin guards with ankle socks, for kids and adults.", "football|protection", 19.0, [("black", "XS"), ("black", "S"), ("black", "M"), ("blue", "L")], "unisex", "polypropylene"),
    ("S18", "sports", "Alpine Magnetic Ski Goggles", "Winter Sports", "Skiing & Snowboarding > Ski & Snowboard Goggles", "Double-lens anti-fog ski goggles with a magnetic swappable lens.", "ski|snowboard", 89.0, [("black / gold", "OS"), ("white / silver", "OS")], "unisex", "TPU, polycarbonate"),
    ("S19", "sports", "Pace No-Bounce Running Belt", "Running", "Sporting Goods > Exercise & Fitness", "Running belt that holds a phone, keys and gels without bouncing.", "running|accessories", 22.0, [("black", "S"), ("black", "M"), ("neon", "L")], "unisex", "lycra"),
]


def spelled(size):
    """A size as the feed writes it: letters and units spelled out, a bare
    number as SIZE n."""
    if not size:
        return ""
    if size in SPELLED:
        return SPELLED[size]
    if size.isdigit():
        return f"SIZE {size}"
    return size


class Catalog7(Style):
    avail = AVAIL

    def google(self, ids, ending, i):
        """The numeric id on even models, the full path on odd ones, empty on
        every sixth."""
        if not ending or i % 6 == 5:
            return ""
        path, gid = google_category(ids, ending)
        return gid if i % 2 == 0 else path

    def product_type(self, path, i, key):
        """A slash path, the department only on every third model, empty on
        every fifth."""
        if i % 5 == 4:
            return ""
        if i % 3 == 1:
            return path.split("/")[0]
        return path

    def variant(self, title, v):
        """Titles in capitals with the colour and the size spelled out."""
        color, size = v
        size_text = spelled(size)
        full = " - ".join(x for x in (title.upper(), color.upper(), size_text) if x)
        return color, size_text.title(), full

    def stock(self, n):
        return 3 + (n * 17) % 45

    def link(self, pid):
        return f"https://loja7.example.net/item/{pid.lower()}"

    def image(self, pid):
        return f"https://cdn7.example.net/img/{pid.lower()}.png"


if __name__ == "__main__":
    write("catalog7.csv", rows(CATALOG7, "C7", Catalog7()))
