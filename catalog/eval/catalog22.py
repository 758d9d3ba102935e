#!/usr/bin/env python3
"""Writes catalog22.csv (Meta catalog-feed format, like catalog/products.csv)
next to this file: the twenty-second evaluation catalog, held out from
tuning.

A Colombian travel-goods and variety shop ("Viajero Andino - Maletas y
Variedades", stores in Chapinero, Bogotá and El Poblado, Medellín) selling
through WhatsApp. Six brands: the five demo brands (fashion, tech, home,
beauty, gaming) and a sixth, `travel` (maletas de cabina, medianas y
grandes, sets de maletas, artículo personal bajo el asiento, morrales de
viaje aptos para cabina, duffels / maletines de viaje, cubos organizadores
y bolsas de compresión, almohadas de cuello, antifaces y kits de descanso,
manta de viaje, adaptadores universales, organizador de cables de viaje,
pesas para maletas, localizadores tipo AirTag (incluido el Apple AirTag),
candados TSA, porta pasaportes, billeteras de viaje y organizadores de
documentos, cinturón porta dinero y neck wallet, frascos de viaje de
100 ml, neceseres colgantes, secador plegable de viaje, toalla de
microfibra de viaje, botella plegable, bolso seco impermeable, medias de
compresión para vuelos, ponchos de lluvia, estuches de viaje para Nintendo
Switch y bolso de transporte para PS5, tarjeta de regalo de asistencia al
viajero (Assist Card), marquillas para maletas, forros protectores y
correas para maletas, porta vestidos; its routing section is
seller-travel.routing.toml).

Ownership decisions (deliberate overlaps):
- the school backpack (Totto, "morral escolar"), the anti-theft urban
  laptop backpack, the tote, the crossbody bag and the fanny pack
  ("riñonera", "canguro") are fashion's; the travel backpacks (40 L,
  cabin-size, Osprey Farpoint, mochila de viagem), the personal-item bag
  and every suitcase and duffel are travel's, including the Totto suitcase;
- the leather wallet ("billetera") and the belt are fashion's; the
  passport holder, the family travel wallet, the document organiser, the
  money belt and the neck wallet are travel's;
- the rain jacket (Columbia) and the windbreaker are fashion's, and so is
  the wool ruana from Boyacá; the plastic rain poncho is travel's;
- everyday ankle socks are fashion's; the compression socks for flights
  travel's;
- the bed pillows ("almohada", "travesseiro Nasa") home's; the neck
  pillows (memory foam, inflatable, "travesseiro de pescoço") and the
  sleep kit travel's; the blankets ("cobija") home's, the compact travel
  blanket ("manta de viagem") travel's; the bath towels home's, the
  quick-dry microfibre travel towel travel's; the Stanley tumbler and the
  Hydro Flask home's, the collapsible silicone bottle travel's; drawer and
  closet organisers home's, packing cubes and compression bags travel's;
  the lunch bag ("lonchera") home's;
- phones, the power banks (Anker 20000, the magnetic one), the chargers,
  the cables, the power strip ("multitoma"), the GoPro, the noise-
  cancelling headphones and the phone cases ("forro para celular") are
  tech's; the universal travel adapters, the cable organiser, the luggage
  scale, the AirTags and the luggage tracker travel's; the luggage cover
  ("forro para maleta") travel's;
- the full-size shampoo, conditioner, sunscreen, body mist and the
  full-size hair dryer are beauty's, and so is the makeup bag
  ("cosmetiquera"); the 100 ml travel bottles, the hanging toiletry bags
  and the foldable dual-voltage travel hair dryer travel's;
- the consoles (Switch OLED, Switch Lite, PS5, Xbox, Steam Deck), the
  controllers, the games, the Switch screen protector and the PlayStation
  / Xbox / Free Fire cards are gaming's; the Switch travel cases and the
  PS5 travel bag travel's; the travel-assistance gift card (Assist Card)
  travel's;
- the flip-flops (Havaianas) and the swimwear are fashion's; the dry bag
  for the beach or the river travel's.

Feed style: about 60 % Colombian Spanish titles written the shop's way
(product first, maker or size inside the title, some ALL CAPS, inches as
20"), about 25 % imported English rows with long Amazon-style titles,
about 15 % Brazilian Portuguese rows from a Brazilian supplier. The
variant follows after " - " (colour capitalised, then size). Prices in
COP, whole pesos ("189900 COP"), 10 % off on every seventh row (rounded
to hundreds); product_type the shop's own Spanish words, written
inconsistently ("Viaje > Maletas", "viaje / accesorios", "TECNOLOGIA -
Celulares"); google_product_category in turns Google's numeric id, its
full English path or empty; custom_label_0 a campaign (vacaciones-mitad-
de-ano, temporada-diciembre, prima, amor-y-amistad, dia-de-la-madre,
dia-del-padre, black-friday, regreso-a-clases) or empty; about fifty
rows without a description.

    python3 catalog/eval/catalog22.py
"""

import csv
import os
import re

import feedgen

BRANDS = {"F": "fashion", "T": "tech", "H": "home", "B": "beauty",
          "G": "gaming", "V": "travel"}

SIZE = re.compile(r"^(XS|S|M|L|XL|XXL|\d{2})$")


class Andino(feedgen.Style):
    avail = ["in stock", "in stock", "in stock", "in stock", "in stock",
             "out of stock", "in stock", "in stock", "in stock",
             "available for order", "in stock", "in stock", "out of stock",
             "in stock"]
    currency = "COP"
    sale_factor = 0.9
    sale_every = 7

    def google(self, ids, ending, i):
        return feedgen.google_by_cycle(ids, ending, i, ["id", "path", "id", "", "id", "path", "path"])

    def product_type(self, ptype, i, key):
        if i % 5 == 3:
            return ptype.lower().replace(" > ", " / ")
        if i % 7 == 5:
            return ptype.upper().replace(" > ", " - ")
        return ptype

    def variant(self, title, v):
        color, size = v
        parts = [color[:1].upper() + color[1:]] if color else []
        if size:
            parts.append(f"Talla {size}" if SIZE.match(size) else size)
        return color, size, " - ".join([title] + parts)

    def stock(self, n):
        return 1 + (n * 13) % 31

    def link(self, pid):
        return f"https://viajeroandino.com.co/producto/{pid.lower()}"

    def image(self, pid):
        return f"https://viajeroandino.com.co/wp-content/uploads/2026/{pid.lower()}.jpg"


from feedgen import AP, CL, EL, HG, KA, KD, MK, PC, SH, U, VGS, cs  # noqa: E402

HW = AP + "Handbags, Wallets & Cases > "
SK = PC + "Cosmetics > Skin Care"
LB = "Luggage & Bags > "
LA = LB + "Luggage Accessories > "
CONS = EL + "Video Game Consoles"
VGA = EL + "Video Game Console Accessories > "
GIFT = "Arts & Entertainment > Party & Celebration > Gift Giving > Gift Cards & Certificates"
PWR = EL + "Electronics Accessories > Power > "
PH = EL + "Communications > Telephony > Mobile Phones"
HP = EL + "Audio > Audio Components > Headphones & Headsets > Headphones"

# (key, title, product_type, google path, description, campaign, price COP,
#  variants [(color, size)], gender, material)
CATALOG22 = [
    # ---------------- fashion ----------------
    ("F01", "Camiseta Básica Cuello Redondo 100% Algodón", "Moda > Camisetas", CL + "Shirts & Tops",
     "Camiseta básica de algodón peinado, horma regular. La de todos los días.", "", 39900,
     [("blanco", "M"), ("negro", "L")], "unisex", "algodón"),
    ("F02", "LEVI'S MEN'S 511 SLIM FIT STRETCH JEANS", "Moda > Jeans", CL + "Pants",
     "Slim through the hip and thigh with a narrow leg opening. Stretch denim for all-day comfort.", "", 259900,
     cs(["dark indigo"], ["30", "32"]), "male", "denim"),
    ("F03", "Jean Levantacola Tiro Alto Colombiano", "Moda > Jeans", CL + "Pants",
     "Jean con efecto push up, tela strech de alta recuperación. Confección nacional.", "amor-y-amistad", 119900,
     cs(["azul medio"], ["8", "10"]), "female", "denim strech"),
    ("F04", "Buso Hoodie con Capota Perchado", "Moda > Busos", CL + "Activewear",
     "Buso con capota y bolsillo canguro, interior perchado calientico. Unisex.", "", 89900,
     [("gris jaspe", "M"), ("negro", "L")], "unisex", "algodón"),
    ("F05", "Chaqueta Rompevientos Liviana con Capota", "Moda > Chaquetas", CL + "Outerwear > Coats & Jackets",
     "Chaqueta liviana para el frío bogotano, capota guardable en el cuello.", "", 149900,
     [("negro", "M"), ("verde militar", "L")], "unisex", "poliéster"),
    ("F06", "Columbia Men's Watertight II Waterproof Rain Jacket, Packable Hooded Shell", "Moda > Chaquetas", CL + "Outerwear > Coats & Jackets",
     "Omni-Tech waterproof breathable shell, packs into its own pocket, adjustable storm hood.", "", 389900,
     cs(["black", "collegiate navy"], ["M"]), "male", "nylon"),
    ("F07", "RUANA BOYACENSE EN LANA VIRGEN TEJIDA EN TELAR", "Moda > Ruanas", AP + "Clothing Accessories > Scarves & Shawls",
     "Ruana tradicional de Boyacá, lana de oveja tejida en telar manual. Abriga de verdad en la sabana.", "temporada-diciembre", 159900,
     cs(["gris", "café"], ["Única"]), "unisex", "lana"),
    ("F08", "Vestido Midi Estampado Flores Tiras Ajustables", "Moda > Vestidos", CL + "Dresses",
     "Vestido midi fresco con estampado de flores, tiras ajustables y forro interno. Para clima caliente o para una reunión familiar.", "dia-de-la-madre", 109900,
     [("verde floral", "S"), ("rojo floral", "M")], "female", "viscosa"),
    ("F09", "Tenis Adidas Grand Court 2.0 Blancos", "Calzado > Tenis", SH,
     "Tenis urbanos de cuero sintético con las tres tiras.", "regreso-a-clases", 279900,
     cs(["blanco"], ["38", "41"]), "unisex", "cuero sintético"),
    ("F10", "Tênis Olympikus Corre 3 Masculino", "Calzado > Tenis", SH,
     "Tênis de corrida com espuma leve e cabedal respirável.", "", 319900,
     [("preto", "41"), ("azul", "42")], "male", "mesh"),
    ("F11", "Chinelo Havaianas Top Tradicional", "Calzado > Chanclas", SH,
     "As sandálias originais do Brasil, solado de borracha macia.", "vacaciones-mitad-de-ano", 49900,
     [("preto", "37/38"), ("azul", "41/42")], "unisex", "borracha"),
    ("F12", "Crocs Unisex-Adult Classic Clogs, Lightweight Water-Friendly Shoes", "Calzado > Crocs", SH,
     "Iconic comfort clog, lightweight Croslite foam, ventilation ports.", "", 229900,
     cs(["black"], ["M8/W10"]), "unisex", "croslite"),
    ("F13", "Morral Escolar Totto Tempo - 2 Compartimentos", "Moda > Morrales", LB + "Backpacks",
     "Morral para el colegio o la universidad, espaldar acolchado, bolsillo para botilito y compartimento para portátil de 14\".", "regreso-a-clases", 179900,
     cs(["negro", "lila"], [""]), "unisex", "poliéster"),
    ("F14", "Morral Urbano Antirrobo con Puerto USB para Portátil 15.6\"", "Moda > Morrales", LB + "Backpacks",
     "Cremallera escondida contra el raponeo, puerto USB para conectar la power bank. Para la U, el trabajo y el Transmilenio.", "", 139900,
     cs(["gris", "negro"], [""]), "unisex", "poliéster"),
    ("F15", "Bolso Tote de Cuero Sintético Mujer", "Moda > Bolsos", HW + "Handbags",
     "Bolso tote amplio con cierre, bolsillo interno y asas reforzadas. Le cabe el portátil pequeño y la cosmetiquera.", "dia-de-la-madre", 129900,
     cs(["camel", "negro"], [""]), "female", "cuero sintético"),
    ("F16", "Bolsa Transversal Feminina Couro Legítimo", "Moda > Bolsos", HW + "Handbags",
     "Bolsa tiracolo pequena, alça regulável, couro legítimo.", "", 189900,
     cs(["caramelo"], [""]), "female", "couro"),
    ("F17", "Riñonera Canguro Deportiva Impermeable", "Moda > Riñoneras", LB + "Fanny Packs",
     "Canguro para salir a trotar o al concierto: celular, llaves y plata.", "", 59900,
     cs(["negro", "fucsia"], [""]), "unisex", "nylon"),
    ("F18", "Billetera de Cuero Hombre Vélez Clásica", "Moda > Billeteras", HW + "Wallets & Money Clips",
     "Billetera en cuero colombiano, tarjetero y monedero.", "dia-del-padre", 149900,
     cs(["café", "negro"], [""]), "male", "cuero"),
    ("F19", "Correa de Cuero Reversible Hebilla Metálica", "Moda > Correas", AP + "Clothing Accessories > Belts",
     "", "dia-del-padre", 89900,
     cs(["negro/café"], ["32", "34"]), "male", "cuero"),
    ("F20", "RAY-BAN RB2140 ORIGINAL WAYFARER CLASSIC SUNGLASSES", "Moda > Gafas", AP + "Clothing Accessories > Sunglasses",
     "Classic acetate frame, G-15 green lenses, 100% UV protection.", "", 689900,
     cs(["black"], ["50 mm"]), "unisex", "acetate"),
    ("F21", "Gafas de Sol Polarizadas UV400 Estilo Aviador", "Moda > Gafas", AP + "Clothing Accessories > Sunglasses",
     "Gafas de sol tipo aviador con lente polarizado UV400, incluye estuche y paño.", "vacaciones-mitad-de-ano", 49900,
     cs(["dorado/verde", "negro"], [""]), "unisex", "metal"),
    ("F22", "Sombrero Vueltiao 19 Vueltas Original de Tuchín", "Moda > Sombreros", AP + "Clothing Accessories > Hats",
     "Sombrero vueltiao tejido en caña flecha por artesanos zenúes de Tuchín, Córdoba.", "", 249900,
     cs(["negro/blanco"], ["57", "59"]), "unisex", "caña flecha"),
    ("F23", "Camiseta Selección Colombia Local 2026 Adidas", "Moda > Camisetas", CL + "Activewear",
     "La amarilla de la Selección, versión hincha.", "", 299900,
     cs(["amarillo"], ["M", "L"]), "unisex", "poliéster"),
    ("F24", "Medias Tobilleras Pack x6 Algodón", "Moda > Medias", CL + "Underwear & Socks > Socks",
     "", "", 34900,
     cs(["surtido"], ["Única"]), "unisex", "algodón"),
    ("F25", "Vestido de Baño Entero Mujer Control Abdomen", "Moda > Vestidos de baño", CL + "Swimwear",
     "Vestido de baño enterizo con copa removible, ideal para la piscina o la playa.", "vacaciones-mitad-de-ano", 129900,
     [("negro", "S"), ("azul petróleo", "M")], "female", "lycra"),
    ("F26", "Pantaloneta de Baño Secado Rápido Hombre", "Moda > Vestidos de baño", CL + "Swimwear",
     "Pantaloneta de baño con malla interna y bolsillos laterales, seca rápido.", "temporada-diciembre", 69900,
     [("azul", "M"), ("estampado palmeras", "L")], "male", "poliéster"),
    ("F27", "Pijama Pantalón Largo y Camiseta Algodón", "Moda > Pijamas", CL + "Sleepwear & Loungewear",
     "Pijama suavecita de dos piezas.", "temporada-diciembre", 79900,
     [("rosado", "M"), ("azul", "L")], "female", "algodón"),
    # ---------------- tech ----------------
    ("T01", "Celular Samsung Galaxy A55 5G 256GB 8GB RAM", "TECNOLOGIA > Celulares", PH,
     "Pantalla Super AMOLED 6.6\", cámara de 50 MP, batería de 5000 mAh. Garantía Samsung Colombia.", "prima", 1699900,
     cs(["azul oscuro", "lila"], ["256 GB"]), "unisex", ""),
    ("T02", "Apple iPhone 15 128GB - eSIM + Nano SIM (Renewed Premium)", "TECNOLOGIA > Celulares", PH,
     "Dynamic Island, 48MP main camera, USB-C. Renewed premium with 90%+ battery.", "black-friday", 3299900,
     cs(["black", "pink"], ["128 GB"]), "unisex", ""),
    ("T03", "Xiaomi Redmi Note 13 Pro 256GB Global", "TECNOLOGIA > Celulares", PH,
     "Pantalla AMOLED 120 Hz, cámara de 200 MP y carga rápida de 67 W. Versión global con bandas para Colombia.", "", 1149900,
     cs(["negro", "morado"], ["256 GB"]), "unisex", ""),
    ("T04", "Audífonos Bluetooth JBL Tune 520BT On-Ear", "TECNOLOGIA > Audífonos", HP,
     "Sonido JBL Pure Bass, hasta 57 horas de batería, carga rápida.", "amor-y-amistad", 219900,
     cs(["negro", "azul"], [""]), "unisex", ""),
    ("T05", "SONY WH-1000XM5 WIRELESS NOISE CANCELING OVER-EAR HEADPHONES", "TECNOLOGIA > Audífonos", HP,
     "Industry-leading noise canceling, 30-hour battery, crystal clear hands-free calling.", "black-friday", 1599900,
     cs(["black", "silver"], [""]), "unisex", ""),
    ("T06", "Apple AirPods Pro (2nd Generation) with MagSafe Case (USB-C)", "TECNOLOGIA > Audífonos", HP,
     "Active Noise Cancellation, Adaptive Audio, Personalized Spatial Audio.", "", 1099900,
     U, "unisex", ""),
    ("T07", "Fone de Ouvido Sem Fio TWS Bluetooth 5.3 com Estojo", "TECNOLOGIA > Audífonos", HP,
     "Fone sem fio com estojo de carga, bluetooth 5.3 e controle por toque.", "", 59900,
     cs(["preto", "branco"], [""]), "unisex", ""),
    ("T08", "Anker Power Bank 20000mAh PowerCore Portable Charger 20W USB-C PD", "TECNOLOGIA > Power banks", PWR + "Power Adapters & Chargers",
     "High-capacity portable charger, charges an iPhone 15 about 4 times. Airline friendly.", "vacaciones-mitad-de-ano", 229900,
     cs(["black", "white"], [""]), "unisex", ""),
    ("T09", "Carregador Portátil Magnético 5000mAh Compatível MagSafe", "TECNOLOGIA > Power banks", PWR + "Power Adapters & Chargers",
     "Bateria externa magnética, gruda atrás do iPhone.", "", 119900,
     cs(["branco", "roxo"], [""]), "unisex", ""),
    ("T10", "Cargador Rápido 20W USB-C Original Apple", "TECNOLOGIA > Cargadores", PWR + "Power Adapters & Chargers",
     "", "", 109900,
     U, "unisex", ""),
    ("T11", "CARGADOR SAMSUNG 25W SUPER FAST CHARGING + CABLE TIPO C", "TECNOLOGIA > Cargadores", PWR + "Power Adapters & Chargers",
     "Original sellado. Carga súper rápida para Galaxy A, S y Z.", "", 89900,
     cs(["negro", "blanco"], [""]), "unisex", ""),
    ("T12", "Anker USB-C to Lightning Cable, MFi Certified Nylon Braided Fast Charging Cord for iPhone", "TECNOLOGIA > Cables", EL + "Electronics Accessories > Cables",
     "Cable trenzado resistente, carga rápida para iPhone.", "", 39900,
     cs(["blanco"], ["1 m", "2 m"]), "unisex", "nylon"),
    ("T13", "Multitoma Regleta 6 Tomas con 3 USB y Protector de Sobretensión", "TECNOLOGIA > Accesorios", PWR + "Power Strips & Surge Suppressors",
     "Para el escritorio o la mesa de noche: 6 tomas de 110 V y 3 puertos USB.", "", 79900,
     U, "unisex", ""),
    ("T14", "Forro para Celular Antichoque Transparente iPhone 15 / Galaxy A55", "TECNOLOGIA > Forros", EL + "Communications > Telephony > Mobile Phone Accessories > Mobile Phone Cases",
     "Forro con esquinas reforzadas.", "", 29900,
     cs([""], ["iPhone 15", "Galaxy A55"]), "unisex", "TPU"),
    ("T15", "Vidrio Templado 9D Protector de Pantalla", "TECNOLOGIA > Forros", EL + "Electronics Accessories > Electronics Films & Shields > Screen Protectors",
     "Vidrio templado de borde a borde, dureza 9H, fácil de instalar.", "", 19900,
     cs([""], ["iPhone 15", "Redmi Note 13"]), "unisex", "vidrio"),
    ("T16", "Portátil Lenovo IdeaPad Slim 3 Ryzen 5 16GB 512GB SSD 15.6\"", "TECNOLOGIA > Portátiles", EL + "Computers > Laptops",
     "Portátil liviano con Windows 11, ideal para estudio y trabajo.", "regreso-a-clases", 2399900,
     cs(["gris"], [""]), "unisex", ""),
    ("T17", "Tablet Samsung Galaxy Tab A9+ 11\" WiFi 64GB", "TECNOLOGIA > Tablets", EL + "Computers > Tablet Computers",
     "", "", 899900,
     cs(["gris grafito"], [""]), "unisex", ""),
    ("T18", "Smartwatch Amazfit Bip 5 GPS Llamadas Bluetooth", "TECNOLOGIA > Relojes inteligentes", EL + "Communications > Telephony > Mobile Phone Accessories",
     "Pantalla de 1.91\", GPS, 10 días de batería, recibe llamadas.", "", 389900,
     cs(["negro", "crema"], [""]), "unisex", ""),
    ("T19", "Parlante Bluetooth JBL Flip 6 Resistente al Agua", "TECNOLOGIA > Parlantes", EL + "Audio > Audio Components > Speakers",
     "Parlante portátil IP67, 12 horas de batería. Pa' la finca o la piscina.", "temporada-diciembre", 549900,
     cs(["negro", "azul"], [""]), "unisex", ""),
    ("T20", "Caixa de Som Bluetooth JBL Go 3 à Prova d'Água", "TECNOLOGIA > Parlantes", EL + "Audio > Audio Components > Speakers",
     "Caixa de som portátil com até 5 horas de bateria, resistente à água e poeira (IP67).", "", 189900,
     cs(["preto", "rosa"], [""]), "unisex", ""),
    ("T21", "GoPro HERO12 Black - Waterproof Action Camera with 5.3K60 Ultra HD Video", "TECNOLOGIA > Cámaras", "Cameras & Optics > Cameras > Video Cameras",
     "HyperSmooth 6.0 stabilization, waterproof to 33ft, HDR photo and video.", "vacaciones-mitad-de-ano", 1899900,
     U, "unisex", ""),
    ("T22", "Memoria MicroSD SanDisk Extreme 128GB", "TECNOLOGIA > Memorias", EL + "Electronics Accessories > Computer Components > Storage Devices",
     "Memoria microSD clase 10 U3 A2, ideal para la GoPro, el celular y la Switch.", "", 79900,
     cs([""], ["64 GB", "128 GB"]), "unisex", ""),
    ("T23", "Suporte Veicular Magnético para Celular de Saída de Ar", "TECNOLOGIA > Accesorios", EL + "Communications > Telephony > Mobile Phone Accessories",
     "", "", 39900,
     U, "unisex", ""),
    ("T24", "Echo Dot (5th Gen) Smart Speaker with Alexa", "TECNOLOGIA > Hogar inteligente", EL + "Audio > Audio Components > Speakers",
     "Our most popular smart speaker with Alexa. Improved audio, built-in temperature sensor.", "black-friday", 249900,
     cs(["charcoal", "glacier white"], [""]), "unisex", ""),
    ("T25", "Router WiFi 6 TP-Link Archer AX23 Doble Banda", "TECNOLOGIA > Redes", EL + "Networking > Bridges & Routers > Wireless Routers",
     "Más velocidad y cobertura en toda la casa.", "", 299900,
     U, "unisex", ""),
    ("T27", "Logitech M170 Wireless Mouse, 2.4 GHz with USB Nano Receiver, 12-Month Battery", "TECNOLOGIA > Accesorios", EL + "Electronics Accessories > Computer Components > Input Devices > Mice & Trackballs",
     "Mouse inalámbrico con receptor USB, pila de hasta 12 meses.", "regreso-a-clases", 49900,
     cs(["negro", "gris"], [""]), "unisex", ""),

    # ---------------- home ----------------
    ("H01", "Almohada de Fibra Siliconada Antialérgica Hotel", "Hogar > Almohadas", HG + "Linens & Bedding > Bedding > Pillows",
     "Almohada para cama, suave y esponjosa, funda de microfibra. Como la de los hoteles.", "", 59900,
     cs([""], ["Estándar 50x70", "King 50x90"]), "unisex", "microfibra"),
    ("H02", "ALMOHADA VISCOELASTICA MEMORY FOAM CERVICAL ORTOPEDICA", "Hogar > Almohadas", HG + "Linens & Bedding > Bedding > Pillows",
     "Almohada de cama con memoria, forma cervical para dormir de lado o boca arriba.", "prima", 139900,
     U, "unisex", "espuma viscoelástica"),
    ("H03", "Travesseiro Nasa Viscoelástico Anatômico", "Hogar > Almohadas", HG + "Linens & Bedding > Bedding > Pillows",
     "Travesseiro de espuma viscoelástica para a cama, com capa removível.", "", 99900,
     U, "unisex", "viscoelástico"),
    ("H04", "Juego de Sábanas 144 Hilos Doble", "Hogar > Sábanas", HG + "Linens & Bedding > Bedding > Bed Sheets",
     "Sábana, sobresábana y dos fundas.", "", 119900,
     [("blanco", "Doble"), ("gris", "Queen")], "unisex", "microfibra"),
    ("H05", "Jogo de Cama Casal 4 Peças 150 Fios", "Hogar > Sábanas", HG + "Linens & Bedding > Bedding > Bed Sheets",
     "", "", 139900,
     cs(["bege"], ["Casal"]), "unisex", "algodão"),
    ("H06", "Cobija Flannel Térmica Ultra Suave", "Hogar > Cobijas", HG + "Linens & Bedding > Bedding > Blankets",
     "Cobija calientica para las noches frías de Bogotá.", "temporada-diciembre", 89900,
     [("gris", "Sencilla"), ("vinotinto", "Doble")], "unisex", "poliéster"),
    ("H07", "Bedsure Fleece Throw Blanket for Couch - Lightweight Plush Fuzzy Cozy Soft", "Hogar > Cobijas", HG + "Linens & Bedding > Bedding > Blankets",
     "", "", 99900,
     cs(["grey"], ["50x60 in"]), "unisex", "fleece"),
    ("H08", "Edredón Doble Faz Reversible Queen", "Hogar > Edredones", HG + "Linens & Bedding > Bedding > Quilts & Comforters",
     "", "", 229900,
     cs(["azul/gris"], ["Queen"]), "unisex", "microfibra"),
    ("H09", "Cojín Decorativo con Relleno 45x45 Terciopelo", "Hogar > Decoración", HG + "Decor > Throw Pillows",
     "Cojín para la sala o la cama, con funda de terciopelo.", "", 39900,
     cs(["mostaza", "verde esmeralda"], [""]), "unisex", "terciopelo"),
    ("H10", "Toalla de Baño Algodón 500 g Extra Grande", "Hogar > Toallas", HG + "Linens & Bedding > Towels > Bath Towels & Washcloths",
     "Toalla grande de algodón absorbente, 500 gramos. No suelta motas.", "", 49900,
     cs(["blanco", "azul"], ["70x140"]), "unisex", "algodón"),
    ("H11", "Olla Arrocera Imusa 10 Tazas", "Hogar > Cocina", KA + "Food Cookers & Steamers > Rice Cookers",
     "Arrocera con recipiente antiadherente y función mantener caliente.", "", 149900,
     U, "unisex", "aluminio"),
    ("H12", "Oster DiamondForce Nonstick Digital Air Fryer, 4 Liter, Black", "Hogar > Cocina", KA + "Deep Fryers",
     "Air fryer digital, prepara papas, pollo y empanadas sin aceite.", "prima", 399900,
     cs(["negro"], [""]), "unisex", ""),
    ("H13", "OSTER BLENDER 10 SPEED REVERSIBLE BLEND 6 CUP GLASS JAR", "Hogar > Cocina", KA + "Food Mixers & Blenders",
     "", "", 279900,
     U, "unisex", "glass"),
    ("H14", "Cafetera de Goteo 12 Tazas con Jarra de Vidrio", "Hogar > Cocina", KA + "Coffee Makers & Espresso Machines > Drip Coffee Makers",
     "Para el tintico de la mañana.", "dia-del-padre", 129900,
     U, "unisex", ""),
    ("H15", "Batería de Ollas Antiadherente 10 Piezas", "Hogar > Cocina", KD + "Cookware & Bakeware > Cookware > Cookware Sets",
     "Juego de ollas y sartenes antiadherentes con tapas de vidrio, apto para estufa a gas y eléctrica.", "dia-de-la-madre", 349900,
     cs(["rojo", "negro"], [""]), "unisex", "aluminio"),
    ("H16", "Kit Potes Herméticos de Vidro 10 Peças", "Hogar > Cocina", KD + "Food Storage > Food Storage Containers",
     "", "", 119900,
     U, "unisex", "vidro"),
    ("H17", "Lonchera Térmica Portacomida para el Trabajo", "Hogar > Cocina", KD + "Food & Beverage Carriers",
     "Lonchera térmica con dos recipientes para llevar el almuerzo.", "regreso-a-clases", 59900,
     cs(["azul", "gris"], [""]), "unisex", "poliéster"),
    ("H18", "Vaso Térmico Stanley Quencher H2.0 40 oz", "Hogar > Termos", KD + "Food & Beverage Carriers > Thermoses",
     "El vaso térmico viral con manija y pitillo.", "amor-y-amistad", 249900,
     cs(["rosa", "crema"], [""]), "unisex", "acero inoxidable"),
    ("H19", "Hydro Flask Wide Mouth Stainless Steel Water Bottle with Flex Cap 32 oz", "Hogar > Termos", KD + "Food & Beverage Carriers > Water Bottles",
     "TempShield double-wall insulation keeps drinks cold up to 24 hours. Dishwasher safe.", "", 229900,
     cs(["black", "pacific"], [""]), "unisex", "stainless steel"),
    ("H20", "Organizadores de Cajón para Ropa Interior y Medias x6", "Hogar > Organización", HG + "Household Supplies > Storage & Organization",
     "Set de divisiones plegables para el cajón o el clóset.", "", 49900,
     cs(["gris"], [""]), "unisex", "tela no tejida"),
    ("H21", "Cortinas Blackout Térmicas con Ojales 2 Paneles", "Hogar > Decoración", HG + "Decor > Window Treatments > Curtains & Drapes",
     "Cortinas que bloquean la luz y el ruido de la calle, con ojales metálicos.", "", 159900,
     cs(["gris", "beige"], ["140x220"]), "unisex", "poliéster"),
    ("H22", "Ventilador de Pie Samurai 3 en 1 Turbo Silence", "Hogar > Electrodomésticos", HG + "Household Appliances > Climate Control Appliances > Fans",
     "Ventilador de pie, de mesa y de pared, silencioso. Para el calor de Medellín.", "", 189900,
     U, "unisex", ""),
    ("H23", "Aspiradora Robot Xiaomi Robot Vacuum E10", "Hogar > Electrodomésticos", HG + "Household Appliances > Vacuums",
     "", "black-friday", 799900,
     U, "unisex", ""),
    ("H24", "Vela Aromática de Soya en Vaso - Vainilla", "Hogar > Decoración", HG + "Decor > Home Fragrances > Candles",
     "", "amor-y-amistad", 45900,
     cs([""], ["Vainilla", "Lavanda"]), "unisex", "cera de soya"),
    ("H26", "Espejo de Cuerpo Entero con Marco Negro 150x50", "Hogar > Decoración", HG + "Decor > Mirrors",
     "Espejo de piso o de pared, marco metálico.", "", 259900,
     U, "unisex", "vidrio"),
    ("H27", "Humidificador Ultrasónico Difusor de Aromas 500ml", "Hogar > Electrodomésticos", HG + "Household Appliances > Climate Control Appliances > Humidifiers",
     "", "", 89900,
     cs(["madera clara"], [""]), "unisex", ""),

    # ---------------- beauty ----------------
    ("B01", "Shampoo Pantene Pro-V Restauración 750 ml", "Belleza > Cuidado del cabello", PC + "Hair Care > Shampoo & Conditioner",
     "Shampoo tamaño familiar para cabello maltratado.", "", 32900,
     cs([""], ["400 ml", "750 ml"]), "unisex", ""),
    ("B02", "Acondicionador Sedal Rizos Definidos 340 ml", "Belleza > Cuidado del cabello", PC + "Hair Care > Shampoo & Conditioner",
     "", "", 17900,
     U, "female", ""),
    ("B03", "Máscara Capilar Lola Cosmetics Meu Cacho Minha Vida 450g", "Belleza > Cuidado del cabello", PC + "Hair Care",
     "Máscara de hidratação para cabelos cacheados, vegana.", "", 79900,
     U, "female", ""),
    ("B04", "Cetaphil Moisturizing Cream for Dry to Very Dry, Sensitive Skin, 16 oz, Fragrance Free", "Belleza > Cuidado de la piel", SK + " > Lotion & Moisturizer",
     "Crema hidratante facial y corporal, recomendada por dermatólogos.", "", 89900,
     U, "unisex", ""),
    ("B05", "CeraVe Hydrating Facial Cleanser | Moisturizing Non-Foaming Face Wash with Hyaluronic Acid, 16 Fl Oz", "Belleza > Cuidado de la piel", SK + " > Facial Cleansers",
     "Developed with dermatologists, with 3 essential ceramides.", "", 94900,
     U, "unisex", ""),
    ("B06", "The Ordinary Niacinamide 10% + Zinc 1% Serum 30ml", "Belleza > Cuidado de la piel", SK,
     "", "", 69900,
     U, "unisex", ""),
    ("B07", "Protector Solar La Roche-Posay Anthelios UVMune 400 SPF50+ 50 ml", "Belleza > Protector solar", SK + " > Sunscreen",
     "Fluido invisible de muy alta protección, resistente al agua.", "vacaciones-mitad-de-ano", 119900,
     cs([""], ["Con color", "Sin color"]), "unisex", ""),
    ("B08", "Protetor Solar Corporal Sundown FPS 50 200ml", "Belleza > Protector solar", SK + " > Sunscreen",
     "", "temporada-diciembre", 59900,
     U, "unisex", ""),
    ("B09", "Perfume Carolina Herrera 212 VIP Rosé Eau de Parfum Mujer", "Belleza > Perfumes", PC + "Cosmetics > Perfume & Cologne",
     "Fragancia femenina floral frutal, frasco original.", "amor-y-amistad", 489900,
     cs([""], ["50 ml", "80 ml"]), "female", ""),
    ("B10", "Paco Rabanne 1 Million Eau de Toilette Spray for Men", "Belleza > Perfumes", PC + "Cosmetics > Perfume & Cologne",
     "", "dia-del-padre", 459900,
     cs([""], ["100 ml"]), "male", ""),
    ("B11", "Victoria's Secret Bombshell Fine Fragrance Body Mist 250 ml", "Belleza > Perfumes", PC + "Cosmetics > Perfume & Cologne",
     "", "", 119900,
     U, "female", ""),
    ("B12", "Body Splash Boticário Floratta Flores Secretas 200ml", "Belleza > Perfumes", PC + "Cosmetics > Perfume & Cologne",
     "Colônia desodorante com notas florais.", "dia-de-la-madre", 89900,
     U, "female", ""),
    ("B13", "Base Maybelline Fit Me Matte + Poreless", "Belleza > Maquillaje", MK + "Face Makeup > Foundations & Concealers",
     "Base líquida de acabado mate que controla el brillo, para piel normal a grasa.", "", 49900,
     cs([""], ["120 Classic Ivory", "220 Natural Beige", "330 Toffee"]), "female", ""),
    ("B14", "PESTAÑINA MAYBELLINE LASH SENSATIONAL SKY HIGH A PRUEBA DE AGUA", "Belleza > Maquillaje", MK + "Eye Makeup > Mascara",
     "Pestañas más largas y con volumen, no se corre.", "", 54900,
     U, "female", ""),
    ("B15", "Labial Líquido Mate Larga Duración Vogue", "Belleza > Maquillaje", MK + "Lip Makeup > Lipstick",
     "Labial líquido mate que dura hasta 12 horas, no transfiere.", "", 24900,
     cs([""], ["Rojo Pasión", "Nude Canela", "Vino"]), "female", ""),
    ("B17", "Esmalte Masglo Tono Clásico 13.5 ml", "Belleza > Uñas", PC + "Cosmetics > Nail Care > Nail Polishes",
     "El esmalte colombiano de toda la vida.", "", 9900,
     cs([""], ["Elegante", "Bella", "Divina"]), "female", ""),
    ("B18", "Cosmetiquera Neceser de Maquillaje Acolchada", "Belleza > Accesorios", LB + "Cosmetic & Toiletry Bags",
     "Cosmetiquera para llevar el maquillaje en la cartera, con espejito.", "amor-y-amistad", 39900,
     cs(["nude", "negro"], [""]), "female", "poliéster"),
    ("B19", "Secador de Pelo Remington Pro 2200W Iónico", "Belleza > Electro belleza", PC + "Hair Care > Hair Styling Tools > Hair Dryers",
     "Secador profesional con difusor y boquilla concentradora.", "", 229900,
     U, "female", ""),
    ("B20", "REMINGTON S5500 1\" ANTI-STATIC FLAT IRON WITH FLOATING TITANIUM PLATES AND DIGITAL CONTROLS", "Belleza > Electro belleza", PC + "Hair Care > Hair Styling Tools > Hair Straighteners",
     "", "", 189900,
     U, "female", ""),
    ("B21", "Cepillo de Dientes Eléctrico Oral-B Vitality Pro Recargable", "Belleza > Cuidado personal", PC + "Oral Care > Toothbrushes",
     "Cepillo eléctrico recargable con temporizador de 2 minutos.", "", 139900,
     cs(["azul", "lila"], [""]), "unisex", ""),
    ("B22", "Philips OneBlade Hybrid Electric Trimmer and Shaver QP2520", "Belleza > Cuidado personal", PC + "Shaving & Grooming > Electric Razors",
     "Trim, edge and shave any length of hair.", "dia-del-padre", 199900,
     U, "male", ""),
    ("B23", "Desodorante Antitranspirante Rexona Clinical 48 g", "Belleza > Cuidado personal", PC + "Deodorant & Anti-Perspirant",
     "Protección de 96 horas contra el sudor.", "", 24900,
     cs([""], ["Mujer", "Hombre"]), "unisex", ""),
    ("B24", "Agua Micelar Garnier Todo en Uno 400 ml", "Belleza > Cuidado de la piel", SK + " > Facial Cleansers",
     "Desmaquilla, limpia y refresca sin frotar.", "", 29900,
     U, "female", ""),
    ("B25", "Kit Natura Ekos Maracujá Hidratante Corporal + Sabonete", "Belleza > Kits de regalo", PC + "Cosmetics > Bath & Body",
     "Presente com hidratante corporal e sabonetes em barra de maracujá.", "dia-de-la-madre", 149900,
     U, "female", ""),
    ("B26", "Espejo de Maquillaje con Luz LED Táctil", "Belleza > Accesorios", "Health & Beauty > Personal Care > Cosmetics > Cosmetic Tools",
     "Espejo de tocador con luz LED regulable, se carga por USB.", "", 79900,
     cs(["blanco", "rosado"], [""]), "female", ""),
    ("B27", "Real Techniques Everyday Essentials Makeup Brush Set, 5 Piece", "Belleza > Accesorios", "Health & Beauty > Personal Care > Cosmetics > Cosmetic Tools > Makeup Tools > Makeup Brushes",
     "", "", 109900,
     U, "female", "synthetic"),

    # ---------------- gaming ----------------
    ("G01", "Consola PlayStation 5 Slim Edición Digital 1TB", "GAMER > Consolas", CONS,
     "PS5 Slim digital con un control DualSense. Garantía de 1 año.", "black-friday", 2499900,
     U, "unisex", ""),
    ("G02", "Nintendo Switch OLED Model with White Joy-Con", "GAMER > Consolas", CONS,
     "7-inch OLED screen, wide adjustable stand, 64 GB internal storage.", "temporada-diciembre", 1649900,
     cs(["white", "neon red/blue"], [""]), "unisex", ""),
    ("G03", "Nintendo Switch Lite Consola Portátil", "GAMER > Consolas", CONS,
     "Switch compacta y liviana, ideal para jugar en modo portátil.", "", 1049900,
     cs(["turquesa", "coral", "gris"], [""]), "unisex", ""),
    ("G04", "Consola Xbox Series S 512GB Blanca", "GAMER > Consolas", CONS,
     "", "prima", 1699900,
     U, "unisex", ""),
    ("G05", "Valve Steam Deck OLED 512GB Handheld Gaming PC", "GAMER > Consolas", CONS,
     "HDR OLED screen, 50Whr battery, Wi-Fi 6E. Carrying case included.", "", 3099900,
     cs([""], ["512 GB", "1 TB"]), "unisex", ""),
    ("G06", "Control Inalámbrico DualSense PS5", "GAMER > Controles", VGA + "Home Game Console Accessories",
     "Control original con retroalimentación háptica y gatillos adaptativos.", "", 339900,
     cs(["blanco", "cobalt blue"], [""]), "unisex", ""),
    ("G07", "Control Xbox Inalámbrico Carbon Black + Cable USB-C", "GAMER > Controles", VGA + "Home Game Console Accessories",
     "", "", 289900,
     U, "unisex", ""),
    ("G08", "Joy-Con Pair Nintendo Switch (L)/(R)", "GAMER > Controles", VGA + "Portable Game Console Accessories",
     "Set of two Joy-Con controllers with wrist straps.", "", 389900,
     cs(["neon red/neon blue", "pastel pink/yellow"], [""]), "unisex", ""),
    ("G09", "Controle Sem Fio 8BitDo Ultimate Bluetooth com Base de Carregamento", "GAMER > Controles", VGA + "Portable Game Console Accessories",
     "Controle para Switch, PC e celular com dock de recarga.", "", 249900,
     cs(["preto"], [""]), "unisex", ""),
    ("G10", "EA SPORTS FC 25 PS5 Físico", "GAMER > Videojuegos", VGS,
     "El fútbol de EA SPORTS con ligas, clubes y el Ultimate Team. Versión física en disco.", "", 259900,
     cs([""], ["PS5", "PS4", "Xbox Series"]), "unisex", ""),
    ("G11", "Mario Kart 8 Deluxe - Nintendo Switch (US Version)", "GAMER > Videojuegos", VGS,
     "Race and battle your friends in the definitive version of Mario Kart 8.", "temporada-diciembre", 239900,
     U, "unisex", ""),
    ("G12", "The Legend of Zelda: Tears of the Kingdom - Nintendo Switch", "GAMER > Videojuegos", VGS,
     "", "", 279900,
     U, "unisex", ""),
    ("G13", "Diadema Gamer HyperX Cloud II 7.1 con Micrófono", "GAMER > Diademas", EL + "Audio > Audio Components > Headphones & Headsets",
     "Diadema gamer con sonido envolvente 7.1, para PC, PS5 y Xbox.", "", 389900,
     cs(["negro/rojo"], [""]), "unisex", ""),
    ("G14", "Headset Gamer Redragon Zeus X RGB com Microfone USB", "GAMER > Diademas", EL + "Audio > Audio Components > Headphones & Headsets",
     "", "", 219900,
     U, "unisex", ""),
    ("G15", "LOGITECH G502 HERO HIGH PERFORMANCE WIRED GAMING MOUSE, 25K SENSOR", "GAMER > Periféricos", EL + "Electronics Accessories > Computer Components > Input Devices > Mice & Trackballs",
     "", "", 199900,
     cs(["black"], [""]), "unisex", ""),
    ("G16", "Redragon K552 Kumara Mechanical Gaming Keyboard RGB LED Backlit, Spanish Layout", "GAMER > Periféricos", EL + "Electronics Accessories > Computer Components > Input Devices > Keyboards",
     "Switches red, iluminación RGB, distribución en español con ñ.", "", 189900,
     cs(["negro", "blanco"], [""]), "unisex", ""),
    ("G17", "Silla Gamer Ergonómica Reclinable con Reposapiés", "GAMER > Sillas", "Furniture > Chairs > Gaming Chairs",
     "Silla reclinable a 155°, cojín lumbar y cervical, reposapiés retráctil.", "black-friday", 699900,
     cs(["negro/rojo", "rosado"], [""]), "unisex", "cuero sintético"),
    ("G18", "SAMSUNG 27\" Odyssey G5 Series QHD 1000R Curved Gaming Monitor, 165Hz, 1ms, FreeSync Premium", "GAMER > Monitores", EL + "Video > Computer Monitors",
     "", "", 1299900,
     U, "unisex", ""),
    ("G19", "Tarjeta PlayStation Store Colombia - Código Digital", "GAMER > Tarjetas de regalo", GIFT,
     "Saldo para la PS Store, cuenta colombiana. Llega al WhatsApp.", "temporada-diciembre", 100000,
     cs([""], ["$50.000", "$100.000"]), "unisex", ""),
    ("G20", "Xbox Game Pass Ultimate - 3 Month Membership (Digital Code)", "GAMER > Tarjetas de regalo", GIFT,
     "", "", 179900,
     U, "unisex", ""),
    ("G21", "Free Fire 1060 Diamantes Recarga por ID", "GAMER > Tarjetas de regalo", GIFT,
     "Recarga directa a tu cuenta con tu ID de jugador.", "", 39900,
     U, "unisex", ""),
    ("G22", "Protector de Pantalla Vidrio Templado Nintendo Switch OLED x2", "GAMER > Accesorios consola", VGA + "Portable Game Console Accessories",
     "", "", 29900,
     U, "unisex", "vidrio"),
    ("G23", "Base de Carga Doble para Controles PS5", "GAMER > Accesorios consola", VGA + "Home Game Console Accessories",
     "", "", 89900,
     U, "unisex", ""),
    ("G24", "PARQUÉS DE MADERA 6 PUESTOS CON DADOS Y FICHAS", "GAMER > Juegos de mesa", "Toys & Games > Games > Board Games",
     "El parqués de toda la vida, tablero de madera para 6 jugadores.", "temporada-diciembre", 79900,
     U, "unisex", "madera"),
    ("G26", "Volante Logitech G29 Driving Force con Pedales PS5/PC", "GAMER > Periféricos", VGA + "Home Game Console Accessories",
     "Volante con force feedback y pedalera de 3 pedales.", "", 1199900,
     U, "unisex", ""),

    # ---------------- travel ----------------
    ("V01", "Maleta de Cabina Rígida 20\" Totto Travel Lite 10 kg", "Viaje > Maletas", LB + "Suitcases",
     "Maleta de cabina en policarbonato, 4 ruedas 360°, candado TSA integrado. Cumple medidas de equipaje de mano de Avianca, LATAM y Wingo (55x35x25).", "vacaciones-mitad-de-ano", 389900,
     cs(["negro", "azul petróleo", "rosa"], [""]), "unisex", "policarbonato"),
    ("V02", "Maleta Mediana 24\" Expandible Policarbonato 4 Ruedas Dobles", "Viaje > Maletas", LB + "Suitcases",
     "Maleta mediana para bodega, expandible 20 %, cierre TSA.", "", 459900,
     cs(["gris", "verde oliva"], [""]), "unisex", "policarbonato"),
    ("V03", "MALETA GRANDE 28\" PARA BODEGA 23 KG RÍGIDA", "Viaje > Maletas", LB + "Suitcases",
     "Maleta grande para los 23 kg de la aerolínea, ideal para viajes largos o mudanzas al exterior.", "temporada-diciembre", 549900,
     cs(["negro", "vino tinto"], [""]), "unisex", "ABS"),
    ("V04", "Set x3 Maletas Rígidas 20\" 24\" 28\" con Candado TSA", "Viaje > Maletas", LB + "Suitcases",
     "Juego de tres maletas que se guardan una dentro de otra.", "prima", 999900,
     cs(["negro", "champaña"], [""]), "unisex", "ABS"),
    ("V05", "Samsonite Freeform Hardside Expandable with Double Spinner Wheels, Carry-On 21-Inch", "Viaje > Maletas", LB + "Suitcases",
     "Lightweight polypropylene shell, expandable for extra packing, TSA lock, 10-year warranty.", "black-friday", 899900,
     cs(["black", "navy"], ["Carry-On 21\""]), "unisex", "polypropylene"),
    ("V06", "AMERICAN TOURISTER MOONLIGHT HARDSIDE EXPANDABLE LUGGAGE WITH SPINNER WHEELS", "Viaje > Maletas", LB + "Suitcases",
     "Hardside spinner with expandable zipper, 4 multi-directional wheels and side-mounted TSA lock.", "", 699900,
     cs(["purple ombre"], ["21\"", "24\""]), "unisex", "ABS"),
    ("V07", "Mala de Bordo 10kg ABS com Rodinhas 360° e Cadeado TSA", "Viaje > Maletas", LB + "Suitcases",
     "Mala de bordo rígida, cabe no compartimento superior do avião.", "", 329900,
     cs(["azul marinho", "rose"], [""]), "unisex", "ABS"),
    ("V08", "Bolso Artículo Personal Bajo el Asiento 40x30x20 Apto Avianca y LATAM", "Viaje > Equipaje de mano", LB + "Duffel Bags",
     "El bolso que va gratis debajo de la silla: tarifa básica sin pagar equipaje de mano. Bolsillo para portátil y correa para la manija de la maleta.", "", 119900,
     cs(["negro", "gris"], [""]), "unisex", "poliéster"),
    ("V09", "Morral de Viaje 40L Apto Cabina Apertura Tipo Maleta", "Viaje > Morrales de viaje", LB + "Backpacks",
     "Morral de viaje que abre como maleta, compartimento para portátil, correas de compresión. Sirve como equipaje de mano.", "vacaciones-mitad-de-ano", 249900,
     cs(["negro", "verde militar"], ["40 L"]), "unisex", "nylon"),
    ("V10", "Osprey Farpoint 40 Men's Travel Backpack, Carry-On Size", "Viaje > Morrales de viaje", LB + "Backpacks",
     "Carry-on friendly travel pack with stowaway harness, padded laptop sleeve and lockable zippers.", "", 899900,
     cs(["black", "tunnel vision grey"], ["40 L"]), "male", "nylon"),
    ("V11", "Mochila de Viagem Expansível 40L Bagagem de Mão com Entrada USB", "Viaje > Morrales de viaje", LB + "Backpacks",
     "", "", 229900,
     cs(["preto"], [""]), "unisex", "poliéster"),
    ("V12", "Maletín de Viaje Duffel Plegable 45L con Compartimento para Zapatos", "Viaje > Duffels", LB + "Duffel Bags",
     "Maletín de viaje liviano que se dobla en su propio bolsillo. Para el fin de semana en la finca o como segunda pieza.", "", 129900,
     cs(["negro", "azul"], ["45 L"]), "unisex", "nylon"),
    ("V13", "The North Face Base Camp Duffel - Medium, Durable Water-Resistant Travel Bag", "Viaje > Duffels", LB + "Duffel Bags",
     "Iconic expedition duffel with backpack straps, water-resistant laminate and D-shaped lid opening.", "", 749900,
     cs(["tnf black", "summit gold"], ["M 71 L"]), "unisex", "polyester"),
    ("V14", "Cubos Organizadores de Maleta Set x6 Packing Cubes", "Viaje > Organizadores", LA + "Packing Organizers",
     "Seis bolsas con malla para separar camisas, ropa interior y zapatos dentro de la maleta.", "vacaciones-mitad-de-ano", 79900,
     cs(["gris", "azul"], [""]), "unisex", "nylon"),
    ("V15", "BAGAIL 4 Set Compression Packing Cubes Travel Expandable Packing Organizers", "Viaje > Organizadores", LA + "Packing Organizers",
     "Double zipper compression saves up to 40% of luggage space.", "", 149900,
     cs(["black"], [""]), "unisex", "nylon"),
    ("V16", "Bolsas de Compresión para Maleta Enrollables Sin Bomba x8", "Viaje > Organizadores", LA + "Packing Organizers",
     "", "", 49900,
     U, "unisex", "plástico"),
    ("V17", "Almohada de Viaje Viscoelástica para el Cuello con Broche", "Viaje > Descanso", PC + "Sleeping Aids > Travel Pillows",
     "Almohada en U con espuma de memoria, para dormir en el avión o el bus a la costa. Funda lavable.", "temporada-diciembre", 69900,
     cs(["gris", "negro"], [""]), "unisex", "espuma viscoelástica"),
    ("V18", "Almohada Inflable de Viaje en U Compacta", "Viaje > Descanso", PC + "Sleeping Aids > Travel Pillows",
     "", "", 24900,
     cs(["azul"], [""]), "unisex", "PVC"),
    ("V19", "Travesseiro de Pescoço para Viagem com Espuma Viscoelástica", "Viaje > Descanso", PC + "Sleeping Aids > Travel Pillows",
     "Apoio cervical para voos longos e viagens de ônibus.", "", 64900,
     cs(["cinza"], [""]), "unisex", "viscoelástico"),
    ("V20", "Antifaz para Dormir 3D Contorneado + Tapones de Oídos", "Viaje > Descanso", PC + "Sleeping Aids > Eye Masks",
     "Antifaz que no toca los ojos, bloquea 100 % de la luz.", "", 29900,
     cs(["negro", "rosado"], [""]), "unisex", "espuma"),
    ("V21", "Travel Pillow Eye Mask Earplugs Set, 3-in-1 Sleep Kit for Airplane", "Viaje > Descanso", PC + "Sleeping Aids > Travel Pillows",
     "Memory foam neck pillow, contoured sleep mask and earplugs in a carry bag.", "", 99900,
     cs(["navy"], [""]), "unisex", "memory foam"),
    ("V22", "Manta de Viagem Compacta com Estojo Fleece", "Viaje > Descanso", HG + "Linens & Bedding > Bedding > Blankets",
     "Manta leve para avião, dobra dentro do próprio estojo.", "", 59900,
     cs(["cinza"], [""]), "unisex", "fleece"),
    ("V23", "Adaptador Universal de Viaje con 4 USB y 1 USB-C - Más de 150 Países", "Viaje > Accesorios electrónicos de viaje", PWR + "Travel Converters & Adapters",
     "Un solo adaptador para enchufes de Europa, Reino Unido, Estados Unidos y Australia. Carga celular y portátil al tiempo.", "vacaciones-mitad-de-ano", 89900,
     cs(["negro", "blanco"], [""]), "unisex", ""),
    ("V24", "EPICKA Universal Travel Adapter One Worldwide International Wall Charger AC Plug Adaptor with 5.6A Smart Power and 3.0A USB Type-C", "Viaje > Accesorios electrónicos de viaje", PWR + "Travel Converters & Adapters",
     "All-in-one travel adapter for over 150 countries (US, EU, UK, AU).", "", 129900,
     cs(["black", "blue"], [""]), "unisex", ""),
    ("V25", "Organizador de Cables y Cargadores de Viaje Impermeable", "Viaje > Accesorios electrónicos de viaje", LA + "Travel Pouches",
     "", "", 45900,
     cs(["negro", "gris"], [""]), "unisex", "nylon"),
    ("V26", "Pesa Digital para Maletas 50 kg con Gancho", "Viaje > Accesorios", "",
     "Pese la maleta antes de ir al aeropuerto y evite pagar sobrepeso.", "", 29900,
     cs(["negro", "plateado"], [""]), "unisex", ""),
    ("V27", "Apple AirTag 4 Pack", "Viaje > Localizadores", EL + "GPS Tracking Devices",
     "Keep track of your luggage, keys and backpack in the Find My app.", "black-friday", 499900,
     U, "unisex", ""),
    ("V28", "Localizador Bluetooth para Maletas Compatible con Buscar de Apple (iOS)", "Viaje > Localizadores", EL + "GPS Tracking Devices",
     "Tag tipo AirTag para saber dónde está la maleta, funciona con la app Buscar del iPhone. Batería de 1 año.", "", 69900,
     [("blanco", "x1"), ("blanco", "x4")], "unisex", ""),
    ("V29", "Candado TSA de Combinación para Maleta x2", "Viaje > Seguridad", "",
     "Candado aprobado TSA: la aduana de Estados Unidos lo abre sin romperlo.", "", 39900,
     cs(["negro", "rojo"], [""]), "unisex", "zinc"),
    ("V30", "TSA Approved Cable Luggage Locks, Re-settable Combination with Alloy Body, 2 Pack", "Viaje > Seguridad", "",
     "", "", 59900,
     cs(["black"], [""]), "unisex", "zinc alloy"),
    ("V31", "Porta Pasaporte de Cuero con Bloqueo RFID", "Viaje > Documentos", LA + "Travel Pouches",
     "Funda para pasaporte con ranuras para tarjetas, tiquetes y la tarjeta de embarque.", "amor-y-amistad", 59900,
     cs(["café", "azul"], [""]), "unisex", "cuero"),
    ("V32", "Billetera de Viaje Familiar para 4 Pasaportes y Documentos", "Viaje > Documentos", LA + "Travel Pouches",
     "Organizador con cremallera para pasaportes, visas, pasabordos, dólares y euros de toda la familia.", "", 89900,
     cs(["negro", "rosa"], [""]), "unisex", "poliéster"),
    ("V33", "Porta Passaporte e Documentos de Viagem com Bloqueio RFID", "Viaje > Documentos", LA + "Travel Pouches",
     "", "", 49900,
     cs(["preto"], [""]), "unisex", "poliéster"),
    ("V34", "Cinturón Porta Dinero Oculto Antirrobo RFID", "Viaje > Seguridad", LA + "Travel Pouches",
     "Cangurera plana que va por debajo de la ropa para los dólares y el pasaporte.", "", 39900,
     cs(["negro", "beige"], [""]), "unisex", "lycra"),
    ("V35", "Zero Grid Neck Wallet - RFID Blocking Travel Pouch & Passport Holder", "Viaje > Seguridad", LA + "Travel Pouches",
     "", "", 89900,
     cs(["black"], [""]), "unisex", "ripstop nylon"),
    ("V36", "Kit Botellas de Silicona para Viaje 100 ml x4 Aprobadas Aerolínea", "Viaje > Aseo de viaje", LA + "Travel Bottles & Containers",
     "Frasquitos de 100 ml para el shampoo, el acondicionador y la crema, en bolsa transparente para el control de seguridad.", "vacaciones-mitad-de-ano", 34900,
     U, "unisex", "silicona"),
    ("V37", "Kit Frascos de Viagem Silicone 12 Peças", "Viaje > Aseo de viaje", LA + "Travel Bottles & Containers",
     "", "", 44900,
     U, "unisex", "silicone"),
    ("V38", "Neceser Colgante de Viaje con Gancho - Organizador de Aseo", "Viaje > Aseo de viaje", LB + "Cosmetic & Toiletry Bags",
     "Se cuelga del gancho del baño del hotel. Compartimentos impermeables para el cepillo, la crema dental y el shampoo.", "", 69900,
     cs(["negro", "lila"], [""]), "unisex", "nylon"),
    ("V39", "BAGSMART Hanging Toiletry Bag for Women and Men, Water-Resistant Travel Bag with Hook", "Viaje > Aseo de viaje", LB + "Cosmetic & Toiletry Bags",
     "Large capacity, fits full size toiletries, TSA-friendly clear pouch included.", "", 119900,
     cs(["black", "pink"], [""]), "unisex", "polyester"),
    ("V40", "Secador de Pelo Plegable de Viaje Doble Voltaje 110/220V", "Viaje > Aseo de viaje", PC + "Hair Care > Hair Styling Tools > Hair Dryers",
     "Secador compacto con mango plegable y voltaje dual para usar en Europa.", "", 99900,
     cs(["negro", "rosado"], [""]), "female", ""),
    ("V41", "Toalla de Microfibra Secado Rápido para Viaje con Estuche", "Viaje > Accesorios", HG + "Linens & Bedding > Towels > Bath Towels & Washcloths",
     "Toalla liviana que seca en una hora, para playa, hostal o camping.", "", 49900,
     cs(["azul", "gris"], ["80x130"]), "unisex", "microfibra"),
    ("V42", "Nomader Collapsible Water Bottle - BPA Free Leak Proof Silicone Foldable Travel Water Bottle, 22 oz", "Viaje > Accesorios", KD + "Food & Beverage Carriers > Water Bottles",
     "", "", 34900,
     cs(["verde", "gris"], [""]), "unisex", "silicona"),
    ("V43", "Bolso Seco Impermeable Dry Bag 10L para Playa y Río", "Viaje > Accesorios", "",
     "Para la lancha a Tayrona, el río Claro o el tubing en San Gil: el celular y los documentos no se mojan.", "temporada-diciembre", 54900,
     [("amarillo", "10 L"), ("azul", "20 L")], "unisex", "PVC"),
    ("V44", "MEDIAS DE COMPRESIÓN PARA VUELOS LARGOS 15-20 MMHG", "Viaje > Bienestar en el viaje", CL + "Underwear & Socks > Socks",
     "Medias de compresión graduada para evitar piernas hinchadas en el avión.", "", 59900,
     [("negro", "S/M"), ("piel", "L/XL")], "unisex", "nylon/spandex"),
    ("V45", "Poncho Impermeable para Lluvia Reutilizable con Capucha", "Viaje > Accesorios", CL + "Outerwear > Coats & Jackets",
     "Poncho plástico liviano que se guarda en su bolsita, para el Eje Cafetero, Guatapé o el concierto.", "", 24900,
     cs(["transparente", "amarillo"], ["Única"]), "unisex", "EVA"),
    ("V46", "Estuche de Viaje Rígido para Nintendo Switch OLED 20 Juegos", "Viaje > Estuches de consola", VGA + "Portable Game Console Accessories",
     "Estuche rígido para llevar la Switch en el viaje, con espacio para 20 juegos y los cargadores.", "", 79900,
     cs(["negro", "rojo/azul"], [""]), "unisex", "EVA"),
    ("V47", "Bolsa de Viagem para PS5 Slim com Compartimento para Controles", "Viaje > Estuches de consola", VGA + "Home Game Console Accessories",
     "", "", 159900,
     cs(["preto"], [""]), "unisex", "nylon"),
    ("V48", "Tarjeta Regalo Assist Card - Asistencia al Viajero Internacional", "Viaje > Asistencia al viajero", GIFT,
     "Plan de asistencia médica en el exterior, exigido para entrar a Europa (Schengen). Se activa con la fecha del viaje.", "vacaciones-mitad-de-ano", 189900,
     cs([""], ["8 días", "15 días", "30 días"]), "unisex", ""),
    ("V50", "Marquillas para Maleta de Silicona x4 con Tarjeta de Datos", "Viaje > Accesorios", LA + "Luggage Tags",
     "Marquillas de colores para reconocer la maleta en la banda del aeropuerto.", "", 24900,
     cs(["surtido"], [""]), "unisex", "silicona"),
    ("V51", "Etiqueta de Bagagem Couro Personalizada", "Viaje > Accesorios", LA + "Luggage Tags",
     "", "", 29900,
     cs(["caramelo"], [""]), "unisex", "couro"),
    ("V52", "Forro Protector Elástico para Maleta Estampado", "Viaje > Accesorios", LA + "Luggage Covers",
     "Funda elástica que protege la maleta de rayones y la hace fácil de reconocer.", "", 44900,
     [("mapamundi", "S 18-20\""), ("mapamundi", "M 22-24\""), ("flores", "L 26-28\"")], "unisex", "spandex"),
    ("V53", "TravelMore TSA Luggage Straps for Suitcases, Adjustable Belt with Combination Lock", "Viaje > Seguridad", LA + "Luggage Straps",
     "", "", 29900,
     cs(["multicolor"], [""]), "unisex", "poliéster"),
    ("V54", "Porta Vestido Plegable Antiarrugas para Viaje", "Viaje > Organizadores", LB + "Garment Bags",
     "Portatraje para llevar el vestido o el traje al matrimonio sin que se arrugue.", "", 99900,
     cs(["negro"], [""]), "unisex", "poliéster"),
]


def whole_pesos():
    """COP has no cents in practice: rewrite "189900.00 COP" as
    "189900 COP" and round sale prices to hundreds."""
    path = os.path.join(feedgen.HERE, "catalog22.csv")
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    for row in table[1:]:
        for col in (5, 6):
            if row[col]:
                amount, cur = row[col].split()
                row[col] = f"{int(round(float(amount) / 100.0)) * 100} {cur}"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(table)


def main():
    feedgen.build("catalog22.csv", "C22", CATALOG22, BRANDS, Andino())
    whole_pesos()


if __name__ == "__main__":
    main()
