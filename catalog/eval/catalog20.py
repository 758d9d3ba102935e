#!/usr/bin/env python3
"""Writes catalog20.csv (Meta catalog-feed format, like catalog/products.csv)
next to this file: the twentieth evaluation catalog, held out from tuning.

An Argentine online shop ("La Esquina Shop", Rosario) selling through
WhatsApp. Exactly the five demo brands (fashion, tech, home, beauty,
gaming), 34 models each, 170 models in all, variants by colour, size,
capacity or shade.

Ownership decisions (deliberate overlaps):
- the termo (the Stanley-style thermos with a pouring spout, for mate) is
  home's, and so is the "termo de acero para el auto" (the 500 ml travel
  thermos that fits the car's cup holder); the mate, the bombilla, the
  steel mate and the "matera" (the leather bag that carries the mate kit)
  are home's too, not fashion's;
- the gaming headsets (HyperX Cloud II, Logitech G435) are gaming's; the
  bluetooth headphones, the true-wireless earbuds and the wired in-ear
  earphones are tech's;
- the smartwatches (Amazfit Bip 5, Apple Watch SE) and the fitness band are
  tech's; the Casio digital watch is fashion's; the wall clock home's;
- the "mochila gamer" (for a 17" notebook, with a USB port) is gaming's;
  the faux-leather urban backpack is fashion's;
- the sunglasses (polarised, Ray-Ban) are fashion's;
- the electric shaver, the OneBlade trimmer, the epilator and the electric
  toothbrush are beauty's;
- the ring light (with tripod and phone holder) is tech's;
- the LED strip for the bedroom ("tira de luces LED pa la pieza") and the
  smart bulb are home's; the RGB "kit gamer" (keyboard + mouse + headset +
  pad) is gaming's, as are the RGB notebook cooling pad and the LED gaming
  desk;
- the football jerseys (Argentina, Rosario Central, Newell's) are
  fashion's; the football video game (EA Sports FC 25) is gaming's;
- the phone cases and the screen protector are tech's; the Switch
  carrying case gaming's; the makeup bag ("neceser") beauty's;
- the car phone holder is tech's (the car thermos home's);
- the lighted makeup mirror is beauty's, the full-length floor mirror
  home's;
- the board game (Estanciero) and the Spanish playing cards (for truco)
  are gaming's, as are the gift cards (PlayStation Store, Steam);
- the monitor and the notebooks are tech's, the 165 Hz curved monitor and
  the controllers ("joystick") gaming's, including the phone controller;
- the printer, the router, the security camera, the streaming stick and
  the smart speaker (Echo Dot) are tech's; the robot vacuum, the air fryer,
  the blender, the coffee machine, the fan and the heater home's;
- the pyjamas and the slippers ("pantuflas") are fashion's; the bed linen,
  duvet ("acolchado"), pillow ("almohada") and cushions ("almohadón")
  home's; the bath towels home's.

Feed style: about 60 % of the models have rioplatense Spanish titles,
written product first with the attributes of the variant in parentheses
and the maker at the END ("Campera Rompeviento Impermeable (Negro, Talle
M) - Montagne"); the rest are imported items with English titles (many in
ALL CAPS, "LOGITECH G502 HERO GAMING MOUSE - Black"), whose descriptions
are short, English, or empty. Prices in ARS ("45999.00 ARS"), 15 % off
on every ninth row; product_type a single Spanish word or short phrase
("Camperas", "Auriculares", "Bazar"); google_product_category the full
English Google path; custom_label_0 a campaign (hot-sale, cyber-monday,
dia-del-padre, dia-de-la-madre, dia-del-nino, navidad, verano) or empty.

    python3 catalog20.py
"""

import re

import feedgen

BRANDS = {"F": "fashion", "T": "tech", "M": "home", "B": "beauty", "G": "gaming"}

SIZE = re.compile(r"^(XS|S|M|L|XL|XXL|\d{2}(/\d{2})?)$")


class Esquina(feedgen.Style):
    avail = ["in stock", "in stock", "in stock", "out of stock", "in stock",
             "in stock", "preorder", "in stock", "in stock", "available for order",
             "in stock", "in stock"]
    currency = "ARS"
    sale_factor = 0.85
    sale_every = 9

    def google(self, ids, ending, i):
        return feedgen.google_category(ids, ending)[0] if ending else ""

    def variant(self, title, v):
        color, size = v
        if "|" not in title:
            return feedgen.variant(title, v)
        product, maker = title.split("|")
        attrs = []
        if color:
            attrs.append(color[:1].upper() + color[1:])
        if size:
            attrs.append(f"Talle {size}" if SIZE.match(size) else size)
        inner = f" ({', '.join(attrs)})" if attrs else ""
        return color, size, f"{product}{inner} - {maker}"

    def stock(self, n):
        return 1 + (n * 7) % 26

    def link(self, pid):
        return f"https://laesquinashop.com.ar/productos/{pid.lower()}"

    def image(self, pid):
        return f"https://cdn.laesquinashop.com.ar/fotos/{pid.lower()}.webp"


AP = "Apparel & Accessories > "
CL = AP + "Clothing > "
EL = "Electronics > "
KD = "Home & Garden > Kitchen & Dining > "
PC = "Health & Beauty > Personal Care > "
CO = PC + "Cosmetics > "

# (key, title ("product|maker" for a Spanish title), product_type, google
#  path, description, campaign, price ARS, variants [(color, size)],
#  gender, material)
CATALOG20 = [
    # ---------------- fashion ----------------
    ("F01", "Campera Rompeviento Impermeable|Montagne", "Camperas", CL + "Outerwear > Coats & Jackets",
     "Campera liviana rompeviento con capucha guardable y costuras selladas. Ideal para la lluvia y el viento del río.", "", 89999,
     [("negro", "M"), ("negro", "L"), ("azul", "M")], "unisex", "poliéster"),
    ("F02", "Campera Puffer Inflable con Capucha|Kosiuko", "Camperas", CL + "Outerwear > Coats & Jackets",
     "Campera inflable abrigada con relleno símil pluma y capucha desmontable.", "hot-sale", 119999,
     [("negro", "S"), ("verde oliva", "M")], "female", "nylon"),
    ("F03", "Buzo Canguro de Frisa con Capucha|Topper", "Buzos", CL + "Shirts & Tops",
     "Buzo tipo canguro de algodón con frisa por dentro, bolsillo adelante y capucha con cordón.", "", 45999,
     [("gris melange", "M"), ("negro", "L"), ("bordó", "XL")], "unisex", "algodón"),
    ("F04", "Buzo Cuello Redondo de Algodón|Ona Saez", "Buzos", CL + "Shirts & Tops",
     "Buzo liso de algodón rústico, cuello redondo, calce relajado.", "", 38999,
     [("crudo", "M"), ("azul marino", "L")], "unisex", "algodón"),
    ("F05", "Remera Básica de Algodón Peinado|Basement", "Remeras", CL + "Shirts & Tops",
     "Remera lisa de manga corta, algodón peinado 24/1. La básica de todos los días.", "verano", 12999,
     [("blanco", "M"), ("blanco", "L"), ("negro", "M")], "unisex", "algodón"),
    ("F06", "Remera Oversize Estampada|Kosiuko", "Remeras", CL + "Shirts & Tops",
     "Remera de calce amplio con estampa en la espalda.", "verano", 21999,
     [("negro", "M"), ("blanco", "L")], "unisex", "algodón"),
    ("F07", "Pollera Midi Plisada|Rapsodia", "Polleras", CL + "Skirts",
     "Pollera midi plisada con cintura elastizada, tela liviana con caída.", "dia-de-la-madre", 54999,
     [("verde", "S"), ("negro", "M")], "female", "poliéster"),
    ("F08", "Jean Mom Tiro Alto|Jazmín Chebar", "Jeans", CL + "Pants",
     "Jean mom de tiro alto, rígido, con ruedo deshilachado.", "", 69999,
     [("azul claro", "38"), ("azul claro", "40")], "female", "denim"),
    ("F09", "Zapatillas Urbanas de Cuero|Topper", "Zapatillas", AP + "Shoes",
     "Zapatillas urbanas de cuero blanco con suela de goma cosida. Van con todo.", "", 79999,
     [("blanco", "40"), ("blanco", "42"), ("negro", "41")], "unisex", "cuero"),
    ("F10", "ADIDAS RUNFALCON 3.0 RUNNING SHOES", "Zapatillas", AP + "Shoes",
     "Running shoes, cushioned midsole.", "hot-sale", 99999,
     [("black", "42"), ("black", "44")], "unisex", "mesh"),
    ("F11", "Ojotas de Goma|Havaianas", "Ojotas", AP + "Shoes",
     "Ojotas clásicas de goma, las de siempre para la playa o la pileta.", "verano", 19999,
     [("negro", "39/40"), ("azul", "41/42"), ("rosa", "35/36")], "unisex", "goma"),
    ("F12", "Malla Enteriza Escote en V|Cocot", "Mallas", CL + "Swimwear",
     "Malla enteriza de mujer con escote en V y espalda cruzada, tela con protección UV.", "verano", 42999,
     [("negro", "M"), ("coral", "S")], "female", "lycra"),
    ("F13", "QUIKSILVER EVERYDAY 17\" BOARDSHORTS", "Mallas", CL + "Swimwear",
     "", "verano", 48999,
     [("navy", "M"), ("navy", "L")], "male", "polyester"),
    ("F14", "Anteojos de Sol Polarizados|Infinit", "Anteojos", AP + "Clothing Accessories > Sunglasses",
     "Anteojos de sol con lentes polarizadas UV400 y marco de acetato. Incluyen estuche.", "verano", 64999,
     [("negro", ""), ("carey", "")], "unisex", "acetato"),
    ("F15", "Ray-Ban Wayfarer Classic Sunglasses", "Anteojos", AP + "Clothing Accessories > Sunglasses",
     "Iconic Wayfarer frame, G-15 lenses.", "", 229999,
     [("black", "")], "unisex", "acetate"),
    ("F16", "Mochila Urbana de Cuero Ecológico|Prüne", "Mochilas", "Luggage & Bags > Backpacks",
     "Mochila urbana de cuero ecológico con cierre frontal y tiras regulables. Para salir, no para la facu.", "", 74999,
     [("negro", ""), ("suela", "")], "female", "cuero sintético"),
    ("F17", "Camiseta Selección Argentina Titular 3 Estrellas|Adidas", "Camisetas de fútbol", CL + "Activewear",
     "Camiseta oficial de la Selección, titular albiceleste con las tres estrellas bordadas.", "dia-del-padre", 119999,
     [("celeste y blanco", "M"), ("celeste y blanco", "L"), ("celeste y blanco", "XL")], "unisex", "poliéster"),
    ("F18", "Camiseta Rosario Central Titular 2024|Umbro", "Camisetas de fútbol", CL + "Activewear",
     "Camiseta titular del Canalla, azul y amarilla.", "", 89999,
     [("azul y amarillo", "M"), ("azul y amarillo", "L")], "unisex", "poliéster"),
    ("F19", "Camiseta Newell's Old Boys Titular 2024|Le Coq Sportif", "Camisetas de fútbol", CL + "Activewear",
     "Camiseta titular de la Lepra, rojinegra.", "", 89999,
     [("rojo y negro", "M"), ("rojo y negro", "L")], "unisex", "poliéster"),
    ("F20", "New Era 9FORTY Adjustable Cap", "Gorras", AP + "Clothing Accessories > Hats",
     "", "", 39999,
     [("black", ""), ("white", "")], "unisex", "cotton"),
    ("F21", "THE NORTH FACE SALTY DOG BEANIE", "Gorros", AP + "Clothing Accessories > Hats",
     "Knit beanie.", "", 34999,
     [("black", "")], "unisex", "acrylic"),
    ("F22", "Vestido Corto Floreado de Fibrana|Vitamina", "Vestidos", CL + "Dresses",
     "Vestido corto fresco, estampa floreada, breteles finos.", "verano", 49999,
     [("floreado", "S"), ("floreado", "M")], "female", "fibrana"),
    ("F23", "Camisa Oxford Manga Larga|Bensimon", "Camisas", CL + "Shirts & Tops",
     "Camisa Oxford de algodón, cuello con botones, calce regular.", "dia-del-padre", 59999,
     [("celeste", "M"), ("celeste", "L"), ("blanco", "L")], "male", "algodón"),
    ("F24", "DR. MARTENS 1460 SMOOTH LEATHER BOOTS", "Borcegos", AP + "Shoes",
     "8-eye leather boots.", "", 289999,
     [("black", "37"), ("black", "39"), ("black", "42")], "unisex", "leather"),
    ("F25", "LEVI'S 501 ORIGINAL FIT JEANS", "Jeans", CL + "Pants",
     "", "", 109999,
     [("dark stone", "32"), ("dark stone", "34")], "male", "denim"),
    ("F26", "Nike One High-Rise Leggings", "Calzas", CL + "Activewear",
     "High-waisted leggings for training.", "", 69999,
     [("black", "S"), ("black", "M")], "female", "polyester, spandex"),
    ("F27", "Riñonera Urbana de Nylon|Rusty", "Accesorios", "Luggage & Bags > Fanny Packs",
     "Riñonera con dos bolsillos con cierre y correa regulable, para llevar cruzada.", "", 24999,
     [("negro", ""), ("verde", "")], "unisex", "nylon"),
    ("F28", "Cartera Bandolera de Cuero|Prüne", "Carteras", AP + "Handbags, Wallets & Cases > Handbags",
     "Cartera chica bandolera de cuero vacuno con correa de cadena desmontable.", "dia-de-la-madre", 139999,
     [("negro", ""), ("camel", "")], "female", "cuero"),
    ("F29", "Pantuflas de Corderito|Gaelle", "Pantuflas", AP + "Shoes",
     "Pantuflas cerradas forradas en corderito, suela antideslizante.", "", 22999,
     [("gris", "37/38"), ("rosa", "35/36")], "female", "corderito"),
    ("F30", "LEVI'S TRUCKER DENIM JACKET", "Camperas", CL + "Outerwear > Coats & Jackets",
     "Classic denim trucker jacket.", "", 149999,
     [("blue", "M"), ("blue", "L")], "male", "denim"),
    ("F31", "ADIDAS CUSHIONED CREW SOCKS 3-PACK", "Medias", CL + "Underwear & Socks",
     "", "", 17999,
     [("white", "M"), ("black", "L")], "unisex", "cotton"),
    ("F32", "Cinturón de Cuero Vacuno|Bensimon", "Cinturones", AP + "Clothing Accessories > Belts",
     "Cinturón de cuero vacuno con hebilla metálica, 3,5 cm de ancho.", "dia-del-padre", 29999,
     [("marrón", "95 cm"), ("negro", "100 cm")], "male", "cuero"),
    ("F33", "Pijama Polar Dos Piezas|Mimo", "Pijamas", CL + "Sleepwear & Loungewear > Pajamas",
     "Pijama de polar suave, buzo y pantalón, para el invierno.", "", 36999,
     [("azul", "M"), ("rosa", "S")], "unisex", "polar"),
    ("F34", "CASIO VINTAGE A168 DIGITAL WATCH", "Relojes", AP + "Jewelry > Watches",
     "Retro digital watch, stainless steel band, backlight.", "navidad", 84999,
     [("silver", ""), ("gold", "")], "unisex", "stainless steel"),

    # ---------------- tech ----------------
    ("T01", "Celular Galaxy A15 128 GB|Samsung", "Celulares", EL + "Communications > Telephony > Mobile Phones",
     "Celular con pantalla Super AMOLED de 6,5\", 4 GB de RAM, 128 GB y batería de 5000 mAh. Liberado.", "hot-sale", 349999,
     [("azul oscuro", "128 GB"), ("negro", "128 GB")], "unisex", ""),
    ("T02", "Celular Moto G54 5G 256 GB|Motorola", "Celulares", EL + "Communications > Telephony > Mobile Phones",
     "Celular 5G con 8 GB de RAM, 256 GB, cámara de 50 MP con estabilizador y carga rápida.", "", 429999,
     [("verde", "256 GB"), ("azul", "256 GB")], "unisex", ""),
    ("T03", "APPLE IPHONE 15 128GB", "Celulares", EL + "Communications > Telephony > Mobile Phones",
     "", "", 1699999,
     [("black", "128GB"), ("blue", "128GB"), ("pink", "128GB")], "unisex", ""),
    ("T04", "Auriculares Inalámbricos Vincha Tune 770NC con Cancelación de Ruido|JBL", "Auriculares", EL + "Audio > Audio Components > Headphones & Headsets > Headphones",
     "Auriculares over-ear bluetooth con cancelación activa de ruido y hasta 70 horas de batería.", "", 159999,
     [("negro", ""), ("azul", "")], "unisex", ""),
    ("T05", "SONY WF-C700N TRUE WIRELESS EARBUDS", "Auriculares", EL + "Audio > Audio Components > Headphones & Headsets > Headphones",
     "Noise cancelling earbuds.", "", 189999,
     [("black", ""), ("white", "")], "unisex", ""),
    ("T06", "Auriculares In-Ear con Cable y Micrófono|Philips", "Auriculares", EL + "Audio > Audio Components > Headphones & Headsets > Headphones",
     "Auriculares con cable y ficha de 3,5 mm, micrófono para llamadas.", "", 9999,
     [("blanco", ""), ("negro", "")], "unisex", ""),
    ("T07", "Parlante Portátil Bluetooth Flip 6 Resistente al Agua|JBL", "Parlantes", EL + "Audio > Audio Components > Speakers",
     "Parlante bluetooth portátil IP67, sonido potente y 12 horas de batería. Para la pileta o el asado.", "verano", 219999,
     [("negro", ""), ("azul", ""), ("rojo", "")], "unisex", ""),
    ("T08", "Cargador Rápido USB-C 25 W|Samsung", "Cargadores", EL + "Electronics Accessories > Power > Power Adapters & Chargers",
     "Cargador de pared con carga súper rápida de 25 W, salida USB-C. Cable no incluido.", "", 24999,
     [("blanco", ""), ("negro", "")], "unisex", ""),
    ("T09", "ANKER POWERCORE 10000 POWER BANK", "Baterías", EL + "Electronics Accessories > Power > Batteries",
     "10000mAh portable charger.", "", 54999,
     [("black", "")], "unisex", ""),
    ("T10", "Cable USB-C a USB-C Mallado 1 m|Baseus", "Cables", EL + "Electronics Accessories > Cables",
     "Cable reforzado de nylon mallado, carga rápida 60 W y datos.", "", 8999,
     [("negro", "1 m"), ("negro", "2 m")], "unisex", "nylon"),
    ("T11", "Funda de Silicona para iPhone 15|Spigen", "Fundas", EL + "Communications > Telephony > Mobile Phone Accessories > Mobile Phone Cases",
     "Funda de silicona suave al tacto con interior de microfibra.", "", 19999,
     [("negro", ""), ("lila", ""), ("verde", "")], "unisex", "silicona"),
    ("T12", "SPIGEN ULTRA HYBRID CASE GALAXY A15", "Fundas", EL + "Communications > Telephony > Mobile Phone Accessories > Mobile Phone Cases",
     "Clear shockproof case.", "", 17999,
     [("clear", "")], "unisex", "TPU"),
    ("T13", "Vidrio Templado 9H para iPhone 15|Glass Pro", "Protectores", EL + "Electronics Accessories > Electronics Films & Shields > Screen Protectors",
     "Protector de pantalla de vidrio templado, borde a borde, con kit de colocación.", "", 7999,
     [("", "")], "unisex", "vidrio"),
    ("T14", "Smartwatch Bip 5 con GPS|Amazfit", "Smartwatches", AP + "Jewelry > Watches",
     "Reloj inteligente con pantalla de 1,91\", GPS, llamadas por bluetooth, más de 120 modos deportivos y 10 días de batería.", "dia-del-padre", 119999,
     [("negro", ""), ("crema", "")], "unisex", ""),
    ("T15", "APPLE WATCH SE 40MM GPS", "Smartwatches", AP + "Jewelry > Watches",
     "", "", 579999,
     [("midnight", "40mm"), ("starlight", "40mm")], "unisex", "aluminum"),
    ("T16", "XIAOMI SMART BAND 8", "Smartwatches", "Health & Beauty > Health Care > Biometric Monitors > Activity Monitors",
     "Fitness band, heart rate, SpO2, 16 days battery.", "", 49999,
     [("black", "")], "unisex", ""),
    ("T17", "Notebook IdeaPad Slim 3 15,6\" Core i5 8 GB 512 GB SSD|Lenovo", "Notebooks", EL + "Computers > Laptops",
     "Notebook liviana con pantalla Full HD de 15,6\", Intel Core i5, 8 GB de RAM y SSD de 512 GB. Windows 11.", "cyber-monday", 899999,
     [("gris", "")], "unisex", ""),
    ("T18", "APPLE MACBOOK AIR 13 M2 8GB 256GB", "Notebooks", EL + "Computers > Laptops",
     "", "cyber-monday", 1899999,
     [("midnight", ""), ("silver", "")], "unisex", ""),
    ("T19", "Tablet Galaxy Tab A9+ 11\" 64 GB Wi-Fi|Samsung", "Tablets", EL + "Computers > Tablet Computers",
     "Tablet de 11\" con 4 GB de RAM y 64 GB, parlantes cuádruples. Ideal para series y para los chicos.", "dia-del-nino", 379999,
     [("gris", "64 GB")], "unisex", ""),
    ("T20", "Kindle Paperwhite 16GB", "Lectores", EL + "Computers > Handheld Devices > E-Book Readers",
     "6.8\" glare-free display, adjustable warm light, waterproof.", "", 299999,
     [("black", "")], "unisex", ""),
    ("T21", "LOGITECH M220 SILENT WIRELESS MOUSE", "Mouse", EL + "Electronics Accessories > Computer Components > Input Devices > Mice & Trackballs",
     "", "", 19999,
     [("black", ""), ("rose", "")], "unisex", ""),
    ("T22", "Logitech K380 Multi-Device Bluetooth Keyboard", "Teclados", EL + "Electronics Accessories > Computer Components > Input Devices > Keyboards",
     "Compact keyboard, connects up to 3 devices.", "", 59999,
     [("graphite", ""), ("rose", "")], "unisex", ""),
    ("T23", "Monitor LED 24\" Full HD IPS 75 Hz|Samsung", "Monitores", EL + "Video > Computer Monitors",
     "Monitor de 24\" con panel IPS Full HD, bordes finos, HDMI. Para trabajar o estudiar.", "", 239999,
     [("negro", "")], "unisex", ""),
    ("T24", "Smart TV LED 4K UHD Google TV|TCL", "Televisores", EL + "Video > Televisions",
     "Smart TV 4K con Google TV, Netflix, YouTube y control por voz.", "hot-sale", 549999,
     [("negro", "43\""), ("negro", "55\"")], "unisex", ""),
    ("T25", "GOOGLE CHROMECAST WITH GOOGLE TV HD", "Streaming", EL + "Video > Video Players & Recorders > Streaming & Home Media Players",
     "", "", 79999,
     [("snow", "")], "unisex", ""),
    ("T26", "Ring Light 26 cm con Trípode y Soporte para Celular|Gadnic", "Iluminación", "Cameras & Optics > Photography > Lighting & Studio",
     "Aro de luz LED con 3 tonos y 10 intensidades, trípode de 2 m y soporte para el celu. Para fotos, vivos y videollamadas.", "", 34999,
     [("negro", "")], "unisex", ""),
    ("T27", "LOGITECH C920 HD PRO WEBCAM", "Cámaras", "Cameras & Optics > Cameras > Webcams",
     "1080p webcam with stereo mics.", "", 119999,
     [("black", "")], "unisex", ""),
    ("T28", "Pendrive DataTraveler USB 3.2|Kingston", "Almacenamiento", EL + "Electronics Accessories > Computer Components > Storage Devices > USB Flash Drives",
     "Pendrive USB 3.2 de metal con argolla para el llavero.", "", 9999,
     [("", "64 GB"), ("", "128 GB")], "unisex", "metal"),
    ("T29", "SANDISK EXTREME PORTABLE SSD 1TB", "Almacenamiento", EL + "Electronics Accessories > Computer Components > Storage Devices > Hard Drives",
     "", "", 199999,
     [("black", "1TB")], "unisex", ""),
    ("T30", "TP-LINK ARCHER AX23 WI-FI 6 ROUTER", "Redes", EL + "Networking > Bridges & Routers > Wireless Routers",
     "Dual band Wi-Fi 6 router.", "", 89999,
     [("black", "")], "unisex", ""),
    ("T31", "Soporte Magnético de Celular para Auto|Baseus", "Accesorios celular", EL + "Communications > Telephony > Mobile Phone Accessories",
     "Soporte imantado para la rejilla del aire del auto, giro 360°. Incluye placas metálicas.", "", 12999,
     [("negro", "")], "unisex", "aluminio"),
    ("T32", "TP-LINK TAPO C200 WI-FI SECURITY CAMERA", "Cámaras", "Cameras & Optics > Cameras > Surveillance Cameras",
     "360° pan/tilt, night vision, two-way audio.", "", 44999,
     [("white", "")], "unisex", ""),
    ("T33", "AMAZON ECHO DOT (5TH GEN) SMART SPEAKER WITH ALEXA", "Parlantes", EL + "Audio > Audio Components > Speakers",
     "", "navidad", 89999,
     [("charcoal", ""), ("glacier white", "")], "unisex", ""),
    ("T34", "Impresora Multifunción EcoTank L3250 Wi-Fi|Epson", "Impresoras", EL + "Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines",
     "Impresora, escáner y copiadora con sistema de tanques de tinta recargables y Wi-Fi.", "", 379999,
     [("negro", "")], "unisex", ""),

    # ---------------- home ----------------
    ("M01", "Termo Clásico de Acero 1 L con Pico Cebador|Stanley", "Mate", KD + "Food & Beverage Carriers > Thermoses",
     "Termo de acero inoxidable de 1 litro con tapón cebador: mantiene el agua caliente 24 horas. El de toda la vida para el mate.", "dia-del-padre", 119999,
     [("verde", "1 L"), ("negro", "1 L"), ("verde", "1,4 L")], "unisex", "acero inoxidable"),
    ("M02", "Termo de Acero para el Auto 500 ml con Tapa Antiderrame|Waterdog", "Mate", KD + "Food & Beverage Carriers > Thermoses",
     "Termo compacto de 500 ml que entra en el portavasos del auto. Tapa antiderrame, mantiene frío o caliente 12 horas.", "", 32999,
     [("negro", ""), ("celeste", "")], "unisex", "acero inoxidable"),
    ("M03", "Mate de Calabaza Forrado en Cuero|Artesanos del Litoral", "Mate", KD + "Tableware > Drinkware",
     "Mate de calabaza curado, forrado en cuero vacuno con virola de alpaca. Hecho a mano.", "", 24999,
     [("marrón", ""), ("negro", "")], "unisex", "calabaza, cuero"),
    ("M04", "Bombilla de Alpaca Pico de Loro|Artesanos del Litoral", "Mate", KD + "Tableware > Drinkware",
     "Bombilla de alpaca con pico de loro y filtro desarmable para limpiarla fácil.", "", 14999,
     [("", "")], "unisex", "alpaca"),
    ("M05", "Mate de Acero Doble Pared con Bombilla|Waterdog", "Mate", KD + "Tableware > Drinkware",
     "Mate térmico de acero inoxidable irrompible, no se cura y viene con bombilla.", "", 18999,
     [("negro", ""), ("rosa", ""), ("celeste", "")], "unisex", "acero inoxidable"),
    ("M06", "Matera de Cuero para Termo y Mate|Artesanos del Litoral", "Mate", KD + "Food & Beverage Carriers",
     "Bolso matero de cuero con lugar para termo de 1 L, mate, yerbera y azucarera.", "", 49999,
     [("suela", ""), ("negro", "")], "unisex", "cuero"),
    ("M07", "Pava Eléctrica con Control de Temperatura para Mate 1,7 L|Peabody", "Pavas eléctricas", KD + "Kitchen Appliances > Electric Kettles",
     "Pava eléctrica de acero con selector de temperatura (posición mate 80 °C) y corte automático.", "", 59999,
     [("acero", ""), ("negro", "")], "unisex", "acero inoxidable"),
    ("M08", "Sartén Antiadherente 24 cm|Tramontina", "Cocina", KD + "Cookware & Bakeware > Cookware > Skillets & Frying Pans",
     "Sartén de aluminio con antiadherente, apta para todas las cocinas menos inducción.", "", 27999,
     [("negro", "24 cm"), ("negro", "28 cm")], "unisex", "aluminio"),
    ("M09", "TRAMONTINA PROFESSIONAL 5-PIECE COOKWARE SET", "Cocina", KD + "Cookware & Bakeware > Cookware > Cookware Sets",
     "Stainless steel, induction ready.", "", 189999,
     [("steel", "")], "unisex", "stainless steel"),
    ("M10", "Juego de Sábanas Percal 200 Hilos|Arredo", "Blanco", "Home & Garden > Linens & Bedding > Bedding > Bed Sheets",
     "Juego de sábanas de percal: sábana ajustable, sábana plana y dos fundas.", "", 69999,
     [("blanco", "2 plazas"), ("gris", "2 plazas"), ("blanco", "2 1/2 plazas")], "unisex", "algodón"),
    ("M11", "Acolchado Sherpa Reversible|Palette", "Blanco", "Home & Garden > Linens & Bedding > Bedding > Quilts & Comforters",
     "Acolchado reversible de microfibra y corderito, re abrigado para el invierno.", "", 89999,
     [("gris", "2 plazas"), ("beige", "2 1/2 plazas")], "unisex", "microfibra"),
    ("M12", "Almohada de Fibra Siliconada 70x50|Piero", "Blanco", "Home & Garden > Linens & Bedding > Bedding > Pillows",
     "Almohada de fibra siliconada, firmeza media, funda de algodón.", "", 17999,
     [("", "")], "unisex", "fibra siliconada"),
    ("M13", "Almohadón Decorativo de Pana 45x45|Casa Bonita", "Deco", "Home & Garden > Decor > Throw Pillows",
     "Almohadón de pana con relleno, para el sillón o la cama.", "", 12999,
     [("verde", ""), ("mostaza", ""), ("rosa viejo", "")], "unisex", "pana"),
    ("M14", "Velador de Mesa con Pantalla de Lino|Casa Bonita", "Iluminación", "Home & Garden > Lighting > Lamps",
     "Velador con base de cerámica y pantalla de lino, luz cálida para la mesa de luz.", "", 39999,
     [("blanco", ""), ("terracota", "")], "unisex", "cerámica, lino"),
    ("M15", "Tira de Luces LED 5 m Multicolor con Control Remoto|Gadnic", "Iluminación", "Home & Garden > Lighting > Light Ropes & Strings",
     "Tira LED autoadhesiva de 5 metros para la pieza, 16 colores y control remoto.", "", 15999,
     [("", "5 m"), ("", "10 m")], "unisex", ""),
    ("M16", "Juego de Toallón y Toalla de Algodón 500 g|Arredo", "Blanco", "Home & Garden > Linens & Bedding > Towels > Bath Towels & Washcloths",
     "Toallón y toalla de algodón peinado, suaves y absorbentes.", "", 34999,
     [("blanco", ""), ("azul", ""), ("gris", "")], "unisex", "algodón"),
    ("M17", "Cortina Blackout con Ojales 140x220|Casa Bonita", "Deco", "Home & Garden > Decor > Window Treatments > Curtains & Drapes",
     "Cortina que bloquea la luz, con ojales metálicos. Se vende por paño.", "", 29999,
     [("gris", ""), ("beige", "")], "unisex", "poliéster"),
    ("M18", "Alfombra Pelo Corto 160x230|Kreatex", "Deco", "Home & Garden > Decor > Rugs",
     "Alfombra para el living, pelo corto, fácil de limpiar.", "", 99999,
     [("gris", ""), ("crudo", "")], "unisex", "polipropileno"),
    ("M19", "Espejo de Pie con Marco de Madera 40x150|Casa Bonita", "Deco", "Home & Garden > Decor > Mirrors",
     "Espejo de cuerpo entero, se apoya en el piso o se cuelga.", "", 79999,
     [("negro", ""), ("natural", "")], "unisex", "madera, vidrio"),
    ("M20", "NESPRESSO ESSENZA MINI COFFEE MACHINE", "Cafeteras", KD + "Kitchen Appliances > Coffee Makers & Espresso Machines > Espresso Machines",
     "", "", 229999,
     [("black", ""), ("white", "")], "unisex", ""),
    ("M21", "OSTER 600W GLASS JAR BLENDER", "Electro", KD + "Kitchen Appliances > Food Mixers & Blenders",
     "1.25L glass jar, 3 speeds.", "", 89999,
     [("black", "")], "unisex", ""),
    ("M22", "PHILIPS AIRFRYER 3000 SERIES 4.1L", "Electro", KD + "Kitchen Appliances > Deep Fryers",
     "Rapid Air technology, 4.1L.", "hot-sale", 179999,
     [("black", "")], "unisex", ""),
    ("M23", "Tostadora 2 Rebanadas de Acero|Atma", "Electro", KD + "Kitchen Appliances > Toasters & Grills",
     "Tostadora con 7 niveles, función descongelar y bandeja para migas.", "", 42999,
     [("acero", "")], "unisex", "acero inoxidable"),
    ("M24", "LIBBEY 6-PIECE HIGHBALL GLASS SET", "Bazar", KD + "Tableware > Drinkware > Drinkware Sets",
     "", "", 29999,
     [("clear", "")], "unisex", "glass"),
    ("M25", "Tabla para Asado de Algarrobo con Canaleta|Artesanos del Litoral", "Parrilla", KD + "Kitchen Tools & Utensils > Cutting Boards",
     "Tabla de algarrobo macizo de 40x28 cm con canaleta para el jugo. Para servir el asado.", "dia-del-padre", 26999,
     [("natural", "40x28")], "unisex", "algarrobo"),
    ("M26", "Set de Cuchillos para Asado x6 con Estuche|Tramontina", "Parrilla", KD + "Kitchen Tools & Utensils > Kitchen Knives",
     "Seis cuchillos con hoja de acero y mango de madera, en estuche.", "dia-del-padre", 36999,
     [("madera", "")], "unisex", "acero, madera"),
    ("M27", "Hanging Closet Organizer 6 Shelves", "Organización", "Home & Garden > Household Supplies > Storage & Organization > Clothing & Closet Storage > Closet Organizers & Garment Racks",
     "Fabric organizer that hangs from the rod.", "", 19999,
     [("grey", "")], "unisex", "fabric"),
    ("M28", "Ventilador de Pie 20\" 3 Velocidades|Liliana", "Climatización", "Home & Garden > Household Appliances > Climate Control Appliances > Fans > Desk & Pedestal Fans",
     "Ventilador de pie de 20 pulgadas, 90 W, oscilante, altura regulable.", "verano", 69999,
     [("negro", "")], "unisex", ""),
    ("M29", "Caloventor 2000 W con Termostato|Liliana", "Climatización", "Home & Garden > Household Appliances > Climate Control Appliances > Space Heaters",
     "Caloventor de dos potencias con termostato y función ventilador frío.", "", 39999,
     [("blanco", "")], "unisex", ""),
    ("M30", "PHILIPS HUE WHITE AND COLOR SMART BULB E27", "Iluminación", "Home & Garden > Lighting > Light Bulbs > LED Light Bulbs",
     "Smart LED bulb, 16 million colours, app and voice control.", "", 69999,
     [("", "1 pack"), ("", "2 pack")], "unisex", ""),
    ("M31", "ULTRASONIC AROMA DIFFUSER 300ML", "Deco", "Home & Garden > Household Appliances > Climate Control Appliances > Humidifiers",
     "", "", 24999,
     [("wood", "")], "unisex", ""),
    ("M32", "Juego de Vajilla 18 Piezas de Cerámica|Tramontina", "Bazar", KD + "Tableware > Dinnerware > Dinnerware Sets",
     "Seis platos playos, seis hondos y seis de postre en cerámica blanca.", "", 64999,
     [("blanco", "")], "unisex", "cerámica"),
    ("M33", "Reloj de Pared Minimalista 30 cm|Casa Bonita", "Deco", "Home & Garden > Decor > Clocks > Wall Clocks",
     "Reloj de pared silencioso, sin tic tac, números grandes.", "", 21999,
     [("negro", ""), ("blanco", "")], "unisex", "plástico"),
    ("M34", "XIAOMI ROBOT VACUUM E10", "Limpieza", "Home & Garden > Household Appliances > Vacuums",
     "Robot vacuum and mop, app control.", "", 299999,
     [("white", "")], "unisex", ""),

    # ---------------- beauty ----------------
    ("B01", "Secador de Pelo Profesional 2200 W con Difusor|Gama", "Pelo", PC + "Hair Care > Hair Styling Tools > Hair Dryers",
     "Secador de pelo iónico de 2200 W con difusor para rulos y concentrador.", "dia-de-la-madre", 79999,
     [("negro", "")], "female", ""),
    ("B02", "Planchita de Pelo de Titanio 230 °C|Remington", "Pelo", PC + "Hair Care > Hair Styling Tools > Hair Straighteners",
     "Planchita con placas de titanio flotantes, temperatura regulable hasta 230 °C.", "dia-de-la-madre", 69999,
     [("negro", "")], "female", ""),
    ("B03", "DYSON AIRWRAP MULTI-STYLER COMPLETE LONG", "Pelo", PC + "Hair Care > Hair Styling Tools",
     "", "", 1299999,
     [("nickel/copper", "")], "female", ""),
    ("B04", "Buclera de Cerámica 25 mm|Gama", "Pelo", PC + "Hair Care > Hair Styling Tools > Curling Irons",
     "Buclera para ondas y rulos, cerámica con turmalina, calienta en 60 segundos.", "", 44999,
     [("negro", "25 mm")], "female", ""),
    ("B05", "Afeitadora Eléctrica Rotativa Series 3000|Philips", "Afeitado", PC + "Shaving & Grooming > Electric Razors",
     "Afeitadora eléctrica recargable de cabezales rotativos, se usa en seco o con espuma, con patillera.", "dia-del-padre", 99999,
     [("negro", "")], "male", ""),
    ("B06", "PHILIPS ONEBLADE QP2724 TRIMMER AND SHAVER", "Afeitado", PC + "Shaving & Grooming > Hair Clippers & Trimmers",
     "Trim, edge and shave.", "dia-del-padre", 59999,
     [("lime/charcoal", "")], "male", ""),
    ("B07", "Rímel Lash Sensational Volumen|Maybelline", "Maquillaje", CO + "Makeup > Eye Makeup > Mascara",
     "Máscara de pestañas para volumen y largo, efecto abanico. A prueba de agua.", "", 18999,
     [("negro", "")], "female", ""),
    ("B08", "Base de Maquillaje Líquida Fit Me Mate|Maybelline", "Maquillaje", CO + "Makeup > Face Makeup > Foundations & Concealers",
     "Base líquida de acabado mate y poros invisibles, para piel normal a grasa. 30 ml.", "", 22999,
     [("", "Tono 120"), ("", "Tono 220"), ("", "Tono 310")], "female", ""),
    ("B09", "Protector Solar FPS 50 Resistente al Agua 200 ml|Dermaglós", "Solares", CO + "Skin Care > Sunscreen",
     "Emulsión protectora para el cuerpo, FPS 50, resistente al agua y al sudor.", "verano", 29999,
     [("", "200 ml")], "unisex", ""),
    ("B10", "LA ROCHE-POSAY ANTHELIOS UVMUNE 400 SPF50+ FLUID", "Solares", CO + "Skin Care > Sunscreen",
     "Invisible facial sunscreen, 50ml.", "verano", 54999,
     [("", "50ml")], "unisex", ""),
    ("B11", "Esmalte de Uñas Secado Rápido|Revlon", "Uñas", CO + "Nail Care > Nail Polishes",
     "Esmalte de secado rápido y alto brillo, 10 ml.", "", 7999,
     [("rojo pasión", ""), ("nude", ""), ("negro", "")], "female", ""),
    ("B12", "SUN UV LED NAIL LAMP 48W", "Uñas", CO + "Cosmetic Tools > Nail Tools > Nail Dryers",
     "", "", 24999,
     [("white", "")], "female", ""),
    ("B13", "MAYBELLINE SUPERSTAY MATTE INK LIQUID LIPSTICK", "Maquillaje", CO + "Makeup > Lip Makeup > Lipstick",
     "Up to 16h wear.", "", 19999,
     [("pioneer", ""), ("lover", ""), ("ruler", "")], "female", ""),
    ("B14", "Delineador Líquido Punta Fina|Idraet", "Maquillaje", CO + "Makeup > Eye Makeup > Eyeliner",
     "Delineador líquido negro intenso, punta fina para el cat eye.", "", 11999,
     [("negro", "")], "female", ""),
    ("B15", "Paleta de Sombras Nude 12 Tonos|Ruby Rose", "Maquillaje", CO + "Makeup > Eye Makeup > Eye Shadow",
     "Paleta de sombras con 12 tonos mate y brillo, del nude al marrón.", "", 16999,
     [("nude", "")], "female", ""),
    ("B16", "Perfume Good Girl Eau de Parfum 80 ml|Carolina Herrera", "Perfumes", CO + "Perfume & Cologne",
     "Perfume de mujer, floral oriental, en el frasco zapato.", "dia-de-la-madre", 259999,
     [("", "80 ml")], "female", ""),
    ("B17", "PACO RABANNE 1 MILLION EDT 100ML", "Perfumes", CO + "Perfume & Cologne",
     "", "dia-del-padre", 239999,
     [("", "100ml")], "male", ""),
    ("B18", "Crema Facial Hidratante Hydro Boost 50 g|Neutrogena", "Cuidado facial", CO + "Skin Care > Lotion & Moisturizer",
     "Gel en crema con ácido hialurónico, hidratación liviana para todo tipo de piel.", "", 26999,
     [("", "50 g")], "unisex", ""),
    ("B19", "CERAVE FOAMING FACIAL CLEANSER 236ML", "Cuidado facial", CO + "Skin Care > Facial Cleansers",
     "For normal to oily skin.", "", 32999,
     [("", "236ml")], "unisex", ""),
    ("B20", "THE ORDINARY NIACINAMIDE 10% + ZINC 1%", "Cuidado facial", CO + "Skin Care",
     "", "", 21999,
     [("", "30ml")], "unisex", ""),
    ("B21", "Kit Shampoo y Acondicionador Rulos Definidos 400 ml|Pantene", "Pelo", PC + "Hair Care > Shampoo & Conditioner > Shampoo & Conditioner Sets",
     "Shampoo y acondicionador para pelo con rulos y ondas, sin sal.", "", 14999,
     [("", "400 ml")], "female", ""),
    ("B22", "Tintura Permanente Excellence Creme|L'Oréal Paris", "Pelo", PC + "Hair Care > Hair Color",
     "Coloración permanente en crema, cubre 100 % de las canas. Trae guantes y tratamiento.", "", 13999,
     [("", "Rubio Claro 8"), ("", "Castaño 4"), ("", "Negro 1")], "female", ""),
    ("B23", "ORAL-B VITALITY PRO ELECTRIC TOOTHBRUSH", "Cuidado personal", PC + "Oral Care > Toothbrushes",
     "Rechargeable, 2-minute timer.", "", 49999,
     [("blue", ""), ("lilac", "")], "unisex", ""),
    ("B24", "Depiladora Eléctrica Satinelle con Accesorios|Philips", "Depilación", PC + "Shaving & Grooming > Hair Removal > Epilators",
     "Depiladora eléctrica de uso en seco, con cabezal para zonas sensibles.", "", 64999,
     [("blanco", "")], "female", ""),
    ("B25", "Desodorante Antitranspirante Aerosol Pack x3|Rexona", "Cuidado personal", PC + "Deodorant & Anti-Perspirant",
     "Tres aerosoles antitranspirantes de 150 ml, protección 72 horas.", "", 9999,
     [("", "Hombre"), ("", "Mujer")], "unisex", ""),
    ("B26", "REAL TECHNIQUES EVERYDAY ESSENTIALS BRUSH SET", "Maquillaje", CO + "Cosmetic Tools > Makeup Tools > Makeup Brushes",
     "5 brushes + sponge.", "", 39999,
     [("", "")], "female", "synthetic"),
    ("B27", "Neceser Cosmetiquero de Viaje|Ruby Rose", "Accesorios belleza", "Luggage & Bags > Cosmetic & Toiletry Bags",
     "Neceser con compartimentos y cierre, para el maquillaje y los productos de baño.", "", 15999,
     [("negro", ""), ("rosa", "")], "female", "nylon"),
    ("B28", "GARNIER MICELLAR CLEANSING WATER 400ML", "Cuidado facial", CO + "Skin Care > Makeup Removers",
     "", "", 12999,
     [("", "400ml")], "unisex", ""),
    ("B29", "NYX PROFESSIONAL MAKEUP BUTTER GLOSS", "Maquillaje", CO + "Makeup > Lip Makeup > Lip Gloss",
     "Non-sticky lip gloss.", "", 11999,
     [("creme brulee", ""), ("tiramisu", "")], "female", ""),
    ("B30", "Espejo de Maquillaje con Luz LED|Gadnic", "Accesorios belleza", CO + "Cosmetic Tools > Makeup Tools > Face Mirrors",
     "Espejo de mesa con luz LED regulable y aumento x10, para maquillarte o depilarte las cejas.", "", 27999,
     [("blanco", "")], "female", ""),
    ("B31", "Kit Cuidado de Barba: Aceite, Bálsamo y Peine|Barba Rosarina", "Barbería", PC + "Shaving & Grooming",
     "Aceite y bálsamo para barba con aroma cítrico y peine de madera.", "dia-del-padre", 21999,
     [("", "")], "male", ""),
    ("B32", "Baño de Crema Nutrición Extraordinaria 300 g|Elvive", "Pelo", PC + "Hair Care",
     "Máscara capilar para pelo seco, nutrición intensa sin apelmazar.", "", 9999,
     [("", "300 g")], "female", ""),
    ("B33", "Sérum Facial Vitamina C 30 ml|Lidherma", "Cuidado facial", CO + "Skin Care",
     "Sérum antioxidante con vitamina C pura, ilumina y unifica el tono.", "", 34999,
     [("", "30 ml")], "unisex", ""),
    ("B34", "OLAPLEX NO.3 HAIR PERFECTOR 100ML", "Pelo", PC + "Hair Care",
     "", "", 59999,
     [("", "100ml")], "female", ""),

    # ---------------- gaming ----------------
    ("G01", "PLAYSTATION 5 SLIM CONSOLE 1TB", "Consolas", EL + "Video Game Consoles",
     "", "navidad", 1149999,
     [("white", "Disc Edition"), ("white", "Digital Edition")], "unisex", ""),
    ("G02", "NINTENDO SWITCH OLED MODEL", "Consolas", EL + "Video Game Consoles",
     "7\" OLED screen, 64GB.", "dia-del-nino", 699999,
     [("white", ""), ("neon red/blue", "")], "unisex", ""),
    ("G03", "Xbox Series S 512GB", "Consolas", EL + "Video Game Consoles",
     "All-digital console.", "", 749999,
     [("robot white", "")], "unisex", ""),
    ("G04", "Joystick Inalámbrico DualSense para PS5|Sony", "Joysticks", EL + "Video Game Console Accessories",
     "Joystick original de PS5 con gatillos adaptativos y respuesta háptica.", "", 139999,
     [("blanco", ""), ("negro", ""), ("rojo", "")], "unisex", ""),
    ("G05", "Joystick Inalámbrico para PC, Celular y Switch|GameSir", "Joysticks", EL + "Electronics Accessories > Computer Components > Input Devices > Game Controllers > Gaming Pads",
     "Joystick bluetooth compatible con PC, Android, iPhone y Switch, con soporte para el celu.", "", 59999,
     [("negro", "")], "unisex", ""),
    ("G06", "XBOX WIRELESS CONTROLLER", "Joysticks", EL + "Video Game Console Accessories",
     "Works with Xbox and PC.", "", 99999,
     [("carbon black", ""), ("robot white", "")], "unisex", ""),
    ("G07", "Auriculares Gamer Cloud II 7.1 con Micrófono|HyperX", "Auriculares gamer", EL + "Video Game Console Accessories",
     "Auriculares gamer con sonido envolvente 7.1, micrófono desmontable con cancelación de ruido y almohadillas de espuma viscoelástica. PC, PS5 y Xbox.", "", 129999,
     [("rojo", ""), ("gris", "")], "unisex", ""),
    ("G08", "LOGITECH G435 LIGHTSPEED WIRELESS GAMING HEADSET", "Auriculares gamer", EL + "Video Game Console Accessories",
     "", "", 99999,
     [("black", ""), ("lilac", "")], "unisex", ""),
    ("G09", "LOGITECH G502 HERO GAMING MOUSE", "Mouse gamer", EL + "Electronics Accessories > Computer Components > Input Devices > Mice & Trackballs",
     "25K sensor, 11 programmable buttons.", "", 69999,
     [("black", "")], "unisex", ""),
    ("G10", "Mouse Gamer RGB Cobra 12400 DPI|Redragon", "Mouse gamer", EL + "Electronics Accessories > Computer Components > Input Devices > Mice & Trackballs",
     "Mouse gamer con cable, 8 botones, iluminación RGB y DPI regulable.", "", 24999,
     [("negro", ""), ("blanco", "")], "unisex", ""),
    ("G11", "Teclado Mecánico Gamer RGB Kumara Switch Red|Redragon", "Teclados gamer", EL + "Electronics Accessories > Computer Components > Input Devices > Keyboards",
     "Teclado mecánico TKL en español con switches red lineales y retroiluminación RGB.", "", 54999,
     [("negro", ""), ("blanco", "")], "unisex", ""),
    ("G12", "Kit Gamer RGB 4 en 1: Teclado, Mouse, Auriculares y Pad|Noga", "Kits gamer", EL + "Electronics Accessories > Computer Accessories > Computer Accessory Sets",
     "Combo gamer con teclado retroiluminado, mouse RGB, auriculares con micrófono y mousepad. Para arrancar.", "dia-del-nino", 49999,
     [("negro", "")], "unisex", ""),
    ("G13", "Mouse Pad Gamer XXL 90x40|Redragon", "Accesorios gamer", EL + "Electronics Accessories > Computer Accessories > Mouse Pads",
     "Pad extendido de 90x40 cm que entra teclado y mouse, base de goma antideslizante.", "", 14999,
     [("negro", "90x40")], "unisex", "tela, goma"),
    ("G14", "Silla Gamer Reclinable 180° con Almohadones|Gadnic", "Sillas gamer", "Furniture > Chairs > Gaming Chairs",
     "Silla gamer de cuero sintético, reclinable hasta 180°, con almohadón lumbar y cervical y apoyabrazos regulables.", "cyber-monday", 259999,
     [("negro y rojo", ""), ("negro y azul", "")], "unisex", "cuero sintético"),
    ("G15", "Monitor Gamer Curvo 27\" 165 Hz 1 ms Odyssey G5|Samsung", "Monitores gamer", EL + "Video > Computer Monitors",
     "Monitor gamer curvo QHD de 27\" con 165 Hz y 1 ms, FreeSync.", "cyber-monday", 499999,
     [("negro", "")], "unisex", ""),
    ("G16", "Mochila Gamer para Notebook hasta 17\" con Puerto USB|Redragon", "Mochilas gamer", "Luggage & Bags > Backpacks",
     "Mochila gamer reforzada con compartimento acolchado para notebook de 17\", puerto USB para la power bank y detalles reflectivos.", "", 64999,
     [("negro", "")], "unisex", "poliéster"),
    ("G17", "Juego EA Sports FC 25 para PS5 (Físico)|EA Sports", "Juegos", "Software > Video Game Software",
     "El fútbol de EA en formato físico para PS5.", "", 89999,
     [("", "")], "unisex", ""),
    ("G18", "THE LEGEND OF ZELDA: TEARS OF THE KINGDOM - NINTENDO SWITCH", "Juegos", "Software > Video Game Software",
     "", "", 99999,
     [("", "")], "unisex", ""),
    ("G19", "Tarjeta de Regalo PlayStation Store USD 25 (Código Digital)|Sony", "Tarjetas de regalo", "Arts & Entertainment > Party & Celebration > Gift Giving > Gift Cards & Certificates",
     "Código digital para cargar saldo en la PlayStation Store. Te lo mandamos por WhatsApp.", "navidad", 34999,
     [("", "USD 25"), ("", "USD 50")], "unisex", ""),
    ("G20", "STEAM WALLET GIFT CARD USD 20", "Tarjetas de regalo", "Arts & Entertainment > Party & Celebration > Gift Giving > Gift Cards & Certificates",
     "Digital code.", "", 27999,
     [("", "USD 20")], "unisex", ""),
    ("G21", "Base de Carga Doble para Joysticks de PS5|Dobe", "Accesorios gamer", EL + "Video Game Console Accessories",
     "Cargador doble para dos joysticks DualSense con luz indicadora.", "", 19999,
     [("blanco", "")], "unisex", ""),
    ("G22", "LOGITECH G29 DRIVING FORCE RACING WHEEL", "Volantes", EL + "Electronics Accessories > Computer Components > Input Devices > Game Controllers > Game Racing Wheels",
     "Racing wheel and pedals for PS5, PS4 and PC.", "", 449999,
     [("black", "")], "unisex", ""),
    ("G23", "META QUEST 3S 128GB VR HEADSET", "Realidad virtual", EL + "Video Game Consoles",
     "", "", 649999,
     [("white", "128GB")], "unisex", ""),
    ("G24", "Consola Retro Portátil con 400 Juegos|Sup", "Consolas", EL + "Video Game Consoles",
     "Consolita portátil con 400 juegos clásicos de 8 bits incluidos y salida a la tele.", "dia-del-nino", 19999,
     [("rojo", ""), ("amarillo", "")], "unisex", ""),
    ("G25", "Funda Rígida de Transporte para Nintendo Switch|Orzly", "Accesorios gamer", EL + "Video Game Console Accessories > Portable Game Console Accessories",
     "Estuche rígido para llevar la Switch, con lugar para 10 cartuchos.", "", 17999,
     [("negro", ""), ("rojo", "")], "unisex", "EVA"),
    ("G26", "Escritorio Gamer con Luz LED 120 cm|Gadnic", "Escritorios gamer", "Furniture > Office Furniture > Desks",
     "Escritorio gamer con tapa de fibra de carbono, luces LED, portavasos y gancho para auriculares.", "", 189999,
     [("negro", "120 cm")], "unisex", "melamina, acero"),
    ("G27", "HYPERX QUADCAST S USB MICROPHONE", "Streaming", EL + "Audio > Audio Components > Microphones",
     "RGB USB condenser mic for streaming.", "", 179999,
     [("black", "")], "unisex", ""),
    ("G28", "ELGATO HD60 X CAPTURE CARD", "Streaming", EL + "Video Game Console Accessories",
     "", "", 199999,
     [("black", "")], "unisex", ""),
    ("G29", "Juego de Mesa Estanciero Clásico|Toto Juegos", "Juegos de mesa", "Toys & Games > Games > Board Games",
     "El clásico juego de comprar campos y estancias, de 2 a 6 jugadores.", "dia-del-nino", 32999,
     [("", "")], "unisex", ""),
    ("G30", "NINTENDO SWITCH PRO CONTROLLER", "Joysticks", EL + "Video Game Console Accessories",
     "", "", 119999,
     [("black", "")], "unisex", ""),
    ("G31", "LAPTOP COOLING PAD 5 FANS RGB", "Accesorios gamer", EL + "Electronics Accessories > Computer Components > Computer System Cooling Parts",
     "Fits up to 17\" laptops.", "", 34999,
     [("black", "")], "unisex", ""),
    ("G32", "GRAND THEFT AUTO V - PS5", "Juegos", "Software > Video Game Software",
     "", "", 59999,
     [("", "")], "unisex", ""),
    ("G33", "ROYAL KLUDGE RK61 WIRELESS 60% MECHANICAL KEYBOARD", "Teclados gamer", EL + "Electronics Accessories > Computer Components > Input Devices > Keyboards",
     "Hot-swappable, bluetooth/2.4G/wired, RGB.", "", 74999,
     [("black", "red switch"), ("white", "brown switch")], "unisex", ""),
    ("G34", "Mazo de Cartas Españolas 50 Naipes|Casino", "Juegos de mesa", "Toys & Games > Games > Card Games",
     "Naipes españoles plastificados de 50 cartas, para truco, chinchón y escoba.", "", 4999,
     [("", "")], "unisex", "cartón plastificado"),
]


def models():
    """The catalog as feedgen models (brand from the key's letter)."""
    out = []
    for key, title, ptype, gpath, desc, label, price, variants, gender, material in CATALOG20:
        out.append((key, BRANDS[key[0]], title, ptype, gpath, desc, label, price,
                    variants, gender, material))
    return out


def main():
    keys = [m[0] for m in CATALOG20]
    assert len(keys) == len(set(keys)), "duplicate model key"
    rows = feedgen.rows(models(), "C20", Esquina())
    feedgen.write("catalog20.csv", rows)
    print(f"wrote catalog20.csv: {len(rows)} rows, {len(CATALOG20)} models")


if __name__ == "__main__":
    main()
