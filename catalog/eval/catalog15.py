#!/usr/bin/env python3
"""Writes catalog15.csv (Meta feed format, like catalog/products.csv) next to
this file: the fifteenth evaluation catalog of issue 15, held out from
tuning.

A Spanish marketplace (a shop in Spain that sells to Spain and ships to
Latin America) whose feed is written mostly in Spanish (Spain's Spanish:
"móvil", "portátil", "ratón", "vaqueros", "sudadera", "bañador") with some
English rows (imported items that keep their English titles). 251 rows (199
models) of six brands: the five demo brands and a sixth, `music`
(instrumentos musicales y equipo de música: guitarras clásicas, acústicas,
electroacústicas y eléctricas, un pack de guitarra eléctrica con
amplificador, bajo eléctrico, ukeleles, pianos digitales, teclado
electrónico, controladores MIDI, batería acústica y batería electrónica, pad
de práctica, baquetas, cajón flamenco, pandereta, kalimba, violín, flauta
travesera, flauta dulce, armónica, cuerdas de guitarra, púas, cejilla,
afinador, metrónomo, atril, amplificadores de guitarra y de bajo, pedales de
efectos y pedalera, micrófonos XLR (vocal dinámico y de condensador de
estudio), interfaz de audio, monitores de estudio, auriculares de estudio,
cables de instrumento y XLR, fundas y estuche rígido de guitarra, soporte y
correa de guitarra, banqueta de piano, soporte de teclado, pedal de sustain,
pie de micrófono y un método de guitarra con partituras; its seller's
manifest section is seller-music.routing.toml).

Deliberate overlaps, and who owns what:
- headphones and earbuds (auriculares, cascos) are tech's, the closed
  studio monitoring headphones music's, the gaming headset gaming's;
- the bluetooth speaker, the smart speaker, the soundbar and the karaoke
  party speaker with two wireless mics are tech's; the active studio
  monitors and the guitar amplifiers music's;
- the USB podcast / streaming microphone is tech's; the XLR vocal and
  studio condenser microphones, the mic stand and the XLR cable music's;
- the suitcase record player (tocadiscos) is tech's; the vinyl record
  storage shelf home's; the wall decal with musical notes (vinilo
  decorativo) home's; no vinyl records are sold;
- keyboards: the office keyboard and mouse combo is tech's, the
  mechanical gaming keyboard gaming's, the digital pianos, the electronic
  keyboard (teclado de 61 teclas) and the MIDI keyboard controllers
  music's;
- guitars: every guitar, bass and ukulele is music's, except the wireless
  guitar controller for Fortnite Festival / Rock Band (gaming's) and the
  guitar-shaped silicone phone case (tech's);
- "batería": the drum kits are music's, the induction cookware set
  (batería de cocina) home's, the power bank (batería externa) tech's;
- the band t-shirt and the biker leather jacket are fashion's; Just
  Dance and the Hitster music card game gaming's; the hand cream beauty's;
- the laptop backpack is tech's, the gig bags and the guitar case music's.

Written on 2026-12-06 in issue 15 before the router or the search ran on it,
and without looking at the router's or the search's word lists or code. The
feed's own style:

- Spanish rows: Spanish title, description and colour, product_type path
  with " > " ("Instrumentos Musicales > Guitarras > Clásicas"), clothing
  sizes S/M/L/XL and EU shoe sizes; English rows: English everything,
  product_type in English ("Music > Guitars > Electric"); the variant in
  brackets after the title ("Ukelele Soprano de Caoba (Natural, Soprano)");
- prices in EUR ("149.00 EUR"), 20 % off on every eighth row;
- `google_product_category` Google's numeric id on three models in five
  (i % 5 in 1, 3, 4), the English path on one (i % 5 == 0), empty on the
  rest (resolved from lang/data/google-taxonomy-with-ids.en-US.txt by
  feedgen from an English path ending);
- `custom_label_0` a campaign code (rebajas-ene, envio-24h, cyber-lunes,
  outlet-q1, promo-latam, black-week) or empty, never a product word;
- availability mostly in stock, sometimes out of stock, available for
  order or preorder.

    python3 catalog/eval/catalog15.py
"""

from feedgen import Style, rows, write, google_by_cycle

AVAIL = ["in stock", "in stock", "in stock", "out of stock", "in stock",
         "available for order", "in stock", "in stock", "preorder"]

# (model key, brand, title, product type path, google category path ending,
#  description, campaign label, price (EUR), variants, gender, material);
#  a variant is (colour, size).
CATALOG15 = [
    # fashion (moda)
    ("F01", "fashion", "Zapatillas Urbanas de Piel Malasaña", "Moda > Calzado > Zapatillas", "Apparel & Accessories > Shoes", "Zapatillas bajas de piel lisa con suela de goma cosida. Combinan con vaqueros y con traje.", "rebajas-ene", 89.95, [("blanco", "39"), ("blanco", "41"), ("negro", "43")], "unisex", "piel"),
    ("F02", "fashion", "Cloudpace Road Running Shoes", "Fashion > Shoes > Running", "Apparel & Accessories > Shoes", "Road running shoes with a breathable mesh upper and a cushioned foam midsole, for the treadmill and city runs.", "", 119.00, [("grey", "42"), ("pink", "38")], "unisex", "mesh, EVA"),
    ("F03", "fashion", "Botines Chelsea de Ante Chamberí", "Moda > Calzado > Botines", "Apparel & Accessories > Shoes", "Botines chelsea de ante con elásticos laterales y tacón bajo de 3 cm.", "", 99.00, [("camel", "37"), ("negro", "39")], "female", "ante"),
    ("F04", "fashion", "Sandalias Planas de Tiras Formentera", "Moda > Calzado > Sandalias", "Apparel & Accessories > Shoes", "Sandalias planas de tiras finas con hebilla al tobillo, ligeras para el verano.", "", 39.95, [("marrón", "38")], "female", "piel sintética"),
    ("F05", "fashion", "Chanclas de Piscina Antideslizantes", "Moda > Calzado > Chanclas", "Apparel & Accessories > Shoes", "Chanclas de goma blanda con suela antideslizante, para la piscina y la playa.", "", 14.95, [("negro", "42/43"), ("azul", "40/41")], "unisex", "goma"),
    ("F06", "fashion", "Camiseta Básica de Algodón Orgánico Cuello Redondo", "Moda > Hombre > Camisetas", "Clothing > Shirts & Tops", "Camiseta básica de algodón orgánico, cuello redondo y corte regular. Para el día a día.", "envio-24h", 12.95, [("blanco", "M"), ("negro", "L"), ("gris jaspeado", "XL")], "male", "algodón orgánico"),
    ("F07", "fashion", "Camiseta Vintage Banda de Rock Gira 1983", "Moda > Unisex > Camisetas Estampadas", "Clothing > Shirts & Tops", "Camiseta de algodón lavado con estampado desgastado de una gira de rock de los ochenta. Para ir de concierto.", "", 24.95, [("negro", "M"), ("negro", "L")], "unisex", "algodón"),
    ("F08", "fashion", "Heavyweight Oversized Cotton Tee", "Fashion > Women > T-Shirts", "Clothing > Shirts & Tops", "Boxy oversized tee in heavy cotton jersey with dropped shoulders.", "", 19.95, [("beige", "S")], "female", "cotton"),
    ("F09", "fashion", "Polo de Piqué Manga Corta Cádiz", "Moda > Hombre > Polos", "Clothing > Shirts & Tops", "Polo de piqué de algodón con cuello y puños de canalé y tres botones.", "", 29.95, [("azul marino", "L")], "male", "piqué de algodón"),
    ("F10", "fashion", "Camisa de Lino Manga Larga Ibiza", "Moda > Hombre > Camisas", "Clothing > Shirts & Tops", "Camisa de lino fresca de manga larga, perfecta para una boda en la playa o el verano.", "", 45.00, [("blanco", "M"), ("azul celeste", "L")], "male", "lino"),
    ("F11", "fashion", "Vaqueros Rectos Hombre Elásticos", "Moda > Hombre > Vaqueros", "Clothing > Pants", "Vaqueros de corte recto con un toque de elastano y cinco bolsillos.", "", 39.95, [("azul oscuro", "42"), ("negro", "44")], "male", "denim, elastano"),
    ("F12", "fashion", "High Rise Mom Jeans", "Fashion > Women > Jeans", "Clothing > Pants", "High rise mom jeans in a light wash with a rolled hem.", "black-week", 42.00, [("light blue", "38")], "female", "denim"),
    ("F13", "fashion", "Vestido Midi Estampado de Flores", "Moda > Mujer > Vestidos", "Clothing > Dresses", "Vestido midi de tirantes finos con falda con vuelo y estampado floral. Ideal para bodas de día.", "", 49.95, [("azul", "S"), ("rojo", "M")], "female", "viscosa"),
    ("F14", "fashion", "Falda Plisada Midi Satinada", "Moda > Mujer > Faldas", "Clothing > Skirts", "Falda midi plisada con cinturilla elástica y brillo satinado.", "", 29.95, [("verde botella", "M")], "female", "poliéster"),
    ("F15", "fashion", "Sudadera con Capucha Unisex Felpa", "Moda > Unisex > Sudaderas", "Clothing > Activewear", "Sudadera con capucha de felpa perchada por dentro, bolsillo canguro. Calentita para el invierno.", "rebajas-ene", 34.95, [("gris", "M"), ("verde oliva", "L")], "unisex", "algodón, poliéster"),
    ("F16", "fashion", "Cazadora de Cuero Estilo Motero", "Moda > Hombre > Cazadoras", "Outerwear > Coats & Jackets", "Cazadora biker de piel con cremalleras metálicas y cuello de solapa, el clásico rockero.", "", 189.00, [("negro", "M"), ("negro", "L")], "male", "piel de cordero"),
    ("F17", "fashion", "Abrigo Largo de Paño Mujer", "Moda > Mujer > Abrigos", "Outerwear > Coats & Jackets", "Abrigo largo de paño con solapa y cinturón, para el frío de la ciudad.", "", 119.00, [("camel", "S"), ("gris", "M")], "female", "lana, poliéster"),
    ("F18", "fashion", "Packable Puffer Jacket", "Fashion > Unisex > Jackets", "Outerwear > Coats & Jackets", "Lightweight puffer jacket with synthetic fill that packs into its own pouch.", "", 69.95, [("black", "L")], "unisex", "nylon"),
    ("F19", "fashion", "Bañador Corto Hombre Secado Rápido", "Moda > Baño > Hombre", "Clothing > Swimwear", "Bañador tipo short con malla interior y cordón, se seca en un momento.", "", 24.95, [("azul royal", "L")], "male", "poliéster"),
    ("F20", "fashion", "Bikini Triangular con Braguita de Lazos", "Moda > Baño > Mujer", "Clothing > Swimwear", "Bikini de triángulo con braguita de lazos y estampado de hojas.", "", 32.95, [("verde", "S"), ("negro", "M")], "female", "poliamida"),
    ("F21", "fashion", "Mallas Deportivas de Tiro Alto", "Moda > Mujer > Deporte", "Clothing > Activewear", "Mallas largas de tiro alto que no transparentan, con bolsillo lateral para el móvil. Para el gimnasio.", "", 24.95, [("negro", "S"), ("negro", "M")], "female", "poliamida"),
    ("F22", "fashion", "Pack 5 Pares Calcetines Tobilleros", "Moda > Ropa Interior > Calcetines", "Clothing > Underwear & Socks", "Cinco pares de calcetines tobilleros de algodón con talón reforzado.", "", 9.95, [("surtido", "39-42")], "unisex", "algodón"),
    ("F23", "fashion", "Pijama Largo de Franela Cuadros", "Moda > Ropa Interior > Pijamas", "Clothing > Sleepwear & Loungewear", "Pijama de pantalón y camisa de franela suave para las noches de invierno.", "", 29.95, [("rojo", "M")], "unisex", "franela de algodón"),
    ("F24", "fashion", "Bolso Bandolera de Piel Lavapiés", "Moda > Complementos > Bolsos", "Handbags, Wallets & Cases > Handbags", "Bolso bandolera pequeño de piel con correa regulable y cremallera.", "cyber-lunes", 59.00, [("coñac", "U"), ("negro", "U")], "female", "piel"),
    ("F25", "fashion", "Cartera de Piel Hombre con Monedero", "Moda > Complementos > Carteras", "Handbags, Wallets & Cases", "Cartera de piel con monedero y ocho ranuras para tarjetas.", "", 29.95, [("marrón", "U")], "male", "piel"),
    ("F26", "fashion", "Cinturón de Piel Hebilla Plateada", "Moda > Complementos > Cinturones", "Clothing Accessories > Belts", "Cinturón de piel auténtica con hebilla metálica plateada.", "", 24.95, [("negro", "100")], "male", "piel"),
    ("F27", "fashion", "Gorra de Béisbol Bordada", "Moda > Complementos > Gorras", "Clothing Accessories > Hats", "Gorra de algodón con visera curva, logo bordado y cierre ajustable.", "", 16.95, [("negro", "U"), ("beige", "U")], "unisex", "algodón"),
    ("F28", "fashion", "Gafas de Sol Aviador Polarizadas", "Moda > Complementos > Gafas de Sol", "Clothing Accessories > Sunglasses", "Gafas de sol aviador con lentes polarizadas UV400 y montura metálica.", "", 29.95, [("dorado", "U")], "unisex", "metal"),
    ("F29", "fashion", "Pendientes de Aro Chapados en Oro", "Moda > Bisutería > Pendientes", "Jewelry > Earrings", "Aros medianos chapados en oro de 18 k, hipoalergénicos.", "", 19.95, [("dorado", "U")], "female", "latón"),
    ("F30", "fashion", "Chaqueta Vaquera Clásica Unisex", "Moda > Unisex > Chaquetas", "Outerwear > Coats & Jackets", "Chaqueta vaquera con botones metálicos y bolsillos de pecho.", "", 44.95, [("azul", "M")], "unisex", "denim"),
    # tech (tecnología)
    ("T01", "tech", "Smartphone Nébula X5 5G 256GB", "Tecnología > Móviles > Smartphones", "Electronics > Communications > Telephony > Mobile Phones", "Móvil 5G con pantalla AMOLED de 6,7\", cámara de 50 MP y batería de 5000 mAh.", "black-week", 449.00, [("negro", "256GB"), ("azul", "256GB")], "unisex", ""),
    ("T02", "tech", "Orbit S24 Smartphone 512GB", "Electronics > Phones", "Electronics > Communications > Telephony > Mobile Phones", "Flagship phone with a triple camera, 12GB RAM and 512GB storage.", "", 999.00, [("titanium", "512GB")], "unisex", ""),
    ("T03", "tech", "Móvil Libre Aurora A15 128GB", "Tecnología > Móviles > Smartphones", "Electronics > Communications > Telephony > Mobile Phones", "Móvil libre económico con 4 GB de RAM, 128 GB y batería para todo el día. Dual SIM.", "", 149.00, [("negro", "128GB")], "unisex", ""),
    ("T04", "tech", "Smart TV 55\" 4K QLED Vértice", "Tecnología > Televisores", "Electronics > Video > Televisions", "Televisor QLED de 55 pulgadas 4K con Netflix, YouTube, Prime Video y mando por voz.", "", 549.00, [("negro", "55\"")], "unisex", ""),
    ("T05", "tech", "Portátil Altair 15,6\" Core i5 16GB 512GB SSD", "Tecnología > Informática > Portátiles", "Electronics > Computers > Laptops", "Portátil con Intel Core i5, 16 GB de RAM y SSD de 512 GB. Teclado español con ñ.", "", 699.00, [("plata", "15,6\"")], "unisex", "aluminio"),
    ("T06", "tech", "Chromebook 14 Student Laptop", "Electronics > Computers > Laptops", "Electronics > Computers > Laptops", "Light 14-inch Chromebook for school, browsing and video calls, 10 hours of battery.", "", 279.00, [("grey", "14\"")], "unisex", ""),
    ("T07", "tech", "Tablet Pipa 10,1\" 64GB con Funda", "Tecnología > Tablets", "Electronics > Computers > Tablet Computers", "Tablet de 10 pulgadas con Wi-Fi, 64 GB y funda con soporte. Para series y para los peques.", "", 159.00, [("gris", "64GB")], "unisex", ""),
    ("T08", "tech", "Auriculares Inalámbricos Bluetooth con Cancelación de Ruido", "Tecnología > Audio > Auriculares", "Audio Components > Headphones & Headsets > Headphones", "Auriculares de diadema bluetooth con cancelación activa de ruido y 30 horas de batería. Para el metro y el avión.", "envio-24h", 179.00, [("negro", ""), ("beige", "")], "unisex", ""),
    ("T09", "tech", "Auriculares True Wireless Bluetooth con Estuche de Carga", "Tecnología > Audio > Auriculares", "Audio Components > Headphones & Headsets > Headphones", "Auriculares in-ear sin cables con estuche de carga, resistentes al sudor, micrófono para llamadas.", "", 39.95, [("blanco", ""), ("negro", "")], "unisex", ""),
    ("T10", "tech", "Altavoz Bluetooth Portátil Resistente al Agua IPX7", "Tecnología > Audio > Altavoces", "Electronics > Audio", "Altavoz portátil que flota y aguanta un chapuzón, 15 horas de batería. Para la piscina y la playa.", "", 59.95, [("azul", ""), ("negro", "")], "unisex", ""),
    ("T11", "tech", "Partybox Karaoke Speaker with 2 Wireless Mics", "Electronics > Audio > Party Speakers", "Karaoke Systems", "Bluetooth party speaker with LED lights and two wireless microphones for karaoke nights, 12 hours of battery.", "", 129.00, [("black", "")], "unisex", ""),
    ("T12", "tech", "Barra de Sonido 2.1 con Subwoofer Inalámbrico", "Tecnología > Audio > Barras de Sonido", "Electronics > Audio", "Barra de sonido con subwoofer inalámbrico, HDMI ARC y bluetooth para la tele.", "", 199.00, [("negro", "")], "unisex", ""),
    ("T13", "tech", "Tocadiscos de Maleta con Bluetooth y Altavoces", "Tecnología > Audio > Tocadiscos", "Turntables & Record Players", "Tocadiscos portátil de maleta a 33, 45 y 78 rpm con altavoces integrados, bluetooth y grabación a USB.", "", 69.95, [("marrón", ""), ("azul turquesa", "")], "unisex", "madera, polipiel"),
    ("T14", "tech", "Micrófono USB para Podcast y Streaming con Brazo", "Tecnología > Audio > Micrófonos", "Microphones", "Micrófono de condensador USB plug and play con brazo articulado y filtro antipop. Para podcast, clases online y streaming.", "", 79.95, [("negro", "")], "unisex", ""),
    ("T15", "tech", "Smartwatch Deportivo con GPS", "Tecnología > Wearables", "Electronics > Electronics Accessories", "Reloj inteligente con GPS, pulsómetro, medición del sueño y notificaciones del móvil.", "", 149.00, [("negro", ""), ("rosa", "")], "unisex", ""),
    ("T16", "tech", "Pulsera de Actividad Pulso 7", "Tecnología > Wearables", "Electronics > Electronics Accessories", "Pulsera de actividad que cuenta pasos, controla el sueño y el ritmo cardiaco.", "", 34.95, [("negro", "")], "unisex", ""),
    ("T17", "tech", "Cargador Rápido USB-C 30W", "Tecnología > Accesorios Móvil > Cargadores", "Electronics > Electronics Accessories", "Cargador de pared de carga rápida 30 W con cable USB-C de 1 metro.", "", 19.95, [("blanco", "")], "unisex", ""),
    ("T18", "tech", "Batería Externa 20000mAh Carga Rápida", "Tecnología > Accesorios Móvil > Baterías Externas", "Electronics > Electronics Accessories", "Powerbank de 20000 mAh con dos USB-A y USB-C de carga rápida. Carga el móvil cuatro veces.", "", 29.95, [("negro", "")], "unisex", ""),
    ("T19", "tech", "Funda de Silicona para Móvil con Forma de Guitarra", "Tecnología > Accesorios Móvil > Fundas", "Mobile Phone Cases", "Funda de silicona con forma de guitarra eléctrica y asa para colgar, para móviles de 6,1 a 6,7\".", "", 12.95, [("rojo", "6,1\""), ("negro", "6,7\"")], "unisex", "silicona"),
    ("T20", "tech", "Mesh Wi-Fi 6 System 3-Pack", "Electronics > Networking", "Electronics > Networking", "Three mesh Wi-Fi 6 units that cover a big flat or a house with one network.", "", 189.00, [("white", "3-pack")], "unisex", ""),
    ("T21", "tech", "Impresora Multifunción de Tinta Wi-Fi", "Tecnología > Impresoras", "Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines", "Imprime, copia y escanea desde el móvil por Wi-Fi, con impresión a doble cara.", "", 89.00, [("negro", "")], "unisex", ""),
    ("T22", "tech", "Monitor 24\" Full HD IPS", "Tecnología > Informática > Monitores", "Electronics > Video > Computer Monitors", "Monitor de 24 pulgadas Full HD IPS con marcos finos y entrada HDMI.", "", 119.00, [("negro", "24\"")], "unisex", ""),
    ("T23", "tech", "Teclado y Ratón Inalámbricos Combo Silencioso", "Tecnología > Informática > Periféricos", "Input Devices > Keyboards", "Teclado español con ñ y ratón inalámbricos silenciosos con un solo receptor USB. Para la oficina.", "", 29.95, [("negro", "ES")], "unisex", ""),
    ("T24", "tech", "Webcam Full HD 1080p con Micrófono", "Tecnología > Informática > Periféricos", "Electronics > Electronics Accessories", "Webcam 1080p con micrófono integrado y tapa de privacidad, para teletrabajo y clases.", "", 34.95, [("negro", "")], "unisex", ""),
    ("T25", "tech", "SSD Externo 1TB USB-C", "Tecnología > Almacenamiento", "Electronics > Electronics Accessories", "Disco SSD externo de 1 TB, pequeño y rápido, para copias de seguridad de fotos y proyectos.", "", 89.00, [("gris", "1TB")], "unisex", ""),
    ("T26", "tech", "Bombilla Inteligente LED RGB Wi-Fi E27", "Tecnología > Hogar Inteligente", "Home & Garden > Lighting", "Bombilla LED de colores que se controla con el móvil o con Alexa y Google.", "", 12.95, [("blanco", "E27")], "unisex", ""),
    ("T27", "tech", "Cámara de Seguridad Wi-Fi 360° Interior", "Tecnología > Hogar Inteligente", "Cameras & Optics > Cameras", "Cámara de vigilancia para interior con giro 360°, visión nocturna y audio bidireccional.", "", 32.95, [("blanco", "")], "unisex", ""),
    ("T28", "tech", "Libro Electrónico eReader 6\" con Luz", "Tecnología > eReaders", "Electronics > Computers > Tablet Computers", "Lector de libros electrónicos con pantalla de tinta electrónica antirreflejos y luz integrada.", "", 99.00, [("negro", "6\"")], "unisex", ""),
    ("T29", "tech", "Smart Speaker with Voice Assistant", "Electronics > Smart Home", "Electronics > Audio", "Compact smart speaker: play music, ask questions and control your lights by voice.", "", 49.95, [("charcoal", "")], "unisex", ""),
    ("T30", "tech", "Cámara Deportiva 4K Sumergible", "Tecnología > Cámaras", "Cameras & Optics > Cameras", "Cámara de acción 4K, sumergible hasta 30 m con carcasa, con soportes para casco y bici.", "", 79.00, [("negro", "")], "unisex", ""),
    ("T31", "tech", "Mochila para Portátil 15,6\" Antirrobo", "Tecnología > Accesorios Portátil", "Luggage & Bags > Backpacks", "Mochila antirrobo con compartimento acolchado para portátil y puerto USB.", "", 39.95, [("gris", "15,6\"")], "unisex", "poliéster"),
    # home (hogar)
    ("H01", "home", "Freidora de Aire Digital 5,5L", "Hogar > Pequeño Electrodoméstico > Cocina", "Kitchen Appliances > Deep Fryers", "Freidora sin aceite de 5,5 litros con pantalla digital y ocho programas.", "black-week", 79.95, [("negro", "5,5L")], "unisex", ""),
    ("H02", "home", "Cafetera Espresso 20 Bar con Vaporizador", "Hogar > Pequeño Electrodoméstico > Cafeteras", "Kitchen Appliances", "Cafetera espresso de brazo con bomba de 20 bares y vaporizador para el cappuccino.", "", 129.00, [("inox", "")], "unisex", "acero inoxidable"),
    ("H03", "home", "Electric Kettle 1.7L Stainless Steel", "Home > Kitchen Appliances", "Electric Kettles", "1.7 L stainless steel kettle with auto shut-off and a blue LED.", "", 29.95, [("steel", "1.7L")], "unisex", "stainless steel"),
    ("H04", "home", "Batidora de Vaso 1200W Jarra de Cristal", "Hogar > Pequeño Electrodoméstico > Cocina", "Kitchen Appliances > Food Mixers & Blenders", "Batidora de vaso potente con jarra de cristal de 1,5 L, pica hielo y hace batidos.", "", 59.95, [("negro", "")], "unisex", "vidrio"),
    ("H05", "home", "Robot de Cocina Multifunción 1000W", "Hogar > Pequeño Electrodoméstico > Cocina", "Kitchen Appliances", "Robot de cocina que pica, amasa, sofríe y cocina al vapor, con recetario en español.", "", 249.00, [("blanco", "")], "unisex", ""),
    ("H06", "home", "Batería de Cocina Inducción 7 Piezas", "Hogar > Cocina > Menaje", "Kitchen & Dining > Cookware & Bakeware", "Batería de cocina de acero inoxidable: tres cazuelas, dos ollas y un cazo con tapas de cristal. Apta para inducción.", "", 89.95, [("inox", "7 piezas")], "unisex", "acero inoxidable"),
    ("H07", "home", "Sartén Antiadherente 28cm Piedra", "Hogar > Cocina > Sartenes", "Kitchen & Dining > Cookware & Bakeware", "Sartén de aluminio forjado con antiadherente efecto piedra y mango que no quema. Apta para inducción.", "", 24.95, [("gris", "28cm")], "unisex", "aluminio"),
    ("H08", "home", "Juego de Cuchillos de Cocina con Taco", "Hogar > Cocina > Utensilios", "Kitchen & Dining > Kitchen Tools & Utensils", "Seis cuchillos de acero inoxidable con taco de madera: cebollero, pan, jamonero, verduras y más.", "", 49.95, [("negro", "")], "unisex", "acero inoxidable, madera"),
    ("H09", "home", "Vajilla de Gres 18 Piezas", "Hogar > Mesa > Vajillas", "Kitchen & Dining", "Platos llanos, hondos y de postre para seis en gres esmaltado.", "", 59.95, [("blanco", "18 piezas"), ("azul", "18 piezas")], "unisex", "gres"),
    ("H10", "home", "Olla a Presión Rápida 6L", "Hogar > Cocina > Ollas", "Kitchen & Dining > Cookware & Bakeware", "Olla exprés de acero inoxidable de 6 litros con válvula de seguridad, para todo tipo de cocinas.", "", 54.95, [("inox", "6L")], "unisex", "acero inoxidable"),
    ("H11", "home", "Termo de Acero Inoxidable 1L para Café", "Hogar > Cocina > Termos", "Kitchen & Dining > Food & Beverage Carriers", "Termo de doble pared de 1 litro que mantiene el café caliente 12 horas y el agua fría 24.", "", 19.95, [("negro", "1L")], "unisex", "acero inoxidable"),
    ("H12", "home", "Juego de Sábanas Algodón Percal 200 Hilos", "Hogar > Dormitorio > Sábanas", "Linens & Bedding > Bedding", "Sábana bajera ajustable, encimera y funda de almohada en percal de 200 hilos.", "", 39.95, [("blanco", "150x190"), ("gris", "135x190")], "unisex", "algodón"),
    ("H13", "home", "Relleno Nórdico Todo el Año", "Hogar > Dormitorio > Nórdicos", "Linens & Bedding > Bedding", "Edredón nórdico de fibra hueca siliconada, para todo el año.", "", 49.95, [("blanco", "150")], "unisex", "microfibra"),
    ("H14", "home", "Almohada Viscoelástica Cervical", "Hogar > Dormitorio > Almohadas", "Linens & Bedding > Bedding", "Almohada de espuma viscoelástica que se adapta al cuello.", "", 29.95, [("blanco", "70cm")], "unisex", "viscoelástica"),
    ("H15", "home", "Manta de Sofá Borreguito", "Hogar > Salón > Mantas", "Linens & Bedding > Bedding", "Manta suave de borreguito para el sofá, calentita para las tardes de invierno.", "", 24.95, [("gris", "130x170"), ("crudo", "130x170")], "unisex", "poliéster"),
    ("H16", "home", "Juego de Toallas de Baño 4 Piezas", "Hogar > Baño > Toallas", "Linens & Bedding", "Dos toallas de baño y dos de lavabo de algodón de 550 g.", "", 29.95, [("blanco", ""), ("azul", "")], "unisex", "algodón"),
    ("H17", "home", "Ventilador de Pie 40cm Silencioso", "Hogar > Climatización", "Household Appliances", "Ventilador de pie con tres velocidades, oscilación y mando a distancia.", "", 39.95, [("blanco", "")], "unisex", ""),
    ("H18", "home", "Aspiradora Escoba sin Cable 2 en 1", "Hogar > Limpieza", "Home & Garden > Household Appliances > Vacuums", "Aspiradora escoba sin cable con aspirador de mano, 40 minutos de autonomía.", "", 129.00, [("gris", "")], "unisex", ""),
    ("H19", "home", "Robot Aspirador con Función Fregado", "Hogar > Limpieza", "Home & Garden > Household Appliances > Vacuums", "Robot aspirador que barre y friega, controlado desde la app.", "cyber-lunes", 199.00, [("negro", "")], "unisex", ""),
    ("H20", "home", "Plancha de Vapor Suela Cerámica", "Hogar > Lavado y Planchado", "Household Appliances", "Plancha de ropa con suela cerámica, golpe de vapor y antical.", "", 34.95, [("azul", "")], "unisex", ""),
    ("H21", "home", "Lámpara de Escritorio LED Regulable", "Hogar > Iluminación", "Home & Garden > Lighting", "Lámpara de mesa LED con tres tonos de luz, regulador y puerto USB.", "", 27.95, [("blanco", "")], "unisex", ""),
    ("H22", "home", "Lámpara de Pie Trípode de Madera", "Hogar > Iluminación", "Home & Garden > Lighting", "Lámpara de pie trípode con pantalla de tela para el salón.", "outlet-q1", 69.95, [("natural", "")], "unisex", "madera"),
    ("H23", "home", "Silla de Oficina Ergonómica Malla", "Hogar > Muebles > Oficina", "Furniture > Chairs", "Silla de escritorio con respaldo de malla, apoyo lumbar y brazos regulables.", "", 119.00, [("negro", "")], "unisex", "malla, nailon"),
    ("H24", "home", "Estantería para Discos de Vinilo 4 Baldas", "Hogar > Muebles > Estanterías", "Furniture", "Mueble estantería de madera con cuatro baldas para guardar hasta 200 vinilos y poner el tocadiscos encima.", "", 79.95, [("roble", ""), ("blanco", "")], "unisex", "madera de pino"),
    ("H25", "home", "Cajas de Almacenaje con Tapa Pack 3", "Hogar > Orden", "Household Supplies", "Tres cajas de plástico transparente de 30 L con tapa de cierre.", "", 24.95, [("transparente", "30L")], "unisex", "plástico"),
    ("H26", "home", "Tendedero Plegable de Alas", "Hogar > Lavado y Planchado", "Household Supplies", "Tendedero de suelo con alas que se pliega y se guarda detrás de la puerta.", "", 22.95, [("blanco", "")], "unisex", "acero"),
    ("H27", "home", "Scented Soy Candle Set", "Home > Decor", "Home & Garden > Decor", "Three soy wax scented candles in glass jars: vanilla, fig and sandalwood.", "", 24.95, [("ivory", "")], "unisex", "soy wax"),
    ("H28", "home", "Alfombra de Pelo Largo 160x230", "Hogar > Decoración > Alfombras", "Home & Garden > Decor", "Alfombra shaggy de pelo largo para el salón o el dormitorio.", "", 69.95, [("beige", "160x230")], "unisex", "poliéster"),
    ("H29", "home", "Reloj de Pared Silencioso 30cm", "Hogar > Decoración > Relojes", "Home & Garden > Decor", "Reloj de pared de mecanismo silencioso, sin tic tac.", "", 19.95, [("negro", "30cm")], "unisex", "metal"),
    ("H30", "home", "Vinilo Decorativo de Pared Pentagrama y Notas Musicales", "Hogar > Decoración > Vinilos Decorativos", "Home & Garden > Decor", "Vinilo adhesivo de pared con un pentagrama y notas musicales, para el salón o la habitación de un músico. Se quita sin dejar marca.", "", 16.95, [("negro", "120x40")], "unisex", "vinilo"),
    # beauty (belleza)
    ("B01", "beauty", "Crema Hidratante Facial SPF 30", "Belleza > Cuidado Facial > Hidratantes", "Cosmetics > Skin Care", "Crema facial ligera de uso diario con ácido hialurónico y SPF 30.", "", 19.95, [("", "50ml")], "unisex", ""),
    ("B02", "beauty", "Protector Solar Corporal SPF 50+ Spray", "Belleza > Solares", "Cosmetics > Skin Care", "Protector solar en spray SPF 50+, resistente al agua, tacto seco.", "", 15.95, [("", "200ml")], "unisex", ""),
    ("B03", "beauty", "Sérum Vitamina C 15%", "Belleza > Cuidado Facial > Sérums", "Cosmetics > Skin Care", "Sérum de vitamina C que ilumina y unifica el tono.", "", 22.95, [("", "30ml")], "unisex", ""),
    ("B04", "beauty", "Gentle Foaming Face Cleanser", "Beauty > Skincare > Cleansers", "Cosmetics > Skin Care", "Gentle foaming cleanser for sensitive skin, fragrance free.", "", 12.95, [("", "150ml")], "unisex", ""),
    ("B05", "beauty", "Agua Micelar Desmaquillante 400ml", "Belleza > Cuidado Facial > Limpieza", "Cosmetics > Skin Care", "Agua micelar que desmaquilla y limpia en un solo paso, sin aclarado.", "", 8.95, [("", "400ml")], "unisex", ""),
    ("B06", "beauty", "Base de Maquillaje Mate Larga Duración", "Belleza > Maquillaje > Rostro", "Cosmetics > Makeup > Face Makeup", "Base de cobertura media-alta con acabado mate que dura todo el día.", "", 17.95, [("", "30ml")], "female", ""),
    ("B07", "beauty", "Máscara de Pestañas Volumen Extremo", "Belleza > Maquillaje > Ojos", "Cosmetics > Makeup > Eye Makeup", "Rímel de volumen que no se apelmaza ni mancha.", "", 11.95, [("negro", "")], "female", ""),
    ("B08", "beauty", "Pintalabios Líquido Mate", "Belleza > Maquillaje > Labios", "Cosmetics > Makeup > Lip Makeup", "Labial líquido mate que no transfiere y dura todo el día.", "", 9.95, [("nude", ""), ("rojo", "")], "female", ""),
    ("B09", "beauty", "Eyeshadow Palette 18 Shades", "Beauty > Makeup > Eyes", "Cosmetics > Makeup > Eye Makeup", "18 matte and shimmer shades in warm nudes and roses.", "outlet-q1", 24.95, [("", "")], "female", ""),
    ("B10", "beauty", "Set de Brochas de Maquillaje 12 Piezas", "Belleza > Maquillaje > Accesorios", "Cosmetic Tools > Makeup Tools", "Doce brochas de pelo sintético suave para base, polvos, colorete y sombras, con estuche.", "", 19.95, [("rosa", "")], "female", ""),
    ("B11", "beauty", "Perfume Mujer Eau de Parfum Flor de Azahar 100ml", "Belleza > Perfumes > Mujer", "Cosmetics > Perfume & Cologne", "Eau de parfum floral con azahar, peonía y almizcle.", "black-week", 49.95, [("", "100ml")], "female", ""),
    ("B12", "beauty", "Colonia Hombre Amaderada Cedro 100ml", "Belleza > Perfumes > Hombre", "Cosmetics > Perfume & Cologne", "Eau de toilette amaderada con notas de cedro y vetiver.", "", 39.95, [("", "100ml")], "male", ""),
    ("B13", "beauty", "Champú Reparador Cabello Dañado 400ml", "Belleza > Cabello > Champús", "Hair Care > Shampoo & Conditioner", "Champú reparador para cabello dañado y puntas abiertas.", "", 7.95, [("", "400ml")], "unisex", ""),
    ("B14", "beauty", "Mascarilla Capilar Nutritiva 300ml", "Belleza > Cabello > Tratamientos", "Personal Care > Hair Care", "Mascarilla de nutrición intensa para cabello seco y con encrespamiento.", "", 11.95, [("", "300ml")], "unisex", ""),
    ("B15", "beauty", "Aceite de Argán Puro para el Pelo", "Belleza > Cabello > Tratamientos", "Personal Care > Hair Care", "Aceite de argán que controla el encrespamiento y da brillo a las puntas.", "", 12.95, [("", "60ml")], "unisex", ""),
    ("B16", "beauty", "Secador de Pelo Iónico 2200W", "Belleza > Cabello > Aparatos", "Hair Care > Hair Styling Tools", "Secador iónico con difusor y boquilla concentradora, tres temperaturas.", "", 39.95, [("negro", "")], "unisex", ""),
    ("B17", "beauty", "Plancha de Pelo Cerámica Turmalina", "Belleza > Cabello > Aparatos", "Hair Care > Hair Styling Tools", "Plancha alisadora con placas de cerámica y turmalina, hasta 230 °C.", "", 34.95, [("negro", "")], "unisex", ""),
    ("B18", "beauty", "Rizador de Pelo 25mm", "Belleza > Cabello > Aparatos", "Hair Care > Hair Styling Tools", "Rizador de 25 mm para ondas y rizos definidos.", "", 27.95, [("rosa", "25mm")], "female", ""),
    ("B19", "beauty", "Afeitadora Eléctrica Rotativa Hombre", "Belleza > Hombre > Afeitado", "Shaving & Grooming", "Afeitadora rotativa en seco y mojado, recargable, con cortapatillas.", "", 69.95, [("negro", "")], "male", ""),
    ("B20", "beauty", "Recortadora de Barba Recargable", "Belleza > Hombre > Barba", "Shaving & Grooming", "Recortadora de barba y cuerpo con peines de 1 a 10 mm.", "", 29.95, [("negro", "")], "male", ""),
    ("B21", "beauty", "Set de Esmaltes de Uñas 6 Colores", "Belleza > Uñas", "Cosmetics > Nail Care", "Seis esmaltes de secado rápido en tonos de temporada.", "", 14.95, [("surtido", "")], "female", ""),
    ("B22", "beauty", "Crema de Manos Reparadora Karité 75ml", "Belleza > Cuidado Corporal > Manos", "Cosmetics > Skin Care", "Crema de manos con manteca de karité para manos secas y agrietadas, se absorbe rápido.", "", 6.95, [("", "75ml")], "unisex", ""),
    ("B23", "beauty", "Desodorante Roll-on sin Alcohol", "Belleza > Cuidado Corporal > Desodorantes", "Personal Care", "Desodorante antitranspirante roll-on 48 h sin alcohol.", "", 3.95, [("", "50ml")], "unisex", ""),
    ("B24", "beauty", "Lip Balm SPF 15 Trio", "Beauty > Lips", "Cosmetics > Skin Care", "Three moisturising lip balms with SPF 15: plain, cherry and mint.", "", 8.95, [("", "3 pack")], "unisex", ""),
    ("B25", "beauty", "Cepillo de Dientes Eléctrico Sónico", "Belleza > Higiene Bucal", "Personal Care", "Cepillo sónico recargable con cinco modos y dos cabezales.", "", 39.95, [("blanco", "")], "unisex", ""),
    ("B26", "beauty", "Estuche Regalo Perfume y Loción Corporal", "Belleza > Sets de Regalo", "Cosmetics > Perfume & Cologne", "Estuche de regalo con eau de toilette de 50 ml y loción corporal a juego.", "", 34.95, [("", "")], "female", ""),
    # gaming (videojuegos)
    ("G01", "gaming", "Consola PS5 Slim Edición Digital 1TB", "Videojuegos > Consolas", "Video Game Consoles", "PlayStation 5 Slim digital de 1 TB con un mando DualSense.", "black-week", 449.00, [("blanco", "1TB")], "unisex", ""),
    ("G02", "gaming", "Xbox Series S 512GB Console", "Gaming > Consoles", "Video Game Consoles", "All-digital Xbox Series S with 512GB and a wireless controller.", "", 299.00, [("white", "512GB")], "unisex", ""),
    ("G03", "gaming", "Consola Nintendo Switch OLED", "Videojuegos > Consolas", "Video Game Consoles", "Nintendo Switch con pantalla OLED de 7 pulgadas, para jugar en la tele o en modo portátil.", "", 319.00, [("blanco", ""), ("neón", "")], "unisex", ""),
    ("G04", "gaming", "Mando Inalámbrico DualSense PS5", "Videojuegos > Mandos", "Input Devices > Game Controllers", "Mando inalámbrico DualSense con gatillos adaptativos y respuesta háptica.", "", 69.95, [("blanco", ""), ("negro", "")], "unisex", ""),
    ("G05", "gaming", "Pro Controller for Nintendo Switch", "Gaming > Controllers", "Input Devices > Game Controllers", "Wireless pro-style controller for Nintendo Switch with motion controls and rumble.", "", 59.95, [("black", "")], "unisex", ""),
    ("G06", "gaming", "EA Sports FC 26 PS5", "Videojuegos > Juegos > PlayStation", "Software > Video Game Software", "El fútbol de EA con LaLiga, la Champions y Ultimate Team.", "", 69.95, [("", "PS5")], "unisex", ""),
    ("G07", "gaming", "The Legend of Zelda: Tears of the Kingdom (Switch)", "Gaming > Nintendo", "Software > Video Game Software", "Open-world adventure across Hyrule and the sky islands.", "", 59.95, [("", "Switch")], "unisex", ""),
    ("G08", "gaming", "Mario Kart 8 Deluxe Nintendo Switch", "Videojuegos > Juegos > Nintendo", "Software > Video Game Software", "Carreras de karts para jugar hasta cuatro en la misma consola.", "", 49.95, [("", "Switch")], "unisex", ""),
    ("G09", "gaming", "Just Dance 2026 Edition Nintendo Switch", "Videojuegos > Juegos > Nintendo", "Software > Video Game Software", "El juego de baile con 40 canciones nuevas para bailar en familia con el mando o el móvil.", "", 39.95, [("", "Switch")], "unisex", ""),
    ("G10", "gaming", "Hogwarts Legacy PS5", "Videojuegos > Juegos > PlayStation", "Software > Video Game Software", "RPG de acción de mundo abierto en el mundo mágico del siglo XIX.", "", 39.95, [("", "PS5")], "unisex", ""),
    ("G11", "gaming", "Auriculares Gaming 7.1 con Micrófono y RGB", "Videojuegos > Periféricos > Auriculares", "Audio Components > Headphones & Headsets > Headsets", "Cascos gaming con sonido envolvente 7.1, micrófono desmontable y luces RGB. Para PC, PS5 y Switch.", "", 49.95, [("negro", "")], "unisex", ""),
    ("G12", "gaming", "Teclado Mecánico Gaming RGB Switch Rojo", "Videojuegos > Periféricos > Teclados", "Input Devices > Keyboards", "Teclado mecánico gamer con switches rojos, retroiluminación RGB y distribución española con ñ.", "", 59.95, [("negro", "ES")], "unisex", ""),
    ("G13", "gaming", "Ratón Gaming 16000 DPI", "Videojuegos > Periféricos > Ratones", "Input Devices > Mice & Trackballs", "Ratón gamer con sensor óptico de 16000 DPI, siete botones y RGB.", "", 39.95, [("negro", "")], "unisex", ""),
    ("G14", "gaming", "Alfombrilla Gaming XXL 90x40", "Videojuegos > Periféricos > Alfombrillas", "Electronics > Electronics Accessories > Computer Accessories", "Alfombrilla grande de tela con base de goma y bordes cosidos.", "", 14.95, [("negro", "90x40")], "unisex", "tela, goma"),
    ("G15", "gaming", "Silla Gaming Reclinable con Reposapiés", "Videojuegos > Sillas", "Furniture > Chairs", "Silla gaming reclinable con cojines lumbar y cervical y reposapiés extensible.", "cyber-lunes", 169.00, [("negro/rojo", "")], "unisex", "polipiel"),
    ("G16", "gaming", "Mesa Gaming con LED 120cm", "Videojuegos > Mesas", "Furniture", "Escritorio gamer con superficie de fibra de carbono, portavasos y tira LED.", "", 119.00, [("negro", "120cm")], "unisex", ""),
    ("G17", "gaming", "Rapidfire 27\" 165Hz Gaming Monitor", "Gaming > Monitors", "Video > Computer Monitors", "27-inch QHD gaming monitor, 165 Hz and 1 ms.", "", 229.00, [("black", "27\"")], "unisex", ""),
    ("G18", "gaming", "Volante con Pedales y Cambio para PS5 y PC", "Videojuegos > Simulación", "Input Devices > Game Controllers", "Volante con force feedback, pedalera de tres pedales y palanca de cambios.", "", 249.00, [("negro", "")], "unisex", ""),
    ("G19", "gaming", "Guitarra Inalámbrica para Fortnite Festival y Rock Band PS5", "Videojuegos > Accesorios > PlayStation", "Input Devices > Game Controllers", "Mando con forma de guitarra inalámbrico con botones de trastes, para Fortnite Festival y Rock Band 4 en PS5 y PS4. No es un instrumento.", "", 129.95, [("negro", "")], "unisex", ""),
    ("G20", "gaming", "Base de Carga Doble para DualSense", "Videojuegos > Accesorios", "Video Game Console Accessories > Home Game Console Accessories", "Estación de carga para dos mandos DualSense.", "", 24.95, [("blanco", "")], "unisex", ""),
    ("G21", "gaming", "Funda Rígida para Nintendo Switch", "Videojuegos > Accesorios", "Video Game Console Accessories > Portable Game Console Accessories", "Funda rígida con espacio para diez juegos y cremallera.", "", 14.95, [("negro", "")], "unisex", "EVA"),
    ("G22", "gaming", "Steam Gift Card", "Gaming > Gift Cards", "Gift Giving > Gift Cards & Certificates", "Digital Steam wallet code, delivered by e-mail.", "", 20.00, [("", "20 EUR"), ("", "50 EUR")], "unisex", ""),
    ("G23", "gaming", "Juego de Mesa Catan", "Juegos de Mesa > Estrategia", "Toys & Games > Games > Board Games", "Coloniza la isla, comercia y construye. De 3 a 4 jugadores.", "", 39.95, [("", "")], "unisex", ""),
    ("G24", "gaming", "Hitster Juego de Cartas Musical", "Juegos de Mesa > Fiesta", "Toys & Games > Games > Card Games", "Juego de fiesta: escucha canciones desde la app y ordénalas por año. Para 2 a 10 jugadores.", "", 24.95, [("", "")], "unisex", ""),
    ("G25", "gaming", "Pokémon TCG Booster Bundle (6 packs)", "Gaming > Trading Cards", "Toys & Games > Games > Card Games", "Six Pokémon trading card booster packs, Spanish edition.", "", 29.95, [("", "")], "unisex", ""),
    ("G26", "gaming", "Gafas de Realidad Virtual Quest 3 128GB", "Videojuegos > Realidad Virtual", "Video Game Consoles", "Visor de realidad virtual y mixta autónomo con dos mandos táctiles.", "", 549.00, [("blanco", "128GB")], "unisex", ""),
    ("G27", "gaming", "Consola Retro Portátil 10.000 Juegos", "Videojuegos > Portátiles", "Video Game Consoles", "Consola retro de bolsillo con 10.000 juegos clásicos y pantalla de 3,5\".", "", 49.95, [("gris", "")], "unisex", ""),
    ("G28", "gaming", "Capturadora de Vídeo 4K para Streaming", "Videojuegos > Streaming", "Electronics > Electronics Accessories", "Capturadora HDMI 4K passthrough para grabar y retransmitir partidas de consola en directo.", "", 89.95, [("negro", "")], "unisex", ""),
    # music (instrumentos musicales)
    ("M01", "music", "Guitarra Clásica de Estudio Sevilla", "Instrumentos Musicales > Guitarras > Clásicas", "String Instruments > Guitars", "Guitarra española de tapa de cedro y aros de caoba con cuerdas de nailon. Ideal para empezar en el conservatorio.", "rebajas-ene", 129.00, [("natural", "4/4"), ("natural", "3/4"), ("natural", "1/2")], "unisex", "cedro, caoba"),
    ("M02", "music", "Guitarra Electroacústica Cutaway con Afinador", "Instrumentos Musicales > Guitarras > Acústicas", "String Instruments > Guitars", "Guitarra acústica de cuerdas de acero con cutaway, previo con ecualizador de 4 bandas y afinador integrado. Para tocar en directo.", "", 219.00, [("natural", ""), ("sunburst", "")], "unisex", "abeto, sapele"),
    ("M03", "music", "Harbor Dreadnought Acoustic Guitar", "Music > Guitars > Acoustic", "String Instruments > Guitars", "Full-size dreadnought steel-string acoustic guitar with a spruce top, warm and loud for strumming.", "", 179.00, [("natural", "")], "unisex", "spruce, mahogany"),
    ("M04", "music", "Guitarra Eléctrica Tipo Strat Rioja", "Instrumentos Musicales > Guitarras > Eléctricas", "String Instruments > Guitars", "Guitarra eléctrica de cuerpo de aliso con tres pastillas de bobina simple y puente trémolo.", "", 299.00, [("sunburst", ""), ("negro", ""), ("blanco", "")], "unisex", "aliso, arce"),
    ("M05", "music", "Voltage Electric Guitar Starter Pack with 10W Amp", "Music > Guitars > Electric", "String Instruments > Guitars", "Electric guitar starter pack: guitar, 10W practice amp, gig bag, cable, strap, picks and a clip-on tuner.", "promo-latam", 199.00, [("red", ""), ("black", "")], "unisex", "basswood"),
    ("M06", "music", "Bajo Eléctrico 4 Cuerdas Jazz Triana", "Instrumentos Musicales > Bajos", "String Instruments > Guitars", "Bajo eléctrico de cuatro cuerdas con dos pastillas de bobina simple y mástil de arce.", "", 329.00, [("negro", "4 cuerdas"), ("sunburst", "4 cuerdas")], "unisex", "aliso, arce"),
    ("M07", "music", "Ukelele Soprano de Caoba con Funda", "Instrumentos Musicales > Ukeleles", "Musical Instruments > String Instruments", "Ukelele soprano de caoba con cuerdas Aquila y funda acolchada. Suena genial y es fácil para empezar.", "", 49.95, [("natural", "Soprano"), ("rosa", "Soprano")], "unisex", "caoba"),
    ("M08", "music", "Ukelele Concierto Electroacústico", "Instrumentos Musicales > Ukeleles", "Musical Instruments > String Instruments", "Ukelele de concierto con pastilla y ecualizador para enchufar al amplificador.", "", 89.00, [("natural", "Concierto")], "unisex", "sapele"),
    ("M09", "music", "Piano Digital 88 Teclas Contrapesadas Allegro con Mueble", "Instrumentos Musicales > Pianos Digitales", "Musical Instruments > Pianos", "Piano digital de mueble con 88 teclas contrapesadas con acción de martillo, tres pedales y salida de auriculares. Para estudiar en casa sin molestar.", "", 599.00, [("negro", "88 teclas"), ("blanco", "88 teclas")], "unisex", ""),
    ("M10", "music", "Stagelite 88-Key Portable Digital Piano", "Music > Keys > Digital Pianos", "Musical Instruments > Pianos", "Slim portable digital piano with 88 semi-weighted keys, built-in speakers, a sustain pedal and USB-MIDI.", "", 379.00, [("black", "88 keys")], "unisex", ""),
    ("M11", "music", "Teclado Electrónico 61 Teclas Sensitivas con Atril", "Instrumentos Musicales > Teclados", "Musical Keyboards", "Teclado de 61 teclas sensitivas con 400 sonidos, ritmos de acompañamiento, modo aprendizaje y atril. Para principiantes y niños.", "", 139.00, [("negro", "61 teclas")], "unisex", ""),
    ("M12", "music", "Controlador MIDI USB 25 Teclas con 8 Pads", "Instrumentos Musicales > Estudio > Controladores MIDI", "MIDI Controllers", "Teclado controlador MIDI de 25 miniteclas con ocho pads, joystick y software de producción. Para hacer beats en el ordenador.", "", 89.00, [("negro", "25 teclas")], "unisex", ""),
    ("M13", "music", "KeyStep 49 MIDI Keyboard Controller", "Music > Studio > MIDI Controllers", "MIDI Controllers", "49-key velocity-sensitive USB MIDI keyboard with pitch and mod wheels, works with any DAW.", "", 139.00, [("black", "49 keys")], "unisex", ""),
    ("M14", "music", "Batería Acústica Completa 5 Cuerpos con Platos", "Instrumentos Musicales > Baterías > Acústicas", "Percussion > Drum Kits", "Batería de cinco cuerpos con bombo de 22\", caja, tres toms, charles, plato crash-ride, pedal y banqueta.", "", 499.00, [("negro", "22\""), ("rojo vino", "22\"")], "unisex", "álamo"),
    ("M15", "music", "Batería Electrónica Compacta con Pads de Malla", "Instrumentos Musicales > Baterías > Electrónicas", "Percussion > Electronic Drums", "Batería electrónica plegable con parches de malla, módulo de 300 sonidos y salida de auriculares. Para tocar en un piso sin molestar a los vecinos.", "cyber-lunes", 449.00, [("negro", "")], "unisex", ""),
    ("M16", "music", "Cajón Flamenco de Abedul con Bordones", "Instrumentos Musicales > Percusión", "Hand Drums", "Cajón flamenco con tapa de abedul y bordones de guitarra regulables, con funda.", "", 99.00, [("natural", "")], "unisex", "abedul"),
    ("M17", "music", "Baquetas de Nogal 5A (Par)", "Instrumentos Musicales > Baterías > Accesorios", "Drum Sticks & Brushes", "Par de baquetas 5A de nogal americano con punta de madera.", "", 9.95, [("natural", "5A"), ("natural", "7A")], "unisex", "nogal"),
    ("M18", "music", "Pad de Práctica para Batería 12\"", "Instrumentos Musicales > Baterías > Accesorios", "Percussion > Practice Pads", "Pad de estudio silencioso de 12 pulgadas con superficie de goma, para practicar rudimentos.", "", 29.95, [("negro", "12\"")], "unisex", "goma"),
    ("M19", "music", "Pandereta de Madera con Sonajas", "Instrumentos Musicales > Percusión", "Hand Percussion > Tambourines", "Pandereta de madera de 10\" con parche y doble fila de sonajas.", "", 14.95, [("natural", "10\"")], "unisex", "madera, piel"),
    ("M20", "music", "Kalimba 17 Notas de Caoba", "Instrumentos Musicales > Percusión", "Musical Instruments > Percussion", "Piano de pulgar de 17 notas afinado en Do con martillo de afinación y libro de canciones.", "", 24.95, [("natural", "17 notas")], "unisex", "caoba"),
    ("M21", "music", "Violín de Estudiante 4/4 con Estuche y Arco", "Instrumentos Musicales > Cuerda Frotada > Violines", "Musical Instruments > String Instruments > Violins", "Violín de abeto macizo con arco, resina y estuche rígido. Para estudiantes de conservatorio.", "", 149.00, [("natural", "4/4"), ("natural", "3/4"), ("natural", "1/2")], "unisex", "abeto, arce"),
    ("M22", "music", "Flauta Travesera Plateada en Do", "Instrumentos Musicales > Viento > Flautas", "Woodwinds > Flutes", "Flauta travesera de 16 llaves plateada con pie en Do, estuche y kit de limpieza.", "", 219.00, [("plateado", "")], "unisex", "alpaca plateada"),
    ("M23", "music", "Flauta Dulce Soprano Escolar", "Instrumentos Musicales > Viento > Flautas Dulces", "Woodwinds > Recorders", "Flauta dulce soprano de digitación barroca con funda y escobilla. La del cole.", "", 6.95, [("crema", "")], "unisex", "ABS"),
    ("M24", "music", "Armónica Diatónica 10 Agujeros en Do", "Instrumentos Musicales > Viento > Armónicas", "Woodwinds > Harmonicas", "Armónica diatónica blues de 10 agujeros en Do con estuche.", "", 24.95, [("plateado", "Do")], "unisex", "latón, plástico"),
    ("M25", "music", "Juego de Cuerdas para Guitarra Clásica Tensión Normal", "Instrumentos Musicales > Accesorios > Cuerdas", "Guitar Accessories > Guitar Strings", "Seis cuerdas de nailon para guitarra clásica o española, tensión normal.", "", 8.95, [("", "Normal"), ("", "Alta")], "unisex", "nailon"),
    ("M26", "music", "Phosphor Bronze Acoustic Guitar Strings 12-53", "Music > Accessories > Strings", "Guitar Accessories > Guitar Strings", "Phosphor bronze light gauge strings for steel-string acoustic guitars.", "", 11.95, [("", "12-53")], "unisex", "phosphor bronze"),
    ("M27", "music", "Cuerdas para Guitarra Eléctrica 10-46", "Instrumentos Musicales > Accesorios > Cuerdas", "Guitar Accessories > Guitar Strings", "Juego de cuerdas de níquel para guitarra eléctrica, calibre 10-46.", "", 7.95, [("", "10-46"), ("", "09-42")], "unisex", "níquel"),
    ("M28", "music", "Púas para Guitarra Pack 12 Surtidas", "Instrumentos Musicales > Accesorios > Púas", "Guitar Accessories > Guitar Picks", "Doce púas de celuloide en tres grosores: fina, media y dura.", "", 4.95, [("surtido", "12 uds")], "unisex", "celuloide"),
    ("M29", "music", "Cejilla para Guitarra Acústica y Eléctrica", "Instrumentos Musicales > Accesorios > Cejillas", "Guitar Accessories > Capos", "Cejilla de aluminio de cambio rápido con muelle, para guitarras de seis cuerdas.", "", 9.95, [("negro", "")], "unisex", "aluminio"),
    ("M30", "music", "Afinador Cromático de Pinza", "Instrumentos Musicales > Accesorios > Afinadores", "Electronic Tuners", "Afinador de pinza para guitarra, bajo, ukelele y violín con pantalla a color giratoria.", "envio-24h", 12.95, [("negro", "")], "unisex", ""),
    ("M31", "music", "Metrónomo Mecánico de Péndulo", "Instrumentos Musicales > Accesorios > Metrónomos", "Metronomes", "Metrónomo clásico de péndulo con campana, de 40 a 208 pulsaciones por minuto.", "", 29.95, [("negro", "")], "unisex", "plástico"),
    ("M32", "music", "Atril Plegable para Partituras con Funda", "Instrumentos Musicales > Accesorios > Atriles", "Music Stands", "Atril de metal plegable y regulable en altura para partituras, con funda de transporte.", "", 14.95, [("negro", "")], "unisex", "acero"),
    ("M33", "music", "Amplificador para Guitarra Eléctrica 20W", "Instrumentos Musicales > Amplificadores", "Musical Instrument Amplifiers", "Combo de 20 W con canal limpio y distorsión, ecualizador de tres bandas y salida de auriculares.", "", 89.00, [("negro", "20W")], "unisex", ""),
    ("M34", "music", "Crunchbox 40W Modelling Guitar Amp with Bluetooth", "Music > Amplifiers", "Musical Instrument Amplifiers", "40W modelling guitar amp with 16 amp models, built-in effects and Bluetooth to play along with songs.", "", 199.00, [("black", "40W")], "unisex", ""),
    ("M35", "music", "Amplificador para Bajo 30W", "Instrumentos Musicales > Amplificadores", "Musical Instrument Amplifiers", "Amplificador combo para bajo eléctrico de 30 W con altavoz de 10\".", "outlet-q1", 139.00, [("negro", "30W")], "unisex", ""),
    ("M36", "music", "Pedal de Efecto Overdrive Distorsión", "Instrumentos Musicales > Efectos > Pedales", "Effects Processors", "Pedal compacto de overdrive y distorsión con true bypass para guitarra eléctrica.", "", 49.95, [("naranja", "")], "unisex", "aluminio"),
    ("M37", "music", "Analog Echo Delay Guitar Pedal", "Music > Effects > Pedals", "Effects Processors", "Warm analog delay pedal with up to 600 ms of echo and a tap-tempo footswitch.", "", 79.00, [("blue", "")], "unisex", "aluminium"),
    ("M38", "music", "Pedalera Multiefectos con Pantalla y Looper", "Instrumentos Musicales > Efectos > Multiefectos", "Effects Processors", "Pedalera multiefectos para guitarra con simulación de amplificadores, 60 efectos, looper y pedal de expresión.", "", 169.00, [("negro", "")], "unisex", ""),
    ("M39", "music", "Micrófono Dinámico Vocal XLR con Cable", "Instrumentos Musicales > Micrófonos > Dinámicos", "Microphones", "Micrófono dinámico cardioide para voces en directo y ensayo, con interruptor, pinza y cable XLR de 5 m.", "", 39.95, [("negro", "")], "unisex", "metal"),
    ("M40", "music", "Micrófono de Condensador de Estudio XLR con Araña y Antipop", "Instrumentos Musicales > Micrófonos > Condensador", "Microphones", "Micrófono de condensador de diafragma grande para grabar voces y guitarras en el home studio. Necesita interfaz con alimentación phantom 48 V.", "", 99.00, [("negro", "")], "unisex", "metal"),
    ("M41", "music", "Interfaz de Audio USB 2 Entradas con Previos", "Instrumentos Musicales > Estudio > Interfaces de Audio", "Audio Components", "Tarjeta de sonido externa USB-C con dos entradas combo XLR/jack, phantom 48 V y salida para monitores. Para grabar voz y guitarra en el ordenador.", "", 119.00, [("rojo", "2x2")], "unisex", ""),
    ("M42", "music", "Reference 5 Active Studio Monitors (Pair)", "Music > Studio > Monitors", "Audio Components > Speakers", "Pair of active 5-inch studio monitors with a flat response for mixing and producing.", "", 249.00, [("black", "5\"")], "unisex", ""),
    ("M43", "music", "Auriculares de Estudio Cerrados para Monitorización", "Instrumentos Musicales > Estudio > Auriculares", "Audio Components > Headphones & Headsets > Headphones", "Auriculares de estudio cerrados con cable en espiral y jack de 6,3 mm, respuesta plana para grabar y mezclar.", "", 89.00, [("negro", "")], "unisex", ""),
    ("M44", "music", "Cable de Instrumento Jack 6,3mm 3m", "Instrumentos Musicales > Cables", "Audio & Video Cables", "Cable jack-jack de 6,3 mm para guitarra, bajo o teclado, con funda de tela y conectores dorados.", "", 12.95, [("negro", "3m"), ("negro", "6m")], "unisex", ""),
    ("M45", "music", "Cable XLR Micrófono Macho-Hembra 6m", "Instrumentos Musicales > Cables", "Audio & Video Cables", "Cable de micrófono balanceado XLR macho a XLR hembra de 6 m.", "", 14.95, [("negro", "6m")], "unisex", ""),
    ("M46", "music", "Funda Acolchada para Guitarra Clásica", "Instrumentos Musicales > Fundas y Estuches", "Guitar Cases & Gig Bags", "Funda de guitarra con acolchado de 10 mm, bolsillo para partituras y correas de mochila.", "", 29.95, [("negro", "4/4"), ("negro", "3/4")], "unisex", "nailon"),
    ("M47", "music", "Hardshell Electric Guitar Case", "Music > Cases", "Guitar Cases & Gig Bags", "Hardshell case with plush lining for Strat and Tele style electric guitars, lockable latches.", "", 99.00, [("black", "")], "unisex", "plywood, tolex"),
    ("M48", "music", "Soporte de Guitarra Plegable", "Instrumentos Musicales > Accesorios > Soportes", "Guitar Accessories > Guitar Stands", "Soporte de suelo plegable para guitarra acústica, eléctrica o bajo, con gomas protectoras.", "", 12.95, [("negro", "")], "unisex", "acero"),
    ("M49", "music", "Correa para Guitarra de Cuero", "Instrumentos Musicales > Accesorios > Correas", "Guitar Accessories > Guitar Straps", "Correa de cuero ajustable para guitarra y bajo con extremos reforzados.", "", 19.95, [("marrón", ""), ("negro", "")], "unisex", "cuero"),
    ("M50", "music", "Banqueta de Piano Regulable", "Instrumentos Musicales > Teclados > Accesorios", "Music Benches & Stools", "Banqueta para piano o teclado con asiento acolchado y altura regulable.", "", 49.95, [("negro", "")], "unisex", "madera, polipiel"),
    ("M51", "music", "Soporte de Teclado en X Doble Tijera", "Instrumentos Musicales > Teclados > Accesorios", "Musical Keyboard Stands", "Soporte en X para teclado o piano digital, regulable en altura y plegable.", "", 24.95, [("negro", "")], "unisex", "acero"),
    ("M52", "music", "Sustain Pedal for Keyboards", "Music > Keys > Accessories", "Sustain Pedals", "Piano-style sustain pedal with a polarity switch, works with most keyboards and digital pianos.", "", 19.95, [("black", "")], "unisex", ""),
    ("M53", "music", "Pie de Micrófono con Jirafa", "Instrumentos Musicales > Micrófonos > Soportes", "Microphone Stands", "Pie de micrófono de suelo con brazo de jirafa plegable y pinza.", "", 22.95, [("negro", "")], "unisex", "acero"),
    ("M54", "music", "Método de Guitarra para Principiantes con Partituras y Audio", "Instrumentos Musicales > Libros y Partituras", "Media > Books", "Libro de iniciación a la guitarra con acordes, partituras y tablaturas de 50 canciones populares, con audios online.", "", 19.95, [("", "")], "unisex", "papel"),
]


class Catalog15(Style):
    avail = AVAIL
    currency = "EUR"
    sale_factor = 0.8
    sale_every = 8

    def google(self, ids, ending, i):
        """Google's numeric id on three models in five, the English path
        on one, empty on the rest."""
        return google_by_cycle(ids, ending, i, ["path", "id", "", "id", "id"])

    def variant(self, title, v):
        """The variant in brackets after the title: "(Negro, M)"."""
        color, size = v
        parts = ([color[:1].upper() + color[1:]] if color else []) + ([size] if size else [])
        return color, size, (f"{title} ({', '.join(parts)})" if parts else title)

    def stock(self, n):
        return 1 + (n * 7) % 45

    def link(self, pid):
        return f"https://www.mercadosol.es/p/{pid.lower()}"

    def image(self, pid):
        return f"https://cdn.mercadosol.es/img/{pid.lower()}.jpg"


if __name__ == "__main__":
    write("catalog15.csv", rows(CATALOG15, "C15", Catalog15()))
