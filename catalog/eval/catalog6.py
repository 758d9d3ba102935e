#!/usr/bin/env python3
"""Writes catalog6.csv (Meta feed format, like catalog/products.csv) next to
this file: the sixth evaluation catalog of issue 15, held out from tuning.

About 270 rows of six brands: the five demo brands and a sixth, `auto` (car
accessories and car care; its seller's manifest section is
seller-auto.routing.toml). Written in issue 15's fourth session before the
router or the search ran on it and before that session changed any code.
Titles use the brands' own product names ("Pulse Buds X2", "RoadEye Duo");
the feed's style varies row by row, as merged feeds do:

- `product_type`: a fine path on most models, only the department on every
  fourth, empty on every seventh;
- `google_product_category`: the numeric Google taxonomy id on some models,
  the full taxonomy path on others, empty on every eleventh (resolved from
  lang/data/google-taxonomy-with-ids.en-US.txt by the path's ending).

    python3 catalog/eval/catalog6.py
"""

from feedgen import Style, google_category, rows, write

AVAIL = ["in stock", "in stock", "in stock", "out of stock", "in stock", "preorder", "in stock"]

# (model key, brand, title, product_type, google category path ending,
#  description, tags, price, variants, gender, material);
# a variant is (color, size) or a suffix string.
CATALOG6 = [
    # fashion
    ("F01", "fashion", "Kofu Cloudstep Slide", "Footwear > Sandals & Slides", "Apparel & Accessories > Shoes", "Cushioned one-piece foam slides with a contoured footbed, for after the gym or around the house.", "recovery|summer", 35.0, [("sand", "38"), ("black", "40"), ("sage", "42")], "unisex", "EVA foam"),
    ("F02", "fashion", "Harbor Cable Fisherman Knit", "Knitwear > Jumpers", "Clothing > Shirts & Tops", "Chunky cable-knit crew neck jumper in undyed wool, warm enough for winter walks.", "knitwear|winter", 95.0, [("ecru", "M"), ("navy", "L"), ("ecru", "XL")], "male", "wool"),
    ("F03", "fashion", "Line 7 Straight Selvedge", "Denim > Jeans", "Clothing > Pants", "Raw selvedge denim jeans, straight leg, mid rise, five pockets.", "denim|classic", 120.0, [("raw indigo", "30"), ("raw indigo", "32"), ("black", "34")], "male", "denim"),
    ("F04", "fashion", "Minna Wrap Midi", "Dresses > Midi", "Clothing > Dresses", "Floral wrap dress with flutter sleeves that ties at the waist, midi length.", "dresses|floral", 78.0, [("blue floral", "S"), ("red floral", "M"), ("blue floral", "L")], "female", "viscose"),
    ("F05", "fashion", "Trailhead Packable Puffer", "Outerwear > Jackets", "Outerwear > Coats & Jackets", "Lightweight down jacket that squashes into its own pocket, for travel and cold mornings.", "outerwear|travel", 139.0, [("black", "S"), ("olive", "M"), ("orange", "L")], "unisex", "recycled nylon, down"),
    ("F06", "fashion", "Pier 9 Deck Shoe", "Footwear > Loafers", "Apparel & Accessories > Shoes", "Leather boat shoes with a non-marking siped sole and rawhide lacing.", "summer|shoes", 89.0, [("tan", "41"), ("navy", "42"), ("tan", "44")], "male", "leather"),
    ("F07", "fashion", "Nuit Lace Bralette", "Lingerie", "Underwear & Socks > Bras", "Unpadded wire-free lace bralette with adjustable straps.", "lingerie|lace", 32.0, [("black", "S"), ("blush", "M"), ("black", "L")], "female", "lace"),
    ("F08", "fashion", "Everyday Rib Crew Socks (5 pairs)", "Socks", "Underwear & Socks > Socks", "Cotton-rich ribbed crew socks, five pairs in a gift box.", "basics|gift", 22.0, ["Neutrals / 39-42", "Neutrals / 43-46", "Brights / 36-39"], "unisex", "cotton"),
    ("F09", "fashion", "Tempo Sculpt 7/8 Tight", "Activewear > Bottoms", "Apparel & Accessories > Clothing > Activewear", "Squat-proof high-waisted training tights with a phone pocket on the side.", "gym|training", 58.0, [("black", "XS"), ("plum", "S"), ("black", "M"), ("forest", "L")], "female", "nylon elastane"),
    ("F10", "fashion", "Dune Washed Linen Shirt", "Shirts", "Clothing > Shirts & Tops", "Breathable washed linen button-down, relaxed fit, for hot days.", "summer|linen", 69.0, [("white", "M"), ("sky", "L"), ("sand", "XL")], "male", "linen"),
    ("F11", "fashion", "Oro Chunky Hoops", "Jewellery > Earrings", "Apparel & Accessories > Jewelry > Earrings", "18k gold plated chunky hoop earrings with hypoallergenic posts.", "jewellery|gift", 29.0, [("gold", "30 mm"), ("silver", "30 mm")], "female", "plated brass"),
    ("F12", "fashion", "Skyline Pilot Shades", "Eyewear", "Clothing Accessories > Sunglasses", "Metal-frame aviator sunglasses with polarised UV400 lenses.", "summer|eyewear", 59.0, [("gold / green", "One size"), ("gunmetal / grey", "One size")], "unisex", "metal"),
    ("F13", "fashion", "Little Rambler Light-Up Sneaker", "Kids > Shoes", "Apparel & Accessories > Shoes", "Hook-and-loop sneakers for kids with soles that light up at every step.", "kids|shoes", 39.0, [("white", "26"), ("pink", "28"), ("blue", "30")], "unisex", "synthetic"),
    ("F14", "fashion", "Nomad Sling", "Bags", "Handbags, Wallets & Cases > Handbags", "Small nylon sling bag worn across the chest, sized for a phone, keys and a wallet.", "bags|travel", 45.0, [("black", "One size"), ("khaki", "One size")], "unisex", "nylon"),
    ("F15", "fashion", "Heirloom Felt Fedora", "Accessories > Hats", "Clothing Accessories > Hats", "Felted wool fedora with a grosgrain band and a pinched crown.", "hats|classic", 55.0, [("camel", "57"), ("black", "59")], "unisex", "wool felt"),
    ("F16", "fashion", "Aurelia Satin Pump", "Footwear > Heels", "Apparel & Accessories > Shoes", "Satin pointed-toe pumps on a 9 cm stiletto, for weddings and parties.", "occasion|heels", 110.0, [("ivory", "36"), ("champagne", "37"), ("black", "38")], "female", "satin"),
    ("F17", "fashion", "Alpine 2.5L Shell", "Outerwear > Rainwear", "Outerwear > Coats & Jackets", "Waterproof breathable hooded rain jacket with taped seams and pit zips.", "rain|outdoor", 129.0, [("red", "M"), ("blue", "L"), ("black", "XL")], "unisex", "nylon"),
    ("F18", "fashion", "Bamboo Boxer Brief 3-Pack", "Underwear", "Apparel & Accessories > Clothing > Underwear & Socks > Underwear", "Soft bamboo viscose boxer briefs that do not ride up.", "basics|underwear", 36.0, [("black", "M"), ("mixed", "L"), ("black", "XL")], "male", "bamboo viscose"),
    ("F19", "fashion", "Keeper Full Grain Belt", "Accessories > Belts", "Clothing Accessories > Belts", "Full grain leather belt with a brushed nickel buckle, 35 mm wide.", "leather|gift", 49.0, [("brown", "90"), ("black", "100"), ("brown", "110")], "male", "leather"),
    ("F20", "fashion", "Fireside Sherpa Zip Hoodie", "Tops > Sweatshirts", "Clothing > Shirts & Tops", "Zip-up hooded sweatshirt lined with fluffy sherpa fleece.", "loungewear|winter", 75.0, [("oat", "S"), ("charcoal", "M"), ("oat", "L")], "unisex", "cotton, polyester sherpa"),
    ("F21", "fashion", "Drift Canvas Low", "Footwear > Sneakers", "Apparel & Accessories > Shoes", "Vulcanised canvas low-top sneakers with a white rubber toe cap.", "sneakers|casual", 55.0, [("white", "37"), ("black", "39"), ("white", "41"), ("navy", "43")], "unisex", "canvas"),
    ("F22", "fashion", "Snug Merino Beanie", "Accessories > Hats", "Clothing Accessories > Hats", "Ribbed merino wool beanie with a fold-over cuff.", "winter|hats", 25.0, [("mustard", "One size"), ("grey", "One size"), ("black", "One size")], "unisex", "merino wool"),
    ("F23", "fashion", "Cielo Ruffle Bikini", "Swim", "Clothing > Swimwear", "Ruffled triangle bikini top with high-leg bottoms.", "swim|beach", 48.0, [("cobalt", "S"), ("white", "M"), ("cobalt", "L")], "female", "recycled nylon"),
    # tech
    ("T01", "tech", "Pulse Buds X2", "Audio > True Wireless", "Audio Components > Headphones & Headsets > Headphones", "True wireless earbuds with active noise cancelling and 30 hours of battery with the case.", "audio|anc", 129.0, [("black", ""), ("white", "")], "unisex", "plastic"),
    ("T02", "tech", "Orbit 10 Tab", "Computers > Tablets", "Electronics > Computers > Tablet Computers", "10.4-inch Android tablet, 128 GB, with a kids mode and a stylus slot.", "tablets|family", 249.0, [("grey", "128 GB"), ("blue", "128 GB"), ("grey", "256 GB")], "unisex", "aluminium"),
    ("T03", "tech", "Nimbus Mesh AX3000 (3-pack)", "Networking", "Bridges & Routers > Wireless Routers", "Wi-Fi 6 mesh kit of three units that covers a three-bedroom house without dead spots.", "networking|wifi", 219.0, [("white", "3-pack"), ("white", "2-pack")], "unisex", "plastic"),
    ("T04", "tech", "Voltpak 20K", "Power > Portable Batteries", "Electronics Accessories > Power > Batteries", "20,000 mAh portable battery with 65 W USB-C, charges a laptop or a phone four times.", "power|travel", 59.0, [("black", "20000 mAh"), ("sand", "20000 mAh")], "unisex", "aluminium"),
    ("T05", "tech", "Lens One 4K", "Cameras > Action", "Cameras & Optics > Cameras > Video Cameras", "Waterproof 4K action cam with image stabilisation, helmet and handlebar mounts included.", "cameras|outdoor", 199.0, [("black", ""), ("black", "Bundle with 2 batteries")], "unisex", "polycarbonate"),
    ("T06", "tech", "Stride Band 4", "Wearables > Trackers", "Health Care > Biometric Monitors > Activity Monitors", "Slim fitness tracker band with heart rate, sleep and step tracking, 14-day battery.", "wearables|fitness", 49.0, [("black", "S/M"), ("lilac", "S/M"), ("black", "L/XL")], "unisex", "silicone"),
    ("T07", "tech", "Beam Mini 1080", "Video > Projectors", "Electronics > Video > Projectors", "Portable full HD projector for movie nights on a wall or the ceiling, built-in speaker.", "video|home cinema", 179.0, [("white", ""), ("grey", "")], "unisex", "plastic"),
    ("T08", "tech", "Keybridge 8-in-1", "Computer Accessories", "Computer Components > USB & FireWire Hubs", "USB-C hub with HDMI 4K, SD and microSD readers, ethernet, two USB-A and 100 W passthrough.", "laptop|accessories", 45.0, [("space grey", ""), ("silver", "")], "unisex", "aluminium"),
    ("T09", "tech", "Halo 12 Creator Light", "Photo & Video > Lighting", "Cameras & Optics", "12-inch LED ring light on a tripod with a phone holder, for video calls and short videos.", "creators|lighting", 39.0, [("black", "")], "unisex", "plastic, metal"),
    ("T10", "tech", "Cinema Bar 2.1", "Audio > Home Theater", "Audio > Audio Components > Speakers", "Slim soundbar with a wireless subwoofer, HDMI eARC and Bluetooth, for the TV.", "audio|tv", 199.0, [("black", "")], "unisex", "plastic"),
    ("T11", "tech", "Memories 10 Wi-Fi Frame", "Smart Home", "", "10-inch touchscreen digital photo frame; the family sends pictures to it from an app.", "gift|family", 89.0, [("white", ""), ("walnut", "")], "unisex", "wood"),
    ("T12", "tech", "Hearth Voice Speaker", "Smart Home > Speakers", "Audio > Audio Components > Speakers", "Compact smart speaker with a built-in voice assistant to play music and control lights.", "smart home|audio", 49.0, [("charcoal", ""), ("chalk", "")], "unisex", "fabric"),
    ("T13", "tech", "Trace Tag (4-pack)", "Accessories > Trackers", "Electronics > GPS Tracking Devices", "Bluetooth item finders for keys, bags and wallets; ring them or see them on a map in the app.", "accessories|travel", 69.0, [("white", "4-pack"), ("white", "1-pack")], "unisex", "plastic"),
    ("T14", "tech", "Scribe 7 Paperlight", "Computers > E-readers", "Handheld Devices > E-Book Readers", "Glare-free 7-inch e-ink reader with a warm front light, waterproof, 32 GB.", "reading|gift", 139.0, [("black", "32 GB"), ("mint", "32 GB")], "unisex", "plastic"),
    ("T15", "tech", "Clarity 27U", "Monitors", "Electronics > Video > Computer Monitors", "27-inch 4K IPS monitor with USB-C power delivery, for office work and photo editing.", "monitors|office", 329.0, [("black", "27\"")], "unisex", "metal"),
    ("T16", "tech", "Snap Trio Charging Stand", "Power > Wireless Chargers", "Electronics Accessories > Power", "3-in-1 wireless charging stand for a phone, a watch and earbuds at once.", "charging|desk", 59.0, [("white", ""), ("black", "")], "unisex", "aluminium"),
    ("T17", "tech", "Ranger Talk 2 (pair)", "Communication", "Communication Radios > Two-Way Radios", "Pair of rechargeable two-way radios with 8 km range, for hiking, skiing and road trips.", "outdoor|radios", 69.0, [("yellow", "Pair"), ("black", "Pair")], "unisex", "plastic"),
    ("T18", "tech", "Vault Go SSD", "Storage", "Storage Devices > Hard Drives", "Pocket-size external SSD, 1,050 MB/s over USB-C, drop resistant.", "storage|backup", 99.0, [("grey", "1 TB"), ("grey", "2 TB"), ("blue", "1 TB")], "unisex", "aluminium"),
    ("T19", "tech", "Pocket Print Mini", "Printers", "Electronics > Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines", "Pocket photo printer that prints sticky-backed 2x3 inch photos from your phone, no ink.", "photo|gift", 79.0, [("white", ""), ("pink", "")], "unisex", "plastic"),
    ("T20", "tech", "Guardian Video Doorbell", "Smart Home > Security", "Electronics > Electronics Accessories", "Wi-Fi video doorbell with two-way talk and motion alerts on your phone, battery or wired.", "smart home|security", 99.0, [("black", "")], "unisex", "plastic"),
    ("T21", "tech", "Glide Silent Mouse", "Computer Accessories", "Input Devices > Mice & Trackballs", "Quiet-click wireless mouse for laptops, Bluetooth and USB receiver.", "office|laptop", 25.0, [("graphite", ""), ("rose", ""), ("white", "")], "unisex", "plastic"),
    # home
    ("H01", "home", "Tovi Stonewashed Linen Duvet Set", "Bedroom > Bed Linen", "Linens & Bedding > Bedding > Duvet Covers", "Stonewashed linen duvet cover with two pillowcases, soft and breathable.", "bedding|linen", 149.0, [("natural", "Double"), ("sage", "Queen"), ("natural", "King")], "unisex", "linen"),
    ("H02", "home", "Stillwater Thermal Blackout Panels", "Living > Window", "Decor > Window Treatments > Curtains & Drapes", "Pair of thermal blackout curtains with eyelets that block light and keep rooms warm.", "bedroom|window", 65.0, [("grey", "140 x 230 cm"), ("navy", "140 x 260 cm")], "unisex", "polyester"),
    ("H03", "home", "Fjell Counter Stool (set of 2)", "Furniture > Seating", "Furniture > Chairs > Table & Bar Stools", "Oak counter height stools with a footrest, for a kitchen island.", "furniture|kitchen", 189.0, [("oak", "65 cm"), ("black oak", "65 cm"), ("oak", "75 cm")], "unisex", "oak"),
    ("H04", "home", "Nonna Stovetop Moka 6", "Kitchen > Coffee", "Coffee Makers & Espresso Machines > Electric & Stovetop Espresso Pots", "Classic aluminium stovetop espresso pot for six small cups.", "coffee|kitchen", 35.0, [("silver", "6 cups"), ("red", "6 cups"), ("silver", "3 cups")], "unisex", "aluminium"),
    ("H05", "home", "Crisp 5L Hot Air Cooker", "Kitchen > Appliances", "Kitchen & Dining > Kitchen Appliances > Deep Fryers", "5-litre air fryer that crisps fries and chicken with little or no oil, dishwasher-safe basket.", "kitchen|appliances", 99.0, [("black", "5 L"), ("white", "5 L")], "unisex", "plastic, steel"),
    ("H06", "home", "Hob & Hearth Enamel Cocotte", "Kitchen > Cookware", "Cookware > Dutch Ovens", "Enamelled cast iron round casserole with a lid, 5.5 quarts, for stews and bread.", "cookware|gift", 119.0, [("cherry", "24 cm"), ("sea blue", "24 cm"), ("cream", "28 cm")], "unisex", "cast iron"),
    ("H07", "home", "Oslo Entryway Bench", "Furniture > Hallway", "Clothing & Closet Storage > Shoe Racks & Organizers", "Bamboo bench with two shelves for shoes underneath, for the hallway.", "storage|hallway", 79.0, [("natural", "80 cm"), ("white", "80 cm")], "unisex", "bamboo"),
    ("H08", "home", "Wabi Stoneware Bud Vase", "Decor", "Home & Garden > Decor > Vases", "Hand-glazed speckled stoneware vase for dried flowers or a few stems.", "decor|handmade", 28.0, [("speckled white", "18 cm"), ("moss", "18 cm"), ("speckled white", "25 cm")], "unisex", "stoneware"),
    ("H09", "home", "DreamDip Contour Pillow", "Bedroom > Pillows", "Linens & Bedding > Bedding > Pillows", "Memory foam cervical pillow with a contoured shape that supports the neck for side and back sleepers.", "sleep|wellness", 59.0, [("white", "Standard"), ("white", "Low")], "unisex", "memory foam"),
    ("H10", "home", "Cyclone Go Cordless Stick", "Cleaning", "Home & Garden > Household Appliances > Vacuums", "Cordless stick vacuum cleaner that turns into a handheld, 45-minute battery, for pet hair and stairs.", "cleaning|appliances", 229.0, [("grey", ""), ("purple", "")], "unisex", "plastic"),
    ("H11", "home", "Terra Self-Watering Planter", "Garden > Pots", "Lawn & Garden > Gardening > Pots & Planters", "Self-watering plant pot with a water level indicator, indoors or on the balcony.", "garden|plants", 32.0, [("terracotta", "20 cm"), ("white", "25 cm"), ("terracotta", "30 cm")], "unisex", "recycled plastic"),
    ("H12", "home", "Lumen Arc Floor Light", "Lighting > Floor", "Home & Garden > Lighting > Lamps", "Arched floor lamp with a marble base and a dome shade that reaches over the sofa.", "lighting|living room", 159.0, [("brass", ""), ("black", "")], "unisex", "metal, marble"),
    ("H13", "home", "Cabana Waffle Towel Set (4)", "Bathroom > Towels", "Linens & Bedding > Towels > Bath Towels & Washcloths", "Two bath towels and two hand towels in quick-drying cotton waffle weave.", "bathroom|cotton", 55.0, [("white", "Set of 4"), ("clay", "Set of 4"), ("sage", "Set of 4")], "unisex", "cotton"),
    ("H14", "home", "Pour Steady Gooseneck Kettle", "Kitchen > Coffee", "Kitchen & Dining > Kitchen Appliances > Electric Kettles", "Electric gooseneck kettle with temperature control, for pour-over coffee and tea.", "coffee|tea", 79.0, [("matte black", "0.9 L"), ("white", "0.9 L")], "unisex", "stainless steel"),
    ("H15", "home", "Sabre 6-Piece Block Set", "Kitchen > Knives", "Kitchen Tools & Utensils > Kitchen Knives", "Six German steel kitchen knives with a walnut block: chef, bread, santoku, utility, paring and shears.", "kitchen|knives", 149.0, [("walnut", "6 pieces")], "unisex", "steel, walnut"),
    ("H16", "home", "Woven Seagrass Hamper", "Laundry", "Laundry Supplies > Laundry Baskets", "Tall woven seagrass laundry basket with a lid and a removable cotton liner.", "laundry|storage", 49.0, [("natural", "60 L")], "unisex", "seagrass"),
    ("H17", "home", "Calm Weight Blanket 7 kg", "Bedroom > Throws", "Linens & Bedding > Bedding > Blankets", "Weighted blanket filled with glass beads, 7 kg, for deeper sleep, with a washable cover.", "sleep|wellness", 119.0, [("grey", "7 kg"), ("blue", "9 kg")], "unisex", "cotton, glass beads"),
    ("H18", "home", "Station Silent Wall Clock", "Decor > Clocks", "Home & Garden > Decor > Clocks", "30 cm railway-style wall clock with a silent sweep movement.", "decor|clocks", 39.0, [("black", "30 cm"), ("white", "30 cm")], "unisex", "metal, glass"),
    ("H19", "home", "Fold-Flat Clothes Airer", "Laundry", "Laundry Supplies > Drying Racks & Hangers", "Three-tier foldable drying rack for laundry, 18 m of hanging space, indoors or outside.", "laundry|storage", 45.0, [("white", "3 tiers")], "unisex", "steel"),
    ("H20", "home", "Flexi 30 Expandable Hose", "Garden > Watering", "Lawn & Garden > Watering & Irrigation > Garden Hoses", "Expandable garden hose that stretches to 30 m, with a 10-pattern spray nozzle.", "garden|outdoor", 42.0, [("green", "30 m"), ("blue", "15 m")], "unisex", "latex, polyester"),
    ("H21", "home", "Glow Soy Candle Trio", "Decor > Candles", "Decor > Home Fragrances > Candles", "Three soy wax candles in amber jars: fig, sea salt and cedar, 40 hours each.", "decor|gift", 36.0, ["Trio"], "unisex", "soy wax"),
    ("H22", "home", "Nest Acacia Serving Board", "Kitchen > Serveware", "Home & Garden > Kitchen & Dining", "Large acacia wood board for cheese, charcuterie and bread, with a handle.", "kitchen|entertaining", 34.0, [("acacia", "45 cm"), ("acacia", "60 cm")], "unisex", "acacia"),
    ("H23", "home", "Loft Bookcase 5 Tier", "Furniture > Shelving", "Furniture", "Five-shelf ladder bookshelf in wood and black metal.", "furniture|storage", 129.0, [("oak / black", "180 cm"), ("walnut / black", "180 cm")], "unisex", "wood, steel"),
    # beauty
    ("B01", "beauty", "Dewdrop HA Serum", "Skincare > Serums", "Cosmetics > Skin Care", "Hyaluronic acid serum that plumps and hydrates dehydrated skin, fragrance free.", "skincare|hydration", 32.0, ["30 ml", "50 ml"], "unisex", ""),
    ("B02", "beauty", "Skin Shield Invisible Fluid SPF 50+", "Skincare > Sun", "Cosmetics > Skin Care > Sunscreen", "Invisible daily sun protection fluid, no white cast, for face, oily skin friendly.", "sun|daily", 24.0, ["50 ml"], "unisex", ""),
    ("B03", "beauty", "Velvet Stay Liquid Lip", "Makeup > Lips", "Makeup > Lip Makeup > Lipstick", "Long-wear matte liquid lipstick that does not transfer onto masks or cups.", "makeup|lips", 19.0, ["Brick Red", "Nude Rose", "Berry", "Classic Red"], "female", ""),
    ("B04", "beauty", "Lash Lift Volume Mascara", "Makeup > Eyes", "Makeup > Eye Makeup > Mascara", "Lengthening and volumising mascara, smudge-proof, with a curved brush.", "makeup|eyes", 22.0, ["Black", "Brown Black", "Waterproof Black"], "female", ""),
    ("B05", "beauty", "Argan Rescue Masque", "Hair > Treatments", "Health & Beauty > Personal Care > Hair Care", "Deep repair hair mask with argan oil for dry, damaged and bleached hair.", "hair|repair", 26.0, ["250 ml", "500 ml"], "unisex", ""),
    ("B06", "beauty", "Coil Code Defining Cream", "Hair > Styling", "Hair Care > Hair Styling Products", "Curl defining cream for curly and coily hair, frizz control without crunch.", "hair|curls", 21.0, ["300 ml"], "unisex", ""),
    ("B07", "beauty", "Pore Clear Kaolin Mask", "Skincare > Masks", "Cosmetics > Skin Care", "Kaolin clay face mask that clears pores and blackheads in ten minutes.", "skincare|mask", 18.0, ["75 ml"], "unisex", ""),
    ("B08", "beauty", "Bare Skin Tint SPF 30", "Makeup > Face", "Makeup > Face Makeup > Foundations & Concealers", "Light-coverage tinted moisturiser with SPF 30 and a dewy finish.", "makeup|face", 29.0, ["Fair", "Light", "Medium", "Tan", "Deep"], "female", ""),
    ("B09", "beauty", "Gentle Micellar Cleansing Water", "Skincare > Cleansers", "Cosmetics > Skin Care > Makeup Removers", "Micellar water that removes makeup and cleanses sensitive skin without rinsing.", "skincare|cleanse", 12.0, ["400 ml", "100 ml travel"], "unisex", ""),
    ("B10", "beauty", "Noir Fig Eau de Parfum", "Fragrance", "Personal Care > Cosmetics > Perfume & Cologne", "Warm woody fragrance with fig, cedar and vanilla notes.", "fragrance|gift", 85.0, ["50 ml", "100 ml"], "unisex", ""),
    ("B11", "beauty", "Timber Beard Oil", "Men > Grooming", "Health & Beauty > Personal Care", "Softening beard oil with jojoba and cedarwood that stops beard itch.", "grooming|men", 16.0, ["30 ml"], "male", ""),
    ("B12", "beauty", "Gloss Gel-Effect Nail Colour", "Nails", "Nail Care > Nail Polishes", "Gel-look nail polish with a high-shine finish, no lamp needed, ten days of wear.", "nails|colour", 9.0, ["Cherry", "Ballet Pink", "Nude", "Midnight"], "female", ""),
    ("B13", "beauty", "Refresh Invisible Dry Shampoo", "Hair > Shampoo", "Hair Care", "Dry shampoo spray that soaks up oil at the roots between washes, no white residue.", "hair|travel", 11.0, ["200 ml"], "unisex", ""),
    ("B14", "beauty", "Sunset Nudes Palette", "Makeup > Eyes", "Makeup > Eye Makeup > Eye Shadow", "Twelve warm eyeshadows, matte and shimmer, from nude to burnt orange.", "makeup|eyes", 34.0, ["12 pans"], "female", ""),
    ("B15", "beauty", "Silk Press Ceramic Styler", "Hair > Tools", "Hair Care > Hair Styling Tools > Hair Straighteners", "Ceramic flat iron with adjustable heat up to 230 °C for sleek straight hair.", "hair|tools", 59.0, [("black", "25 mm"), ("rose", "25 mm")], "female", "ceramic"),
    ("B16", "beauty", "Fresh Mineral Deo Stick", "Body", "Deodorant & Anti-Perspirant > Deodorant", "Aluminium-free deodorant stick with 48-hour odour protection.", "body|natural", 10.0, ["Cedar", "Unscented", "Citrus"], "unisex", ""),
    ("B17", "beauty", "Bright Eyes Caffeine Roll-On", "Skincare > Eyes", "Cosmetics > Skin Care", "Caffeine eye serum with a cooling roll-on tip for puffiness and dark circles.", "skincare|eyes", 17.0, ["15 ml"], "unisex", ""),
    ("B18", "beauty", "Salon Ionic Dryer", "Hair > Tools", "Hair Care > Hair Styling Tools", "Ionic hair dryer with a concentrator and a diffuser for curls, 2000 W.", "hair|tools", 69.0, [("black", ""), ("lilac", "")], "female", "plastic"),
    # gaming
    ("G01", "gaming", "Starfall Odyssey", "Games > PS5", "Software > Video Game Software", "Open-world space exploration RPG: build a crew, trade between planets and fight pirates.", "games|rpg", 69.0, ["PS5", "Xbox Series X"], "unisex", ""),
    ("G02", "gaming", "Kart Kingdom Rally", "Games > Switch", "Video Game Software", "Kart racing party game for up to four players on one screen, for all ages.", "games|family", 59.0, ["Switch"], "unisex", ""),
    ("G03", "gaming", "Tactix TKL Pro", "PC > Keyboards", "Input Devices > Keyboards", "Tenkeyless mechanical gaming keyboard with hot-swappable linear switches and RGB.", "pc|keyboards", 119.0, [("black", "US"), ("white", "US"), ("black", "ABNT2")], "unisex", "aluminium"),
    ("G04", "gaming", "Aim Pro Ultralight", "PC > Mice", "Input Devices > Mice & Trackballs", "59 g wireless gaming mouse with a 26K sensor, for FPS.", "pc|mice", 89.0, [("black", ""), ("white", "")], "unisex", "plastic"),
    ("G05", "gaming", "Throne Ergo Racer", "Furniture", "Furniture > Chairs > Gaming Chairs", "Reclining gaming chair with lumbar and neck pillows and 4D armrests.", "chairs|setup", 279.0, [("black / red", ""), ("black / white", "")], "unisex", "PU leather"),
    ("G06", "gaming", "Boom 7.1 Headset", "Audio", "Audio Components > Headphones & Headsets > Headsets", "Gaming headset with 7.1 surround, a detachable noise-cancelling mic and memory-foam cups.", "audio|pc", 79.0, [("black", ""), ("white", "")], "unisex", "plastic"),
    ("G07", "gaming", "Twin Charge Station", "Console Accessories", "Electronics > Video Game Console Accessories > Home Game Console Accessories", "Charging dock for two controllers with LED indicators, fully charged in two hours.", "accessories|charging", 29.0, ["PS5", "Xbox"], "unisex", "plastic"),
    ("G08", "gaming", "Nova X Console 2TB", "Consoles", "Electronics > Video Game Consoles", "Next-gen console with a 2 TB drive, 4K 120 fps and a disc drive.", "consoles|4k", 599.0, [("black", "2 TB")], "unisex", "plastic"),
    ("G09", "gaming", "PlayVault Wallet Code", "Gift Cards", "Gift Giving > Gift Cards & Certificates", "Digital code that adds credit to a PlayVault account for games and add-ons.", "gift cards|digital", 50.0, ["$25", "$50", "$100"], "unisex", ""),
    ("G10", "gaming", "Arena XXL Desk Mat", "PC > Mouse Pads", "Electronics Accessories > Computer Accessories > Mouse Pads", "900 x 400 mm cloth mouse pad that covers the whole desk, stitched edges.", "pc|setup", 25.0, [("black", "900 x 400"), ("galaxy", "900 x 400")], "unisex", "cloth, rubber"),
    ("G11", "gaming", "Apex Force Wheel & Pedals", "Sim Racing", "Game Controllers > Game Racing Wheels", "Force feedback racing wheel with a three-pedal set, for PC and consoles.", "racing|sim", 299.0, [("black", "")], "unisex", "metal, plastic"),
    ("G12", "gaming", "Horizon VR 256", "VR", "Electronics > Video Game Consoles", "Standalone virtual reality headset, 256 GB, with two touch controllers.", "vr|consoles", 499.0, [("white", "256 GB")], "unisex", "plastic"),
    ("G13", "gaming", "Pocket Deck", "Consoles > Handheld", "Electronics > Video Game Consoles", "Handheld gaming PC with a 7-inch screen that plays your PC library anywhere.", "handheld|pc", 449.0, [("black", "512 GB"), ("white", "1 TB")], "unisex", "plastic"),
    ("G14", "gaming", "Dungeon Tiles Deluxe", "Board Games", "Toys & Games > Games > Board Games", "Cooperative dungeon-crawl board game for 1-4 players with miniatures, ages 12+.", "tabletop|family", 79.0, ["Base game", "Base + expansion"], "unisex", ""),
    # auto (the sixth brand)
    ("A01", "auto", "RoadEye Duo", "Car Electronics > Cameras", "Motor Vehicle Electronics", "Front and rear dash cam with night vision, loop recording and a parking mode.", "car|safety", 129.0, [("black", "64 GB card"), ("black", "no card")], "unisex", "plastic"),
    ("A02", "auto", "GripMount Mag Vent", "Interior > Mounts", "Vehicle Maintenance, Care & Decor > Vehicle Decor > Vehicle Dashboard Accessories", "Magnetic phone holder that clips to the car's air vent, one-hand on and off.", "car|phone", 19.0, [("black", ""), ("silver", "")], "unisex", "aluminium"),
    ("A03", "auto", "JumpBox 1500", "Emergency", "Vehicles & Parts > Vehicle Parts & Accessories > Vehicle Safety & Security", "1500 A lithium jump starter that starts a dead car battery without another car, doubles as a power bank.", "car|emergency", 89.0, [("yellow", "1500 A"), ("yellow", "2500 A")], "unisex", "plastic"),
    ("A04", "auto", "AirUp Digital Inflator", "Tyres", "Vehicle Parts & Accessories > Vehicle Maintenance, Care & Decor", "Cordless tyre inflator with a digital gauge that stops at the set pressure, for car and bike tyres.", "car|tyres", 59.0, [("black", "")], "unisex", "plastic"),
    ("A05", "auto", "AllWeather Fit Mats (4)", "Interior > Floor", "Vehicle Parts & Accessories > Vehicle Maintenance, Care & Decor", "Heavy-duty rubber floor mats, cut to fit, that hold mud, snow and spilled coffee.", "car|interior", 69.0, [("black", "Sedan"), ("black", "SUV"), ("grey", "SUV")], "unisex", "rubber"),
    ("A06", "auto", "Clearview Beam Blade Pair", "Exterior > Wipers", "Vehicles & Parts > Vehicle Parts & Accessories > Motor Vehicle Parts", "Beam windshield wiper blades, streak free, quiet in winter, with adapters for most cars.", "car|rain", 29.0, ["24\" + 18\"", "26\" + 16\"", "22\" + 20\""], "unisex", "rubber"),
    ("A07", "auto", "Showroom Ceramic Spray Wax", "Car Care", "Vehicle Parts & Accessories > Vehicle Maintenance, Care & Decor", "Spray-on ceramic coating wax for a deep shine that beads water for months.", "car care|shine", 24.0, ["500 ml"], "unisex", ""),
    ("A08", "auto", "FreshCabin Vent Clips (4)", "Car Care", "Vehicle Maintenance, Care & Decor > Vehicle Decor", "Vent clip car air fresheners, four clips that last 30 days each.", "car|scent", 12.0, ["New Car", "Ocean", "Vanilla"], "unisex", ""),
    ("A09", "auto", "Comfort Drive Seat Cover Set", "Interior > Seats", "Vehicle Parts & Accessories > Vehicle Maintenance, Care & Decor", "Full set of breathable seat covers for front and rear seats, airbag compatible.", "car|interior", 79.0, [("black / grey", "5 seats"), ("beige", "5 seats")], "unisex", "polyester"),
    ("A10", "auto", "CargoPro Boot Organiser", "Storage", "Vehicles & Parts > Vehicle Parts & Accessories > Vehicle Storage & Cargo", "Collapsible trunk organizer with three compartments and a cooler pocket for groceries.", "car|storage", 35.0, [("black", "Large")], "unisex", "oxford fabric"),
    ("A11", "auto", "Cyclone 12V Car Vac", "Car Care > Cleaning", "Vehicle Parts & Accessories > Vehicle Maintenance, Care & Decor", "Handheld vacuum that plugs into the cigarette lighter socket, with a crevice tool for seats.", "car|cleaning", 39.0, [("black", "5 m cord")], "unisex", "plastic"),
    ("A12", "auto", "ShadeFold Windshield Cover", "Interior > Sun", "Vehicle Parts & Accessories > Vehicle Maintenance, Care & Decor", "Foldable windshield sun shade that keeps the car and the steering wheel cool in summer.", "car|summer", 22.0, ["Standard", "Large SUV"], "unisex", "reflective fabric"),
    ("A13", "auto", "CodeReader BT OBD2", "Car Electronics > Diagnostics", "Vehicles & Parts > Vehicle Parts & Accessories > Motor Vehicle Electronics", "Bluetooth OBD2 scanner: read and clear check engine light codes from your phone.", "car|diagnostics", 34.0, [("black", "")], "unisex", "plastic"),
    ("A14", "auto", "Trailway 2 Hitch Rack", "Exterior > Carriers", "Vehicles & Parts > Vehicle Parts & Accessories > Vehicle Storage & Cargo", "Tow hitch bike rack that carries two bikes, tilts down to open the boot.", "car|bikes", 249.0, [("black", "2 bikes"), ("black", "3 bikes")], "unisex", "steel"),
    ("A15", "auto", "Beacon LED Headlight Bulbs (pair)", "Lighting", "Vehicles & Parts > Vehicle Parts & Accessories > Motor Vehicle Parts", "Plug-and-play LED headlight bulbs, 6000 K white, brighter than halogen.", "car|lighting", 49.0, ["H4", "H7", "H11"], "unisex", ""),
    ("A16", "auto", "ChildSafe Back Seat Mirror", "Interior > Baby", "Vehicles & Parts > Vehicle Parts & Accessories > Vehicle Safety & Security", "Shatterproof back seat mirror to see a rear-facing baby seat from the driver's seat.", "car|baby", 19.0, [("black", "")], "unisex", "acrylic"),
]


class Catalog6(Style):
    avail = AVAIL
    sale_factor = 0.85
    sale_every = 7

    def google(self, ids, ending, i):
        """The Google category as the feed sends it: a numeric id on every
        third model, empty on every eleventh, the full path otherwise."""
        if not ending or i % 11 == 10:
            return ""
        path, gid = google_category(ids, ending)
        return gid if i % 3 == 0 else path

    def product_type(self, ptype, i, key):
        """Fine on most models, the department only on every fourth, empty on
        every seventh."""
        if i % 7 == 6:
            return ""
        if i % 4 == 3:
            return ptype.split(" > ")[0]
        return ptype

    def stock(self, n):
        return 2 + (n * 13) % 60

    def link(self, pid):
        return f"https://tienda.example.io/p/{pid}"

    def image(self, pid):
        return f"https://media.example.io/{pid}.jpg"


if __name__ == "__main__":
    write("catalog6.csv", rows(CATALOG6, "C6", Catalog6()))
