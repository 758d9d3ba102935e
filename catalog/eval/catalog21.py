#!/usr/bin/env python3
"""Writes catalog21.csv (Meta catalog-feed format, like catalog/products.csv)
next to this file: the twenty-first evaluation catalog, held out from
tuning.

A Peruvian bookstore-and-variety shop in Lima ("Librería y Bazar
Miraflores") selling through WhatsApp. Six brands: the five demo brands
(fashion, tech, home, beauty, gaming) and a sixth, `books` (libros de todo
tipo: novela peruana y latinoamericana, autoayuda, fantasía, manga y
cómics, cuentos infantiles ilustrados, recetarios, textos escolares,
compendios preuniversitarios y bancos de preguntas de admisión,
diccionarios, preparación de exámenes de inglés, cuadernos, libretas y
agendas, lápices de colores, forro para libros (vinifan), separadores,
luz de lectura con clip, atril para libros, sujetalibros, fundas para
e-readers, cojín de lectura, libros de pasatiempos (sudoku, crucigramas),
mandalas para colorear, guías oficiales y art books de videojuegos,
tarjeta de regalo de Audible; its routing section is
seller-books.routing.toml).

Ownership decisions (deliberate overlaps):
- the e-readers themselves (Kindle Paperwhite, Kobo Clara) are tech's;
  their covers ("funda para kindle / kobo") are books'; phone cases,
  the tablet cover and the screen protector tech's; the Nintendo Switch
  carrying case gaming's;
- the clip-on reading light ("luz de lectura") is books'; desk lamps,
  bedside lamps and the smart bulb ("foco") home's; the ring light tech's;
- the book stand ("atril") is books'; the laptop stand tech's;
- the reading pillow ("cojín de lectura con brazos") is books'; bed
  pillows ("almohada") and decorative cushions ("cojín decorativo") home's;
- the bookends ("sujetalibros") are books'; the bookcase ("estante
  librero") home's;
- video-game strategy guides and art books are books'; the video games,
  consoles and controllers gaming's;
- board games (Monopoly, Catan, Jenga, chess), the jigsaw puzzle
  ("rompecabezas"), the Rubik cube, playing cards ("naipes") and UNO are
  gaming's; puzzle books (sudoku, crucigramas) and colouring books books';
- gift cards: the Audible (audiobook) gift card is books'; PlayStation
  Store, Steam and Free Fire diamonds gaming's;
- notebooks in the paper sense ("cuaderno", Moleskine, agenda) are books';
  laptops ("lap", "notebook" in the computer sense) tech's;
- school supplies sold by the librería (cuadernos, lápices de colores,
  forro vinifan) are books'; the scientific calculator tech's; the school
  backpack fashion's;
- the book-themed canvas tote bag is fashion's; the Funko Pop figure
  (Naruto) gaming's while the Naruto/One Piece manga volumes are books';
- cookbooks are books'; kitchen appliances and pots home's;
- the makeup mirror with light is beauty's; the full-length mirror home's;
- gaming headsets are gaming's; bluetooth headphones, earbuds and wired
  earphones tech's.

Feed style: about 65 % Peruvian Spanish titles, about 30 % imported
English rows, a few Brazilian Portuguese rows; title styles mixed on
purpose (maker first "JBL Tune 520BT ...", product first "Polo Básico ...
- Topitop", ALL CAPS imports, attributes after a dash "Cuaderno ... -
100 hojas"). The variant follows in square brackets ("[Negro / Talla M]").
Prices in PEN ("39.90 PEN"), 20 % off on every eighth row; product_type
the shop's own Spanish words, upper-case section then a colon ("LIBRERÍA:
Manga", "ROPA: Polos"); google_product_category alternates between
Google's full English path and its numeric id (path, id, id, path, path,
id ...); custom_label_0 a campaign (campana-escolar, fiestas-patrias,
dia-de-la-madre, dia-del-padre, navidad, cyber-wow, feria-del-libro) or
empty; some descriptions left empty.

    python3 catalog/eval/catalog21.py
"""

import re

import feedgen

BRANDS = {"F": "fashion", "T": "tech", "H": "home", "B": "beauty",
          "G": "gaming", "K": "books"}

SIZE = re.compile(r"^(XS|S|M|L|XL|XXL|\d{2})$")


class Miraflores(feedgen.Style):
    avail = ["in stock", "in stock", "in stock", "in stock", "out of stock",
             "in stock", "in stock", "available for order", "in stock",
             "in stock", "in stock", "in stock", "preorder"]
    currency = "PEN"
    sale_factor = 0.8
    sale_every = 8

    def google(self, ids, ending, i):
        return feedgen.google_by_cycle(ids, ending, i, ["path", "id", "id", "path", "path", "id"])

    def variant(self, title, v):
        color, size = v
        parts = []
        if color:
            parts.append(color[:1].upper() + color[1:])
        if size:
            parts.append(f"Talla {size}" if SIZE.match(size) else size)
        return color, size, (f"{title} [{' / '.join(parts)}]" if parts else title)

    def stock(self, n):
        return 1 + (n * 11) % 23

    def link(self, pid):
        return f"https://libreriamiraflores.pe/tienda/{pid.lower()}"

    def image(self, pid):
        return f"https://libreriamiraflores.pe/media/fotos/{pid.lower()}.jpg"


def cs(colors, sizes):
    """Every colour in every size."""
    return [(c, s) for c in colors for s in sizes]


U = [("", "")]
AP = "Apparel & Accessories > "
CL = AP + "Clothing > "
SH = AP + "Shoes"
EL = "Electronics > "
HG = "Home & Garden > "
KD = HG + "Kitchen & Dining > "
KA = KD + "Kitchen Appliances > "
PC = "Health & Beauty > Personal Care > "
MK = PC + "Cosmetics > Makeup > "
PB = "Media > Books > Print Books"
BA = "Office Supplies > Book Accessories > "
TG = "Toys & Games > "
VGS = "Software > Video Game Software"
GIFT = "Arts & Entertainment > Party & Celebration > Gift Giving > Gift Cards & Certificates"
NB = "Office Supplies > General Office Supplies > Paper Products > Notebooks & Notepads"

# (key, title, product_type, google path, description, campaign, price PEN,
#  variants [(color, size)], gender, material)
CATALOG21 = [
    # ---------------- fashion ----------------
    ("F01", "Polo Básico Cuello Redondo Algodón Pima - Topitop", "ROPA: Polos", CL + "Shirts & Tops",
     "Polo de algodón pima peruano, suave y fresco, corte regular. Ideal para el día a día.", "", 39.90,
     [("blanco", "S"), ("blanco", "M"), ("negro", "M"), ("negro", "L")], "unisex", "algodón pima"),
    ("F02", "Polo Oversize Estampado Machu Picchu", "ROPA: Polos", CL + "Shirts & Tops",
     "Polo oversize con estampado de Machu Picchu en la espalda.", "fiestas-patrias", 49.90,
     cs(["crema", "negro"], ["M"]), "unisex", "algodón"),
    ("F03", "LEVI'S 501 ORIGINAL FIT JEANS", "ROPA: Jeans", CL + "Pants",
     "Straight leg, button fly, 100% cotton denim.", "", 259.00,
     cs(["dark blue"], ["30", "32"]), "male", "denim"),
    ("F04", "Casaca Cortaviento Impermeable con Capucha", "ROPA: Casacas", CL + "Outerwear > Coats & Jackets",
     "Casaca ligera rompeviento, capucha guardable en el cuello. Perfecta para la garúa de Lima.", "", 129.90,
     [("negro", "M"), ("verde olivo", "L")], "unisex", "poliéster"),
    ("F05", "Renzo Costa Casaca de Cuero Biker Mujer", "ROPA: Casacas", CL + "Outerwear > Coats & Jackets",
     "Casaca de cuero legítimo con cierres metálicos y forro interior.", "dia-de-la-madre", 599.00,
     cs(["negro"], ["S", "M"]), "female", "cuero"),
    ("F06", "Chompa de Alpaca Tejida a Mano - Kuna Style", "ROPA: Chompas", CL + "Shirts & Tops",
     "Chompa tejida a mano con fibra de alpaca de Puno. Abriga sin picar.", "", 249.00,
     cs(["gris", "camel"], ["M"]), "unisex", "alpaca"),
    ("F07", "Chompa Cuello Alto Tejido Acanalado", "ROPA: Chompas", CL + "Shirts & Tops",
     "", "", 79.90,
     cs(["beige", "negro"], ["S"]), "female", "acrílico"),
    ("F08", "Polera con Capucha Franela Perchada", "ROPA: Poleras", CL + "Activewear",
     "Polera canguro con capucha y bolsillo delantero, interior perchado.", "", 89.90,
     [("gris jaspeado", "M"), ("gris jaspeado", "L"), ("azul marino", "L")], "unisex", "algodón"),
    ("F09", "Bata Zapatillas Urbanas Blancas Cuero Sintético", "CALZADO: Zapatillas", SH,
     "Zapatillas urbanas blancas con suela de goma.", "campana-escolar", 119.90,
     cs(["blanco"], ["37", "40"]), "unisex", "cuero sintético"),
    ("F10", "NIKE REVOLUTION 7 RUNNING SHOES", "CALZADO: Zapatillas", SH,
     "Lightweight road running shoe with soft foam cushioning.", "", 299.00,
     [("black", "41"), ("white", "42")], "male", "mesh"),
    ("F11", "Sandalias de Cuero Artesanales", "CALZADO: Sandalias", SH,
     "Sandalias hechas a mano en cuero natural por artesanos de Cusco.", "", 89.00,
     cs(["marrón"], ["36", "38"]), "female", "cuero"),
    ("F12", "Vestido Midi Floral de Verano", "ROPA: Vestidos", CL + "Dresses",
     "Vestido midi de viscosa con estampado floral y tiras regulables.", "", 99.90,
     [("azul floral", "S"), ("rojo floral", "M")], "female", "viscosa"),
    ("F13", "Blusa de Lino Manga Larga - Mujer", "ROPA: Blusas", CL + "Shirts & Tops",
     "", "", 69.90,
     cs(["blanco"], ["S", "M"]), "female", "lino"),
    ("F14", "Short Jean Tiro Alto Mujer", "ROPA: Shorts", CL + "Shorts",
     "Short de jean tiro alto con basta deshilachada.", "", 59.90,
     cs(["celeste"], ["26", "28"]), "female", "denim"),
    ("F15", "Buzo Deportivo Completo Casaca + Pantalón", "ROPA: Buzos", CL + "Activewear",
     "Buzo de dos piezas (casaca con cierre y pantalón jogger), tela French terry.", "campana-escolar", 139.90,
     [("negro", "M"), ("azul", "L")], "unisex", "poliéster"),
    ("F16", "Camiseta Selección Peruana 2026 Réplica Oficial", "ROPA: Camisetas de fútbol", CL + "Activewear",
     "Camiseta blanquirroja con la franja roja, réplica oficial para hinchas.", "fiestas-patrias", 199.00,
     cs(["blanco/rojo"], ["M", "L"]), "unisex", "poliéster"),
    ("F17", "Gorra Trucker Bordada LIMA", "ACCESORIOS: Gorras", AP + "Clothing Accessories > Hats",
     "", "", 45.00,
     cs(["negro", "beige"], [""]), "unisex", "algodón"),
    ("F18", "Chullo Andino de Alpaca con Orejeras", "ACCESORIOS: Gorros", AP + "Clothing Accessories > Hats",
     "Chullo tradicional tejido con diseños andinos y pompones.", "", 55.00,
     cs(["multicolor", "gris"], [""]), "unisex", "alpaca"),
    ("F19", "Bufanda de Baby Alpaca", "ACCESORIOS: Bufandas", AP + "Clothing Accessories > Scarves & Shawls",
     "Bufanda liviana de baby alpaca, muy suave.", "dia-de-la-madre", 120.00,
     cs(["vino", "gris perla"], [""]), "unisex", "baby alpaca"),
    ("F20", "Totto Mochila Escolar Ergonómica", "ACCESORIOS: Mochilas", "Luggage & Bags > Backpacks",
     "Mochila escolar con espaldar acolchado, compartimento para laptop de 14\" y porta tomatodo.", "campana-escolar", 179.00,
     cs(["azul", "negro", "rosado"], [""]), "unisex", "poliéster"),
    ("F21", "Mochila Urbana Antirrobo con Puerto USB", "ACCESORIOS: Mochilas", "Luggage & Bags > Backpacks",
     "", "", 119.90,
     cs(["gris", "negro"], [""]), "unisex", "poliéster"),
    ("F22", "Canvas Tote Bag \"I'd Rather Be Reading\"", "ACCESORIOS: Bolsos", AP + "Handbags, Wallets & Cases > Handbags",
     "Sturdy cotton canvas tote bag for book lovers, inner pocket.", "feria-del-libro", 35.00,
     cs(["natural"], [""]), "unisex", "canvas"),
    ("F23", "Lentes de Sol Polarizados UV400", "ACCESORIOS: Lentes de sol", AP + "Clothing Accessories > Sunglasses",
     "Lentes de sol polarizados con protección UV400 y estuche.", "", 69.90,
     cs(["negro", "carey"], [""]), "unisex", "policarbonato"),
    ("F24", "CASIO A168WA VINTAGE DIGITAL WATCH", "ACCESORIOS: Relojes", AP + "Jewelry > Watches",
     "Retro digital watch with LED light, stopwatch and alarm.", "dia-del-padre", 169.00,
     cs(["silver", "gold"], [""]), "unisex", "stainless steel"),
    ("F25", "Correa de Cuero Hombre - Hebilla Metálica", "ACCESORIOS: Correas", AP + "Clothing Accessories > Belts",
     "Correa de cuero para vestir, hebilla plateada.", "dia-del-padre", 79.00,
     cs(["negro", "marrón"], ["M"]), "male", "cuero"),
    ("F26", "Pijama Polar Dos Piezas Mujer", "ROPA: Pijamas", CL + "Sleepwear & Loungewear",
     "Pijama abrigador de polar para el invierno limeño.", "", 69.90,
     [("rosado", "S"), ("rosado", "M"), ("lila", "M")], "female", "polar"),
    ("F27", "Medias Tobilleras Pack x6", "ROPA: Medias", CL + "Underwear & Socks > Socks",
     "", "", 29.90,
     cs(["surtido"], ["M"]), "unisex", "algodón"),
    ("F28", "CALVIN KLEIN COTTON STRETCH BOXER BRIEFS 3-PACK", "ROPA: Ropa interior", CL + "Underwear & Socks > Underwear",
     "", "", 149.00,
     cs(["black"], ["M"]), "male", "cotton"),
    ("F29", "Camisa Oxford Manga Larga Slim Fit", "ROPA: Camisas", CL + "Shirts & Tops",
     "Camisa oxford de algodón, cuello abotonado.", "", 89.90,
     [("celeste", "M"), ("blanco", "L")], "male", "algodón"),
    ("F30", "Chinelo Havaianas Top Original", "CALZADO: Sandalias", SH,
     "Chinelo de borracha clássico, confortável e resistente.", "", 49.90,
     [("preto", "37/38"), ("azul", "39/40")], "unisex", "borracha"),

    # ---------------- tech ----------------
    ("T01", "Kindle Paperwhite 16GB 7\" Waterproof E-Reader", "TECNOLOGÍA: Lectores electrónicos", EL + "Computers > Handheld Devices > E-Book Readers",
     "Glare-free 7\" display, adjustable warm light, weeks of battery, waterproof.", "feria-del-libro", 699.00,
     cs(["black", "jade"], [""]), "unisex", ""),
    ("T02", "KOBO CLARA BW 6\" E-READER", "TECNOLOGÍA: Lectores electrónicos", EL + "Computers > Handheld Devices > E-Book Readers",
     "", "", 549.00,
     U, "unisex", ""),
    ("T03", "Xiaomi Redmi Note 14 128GB Celular Libre", "TECNOLOGÍA: Celulares", EL + "Communications > Telephony > Mobile Phones",
     "Pantalla AMOLED 6.67\", cámara de 108 MP, batería de 5500 mAh.", "cyber-wow", 849.00,
     cs(["negro", "morado"], ["128GB"]), "unisex", ""),
    ("T04", "Samsung Galaxy A25 5G", "TECNOLOGÍA: Celulares", EL + "Communications > Telephony > Mobile Phones",
     "Celular 5G con pantalla Super AMOLED de 6.5\" y 128 GB.", "", 999.00,
     cs(["azul oscuro", "amarillo"], ["128GB"]), "unisex", ""),
    ("T05", "Case de Silicona para iPhone 15 - Antigolpes", "TECNOLOGÍA: Accesorios de celular", EL + "Communications > Telephony > Mobile Phone Accessories > Mobile Phone Cases",
     "Funda de silicona suave al tacto con interior de microfibra.", "", 39.90,
     cs(["negro", "lila"], [""]), "unisex", "silicona"),
    ("T06", "Mica de Vidrio Templado 9H Samsung / iPhone", "TECNOLOGÍA: Accesorios de celular", EL + "Electronics Accessories > Electronics Films & Shields > Screen Protectors",
     "Protector de pantalla de vidrio templado, instalación sin burbujas.", "", 19.90,
     cs([""], ["iPhone 15", "Galaxy A25"]), "unisex", "vidrio"),
    ("T07", "Cargador Rápido USB-C 20W", "TECNOLOGÍA: Cargadores", EL + "Electronics Accessories > Power > Power Adapters & Chargers",
     "", "", 49.90,
     cs(["blanco"], [""]), "unisex", ""),
    ("T08", "Xiaomi Power Bank 10000mAh 22.5W", "TECNOLOGÍA: Cargadores", EL + "Electronics Accessories > Power > Batteries",
     "Batería externa compacta con carga rápida y dos salidas USB.", "", 79.90,
     cs(["negro"], [""]), "unisex", ""),
    ("T09", "JBL Tune 520BT Audífonos Bluetooth On-Ear", "TECNOLOGÍA: Audífonos", EL + "Audio > Audio Components > Headphones & Headsets > Headphones",
     "Audífonos inalámbricos con sonido JBL Pure Bass y 57 horas de batería.", "", 199.00,
     cs(["negro", "azul", "blanco"], [""]), "unisex", ""),
    ("T10", "SOUNDCORE BY ANKER P20i TRUE WIRELESS EARBUDS", "TECNOLOGÍA: Audífonos", EL + "Audio > Audio Components > Headphones & Headsets > Headphones",
     "Bluetooth 5.3 earbuds, 30 h playtime with case.", "", 99.00,
     cs(["black", "white"], [""]), "unisex", ""),
    ("T11", "Parlante Bluetooth JBL Flip 6 - Resistente al Agua", "TECNOLOGÍA: Parlantes", EL + "Audio > Audio Components > Speakers",
     "Parlante portátil IP67 con 12 horas de música.", "dia-del-padre", 499.00,
     cs(["negro", "rojo"], [""]), "unisex", ""),
    ("T12", "LENOVO IDEAPAD SLIM 3 15.6\" LAPTOP CORE I5 16GB 512GB", "TECNOLOGÍA: Laptops", EL + "Computers > Laptops",
     "15.6\" FHD laptop, Intel Core i5, 16GB RAM, 512GB SSD, Windows 11.", "campana-escolar", 2499.00,
     cs(["arctic grey"], [""]), "unisex", ""),
    ("T13", "Laptop HP 15 AMD Ryzen 5 8GB 512GB SSD", "TECNOLOGÍA: Laptops", EL + "Computers > Laptops",
     "", "", 1999.00,
     cs(["plata"], [""]), "unisex", ""),
    ("T14", "Apple iPad 10.9\" (10ma generación) WiFi", "TECNOLOGÍA: Tablets", EL + "Computers > Tablet Computers",
     "Tablet con pantalla Liquid Retina de 10.9\", chip A14 Bionic.", "", 1799.00,
     cs(["azul", "plata"], ["64GB"]), "unisex", ""),
    ("T15", "Logitech M170 Mouse Inalámbrico", "TECNOLOGÍA: Periféricos", EL + "Electronics Accessories > Computer Components > Input Devices > Mice & Trackballs",
     "Mouse inalámbrico con receptor USB nano, 12 meses de pila.", "", 39.90,
     cs(["negro", "gris"], [""]), "unisex", ""),
    ("T16", "Logitech K380 Teclado Bluetooth Multidispositivo Español", "TECNOLOGÍA: Periféricos", EL + "Electronics Accessories > Computer Components > Input Devices > Keyboards",
     "Teclado compacto con ñ, se conecta a tres equipos a la vez.", "", 149.00,
     cs(["grafito", "rosado"], [""]), "unisex", ""),
    ("T17", "Soporte para Laptop de Aluminio Plegable - Ajustable", "TECNOLOGÍA: Accesorios de laptop", EL + "Electronics Accessories > Computer Accessories > Computer Risers & Stands",
     "Eleva la laptop a la altura de los ojos, 6 niveles.", "", 69.90,
     cs(["plata"], [""]), "unisex", "aluminio"),
    ("T18", "CASIO FX-991LA CW SCIENTIFIC CALCULATOR", "TECNOLOGÍA: Calculadoras", "Office Supplies > Office Equipment > Calculators > Scientific Calculators",
     "ClassWiz scientific calculator, 540+ functions, Spanish menus.", "campana-escolar", 119.00,
     cs(["black"], [""]), "unisex", ""),
    ("T19", "Impresora Multifuncional Epson EcoTank L3250 WiFi", "TECNOLOGÍA: Impresoras", EL + "Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines",
     "Imprime, copia y escanea con tanque de tinta recargable. Ideal para tareas.", "campana-escolar", 749.00,
     U, "unisex", ""),
    ("T20", "Kingston DataTraveler Memoria USB 3.2", "TECNOLOGÍA: Almacenamiento", EL + "Electronics Accessories > Computer Components > Storage Devices > USB Flash Drives",
     "", "", 24.90,
     cs([""], ["64GB", "128GB"]), "unisex", ""),
    ("T21", "SEAGATE 1TB PORTABLE EXTERNAL HARD DRIVE", "TECNOLOGÍA: Almacenamiento", EL + "Electronics Accessories > Computer Components > Storage Devices > Hard Drives",
     "USB 3.0 portable hard drive for backups.", "", 249.00,
     cs(["black"], ["1TB"]), "unisex", ""),
    ("T22", "Xiaomi Redmi Watch 5 Active Reloj Inteligente", "TECNOLOGÍA: Smartwatch", "Electronics > Communications > Telephony > Mobile Phone Accessories",
     "Smartwatch con pantalla de 2\", llamadas bluetooth y 18 días de batería.", "", 169.00,
     cs(["negro", "plata"], [""]), "unisex", ""),
    ("T23", "Cámara de Seguridad WiFi TP-Link Tapo C200 360°", "TECNOLOGÍA: Seguridad", "Cameras & Optics > Cameras > Surveillance Cameras",
     "Cámara IP con visión nocturna y detección de movimiento, se ve desde el celular.", "", 129.00,
     U, "unisex", ""),
    ("T24", "Router WiFi 6 TP-Link Archer AX23", "TECNOLOGÍA: Redes", EL + "Networking > Bridges & Routers > Wireless Routers",
     "", "", 229.00,
     U, "unisex", ""),
    ("T25", "AMAZON FIRE TV STICK 4K", "TECNOLOGÍA: TV y streaming", EL + "Video > Video Players & Recorders > Streaming & Home Media Players",
     "Stream in 4K Ultra HD, Alexa voice remote.", "", 279.00,
     U, "unisex", ""),
    ("T26", "Aro de Luz LED 10\" con Trípode y Holder para Celular", "TECNOLOGÍA: Accesorios de celular", "Cameras & Optics > Photography > Lighting & Studio",
     "Ring light con 3 tonos de luz, ideal para TikTok y clases virtuales.", "", 59.90,
     U, "unisex", ""),
    ("T27", "Logitech C920 Webcam Full HD 1080p", "TECNOLOGÍA: Periféricos", "Cameras & Optics > Cameras > Webcams",
     "Cámara web con micrófono estéreo para clases y reuniones.", "", 299.00,
     U, "unisex", ""),
    ("T28", "Fone de Ouvido com Fio Intra-auricular P2", "TECNOLOGÍA: Audífonos", EL + "Audio > Audio Components > Headphones & Headsets > Headphones",
     "Fone com microfone e cabo de 1,2 m, conector P2.", "", 19.90,
     cs(["preto", "branco"], [""]), "unisex", ""),
    ("T29", "Funda con Teclado para Samsung Galaxy Tab A9+", "TECNOLOGÍA: Accesorios de tablet", EL + "Electronics Accessories > Computer Accessories > Tablet Computer Docks & Stands",
     "Funda tipo libro con teclado bluetooth desmontable.", "", 119.00,
     cs(["negro"], [""]), "unisex", "cuero sintético"),

    # ---------------- home ----------------
    ("H01", "Lámpara de Escritorio LED Flexible con Puerto USB", "HOGAR: Iluminación", HG + "Lighting > Lamps",
     "Lámpara de escritorio con brazo flexible, 3 intensidades y puerto USB para cargar el celular.", "campana-escolar", 69.90,
     cs(["blanco", "negro"], [""]), "unisex", "plástico"),
    ("H02", "Lámpara de Mesa de Noche Base de Cerámica", "HOGAR: Iluminación", HG + "Lighting > Lamps",
     "Lámpara de velador con pantalla de tela.", "", 89.90,
     cs(["terracota", "blanco"], [""]), "unisex", "cerámica"),
    ("H03", "Oster Olla Arrocera 1.8L con Vaporera", "HOGAR: Electrodomésticos", KA + "Food Cookers & Steamers > Rice Cookers",
     "Olla arrocera para 10 tazas, mantiene el arroz caliente. Incluye vaporera.", "", 149.00,
     cs(["blanco"], ["1.8L"]), "unisex", "aluminio"),
    ("H04", "Freidora de Aire Imaco 4L Digital", "HOGAR: Electrodomésticos", KA + "Deep Fryers",
     "Freidora sin aceite con panel digital y 8 programas.", "cyber-wow", 229.00,
     cs(["negro"], ["4L"]), "unisex", ""),
    ("H05", "OSTER 6-SPEED BLENDER GLASS JAR 600W", "HOGAR: Electrodomésticos", KA + "Food Mixers & Blenders",
     "", "dia-de-la-madre", 219.00,
     cs(["black"], [""]), "unisex", "glass"),
    ("H06", "Hervidor Eléctrico de Acero 1.7L", "HOGAR: Electrodomésticos", KA + "Electric Kettles",
     "Hervidor inalámbrico con apagado automático.", "", 79.90,
     cs(["acero"], [""]), "unisex", "acero inoxidable"),
    ("H07", "Juego de Sábanas Algodón 180 Hilos", "HOGAR: Dormitorio", HG + "Linens & Bedding > Bedding > Bed Sheets",
     "Juego de sábanas con funda de almohada, algodón percal.", "", 119.00,
     [("blanco", "1.5 plazas"), ("gris", "2 plazas")], "unisex", "algodón"),
    ("H08", "Edredón Reversible Microfibra", "HOGAR: Dormitorio", HG + "Linens & Bedding > Bedding > Quilts & Comforters",
     "", "", 159.00,
     cs(["azul/gris"], ["2 plazas", "queen"]), "unisex", "microfibra"),
    ("H09", "Almohada Viscoelástica Memory Foam", "HOGAR: Dormitorio", HG + "Linens & Bedding > Bedding > Pillows",
     "Almohada de espuma viscoelástica que se adapta al cuello.", "", 99.00,
     cs(["blanco"], ["estándar"]), "unisex", "memory foam"),
    ("H10", "Cojín Decorativo Diseño Andino 45x45", "HOGAR: Decoración", HG + "Decor > Throw Pillows",
     "Cojín con funda tejida de diseño andino, relleno incluido.", "fiestas-patrias", 49.90,
     cs(["rojo", "mostaza"], [""]), "unisex", "algodón"),
    ("H11", "Toalla de Baño Algodón Egipcio 70x140", "HOGAR: Baño", HG + "Linens & Bedding > Towels > Bath Towels & Washcloths",
     "", "", 59.90,
     cs(["blanco", "azul"], [""]), "unisex", "algodón"),
    ("H12", "Tomatodo Térmico de Acero 750ml", "HOGAR: Cocina", KD + "Food & Beverage Carriers > Water Bottles",
     "Tomatodo de doble pared: frío 24 h, caliente 12 h. No gotea en la mochila.", "campana-escolar", 49.90,
     cs(["negro", "lila", "verde"], ["750ml"]), "unisex", "acero inoxidable"),
    ("H13", "Set de Tápers de Vidrio Herméticos x3", "HOGAR: Cocina", KD + "Food Storage > Food Storage Containers",
     "Tápers de vidrio con tapa hermética, aptos para microondas. Para la lonchera.", "", 69.90,
     U, "unisex", "vidrio"),
    ("H14", "RECORD JUEGO DE OLLAS ANTIADHERENTES 7 PIEZAS", "HOGAR: Cocina", KD + "Cookware & Bakeware > Cookware > Cookware Sets",
     "", "", 289.00,
     cs(["rojo", "negro"], [""]), "unisex", "aluminio"),
    ("H15", "Cafetera de Filtro Oster 12 Tazas", "HOGAR: Electrodomésticos", KA + "Coffee Makers & Espresso Machines > Drip Coffee Makers",
     "Cafetera programable con jarra de vidrio.", "", 169.00,
     U, "unisex", ""),
    ("H16", "Ventilador de Pie 16\" Imaco", "HOGAR: Electrodomésticos", "Home & Garden > Household Appliances > Climate Control Appliances > Fans",
     "Ventilador de pie con 3 velocidades y oscilación. Para el verano.", "", 129.00,
     cs(["negro"], [""]), "unisex", ""),
    ("H17", "Alfombra Shaggy 120x170", "HOGAR: Decoración", HG + "Decor > Rugs",
     "", "", 179.00,
     cs(["gris", "crema"], [""]), "unisex", "poliéster"),
    ("H18", "Cortina Blackout con Ojales 140x220", "HOGAR: Decoración", HG + "Decor > Window Treatments > Curtains & Drapes",
     "Bloquea la luz y el calor.", "", 89.90,
     cs(["gris", "beige"], [""]), "unisex", "poliéster"),
    ("H19", "Estante Librero de Melamina 5 Niveles", "HOGAR: Muebles", "Furniture > Shelving > Bookcases & Standing Shelves",
     "Librero de 5 repisas, fácil de armar.", "", 259.00,
     cs(["blanco", "nogal"], [""]), "unisex", "melamina"),
    ("H21", "Vela Aromática de Soya - Eucalipto", "HOGAR: Decoración", HG + "Decor > Home Fragrances > Candles",
     "Vela en vaso de vidrio, 40 horas de duración.", "navidad", 39.90,
     cs([""], ["eucalipto", "vainilla"]), "unisex", "cera de soya"),
    ("H22", "Difusor de Aromas Ultrasónico con Luz LED 300ml", "HOGAR: Decoración", HG + "Decor > Home Fragrances",
     "Humidificador difusor con 7 colores de luz y apagado automático.", "", 79.90,
     cs(["madera clara"], [""]), "unisex", ""),
    ("H23", "Espejo de Pie Cuerpo Entero 40x150", "HOGAR: Decoración", HG + "Decor > Mirrors",
     "", "", 199.00,
     cs(["negro", "dorado"], [""]), "unisex", "vidrio"),
    ("H24", "Reloj de Pared Minimalista Silencioso", "HOGAR: Decoración", HG + "Decor > Clocks > Wall Clocks",
     "", "", 59.90,
     cs(["negro"], [""]), "unisex", ""),
    ("H25", "Tramontina Set de Cuchillos x5 con Soporte", "HOGAR: Cocina", KD + "Kitchen Tools & Utensils > Kitchen Knives",
     "Cuchillos de acero inoxidable con mango de polipropileno.", "", 119.00,
     U, "unisex", "acero inoxidable"),
    ("H26", "Tábua de Corte de Bambu Grande", "HOGAR: Cocina", KD + "Kitchen Tools & Utensils > Cutting Boards",
     "Tábua de bambu com canaleta para líquidos.", "", 45.00,
     U, "unisex", "bambu"),
    ("H27", "XIAOMI ROBOT VACUUM E10", "HOGAR: Limpieza", "Home & Garden > Household Appliances > Vacuums",
     "Robot vacuum and mop, app control.", "cyber-wow", 799.00,
     cs(["white"], [""]), "unisex", ""),
    ("H28", "Foco LED Inteligente WiFi RGB E27", "HOGAR: Iluminación", HG + "Lighting > Light Bulbs",
     "Foco que cambia de color y se controla con el celular o Alexa.", "", 34.90,
     U, "unisex", ""),
    ("H29", "Manta Polar Sherpa 150x200", "HOGAR: Dormitorio", HG + "Linens & Bedding > Bedding > Blankets",
     "Manta reversible polar y sherpa, muy abrigadora.", "navidad", 89.90,
     cs(["gris", "vino"], [""]), "unisex", "poliéster"),
    ("H30", "Termo de Acero Inoxidable 1L con Taza", "HOGAR: Cocina", KD + "Food & Beverage Carriers > Thermoses",
     "Termo para agua caliente o café, mantiene la temperatura 24 horas.", "", 69.90,
     cs(["acero", "negro"], ["1L"]), "unisex", "acero inoxidable"),

    # ---------------- beauty ----------------
    ("B01", "La Roche-Posay Anthelios UVMune 400 Protector Solar Facial FPS 50+", "BELLEZA: Cuidado solar", PC + "Cosmetics > Skin Care > Sunscreen",
     "Fluido invisible de muy alta protección, textura ligera.", "", 109.00,
     cs([""], ["50ml"]), "unisex", ""),
    ("B02", "Bloqueador Solar Corporal Nivea Sun FPS 50", "BELLEZA: Cuidado solar", PC + "Cosmetics > Skin Care > Sunscreen",
     "", "", 59.90,
     cs([""], ["200ml"]), "unisex", ""),
    ("B03", "CERAVE MOISTURIZING CREAM 454G", "BELLEZA: Cuidado facial", PC + "Cosmetics > Skin Care > Lotion & Moisturizer",
     "Ceramides and hyaluronic acid, for dry to very dry skin.", "", 99.00,
     U, "unisex", ""),
    ("B04", "The Ordinary Niacinamide 10% + Zinc 1% Serum", "BELLEZA: Cuidado facial", PC + "Cosmetics > Skin Care",
     "Blemish and pore serum, 30 ml.", "", 59.00,
     U, "unisex", ""),
    ("B05", "Maybelline Lash Sensational Máscara de Pestañas", "BELLEZA: Maquillaje", MK + "Eye Makeup > Mascara",
     "Rímel que da volumen y largo, a prueba de agua.", "", 45.90,
     cs(["negro"], [""]), "female", ""),
    ("B06", "L'ORÉAL INFALLIBLE MATTE RESISTANCE LIQUID LIPSTICK", "BELLEZA: Maquillaje", MK + "Lip Makeup > Lipstick",
     "", "dia-de-la-madre", 49.90,
     cs(["nude", "rojo", "vino"], [""]), "female", ""),
    ("B07", "Base de Maquillaje Fit Me Mate Maybelline", "BELLEZA: Maquillaje", MK + "Face Makeup > Foundations & Concealers",
     "Base líquida de acabado mate para piel mixta a grasa.", "", 52.90,
     cs([""], ["tono 120", "tono 220", "tono 310"]), "female", ""),
    ("B08", "L'Bel Mithyka Eau de Parfum Mujer 50ml", "BELLEZA: Perfumes", PC + "Cosmetics > Perfume & Cologne",
     "Fragancia floral frutal.", "dia-de-la-madre", 129.00,
     U, "female", ""),
    ("B09", "Delineador Líquido Waterproof - Cyzone", "BELLEZA: Maquillaje", MK + "Eye Makeup > Eyeliner",
     "", "", 29.90,
     cs(["negro", "marrón"], [""]), "female", ""),
    ("B10", "Head & Shoulders Shampoo Anticaspa Limpieza Renovadora", "BELLEZA: Cabello", PC + "Hair Care > Shampoo & Conditioner",
     "Shampoo contra la caspa de uso diario.", "", 24.90,
     cs([""], ["375ml", "650ml"]), "unisex", ""),
    ("B11", "Plancha de Cabello Remington Cerámica 230°C", "BELLEZA: Cabello", PC + "Hair Care > Hair Styling Tools > Hair Straighteners",
     "Plancha alisadora con placas de cerámica y temperatura regulable.", "", 139.00,
     cs(["negro"], [""]), "female", ""),
    ("B12", "Secadora de Cabello Conair 1875W Iónica", "BELLEZA: Cabello", PC + "Hair Care > Hair Styling Tools > Hair Dryers",
     "", "", 119.00,
     cs(["negro", "rosado"], [""]), "female", ""),
    ("B13", "PHILIPS ONEBLADE QP2724 TRIMMER & SHAVER", "BELLEZA: Cuidado masculino", PC + "Shaving & Grooming > Electric Razors",
     "Trims, edges and shaves any length of hair.", "dia-del-padre", 169.00,
     U, "male", ""),
    ("B14", "Cepillo Dental Eléctrico Oral-B Vitality Pro", "BELLEZA: Cuidado personal", PC + "Oral Care > Toothbrushes",
     "Cepillo recargable con 3 modos y sensor de presión visible.", "", 149.00,
     cs(["azul", "lila"], [""]), "unisex", ""),
    ("B15", "Rexona Clinical Desodorante Antitranspirante", "BELLEZA: Cuidado personal", PC + "Deodorant & Anti-Perspirant",
     "", "", 21.90,
     cs([""], ["mujer", "hombre"]), "unisex", ""),
    ("B16", "Nivea Soft Crema Hidratante Multiuso 200ml", "BELLEZA: Cuidado corporal", PC + "Cosmetics > Skin Care > Lotion & Moisturizer",
     "Crema ligera para cara, manos y cuerpo.", "", 29.90,
     U, "unisex", ""),
    ("B17", "Paleta de Sombras Nude 12 Tonos", "BELLEZA: Maquillaje", MK + "Eye Makeup > Eye Shadow",
     "Sombras mate y brillantes de alta pigmentación.", "", 59.90,
     cs(["nude"], [""]), "female", ""),
    ("B18", "MAKEUP BRUSH SET 12 PIECES WITH CASE", "BELLEZA: Maquillaje", "Health & Beauty > Personal Care > Cosmetics > Cosmetic Tools > Makeup Tools > Makeup Brushes",
     "", "", 69.90,
     cs(["rose gold", "black"], [""]), "female", "synthetic"),
    ("B19", "Esmalte de Uñas Masglo", "BELLEZA: Uñas", PC + "Cosmetics > Nail Care > Nail Polishes",
     "Esmalte de larga duración, secado rápido.", "", 9.90,
     cs(["rojo pasión", "nude", "fucsia"], [""]), "female", ""),
    ("B20", "Garnier Agua Micelar Todo en 1 400ml", "BELLEZA: Cuidado facial", PC + "Cosmetics > Skin Care > Facial Cleansers",
     "Desmaquilla y limpia sin frotar.", "", 34.90,
     U, "unisex", ""),
    ("B21", "Mascarilla Facial de Arcilla Purificante", "BELLEZA: Cuidado facial", PC + "Cosmetics > Skin Care > Skin Care Masks & Peels",
     "", "", 24.90,
     U, "unisex", ""),
    ("B22", "CAROLINA HERRERA 212 VIP MEN EAU DE TOILETTE", "BELLEZA: Perfumes", PC + "Cosmetics > Perfume & Cologne",
     "", "dia-del-padre", 389.00,
     cs([""], ["50ml", "100ml"]), "male", ""),
    ("B23", "Cosmetiquera de Viaje Organizadora", "BELLEZA: Accesorios", "Luggage & Bags > Cosmetic & Toiletry Bags",
     "Neceser con compartimentos y cierre doble.", "", 39.90,
     cs(["rosado", "negro"], [""]), "female", "nylon"),
    ("B24", "Espejo de Maquillaje con Luz LED Táctil", "BELLEZA: Accesorios", PC + "Cosmetics > Cosmetic Tools",
     "Espejo de tocador con luz regulable y aumento 10x.", "", 79.90,
     cs(["blanco"], [""]), "female", ""),
    ("B26", "Natura Chronos Kit Antissinais 30+", "BELLEZA: Cuidado facial", PC + "Cosmetics > Skin Care",
     "Kit com gel de limpeza, sérum e creme antissinais para o dia a dia.", "dia-de-la-madre", 199.00,
     U, "female", ""),
    ("B27", "Tinte para Cabello Koleston Kit", "BELLEZA: Cabello", PC + "Hair Care > Hair Color",
     "Coloración permanente con cobertura de canas.", "", 27.90,
     cs([""], ["negro 2/0", "castaño 4/0", "rubio 7/0"]), "female", ""),
    ("B28", "Carmex Bálsamo Labial Clásico", "BELLEZA: Cuidado facial", PC + "Cosmetics > Skin Care > Lip Balms & Treatments",
     "", "", 14.90,
     U, "unisex", ""),

    # ---------------- gaming ----------------
    ("G01", "PLAYSTATION 5 SLIM DIGITAL EDITION CONSOLE", "GAMER: Consolas", EL + "Video Game Consoles",
     "1TB SSD, DualSense wireless controller included.", "navidad", 2299.00,
     cs(["white"], [""]), "unisex", ""),
    ("G02", "Nintendo Switch OLED - Consola", "GAMER: Consolas", EL + "Video Game Consoles",
     "Pantalla OLED de 7\", 64 GB, base con puerto LAN.", "navidad", 1599.00,
     cs(["blanco", "neón"], [""]), "unisex", ""),
    ("G03", "Xbox Series S 512GB", "GAMER: Consolas", EL + "Video Game Consoles",
     "", "", 1499.00,
     cs(["blanco"], [""]), "unisex", ""),
    ("G04", "Mando DualSense PS5 Inalámbrico", "GAMER: Controles", EL + "Video Game Console Accessories > Home Game Console Accessories",
     "Control oficial con retroalimentación háptica y gatillos adaptativos.", "", 329.00,
     cs(["blanco", "negro"], [""]), "unisex", ""),
    ("G05", "Control Inalámbrico Xbox Carbon Black", "GAMER: Controles", EL + "Video Game Console Accessories > Home Game Console Accessories",
     "Compatible con Xbox Series, Xbox One y PC.", "", 279.00,
     cs(["negro"], [""]), "unisex", ""),
    ("G06", "EA SPORTS FC 25 - PS5", "GAMER: Videojuegos", VGS,
     "", "", 249.00,
     cs([""], ["PS5", "PS4"]), "unisex", ""),
    ("G07", "THE LEGEND OF ZELDA: TEARS OF THE KINGDOM (NINTENDO SWITCH)", "GAMER: Videojuegos", VGS,
     "Open-world adventure in the skies and lands of Hyrule.", "", 289.00,
     U, "unisex", ""),
    ("G08", "Minecraft Edición Nintendo Switch", "GAMER: Videojuegos", VGS,
     "", "", 119.00,
     U, "unisex", ""),
    ("G09", "HyperX Cloud Stinger 2 Audífonos Gamer", "GAMER: Audífonos gamer", EL + "Audio > Audio Components > Headphones & Headsets",
     "Headset gamer con micrófono giratorio para PC, PS5 y Switch.", "", 179.00,
     cs(["negro"], [""]), "unisex", ""),
    ("G10", "Logitech G203 Lightsync Mouse Gamer RGB", "GAMER: Periféricos gamer", EL + "Electronics Accessories > Computer Components > Input Devices > Mice & Trackballs",
     "", "", 89.90,
     cs(["negro", "blanco"], [""]), "unisex", ""),
    ("G11", "REDRAGON KUMARA K552 MECHANICAL GAMING KEYBOARD TKL", "GAMER: Periféricos gamer", EL + "Electronics Accessories > Computer Components > Input Devices > Keyboards",
     "Red switches, RGB backlight, Spanish layout.", "", 159.00,
     cs(["black"], ["español"]), "unisex", ""),
    ("G12", "Silla Gamer Reclinable con Cojín Lumbar", "GAMER: Sillas", "Furniture > Chairs > Gaming Chairs",
     "Silla gamer reclinable 180° con reposapiés y cojines.", "cyber-wow", 549.00,
     cs(["negro/rojo", "negro/azul"], [""]), "unisex", "cuero sintético"),
    ("G13", "Tarjeta PlayStation Store Perú", "GAMER: Tarjetas de regalo", GIFT,
     "Código digital para saldo en la PlayStation Store (cuenta peruana).", "navidad", 50.00,
     cs([""], ["S/ 50", "S/ 100"]), "unisex", ""),
    ("G14", "STEAM WALLET GIFT CARD USD 20", "GAMER: Tarjetas de regalo", GIFT,
     "", "", 79.00,
     U, "unisex", ""),
    ("G15", "Free Fire 520 Diamantes - Recarga", "GAMER: Tarjetas de regalo", GIFT,
     "Recarga directa con tu ID de jugador.", "", 25.00,
     U, "unisex", ""),
    ("G16", "Monopoly Clásico - Hasbro", "GAMER: Juegos de mesa", TG + "Games > Board Games",
     "El clásico juego de comprar propiedades, de 2 a 6 jugadores.", "navidad", 119.00,
     U, "unisex", "cartón"),
    ("G17", "UNO Juego de Cartas - Mattel", "GAMER: Juegos de mesa", TG + "Games > Card Games",
     "", "", 19.90,
     U, "unisex", "cartón"),
    ("G18", "Naipes Casino 54 Cartas Plastificadas", "GAMER: Juegos de mesa", TG + "Games > Card Games",
     "Baraja inglesa plastificada para póker, casino y carioca.", "", 12.90,
     cs(["rojo", "azul"], [""]), "unisex", "cartón plastificado"),
    ("G19", "Rompecabezas 1000 Piezas - Machu Picchu", "GAMER: Juegos de mesa", TG + "Puzzles > Jigsaw Puzzles",
     "", "fiestas-patrias", 59.90,
     U, "unisex", "cartón"),
    ("G20", "JENGA CLASSIC GAME - HASBRO", "GAMER: Juegos de mesa", TG + "Games > Board Games",
     "", "", 69.90,
     U, "unisex", "wood"),
    ("G21", "Estuche de Transporte para Nintendo Switch", "GAMER: Accesorios de consola", EL + "Video Game Console Accessories > Portable Game Console Accessories",
     "Funda rígida con espacio para 10 juegos.", "", 59.90,
     cs(["negro", "rojo"], [""]), "unisex", "EVA"),
    ("G22", "Funko Pop! Animation: Naruto Uzumaki", "GAMER: Coleccionables", TG + "Toys > Dolls, Playsets & Toy Figures > Action & Toy Figures",
     "Figura coleccionable de vinilo de 9.5 cm.", "", 69.90,
     U, "unisex", "vinilo"),
    ("G23", "Mousepad Gamer XL RGB 80x30", "GAMER: Periféricos gamer", EL + "Electronics Accessories > Computer Accessories > Mouse Pads",
     "", "", 59.90,
     cs(["negro"], [""]), "unisex", "tela"),
    ("G24", "MONITOR GAMER CURVO 27\" 165HZ SAMSUNG ODYSSEY", "GAMER: Monitores", EL + "Video > Computer Monitors",
     "", "cyber-wow", 1099.00,
     U, "unisex", ""),
    ("G25", "GameSir G8 Galileo Control para Celular", "GAMER: Controles", EL + "Video Game Console Accessories > Portable Game Console Accessories",
     "Mando tipo Switch para celular con USB-C, para jugar Free Fire, COD Mobile y emuladores.", "", 299.00,
     U, "unisex", ""),
    ("G26", "Catan - Juego de Mesa Base (Español)", "GAMER: Juegos de mesa", TG + "Games > Board Games",
     "Juego de estrategia de 3 a 4 jugadores.", "", 189.00,
     U, "unisex", "cartón"),
    ("G27", "Ajedrez de Madera Plegable 30x30", "GAMER: Juegos de mesa", TG + "Games > Board Games",
     "Tablero plegable que guarda las piezas adentro.", "", 49.90,
     U, "unisex", "madera"),
    ("G29", "Cubo Rubik 3x3 Speedcube GAN", "GAMER: Coleccionables", TG + "Puzzles > Mechanical Puzzles",
     "Cubo magnético para speedcubing.", "", 89.90,
     U, "unisex", "plástico"),
    ("G30", "Controle Sem Fio 8BitDo Pro 2 Bluetooth", "GAMER: Controles", EL + "Video Game Console Accessories",
     "Controle bluetooth para Switch, PC e celular, com botões traseiros programáveis.", "", 229.00,
     cs(["cinza"], [""]), "unisex", ""),

    # ---------------- books ----------------
    ("K01", "Cien años de soledad - Gabriel García Márquez", "LIBRERÍA: Literatura", PB,
     "La novela de los Buendía y Macondo. Edición conmemorativa.", "feria-del-libro", 69.00,
     cs([""], ["Tapa blanda", "Tapa dura"]), "unisex", "papel"),
    ("K02", "La ciudad y los perros - Mario Vargas Llosa", "LIBRERÍA: Literatura peruana", PB,
     "La primera novela del Nobel peruano, ambientada en el Colegio Militar Leoncio Prado.", "", 59.00,
     cs([""], ["Tapa blanda"]), "unisex", "papel"),
    ("K03", "Los ríos profundos - José María Arguedas", "LIBRERÍA: Literatura peruana", PB,
     "Novela de Ernesto y el mundo andino. Lectura del plan lector escolar.", "campana-escolar", 35.00,
     U, "unisex", "papel"),
    ("K04", "Tradiciones Peruanas (Selección) - Ricardo Palma", "LIBRERÍA: Plan lector", PB,
     "Selección escolar de tradiciones con guía de actividades.", "campana-escolar", 25.00,
     U, "unisex", "papel"),
    ("K05", "Harry Potter y la piedra filosofal - J.K. Rowling", "LIBRERÍA: Juvenil", PB,
     "", "", 65.00,
     cs([""], ["Tapa blanda", "Edición ilustrada"]), "unisex", "papel"),
    ("K06", "ATOMIC HABITS - JAMES CLEAR (PAPERBACK)", "LIBRERÍA: Libros en inglés", PB,
     "An easy and proven way to build good habits and break bad ones.", "", 89.00,
     U, "unisex", "paper"),
    ("K07", "The Hobbit - J.R.R. Tolkien", "LIBRERÍA: Libros en inglés", PB,
     "", "", 55.00,
     cs([""], ["Paperback"]), "unisex", "paper"),
    ("K08", "One Piece - Eiichiro Oda (Manga, Ivrea)", "LIBRERÍA: Manga", PB,
     "El manga de Luffy y los Piratas del Sombrero de Paja, edición en español.", "", 32.00,
     cs([""], ["Tomo 1", "Tomo 2", "Tomo 3"]), "unisex", "papel"),
    ("K09", "DEMON SLAYER: KIMETSU NO YAIBA VOL. 1 (VIZ MEDIA)", "LIBRERÍA: Manga", PB,
     "English edition of the manga by Koyoharu Gotouge.", "", 45.00,
     U, "unisex", "paper"),
    ("K10", "Naruto Edición 3 en 1 - Masashi Kishimoto", "LIBRERÍA: Manga", PB,
     "", "", 79.00,
     cs([""], ["Vol. 1", "Vol. 2"]), "unisex", "papel"),
    ("K11", "Batman: Año Uno - Frank Miller (Cómic)", "LIBRERÍA: Cómics", PB,
     "La novela gráfica clásica sobre el primer año de Batman en Gotham.", "", 89.00,
     U, "unisex", "papel"),
    ("K13", "El Principito - Antoine de Saint-Exupéry (Ilustrado)", "LIBRERÍA: Infantil", PB,
     "", "", 39.00,
     U, "unisex", "papel"),
    ("K14", "THE VERY HUNGRY CATERPILLAR - ERIC CARLE (BOARD BOOK)", "LIBRERÍA: Infantil", PB,
     "Sturdy board book for babies and toddlers, with holes to poke little fingers through.", "", 49.00,
     U, "unisex", "cardboard"),
    ("K15", "Cuentos para Dormir - Libro Ilustrado para Niños", "LIBRERÍA: Infantil", PB,
     "20 cuentos cortos con ilustraciones a todo color para leer antes de dormir.", "navidad", 45.00,
     U, "unisex", "papel"),
    ("K16", "Turma da Mônica - Gibi Coleção Histórica", "LIBRERÍA: Cómics", PB,
     "Coleção de gibis clássicos da Turma da Mônica.", "", 35.00,
     U, "unisex", "papel"),
    ("K17", "Cocina Peruana Paso a Paso - Recetario Ilustrado", "LIBRERÍA: Cocina", PB,
     "Más de 100 recetas: ceviche, lomo saltado, ají de gallina, causa limeña y postres criollos.", "dia-de-la-madre", 79.00,
     cs([""], ["Tapa dura"]), "unisex", "papel"),
    ("K18", "THE VEGAN COOKBOOK: 100 PLANT-BASED RECIPES", "LIBRERÍA: Cocina", PB,
     "", "", 95.00,
     U, "unisex", "paper"),
    ("K19", "Banco de Preguntas Admisión San Marcos - Solucionario", "LIBRERÍA: Preuniversitario", PB,
     "Preguntas de exámenes de admisión resueltas por curso.", "campana-escolar", 55.00,
     U, "unisex", "papel"),
    ("K20", "Compendio Académico de Aritmética - Lumbreras", "LIBRERÍA: Preuniversitario", PB,
     "Teoría y problemas resueltos para la preparación preuniversitaria.", "", 48.00,
     U, "unisex", "papel"),
    ("K21", "Matemática 3 Secundaria - Libro de Actividades Santillana", "LIBRERÍA: Textos escolares", PB,
     "", "campana-escolar", 89.00,
     U, "unisex", "papel"),
    ("K22", "Oxford Pocket Dictionary Spanish-English / Español-Inglés", "LIBRERÍA: Diccionarios", PB,
     "Bilingual pocket dictionary, 90,000 words and phrases.", "", 69.00,
     U, "unisex", "paper"),
    ("K23", "Diccionario Escolar de la Lengua Española - Larousse", "LIBRERÍA: Diccionarios", PB,
     "Diccionario escolar con sinónimos, antónimos y conjugación de verbos.", "campana-escolar", 39.00,
     U, "unisex", "papel"),
    ("K24", "CAMBRIDGE B2 FIRST PRACTICE TESTS WITH ANSWERS", "LIBRERÍA: Idiomas", PB,
     "Four complete practice tests for the B2 First exam, with audio online.", "", 119.00,
     U, "unisex", "paper"),
    ("K25", "Cuaderno Universitario Cuadriculado Standford - 100 hojas", "LIBRERÍA: Cuadernos", NB,
     "Cuaderno anillado A4 cuadriculado, tapa dura.", "campana-escolar", 12.90,
     cs(["azul", "rojo", "verde"], [""]), "unisex", "papel"),
    ("K26", "Moleskine Classic Notebook Large Ruled Hard Cover", "LIBRERÍA: Libretas", NB,
     "The classic journal with elastic closure and ribbon bookmark.", "", 99.00,
     cs(["black", "sapphire"], [""]), "unisex", "paper"),
    ("K27", "Agenda 2027 Semanal Tapa Dura A5", "LIBRERÍA: Agendas", "Office Supplies > Filing & Organization > Calendars, Organizers & Planners",
     "Agenda semanal con calendario, feriados de Perú y hojas de notas.", "navidad", 35.00,
     cs(["negro", "rosado", "celeste"], [""]), "unisex", "papel"),
    ("K28", "Separadores de Libro Magnéticos x6 - Diseños Peruanos", "LIBRERÍA: Accesorios de lectura", BA + "Bookmarks",
     "", "feria-del-libro", 15.00,
     U, "unisex", "cartulina"),
    ("K29", "LUZ LED DE LECTURA CON CLIP RECARGABLE", "LIBRERÍA: Accesorios de lectura", BA + "Book Lights",
     "Book light con pinza, 3 tonos de luz cálida, carga USB. Para leer en la cama sin molestar.", "", 39.90,
     cs(["negro", "blanco"], [""]), "unisex", ""),
    ("K30", "Atril para Libros de Bambú Ajustable", "LIBRERÍA: Accesorios de lectura", BA + "Book Stands & Rests",
     "Atril con sujetapáginas, para leer o estudiar con las manos libres. Sirve para recetarios.", "", 59.90,
     U, "unisex", "bambú"),
    ("K31", "Funda para Kindle Paperwhite (12va gen.) con Auto-Apagado", "LIBRERÍA: Accesorios de lectura", EL + "Electronics Accessories > Computer Accessories > Handheld Device Accessories > E-Book Reader Accessories > E-Book Reader Cases",
     "Funda tipo libro de cuero sintético que enciende y apaga el Kindle al abrir y cerrar.", "", 69.90,
     cs(["negro", "azul", "floral"], [""]), "unisex", "cuero sintético"),
    ("K32", "Kobo Clara BW SleepCover Case", "LIBRERÍA: Accesorios de lectura", EL + "Electronics Accessories > Computer Accessories > Handheld Device Accessories > E-Book Reader Accessories > E-Book Reader Cases",
     "", "", 89.00,
     cs(["black"], [""]), "unisex", ""),
    ("K33", "Cojín de Lectura con Brazos y Bolsillos", "LIBRERÍA: Accesorios de lectura", HG + "Decor > Backrest Pillows",
     "Reading pillow para leer sentado en la cama, con bolsillos laterales para libros y lentes.", "", 149.00,
     cs(["gris", "mostaza"], [""]), "unisex", "corduroy"),
    ("K34", "Sujetalibros de Metal - Gato Negro (Par)", "LIBRERÍA: Accesorios de lectura", HG + "Decor > Bookends",
     "", "", 49.90,
     U, "unisex", "metal"),
    ("K35", "Sudoku y Crucigramas - 300 Pasatiempos", "LIBRERÍA: Pasatiempos", PB,
     "Libro de sudokus, crucigramas y sopas de letras de fácil a difícil.", "", 19.90,
     U, "unisex", "papel"),
    ("K36", "Mandalas Antiestrés - Libro para Colorear para Adultos", "LIBRERÍA: Pasatiempos", PB,
     "50 mandalas para colorear y relajarse.", "", 29.90,
     U, "unisex", "papel"),
    ("K37", "AUDIBLE GIFT MEMBERSHIP - 3 MONTHS", "LIBRERÍA: Tarjetas de regalo", GIFT,
     "Gift a 3-month Audible membership: one audiobook credit per month.", "navidad", 149.00,
     U, "unisex", ""),
    ("K38", "The Legend of Zelda: Tears of the Kingdom - The Complete Official Guide", "LIBRERÍA: Libros de videojuegos", PB,
     "Collector's edition hardcover strategy guide with maps, walkthroughs and shrine solutions.", "", 199.00,
     cs([""], ["Collector's Edition"]), "unisex", "paper"),
    ("K39", "THE ART OF MARVEL'S SPIDER-MAN 2 (ARTBOOK)", "LIBRERÍA: Libros de videojuegos", PB,
     "", "", 179.00,
     U, "unisex", "paper"),
    ("K40", "Faber-Castell Lápices de Colores EcoLápices x24", "LIBRERÍA: Útiles", "Office Supplies > Office Instruments > Writing & Drawing Instruments > Pens & Pencils > Pencils > Art Pencils",
     "Colores largos de madera reforestada, para colorear y dibujar.", "campana-escolar", 22.90,
     cs([""], ["x12", "x24"]), "unisex", "madera"),
    ("K41", "Forro para Libros Vinifan Autoadhesivo - Rollo", "LIBRERÍA: Útiles", BA + "Book Covers",
     "Forro transparente para forrar cuadernos y libros del cole.", "campana-escolar", 9.90,
     cs([""], ["1 m", "5 m"]), "unisex", "plástico"),
    ("K42", "O Pequeno Príncipe - Edição de Bolso", "LIBRERÍA: Libros en portugués", PB,
     "Edição de bolso em português com ilustrações do autor.", "", 29.00,
     U, "unisex", "papel"),
    ("K43", "Santa Biblia Reina Valera 1960 - Letra Grande", "LIBRERÍA: Religión", PB,
     "", "", 69.00,
     cs(["negro", "marrón"], [""]), "unisex", "papel"),
]


def models():
    """The catalog as feedgen models (brand from the key's letter)."""
    out = []
    for key, title, ptype, gpath, desc, label, price, variants, gender, material in CATALOG21:
        out.append((key, BRANDS[key[0]], title, ptype, gpath, desc, label, price,
                    variants, gender, material))
    return out


def main():
    keys = [m[0] for m in CATALOG21]
    assert len(keys) == len(set(keys)), "duplicate model key"
    rows = feedgen.rows(models(), "C21", Miraflores())
    feedgen.write("catalog21.csv", rows)
    print(f"wrote catalog21.csv: {len(rows)} rows, {len(CATALOG21)} models")


if __name__ == "__main__":
    main()
