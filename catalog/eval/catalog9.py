#!/usr/bin/env python3
"""Writes catalog9.csv (Meta feed format, like catalog/products.csv) next to
this file: the ninth evaluation catalog of issue 15, held out from tuning.

About 220 rows of six brands: the five demo brands and a sixth, `garden`
(plants and seeds, pots, watering, garden tools, lawn care, outdoor living;
its seller's manifest section is seller-garden.routing.toml). Written in
issue 15's seventh session before the router or the search ran on it, and
without looking at the router's word lists. The feed is a Mexican shop's
export, unlike catalogs 1-8:

- prices in MXN, sales at 25 % off on every fourth row;
- titles in Title Case with the maker's name first and the variant after
  bars, colour in Spanish and size spelled the Mexican way ("Alameda Linen
  Guayabera Shirt | Blanco | Talla G"; shoe sizes in centimetres, "Talla
  25 MX");
- clothing sizes CH / M / G / EG (chica, mediana, grande, extra grande);
- `product_type` a Spanish department path ("Moda > Caballero > Camisas"),
  only the department ("Jardín") on every sixth model;
- `google_product_category` the full English Google path, empty on every
  fifth model (resolved from lang/data/google-taxonomy-with-ids.en-US.txt
  by the path's ending);
- colours in Spanish in the `color` column;
- `custom_label_0` a Mexican sales event or shelf (hot-sale, buen-fin,
  nuevo, liquidacion) or empty, never a product word;
- availability cycles in stock / out of stock / preorder.

    python3 catalog/eval/catalog9.py
"""

from feedgen import Style, rows, write, google_by_cycle

AVAIL = ["in stock", "in stock", "in stock", "out of stock", "in stock", "in stock",
         "preorder", "in stock", "in stock", "out of stock"]

# (model key, brand, title (maker first), Spanish department path, google
#  category path ending, description, sales label, price (MXN), variants,
#  gender, material); a variant is (colour in Spanish, size).
CATALOG9 = [
    # fashion
    ("F01", "fashion", "Alameda Linen Guayabera Shirt", "Moda > Caballero > Camisas", "Clothing > Shirts & Tops", "Short-sleeve linen guayabera with four pockets and pleated panels. Cool for weddings on the beach and hot afternoons.", "hot-sale", 899.00, [("blanco", "M"), ("azul cielo", "G"), ("blanco", "EG")], "male", "linen"),
    ("F02", "fashion", "Cenote Embroidered Huipil Blouse", "Moda > Dama > Blusas", "Clothing > Shirts & Tops", "Square-cut cotton blouse with flowers hand-embroidered in Oaxaca. Loose and cool.", "nuevo", 1149.0, [("blanco", "CH"), ("negro", "M"), ("blanco", "G")], "female", "cotton"),
    ("F03", "fashion", "Yucateco Woven Leather Huarache", "Calzado > Dama > Sandalias", "Apparel & Accessories > Shoes", "Hand-woven leather huarache sandals with a tyre-rubber sole, made in Jalisco.", "", 749.00, [("miel", "23"), ("café", "24"), ("miel", "25"), ("negro", "26")], "female", "leather"),
    ("F04", "fashion", "Tulum Sheer Sarong Wrap", "Moda > Dama > Playa", "Clothing > Swimwear", "Light see-through pareo to tie over your swimsuit as a skirt or a dress.", "hot-sale", 399.0, [("turquesa", "UNITALLA"), ("coral", "UNITALLA"), ("blanco", "UNITALLA")], "female", "viscose voile"),
    ("F05", "fashion", "Norteño Leather Boat Shoes", "Calzado > Caballero > Mocasines", "Apparel & Accessories > Shoes", "Hand-sewn leather deck shoes with leather laces and a non-slip white sole.", "", 1399.0, [("café", "26"), ("azul marino", "27"), ("café", "28")], "male", "leather"),
    ("F06", "fashion", "Rebozo Fringed Wool Shawl", "Moda > Dama > Accesorios", "Clothing Accessories > Scarves & Shawls", "Large woven shawl with knotted fringe, warm enough for chilly evenings.", "buen-fin", 599.00, [("gris", "UNITALLA"), ("rosa mexicano", "UNITALLA")], "female", "wool blend"),
    ("F07", "fashion", "Barrio Tie-Dye Sweatsuit Set", "Moda > Unisex > Conjuntos", "Clothing > Activewear", "Matching tie-dye sweatshirt and joggers in soft brushed fleece.", "", 899.0, [("lila", "CH"), ("azul", "M"), ("lila", "G"), ("verde", "EG"), ("azul", "CH"), ("lila", "EG")], "unisex", "cotton fleece"),
    ("F08", "fashion", "Coyote Canvas Carpenter Pants", "Moda > Caballero > Pantalones", "Clothing > Pants", "Straight-leg work pants in heavy canvas with a hammer loop and tool pockets.", "", 849.0, [("caqui", "M"), ("negro", "G"), ("café", "EG")], "male", "cotton canvas"),
    ("F09", "fashion", "Plata Taxco Sterling Silver Anklet", "Moda > Joyería > Tobilleras", "Jewelry > Anklets", "Sterling silver anklet chain from Taxco with tiny beads, adjustable.", "nuevo", 459.0, [("plata", "24 CM"), ("plata", "27 CM")], "female", "sterling silver"),
    ("F10", "fashion", "Sombra Turquoise Bolo Tie", "Moda > Caballero > Accesorios", "Clothing Accessories > Neckties", "Braided leather bolo tie with a turquoise stone on a silver slide.", "", 529.0, [("turquesa", "UNITALLA"), ("negro", "UNITALLA")], "male", "leather, nickel silver"),
    ("F11", "fashion", "Lluvia Packable Rain Jacket", "Moda > Unisex > Chamarras", "Outerwear > Coats & Jackets", "Waterproof hooded rain jacket that folds into its own pocket.", "", 999.00, [("amarillo", "CH"), ("azul marino", "M"), ("amarillo", "G"), ("azul marino", "EG")], "unisex", "nylon"),
    ("F12", "fashion", "Paloma Tulle Ball Gown", "Moda > Dama > Vestidos de fiesta", "Clothing > Dresses", "Full tulle ball gown with a corset back; for XV años, proms and galas.", "buen-fin", 3299.0, [("rosa palo", "CH"), ("azul rey", "M"), ("vino", "G")], "female", "tulle, satin"),
    ("F13", "fashion", "Charro Leather Suspenders", "Moda > Caballero > Accesorios", "Clothing Accessories > Suspenders", "Y-back leather suspenders with brass clips; for weddings and a vintage look.", "", 649.0, [("café", "UNITALLA"), ("negro", "UNITALLA")], "male", "leather"),
    ("F14", "fashion", "Nube Linen Button Romper", "Moda > Dama > Enterizos", "Clothing > One-Pieces > Jumpsuits & Rompers", "Short linen romper with buttons down the front and a tie belt.", "", 799.0, [("arena", "CH"), ("salvia", "M"), ("arena", "G"), ("negro", "EG")], "female", "linen"),
    ("F15", "fashion", "Trompo Boys' Pique Polo Shirt", "Moda > Niños > Playeras", "Clothing > Shirts & Tops", "Cotton pique polo for boys, for school or a family party.", "", 299.00, [("azul marino", "6"), ("blanco", "8"), ("rojo", "10"), ("azul marino", "12")], "male", "cotton"),
    ("F16", "fashion", "Marea Linen Drawstring Shorts", "Moda > Caballero > Shorts", "Clothing > Shorts", "Relaxed linen shorts with a drawstring waist, for the beach and hot days.", "hot-sale", 549.00, [("arena", "M"), ("blanco", "G"), ("azul", "EG")], "male", "linen"),
    ("F17", "fashion", "Ámbar Gold-Plated Name Necklace", "Moda > Joyería > Collares", "Jewelry > Necklaces", "Personalised necklace with a name in script letters; tell us the name after you order.", "", 899.0, [("dorado", "45 CM"), ("plateado", "45 CM")], "female", "gold-plated silver"),
    ("F18", "fashion", "Orbe Beaded Evening Clutch", "Moda > Accesorios > Bolsas", "Handbags, Wallets & Cases > Handbags", "Small hand-beaded party bag with a hidden chain strap.", "nuevo", 579.0, [("dorado", "UNITALLA"), ("plateado", "UNITALLA"), ("negro", "UNITALLA")], "female", "glass beads"),
    ("F19", "fashion", "Fiesta Block Heel Pumps", "Calzado > Dama > Zapatillas", "Apparel & Accessories > Shoes", "Pointed pumps on a 7 cm block heel, padded insole.", "", 1099.00, [("nude", "23"), ("negro", "24"), ("rojo", "25"), ("nude", "26")], "female", "faux suede"),
    ("F20", "fashion", "Sierra Wool Poncho", "Moda > Unisex > Abrigos", "Clothing > Outerwear", "Warm woven poncho with a hood, one size; for cold mornings in the mountains.", "buen-fin", 999.0, [("gris", "UNITALLA"), ("café", "UNITALLA"), ("multicolor", "UNITALLA")], "unisex", "wool blend"),
    # tech
    ("T01", "tech", "Faro Foldable 100W Solar Panel", "Electrónica > Energía", "Electronics Accessories > Power > Batteries", "Folding solar panel with USB-C and DC outputs; charge phones and power stations in the sun.", "hot-sale", 2499.0, [("negro", "100W"), ("negro", "60W")], "unisex", "monocrystalline silicon"),
    ("T02", "tech", "Ruta Bluetooth Fingerprint Padlock", "Electrónica > Seguridad", "Hardware > Locks & Keys", "Keyless padlock that opens with your fingerprint or the app; for lockers, gates and suitcases.", "", 599.0, [("negro", ""), ("plata", "")], "unisex", "zinc alloy"),
    ("T03", "tech", "Pulso Wi-Fi Gas Leak Detector", "Electrónica > Casa Inteligente", "Electronics > Electronics Accessories", "Plug-in sensor that smells LP and natural gas, sounds an alarm and sends an alert to your phone.", "nuevo", 699.00, [("blanco", ""), ("blanco", "2 PZAS"), ("gris", "")], "unisex", "plastic"),
    ("T04", "tech", "Brújula 40 m Laser Distance Measure", "Electrónica > Herramientas", "Measuring Tools & Sensors", "Laser meter that measures distances, areas and volumes up to 40 m.", "", 549.0, [("amarillo", "40 M"), ("amarillo", "60 M")], "unisex", "plastic"),
    ("T05", "tech", "Nopal Portable Document Scanner", "Electrónica > Oficina", "Print, Copy, Scan & Fax > Scanners", "Wand scanner that scans documents, receipts and photos to PDF without a computer.", "", 1599.0, [("negro", ""), ("blanco", "")], "unisex", "plastic"),
    ("T06", "tech", "Trueno 1500VA No Break (UPS)", "Electrónica > Energía", "Electronics Accessories > Power", "Battery backup with 8 outlets and voltage regulation; keeps your PC and modem on when the power goes out.", "buen-fin", 2899.0, [("negro", "1500VA"), ("negro", "1000VA")], "unisex", "steel"),
    ("T07", "tech", "Mapa Digital Night Vision Binoculars", "Electrónica > Óptica", "Optics > Binoculars", "Infrared night vision binoculars that see 300 m in the dark and record video.", "", 3499.0, [("negro", "")], "unisex", "plastic"),
    ("T08", "tech", "Cometa Digital Soldering Iron Kit", "Electrónica > Herramientas", "Electronics > Electronics Accessories", "Temperature-controlled soldering iron with tips, solder, stand and a multimeter.", "", 899.0, [("azul", "KIT"), ("azul", "KIT + MULTÍMETRO")], "unisex", "metal"),
    ("T09", "tech", "Clavija Smart Power Strip", "Electrónica > Casa Inteligente", "Electronics > Electronics Accessories", "Wi-Fi power strip with four outlets and four USB ports; switch each one from the app, surge protection.", "hot-sale", 599.0, [("blanco", ""), ("negro", "")], "unisex", "plastic"),
    ("T10", "tech", "Órbita Retro Typewriter Keyboard", "Electrónica > Computación", "Input Devices > Keyboards", "Bluetooth mechanical keyboard with round typewriter keys; pairs with three devices.", "", 1499.0, [("beige", ""), ("negro", ""), ("rosa", "")], "unisex", "plastic, metal"),
    ("T12", "tech", "Chispa Projection Alarm Clock", "Electrónica > Hogar", "Electronics > Electronics Accessories", "Digital alarm clock that projects the time on the ceiling; radio and USB charging.", "nuevo", 499.0, [("blanco", ""), ("negro", "")], "unisex", "plastic"),
    ("T13", "tech", "Eco Smart Pen for Handwritten Notes", "Electrónica > Oficina", "Electronics > Electronics Accessories", "Write on paper and your notes appear on your phone; records audio in class.", "", 2199.0, [("negro", ""), ("plata", "")], "unisex", "metal"),
    # home
    ("H01", "home", "Comalli Cast Iron Tortilla Comal", "Hogar > Cocina > Sartenes y comales", "Cookware > Skillets & Frying Pans", "Round cast-iron griddle, 30 cm, pre-seasoned, for tortillas, quesadillas and roasting chiles.", "", 549.00, [("negro", "30 CM"), ("negro", "35 CM")], "unisex", "cast iron"),
    ("H02", "home", "Piedra Volcanic Stone Molcajete", "Hogar > Cocina > Utensilios", "Kitchen & Dining > Kitchen Tools & Utensils", "Traditional mortar and pestle carved from volcanic stone; for salsas and guacamole.", "hot-sale", 459.00, [("gris", "20 CM")], "unisex", "volcanic stone"),
    ("H03", "home", "Barro Clay Bean Pot", "Hogar > Cocina > Ollas", "Cookware & Bakeware > Cookware", "Lead-free glazed clay pot for beans, soups and café de olla; 4 litres.", "", 389.00, [("barro", "4 L"), ("barro", "6 L")], "unisex", "clay"),
    ("H04", "home", "Masa Cast Aluminium Tortilla Press", "Hogar > Cocina > Utensilios", "Kitchen & Dining > Kitchen Tools & Utensils", "Heavy tortilla press, 20 cm, for corn tortillas and empanadas.", "", 329.00, [("plata", "20 CM")], "unisex", "aluminium"),
    ("H05", "home", "Ventarrón Evaporative Air Cooler", "Hogar > Electrodomésticos > Ventilación", "Climate Control Appliances > Fans", "Cools with water and ice (un enfriador), 10 L tank, remote and three speeds; for dry heat.", "hot-sale", 2299.0, [("blanco", "10 L"), ("blanco", "20 L")], "unisex", "plastic"),
    ("H06", "home", "Petatl Handwoven Palm Rug", "Hogar > Decoración > Tapetes", "Home & Garden > Decor > Rugs", "Hand-woven palm petate rug; light and natural for the living room.", "", 699.0, [("natural", "120X180"), ("natural", "160X230"), ("natural", "200X300")], "unisex", "palm"),
    ("H07", "home", "Puebla Talavera Salsa Bowls (set of 4)", "Hogar > Comedor > Vajillas", "Tableware > Dinnerware", "Four small hand-painted talavera bowls for salsas, guacamole and snacks.", "nuevo", 690.0, [("azul y blanco", "4 PZAS"), ("multicolor", "4 PZAS")], "unisex", "ceramic"),
    ("H08", "home", "Algodón Bed Canopy Mosquito Net", "Hogar > Recámara", "Linens & Bedding > Bedding", "Round canopy net that hangs over the bed and keeps mosquitoes out.", "", 399.0, [("blanco", "MATRIMONIAL"), ("blanco", "KING"), ("beige", "MATRIMONIAL")], "unisex", "polyester mesh"),
    ("H09", "home", "Serape Striped Table Runner", "Hogar > Comedor > Mantelería", "Linens & Bedding > Table Linens", "Woven cotton table runner with bright serape stripes, 180 cm.", "buen-fin", 299.0, [("multicolor", "180 CM"), ("negro", "180 CM"), ("multicolor", "240 CM")], "unisex", "cotton"),
    ("H10", "home", "Canasta Insulated Tortilla Warmer", "Hogar > Cocina", "Kitchen & Dining > Food & Beverage Carriers", "Insulated tortillero that keeps tortillas hot and soft for an hour.", "", 199.0, [("rojo", "20 CM"), ("multicolor", "25 CM")], "unisex", "cotton, foam"),
    ("H11", "home", "Limón Cast Lime Squeezer", "Hogar > Cocina > Utensilios", "Kitchen & Dining > Kitchen Tools & Utensils", "Heavy hand press for limes and lemons; no seeds in your drink.", "", 179.0, [("verde", ""), ("amarillo", "")], "unisex", "aluminium"),
    ("H12", "home", "Alacena Step-On Kitchen Trash Can", "Hogar > Cocina > Organización", "Household Supplies > Waste Containment", "30 L steel trash can with a soft-close lid and a pedal.", "", 1149.0, [("acero", "30 L"), ("negro", "30 L"), ("blanco", "20 L")], "unisex", "stainless steel"),
    ("H13", "home", "Candil Punched Tin Star Lantern", "Hogar > Iluminación", "Home & Garden > Lighting", "Hand-punched tin star lamp from San Miguel; throws star patterns on the walls.", "", 899.0, [("natural", "45 CM"), ("natural", "60 CM")], "unisex", "tin"),
    ("H14", "home", "Zaguán Wall Key Holder with Mail Shelf", "Hogar > Organización", "Home & Garden > Decor", "Wooden wall shelf for letters with six hooks for keys by the front door.", "", 399.0, [("roble", ""), ("blanco", ""), ("nogal", "")], "unisex", "pine"),
    ("H15", "home", "Cafecito Hand Crank Coffee Grinder", "Hogar > Cocina > Café", "Kitchen Appliances > Coffee Makers & Espresso Machines", "Manual burr grinder for coffee beans; adjustable from espresso to French press.", "", 529.0, [("negro", ""), ("madera", "")], "unisex", "steel, wood"),
    ("H16", "home", "Garrafón USB Water Jug Pump", "Hogar > Cocina", "Kitchen & Dining", "Rechargeable electric pump that sits on a 20 L water jug; no more lifting the garrafón.", "hot-sale", 249.00, [("blanco", ""), ("negro", "")], "unisex", "plastic"),
    # beauty
    ("B01", "beauty", "Sábila Pure Aloe Vera Gel", "Belleza > Cuidado de la piel", "Cosmetics > Skin Care", "Soothing aloe gel for sunburn, dry skin and after shaving.", "hot-sale", 189.00, [("", "250 ML"), ("", "500 ML")], "unisex", ""),
    ("B02", "beauty", "Cacao Shimmer Body Oil", "Belleza > Cuerpo", "Cosmetics > Skin Care > Lotion & Moisturizer", "Dry body oil with cacao butter and a golden shimmer for legs and shoulders.", "", 329.0, [("", "100 ML"), ("", "50 ML")], "female", ""),
    ("B03", "beauty", "Rizos Satin Sleep Bonnet", "Belleza > Cabello", "Hair Care", "Double-layer satin bonnet that protects curls and braids while you sleep.", "nuevo", 199.0, [("negro", ""), ("rosa", ""), ("morado", "")], "female", "satin"),
    ("B04", "beauty", "Trazo Microblading Brow Pen", "Belleza > Maquillaje > Cejas", "Eye Makeup > Eyebrow Enhancers", "Brow pen with a four-prong tip that draws hair-like strokes; waterproof.", "", 229.00, [("café claro", ""), ("café oscuro", ""), ("negro", "")], "female", ""),
    ("B05", "beauty", "Pestaña Magnetic Eyelash Kit", "Belleza > Maquillaje > Ojos", "Cosmetics > Makeup > Eye Makeup", "Magnetic false lashes with magnetic eyeliner; no glue, five pairs.", "", 349.00, [("negro", "5 PARES"), ("café", "5 PARES")], "female", ""),
    ("B06", "beauty", "Brillo Gel Polish Starter Kit with UV Lamp", "Belleza > Uñas", "Cosmetics > Nail Care", "Do gel manicures at home: LED/UV lamp, base, top coat and six colours.", "buen-fin", 899.00, [("", "KIT 6 COLORES"), ("", "KIT 12 COLORES")], "female", ""),
    ("B07", "beauty", "Mosqueta Cold-Pressed Rosehip Oil", "Belleza > Cuidado de la piel", "Cosmetics > Skin Care", "Pure rosehip oil for scars, stretch marks and dark spots.", "", 259.00, [("", "30 ML"), ("", "60 ML")], "unisex", ""),
    ("B08", "beauty", "Sol Bajo After-Sun Cooling Mist", "Belleza > Protección solar", "Cosmetics > Skin Care", "Cooling spray with aloe and menthol for skin burnt by the sun.", "hot-sale", 249.0, [("", "150 ML"), ("", "250 ML")], "unisex", ""),
    ("B09", "beauty", "Bigote Mustache Wax & Comb Kit", "Belleza > Caballero", "Shaving & Grooming", "Strong-hold mustache wax and a pocket comb to shape and curl the tips.", "", 299.0, [("", "KIT")], "male", ""),
    ("B11", "beauty", "Vapora Nano Facial Steamer", "Belleza > Aparatos", "Cosmetics > Cosmetic Tools > Skin Care Tools", "Warm-mist face steamer that opens pores before a mask or extraction.", "", 699.00, [("blanco", "")], "female", ""),
    ("B12", "beauty", "Cera Hot Wax Warmer Kit", "Belleza > Depilación", "Shaving & Grooming > Hair Removal", "Wax warmer with four bags of hard wax beads and spatulas; wax at home.", "", 549.00, [("rosa", "KIT")], "female", ""),
    ("B13", "beauty", "Jazmín Solid Perfume Compact", "Belleza > Fragancias", "Cosmetics > Perfume & Cologne", "Solid balm perfume in a brass compact: night jasmine and vanilla; rub on wrists.", "nuevo", 490.0, [("", "10 G"), ("", "REPUESTO 10 G")], "female", ""),
    ("B14", "beauty", "Carbón Charcoal Peel-Off Mask", "Belleza > Cuidado de la piel", "Cosmetics > Skin Care", "Black peel-off mask with charcoal that pulls out blackheads on the nose.", "", 199.00, [("", "120 ML"), ("", "50 ML")], "unisex", ""),
    # gaming
    ("G01", "gaming", "Lucha Legends: Máscara Total", "Videojuegos > Juegos", "Video Game Software", "Wrestling fighting game with 40 luchadores, tag teams and a story mode.", "nuevo", 1199.00, [("", "PS5"), ("", "SWITCH"), ("", "XBOX SERIES X")], "unisex", ""),
    ("G02", "gaming", "Marigold Path", "Videojuegos > Juegos", "Video Game Software", "Story-driven adventure game: guide a spirit home through the Day of the Dead.", "", 699.00, [("", "PS5"), ("", "PC"), ("", "SWITCH")], "unisex", ""),
    ("G03", "gaming", "Derrape: Baja Rally", "Videojuegos > Juegos", "Video Game Software", "Off-road rally racing game across deserts and beaches; split-screen for two.", "buen-fin", 999.0, [("", "SWITCH"), ("", "PS5"), ("", "XBOX SERIES X")], "unisex", ""),
    ("G04", "gaming", "Jaguar Joy-Con Steering Wheels (2)", "Videojuegos > Accesorios", "Video Game Console Accessories", "Two clip-in steering wheels for Joy-Con controllers; for kart and racing games.", "hot-sale", 249.0, [("rojo y azul", "2 PZAS"), ("negro", "2 PZAS")], "unisex", "plastic"),
    ("G05", "gaming", "Volcán Game Disc Storage Tower", "Videojuegos > Accesorios", "Video Game Console Accessories", "Rack that holds 48 game cases standing up beside the console.", "", 449.0, [("negro", "48 JUEGOS"), ("blanco", "48 JUEGOS")], "unisex", "steel"),
    ("G06", "gaming", "Quetzal Stream Controller with 15 LCD Keys", "Videojuegos > Streaming", "Electronics > Electronics Accessories", "Programmable keys for streamers: switch scenes, mute the mic and play sounds with one tap.", "", 2499.0, [("negro", "15 TECLAS"), ("negro", "6 TECLAS")], "unisex", "plastic"),
    ("G07", "gaming", "Eco Telescopic Phone Gamepad", "Videojuegos > Móvil", "Input Devices > Game Controllers > Gaming Pads", "Controller that stretches around your phone to play mobile games like a handheld.", "", 899.0, [("negro", ""), ("blanco", "")], "unisex", "plastic"),
    ("G08", "gaming", "Pixelito Magnetic Phone Cooler Fan", "Videojuegos > Móvil", "Electronics > Electronics Accessories", "Clip-on cooling fan for phones; stops lag and overheating in long mobile gaming sessions.", "nuevo", 399.0, [("negro", ""), ("morado", "")], "unisex", "plastic"),
    ("G09", "gaming", "Portal VR Prescription Lens Inserts", "Videojuegos > Realidad virtual", "Electronics > Video Game Console Accessories > Home Game Console Accessories", "Lenses made to your prescription that snap into your VR headset; play without glasses.", "", 1299.0, [("", "ESTÁNDAR"), ("", "ALTA GRADUACIÓN")], "unisex", "plastic"),
    ("G10", "gaming", "Tlaloc Hard Carrying Case for Switch", "Videojuegos > Accesorios", "Electronics > Video Game Console Accessories > Home Game Console Accessories", "Hard shell travel case that holds the console, 20 game cards and the charger.", "", 499.0, [("negro", ""), ("gris", ""), ("rojo", "")], "unisex", "EVA"),
    ("G11", "gaming", "Forja Miniature Paint Starter Set", "Videojuegos > Juegos de mesa", "Toys & Games > Games", "Paint set for tabletop wargame miniatures: 12 paints, brushes and two figures.", "", 749.00, [("", "12 PINTURAS"), ("", "24 PINTURAS")], "unisex", "acrylic"),
    ("G12", "gaming", "Zona 9-Pocket Trading Card Binder", "Videojuegos > Juegos de mesa", "Toys & Games > Games", "Zip binder with 360 side-loading pockets to protect your trading card collection.", "", 599.0, [("negro", "360"), ("azul", "360"), ("negro", "720")], "unisex", "faux leather"),
    # garden (the sixth brand)
    ("J01", "garden", "Xochi Macramé Plant Hanger", "Jardín > Macetas", "Gardening > Pots & Planters", "Hand-knotted cotton hanger for hanging pots from the ceiling or a hook on the porch.", "nuevo", 249.0, [("crudo", "90 CM"), ("crudo", "120 CM"), ("terracota", "90 CM")], "unisex", "cotton rope"),
    ("J02", "garden", "Milpa Heirloom Vegetable Seed Kit", "Jardín > Semillas", "Home & Garden > Plants", "Twelve packets of heirloom seeds: tomato, jalapeño, squash, corn, cilantro and more.", "", 299.00, [("", "12 SOBRES"), ("", "24 SOBRES")], "unisex", ""),
    ("J03", "garden", "Riego Oscillating Lawn Sprinkler", "Jardín > Riego", "Watering & Irrigation", "Sprinkler that sweeps back and forth to water a lawn up to 300 m².", "hot-sale", 399.0, [("verde", ""), ("amarillo", "")], "unisex", "aluminium, plastic"),
    ("J04", "garden", "Luciérnaga Solar Path Lights (8)", "Jardín > Iluminación exterior", "Home & Garden > Lighting", "Eight stake lights that charge in the sun and light the path at night.", "", 649.00, [("negro", "8 PZAS"), ("negro", "16 PZAS")], "unisex", "stainless steel"),
    ("J05", "garden", "Poda Bypass Pruning Shears", "Jardín > Herramientas", "Home & Garden > Lawn & Garden", "Sharp bypass pruners for roses, branches and bushes up to 2 cm.", "", 349.00, [("naranja", ""), ("rojo", "")], "unisex", "steel"),
    ("J06", "garden", "Colibrí Glass Hummingbird Feeder", "Jardín > Aves", "Home & Garden > Decor", "Hand-blown glass feeder with five flower ports for hummingbirds.", "nuevo", 399.00, [("rojo", ""), ("azul", "")], "unisex", "glass"),
    ("J07", "garden", "Yucatán Hanging Egg Swing Chair", "Jardín > Muebles de exterior", "Furniture > Outdoor Furniture", "Woven rattan egg chair that hangs from its stand, with a cushion; for the terrace or the garden.", "buen-fin", 5990.0, [("natural", ""), ("negro", "")], "unisex", "PE rattan, steel"),
    ("J08", "garden", "Tierra Viva Worm Castings Fertilizer", "Jardín > Abonos", "Home & Garden > Lawn & Garden", "Organic worm-casting compost (humus de lombriz) for pots, lawns and vegetable beds.", "", 189.00, [("", "5 KG"), ("", "20 KG")], "unisex", ""),
    ("J09", "garden", "Ciclo Rotating Compost Tumbler", "Jardín > Composta", "Home & Garden > Lawn & Garden", "Two-chamber compost tumbler; turn kitchen scraps into compost in weeks.", "", 1899.00, [("negro", "160 L")], "unisex", "recycled plastic"),
    ("J10", "garden", "Pasto 40V Cordless Lawn Mower", "Jardín > Césped", "Home & Garden > Lawn & Garden", "Battery lawn mower, 38 cm cut, with grass bag; quiet and no gasoline.", "hot-sale", 6499.00, [("verde", "BATERÍA INCLUIDA"), ("verde", "SIN BATERÍA")], "unisex", "steel, plastic"),
    ("J11", "garden", "Orilla Cordless String Trimmer", "Jardín > Césped", "Home & Garden > Lawn & Garden", "Battery trimmer for edges and weeds along walls and paths.", "", 2299.00, [("verde", "")], "unisex", "plastic"),
    ("J12", "garden", "Suculenta Live Succulents (6)", "Jardín > Plantas", "Home & Garden > Plants", "Six live succulents in 8 cm pots, shipped in a box; easy plants for beginners.", "", 349.00, [("", "6 PZAS"), ("", "12 PZAS"), ("", "24 PZAS")], "unisex", ""),
    ("J13", "garden", "Selva Monstera Deliciosa Live Plant", "Jardín > Plantas", "Home & Garden > Plants", "Live monstera (Swiss cheese plant) about 60 cm tall in a nursery pot.", "", 599.00, [("", "60 CM"), ("", "1 M")], "unisex", ""),
    ("J14", "garden", "Gota Drip Irrigation Kit", "Jardín > Riego", "Watering & Irrigation", "30 m drip line with emitters and a timer; waters pots and beds on its own.", "", 899.00, [("negro", "30 M"), ("negro", "50 M")], "unisex", "PE"),
    ("J15", "garden", "Huerto Galvanized Raised Garden Bed", "Jardín > Huerto", "Home & Garden > Lawn & Garden", "Galvanized steel raised bed, 180 x 90 cm, for growing vegetables.", "", 1499.00, [("gris", "180X90"), ("verde", "120X60")], "unisex", "galvanized steel"),
    ("J16", "garden", "Terraza Folding Acacia Balcony Set", "Jardín > Muebles de exterior", "Furniture > Outdoor Furniture", "Folding acacia wood table and two chairs for a small balcony or patio.", "buen-fin", 3499.0, [("natural", "3 PZAS"), ("gris", "3 PZAS")], "unisex", "acacia wood"),
    ("J17", "garden", "Guardián Neem Oil Plant Spray", "Jardín > Control de plagas", "Home & Garden > Lawn & Garden", "Ready-to-use neem oil spray against aphids, whitefly and mealybugs on plants.", "", 219.00, [("", "500 ML"), ("", "1 L")], "unisex", ""),
    ("J18", "garden", "Manos Thorn-Proof Gardening Gloves", "Jardín > Herramientas", "Home & Garden > Lawn & Garden", "Long leather gloves for pruning roses and cactus.", "", 289.00, [("café", "M"), ("café", "G"), ("café", "CH")], "unisex", "leather"),
    ("J19", "garden", "Vivero Mini Greenhouse", "Jardín > Huerto", "Home & Garden > Lawn & Garden", "Four-shelf mini greenhouse with a zip cover to start seedlings.", "", 999.00, [("transparente", "4 REPISAS")], "unisex", "steel, PVC"),
    ("J20", "garden", "Fogata Steel Fire Pit Bowl", "Jardín > Exterior", "Home & Garden > Lawn & Garden", "60 cm steel fire bowl with a spark screen and poker, for evenings in the garden.", "", 2199.0, [("negro", "60 CM")], "unisex", "steel"),
    ("J21", "garden", "Regadera Galvanized Watering Can", "Jardín > Riego", "Watering & Irrigation", "Classic 9 L metal watering can with a brass rose for seedlings.", "", 459.0, [("galvanizado", "9 L"), ("verde", "5 L")], "unisex", "galvanized steel"),
]

# Clothing sizes as Mexican shops write them.
CLOTHING = {"CH", "M", "G", "EG"}


class Catalog9(Style):
    avail = AVAIL
    currency = "MXN"
    sale_factor = 0.75
    sale_every = 4

    def google(self, ids, ending, i):
        """The full Google path; empty on every fifth model."""
        return google_by_cycle(ids, ending, i, ["path", "path", "path", "path", ""])

    def product_type(self, path, i, key):
        """The Spanish department path; only the department on every
        sixth model."""
        if i % 6 == 5:
            return path.split(" > ")[0]
        return path

    def variant(self, title, v):
        """The variant after bars: colour (Spanish, capitalised), then
        "Talla ..." for clothing and shoe sizes, the size as is
        otherwise."""
        color, size = v
        parts = [color.title()] if color else []
        if size in CLOTHING or size == "UNITALLA":
            parts.append("Talla " + ("Única" if size == "UNITALLA" else size))
        elif size.isdigit() and len(size) == 2 and 20 <= int(size) <= 30:
            parts.append(f"Talla {size} MX")
        elif size:
            parts.append(size)
        full = " | ".join([title] + parts)
        return color, ("Unitalla" if size == "UNITALLA" else size), full

    def stock(self, n):
        return 2 + (n * 11) % 35

    def link(self, pid):
        return f"https://tiendanueve.example.com.mx/productos/{pid.lower()}"

    def image(self, pid):
        return f"https://cdn.tiendanueve.example.com.mx/img/{pid.lower()}.webp"


if __name__ == "__main__":
    write("catalog9.csv", rows(CATALOG9, "C9", Catalog9()))
