#!/usr/bin/env python3
"""Writes catalog12.csv (Meta feed format, like catalog/products.csv) next to
this file: the twelfth evaluation catalog of issue 15, held out from tuning.

222 rows (187 models) of six brands: the five demo brands and a sixth,
`tools` (herramientas y ferretería: herramientas eléctricas (taladros,
atornilladores, amoladoras, sierras caladoras, hidrolavadora, pistola de
calor, soldador), herramientas de mano (destornilladores, llaves, pinzas,
martillos, serruchos, cúters, mechas), cajas y maletines de herramientas,
escaleras, medición (cintas métricas, niveles, medidor láser, tester),
linternas de trabajo y frontales, seguridad (guantes de trabajo, anteojos
de seguridad, protectores auditivos), electricidad (zapatillas eléctricas
y alargues), pintura (látex, rodillos, pinceletas, cinta de enmascarar) y
fijaciones (tarugos y tornillos); its seller's manifest section is
seller-tools.routing.toml). Lamps, fans, cleaning appliances, kitchen
knives and storage boxes for the house stay home's; sneakers (zapatillas)
fashion's, a power strip (zapatilla eléctrica) tools'; sunglasses
fashion's, safety glasses tools'; makeup brushes beauty's, paintbrushes
tools'; a hair dryer beauty's, a heat gun tools'; garden tools (lawn
mowers, hoses) are not sold.

Written in issue 15's eighth session before the router or the search ran on
it, and without looking at the router's or the search's word lists. The
feed is an Argentine shop's own export, written entirely in Rioplatense
Spanish:

- titles, descriptions and colours in Spanish; the variant after the title
  with " - " ("Zapatillas Urbanas de Cuero - Blanco - 40");
- prices in ARS, sales at 20 % off on every fifth row;
- clothing sizes S/M/L/XL, jeans 38-46, shoe sizes 35-45;
- `product_type` a Spanish path with " > " ("Calzado > Zapatillas");
- `google_product_category` Google's numeric id on a third of the models,
  the English path on another third (both resolved from
  lang/data/google-taxonomy-with-ids.en-US.txt by feedgen from an English
  path ending), empty on the rest;
- `custom_label_0` a campaign or shelf code (hotsale-12, cyber26, ahora12,
  dep-caba, gondola4) or empty, never a product word;
- availability cycles in stock / out of stock / preorder.

    python3 catalog/eval/catalog12.py
"""

from feedgen import Style, rows, write, dashed_variant, google_by_cycle

AVAIL = ["in stock", "in stock", "out of stock", "in stock", "in stock",
         "in stock", "in stock", "preorder", "in stock"]

# (model key, brand, title, product type path, google category path ending,
#  description, campaign label, price (ARS), variants, gender, material);
#  a variant is (colour, size).
CATALOG12 = [
    # fashion (indumentaria y calzado)
    ("F01", "fashion", "Zapatillas Urbanas de Cuero", "Calzado > Zapatillas", "Apparel & Accessories > Shoes", "Zapatillas urbanas de cuero liso con suela de goma cosida. Van con todo, de jean o de vestir.", "cyber26", 129999.0, [("blanco", "38"), ("blanco", "40"), ("negro", "42")], "unisex", "cuero"),
    ("F02", "fashion", "Zapatillas de Running con Amortiguación", "Calzado > Deportivo", "Apparel & Accessories > Shoes", "Zapatillas para correr con capellada de malla respirable y mediasuela con amortiguación. Para entrenar o salir a trotar.", "", 159999.0, [("gris", "41"), ("rosa", "37")], "unisex", "malla, EVA"),
    ("F03", "fashion", "Ojotas de Goma Tiras Anchas", "Calzado > Ojotas", "Apparel & Accessories > Shoes", "Ojotas de goma blanda con tira ancha. Para la playa, la pileta y el verano.", "", 14999.0, [("negro", "39/40"), ("azul", "41/42")], "unisex", "goma"),
    ("F04", "fashion", "Sandalias con Plataforma", "Calzado > Sandalias", "Apparel & Accessories > Shoes", "Sandalias con plataforma de 5 cm y tiras cruzadas con hebilla al tobillo.", "gondola4", 69999.0, [("suela", "37")], "female", "cuero sintético"),
    ("F05", "fashion", "Borcegos de Cuero Caña Corta", "Calzado > Botas", "Apparel & Accessories > Shoes", "Borcegos de cuero con cordones y suela dentada, abrigados y cómodos para el invierno.", "", 149999.0, [("negro", "38"), ("marrón", "43")], "unisex", "cuero"),
    ("F06", "fashion", "Zapatos de Vestir Hombre Acordonados", "Calzado > Zapatos", "Apparel & Accessories > Shoes", "Zapatos de vestir de cuero con cordones, para la oficina, casamientos y egresos.", "", 119999.0, [("negro", "42")], "male", "cuero"),
    ("F07", "fashion", "Remera Básica de Algodón Cuello Redondo", "Hombre > Remeras", "Clothing > Shirts & Tops", "Remera básica de algodón peinado, cuello redondo y calce regular. Para todos los días.", "hotsale-12", 19999.0, [("blanco", "M"), ("negro", "L"), ("gris melange", "XL")], "male", "algodón"),
    ("F08", "fashion", "Remera Oversize Estampada", "Mujer > Remeras", "Clothing > Shirts & Tops", "Remera oversize con estampa frontal, bien holgada, de jersey grueso.", "", 24999.0, [("beige", "S")], "female", "algodón"),
    ("F09", "fashion", "Chomba Piqué Hombre", "Hombre > Chombas", "Clothing > Shirts & Tops", "Chomba de piqué con cuello y puños tejidos y tres botones.", "", 34999.0, [("azul marino", "L")], "male", "algodón piqué"),
    ("F10", "fashion", "Camisa Lino Manga Larga", "Hombre > Camisas", "Clothing > Shirts & Tops", "Camisa de lino fresca, manga larga arremangable. Para el verano o un casamiento de día.", "", 54999.0, [("blanco", "M"), ("celeste", "L")], "male", "lino"),
    ("F11", "fashion", "Jean Mom Tiro Alto", "Mujer > Jeans", "Clothing > Pants", "Jean mom de tiro alto con lavado claro y botamanga con dobladillo.", "cyber26", 59999.0, [("celeste", "38"), ("azul", "42")], "female", "denim"),
    ("F12", "fashion", "Jean Recto Hombre Elastizado", "Hombre > Jeans", "Clothing > Pants", "Jean recto clásico con un toque de elastano, cinco bolsillos.", "", 62999.0, [("azul oscuro", "44")], "male", "denim, elastano"),
    ("F13", "fashion", "Bermuda de Gabardina", "Hombre > Bermudas", "Clothing > Shorts", "Bermuda de gabardina con bolsillos laterales y presillas para cinturón.", "", 37999.0, [("beige", "42")], "male", "gabardina"),
    ("F14", "fashion", "Short de Baño Hombre", "Trajes de Baño > Hombre", "Clothing > Swimwear", "Short de baño de secado rápido con red interna y cordón en la cintura.", "", 29999.0, [("azul francia", "L")], "male", "poliéster"),
    ("F15", "fashion", "Bikini Triángulo Estampada", "Trajes de Baño > Mujer", "Clothing > Swimwear", "Bikini triángulo con bombacha regulable de tiritas y estampa de hojas.", "hotsale-12", 39999.0, [("estampado verde", "S"), ("negro", "M")], "female", "lycra"),
    ("F16", "fashion", "Malla Enteriza Escote en la Espalda", "Trajes de Baño > Mujer", "Clothing > Swimwear", "Malla enteriza con taza soft y escote profundo en la espalda.", "", 44999.0, [("bordó", "M")], "female", "lycra"),
    ("F17", "fashion", "Vestido Midi Floreado", "Mujer > Vestidos", "Clothing > Dresses", "Vestido midi floreado con breteles finos y falda con vuelo. Ideal para un casamiento de día o el verano.", "", 64999.0, [("floreado azul", "S"), ("floreado rojo", "M")], "female", "viscosa"),
    ("F18", "fashion", "Pollera Plisada Midi", "Mujer > Polleras", "Clothing > Skirts", "Pollera midi plisada con cintura elastizada, queda linda con zapatillas.", "", 42999.0, [("negro", "M")], "female", "poliéster"),
    ("F19", "fashion", "Buzo Canguro con Capucha", "Unisex > Buzos", "Clothing > Activewear", "Buzo canguro de frisa con capucha y bolsillo delantero. Abrigado para el invierno.", "cyber26", 49999.0, [("gris", "M"), ("verde oliva", "L")], "unisex", "algodón, poliéster"),
    ("F20", "fashion", "Campera de Jean Clásica", "Unisex > Camperas", "Outerwear > Coats & Jackets", "Campera de jean con botones metálicos y bolsillos en el pecho.", "", 79999.0, [("azul", "M")], "unisex", "denim"),
    ("F21", "fashion", "Campera Inflable Liviana", "Unisex > Camperas", "Outerwear > Coats & Jackets", "Campera inflable liviana con relleno de guata, se guarda en su propia bolsita. Para el frío.", "", 99999.0, [("negro", "L"), ("azul", "S")], "unisex", "nylon"),
    ("F22", "fashion", "Calza Deportiva Tiro Alto", "Mujer > Deportivo", "Clothing > Activewear", "Calza larga de tiro alto que no transparenta, con bolsillo para el celular. Para el gimnasio.", "", 32999.0, [("negro", "S"), ("negro", "M")], "female", "suplex"),
    ("F23", "fashion", "Top Deportivo Sostén Medio", "Mujer > Deportivo", "Clothing > Activewear", "Top deportivo con taza removible y espalda nadadora.", "", 22999.0, [("lila", "S")], "female", "lycra"),
    ("F24", "fashion", "Pack 6 Pares de Medias Soquete", "Ropa Interior > Medias", "Clothing > Underwear & Socks", "Seis pares de medias soquete de algodón con refuerzo en talón y puntera.", "", 12999.0, [("surtido", "39-42")], "unisex", "algodón"),
    ("F25", "fashion", "Pack 3 Bóxers de Algodón", "Ropa Interior > Hombre", "Clothing > Underwear & Socks", "Tres bóxers de algodón con elástico suave que no marca.", "", 19999.0, [("surtido", "L")], "male", "algodón, elastano"),
    ("F26", "fashion", "Pijama Largo Polar", "Ropa Interior > Pijamas", "Clothing > Sleepwear & Loungewear", "Pijama de pantalón largo y buzo de polar suave, para las noches de invierno.", "", 39999.0, [("rosa", "M")], "female", "polar"),
    ("F27", "fashion", "Cartera Bandolera de Cuero", "Accesorios > Carteras", "Handbags, Wallets & Cases > Handbags", "Cartera chica bandolera de cuero con correa regulable y cierre.", "dep-caba", 89999.0, [("negro", "U"), ("camel", "U")], "female", "cuero"),
    ("F28", "fashion", "Billetera de Cuero Hombre", "Accesorios > Billeteras", "Handbags, Wallets & Cases", "Billetera de cuero con monedero y ocho ranuras para tarjetas.", "", 34999.0, [("marrón", "U")], "male", "cuero"),
    ("F29", "fashion", "Cinturón de Cuero Hebilla Metálica", "Accesorios > Cinturones", "Clothing Accessories > Belts", "Cinturón de cuero vacuno con hebilla metálica plateada.", "", 24999.0, [("negro", "95")], "male", "cuero"),
    ("F30", "fashion", "Gorra Trucker con Red", "Accesorios > Gorras", "Clothing Accessories > Hats", "Gorra trucker con frente bordado, red atrás y broche regulable.", "", 17999.0, [("negro", "U")], "unisex", "algodón, poliéster"),
    ("F31", "fashion", "Anteojos de Sol Polarizados Aviador", "Accesorios > Anteojos", "Clothing Accessories > Sunglasses", "Anteojos de sol estilo aviador con lentes polarizadas UV400 y marco metálico.", "", 49999.0, [("dorado", "U")], "unisex", "metal"),
    ("F32", "fashion", "Aros Argolla Baño de Oro", "Accesorios > Bijouterie", "Jewelry > Earrings", "Aros argolla medianos con baño de oro, hipoalergénicos.", "", 15999.0, [("dorado", "U")], "female", "acero, baño de oro"),
    # tech (tecnología)
    ("T01", "tech", "Celular Samsung Galaxy A36 5G 128 GB", "Tecnología > Celulares", "Electronics > Communications > Telephony > Mobile Phones", "Celular 5G con pantalla de 6,7 pulgadas, cámara de 50 MP y batería de 5000 mAh. Liberado.", "ahora12", 649999.0, [("negro", "128GB"), ("lavanda", "256GB")], "unisex", ""),
    ("T02", "tech", "Celular Motorola Moto G35 128 GB", "Tecnología > Celulares", "Electronics > Communications > Telephony > Mobile Phones", "Celular económico con 4 GB de RAM, 128 GB y batería para todo el día. Ideal como primer celu.", "", 299999.0, [("verde", "128GB")], "unisex", ""),
    ("T03", "tech", "iPhone 15 128 GB", "Tecnología > Celulares", "Electronics > Communications > Telephony > Mobile Phones", "iPhone 15 nuevo en caja sellada, con garantía oficial de 12 meses.", "", 1599999.0, [("negro", "128GB")], "unisex", ""),
    ("T04", "tech", "Smart TV 50\" 4K UHD Google TV", "Tecnología > Televisores", "Electronics > Video > Televisions", "Smart TV de 50 pulgadas 4K con Google TV, Netflix, YouTube y control por voz.", "ahora12", 699999.0, [("negro", "50\"")], "unisex", ""),
    ("T05", "tech", "Smart TV 32\" HD", "Tecnología > Televisores", "Electronics > Video > Televisions", "Tele chica de 32 pulgadas smart, ideal para el dormitorio o la cocina.", "", 299999.0, [("negro", "32\"")], "unisex", ""),
    ("T06", "tech", "Notebook 15,6\" Core i5 16 GB SSD 512 GB", "Tecnología > Notebooks", "Electronics > Computers > Laptops", "Notebook con Intel Core i5, 16 GB de RAM y disco SSD de 512 GB. Para la facu y el laburo.", "", 1199999.0, [("gris", "15,6\"")], "unisex", ""),
    ("T07", "tech", "Notebook 14\" Celeron 4 GB", "Tecnología > Notebooks", "Electronics > Computers > Laptops", "Notebook básica para estudiar, navegar y hacer videollamadas.", "", 499999.0, [("plateado", "14\"")], "unisex", ""),
    ("T08", "tech", "Tablet 10\" 64 GB con Funda", "Tecnología > Tablets", "Electronics > Computers > Tablet Computers", "Tablet de 10 pulgadas con Wi-Fi, 64 GB y funda con soporte. Para los chicos o para leer.", "", 349999.0, [("gris", "64GB")], "unisex", ""),
    ("T09", "tech", "Auriculares Inalámbricos con Cancelación de Ruido", "Tecnología > Audio > Auriculares", "Audio Components > Headphones & Headsets > Headphones", "Auriculares vincha bluetooth con cancelación activa de ruido y 40 horas de batería. Para el bondi, el subte y el home office.", "cyber26", 229999.0, [("negro", ""), ("blanco", "")], "unisex", ""),
    ("T10", "tech", "Auriculares In-Ear Bluetooth TWS", "Tecnología > Audio > Auriculares", "Audio Components > Headphones & Headsets > Headphones", "Auriculares intraurales inalámbricos con estuche de carga, resistentes al sudor, con micrófono.", "", 59999.0, [("blanco", "")], "unisex", ""),
    ("T11", "tech", "Parlante Bluetooth Portátil Resistente al Agua", "Tecnología > Audio > Parlantes", "Electronics > Audio", "Parlante portátil sumergible IPX7 con 12 horas de batería. Para la pileta, la playa o el asado.", "", 89999.0, [("azul", ""), ("negro", "")], "unisex", ""),
    ("T12", "tech", "Barra de Sonido 2.1 con Subwoofer", "Tecnología > Audio > Barras de Sonido", "Electronics > Audio", "Barra de sonido con subwoofer inalámbrico, HDMI ARC y bluetooth.", "", 249999.0, [("negro", "")], "unisex", ""),
    ("T13", "tech", "Smartwatch con GPS y Ritmo Cardíaco", "Tecnología > Relojes Inteligentes", "Electronics > Electronics Accessories", "Reloj inteligente con GPS, ritmo cardíaco, oxígeno en sangre y notificaciones del celular. Sumergible.", "", 189999.0, [("negro", "44mm")], "unisex", ""),
    ("T14", "tech", "Pulsera Inteligente Deportiva", "Tecnología > Relojes Inteligentes", "Electronics > Electronics Accessories", "Pulsera que cuenta pasos, mide el sueño y las pulsaciones.", "", 49999.0, [("negro", "")], "unisex", ""),
    ("T15", "tech", "Cargador Rápido USB-C 25 W", "Tecnología > Accesorios para Celulares", "Electronics > Electronics Accessories", "Cargador de pared de carga rápida 25 W con cable USB-C de 1 m.", "", 19999.0, [("blanco", "")], "unisex", ""),
    ("T16", "tech", "Cargador Portátil Power Bank 20000 mAh", "Tecnología > Accesorios para Celulares", "Electronics > Electronics Accessories", "Batería externa de 20000 mAh con dos USB y un USB-C, carga el celu hasta 4 veces.", "", 44999.0, [("negro", "")], "unisex", ""),
    ("T17", "tech", "Funda Silicona para Celular + Vidrio Templado", "Tecnología > Accesorios para Celulares", "Electronics > Electronics Accessories", "Funda de silicona con interior de microfibra y vidrio templado para la pantalla.", "", 12999.0, [("transparente", "Galaxy A36"), ("negro", "iPhone 15")], "unisex", "silicona"),
    ("T18", "tech", "Router Wi-Fi 6 Doble Banda", "Tecnología > Redes", "Electronics > Networking", "Router Wi-Fi 6 doble banda con cuatro antenas, mejor señal en toda la casa.", "", 89999.0, [("negro", "")], "unisex", ""),
    ("T19", "tech", "Impresora Multifunción con Sistema Continuo", "Tecnología > Impresoras", "Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines", "Imprime, copia y escanea con tanques de tinta recargables y Wi-Fi.", "", 399999.0, [("negro", "")], "unisex", ""),
    ("T20", "tech", "Monitor 24\" Full HD IPS", "Tecnología > Monitores", "Electronics > Video > Computer Monitors", "Monitor de 24 pulgadas Full HD con panel IPS, bordes finos y entrada HDMI.", "", 229999.0, [("negro", "24\"")], "unisex", ""),
    ("T21", "tech", "Combo Teclado y Mouse Inalámbrico", "Tecnología > Periféricos", "Input Devices > Keyboards", "Teclado en español con ñ y mouse inalámbricos, silenciosos, con receptor USB.", "", 39999.0, [("negro", "Español")], "unisex", ""),
    ("T22", "tech", "Cámara Web Full HD con Micrófono", "Tecnología > Periféricos", "Electronics > Electronics Accessories", "Webcam 1080p con micrófono incorporado para reuniones y clases virtuales.", "", 49999.0, [("negro", "")], "unisex", ""),
    ("T23", "tech", "Disco SSD Externo 1 TB", "Tecnología > Almacenamiento", "Electronics > Electronics Accessories", "Disco externo SSD de 1 TB USB-C, chiquito y rápido, para backup de fotos.", "", 149999.0, [("gris", "1TB")], "unisex", ""),
    ("T24", "tech", "Pendrive 64 GB USB 3.0", "Tecnología > Almacenamiento", "Electronics > Electronics Accessories", "Pendrive de 64 GB con tapa deslizable.", "", 9999.0, [("negro", "64GB")], "unisex", ""),
    ("T25", "tech", "Cámara de Seguridad Wi-Fi 360°", "Tecnología > Hogar Inteligente", "Cameras & Optics > Cameras", "Cámara de seguridad para interior con giro 360°, visión nocturna y alertas al celular. Sirve para vigilar al bebé o a la mascota.", "", 54999.0, [("blanco", "")], "unisex", ""),
    ("T26", "tech", "Foco Inteligente LED Wi-Fi RGB", "Tecnología > Hogar Inteligente", "Home & Garden > Lighting", "Lámpara LED de colores que se prende desde el celular o con Alexa.", "", 14999.0, [("", "E27")], "unisex", ""),
    ("T27", "tech", "Chromecast con Google TV", "Tecnología > Streaming", "Electronics > Video", "Convierte cualquier tele en smart: Netflix, Disney+, YouTube y control remoto por voz.", "", 89999.0, [("blanco", "")], "unisex", ""),
    ("T28", "tech", "Kindle 11ª Generación", "Tecnología > Lectores de Libros", "Electronics > Computers > Tablet Computers", "Lector de libros electrónicos con pantalla antirreflejo y luz, batería de semanas.", "", 229999.0, [("negro", "16GB")], "unisex", ""),
    ("T29", "tech", "Cámara Instantánea Mini", "Tecnología > Cámaras", "Cameras & Optics > Cameras", "Cámara que imprime la foto al instante, con modo selfie. Regalo de cumple que siempre gusta.", "", 139999.0, [("celeste", "")], "unisex", ""),
    ("T30", "tech", "Aro de Luz LED 26 cm con Trípode", "Tecnología > Foto y Video", "Cameras & Optics", "Aro de luz con trípode de 2 m y soporte de celular para grabar videos, vivos y maquillaje.", "", 29999.0, [("negro", "26cm")], "unisex", ""),
    ("T31", "tech", "Cable HDMI 2.1 de 2 Metros", "Tecnología > Cables", "Electronics > Electronics Accessories", "Cable HDMI 2.1 8K de 2 m para tele, notebook y consola.", "", 12999.0, [("negro", "2m")], "unisex", ""),
    ("T32", "tech", "Soporte de TV Articulado 32\" a 65\"", "Tecnología > Televisores", "Electronics > Electronics Accessories", "Soporte de pared con brazo articulado para teles de 32 a 65 pulgadas.", "", 39999.0, [("negro", "32-65\"")], "unisex", "acero"),
    # home (hogar)
    ("H01", "home", "Freidora de Aire Digital 5 L", "Hogar > Electrodomésticos > Cocina", "Kitchen Appliances > Deep Fryers", "Freidora de aire sin aceite de 5 litros con panel táctil, ocho programas y canasto antiadherente.", "cyber26", 149999.0, [("negro", "5L"), ("blanco", "5L")], "unisex", ""),
    ("H02", "home", "Pava Eléctrica con Corte para Mate", "Hogar > Electrodomésticos > Cocina", "Electric Kettles", "Pava eléctrica de acero de 1,7 L con corte automático a 80° para el mate y 100° para el té.", "", 49999.0, [("acero", "1,7L")], "unisex", "acero inoxidable"),
    ("H03", "home", "Cafetera de Filtro 1,2 L", "Hogar > Electrodomésticos > Cocina", "Kitchen Appliances", "Cafetera de goteo con jarra de vidrio y placa que mantiene el café caliente.", "", 54999.0, [("negro", "")], "unisex", ""),
    ("H04", "home", "Licuadora 1000 W Vaso de Vidrio", "Hogar > Electrodomésticos > Cocina", "Kitchen Appliances > Food Mixers & Blenders", "Licuadora potente con vaso de vidrio de 1,5 L, cinco velocidades y función pulso, pica hielo.", "", 79999.0, [("negro", "")], "unisex", "vidrio"),
    ("H05", "home", "Batidora de Mano con Bowl", "Hogar > Electrodomésticos > Cocina", "Kitchen Appliances > Food Mixers & Blenders", "Batidora con bowl giratorio de 3,5 L y ganchos para amasar. Para tortas y budines.", "", 69999.0, [("blanco", "")], "unisex", ""),
    ("H06", "home", "Horno Eléctrico 45 L con Grill", "Hogar > Electrodomésticos > Cocina", "Kitchen Appliances", "Horno eléctrico de mesada de 45 litros con grill, timer y dos bandejas.", "ahora12", 199999.0, [("negro", "45L")], "unisex", ""),
    ("H07", "home", "Batería de Cocina Antiadherente 7 Piezas", "Hogar > Cocina > Ollas y Sartenes", "Kitchen & Dining > Cookware & Bakeware", "Juego de ollas, cacerolas y sartén con antiadherente cerámico y tapas de vidrio. Aptas para inducción.", "", 129999.0, [("gris", "7 piezas")], "unisex", "aluminio"),
    ("H08", "home", "Sartén Antiadherente 28 cm", "Hogar > Cocina > Ollas y Sartenes", "Kitchen & Dining > Cookware & Bakeware", "Sartén honda de 28 cm con mango que no calienta.", "", 29999.0, [("negro", "28cm")], "unisex", "aluminio"),
    ("H09", "home", "Set de Cuchillos de Cocina con Taco", "Hogar > Cocina > Utensilios", "Kitchen & Dining > Kitchen Tools & Utensils", "Cinco cuchillos de acero inoxidable con taco de madera: chef, pan, fileteador, multiuso y pelador.", "", 59999.0, [("madera", "5 piezas")], "unisex", "acero inoxidable, madera"),
    ("H10", "home", "Vajilla de Cerámica 18 Piezas", "Hogar > Mesa", "Kitchen & Dining", "Juego de platos playos, hondos y de postre para 6 personas en cerámica esmaltada.", "", 89999.0, [("blanco", "18 piezas")], "unisex", "cerámica"),
    ("H11", "home", "Termo de Acero 1 L Pico Cebador", "Hogar > Mate", "Kitchen & Dining > Food & Beverage Carriers", "Termo de acero inoxidable de 1 litro con pico cebador, mantiene el agua caliente 24 horas.", "gondola4", 44999.0, [("negro", "1L"), ("verde", "1L")], "unisex", "acero inoxidable"),
    ("H12", "home", "Mate Imperial de Calabaza con Bombilla", "Hogar > Mate", "Kitchen & Dining", "Mate de calabaza forrado en cuero con virola de alpaca y bombilla de acero.", "", 34999.0, [("marrón", "")], "unisex", "calabaza, cuero, alpaca"),
    ("H13", "home", "Juego de Sábanas 2 1/2 Plazas 400 Hilos", "Hogar > Dormitorio > Sábanas", "Linens & Bedding > Bedding", "Juego de sábanas de percal 400 hilos con sábana ajustable, sábana plana y dos fundas de almohada.", "", 79999.0, [("blanco", "2 1/2 plazas"), ("gris", "Queen")], "unisex", "algodón percal"),
    ("H14", "home", "Acolchado Doble Faz 2 Plazas", "Hogar > Dormitorio > Acolchados", "Linens & Bedding > Bedding", "Acolchado doble faz bien abrigado para el invierno, relleno de vellón siliconado.", "", 99999.0, [("azul/gris", "2 plazas")], "unisex", "microfibra"),
    ("H15", "home", "Almohada Viscoelástica Cervical", "Hogar > Dormitorio > Almohadas", "Linens & Bedding > Bedding", "Almohada de espuma viscoelástica que se adapta al cuello, alivia las contracturas.", "", 39999.0, [("blanco", "50x70")], "unisex", "viscoelástico"),
    ("H16", "home", "Colchón de Resortes Pocket 2 Plazas", "Hogar > Dormitorio > Colchones", "Beds & Accessories > Mattresses", "Colchón de dos plazas con resortes pocket y pillow top, 28 cm de alto.", "", 699999.0, [("blanco", "140x190")], "unisex", ""),
    ("H17", "home", "Juego de Toallas 4 Piezas", "Hogar > Baño > Toallas", "Linens & Bedding", "Dos toallas y dos toallones de algodón de 500 g/m², bien esponjosos.", "", 49999.0, [("blanco", ""), ("beige", "")], "unisex", "algodón"),
    ("H18", "home", "Cortina Blackout con Ojales", "Hogar > Deco > Cortinas", "Home & Garden > Decor", "Cortina blackout que no deja pasar la luz, con ojales metálicos, para el dormitorio.", "", 59999.0, [("gris", "2,80x2,20m")], "unisex", "poliéster"),
    ("H19", "home", "Alfombra Peluda 2 x 1,5 m", "Hogar > Deco > Alfombras", "Home & Garden > Decor", "Alfombra shaggy de pelo largo y base antideslizante para el living.", "", 89999.0, [("crudo", "2x1,5m")], "unisex", "poliéster"),
    ("H20", "home", "Lámpara de Pie Trípode", "Hogar > Iluminación", "Home & Garden > Lighting", "Lámpara de pie de madera con tres patas y pantalla de tela, luz cálida para el living.", "", 79999.0, [("madera natural", "")], "unisex", "madera, tela"),
    ("H21", "home", "Velador LED Táctil Recargable", "Hogar > Iluminación", "Home & Garden > Lighting", "Velador para la mesa de luz con encendido táctil, tres tonos de luz y batería recargable.", "", 24999.0, [("blanco", "")], "unisex", "plástico"),
    ("H22", "home", "Ventilador de Pie 20\" 3 Velocidades", "Hogar > Climatización", "Household Appliances", "Ventilador de pie de 20 pulgadas, silencioso, con tres velocidades y oscilación. Para el calor de enero.", "cyber26", 89999.0, [("negro", "20\"")], "unisex", ""),
    ("H23", "home", "Caloventor 2000 W", "Hogar > Climatización", "Household Appliances", "Caloventor con dos niveles de calor y modo ventilador, termostato regulable.", "", 39999.0, [("blanco", "")], "unisex", ""),
    ("H24", "home", "Aspiradora Robot con Trapeado", "Hogar > Limpieza", "Home & Garden > Household Appliances > Vacuums", "Aspiradora robot que barre y trapea, vuelve sola a la base y se maneja desde la app.", "ahora12", 399999.0, [("negro", "")], "unisex", ""),
    ("H25", "home", "Aspiradora Escoba Inalámbrica 2 en 1", "Hogar > Limpieza", "Home & Garden > Household Appliances > Vacuums", "Aspiradora vertical sin cable que se convierte en aspiradora de mano, para el auto y los sillones.", "", 179999.0, [("gris", "")], "unisex", ""),
    ("H26", "home", "Plancha a Vapor Suela Cerámica", "Hogar > Lavadero", "Household Appliances", "Plancha de ropa a vapor con suela cerámica y golpe de vapor vertical.", "", 44999.0, [("azul", "")], "unisex", ""),
    ("H27", "home", "Tender de Ropa Plegable con Alas", "Hogar > Lavadero", "Household Supplies", "Tendedero de pie plegable con alas, aguanta 20 kg de ropa. Ideal para departamento.", "", 34999.0, [("blanco", "")], "unisex", "acero"),
    ("H28", "home", "Sillón 3 Cuerpos Pana", "Hogar > Muebles > Living", "Furniture", "Sillón de tres cuerpos tapizado en pana con almohadones desmontables.", "dep-caba", 899999.0, [("verde inglés", "2,10m"), ("gris", "2,10m")], "unisex", "pana, madera"),
    ("H29", "home", "Silla de Escritorio Ergonómica", "Hogar > Muebles > Oficina", "Furniture > Chairs", "Silla de oficina giratoria con respaldo de malla, apoyo lumbar y apoyabrazos regulables.", "", 249999.0, [("negro", "")], "unisex", "malla, nylon"),
    ("H30", "home", "Escritorio con Cajones 1,20 m", "Hogar > Muebles > Oficina", "Furniture", "Escritorio con dos cajones y estante para home office o el cuarto de los chicos.", "", 169999.0, [("blanco", "1,20m")], "unisex", "melamina"),
    ("H31", "home", "Espejo Redondo con Marco 60 cm", "Hogar > Deco", "Home & Garden > Decor", "Espejo redondo con marco fino de metal dorado para el living o el baño.", "", 69999.0, [("dorado", "60cm")], "unisex", "metal, vidrio"),
    ("H32", "home", "Cajas Organizadoras con Tapa x3", "Hogar > Organización", "Household Supplies", "Tres cajas plásticas apilables con tapa para placard, bajo cama o juguetes.", "", 29999.0, [("transparente", "30L")], "unisex", "plástico"),
    # beauty (belleza y cuidado personal)
    ("B01", "beauty", "Protector Solar Facial FPS 50", "Belleza > Cuidado de la Piel > Protección Solar", "Cosmetics > Skin Care > Sunscreen", "Protector solar facial FPS 50 toque seco, no deja la cara blanca ni grasosa. Para todos los días.", "hotsale-12", 29999.0, [("", "50ml")], "unisex", ""),
    ("B02", "beauty", "Protector Solar Corporal FPS 30 en Spray", "Belleza > Cuidado de la Piel > Protección Solar", "Cosmetics > Skin Care > Sunscreen", "Protector solar en spray resistente al agua, para la playa y la pileta.", "", 24999.0, [("", "200ml")], "unisex", ""),
    ("B03", "beauty", "Sérum de Vitamina C 10%", "Belleza > Cuidado de la Piel > Sérums", "Cosmetics > Skin Care", "Sérum antioxidante con vitamina C que ilumina la piel y empareja el tono.", "", 27999.0, [("", "30ml")], "female", ""),
    ("B04", "beauty", "Crema Hidratante Facial con Ácido Hialurónico", "Belleza > Cuidado de la Piel > Hidratantes", "Cosmetics > Skin Care > Lotion & Moisturizer", "Crema hidratante liviana con ácido hialurónico para piel seca y mixta.", "", 22999.0, [("", "50g")], "unisex", ""),
    ("B05", "beauty", "Agua Micelar Desmaquillante 400 ml", "Belleza > Cuidado de la Piel > Limpieza", "Cosmetics > Skin Care", "Agua micelar que limpia y desmaquilla sin frotar, para piel sensible.", "", 14999.0, [("", "400ml")], "unisex", ""),
    ("B06", "beauty", "Shampoo Reparador Sin Sal 400 ml", "Belleza > Cabello > Shampoo y Acondicionador", "Hair Care > Shampoo & Conditioner", "Shampoo sin sal ni sulfatos para pelo dañado o con alisado.", "", 11999.0, [("", "400ml")], "unisex", ""),
    ("B07", "beauty", "Acondicionador Reparador Sin Sal 400 ml", "Belleza > Cabello > Shampoo y Acondicionador", "Hair Care > Shampoo & Conditioner", "Acondicionador que desenreda y suaviza el pelo dañado.", "", 11999.0, [("", "400ml")], "unisex", ""),
    ("B08", "beauty", "Baño de Crema Nutritivo 300 g", "Belleza > Cabello > Tratamientos", "Personal Care > Hair Care", "Máscara capilar de nutrición profunda para pelo seco y con frizz.", "", 15999.0, [("", "300g")], "female", ""),
    ("B09", "beauty", "Planchita de Pelo Cerámica con Iones", "Belleza > Cabello > Aparatos", "Hair Care > Hair Styling Tools", "Planchita alisadora con placas de cerámica y turmalina, hasta 230°, calienta en 30 segundos.", "cyber26", 59999.0, [("negro", ""), ("rosa", "")], "female", ""),
    ("B10", "beauty", "Secador de Pelo 2200 W con Difusor", "Belleza > Cabello > Aparatos", "Hair Care > Hair Styling Tools", "Secador de pelo profesional con difusor para rulos y aire frío.", "", 69999.0, [("negro", "")], "female", ""),
    ("B11", "beauty", "Buclera Rizadora 25 mm", "Belleza > Cabello > Aparatos", "Hair Care > Hair Styling Tools", "Buclera de 25 mm con barril cerámico para ondas y rulos definidos.", "", 39999.0, [("rosa", "25mm")], "female", ""),
    ("B12", "beauty", "Perfume Mujer Floral Eau de Parfum 100 ml", "Belleza > Perfumes > Mujer", "Cosmetics > Perfume & Cologne", "Eau de parfum floral con notas de jazmín, pera y vainilla. Un regalo que siempre queda bien.", "", 89999.0, [("", "100ml")], "female", ""),
    ("B13", "beauty", "Perfume Hombre Amaderado Eau de Toilette 100 ml", "Belleza > Perfumes > Hombre", "Cosmetics > Perfume & Cologne", "Eau de toilette amaderada y fresca con notas cítricas y de cedro.", "", 79999.0, [("", "100ml")], "male", ""),
    ("B14", "beauty", "Body Splash Frutal 250 ml", "Belleza > Perfumes > Colonias", "Cosmetics > Perfume & Cologne", "Bruma corporal con aroma frutal, fresca para el verano.", "", 12999.0, [("", "250ml")], "female", ""),
    ("B15", "beauty", "Labial Líquido Mate Larga Duración", "Belleza > Maquillaje > Labios", "Cosmetics > Makeup > Lip Makeup", "Labial líquido mate que no se transfiere y dura todo el día.", "", 9999.0, [("rojo", ""), ("nude", "")], "female", ""),
    ("B16", "beauty", "Base de Maquillaje Cobertura Media", "Belleza > Maquillaje > Rostro", "Cosmetics > Makeup > Face Makeup", "Base líquida de cobertura media con acabado natural, en doce tonos.", "", 19999.0, [("tono 03", "30ml"), ("tono 06", "30ml")], "female", ""),
    ("B17", "beauty", "Corrector de Ojeras Líquido", "Belleza > Maquillaje > Rostro", "Cosmetics > Makeup > Face Makeup", "Corrector líquido de alta cobertura para ojeras y granitos.", "", 11999.0, [("claro", "")], "female", ""),
    ("B18", "beauty", "Máscara de Pestañas a Prueba de Agua", "Belleza > Maquillaje > Ojos", "Cosmetics > Makeup > Eye Makeup", "Máscara de pestañas waterproof que alarga y da volumen sin grumos.", "", 12999.0, [("negro", "")], "female", ""),
    ("B19", "beauty", "Paleta de Sombras 18 Tonos", "Belleza > Maquillaje > Ojos", "Cosmetics > Makeup > Eye Makeup", "Paleta de sombras con tonos mate y brillantes, nudes y tierras.", "", 24999.0, [("nude", "18 tonos")], "female", ""),
    ("B20", "beauty", "Delineador Líquido Punta Fina", "Belleza > Maquillaje > Ojos", "Cosmetics > Makeup > Eye Makeup", "Delineador líquido con punta tipo fibra para un cat eye fácil.", "", 8999.0, [("negro", "")], "female", ""),
    ("B21", "beauty", "Set de Brochas de Maquillaje 12 Piezas", "Belleza > Maquillaje > Accesorios", "Cosmetic Tools > Makeup Tools", "Doce brochas y pinceles de maquillaje de pelo sintético con estuche.", "", 19999.0, [("rosa", "12 piezas")], "female", "pelo sintético"),
    ("B22", "beauty", "Esmalte de Uñas Semipermanente", "Belleza > Uñas", "Cosmetics > Nail Care", "Esmalte semipermanente que dura hasta tres semanas, se seca con cabina UV/LED.", "", 6999.0, [("rojo", "10ml"), ("nude", "10ml")], "female", ""),
    ("B23", "beauty", "Cabina LED UV para Uñas", "Belleza > Uñas", "Cosmetics > Nail Care", "Cabina de secado LED/UV de 48 W con temporizador para esmaltado semipermanente.", "", 29999.0, [("blanco", "")], "female", ""),
    ("B24", "beauty", "Afeitadora Eléctrica Recargable", "Belleza > Hombre > Afeitado", "Shaving & Grooming > Hair Removal", "Afeitadora eléctrica de tres cabezales, uso en seco o mojado, recargable.", "", 79999.0, [("negro", "")], "male", ""),
    ("B25", "beauty", "Cortadora de Pelo y Barba", "Belleza > Hombre > Barba", "Shaving & Grooming > Hair Removal", "Máquina para cortar pelo y perfilar la barba con ocho peines guía.", "", 49999.0, [("negro", "")], "male", ""),
    ("B26", "beauty", "Depiladora Eléctrica con Cabezales", "Belleza > Depilación", "Shaving & Grooming > Hair Removal", "Depiladora eléctrica con pinzas y cabezal de afeitado, para piernas y axilas.", "", 59999.0, [("blanco", "")], "female", ""),
    ("B27", "beauty", "Desodorante Antitranspirante Roll-On Pack x3", "Belleza > Higiene", "Personal Care", "Tres desodorantes roll-on sin alcohol, 48 horas de protección.", "", 9999.0, [("", "3x50ml")], "unisex", ""),
    ("B28", "beauty", "Cepillo de Dientes Eléctrico", "Belleza > Higiene", "Personal Care > Oral Care", "Cepillo dental eléctrico recargable con temporizador y dos cabezales.", "", 39999.0, [("blanco", "")], "unisex", ""),
    ("B29", "beauty", "Crema Corporal Manteca de Karité 400 ml", "Belleza > Cuerpo", "Skin Care > Lotion & Moisturizer", "Crema corporal con manteca de karité para piel extra seca.", "", 13999.0, [("", "400ml")], "unisex", ""),
    ("B30", "beauty", "Kit de Manicura 10 Piezas", "Belleza > Uñas", "Cosmetics > Nail Care", "Kit con alicate, cortaúñas, lima, empujador de cutícula y pinza de depilar en estuche.", "", 15999.0, [("negro", "10 piezas")], "unisex", "acero inoxidable"),
    # gaming (videojuegos y juegos)
    ("G01", "gaming", "Consola PlayStation 5 Slim 1 TB", "Gaming > Consolas", "Electronics > Video Game Consoles", "PS5 Slim con lectora de discos, 1 TB y un joystick DualSense.", "ahora12", 1299999.0, [("blanco", "1TB")], "unisex", ""),
    ("G02", "gaming", "Consola Nintendo Switch OLED", "Gaming > Consolas", "Electronics > Video Game Consoles", "Nintendo Switch con pantalla OLED de 7 pulgadas, para jugar en la tele o portátil.", "", 799999.0, [("blanco", "64GB")], "unisex", ""),
    ("G03", "gaming", "Consola Xbox Series S 512 GB", "Gaming > Consolas", "Electronics > Video Game Consoles", "Xbox Series S digital de 512 GB, chica y silenciosa, ideal con Game Pass.", "", 699999.0, [("blanco", "512GB")], "unisex", ""),
    ("G04", "gaming", "Joystick DualSense para PS5", "Gaming > Joysticks", "Input Devices > Game Controllers", "Control inalámbrico DualSense con gatillos adaptativos y vibración háptica.", "", 119999.0, [("blanco", ""), ("negro", "")], "unisex", ""),
    ("G05", "gaming", "Joystick Inalámbrico para PC", "Gaming > Joysticks", "Input Devices > Game Controllers", "Joystick inalámbrico para PC y Android con receptor USB, vibración y batería recargable.", "cyber26", 34999.0, [("negro", "")], "unisex", ""),
    ("G06", "gaming", "Joystick Xbox Inalámbrico", "Gaming > Joysticks", "Input Devices > Game Controllers", "Control oficial de Xbox, también funciona en PC por bluetooth.", "", 99999.0, [("negro", "")], "unisex", ""),
    ("G07", "gaming", "Joy-Con Nintendo Switch Par", "Gaming > Joysticks", "Video Game Console Accessories > Home Game Console Accessories", "Par de Joy-Con para Nintendo Switch, izquierdo y derecho.", "", 109999.0, [("rojo/azul", "")], "unisex", ""),
    ("G08", "gaming", "Juego EA Sports FC 26 PS5", "Gaming > Juegos > PlayStation", "Software > Video Game Software", "El fútbol de EA con la Liga Profesional, ligas europeas y Ultimate Team. Físico.", "", 89999.0, [("", "PS5")], "unisex", ""),
    ("G09", "gaming", "Juego Mario Kart 8 Deluxe Switch", "Gaming > Juegos > Nintendo", "Software > Video Game Software", "Carreras de karts para jugar de a cuatro en la misma consola.", "", 79999.0, [("", "Switch")], "unisex", ""),
    ("G10", "gaming", "Juego Minecraft Switch", "Gaming > Juegos > Nintendo", "Software > Video Game Software", "Construí, explorá y sobreviví. El juego favorito de los chicos.", "", 39999.0, [("", "Switch")], "unisex", ""),
    ("G11", "gaming", "Juego Grand Theft Auto VI PS5 (Preventa)", "Gaming > Juegos > PlayStation", "Software > Video Game Software", "Preventa de GTA VI físico para PS5, se entrega el día del lanzamiento.", "", 119999.0, [("", "PS5")], "unisex", ""),
    ("G12", "gaming", "Juego Spider-Man 2 PS5", "Gaming > Juegos > PlayStation", "Software > Video Game Software", "Aventura de acción de mundo abierto con Peter Parker y Miles Morales.", "", 69999.0, [("", "PS5")], "unisex", ""),
    ("G13", "gaming", "Auriculares Gamer con Micrófono RGB", "Gaming > Periféricos > Auriculares", "Audio Components > Headphones & Headsets > Headsets", "Auriculares gamer con sonido envolvente 7.1, micrófono desmontable y luces RGB. Para PC, PS5 y Xbox.", "", 59999.0, [("negro", "")], "unisex", ""),
    ("G14", "gaming", "Teclado Mecánico Gamer RGB", "Gaming > Periféricos > Teclados", "Input Devices > Keyboards", "Teclado mecánico con switches rojos, retroiluminación RGB y distribución en español.", "", 79999.0, [("negro", "Español")], "unisex", ""),
    ("G15", "gaming", "Mouse Gamer 12000 DPI", "Gaming > Periféricos > Mouse", "Input Devices > Mice & Trackballs", "Mouse gamer con sensor óptico de 12000 DPI, siete botones y luces RGB.", "", 39999.0, [("negro", "")], "unisex", ""),
    ("G16", "gaming", "Mouse Pad Gamer XL 90 x 40", "Gaming > Periféricos > Mouse", "Electronics > Electronics Accessories > Computer Accessories", "Pad extendido con base de goma antideslizante y bordes cosidos.", "", 14999.0, [("negro", "90x40")], "unisex", "tela, goma"),
    ("G17", "gaming", "Silla Gamer Reclinable con Almohadones", "Gaming > Sillas", "Furniture > Chairs", "Silla gamer de cuero sintético reclinable hasta 155° con almohadón lumbar y cervical.", "dep-caba", 299999.0, [("negro/rojo", ""), ("negro/azul", "")], "unisex", "cuero sintético"),
    ("G18", "gaming", "Escritorio Gamer con Luces LED 1,20 m", "Gaming > Escritorios", "Furniture", "Escritorio gamer con superficie de fibra de carbono, portavasos y luces LED.", "", 219999.0, [("negro", "1,20m")], "unisex", "melamina, acero"),
    ("G19", "gaming", "Volante con Pedalera para PS5 y PC", "Gaming > Simuladores", "Input Devices > Game Controllers", "Volante con force feedback, pedalera de dos pedales y levas de cambio.", "", 399999.0, [("negro", "")], "unisex", ""),
    ("G20", "gaming", "Monitor Gamer 27\" 165 Hz", "Gaming > Monitores", "Video > Computer Monitors", "Monitor gamer de 27 pulgadas QHD con 165 Hz y 1 ms para juegos competitivos.", "", 449999.0, [("negro", "27\"")], "unisex", ""),
    ("G21", "gaming", "Base de Carga Doble para Joysticks PS5", "Gaming > Accesorios", "Video Game Console Accessories > Home Game Console Accessories", "Cargador doble para dos joysticks DualSense con luz indicadora.", "", 24999.0, [("blanco", "")], "unisex", ""),
    ("G22", "gaming", "Funda Rígida para Nintendo Switch", "Gaming > Accesorios", "Video Game Console Accessories > Portable Game Console Accessories", "Estuche rígido con lugar para diez juegos y vidrio templado de regalo.", "", 19999.0, [("negro", "")], "unisex", "EVA"),
    ("G23", "gaming", "Tarjeta de Regalo PlayStation Store", "Gaming > Tarjetas", "Gift Giving > Gift Cards & Certificates", "Código digital de saldo para la PlayStation Store, se envía por mail.", "", 25000.0, [("", "USD 10"), ("", "USD 25")], "unisex", ""),
    ("G24", "gaming", "Micrófono USB para Streaming", "Gaming > Streaming", "Electronics > Audio > Audio Components > Microphones", "Micrófono condensador USB con brazo articulado y filtro anti pop para streamear y podcasts.", "", 69999.0, [("negro", "")], "unisex", ""),
    ("G25", "gaming", "Juego de Mesa TEG", "Juegos > Juegos de Mesa", "Toys & Games > Games > Board Games", "El clásico juego de estrategia de conquistar el mundo, de 2 a 6 jugadores.", "", 44999.0, [("", "")], "unisex", ""),
    ("G26", "gaming", "Juego de Mesa Catan", "Juegos > Juegos de Mesa", "Toys & Games > Games > Board Games", "Juego de mesa de colonizar la isla y comerciar recursos, en español.", "", 69999.0, [("", "")], "unisex", ""),
    ("G27", "gaming", "Juego de Cartas UNO", "Juegos > Juegos de Cartas", "Toys & Games > Games > Card Games", "El juego de cartas para toda la familia.", "", 9999.0, [("", "")], "unisex", ""),
    ("G28", "gaming", "Sobres de Cartas Pokémon TCG x3", "Juegos > Juegos de Cartas", "Toys & Games > Games > Card Games", "Tres sobres de cartas coleccionables Pokémon en español.", "", 19999.0, [("", "3 sobres")], "unisex", ""),
    ("G29", "gaming", "Cubo Mágico 3x3 Speed", "Juegos > Ingenio", "Toys & Games > Games", "Cubo 3x3 de giro rápido y suave para speedcubing.", "", 7999.0, [("multicolor", "3x3")], "unisex", ""),
    ("G30", "gaming", "Tira de Luces LED RGB para Setup Gamer 5 m", "Gaming > Accesorios", "Home & Garden > Lighting", "Tira de luces LED RGB con control remoto y app, sincroniza con la música.", "", 19999.0, [("multicolor", "5m")], "unisex", ""),
    # tools (herramientas y ferretería)
    ("W01", "tools", "Taladro Percutor 13 mm 750 W", "Herramientas > Eléctricas > Taladros", "Drills", "Taladro percutor con mandril de 13 mm, velocidad variable y reversa. Para perforar pared, madera y metal.", "hotsale-12", 89999.0, [("azul", "220V")], "unisex", ""),
    ("W02", "tools", "Atornillador Inalámbrico 12 V con 2 Baterías", "Herramientas > Eléctricas > Atornilladores", "Drills", "Taladro atornillador a batería de 12 V con dos baterías de litio, cargador y maletín.", "", 119999.0, [("naranja", "12V")], "unisex", ""),
    ("W03", "tools", "Amoladora Angular 115 mm 850 W", "Herramientas > Eléctricas > Amoladoras", "Grinders", "Amoladora de 115 mm con mango lateral y protector, para cortar y desbastar metal y cerámica.", "", 79999.0, [("verde", "220V")], "unisex", ""),
    ("W04", "tools", "Sierra Caladora 600 W", "Herramientas > Eléctricas > Sierras", "Jigsaws", "Caladora con corte pendular y guía láser para madera, melamina y metal.", "", 99999.0, [("amarillo", "220V")], "unisex", ""),
    ("W05", "tools", "Juego de Mechas 30 Piezas Madera, Metal y Hormigón", "Herramientas > Accesorios > Mechas", "Tools", "Mechas para madera, metal y hormigón de 3 a 10 mm en estuche plástico.", "", 24999.0, [("", "30 piezas")], "unisex", "acero rápido"),
    ("W06", "tools", "Juego de Destornilladores 8 Piezas", "Herramientas > Manuales > Destornilladores", "Screwdrivers", "Destornilladores Phillips y planos con punta imantada y mango bimaterial.", "", 19999.0, [("rojo/negro", "8 piezas")], "unisex", "cromo vanadio"),
    ("W07", "tools", "Set de Llaves Combinadas 12 Piezas 8-19 mm", "Herramientas > Manuales > Llaves", "Wrenches", "Llaves combinadas boca-estría de 8 a 19 mm con organizador.", "", 44999.0, [("", "12 piezas")], "unisex", "cromo vanadio"),
    ("W08", "tools", "Llave Francesa Ajustable 10\"", "Herramientas > Manuales > Llaves", "Wrenches", "Llave ajustable de 10 pulgadas con escala en milímetros.", "", 14999.0, [("", "10\"")], "unisex", "acero"),
    ("W09", "tools", "Pinza Universal 8\"", "Herramientas > Manuales > Pinzas", "Pliers", "Pinza universal con mango aislado y corte lateral para cables.", "", 12999.0, [("rojo", "8\"")], "unisex", "acero"),
    ("W10", "tools", "Martillo Carpintero Mango de Fibra", "Herramientas > Manuales > Martillos", "Hammers", "Martillo de uña de 27 mm con mango de fibra de vidrio antivibración.", "", 15999.0, [("negro/amarillo", "")], "unisex", "acero, fibra de vidrio"),
    ("W11", "tools", "Caja de Herramientas Plástica 19\"", "Herramientas > Guardado", "Tool Boxes", "Caja para herramientas con bandeja removible y organizadores en la tapa.", "", 29999.0, [("negro/amarillo", "19\"")], "unisex", "polipropileno"),
    ("W12", "tools", "Maletín de Herramientas 110 Piezas", "Herramientas > Sets", "Tool Sets", "Maletín con tubos, llaves, destornilladores, pinza, martillo y cinta métrica. Todo lo de la casa en una valija.", "cyber26", 89999.0, [("", "110 piezas")], "unisex", ""),
    ("W13", "tools", "Escalera de Aluminio Tijera 6 Escalones", "Herramientas > Escaleras", "Ladders", "Escalera tijera de aluminio con seis escalones, plataforma y bandeja portaobjetos. Soporta 120 kg.", "dep-caba", 119999.0, [("plateado", "6 escalones"), ("plateado", "4 escalones")], "unisex", "aluminio"),
    ("W14", "tools", "Cinta Métrica 5 m", "Herramientas > Medición", "Measuring Tools & Sensors", "Cinta métrica de 5 m con traba, gancho magnético y carcasa engomada.", "", 8999.0, [("amarillo", "5m"), ("amarillo", "8m")], "unisex", ""),
    ("W15", "tools", "Nivel de Burbuja 60 cm", "Herramientas > Medición", "Levels", "Nivel de aluminio con tres burbujas para colgar cuadros, estantes y revestimientos.", "", 14999.0, [("rojo", "60cm")], "unisex", "aluminio"),
    ("W16", "tools", "Medidor Láser de Distancia 40 m", "Herramientas > Medición", "Distance Meters", "Medidor láser que calcula distancias, áreas y volúmenes hasta 40 m.", "", 49999.0, [("negro/naranja", "40m")], "unisex", ""),
    ("W17", "tools", "Tester Multímetro Digital", "Herramientas > Electricidad", "Measuring Tools & Sensors", "Multímetro digital para medir tensión, corriente, resistencia y continuidad.", "", 24999.0, [("amarillo", "")], "unisex", ""),
    ("W18", "tools", "Linterna LED de Trabajo Recargable", "Herramientas > Iluminación de Trabajo", "Flashlights", "Reflector LED de trabajo recargable por USB con gancho e imán, 1000 lúmenes. Para el taller, el auto o cuando se corta la luz.", "", 34999.0, [("negro", "")], "unisex", "aluminio"),
    ("W19", "tools", "Linterna Frontal LED Recargable", "Herramientas > Iluminación de Trabajo", "Headlamps", "Linterna de cabeza con vincha elástica, luz blanca y roja, recargable por USB. Para camping y trabajos.", "", 19999.0, [("negro", "")], "unisex", ""),
    ("W20", "tools", "Guantes de Trabajo Moteados Par", "Herramientas > Seguridad", "Work Safety Protective Gear", "Guantes de tejido con moteado de PVC antideslizante para construcción, jardín y carga.", "", 3999.0, [("gris", "L"), ("gris", "XL")], "unisex", "algodón, PVC"),
    ("W21", "tools", "Anteojos de Seguridad Antiempañantes", "Herramientas > Seguridad", "Work Safety Protective Gear", "Anteojos de protección con lente de policarbonato, antiempañante y protección lateral.", "", 6999.0, [("transparente", "")], "unisex", "policarbonato"),
    ("W22", "tools", "Protector Auditivo de Copa", "Herramientas > Seguridad", "Work Safety Protective Gear", "Protector auditivo tipo vincha con copas acolchadas, atenúa 25 dB.", "", 12999.0, [("amarillo", "")], "unisex", ""),
    ("W23", "tools", "Pistola de Calor 2000 W", "Herramientas > Eléctricas > Pistolas de Calor", "Heat Guns", "Pistola de aire caliente con dos temperaturas para decapar pintura, termocontraíble y PVC.", "", 49999.0, [("naranja", "220V")], "unisex", ""),
    ("W24", "tools", "Soldador de Estaño 60 W", "Herramientas > Electricidad", "Soldering Irons", "Soldador tipo lápiz con temperatura regulable, soporte y estaño.", "", 17999.0, [("azul", "60W")], "unisex", ""),
    ("W25", "tools", "Zapatilla Eléctrica 5 Tomas con Cable 3 m", "Herramientas > Electricidad", "Power Strips & Surge Suppressors", "Zapatilla de cinco tomas con llave térmica y cable de 3 metros.", "", 15999.0, [("blanco", "3m")], "unisex", ""),
    ("W26", "tools", "Pintura Látex Interior Lavable 20 L", "Herramientas > Pinturería", "Paint", "Látex para paredes interiores, lavable y de secado rápido, rinde hasta 240 m² por mano.", "hotsale-12", 99999.0, [("blanco", "20L"), ("blanco", "4L")], "unisex", ""),
    ("W27", "tools", "Kit de Pintor Rodillo, Bandeja y Pinceleta", "Herramientas > Pinturería", "Paint Rollers", "Rodillo de lana de 22 cm, bandeja, pinceleta de 2 pulgadas y cinta de enmascarar.", "", 19999.0, [("", "4 piezas")], "unisex", "lana, plástico"),
    ("W28", "tools", "Hidrolavadora 1600 W 135 Bar", "Herramientas > Eléctricas > Hidrolavadoras", "Pressure Washers", "Hidrolavadora con manguera de 5 m, lanza regulable y depósito de detergente. Para el auto, la vereda y el patio.", "", 179999.0, [("amarillo", "220V")], "unisex", ""),
    ("W29", "tools", "Serrucho de Carpintero 20\"", "Herramientas > Manuales > Sierras", "Hand Saws", "Serrucho con dientes templados y mango ergonómico para cortar madera.", "", 16999.0, [("", "20\"")], "unisex", "acero"),
    ("W30", "tools", "Kit de Tarugos y Tornillos 300 Piezas", "Herramientas > Fijaciones", "Screws", "Tarugos de nylon de 6, 8 y 10 mm con sus tornillos y ganchos, en caja organizadora.", "", 12999.0, [("", "300 piezas")], "unisex", "nylon, acero"),
    ("W31", "tools", "Cúter Profesional con 10 Hojas", "Herramientas > Manuales > Corte", "Utility Knives", "Cúter de 18 mm con cuerpo metálico, traba y diez hojas de repuesto.", "", 7999.0, [("amarillo", "18mm")], "unisex", "metal"),
]


class Catalog12(Style):
    avail = AVAIL
    currency = "ARS"
    sale_factor = 0.8
    sale_every = 5

    def google(self, ids, ending, i):
        """The numeric id on a third of the models, the English path on a
        third, empty on the rest."""
        return google_by_cycle(ids, ending, i, ["id", "path", ""])

    def variant(self, title, v):
        return dashed_variant(title, v)

    def stock(self, n):
        return 1 + (n * 7) % 29

    def link(self, pid):
        return f"https://www.tiendaejemplo.com.ar/p/{pid.lower()}"

    def image(self, pid):
        return f"https://static.tiendaejemplo.com.ar/fotos/{pid.lower()}.webp"


if __name__ == "__main__":
    write("catalog12.csv", rows(CATALOG12, "C12", Catalog12()))
