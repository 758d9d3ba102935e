#!/usr/bin/env python3
"""Writes catalog5.csv (Meta feed format, like catalog/products.csv) next to
this file: the fifth evaluation catalog of issue 15, held out from tuning.

300 rows of the five demo brands, written in issue 15's third session before
the router or the search ran on it. Products, names and wording differ from
catalogs 1-4, and so does the feed's style: `product_type` is a coarse
department path (empty on some rows), and `google_product_category` is the
numeric Google taxonomy id, as many real feeds send it (resolved here from
lang/data/google-taxonomy-with-ids.en-US.txt by the category's path ending).

    python3 catalog/eval/catalog5.py
"""

from feedgen import Style, rows, write

# (model key, brand, title, product_type, google category path ending,
#  description, tags, price, variants, gender, material);
# a variant is (color, size) or a suffix string.
CATALOG5 = [
    # fashion
    ("F01", "fashion", "Hampstead Wool Overcoat", "Men > Outerwear", "Outerwear > Coats & Jackets", "Single-breasted overcoat in a heavy wool blend, knee length with a notch lapel, for cold city commutes.", "winter|tailoring", 229.0, [("camel", "M"), ("charcoal", "L"), ("navy", "XL")], "male", "wool blend"),
    ("F02", "fashion", "Match Point Pleated Tennis Skirt", "Women > Bottoms", "Clothing > Skirts > Mini Skirts", "Pleated mini skirt with built-in shorts, sporty and preppy.", "sport|preppy", 39.0, [("white", "XS"), ("white", "S"), ("navy", "M")], "female", "polyester"),
    ("F03", "fashion", "Dolly Mary Jane Shoes", "Women > Footwear", "Shoes", "Patent leather Mary Janes with a round toe, buckled strap and low block heel.", "shoes|retro", 85.0, [("black", "36"), ("black", "38"), ("burgundy", "37")], "female", "patent leather"),
    ("F04", "fashion", "Quilted Chain Shoulder Bag", "Women > Bags", "Handbags, Wallets & Cases > Handbags", "Diamond-quilted faux leather bag with a gold chain strap and turn-lock flap.", "bags|evening", 69.0, [("black", "One size"), ("cream", "One size"), ("tan", "One size")], "female", "faux leather"),
    ("F05", "fashion", "Moonlit Silk Slip Dress", "Women > Dresses", "Clothing > Dresses", "Bias-cut slip dress in washable silk with thin adjustable straps, midi length.", "occasion|silk", 149.0, [("champagne", "S"), ("black", "M"), ("emerald", "L")], "female", "silk"),
    ("F06", "fashion", "Lumber Corduroy Overshirt", "Men > Tops", "Clothing > Shirts & Tops", "Chunky corduroy shirt jacket with chest pockets, worn open over a tee.", "layering|autumn", 65.0, [("rust", "M"), ("olive", "L"), ("navy", "XL")], "male", "cotton corduroy"),
    ("F07", "fashion", "Backstage Oversized Graphic Tee", "Unisex > Tops", "Clothing > Shirts & Tops", "Boxy heavyweight T-shirt with a faded vintage band-style print.", "streetwear|graphic", 29.0, [("washed black", "S"), ("washed black", "L"), ("off white", "M")], "unisex", "cotton"),
    ("F08", "fashion", "Riviera Wide-Leg Palazzo Trousers", "Women > Bottoms", "Clothing > Pants", "Flowing high-rise palazzo pants with an elastic back waist.", "summer|flowy", 55.0, [("terracotta", "S"), ("black", "M")], "female", "viscose"),
    ("F09", "fashion", "Arctic Merino Base Layer Top", "Unisex > Activewear", "Underwear & Socks > Long Johns", "Thermal long-sleeve merino base layer for skiing and winter hikes.", "thermal|ski", 75.0, [("black", "M"), ("black", "L"), ("slate", "S")], "unisex", "merino wool"),
    ("F10", "fashion", "Aran Cable Knit Turtleneck", "Women > Knitwear", "Clothing > Shirts & Tops", "Chunky cable-knit roll-neck jumper in soft wool, cosy and oversized.", "knitwear|winter", 89.0, [("ivory", "S"), ("oatmeal", "M"), ("forest", "L")], "female", "wool"),
    ("F11", "fashion", "Rebel Leather Biker Jacket", "Women > Outerwear", "Outerwear > Coats & Jackets", "Genuine leather moto jacket with an asymmetric zip and silver hardware.", "leather|rock", 249.0, [("black", "S"), ("black", "M"), ("cognac", "L")], "female", "leather"),
    ("F12", "fashion", "Frayed Denim Cutoff Shorts", "Women > Bottoms", "Clothing > Shorts", "High-rise denim shorts with raw frayed hems.", "summer|denim", 35.0, [("light wash", "26"), ("light wash", "28"), ("black", "27")], "female", "denim"),
    ("F13", "fashion", "Puddle Rubber Rain Boots", "Unisex > Footwear", "Shoes", "Tall natural rubber wellies with a grippy sole for muddy walks and festivals.", "rain|boots", 59.0, [("dark green", "38"), ("yellow", "40"), ("black", "42")], "unisex", "rubber"),
    ("F14", "fashion", "Boardwalk Flip-Flops", "Unisex > Footwear", "Shoes", "Soft EVA flip flops with a textured footbed for the beach and the pool.", "beach|summer", 15.0, [("navy", "39"), ("coral", "37"), ("black", "43")], "unisex", "EVA"),
    ("F15", "fashion", "Dugout Baseball Cap", "Accessories", "Clothing Accessories > Hats", "Six-panel cotton twill cap with a curved brim and adjustable strap.", "caps|casual", 24.0, [("navy", "One size"), ("stone", "One size"), ("black", "One size")], "unisex", "cotton"),
    ("F16", "fashion", "Touch Leather Gloves", "Accessories", "Clothing Accessories > Gloves & Mittens", "Lined lambskin gloves with touchscreen fingertips.", "winter|gloves", 45.0, [("black", "M"), ("brown", "L"), ("grey", "S")], "unisex", "lambskin"),
    ("F17", "fashion", "Solitaire Sterling Pendant Necklace", "Accessories > Jewellery", "Jewelry > Necklaces", "925 sterling silver chain with a small cubic zirconia solitaire pendant.", "jewellery|gift", 49.0, [("silver", "45 cm")], "female", "sterling silver"),
    ("F18", "fashion", "Cove Scoop-Back Swimsuit", "Women > Swim", "Clothing > Swimwear", "One-piece swimsuit with a low scoop back and tummy-control lining.", "swim|beach", 58.0, [("black", "S"), ("cobalt", "M"), ("leopard", "L")], "female", "recycled nylon"),
    ("F19", "fashion", "Slimline RFID Leather Wallet", "Accessories", "Handbags, Wallets & Cases > Wallets & Money Clips", "Bifold leather wallet with RFID blocking, six card slots and a coin pouch.", "wallets|gift", 39.0, [("black", "One size"), ("tan", "One size"), ("brown", "One size")], "male", "leather"),
    ("F20", "fashion", "Sakura Satin Kimono Robe", "Women > Loungewear", "Sleepwear & Loungewear > Robes", "Lightweight printed satin dressing gown with a tie belt.", "loungewear|gift", 45.0, [("blush floral", "S/M"), ("navy floral", "L/XL")], "female", "satin"),
    ("F21", "fashion", "Velo Padded Cycling Shorts", "Unisex > Activewear", "Activewear > Bicycle Activewear > Bicycle Shorts & Briefs", "Bike shorts with a gel chamois pad and silicone leg grippers.", "cycling|sport", 49.0, [("black", "M"), ("black", "L"), ("navy", "S")], "unisex", "nylon elastane"),
    ("F22", "fashion", "Snowy Kids Ski Suit", "Kids > Outerwear", "Outerwear > Snow Pants & Suits", "Insulated waterproof one-piece snowsuit for children with reflective trims.", "kids|ski", 95.0, [("red", "4Y"), ("blue", "6Y"), ("pink", "8Y")], "unisex", "polyester"),
    ("F23", "fashion", "Bump Over-the-Belly Maternity Jeans", "Women > Maternity", "Clothing > Pants", "Stretch skinny jeans with a soft over-bump jersey panel for pregnancy.", "maternity|denim", 62.0, [("mid blue", "M"), ("mid blue", "L")], "female", "denim"),
    ("F24", "fashion", "Savile Slim Two-Piece Suit", "Men > Tailoring", "Clothing > Suits", "Slim-fit suit jacket and trousers in a light stretch wool, for weddings and interviews.", "tailoring|wedding", 299.0, [("navy", "48"), ("charcoal", "50"), ("navy", "52")], "male", "wool"),
    ("F25", "fashion", "Nomad Waxed Canvas Rucksack", "Accessories > Bags", "Luggage & Bags > Backpacks", "Roll-top waxed canvas backpack with leather straps for everyday carry.", "bags|travel", 99.0, [("olive", "20 L"), ("navy", "20 L"), ("black", "28 L")], "unisex", "waxed canvas"),
    ("F26", "fashion", "Weekend Slouchy Sweatpants", "Unisex > Loungewear", "Clothing > Pants", "Brushed-back jogger sweatpants with cuffed ankles and deep pockets.", "loungewear|basics", 45.0, [("heather grey", "S"), ("heather grey", "M"), ("black", "L"), ("navy", "XL")], "unisex", "cotton fleece"),
    ("F27", "fashion", "Chelsea Girl Knee-High Boots", "Women > Footwear", "Shoes", "Stretch faux-suede knee boots with a slim block heel.", "boots|autumn", 119.0, [("black", "37"), ("chocolate", "38"), ("black", "39")], "female", "faux suede"),
    ("F28", "fashion", "Tropic Hawaiian Shirt", "Men > Tops", "Clothing > Shirts & Tops", "Short-sleeve camp-collar shirt with a bold palm print for holidays.", "summer|print", 42.0, [("palm green", "M"), ("sunset orange", "L"), ("palm green", "XL")], "male", "rayon"),
    ("F29", "fashion", "Classic Chronograph Watch", "Accessories > Watches", "Jewelry > Watches", "Stainless steel chronograph wristwatch with a leather strap, water resistant 50 m.", "watches|gift", 159.0, [("brown strap", "42 mm"), ("black strap", "42 mm")], "male", "stainless steel"),
    ("F30", "fashion", "Silky Claw Clips (4)", "Accessories > Hair", "Hair Pins, Claws & Clips > Hair Claws & Clips", "Four matte hair claw clips in neutral tones for thick hair.", "hair|accessories", 14.0, ["Neutrals", "Tortoiseshell"], "female", "acetate"),
    ("F31", "fashion", "Kids Dino Pyjamas", "Kids > Nightwear", "Sleepwear & Loungewear > Pajamas", "Glow-in-the-dark dinosaur pyjama set for children.", "kids|sleep", 22.0, [("green", "3-4Y"), ("green", "5-6Y"), ("blue", "7-8Y")], "unisex", "cotton"),
    # tech
    ("T01", "tech", "AirBone Open-Ear Sport Headphones", "Audio", "Headphones & Headsets > Headphones", "Bone conduction headphones that leave your ears open for running and cycling, IP67 sweatproof.", "audio|running", 119.0, [("black", ""), ("blue", ""), ("grey", "")], "unisex", "titanium"),
    ("T02", "tech", "Halo Smart Ring", "Wearables", "Electronics > Communications", "Titanium smart ring that tracks sleep, heart rate and readiness, seven days of battery.", "wearable|sleep", 299.0, [("silver", "8"), ("black", "10"), ("gold", "9")], "unisex", "titanium"),
    ("T03", "tech", "StreamStick 4K", "TV & Video", "Video Players & Recorders > Streaming & Home Media Players", "4K HDR streaming stick that plugs into the TV's HDMI port, with a voice remote.", "tv|streaming", 49.0, ["Standard"], "unisex", ""),
    ("T04", "tech", "Sentinel Solar Outdoor Security Camera", "Smart Home", "Cameras > Surveillance Cameras", "Wire-free 2K outdoor camera with a solar panel, colour night vision and person detection.", "security|outdoor", 139.0, ["1-pack", "2-pack", "3-pack"], "unisex", ""),
    ("T05", "tech", "Nest-Style Smart Thermostat", "Smart Home", "HVAC Controls > Thermostats", "Learning Wi-Fi thermostat that schedules your heating and cuts energy bills.", "smart home|energy", 179.0, ["White"], "unisex", ""),
    ("T06", "tech", "Chroma Smart LED Bulbs (4-pack)", "Smart Home", "Lighting > Light Bulbs", "E27 colour-changing Wi-Fi bulbs, dimmable, controlled by app or voice.", "smart home|lighting", 39.0, ["E27 4-pack", "E14 4-pack"], "unisex", ""),
    ("T07", "tech", "Voyager 15.6 Portable Monitor", "Computing", "Video > Computer Monitors", "Slim 15.6-inch 1080p second screen for laptops, powered by a single USB-C cable.", "monitor|travel", 159.0, ["1080p", "4K"], "unisex", ""),
    ("T08", "tech", "Tagline Thermal Label Printer", "Office Electronics", "Electronics > Print, Copy, Scan & Fax", "Bluetooth thermal label maker for shipping labels, jars and files, no ink needed.", "office|labels", 69.0, ["Grey"], "unisex", ""),
    ("T09", "tech", "Buddy GPS Kids Smartwatch", "Wearables", "Electronics > Communications", "Kids' watch phone with GPS location, SOS button, video calls and school mode.", "kids|wearable", 89.0, [("blue", ""), ("pink", ""), ("black", "")], "unisex", ""),
    ("T10", "tech", "Ranger Two-Way Radios (pair)", "Communication", "Communication Radios > Two-Way Radios", "Long-range walkie-talkies with 16 channels and a flashlight, rechargeable.", "outdoor|radio", 45.0, ["Pair"], "unisex", ""),
    ("T11", "tech", "Memento Wi-Fi Digital Photo Frame", "Smart Home", "Electronics > Video", "10-inch touchscreen frame that shows photos the family sends from their phones.", "gift|photos", 99.0, [("white", ""), ("walnut", "")], "unisex", ""),
    ("T12", "tech", "Groove Bluetooth Turntable", "Audio", "Audio Players & Recorders > Turntables & Record Players", "Belt-drive record player with built-in speakers, Bluetooth out and a dust cover.", "audio|vinyl", 129.0, [("walnut", ""), ("black", ""), ("white", "")], "unisex", "wood"),
    ("T13", "tech", "AquaJet Cordless Water Flosser", "Personal Care Electronics", "Personal Care > Oral Care", "Rechargeable oral irrigator with three pressure modes for braces and gums.", "oral care|travel", 59.0, ["White"], "unisex", ""),
    ("T14", "tech", "Drift White Noise Sleep Machine", "Personal Care Electronics", "Sleeping Aids > White Noise Machines", "Compact sound machine with 30 soothing sounds and a night light for better sleep.", "sleep|baby", 35.0, ["White"], "unisex", ""),
    ("T15", "tech", "Keyring USB Flash Drive", "Storage", "Storage Devices > USB Flash Drives", "Metal USB 3.2 thumb drive on a keyring, fast transfers.", "storage", 19.0, ["64GB", "128GB", "256GB"], "unisex", "zinc alloy"),
    ("T16", "tech", "Reach Wi-Fi Range Extender", "Networking", "Electronics > Networking", "Plug-in Wi-Fi 6 repeater that boosts a weak signal to the garden or the top floor.", "networking|wifi", 49.0, ["AX1500"], "unisex", ""),
    ("T17", "tech", "Scribe Digital Voice Recorder", "Audio", "Electronics > Audio", "Pocket dictaphone with 32 GB memory, voice activation and transcription app.", "audio|students", 55.0, ["32GB"], "unisex", ""),
    ("T18", "tech", "Lift Aluminium Laptop Stand", "Computing", "Electronics > Electronics Accessories", "Adjustable folding laptop riser that lifts the screen to eye level.", "laptop|ergonomic", 35.0, [("silver", ""), ("space grey", "")], "unisex", "aluminium"),
    ("T19", "tech", "Cruise Bluetooth FM Transmitter", "Car Electronics", "Audio Transmitters > FM Transmitters", "Streams music from your phone to an old car radio, with hands-free calls and USB-C charging.", "car|audio", 25.0, ["Black"], "unisex", ""),
    ("T20", "tech", "Steady 3-Axis Phone Gimbal", "Cameras", "Cameras & Optics > Camera & Optic Accessories", "Foldable smartphone stabiliser with face tracking for smooth vlogs.", "video|vlog", 89.0, ["Grey"], "unisex", ""),
    ("T21", "tech", "Pocket Zoom Compact Camera", "Cameras", "Cameras > Digital Cameras", "Point-and-shoot digital camera with 30x optical zoom and a flip screen.", "camera|travel", 279.0, [("black", ""), ("silver", ""), ("white", "")], "unisex", ""),
    ("T22", "tech", "Glide Folding Electric Scooter", "E-Mobility", "Outdoor Recreation > Riding Scooters", "Foldable e-scooter with 25 km range, 25 km/h top speed, app lock and front light.", "commute|mobility", 449.0, ["Black"], "unisex", "aluminium"),
    ("T23", "tech", "Cube Mini PC", "Computing", "Computers > Desktop Computers", "Palm-size desktop computer with 16 GB RAM and 512 GB SSD, silent and VESA mountable.", "computer|office", 399.0, ["16GB / 512GB", "32GB / 1TB"], "unisex", ""),
    ("T24", "tech", "Hearth 8 Smart Display", "Smart Home", "Electronics > Video", "8-inch smart display with voice assistant, video calls, recipes and smart home controls.", "smart home|kitchen", 89.0, [("chalk", ""), ("charcoal", "")], "unisex", ""),
    ("T25", "tech", "Clicker Wireless Presenter", "Computing", "Electronics > Electronics Accessories", "USB presentation remote with a laser pointer for slides.", "office", 22.0, ["Black"], "unisex", ""),
    ("T26", "tech", "Inkless Pocket E-Ink Notepad", "Tablets & E-Readers", "Handheld Devices > E-Book Readers", "10.3-inch e-ink writing tablet for notes and PDFs that feels like paper.", "notes|reading", 329.0, ["32GB", "64GB"], "unisex", ""),
    ("T27", "tech", "Boom Party Speaker with Lights", "Audio", "Audio Components > Speakers", "Loud portable party speaker with a light show, karaoke mic input and 12-hour battery.", "audio|party", 149.0, ["Black"], "unisex", ""),
    ("T28", "tech", "Clarity HD Webcam with Ring Light", "Computing", "Cameras > Webcams", "1080p webcam with a dimmable ring light and dual microphones for video calls.", "work from home|video", 49.0, ["Black"], "unisex", ""),
    ("T29", "tech", "TrueSound Hearing Amplifier Earbuds", "Audio", "Headphones & Headsets > Headphones", "Rechargeable sound amplifier earbuds for conversations and TV, with noise reduction.", "audio|health", 99.0, ["Beige"], "unisex", ""),
    ("T30", "tech", "Vault Fireproof Charging Station", "Accessories", "Electronics > Electronics Accessories", "Six-port USB charging station that charges phones, tablets and watches at once.", "charging|family", 39.0, ["6-port"], "unisex", ""),
    ("T31", "tech", "Tilt 11 Kids Tablet", "Tablets & E-Readers", "Electronics > Computers > Tablet Computers", "Kid-proof 11-inch tablet with a shockproof case, parental controls and a stand.", "kids|tablet", 149.0, [("blue", "32GB"), ("purple", "64GB")], "unisex", ""),
    # home
    ("H01", "home", "Barista Pro Espresso Machine", "Kitchen > Small Appliances", "Kitchen & Dining > Kitchen Appliances", "15-bar pump espresso maker with a steam wand for cappuccinos and lattes.", "coffee|kitchen", 249.0, [("stainless", ""), ("black", "")], "unisex", "stainless steel"),
    ("H02", "home", "CrispAir Air Fryer 5.5 L", "Kitchen > Small Appliances", "Kitchen & Dining > Kitchen Appliances", "Oil-free air fryer with a 5.5 L basket and eight presets for chips and wings.", "kitchen|healthy", 99.0, [("black", ""), ("white", ""), ("sage", "")], "unisex", ""),
    ("H03", "home", "Bakehouse Stand Mixer", "Kitchen > Small Appliances", "Kitchen Appliances > Food Mixers & Blenders", "Tilt-head stand mixer with a 5 L bowl, dough hook, whisk and beater for baking.", "baking|kitchen", 229.0, [("cream", ""), ("red", ""), ("sage", "")], "unisex", ""),
    ("H04", "home", "QuickPot Multi Pressure Cooker 6 L", "Kitchen > Small Appliances", "Cookware > Pressure Cookers & Canners", "Electric pressure cooker, slow cooker, rice cooker and yoghurt maker in one.", "kitchen|batch cooking", 119.0, ["6 L"], "unisex", "stainless steel"),
    ("H05", "home", "Vortex High-Speed Blender", "Kitchen > Small Appliances", "Kitchen Appliances > Food Mixers & Blenders", "1400 W blender with a 2 L jug that crushes ice for smoothies and soups.", "kitchen|smoothies", 139.0, ["Black"], "unisex", ""),
    ("H06", "home", "Pour-Over Gooseneck Kettle", "Kitchen > Small Appliances", "Kitchen Appliances > Electric Kettles", "Electric gooseneck kettle with temperature control for pour-over coffee and tea.", "coffee|tea", 69.0, [("matte black", ""), ("white", ""), ("copper", "")], "unisex", "stainless steel"),
    ("H07", "home", "Sunrise 4-Slice Toaster", "Kitchen > Small Appliances", "Toasters & Grills > Countertop & Toaster Ovens", "Four-slot toaster with bagel and defrost settings and a crumb tray.", "breakfast|kitchen", 59.0, [("cream", ""), ("stainless", "")], "unisex", ""),
    ("H08", "home", "Tri-Ply Saucepan Set (3 pcs)", "Kitchen > Cookware", "Cookware & Bakeware > Cookware", "Three tri-ply stainless steel saucepans with glass lids, induction ready.", "cookware", 129.0, ["3 pcs", "5 pcs"], "unisex", "stainless steel"),
    ("H09", "home", "Snaplock Glass Food Containers (10)", "Kitchen > Storage", "Food Storage > Food Storage Containers", "Ten borosilicate glass meal-prep boxes with leakproof snap lids, oven and freezer safe.", "meal prep|storage", 45.0, ["10-piece"], "unisex", "glass"),
    ("H10", "home", "Rolltop Bamboo Bread Bin", "Kitchen > Storage", "Food Storage > Bread Boxes & Bags", "Bamboo bread box with a roll-up lid that keeps loaves fresh.", "kitchen|storage", 35.0, ["Natural"], "unisex", "bamboo"),
    ("H11", "home", "DryNight Waterproof Mattress Protector", "Bedroom", "Bedding > Mattress Protectors", "Quiet breathable waterproof mattress cover with deep elastic skirt.", "bedding|kids", 32.0, [("white", "Single"), ("white", "Double"), ("white", "King"), ("white", "Queen")], "unisex", "cotton terry"),
    ("H12", "home", "Dimout Roller Blind", "Windows", "Window Treatments > Window Blinds & Shades", "Thermal blackout roller shade, cut to width, for bedrooms and nurseries.", "window|sleep", 29.0, [("grey", "90 cm"), ("white", "120 cm"), ("navy", "60 cm")], "unisex", "polyester"),
    ("H13", "home", "Tuscany Acacia Garden Bench", "Outdoor", "Outdoor Seating > Outdoor Benches", "Two-seater slatted acacia wood bench for the patio or the garden.", "garden|outdoor", 159.0, ["Natural"], "unisex", "acacia wood"),
    ("H14", "home", "Siesta Cotton Rope Hammock", "Outdoor", "Outdoor Living > Hammocks", "Woven cotton hammock with spreader bars, holds 150 kg.", "garden|relax", 59.0, [("natural", ""), ("striped", ""), ("grey", "")], "unisex", "cotton"),
    ("H15", "home", "SteamGlide Steam Mop", "Cleaning", "Floor & Steam Cleaners > Steam Mops", "Chemical-free steam mop that sanitises tiles and sealed floors in 20 seconds.", "cleaning|floors", 79.0, ["White"], "unisex", ""),
    ("H16", "home", "Roomba-Style Robot Vacuum R5", "Cleaning", "Household Appliances > Vacuums", "Self-charging robot vacuum with app mapping and schedules, good on pet hair.", "cleaning|smart", 229.0, ["Black"], "unisex", ""),
    ("H17", "home", "Wrinkle-Free Handheld Garment Steamer", "Laundry", "Laundry Appliances > Garment Steamers", "Handheld clothes steamer that heats in 25 seconds, takes creases out without an ironing board.", "laundry|travel", 39.0, ["White"], "unisex", ""),
    ("H18", "home", "Reach 3-Step Ladder", "Tools & DIY", "Ladders & Scaffolding > Ladders", "Folding steel step ladder with anti-slip treads and a tool tray.", "diy", 49.0, ["3-step"], "unisex", "steel"),
    ("H19", "home", "PowerHand 18V Cordless Drill", "Tools & DIY", "Drills > Handheld Power Drills", "Cordless drill driver with two batteries, charger and a 30-piece bit set.", "diy|tools", 89.0, ["18V kit"], "unisex", ""),
    ("H20", "home", "Rise Electric Standing Desk", "Home Office", "Office Furniture > Desks", "Height-adjustable sit-stand desk with a dual motor and memory presets.", "office|ergonomic", 349.0, [("oak", "120 cm"), ("white", "140 cm"), ("black", "160 cm")], "unisex", "steel and engineered wood"),
    ("H21", "home", "Loft Open Clothes Rail", "Bedroom", "Home & Garden > Household Supplies", "Industrial metal garment rack with a shoe shelf, an open wardrobe for small rooms.", "storage|bedroom", 69.0, ["Black"], "unisex", "metal"),
    ("H22", "home", "Marble Soap Dispenser Set", "Bathroom", "Bathroom Accessories > Soap & Lotion Dispensers", "Marble-effect liquid soap pump and lotion dispenser with a tray.", "bathroom", 29.0, [("white marble", ""), ("black marble", "")], "unisex", "resin"),
    ("H23", "home", "Float Oak Wall Shelves (2)", "Living Room", "Home & Garden > Decor", "Two floating oak shelves with hidden brackets for books and plants.", "decor|storage", 45.0, [("oak", "60 cm"), ("walnut", "80 cm")], "unisex", "oak"),
    ("H24", "home", "Breeze Quiet Tower Fan", "Climate", "Climate Control Appliances > Fans", "Oscillating tower fan with a remote, night mode and timer for hot bedrooms.", "summer|cooling", 79.0, ["White", "Black"], "unisex", ""),
    ("H25", "home", "Faux Olive Tree 150 cm", "Living Room", "Decor > Artificial Flora", "Realistic artificial olive tree in a pot, no watering needed.", "decor|plants", 89.0, ["150 cm"], "unisex", "plastic"),
    ("H26", "home", "Harvest Stoneware Dinner Plates (6)", "Dining", "Tableware > Dinnerware > Plates", "Reactive-glaze stoneware plates, dishwasher and microwave safe.", "dining|stoneware", 59.0, [("speckled white", "27 cm"), ("ocean blue", "27 cm"), ("charcoal", "21 cm")], "unisex", "stoneware"),
    ("H27", "home", "Mist Ultrasonic Humidifier", "Climate", "Climate Control Appliances > Humidifiers", "Quiet 4 L cool-mist humidifier for dry winter air, with an aroma tray.", "bedroom|winter", 49.0, ["White"], "unisex", ""),
    ("H28", "home", "Heirloom Cutlery Set (24 pcs)", "Dining", "Tableware > Flatware > Flatware Sets", "Mirror-polished 18/10 stainless steel flatware for six people.", "dining|gift", 69.0, ["24 pcs"], "unisex", "stainless steel"),
    ("H29", "home", "Cosy Sherpa Throw Blanket", "Living Room", "Linens & Bedding > Bedding > Blankets", "Reversible sherpa fleece blanket for the sofa, machine washable.", "cosy|living room", 39.0, [("cream", "130x170"), ("sage", "150x200"), ("charcoal", "130x170")], "unisex", "polyester fleece"),
    ("H30", "home", "Lumen Rechargeable Table Lamp", "Lighting", "Lighting > Lamps", "Cordless LED mushroom lamp with a touch dimmer for the bedside or the terrace.", "lighting|outdoor", 49.0, [("white", ""), ("amber", ""), ("black", "")], "unisex", "metal"),
    ("H31", "home", "Orbit Round Wall Mirror", "Living Room", "Decor > Mirrors", "Thin-frame metal round mirror for the hallway or the bathroom.", "decor", 79.0, [("gold", "60 cm"), ("black", "80 cm")], "unisex", "metal and glass"),
    # beauty
    ("B01", "beauty", "Contour Rotary Electric Shaver", "Men's Grooming", "Shaving & Grooming > Electric Razors", "Wet and dry rotary shaver with a pop-up trimmer and a travel lock.", "men|shaving", 119.0, ["Black"], "male", ""),
    ("B02", "beauty", "Spiral Curling Wand 25 mm", "Hair Tools", "Hair Care > Hair Styling Tools", "Ceramic curling wand that heats to 210°C for beach waves, with a heat glove.", "hair|tools", 45.0, ["25 mm", "32 mm"], "female", "ceramic"),
    ("B03", "beauty", "Volume Hot Air Brush", "Hair Tools", "Hair Care > Hair Styling Tools", "One-step hair dryer brush that dries, smooths and adds volume.", "hair|tools", 59.0, [("rose gold", ""), ("black", "")], "female", ""),
    ("B04", "beauty", "Snail Mucin Repair Essence", "Face", "Skin Care > Lotion & Moisturizer", "Lightweight K-beauty essence with 96% snail mucin to hydrate and calm skin.", "k-beauty|hydrating", 24.0, ["100 ml"], "unisex", ""),
    ("B05", "beauty", "Wake Up Coffee Body Scrub", "Body", "Cosmetics > Skin Care", "Exfoliating arabica coffee scrub with coconut oil for smooth skin.", "body|exfoliating", 18.0, ["200 g"], "unisex", ""),
    ("B06", "beauty", "Fresh Day Aluminium-Free Deodorant", "Body", "Personal Care > Deodorant & Anti-Perspirant", "Natural deodorant stick without aluminium, 48-hour odour protection.", "body|natural", 12.0, ["Unscented", "Citrus", "Cedar", "Lavender"], "unisex", ""),
    ("B07", "beauty", "Clear Scalp Anti-Dandruff Shampoo", "Hair", "Hair Care > Shampoo & Conditioner", "Zinc shampoo that clears flakes and soothes an itchy scalp.", "hair|scalp", 14.0, ["250 ml", "500 ml"], "unisex", ""),
    ("B08", "beauty", "Silk Touch Leave-In Conditioner", "Hair", "Hair Care > Shampoo & Conditioner", "Detangling leave-in spray that tames frizz and protects colour.", "hair|frizz", 16.0, ["200 ml"], "female", ""),
    ("B09", "beauty", "Cover Story Full-Coverage Concealer", "Makeup", "Cosmetics > Makeup > Face Makeup", "Creamy concealer that hides dark circles and spots, 16-hour wear.", "makeup|face", 22.0, ["Fair", "Light", "Medium", "Deep", "Tan"], "female", ""),
    ("B10", "beauty", "Sunkissed Bronzer & Blush Duo", "Makeup", "Cosmetics > Makeup > Face Makeup", "Compact with a warm bronzer and a peach blush for a healthy glow.", "makeup|face", 26.0, ["Light/Medium", "Medium/Deep"], "female", ""),
    ("B11", "beauty", "Lock It Makeup Setting Spray", "Makeup", "Cosmetics > Makeup", "Fine-mist setting spray that keeps make-up in place all day.", "makeup", 19.0, ["100 ml"], "female", ""),
    ("B12", "beauty", "Inkwell Waterproof Gel Eyeliner", "Makeup", "Makeup > Eye Makeup > Eyeliner", "Smudge-proof gel eyeliner pencil for a sharp wing.", "makeup|eyes", 13.0, ["Black", "Brown", "Navy"], "female", ""),
    ("B13", "beauty", "Palette Nail Polish Set (6)", "Nails", "Nail Care > Nail Polishes", "Six long-wear nail varnishes in spring shades with a top coat.", "nails|gift", 29.0, ["Spring set", "Nudes set"], "female", ""),
    ("B14", "beauty", "Instant Press-On Nails Kit", "Nails", "Cosmetics > Nail Care", "24 reusable glue-on nails in almond shape with a file and glue.", "nails", 12.0, ["Almond nude", "Coffin French"], "female", ""),
    ("B15", "beauty", "Citrus Grove Eau de Cologne", "Fragrance", "Cosmetics > Perfume & Cologne", "Fresh bergamot and neroli cologne, light and summery.", "fragrance|summer", 55.0, ["50 ml", "100 ml", "200 ml"], "unisex", ""),
    ("B16", "beauty", "Pulse Sonic Facial Cleansing Brush", "Skincare Tools", "Cosmetics > Cosmetic Tools > Skin Care Tools", "Silicone sonic face brush for a deep cleanse, waterproof and rechargeable.", "skincare|tools", 49.0, [("pink", ""), ("mint", "")], "female", "silicone"),
    ("B17", "beauty", "Rose Quartz Gua Sha & Roller Set", "Skincare Tools", "Cosmetics > Cosmetic Tools > Skin Care Tools", "Rose quartz facial roller and gua sha stone to de-puff and massage.", "skincare|gift", 25.0, ["Rose quartz"], "female", "rose quartz"),
    ("B18", "beauty", "Hydrocolloid Pimple Patches (72)", "Face", "Skin Care > Acne Treatments & Kits", "Invisible acne spot stickers that flatten blemishes overnight.", "acne|skincare", 11.0, ["72 patches"], "unisex", ""),
    ("B19", "beauty", "Bright Eyes Caffeine Eye Cream", "Face", "Skin Care > Lotion & Moisturizer", "Eye cream with caffeine and peptides for puffiness and dark circles.", "skincare|eyes", 28.0, ["15 ml"], "unisex", ""),
    ("B20", "beauty", "Plump Up Lip Gloss", "Makeup", "Makeup > Lip Makeup", "Tingling plumping gloss with a glassy shine for fuller-looking lips.", "makeup|lips", 17.0, ["Clear", "Pink", "Berry"], "female", ""),
    ("B21", "beauty", "SmoothLight IPL Hair Removal Device", "Hair Removal", "Shaving & Grooming > Hair Removal", "At-home IPL device for long-lasting hair reduction on legs, underarms and bikini line.", "hair removal", 249.0, ["White"], "female", ""),
    ("B22", "beauty", "Charcoal Men's Face Wash", "Men's Grooming", "Skin Care > Facial Cleansers", "Deep-cleansing charcoal face wash for men with oily skin.", "men|skincare", 12.0, ["150 ml"], "male", ""),
    ("B23", "beauty", "Fizz Bath Bomb Gift Box (6)", "Bath", "Bath & Body > Bath Additives", "Six fizzy bath bombs with essential oils, in a gift box.", "bath|gift", 24.0, ["Lavender mix", "Fruity mix"], "unisex", ""),
    ("B24", "beauty", "Bamboo Reusable Makeup Remover Pads", "Skincare Tools", "Cosmetics > Cosmetic Tools", "16 washable bamboo cotton rounds with a laundry bag.", "eco|skincare", 14.0, ["16 pads"], "unisex", "bamboo cotton"),
    ("B25", "beauty", "Whiten Up Teeth Whitening Strips", "Oral Care", "Personal Care > Oral Care", "Enamel-safe whitening strips, 14 treatments for a brighter smile.", "oral care|smile", 35.0, ["14 treatments"], "unisex", ""),
    ("B26", "beauty", "Overnight Lip Sleeping Mask", "Face", "Skin Care > Lip Balms & Treatments", "Berry lip mask that repairs dry, chapped lips while you sleep.", "lips|overnight", 18.0, ["Berry", "Vanilla"], "unisex", ""),
    ("B27", "beauty", "Keratin Smoothing Hair Mask", "Hair", "Personal Care > Hair Care", "Intensive keratin mask for frizzy, bleached or brittle hair.", "hair|repair", 21.0, ["250 ml"], "female", ""),
    ("B28", "beauty", "Mineral Face Sunscreen SPF 50+ Fluid", "Face", "Skin Care > Sunscreen", "Ultra-light invisible sun fluid for the face, no white cast.", "sun|face", 24.0, ["50 ml"], "unisex", ""),
    ("B29", "beauty", "Lash Lift Serum", "Makeup", "Cosmetics > Makeup > Eye Makeup", "Peptide eyelash growth serum for longer, fuller lashes in 6 weeks.", "lashes|eyes", 39.0, ["3 ml"], "female", ""),
    ("B30", "beauty", "Velvet Body Lotion Shea & Almond", "Body", "Skin Care > Lotion & Moisturizer", "Rich body moisturiser with shea butter for very dry skin.", "body|dry skin", 15.0, ["400 ml"], "unisex", ""),
    ("B31", "beauty", "Gentleman's Beard Grooming Kit", "Men's Grooming", "Personal Care > Shaving & Grooming", "Beard balm, oil, wooden comb and scissors in a gift tin.", "men|beard|gift", 35.0, ["Sandalwood", "Cedar"], "male", ""),
    # gaming
    ("G01", "gaming", "Ember Tides (PS5)", "Video Games", "Software > Video Game Software", "Open-world pirate adventure: sail, fight sea monsters and build your crew.", "games|adventure", 69.0, ["Standard", "Deluxe Edition", "Collector's Edition"], "unisex", ""),
    ("G02", "gaming", "Neon Drift Racers (Switch)", "Video Games", "Software > Video Game Software", "Arcade street racing with split-screen for four players.", "games|racing", 49.0, ["Standard"], "unisex", ""),
    ("G03", "gaming", "Hollow Crown: Reforged (PC)", "Video Games", "Software > Video Game Software", "Dark fantasy role-playing game with a 60-hour story, pre-order bonus armour.", "games|rpg", 59.0, ["Steam key"], "unisex", ""),
    ("G04", "gaming", "Siege Protocol (Xbox Series X)", "Video Games", "Software > Video Game Software", "Tactical team shooter with 5v5 online matches and a co-op campaign.", "games|shooter", 69.0, ["Standard"], "unisex", ""),
    ("G05", "gaming", "Little Farm Friends (Switch)", "Video Games", "Software > Video Game Software", "Cosy farming life sim for kids and families.", "games|family", 39.0, ["Standard"], "unisex", ""),
    ("G06", "gaming", "Vortex One Console 1TB", "Consoles", "Electronics > Video Game Consoles", "Next-gen home console with a 1 TB SSD, 4K at 120 fps and ray tracing.", "console", 499.0, ["Disc Edition", "Digital Edition"], "unisex", ""),
    ("G07", "gaming", "Split Pad Joy Controllers", "Controllers", "Video Game Console Accessories > Portable Game Console Accessories", "Ergonomic detachable controllers for handheld mode with full-size sticks.", "controllers|switch", 49.0, [("red/blue", ""), ("grey", "")], "unisex", ""),
    ("G08", "gaming", "Frost Console Cooling Stand", "Console Accessories", "Video Game Console Accessories > Home Game Console Accessories", "Vertical stand with cooling fans and a dual controller charger.", "accessories|cooling", 35.0, ["White"], "unisex", ""),
    ("G09", "gaming", "SkyPilot HOTAS Flight Stick", "Controllers", "Video Game Console Accessories > Home Game Console Accessories", "Joystick and throttle set for flight and space sims on PC.", "controllers|simulation", 89.0, ["Black"], "unisex", ""),
    ("G10", "gaming", "Nimble Thumb Grips (8)", "Controller Accessories", "Video Game Console Accessories > Home Game Console Accessories", "Silicone thumbstick caps for better aim, four heights.", "accessories", 9.0, ["8-pack"], "unisex", "silicone"),
    ("G11", "gaming", "StreamPad 15-Key Control Deck", "Streaming", "Electronics > Electronics Accessories", "Customisable LCD key pad to switch scenes, mute the mic and fire alerts while streaming.", "streaming|creator", 129.0, ["Black"], "unisex", ""),
    ("G12", "gaming", "Lounge Rocker Floor Gaming Chair", "Gaming Furniture", "Furniture > Chairs", "Folding floor rocker chair with speakers in the headrest for console gaming.", "furniture|kids", 89.0, [("black/red", ""), ("black/blue", "")], "unisex", "PU leather"),
    ("G13", "gaming", "Elite VR Battery Head Strap", "VR", "Video Game Console Accessories > Home Game Console Accessories", "Comfort head strap with a built-in battery that doubles VR play time.", "vr|accessories", 59.0, ["Black"], "unisex", ""),
    ("G14", "gaming", "Arcade Legends Bartop Cabinet", "Retro", "Arcade Equipment > Video Game Arcade Cabinets", "Countertop arcade machine with a joystick, 300 classic games and two-player mode.", "retro|arcade", 249.0, ["Standard"], "unisex", "wood"),
    ("G15", "gaming", "PlayPass 12-Month Membership", "Subscriptions", "Software > Video Game Software", "Digital code: online multiplayer, monthly free games and cloud saves for a year.", "subscription|digital", 59.0, ["12 months"], "unisex", ""),
    ("G16", "gaming", "Glowline RGB Light Bars (2)", "Setup", "Electronics > Electronics Accessories", "Pair of RGB light bars that sync with your games and music for the setup.", "setup|rgb", 45.0, ["2-pack"], "unisex", ""),
    ("G17", "gaming", "Carbon Console Skin Wrap", "Console Accessories", "Video Game Console Accessories > Home Game Console Accessories", "Vinyl decal skin for the console and two controllers, bubble-free.", "accessories|custom", 19.0, ["Carbon", "Camo", "Marble", "Neon"], "unisex", "vinyl"),
    ("G18", "gaming", "Handheld Armor Case & Screen Guard", "Console Accessories", "Video Game Console Accessories > Portable Game Console Accessories", "Hard shell travel case with tempered glass screen protector for handheld consoles.", "accessories|travel", 25.0, [("black", ""), ("pink", "")], "unisex", ""),
    ("G19", "gaming", "Stretch Mobile Game Controller", "Controllers", "Video Game Console Accessories > Portable Game Console Accessories", "Telescopic controller that turns your phone into a handheld for cloud and mobile games.", "mobile|controllers", 69.0, ["USB-C"], "unisex", ""),
    ("G20", "gaming", "Ember Tides Captain Figure", "Collectibles", "Toys & Games > Toys", "15 cm collectible statue of the captain from Ember Tides, numbered.", "collectible|merch", 39.0, ["Standard"], "unisex", "PVC"),
    ("G21", "gaming", "Phantom Low-Latency Gaming Earbuds", "Audio", "Headphones & Headsets > Headsets", "Wireless gaming earbuds with a 2.4 GHz dongle for lag-free audio on Switch and PC.", "audio|wireless", 79.0, [("black", ""), ("white", ""), ("purple", "")], "unisex", ""),
    ("G22", "gaming", "Blaze 65% Hot-Swap Keyboard", "PC Gaming", "Electronics Accessories > Computer Components > Input Devices > Keyboards", "Compact 65% mechanical keyboard with hot-swappable switches and per-key RGB.", "pc|keyboard", 99.0, ["Red switches", "Brown switches"], "unisex", ""),
    ("G23", "gaming", "Rift 360 Hz Esports Monitor 24.5", "PC Gaming", "Video > Computer Monitors", "24.5-inch esports monitor with 360 Hz refresh and 1 ms response.", "pc|monitor", 399.0, ["24.5 inch"], "unisex", ""),
    ("G24", "gaming", "Party Trivia Buzzers Bundle", "Video Games", "Software > Video Game Software", "Quiz game with four wireless buzzers for family game night on console.", "games|party", 59.0, ["PS5"], "unisex", ""),
    ("G25", "gaming", "Dual Charge Controller Battery Packs", "Controller Accessories", "Video Game Console Accessories > Home Game Console Accessories", "Two rechargeable battery packs and a charging cable for wireless controllers.", "accessories|charging", 29.0, ["2-pack"], "unisex", ""),
    ("G26", "gaming", "Titanfall Pro Gaming Mouse Wireless", "PC Gaming", "Input Devices > Mice & Trackballs", "Wireless 26K DPI gaming mouse, 63 g, 70-hour battery.", "pc|mouse", 89.0, [("black", ""), ("white", "")], "unisex", ""),
    ("G27", "gaming", "Vortex One DualGrip Wireless Controller", "Controllers", "Input Devices > Game Controllers > Gaming Pads", "Official-style wireless gamepad with haptic triggers for the Vortex One and PC.", "controllers", 69.0, [("midnight black", ""), ("cosmic red", ""), ("white", "")], "unisex", ""),
    ("G28", "gaming", "Pocket Nova Handheld Console", "Consoles", "Electronics > Video Game Consoles", "7-inch handheld console that plays your PC library anywhere, 512 GB.", "handheld|console", 549.0, ["512GB", "1TB"], "unisex", ""),
    ("G29", "gaming", "Racer Cockpit Wheel Stand", "Sim Racing", "Video Game Console Accessories > Home Game Console Accessories", "Foldable steel stand for racing wheels, pedals and a shifter.", "sim racing", 129.0, ["Black"], "unisex", "steel"),
    ("G30", "gaming", "Shadow Realms Collector's Edition (PS5)", "Video Games", "Software > Video Game Software", "Collector's box with the game, steelbook, art book and a 30 cm dragon statue, out at launch.", "games|collector", 199.0, ["Collector's Edition"], "unisex", ""),
    ("G31", "gaming", "StarCoins 5000 Top-Up Code", "Digital Codes", "Software > Video Game Software", "Digital code for 5000 in-game coins for skins and battle passes.", "digital|currency", 39.0, ["5000 coins"], "unisex", ""),
]

AVAIL = ["in stock", "in stock", "in stock", "out of stock", "in stock", "preorder", "in stock"]


class Catalog5(Style):
    avail = AVAIL
    sale_factor = 0.8

    def product_type(self, ptype, i, key):
        # Some feeds leave product_type empty: every ninth model here.
        return "" if int(key[1:]) % 9 == 0 else ptype

    def stock(self, n):
        return 3 + (n * 11) % 70

    def link(self, pid):
        return f"https://loja.example.net/item/{pid}"

    def image(self, pid):
        return f"https://img.example.net/{pid}.webp"


if __name__ == "__main__":
    write("catalog5.csv", rows(CATALOG5, "C5", Catalog5()))
