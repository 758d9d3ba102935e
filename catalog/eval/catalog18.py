#!/usr/bin/env python3
"""Writes catalog18.csv (Meta catalog-feed format, like catalog/products.csv)
next to this file: the eighteenth evaluation catalog, held out from tuning.

A Chilean department store ("Multitienda Alameda", Santiago) selling
through WhatsApp. Six brands: the five demo brands (fashion, tech, home,
beauty, gaming) and a sixth, `office` (oficina en casa y útiles escolares:
escritorios, escritorio elevable, escritorio esquinero, sillas de oficina,
silla ejecutiva, silla de escritorio juvenil, cojín de asiento y cojín
lumbar ergonómicos, reposapiés, brazo para monitor, soporte para notebook,
lámparas de escritorio, impresoras (tinta, EcoTank y láser), cartuchos,
botellas de tinta y tóner, resmas de papel, trituradora de papel,
rotuladora, impresora de etiquetas térmica, pizarra blanca, diario mural de
corcho, plumones de pizarra, agendas y planners, cuadernos universitarios y
college, lápices pasta y gel, destacadores, lápices de colores,
tiralíneas, mochilas escolares (con ruedas y de espalda), mochila
ejecutiva para notebook, estuche escolar, calculadoras científica y de
escritorio, archivadores, organizador de escritorio, corchetera,
plastificadora, escáner de documentos, set de geometría, notas adhesivas,
desk pad y apoyamuñecas; its routing section is seller-office.routing.toml).

Ownership decisions (deliberate overlaps):
- the office chairs (mesh, executive, kids' study chair) are office's; the
  racing-style gaming chair is gaming's; the sofa home's;
- desks, the standing desk and the L-shaped corner desk are office's; the
  LED gaming desk is gaming's; the nightstand ("velador") and the bookshelf
  ("estante librero") are home's;
- the notebook (Chilean for laptop), the monitors, the webcam, the
  keyboard + mouse combo, the wireless mouse, the USB-C hub, the call
  headset, the power strip ("zapatilla eléctrica") and the laptop sleeve
  ("funda para notebook") are tech's; the monitor arm, the laptop stand,
  the desk pad and the gel wrist rests are office's; the gaming monitor,
  gaming keyboard, gaming mouse and the XXL gaming mousepad are gaming's;
- desk lamps (LED flexo, swing-arm architect lamp) are office's; the floor
  lamp and the bedside lamp ("lámpara de velador") are home's; the ring
  light is tech's;
- printers, ink cartridges, ink bottles, toner, paper, the label makers and
  the document scanner are office's (not tech's);
- school backpacks (rolling and regular) and the work backpack for a
  notebook ("mochila ejecutiva") are office's; the fashion backpacks
  (urban faux-leather backpack, canvas rolltop) fashion's; the pencil case
  ("estuche") office's; the school uniform (jumper) and school shoes
  ("zapatos de colegio") fashion's; the lunch box ("lonchera") and the
  water bottle home's;
- the scientific and the desk calculators are office's; the smartwatch,
  phones, tablet and e-reader tech's;
- "plumón" means both a duvet and a marker in Chile: the duvet ("plumón
  nórdico") is home's, the whiteboard markers ("plumones de pizarra")
  office's, the eyeliner pen ("delineador plumón") beauty's;
- "zapatillas" are sneakers (fashion's) but "zapatilla eléctrica" is a
  power strip (tech's);
- the ergonomic seat and lumbar cushions are office's, the decorative
  velvet cushion home's;
- the desk organizer is office's, the hanging closet organizer home's;
  the makeup bag beauty's;
- the gaming headsets (HyperX, PlayStation Pulse) are gaming's, the Sony
  over-ears, the earbuds and the Jabra call headset tech's;
- the board game (Catan) is gaming's; the Switch screen protector gaming's.

Feed style: about 70 % of the models have Spanish (Chilean) titles and
descriptions, maker first ("HP Impresora Multifuncional Ink Advantage
2875"), with Chilean words ("polerón", "parka", "zapatillas", "jockey",
"notebook" for a laptop, "audífonos", "hervidor", "juguera", "plumón",
"corchetera", "lápiz pasta", "destacador", "diario mural", "velador",
"buzo", "chaleco", "celular"); about 30 % are imported items with English
titles and descriptions (colours in English too). The variant follows the
title after " - " ("... - Negro / 42"). product_type is a Spanish
breadcrumb with " / " ("Oficina / Sillas / Ergonómicas"), empty on every
fourth model; google_product_category is a numeric Google id (models 0 and
2 mod 5), the English Google path (1 and 3 mod 5) or empty (every fifth);
prices in CLP ("24990 CLP"), ~15 % off (ending in 990) on every seventh
row; custom_label_0 a campaign tag (vuelta-a-clases, cyber,
dia-del-padre, fiestas-patrias, navidad, black-friday) or empty.

    python3 catalog18.py
"""

import csv
import os

COLUMNS = ["id", "title", "description", "availability", "condition", "price",
           "sale_price", "link", "image_link", "brand", "product_type",
           "google_product_category", "color", "size", "gender", "material",
           "quantity_to_sell_on_facebook", "custom_label_0"]

BRANDS = {"F": "fashion", "T": "tech", "H": "home", "B": "beauty",
          "G": "gaming", "O": "office"}

AVAIL = ["in stock", "in stock", "out of stock", "in stock", "in stock",
         "available for order", "in stock", "in stock", "preorder", "in stock",
         "in stock"]

# a few Google numeric ids; the longest matching path prefix wins
GOOGLE_IDS = {
    "Apparel & Accessories": "166",
    "Apparel & Accessories > Clothing": "1604",
    "Apparel & Accessories > Shoes": "187",
    "Apparel & Accessories > Clothing Accessories": "167",
    "Apparel & Accessories > Handbags, Wallets & Cases": "6551",
    "Electronics": "222",
    "Electronics > Communications > Telephony > Mobile Phones": "267",
    "Electronics > Computers > Laptops": "328",
    "Electronics > Computers > Tablet Computers": "4745",
    "Electronics > Video > Televisions": "404",
    "Electronics > Video Game Consoles": "1294",
    "Electronics > Video Game Console Accessories": "1270",
    "Software > Video Game Software": "1279",
    "Toys & Games > Games > Board Games": "1246",
    "Home & Garden": "536",
    "Home & Garden > Kitchen & Dining": "638",
    "Home & Garden > Linens & Bedding": "4171",
    "Home & Garden > Lighting": "594",
    "Furniture": "436",
    "Health & Beauty": "469",
    "Health & Beauty > Personal Care": "2915",
    "Health & Beauty > Personal Care > Cosmetics": "473",
    "Health & Beauty > Personal Care > Cosmetics > Skin Care": "567",
    "Health & Beauty > Personal Care > Cosmetics > Makeup": "477",
    "Health & Beauty > Personal Care > Cosmetics > Nail Care": "478",
    "Health & Beauty > Personal Care > Cosmetics > Perfume & Cologne": "479",
    "Health & Beauty > Personal Care > Hair Care": "486",
    "Luggage & Bags": "5181",
    "Luggage & Bags > Backpacks": "100",
    "Office Supplies": "922",
}

# (key, title, product_type, google path, description, campaign label,
#  price CLP, variants [(color, size)], gender, material)
CATALOG18 = [
    # ---------------- office (oficina y escolar) ----------------
    ("O01", "Muebles Sur Escritorio Home Office Melamina", "Oficina / Muebles / Escritorios", "Furniture > Office Furniture > Desks",
     "Escritorio recto en melamina de 18 mm con pasacables y patas metálicas. Ideal para teletrabajo en un espacio chico.", "", 89990,
     [("roble", "120x60"), ("blanco", "120x60"), ("roble", "100x50")], "unisex", "melamina, acero"),
    ("O02", "Flexispot Escritorio Elevable Eléctrico E5", "Oficina / Muebles / Escritorios de Pie", "Furniture > Office Furniture > Desks",
     "Escritorio de altura regulable con motor doble y 4 memorias: trabaja sentado o de pie (de 71 a 121 cm). Cubierta incluida.", "cyber", 429990,
     [("negro", "140x70"), ("blanco", "120x60")], "unisex", "acero, MDF"),
    ("O03", "Muebles Sur Escritorio Esquinero en L con Repisa", "Oficina / Muebles / Escritorios", "Furniture > Office Furniture > Desks",
     "Escritorio en L para esquina con repisa superior para libros o impresora, 140x120 cm.", "", 139990,
     [("negro", ""), ("nogal", "")], "unisex", "melamina, acero"),
    ("O04", "Ergomax Silla de Oficina Ergonómica Malla Respaldo Alto", "Oficina / Sillas / Ergonómicas", "Furniture > Office Furniture > Office Chairs",
     "Silla de escritorio con respaldo de malla transpirable, soporte lumbar regulable, apoyabrazos 3D y cabezal. Para jornadas largas.", "cyber", 179990,
     [("negro", ""), ("gris", "")], "unisex", "malla, nylon"),
    ("O05", "Ergomax Silla Ejecutiva Cuero PU Reclinable", "Oficina / Sillas / Ejecutivas", "Furniture > Office Furniture > Office Chairs",
     "Silla ejecutiva acolchada en cuero sintético, reclinable con bloqueo, altura a gas, ruedas de nylon.", "dia-del-padre", 149990,
     [("negro", ""), ("café", "")], "unisex", "cuero PU"),
    ("O06", "Kidsit Silla de Escritorio Juvenil Regulable", "Oficina / Sillas / Infantiles", "Furniture > Office Furniture > Office Chairs",
     "Silla de estudio para niños y adolescentes, crece con ellos: asiento y respaldo regulables, sin apoyabrazos.", "vuelta-a-clases", 69990,
     [("azul", ""), ("rosado", "")], "unisex", "polipropileno"),
    ("O07", "Memory Foam Seat Cushion for Office Chair", "Oficina / Ergonomía / Cojines", "Office Supplies",
     "U-shaped memory foam seat cushion that relieves pressure on the tailbone; non-slip bottom and washable cover.", "", 24990,
     [("black", "")], "unisex", "memory foam"),
    ("O08", "Ergomax Cojín Lumbar Ergonómico para Silla", "Oficina / Ergonomía / Cojines", "Office Supplies",
     "Respaldo lumbar de espuma viscoelástica con correa ajustable, para la espalda baja en la silla del escritorio o del auto.", "", 19990,
     [("gris", "")], "unisex", "espuma viscoelástica"),
    ("O09", "Adjustable Under-Desk Footrest", "Oficina / Ergonomía / Reposapiés", "Office Supplies",
     "Tilting footrest with a massage texture and three height settings, keeps your legs relaxed at the desk.", "", 29990,
     [("black", "")], "unisex", "ABS"),
    ("O10", "Ergomax Brazo para Monitor a Gas 17\" a 32\"", "Oficina / Ergonomía / Soportes de Monitor", "Office Supplies",
     "Brazo articulado con pistón a gas y prensa para el escritorio, VESA 75/100, libera espacio y deja la pantalla a la altura de los ojos.", "", 39990,
     [("negro", "Simple"), ("negro", "Doble")], "unisex", "aluminio, acero"),
    ("O11", "Aluminum Laptop Stand Adjustable", "Oficina / Ergonomía / Soportes de Notebook", "Office Supplies",
     "Foldable aluminium stand that raises a 10-17\" laptop to eye level, six heights, ventilated.", "", 22990,
     [("silver", ""), ("space grey", "")], "unisex", "aluminium"),
    ("O12", "Luxo Lámpara de Escritorio LED con Cargador Inalámbrico", "Oficina / Iluminación / Lámparas de Escritorio", "Home & Garden > Lighting > Lamps",
     "Lámpara de escritorio LED con brazo flexible, 5 tonos de luz, dimmer táctil y base que carga el celular sin cables.", "vuelta-a-clases", 34990,
     [("blanco", ""), ("negro", "")], "unisex", "ABS, aluminio"),
    ("O13", "Architect Swing Arm Desk Lamp with Clamp", "Oficina / Iluminación / Lámparas de Escritorio", "Home & Garden > Lighting > Lamps",
     "Metal swing-arm desk lamp that clamps to the desk edge, E27 socket, fully adjustable head.", "", 27990,
     [("black", ""), ("white", "")], "unisex", "steel"),
    ("O14", "HP Impresora Multifuncional Ink Advantage 2875", "Oficina / Impresión / Impresoras", "Electronics > Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines",
     "Imprime, copia y escanea por Wi-Fi desde el celular con la app HP Smart. Usa cartuchos 667.", "vuelta-a-clases", 59990,
     [("blanco", "")], "unisex", ""),
    ("O15", "Epson Impresora Multifuncional EcoTank L3250 Wi-Fi", "Oficina / Impresión / Impresoras", "Electronics > Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines",
     "Impresora de tinta continua con tanques recargables: hasta 4.500 páginas en negro con las botellas incluidas. Imprime, copia y escanea.", "cyber", 189990,
     [("negro", "")], "unisex", ""),
    ("O16", "Brother Impresora Láser Monocromática HL-1212W", "Oficina / Impresión / Impresoras", "Electronics > Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines",
     "Impresora láser blanco y negro con Wi-Fi, 20 páginas por minuto, ideal para documentos y guías.", "", 119990,
     [("negro", "")], "unisex", ""),
    ("O17", "HP Cartucho de Tinta 667 Original", "Oficina / Impresión / Cartuchos", "Electronics > Print, Copy, Scan & Fax > Printer, Copier & Fax Machine Consumables > Toner & Inkjet Cartridges",
     "Cartucho original HP 667 para Ink Advantage 2375, 2775 y 2875.", "", 16990,
     [("negro", ""), ("tricolor", "")], "unisex", ""),
    ("O18", "Epson Botella de Tinta T544 EcoTank 65ml", "Oficina / Impresión / Tintas", "Electronics > Print, Copy, Scan & Fax > Printer, Copier & Fax Machine Consumables > Toner & Inkjet Cartridges",
     "Botella de tinta original Epson T544 para recargar las EcoTank L1250, L3210, L3250 y L5290.", "", 9990,
     [("negro", ""), ("cian", ""), ("magenta", ""), ("amarillo", "")], "unisex", ""),
    ("O19", "Brother Tóner TN-1060 Negro", "Oficina / Impresión / Tóner", "Electronics > Print, Copy, Scan & Fax > Printer, Copier & Fax Machine Consumables > Toner & Inkjet Cartridges",
     "Tóner original Brother TN-1060 para HL-1212W y DCP-1617NW, rinde unas 1.000 páginas.", "", 39990,
     [("negro", "")], "unisex", ""),
    ("O20", "Chamex Resma Papel Fotocopia 500 Hojas 75g", "Oficina / Papelería / Papel", "Office Supplies > General Office Supplies > Paper Products > Printer & Copier Paper",
     "Resma de 500 hojas blancas de 75 g para impresora y fotocopiadora.", "vuelta-a-clases", 5490,
     [("blanco", "Carta"), ("blanco", "Oficio")], "unisex", "papel"),
    ("O21", "Cross-Cut Paper Shredder 10 Sheets", "Oficina / Equipos / Trituradoras", "Office Supplies > Office Equipment",
     "Cross-cut shredder for 10 sheets at a time, also destroys credit cards and staples, 18 L bin.", "", 69990,
     [("black", "")], "unisex", ""),
    ("O22", "Brother Rotuladora Electrónica P-touch PT-H110", "Oficina / Equipos / Rotuladoras", "Office Supplies > Office Equipment > Label Makers",
     "Rotuladora portátil con teclado QWERTY para imprimir etiquetas adhesivas de 3,5 a 12 mm: carpetas, cables, frascos.", "", 44990,
     [("blanco", "")], "unisex", ""),
    ("O23", "Magnetic Whiteboard with Aluminium Frame", "Oficina / Pizarras / Pizarras Blancas", "Office Supplies > Presentation Supplies",
     "Magnetic dry-erase board with an aluminium frame and a marker tray, wall mounting kit included.", "", 29990,
     [("white", "60x40"), ("white", "90x60"), ("white", "120x80")], "unisex", "steel, aluminium"),
    ("O24", "Diario Mural de Corcho con Marco de Madera", "Oficina / Pizarras / Corcho", "Office Supplies > Presentation Supplies",
     "Diario mural de corcho natural con marco de pino, para chinches, fotos y recados. Incluye 20 chinches.", "", 14990,
     [("natural", "60x40"), ("natural", "90x60")], "unisex", "corcho, pino"),
    ("O25", "Artel Plumones de Pizarra Recargables", "Oficina / Escritura / Plumones", "Office Supplies > Office Instruments > Writing & Drawing Instruments",
     "Plumones para pizarra blanca de punta redonda, tinta de bajo olor que se borra en seco.", "vuelta-a-clases", 3990,
     [("surtido", "x4"), ("surtido", "x12")], "unisex", ""),
    ("O26", "Mooving Agenda 2026 Semanal Tapa Dura", "Oficina / Agendas y Planners", "Office Supplies > Filing & Organization > Calendars, Organizers & Planners",
     "Agenda semanal 2026 tamaño A5 con feriados de Chile, tapa dura, cinta separadora y bolsillo.", "navidad", 12990,
     [("negro", "A5"), ("lila", "A5"), ("verde", "A5")], "unisex", "papel, cartón"),
    ("O27", "Undated Daily Planner A5 Hardcover", "Oficina / Agendas y Planners", "Office Supplies > Filing & Organization > Calendars, Organizers & Planners",
     "Undated daily planner with habit and goal pages, start any month. 200 pages, lay-flat binding.", "", 15990,
     [("sage", "A5"), ("blush", "A5")], "female", "paper"),
    ("O28", "Torre Cuaderno Universitario 100 Hojas", "Oficina / Escolar / Cuadernos", "Office Supplies > General Office Supplies > Paper Products",
     "Cuaderno universitario espiral de 100 hojas, tapa dura plastificada.", "vuelta-a-clases", 2990,
     [("", "Matemática 7mm"), ("", "Líneas")], "unisex", "papel"),
    ("O29", "Rhein Cuaderno College 80 Hojas Pack x5", "Oficina / Escolar / Cuadernos", "Office Supplies > General Office Supplies > Paper Products",
     "Pack de 5 cuadernos college de 80 hojas con forro de colores, para básica.", "vuelta-a-clases", 8990,
     [("", "Cuadro grande"), ("", "Caligrafía horizontal")], "unisex", "papel"),
    ("O30", "Bic Lápiz Pasta Cristal Caja x10", "Oficina / Escritura / Lápices Pasta", "Office Supplies > Office Instruments > Writing & Drawing Instruments > Pens & Pencils > Pens",
     "Caja de 10 lápices pasta Bic Cristal punta media 1,0 mm.", "", 2990,
     [("azul", ""), ("negro", ""), ("rojo", "")], "unisex", ""),
    ("O31", "Pilot Lápiz Gel G-2 0.7 Set x4", "Oficina / Escritura / Lápices Gel", "Office Supplies > Office Instruments > Writing & Drawing Instruments > Pens & Pencils > Pens",
     "Set de 4 lápices de tinta gel retráctiles con grip de goma, escritura suave.", "", 6990,
     [("surtido", "")], "unisex", ""),
    ("O32", "Stabilo Destacadores Boss Original Set x6", "Oficina / Escritura / Destacadores", "Office Supplies > Office Instruments > Writing & Drawing Instruments",
     "Destacadores de punta biselada en 6 colores flúor, para subrayar apuntes.", "vuelta-a-clases", 7490,
     [("flúor", "x6")], "unisex", ""),
    ("O33", "Faber-Castell Lápices de Colores Largos + Sacapuntas", "Oficina / Escolar / Arte", "Office Supplies > Office Instruments > Writing & Drawing Instruments",
     "Lápices de colores largos de madera con sacapuntas incluido.", "vuelta-a-clases", 4990,
     [("", "x12"), ("", "x24"), ("", "x36")], "unisex", "madera"),
    ("O34", "Fineliner Pens Set of 24 Colors 0.4mm", "Oficina / Escritura / Tiralíneas", "Office Supplies > Office Instruments > Writing & Drawing Instruments",
     "24 fine-tip 0.4 mm pens for notes, bullet journals and colouring, water-based ink.", "", 11990,
     [("multicolor", "")], "unisex", ""),
    ("O35", "Xtrem Mochila Escolar con Ruedas Reforzada", "Oficina / Escolar / Mochilas", "Luggage & Bags > Backpacks",
     "Mochila con carro de aluminio y ruedas silenciosas, espalda acolchada, para cuadernos de toda la semana.", "vuelta-a-clases", 49990,
     [("azul", ""), ("rosado", "")], "unisex", "poliéster"),
    ("O36", "Xtrem Mochila Escolar Ergonómica 25L", "Oficina / Escolar / Mochilas", "Luggage & Bags > Backpacks",
     "Mochila escolar de 25 litros con espalda ergonómica, correa de pecho y bolsillo para botella.", "vuelta-a-clases", 29990,
     [("negro", "25L"), ("azul marino", "25L"), ("lila", "25L")], "unisex", "poliéster"),
    ("O37", "Targus Mochila Ejecutiva para Notebook 15,6\" Antirrobo", "Oficina / Maletines y Mochilas", "Luggage & Bags > Backpacks",
     "Mochila de trabajo con compartimento acolchado para notebook de hasta 15,6\", cierre oculto antirrobo y puerto USB.", "dia-del-padre", 39990,
     [("gris", ""), ("negro", "")], "unisex", "poliéster"),
    ("O38", "Estuche Escolar Triple Cierre", "Oficina / Escolar / Estuches", "Office Supplies",
     "Estuche de tres cierres con espacio para lápices, goma, regla y sacapuntas.", "vuelta-a-clases", 7990,
     [("azul", ""), ("negro", ""), ("rosado", "")], "unisex", "poliéster"),
    ("O39", "Casio Calculadora Científica fx-82LA Plus", "Oficina / Calculadoras / Científicas", "Office Supplies > Office Equipment > Calculators",
     "Calculadora científica con 252 funciones y pantalla natural, permitida en la PAES y en la universidad.", "vuelta-a-clases", 19990,
     [("negro", "")], "unisex", ""),
    ("O40", "12-Digit Desktop Calculator Solar", "Oficina / Calculadoras / Escritorio", "Office Supplies > Office Equipment > Calculators",
     "Large-button desktop calculator with a 12-digit tilted display, solar and battery powered.", "", 8990,
     [("black", ""), ("white", "")], "unisex", ""),
    ("O41", "Artel Archivador de Palanca Oficio Lomo Ancho", "Oficina / Archivo / Archivadores", "Office Supplies > Filing & Organization",
     "Archivador de palanca tamaño oficio, lomo de 8 cm, con anillo para colgar.", "", 3990,
     [("azul", "Oficio"), ("negro", "Oficio"), ("rojo", "Oficio")], "unisex", "cartón forrado"),
    ("O42", "Bamboo Desk Organizer with Drawer", "Oficina / Archivo / Organizadores", "Office Supplies > Filing & Organization > Desk Organizers",
     "Bamboo desk organiser with five compartments, a small drawer and a phone slot.", "", 19990,
     [("natural", "")], "unisex", "bamboo"),
    ("O43", "Rhein Corchetera Metálica 20 Hojas + 1000 Corchetes", "Oficina / Papelería / Corcheteras", "Office Supplies > Office Instruments",
     "Corchetera de escritorio metálica que une hasta 20 hojas, incluye caja de corchetes 26/6.", "", 6990,
     [("negro", ""), ("azul", "")], "unisex", "metal"),
    ("O44", "Fellowes Plastificadora Térmica A4 + 25 Láminas", "Oficina / Equipos / Plastificadoras", "Office Supplies > Office Equipment",
     "Plastificadora para documentos de hasta tamaño A4, lista en 4 minutos, incluye 25 láminas.", "", 34990,
     [("blanco", "A4")], "unisex", ""),
    ("O45", "Brother ADS-1200 Portable Document Scanner", "Oficina / Equipos / Escáneres", "Electronics > Print, Copy, Scan & Fax > Scanners",
     "Portable duplex document scanner with an automatic feeder, 25 pages per minute, USB powered, scans to PDF.", "", 249990,
     [("black", "")], "unisex", ""),
    ("O46", "Artel Set de Geometría 4 Piezas", "Oficina / Escolar / Geometría", "Office Supplies > Office Instruments",
     "Regla de 20 cm, escuadra, cartabón y transportador en plástico transparente.", "vuelta-a-clases", 1990,
     [("transparente", "")], "unisex", "plástico"),
    ("O47", "Post-it Super Sticky Notes 3x3 in, 6 Pads", "Oficina / Papelería / Notas Adhesivas", "Office Supplies > General Office Supplies > Paper Products",
     "Six pads of 90 sticky notes in bright colours that stay stuck on walls and monitors.", "", 8490,
     [("assorted", "76x76")], "unisex", "paper"),
    ("O48", "Leather Desk Pad 80x40 Dual-Sided", "Oficina / Ergonomía / Desk Pads", "Office Supplies",
     "Large dual-sided faux-leather desk mat that protects the desk and works as a mouse pad.", "", 14990,
     [("black/grey", "80x40"), ("black/brown", "80x40")], "unisex", "PU leather"),
    ("O49", "Gel Wrist Rest Set for Keyboard and Mouse", "Oficina / Ergonomía / Apoyamuñecas", "Office Supplies",
     "Cooling gel wrist rests for the keyboard and the mouse, ease wrist strain when typing.", "", 12990,
     [("black", "")], "unisex", "gel, lycra"),
    ("O50", "Thermal Shipping Label Printer 4x6", "Oficina / Equipos / Impresoras de Etiquetas", "Electronics > Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines",
     "Direct thermal printer for 4x6 shipping labels from Mercado Libre, Shopify and couriers; no ink needed.", "", 89990,
     [("white", "")], "unisex", ""),

    # ---------------- tech ----------------
    ("T01", "Lenovo Notebook IdeaPad Slim 3 15,6\" Ryzen 5", "Tecnología / Computación / Notebooks", "Electronics > Computers > Laptops",
     "Notebook liviano de 15,6\" Full HD con AMD Ryzen 5, SSD y Windows 11, para estudiar y teletrabajar.", "cyber", 549990,
     [("gris", "8GB / 256GB"), ("gris", "16GB / 512GB")], "unisex", ""),
    ("T02", "HP Notebook 240 G9 14\" Intel Core i3", "Tecnología / Computación / Notebooks", "Electronics > Computers > Laptops",
     "Notebook de 14\" con Intel Core i3, 8 GB de RAM y 256 GB SSD, resistente para el colegio.", "vuelta-a-clases", 399990,
     [("plata", "8GB / 256GB")], "unisex", ""),
    ("T03", "Apple MacBook Air 13-inch M2 Chip 8GB 256GB", "Tecnología / Computación / Notebooks", "Electronics > Computers > Laptops",
     "Thin and light 13.6-inch laptop with the M2 chip, Liquid Retina display and up to 18 hours of battery.", "", 949990,
     [("midnight", ""), ("starlight", "")], "unisex", "aluminium"),
    ("T04", "Samsung Monitor 24\" FHD IPS 75Hz", "Tecnología / Computación / Monitores", "Electronics > Video > Computer Monitors",
     "Monitor de 24\" Full HD con panel IPS sin bordes, HDMI y modo cuidado de la vista.", "", 109990,
     [("negro", "24\"")], "unisex", ""),
    ("T05", "LG Monitor UltraWide 29\" Full HD", "Tecnología / Computación / Monitores", "Electronics > Video > Computer Monitors",
     "Monitor ultrapanorámico 21:9 de 29\" para tener dos ventanas lado a lado, ideal para planillas.", "", 189990,
     [("negro", "29\"")], "unisex", ""),
    ("T06", "Logitech C920 HD Pro Webcam 1080p", "Tecnología / Computación / Cámaras Web", "Electronics > Electronics Accessories > Computer Accessories",
     "Full HD 1080p webcam with dual stereo mics and auto light correction, for Zoom and Teams calls.", "", 59990,
     [("black", "")], "unisex", ""),
    ("T07", "Logitech Combo Teclado y Mouse Inalámbrico MK270 Español", "Tecnología / Computación / Teclados y Mouse", "Electronics > Electronics Accessories > Computer Accessories",
     "Teclado completo en español con ñ y mouse inalámbrico con un solo receptor USB, pilas incluidas.", "", 24990,
     [("negro", "")], "unisex", ""),
    ("T08", "Xiaomi Mouse Inalámbrico Silencioso Recargable", "Tecnología / Computación / Teclados y Mouse", "Electronics > Electronics Accessories > Computer Accessories",
     "Mouse inalámbrico delgado con clics silenciosos y batería recargable por USB-C, Bluetooth y receptor.", "", 12990,
     [("negro", ""), ("rosado", "")], "unisex", ""),
    ("T09", "Funda Sleeve para Notebook Neopreno", "Tecnología / Accesorios / Fundas para Notebook", "Luggage & Bags > Laptop Bags",
     "Funda acolchada de neopreno con cierre y bolsillo para cargador, protege el notebook de rayas y golpes.", "", 12990,
     [("gris", "14\""), ("negro", "15,6\"")], "unisex", "neopreno"),
    ("T10", "USB-C 7-in-1 Hub with HDMI 4K and SD Reader", "Tecnología / Accesorios / Adaptadores", "Electronics > Electronics Accessories > Computer Accessories",
     "USB-C hub with HDMI 4K, 3 USB-A, SD/microSD and 100 W pass-through charging for laptops.", "", 24990,
     [("space grey", "")], "unisex", "aluminium"),
    ("T11", "Samsung Celular Galaxy A55 5G 256GB", "Tecnología / Telefonía / Celulares", "Electronics > Communications > Telephony > Mobile Phones",
     "Celular con pantalla Super AMOLED de 6,6\", cámara de 50 MP, 5G y batería de 5.000 mAh.", "cyber", 399990,
     [("azul", "256GB"), ("negro", "256GB")], "unisex", ""),
    ("T12", "Xiaomi Celular Redmi Note 13 128GB", "Tecnología / Telefonía / Celulares", "Electronics > Communications > Telephony > Mobile Phones",
     "Celular con pantalla AMOLED de 120 Hz, cámara de 108 MP y carga rápida de 33 W.", "", 199990,
     [("grafito", "128GB")], "unisex", ""),
    ("T13", "Sony Audífonos Inalámbricos WH-CH720N con Cancelación de Ruido", "Tecnología / Audio / Audífonos", "Electronics > Audio",
     "Audífonos over-ear Bluetooth con cancelación de ruido, 35 horas de batería y micrófono para llamadas.", "", 99990,
     [("negro", ""), ("blanco", "")], "unisex", ""),
    ("T14", "JBL Audífonos In-Ear Tune Buds True Wireless", "Tecnología / Audio / Audífonos", "Electronics > Audio",
     "Audífonos inalámbricos in-ear con estuche de carga, resistentes al agua y al sudor.", "", 59990,
     [("negro", ""), ("blanco", "")], "unisex", ""),
    ("T15", "Jabra Evolve2 30 USB Headset for Calls", "Tecnología / Audio / Headsets", "Electronics > Audio",
     "Wired USB-C stereo headset with a noise-cancelling boom mic, certified for Teams, Zoom and call centres.", "", 79990,
     [("black", "")], "unisex", ""),
    ("T16", "JBL Parlante Bluetooth Flip 6", "Tecnología / Audio / Parlantes", "Electronics > Audio",
     "Parlante Bluetooth portátil resistente al agua IP67, 12 horas de música.", "fiestas-patrias", 109990,
     [("negro", ""), ("azul", ""), ("rojo", "")], "unisex", ""),
    ("T17", "Samsung Tablet Galaxy Tab A9+ 11\" 64GB", "Tecnología / Computación / Tablets", "Electronics > Computers > Tablet Computers",
     "Tablet de 11\" con 4 parlantes, ideal para ver series, videollamadas y tareas.", "", 179990,
     [("grafito", "64GB")], "unisex", ""),
    ("T18", "Amazon Kindle Paperwhite 16GB E-Reader", "Tecnología / Lectores Electrónicos", "Electronics",
     "6.8-inch glare-free e-reader with adjustable warm light, waterproof, weeks of battery.", "navidad", 169990,
     [("black", "16GB")], "unisex", ""),
    ("T19", "Seagate Disco Duro Externo Portátil 1TB USB 3.0", "Tecnología / Almacenamiento / Discos Externos", "Electronics > Electronics Accessories > Computer Components > Storage Devices",
     "Disco duro externo de bolsillo para respaldar fotos y trabajos, USB 3.0.", "", 54990,
     [("negro", "1TB"), ("negro", "2TB")], "unisex", ""),
    ("T20", "SanDisk Ultra USB 3.0 Flash Drive", "Tecnología / Almacenamiento / Pendrives", "Electronics > Electronics Accessories > Computer Components > Storage Devices",
     "Compact USB 3.0 flash drive with transfer speeds up to 130 MB/s.", "vuelta-a-clases", 7990,
     [("black", "64GB"), ("black", "128GB")], "unisex", ""),
    ("T21", "TP-Link Archer AX23 Wi-Fi 6 Router", "Tecnología / Redes / Routers", "Electronics > Networking",
     "Dual-band Wi-Fi 6 router with four antennas for faster, steadier home internet.", "", 49990,
     [("black", "")], "unisex", ""),
    ("T22", "Zapatilla Eléctrica 6 Enchufes con USB y Protección", "Tecnología / Electricidad / Zapatillas", "Electronics",
     "Zapatilla eléctrica (alargador) de 6 enchufes con 2 puertos USB, interruptor y protección contra sobretensión, cable de 1,5 m.", "", 12990,
     [("blanco", "1,5m")], "unisex", ""),
    ("T23", "Anker PowerCore 20000mAh Power Bank", "Tecnología / Accesorios / Baterías Portátiles", "Electronics",
     "High-capacity portable charger with USB-C, charges a phone about four times.", "", 39990,
     [("black", "")], "unisex", ""),
    ("T24", "Xiaomi Smartwatch Redmi Watch 4", "Tecnología / Wearables / Smartwatch", "Electronics",
     "Reloj inteligente con pantalla AMOLED de 1,97\", GPS, más de 150 modos deportivos y notificaciones del celular.", "", 79990,
     [("negro", ""), ("plateado", "")], "unisex", ""),
    ("T25", "Aro de Luz LED 10\" con Trípode para Celular", "Tecnología / Fotografía / Iluminación", "Electronics",
     "Aro de luz LED de 10\" con trípode de 1,6 m y soporte para el celular, 3 tonos de luz, para videos y transmisiones.", "", 14990,
     [("negro", "10\"")], "unisex", ""),
    ("T26", "Samsung Smart TV 55\" Crystal UHD 4K", "Tecnología / TV y Video / Televisores", "Electronics > Video > Televisions",
     "Smart TV de 55\" 4K con Tizen, Netflix y YouTube, control remoto con voz.", "fiestas-patrias", 379990,
     [("negro", "55\"")], "unisex", ""),

    # ---------------- home (hogar) ----------------
    ("H01", "Thomas Hervidor Eléctrico Acero 1,7L", "Hogar / Electrodomésticos / Hervidores", "Home & Garden > Kitchen & Dining > Kitchen Appliances",
     "Hervidor eléctrico de acero inoxidable de 1,7 litros, hierve en 4 minutos, corte automático.", "", 19990,
     [("acero", "1,7L")], "unisex", "acero inoxidable"),
    ("H02", "Oster Juguera de Vaso 600W Vaso de Vidrio", "Hogar / Electrodomésticos / Jugueras", "Home & Garden > Kitchen & Dining > Kitchen Appliances",
     "Juguera con vaso de vidrio de 1,25 L, 8 velocidades y cuchillas de acero, pica hielo.", "", 44990,
     [("negro", "")], "unisex", "vidrio"),
    ("H03", "Cannon Plumón Nórdico Microfibra", "Hogar / Dormitorio / Plumones", "Home & Garden > Linens & Bedding > Bedding",
     "Plumón nórdico de microfibra siliconada, abrigador para el invierno, lavable en lavadora.", "", 34990,
     [("blanco", "1,5 plazas"), ("blanco", "2 plazas"), ("blanco", "King")], "unisex", "microfibra"),
    ("H04", "Cic Almohada Viscoelástica Cervical", "Hogar / Dormitorio / Almohadas", "Home & Garden > Linens & Bedding > Bedding",
     "Almohada de espuma viscoelástica con forma cervical, se adapta al cuello.", "", 24990,
     [("blanco", "50x70")], "unisex", "viscoelástica"),
    ("H05", "Cannon Juego de Sábanas 144 Hilos", "Hogar / Dormitorio / Sábanas", "Home & Garden > Linens & Bedding > Bedding",
     "Juego de sábanas de algodón 144 hilos con dos fundas.", "", 19990,
     [("blanco", "2 plazas"), ("gris", "2 plazas")], "unisex", "algodón"),
    ("H06", "Lámpara de Pie Trípode Madera Nórdica", "Hogar / Iluminación / Lámparas de Pie", "Home & Garden > Lighting > Lamps",
     "Lámpara de pie con trípode de madera y pantalla de lino, 150 cm, para el living.", "", 49990,
     [("natural", "")], "unisex", "madera, lino"),
    ("H07", "Lámpara de Velador Cerámica con Pantalla de Tela", "Hogar / Iluminación / Lámparas de Mesa", "Home & Garden > Lighting > Lamps",
     "Lámpara de velador con base de cerámica y pantalla de tela, luz cálida para el dormitorio.", "", 22990,
     [("blanco", ""), ("terracota", "")], "unisex", "cerámica"),
    ("H08", "Estante Librero 5 Repisas Metal y Madera", "Hogar / Muebles / Estantes", "Furniture > Shelving > Bookcases & Standing Shelves",
     "Estante librero industrial de cinco repisas para libros, plantas y decoración.", "", 69990,
     [("negro/roble", "")], "unisex", "metal, MDF"),
    ("H09", "Velador Nórdico con Cajón", "Hogar / Muebles / Dormitorio", "Furniture",
     "Velador de estilo nórdico con cajón y repisa, patas de madera.", "", 39990,
     [("blanco", "")], "unisex", "madera"),
    ("H10", "Sofá 3 Cuerpos Tela Lino", "Hogar / Muebles / Sofás", "Furniture > Sofas",
     "Sofá de tres cuerpos tapizado en tela tipo lino, cojines desmontables.", "black-friday", 349990,
     [("gris", ""), ("beige", "")], "unisex", "tela, madera"),
    ("H11", "Alfombra Shaggy 160x230", "Hogar / Decoración / Alfombras", "Home & Garden > Decor > Rugs",
     "Alfombra shaggy de pelo largo y suave para living o dormitorio.", "", 59990,
     [("gris", "160x230"), ("beige", "160x230")], "unisex", "poliéster"),
    ("H12", "Cortina Blackout Pack x2 140x220", "Hogar / Decoración / Cortinas", "Home & Garden > Decor > Window Treatments > Curtains & Drapes",
     "Par de cortinas blackout que bloquean la luz y aíslan el frío, con argollas.", "", 29990,
     [("gris", "140x220"), ("beige", "140x220")], "unisex", "poliéster"),
    ("H13", "Ceramic Nonstick Cookware Set 10-Piece", "Hogar / Cocina / Baterías de Cocina", "Home & Garden > Kitchen & Dining > Cookware & Bakeware",
     "10-piece ceramic nonstick set with pots, pans and glass lids, PFOA free, induction ready.", "navidad", 129990,
     [("cream", ""), ("sage", "")], "unisex", "aluminium, ceramic"),
    ("H14", "Tramontina Sartén Antiadherente 24cm", "Hogar / Cocina / Sartenes", "Home & Garden > Kitchen & Dining > Cookware & Bakeware",
     "Sartén de aluminio antiadherente de 24 cm con mango de baquelita.", "", 14990,
     [("negro", "24cm"), ("negro", "28cm")], "unisex", "aluminio"),
    ("H15", "Oster Freidora de Aire Digital 4L", "Hogar / Electrodomésticos / Freidoras de Aire", "Home & Garden > Kitchen & Dining > Kitchen Appliances",
     "Freidora de aire de 4 litros con panel digital y 8 programas, cocina sin aceite.", "cyber", 59990,
     [("negro", "4L")], "unisex", ""),
    ("H16", "Stovetop Espresso Maker 6 Cups", "Hogar / Cocina / Cafeteras", "Home & Garden > Kitchen & Dining",
     "Classic aluminium moka pot for six cups of strong coffee on the stove.", "", 16990,
     [("silver", "6 cups")], "unisex", "aluminium"),
    ("H17", "Lonchera Térmica Escolar con 3 Potes", "Hogar / Cocina / Loncheras", "Home & Garden > Kitchen & Dining > Food Storage",
     "Lonchera térmica con cierre y 3 potes herméticos, mantiene la colación fría o caliente.", "vuelta-a-clases", 14990,
     [("azul", ""), ("rosado", "")], "unisex", "poliéster, PP"),
    ("H18", "Vacuum Insulated Water Bottle 750ml", "Hogar / Cocina / Botellas", "Home & Garden > Kitchen & Dining",
     "Stainless steel bottle that keeps drinks cold 24 h or hot 12 h, leak-proof lid.", "", 17990,
     [("black", "750ml"), ("mint", "750ml")], "unisex", "stainless steel"),
    ("H19", "Estufa Oleoeléctrica 9 Elementos", "Hogar / Climatización / Estufas", "Home & Garden > Household Appliances > Climate Control Appliances",
     "Estufa eléctrica de aceite de 9 elementos con termostato y ruedas, calor seguro para dormitorios.", "", 69990,
     [("blanco", "")], "unisex", ""),
    ("H20", "Ventilador de Pie 16\" 3 Velocidades", "Hogar / Climatización / Ventiladores", "Home & Garden > Household Appliances > Climate Control Appliances",
     "Ventilador de pie de 16\" con oscilación y altura regulable.", "", 24990,
     [("blanco", "16\"")], "unisex", ""),
    ("H21", "Hanging Closet Organizer 6 Shelves", "Hogar / Orden / Clóset", "Home & Garden > Household Supplies > Storage & Organization",
     "Fabric hanging organiser with six shelves for sweaters, shoes and bags in the wardrobe.", "", 12990,
     [("grey", "")], "unisex", "fabric"),
    ("H22", "Bamboo Bath Towel Set of 4", "Hogar / Baño / Toallas", "Home & Garden > Linens & Bedding > Towels",
     "Four soft, absorbent bamboo-cotton bath towels.", "", 29990,
     [("grey", ""), ("white", "")], "unisex", "bamboo cotton"),
    ("H23", "Cojín Decorativo Terciopelo 45x45", "Hogar / Decoración / Cojines", "Home & Garden > Decor > Throw Pillows",
     "Cojín decorativo de terciopelo con relleno, para sofá o cama.", "", 9990,
     [("verde", "45x45"), ("mostaza", "45x45")], "unisex", "terciopelo"),
    ("H24", "Scented Soy Candle Vanilla & Amber", "Hogar / Decoración / Velas", "Home & Garden > Decor > Home Fragrances > Candles",
     "Hand-poured soy wax candle in a glass jar, about 40 hours of burn time.", "navidad", 12990,
     [("", "200g")], "unisex", "soy wax"),
    ("H25", "Espejo de Cuerpo Entero 150x50", "Hogar / Decoración / Espejos", "Home & Garden > Decor > Mirrors",
     "Espejo de cuerpo entero con marco de madera, para colgar o apoyar en la pared.", "", 44990,
     [("negro", "150x50"), ("natural", "150x50")], "unisex", "madera, vidrio"),
    ("H26", "Robot Vacuum Cleaner with Mopping", "Hogar / Aseo / Aspiradoras", "Home & Garden > Household Appliances > Vacuums",
     "Robot vacuum and mop with app control, 120-minute runtime and auto return to the dock.", "black-friday", 169990,
     [("white", "")], "unisex", ""),

    # ---------------- fashion (moda) ----------------
    ("F01", "Polerón Canguro con Capucha Algodón", "Moda / Hombre / Polerones", "Apparel & Accessories > Clothing > Activewear > Sweatshirts",
     "Polerón canguro de algodón perchado con capucha y bolsillo delantero.", "", 24990,
     [("gris", "M"), ("negro", "L"), ("azul", "XL")], "unisex", "algodón"),
    ("F02", "Parka Acolchada Impermeable Mujer", "Moda / Mujer / Parkas", "Apparel & Accessories > Clothing > Outerwear > Coats & Jackets",
     "Parka acolchada con capucha desmontable, impermeable y abrigadora para el invierno santiaguino.", "", 59990,
     [("negro", "S"), ("negro", "M"), ("verde", "M")], "female", "poliéster"),
    ("F03", "Adidas Zapatillas Running Duramo SL", "Moda / Calzado / Zapatillas", "Apparel & Accessories > Shoes",
     "Zapatillas de running livianas con amortiguación, para trotar o el día a día.", "", 54990,
     [("negro", "40"), ("negro", "42"), ("blanco", "38")], "unisex", "malla"),
    ("F04", "Nike Court Vision Low Sneakers", "Moda / Calzado / Zapatillas", "Apparel & Accessories > Shoes",
     "Low-top leather sneakers with a retro basketball look.", "", 69990,
     [("white", "41"), ("white", "43")], "male", "leather"),
    ("F05", "New Era Jockey 9FORTY", "Moda / Accesorios / Jockeys", "Apparel & Accessories > Clothing Accessories > Hats",
     "Jockey de visera curva con cierre ajustable.", "", 24990,
     [("negro", ""), ("azul", "")], "unisex", "algodón"),
    ("F06", "Jeans Mom Fit Tiro Alto", "Moda / Mujer / Jeans", "Apparel & Accessories > Clothing > Pants",
     "Jeans mom fit de tiro alto en denim rígido.", "", 29990,
     [("celeste", "38"), ("celeste", "40"), ("azul oscuro", "42")], "female", "denim"),
    ("F07", "Polera Básica Algodón Pack x3", "Moda / Hombre / Poleras", "Apparel & Accessories > Clothing > Shirts & Tops",
     "Pack de tres poleras básicas de algodón cuello redondo.", "", 19990,
     [("surtido", "M"), ("surtido", "L")], "male", "algodón"),
    ("F08", "Slim Fit Oxford Shirt", "Moda / Hombre / Camisas", "Apparel & Accessories > Clothing > Shirts & Tops",
     "Button-down Oxford cotton shirt with a slim fit, for the office or a wedding.", "dia-del-padre", 29990,
     [("white", "M"), ("light blue", "L")], "male", "cotton"),
    ("F09", "Mochila Urbana Cuero Sintético Mujer", "Moda / Accesorios / Mochilas", "Luggage & Bags > Backpacks",
     "Mochila urbana de cuero sintético con cierre antirrobo trasero, para el día a día.", "", 34990,
     [("negro", ""), ("camel", "")], "female", "cuero sintético"),
    ("F10", "Canvas Rolltop Backpack", "Moda / Accesorios / Mochilas", "Luggage & Bags > Backpacks",
     "Waxed canvas roll-top backpack with leather straps, a weekend and city bag.", "", 44990,
     [("olive", ""), ("black", "")], "unisex", "canvas"),
    ("F11", "Cartera Bandolera de Cuero", "Moda / Accesorios / Carteras", "Apparel & Accessories > Handbags, Wallets & Cases > Handbags",
     "Cartera bandolera de cuero con correa regulable.", "", 49990,
     [("negro", ""), ("café", "")], "female", "cuero"),
    ("F12", "Buzo Jogger Deportivo", "Moda / Deportivo / Buzos", "Apparel & Accessories > Clothing > Activewear",
     "Pantalón de buzo jogger de algodón con puño y cordón.", "", 19990,
     [("gris", "M"), ("negro", "L")], "unisex", "algodón"),
    ("F13", "Jumper Escolar Azul Marino", "Moda / Uniformes / Escolares", "Apparel & Accessories > Clothing > Uniforms",
     "Jumper de colegio azul marino de tela antimanchas, tallas de 6 a 16.", "vuelta-a-clases", 19990,
     [("azul marino", "8"), ("azul marino", "10"), ("azul marino", "12")], "female", "poliéster"),
    ("F14", "Zapatos de Colegio Cuero Negro", "Moda / Calzado / Escolares", "Apparel & Accessories > Shoes",
     "Zapatos escolares de cuero negro con suela antideslizante y velcro.", "vuelta-a-clases", 29990,
     [("negro", "34"), ("negro", "36"), ("negro", "38")], "unisex", "cuero"),
    ("F15", "Merino Wool Crew Neck Sweater", "Moda / Hombre / Chalecos", "Apparel & Accessories > Clothing > Shirts & Tops",
     "Fine merino crew-neck sweater, warm but not bulky.", "", 44990,
     [("navy", "M"), ("grey", "L")], "male", "merino wool"),
    ("F16", "Chaleco Polar Hombre con Cierre", "Moda / Hombre / Polar", "Apparel & Accessories > Clothing > Outerwear",
     "Chaleco de polar con cierre completo, para abrigarse en la casa o el cerro.", "", 17990,
     [("negro", "L"), ("gris", "M")], "male", "polar"),
    ("F17", "Knit Beanie and Scarf Set", "Moda / Accesorios / Invierno", "Apparel & Accessories > Clothing Accessories",
     "Matching chunky knit beanie and scarf.", "navidad", 19990,
     [("grey", ""), ("burgundy", "")], "unisex", "acrylic"),
    ("F18", "Leather Chelsea Boots", "Moda / Calzado / Botines", "Apparel & Accessories > Shoes",
     "Leather Chelsea boots with elastic sides and a rubber sole.", "", 79990,
     [("black", "40"), ("black", "42")], "male", "leather"),
    ("F19", "Pantuflas de Peluche", "Moda / Calzado / Pantuflas", "Apparel & Accessories > Shoes",
     "Pantuflas cerradas de peluche con suela antideslizante.", "", 12990,
     [("rosado", "37-38"), ("gris", "41-42")], "unisex", "peluche"),
    ("F20", "Vestido Floral Midi Manga Corta", "Moda / Mujer / Vestidos", "Apparel & Accessories > Clothing > Dresses",
     "Vestido midi de viscosa con estampado floral.", "", 29990,
     [("floral", "S"), ("floral", "M")], "female", "viscosa"),
    ("F21", "Calcetines Algodón Pack x6", "Moda / Ropa Interior / Calcetines", "Apparel & Accessories > Clothing > Underwear & Socks",
     "Pack de 6 pares de calcetines de algodón.", "", 9990,
     [("surtido", "39-42")], "unisex", "algodón"),
    ("F22", "Lentes de Sol Polarizados", "Moda / Accesorios / Lentes", "Apparel & Accessories > Clothing Accessories > Sunglasses",
     "Lentes de sol polarizados con protección UV400.", "", 19990,
     [("negro", "")], "unisex", "acetato"),
    ("F23", "Everyday Canvas Tote Bag", "Moda / Accesorios / Bolsos", "Apparel & Accessories > Handbags, Wallets & Cases > Handbags",
     "Roomy canvas tote with an inner zip pocket.", "", 14990,
     [("natural", "")], "unisex", "canvas"),
    ("F24", "Cinturón de Cuero Hombre", "Moda / Accesorios / Cinturones", "Apparel & Accessories > Clothing Accessories > Belts",
     "Cinturón de cuero con hebilla metálica.", "dia-del-padre", 19990,
     [("café", "100"), ("negro", "105")], "male", "cuero"),
    ("F25", "Traje de Baño Entero", "Moda / Mujer / Trajes de Baño", "Apparel & Accessories > Clothing > Swimwear",
     "Traje de baño entero con espalda cruzada.", "", 24990,
     [("negro", "M")], "female", "poliamida"),
    ("F26", "Lightweight Puffer Vest", "Moda / Hombre / Parkas", "Apparel & Accessories > Clothing > Outerwear",
     "Packable quilted puffer vest.", "", 34990,
     [("black", "M"), ("navy", "L")], "unisex", "nylon"),

    # ---------------- beauty (belleza) ----------------
    ("B01", "L'Oréal Sérum Revitalift Ácido Hialurónico 30ml", "Belleza / Cuidado Facial / Sérums", "Health & Beauty > Personal Care > Cosmetics > Skin Care",
     "Sérum facial con ácido hialurónico puro que rellena e hidrata.", "", 19990,
     [("", "30ml")], "female", ""),
    ("B02", "La Roche-Posay Protector Solar Anthelios SPF50+", "Belleza / Cuidado Facial / Protector Solar", "Health & Beauty > Personal Care > Cosmetics > Skin Care",
     "Protector solar facial de textura fluida, toque seco, resistente al agua.", "", 22990,
     [("", "50ml")], "unisex", ""),
    ("B03", "Nivea Crema Hidratante Facial Soft", "Belleza / Cuidado Facial / Hidratantes", "Health & Beauty > Personal Care > Cosmetics > Skin Care",
     "Crema hidratante liviana con jojoba y vitamina E para cara, manos y cuerpo.", "", 5990,
     [("", "200ml")], "unisex", ""),
    ("B04", "Maybelline Máscara de Pestañas Lash Sensational", "Belleza / Maquillaje / Ojos", "Health & Beauty > Personal Care > Cosmetics > Makeup",
     "Máscara de pestañas (rímel) de volumen y largo, cepillo en abanico.", "", 10990,
     [("negro", "")], "female", ""),
    ("B05", "Maybelline Base de Maquillaje Fit Me Mate", "Belleza / Maquillaje / Rostro", "Health & Beauty > Personal Care > Cosmetics > Makeup",
     "Base líquida matificante que controla el brillo, para piel mixta a grasa.", "", 11990,
     [("", "Tono 120"), ("", "Tono 220")], "female", ""),
    ("B06", "Labial Líquido Mate Larga Duración", "Belleza / Maquillaje / Labios", "Health & Beauty > Personal Care > Cosmetics > Makeup",
     "Labial líquido mate que no se corre en 16 horas.", "", 8990,
     [("rojo", ""), ("nude", "")], "female", ""),
    ("B07", "Delineador de Ojos Plumón Negro a Prueba de Agua", "Belleza / Maquillaje / Ojos", "Health & Beauty > Personal Care > Cosmetics > Makeup",
     "Delineador tipo plumón de punta fina para un trazo preciso, a prueba de agua.", "", 7990,
     [("negro", "")], "female", ""),
    ("B08", "Eyeshadow Palette 18 Shades Nude", "Belleza / Maquillaje / Ojos", "Health & Beauty > Personal Care > Cosmetics > Makeup",
     "18 matte and shimmer nude eyeshadows with a mirror.", "", 14990,
     [("nude", "")], "female", ""),
    ("B09", "Makeup Brush Set 12 Pcs", "Belleza / Maquillaje / Brochas", "Health & Beauty > Personal Care > Cosmetics > Cosmetic Tools",
     "Twelve soft synthetic makeup brushes in a travel case.", "", 16990,
     [("pink", "")], "female", ""),
    ("B10", "Remington Plancha de Pelo Cerámica 230°C", "Belleza / Cabello / Planchas", "Health & Beauty > Personal Care > Hair Care",
     "Plancha alisadora con placas de cerámica y turmalina, calienta en 30 segundos.", "", 29990,
     [("negro", "")], "female", ""),
    ("B11", "Philips Secador de Pelo 2100W", "Belleza / Cabello / Secadores", "Health & Beauty > Personal Care > Hair Care",
     "Secador de pelo de 2100 W con iones y concentrador.", "", 24990,
     [("negro", "")], "female", ""),
    ("B12", "Automatic Rotating Curling Iron", "Belleza / Cabello / Onduladores", "Health & Beauty > Personal Care > Hair Care",
     "Automatic ceramic curler that twists the hair for you, three heat settings.", "", 34990,
     [("pink", "")], "female", ""),
    ("B13", "Shampoo Sin Sal Keratina 750ml", "Belleza / Cabello / Shampoo", "Health & Beauty > Personal Care > Hair Care",
     "Shampoo sin sal con keratina para cabello teñido o alisado.", "", 6990,
     [("", "750ml")], "unisex", ""),
    ("B14", "Mascarilla Capilar Reparación Total", "Belleza / Cabello / Tratamientos", "Health & Beauty > Personal Care > Hair Care",
     "Mascarilla para pelo dañado por plancha y tintura.", "", 8990,
     [("", "300g")], "unisex", ""),
    ("B15", "Carolina Herrera Perfume Good Girl Eau de Parfum", "Belleza / Perfumes / Mujer", "Health & Beauty > Personal Care > Cosmetics > Perfume & Cologne",
     "Eau de parfum para mujer con jazmín, tuberosa y cacao.", "navidad", 89990,
     [("", "50ml"), ("", "80ml")], "female", ""),
    ("B16", "Hugo Boss Perfume Hombre Bottled Eau de Toilette", "Belleza / Perfumes / Hombre", "Health & Beauty > Personal Care > Cosmetics > Perfume & Cologne",
     "Eau de toilette masculino amaderado con manzana y canela.", "dia-del-padre", 69990,
     [("", "100ml")], "male", ""),
    ("B17", "Kit Esmaltes Semipermanentes con Lámpara UV LED", "Belleza / Uñas", "Health & Beauty > Personal Care > Cosmetics > Nail Care",
     "Kit de manicure con 6 esmaltes semipermanentes, base, top coat y lámpara UV/LED.", "", 29990,
     [("", "")], "female", ""),
    ("B18", "Philips Afeitadora Eléctrica Series 3000", "Belleza / Cuidado Masculino / Afeitadoras", "Health & Beauty > Personal Care > Shaving & Grooming",
     "Afeitadora eléctrica de cabezales flexibles, uso en seco o con espuma.", "dia-del-padre", 59990,
     [("negro", "")], "male", ""),
    ("B19", "Philips OneBlade Recortadora de Barba", "Belleza / Cuidado Masculino / Recortadoras", "Health & Beauty > Personal Care > Shaving & Grooming",
     "Recorta, perfila y afeita la barba con una sola cuchilla y 3 peines.", "", 39990,
     [("verde", "")], "male", ""),
    ("B20", "Niacinamide 10% + Zinc Serum", "Belleza / Cuidado Facial / Sérums", "Health & Beauty > Personal Care > Cosmetics > Skin Care",
     "Serum for pores, blemishes and oily skin.", "", 12990,
     [("", "30ml")], "unisex", ""),
    ("B21", "Micellar Cleansing Water 400ml", "Belleza / Cuidado Facial / Limpieza", "Health & Beauty > Personal Care > Cosmetics > Skin Care",
     "No-rinse micellar water that removes makeup and cleanses.", "", 7990,
     [("", "400ml")], "unisex", ""),
    ("B22", "Body Splash Frutal 250ml", "Belleza / Perfumes / Splash", "Health & Beauty > Personal Care > Cosmetics > Perfume & Cologne",
     "Colonia corporal fresca de frutas rojas.", "", 7990,
     [("", "250ml")], "female", ""),
    ("B23", "Jade Roller and Gua Sha Set", "Belleza / Cuidado Facial / Herramientas", "Health & Beauty > Personal Care > Cosmetics > Skin Care",
     "Jade facial roller and gua sha stone for a de-puffing massage.", "", 12990,
     [("green", "")], "female", "jade"),
    ("B24", "Crema Corporal Manteca de Karité 400ml", "Belleza / Cuerpo / Cremas", "Health & Beauty > Personal Care > Cosmetics > Skin Care",
     "Crema corporal nutritiva con manteca de karité para piel seca.", "", 8990,
     [("", "400ml")], "unisex", ""),
    ("B25", "Travel Makeup Bag Organizer", "Belleza / Accesorios / Cosmetiqueros", "Health & Beauty > Personal Care > Cosmetics",
     "Large travel makeup bag with brush slots and a waterproof lining.", "", 12990,
     [("black", ""), ("pink", "")], "female", "nylon"),
    ("B26", "Oral-B Cepillo Dental Eléctrico Recargable Vitality", "Belleza / Cuidado Personal / Bucal", "Health & Beauty > Personal Care > Oral Care",
     "Cepillo de dientes eléctrico recargable con cabezal redondo y temporizador.", "", 29990,
     [("blanco", "")], "unisex", ""),

    # ---------------- gaming ----------------
    ("G01", "Sony Consola PlayStation 5 Slim 1TB", "Gaming / Consolas", "Electronics > Video Game Consoles",
     "Consola PS5 Slim con lector de discos, 1 TB y un control DualSense.", "black-friday", 599990,
     [("blanco", "1TB")], "unisex", ""),
    ("G02", "Nintendo Switch OLED Model", "Gaming / Consolas", "Electronics > Video Game Consoles",
     "Hybrid console with a 7-inch OLED screen, play on the TV or handheld.", "navidad", 379990,
     [("white", ""), ("neon red/blue", "")], "unisex", ""),
    ("G03", "Sony Control Inalámbrico DualSense PS5", "Gaming / Controles", "Electronics > Video Game Console Accessories",
     "Control inalámbrico para PS5 con gatillos adaptativos y vibración háptica.", "", 69990,
     [("blanco", ""), ("negro", ""), ("rojo", "")], "unisex", ""),
    ("G04", "Microsoft Consola Xbox Series S 512GB", "Gaming / Consolas", "Electronics > Video Game Consoles",
     "Consola Xbox Series S totalmente digital, 1440p a 120 fps.", "", 329990,
     [("blanco", "512GB")], "unisex", ""),
    ("G05", "EA Sports FC 25 PS5", "Gaming / Videojuegos / Deportes", "Software > Video Game Software",
     "Juego de fútbol con ligas, clubes y el modo Ultimate Team. Formato físico.", "", 49990,
     [("", "PS5")], "unisex", ""),
    ("G06", "The Legend of Zelda: Tears of the Kingdom (Switch)", "Gaming / Videojuegos / Aventura", "Software > Video Game Software",
     "Open-world adventure across Hyrule and the sky islands.", "", 59990,
     [("", "Switch")], "unisex", ""),
    ("G07", "Nintendo Mario Kart 8 Deluxe Switch", "Gaming / Videojuegos / Carreras", "Software > Video Game Software",
     "Juego de carreras para hasta 4 jugadores en una consola.", "navidad", 49990,
     [("", "Switch")], "unisex", ""),
    ("G08", "Marvel's Spider-Man 2 PS5", "Gaming / Videojuegos / Acción", "Software > Video Game Software",
     "Swing through New York as Peter Parker and Miles Morales.", "", 54990,
     [("", "PS5")], "unisex", ""),
    ("G09", "Cougar Silla Gamer Reclinable con Reposapiés", "Gaming / Sillas Gamer", "Furniture",
     "Silla gamer estilo racing, reclinable hasta 180°, con cojín lumbar, cojín cervical y reposapiés retráctil.", "cyber", 159990,
     [("negro/rojo", ""), ("negro/azul", "")], "unisex", "cuero sintético"),
    ("G10", "Escritorio Gamer con Luces LED 120cm", "Gaming / Escritorios Gamer", "Furniture",
     "Escritorio gamer de fibra de carbono con luces LED RGB, portavasos y gancho para audífonos.", "", 119990,
     [("negro", "120cm")], "unisex", "acero, MDF"),
    ("G11", "HyperX Audífonos Gamer Cloud II con Micrófono", "Gaming / Audio", "Electronics > Video Game Console Accessories",
     "Audífonos gamer con sonido envolvente 7.1 y micrófono desmontable con cancelación de ruido, para PC, PS5 y Switch.", "", 79990,
     [("rojo", "")], "unisex", ""),
    ("G12", "Redragon Teclado Mecánico Gamer Kumara RGB", "Gaming / Periféricos / Teclados", "Electronics > Video Game Console Accessories",
     "Teclado mecánico gamer TKL con switches outemu azules e iluminación RGB.", "", 34990,
     [("negro", ""), ("blanco", "")], "unisex", ""),
    ("G13", "Logitech Mouse Gamer G502 Hero", "Gaming / Periféricos / Mouse", "Electronics > Video Game Console Accessories",
     "Mouse gamer con sensor de 25.600 DPI, 11 botones programables y pesas ajustables.", "", 44990,
     [("negro", "")], "unisex", ""),
    ("G14", "Mousepad Gamer XXL 90x40 RGB", "Gaming / Periféricos / Mousepads", "Electronics > Video Game Console Accessories",
     "Mousepad extendido con borde RGB que cubre teclado y mouse.", "", 19990,
     [("negro", "90x40")], "unisex", ""),
    ("G15", "AOC 27\" Gaming Monitor 165Hz 1ms", "Gaming / Monitores Gamer", "Electronics > Video > Computer Monitors",
     "27-inch 165 Hz gaming monitor with 1 ms response and FreeSync.", "cyber", 229990,
     [("black", "27\"")], "unisex", ""),
    ("G16", "Logitech Volante G29 con Pedales PS5 y PC", "Gaming / Simulación", "Electronics > Video Game Console Accessories",
     "Volante con force feedback, pedales y levas, para juegos de carreras en PS5, PS4 y PC.", "", 279990,
     [("negro", "")], "unisex", ""),
    ("G17", "Meta Quest 3 Lentes de Realidad Virtual 128GB", "Gaming / Realidad Virtual", "Electronics > Video Game Consoles",
     "Lentes de realidad virtual y mixta independientes, no necesitan PC.", "", 599990,
     [("blanco", "128GB")], "unisex", ""),
    ("G18", "Tarjeta PlayStation Store Chile", "Gaming / Tarjetas de Regalo", "",
     "Código digital para cargar saldo en la PlayStation Store de Chile.", "navidad", 20000,
     [("", "$20.000")], "unisex", ""),
    ("G19", "Nintendo Switch Carrying Case", "Gaming / Accesorios", "Electronics > Video Game Console Accessories",
     "Hard-shell travel case for the Switch with room for 10 game cards.", "", 14990,
     [("black", "")], "unisex", "EVA"),
    ("G20", "Dual Charging Station for PS5 Controllers", "Gaming / Accesorios", "Electronics > Video Game Console Accessories",
     "Charge two DualSense controllers at once, LED charge indicator.", "", 19990,
     [("white", "")], "unisex", ""),
    ("G21", "Xbox Game Pass Ultimate 3 Months", "Gaming / Suscripciones", "Software > Video Game Software",
     "Digital code for 3 months of Game Pass Ultimate: hundreds of games, online play and cloud gaming.", "", 34990,
     [("", "3 months")], "unisex", ""),
    ("G22", "Consola Retro Portátil 500 Juegos", "Gaming / Consolas / Retro", "Electronics > Video Game Consoles",
     "Consola portátil retro con 500 juegos clásicos incluidos y salida a TV.", "navidad", 19990,
     [("amarillo", ""), ("negro", "")], "unisex", ""),
    ("G23", "Devir Juego de Mesa Catan", "Gaming / Juegos de Mesa", "Toys & Games > Games > Board Games",
     "Juego de mesa de estrategia para 3 a 4 jugadores desde 10 años.", "fiestas-patrias", 34990,
     [("", "")], "unisex", ""),
    ("G24", "Elgato HD60 X Capture Card", "Gaming / Streaming", "Electronics > Video Game Console Accessories",
     "External capture card to stream and record PS5, Xbox and Switch gameplay in 1080p60 / 4K30.", "", 179990,
     [("black", "")], "unisex", ""),
    ("G25", "Sony Audífonos Inalámbricos PULSE 3D para PS5", "Gaming / Audio", "Electronics > Video Game Console Accessories",
     "Audífonos inalámbricos para PS5 con audio 3D y dos micrófonos con cancelación de ruido.", "", 89990,
     [("blanco", ""), ("negro", "")], "unisex", ""),
    ("G26", "Tempered Glass Screen Protector for Switch OLED (2-pack)", "Gaming / Accesorios", "Electronics > Video Game Console Accessories",
     "Two 9H tempered glass screen protectors for the Switch OLED, bubble-free.", "", 7990,
     [("clear", "")], "unisex", "glass"),
]


def google_id(path):
    """The numeric id of the longest known prefix of `path`."""
    parts = path.split(" > ")
    for n in range(len(parts), 0, -1):
        pre = " > ".join(parts[:n])
        if pre in GOOGLE_IDS:
            return GOOGLE_IDS[pre]
    return ""


def fmt(p):
    return f"{p} CLP"


def rows(catalog):
    out = []
    n_row = 0
    for i, (key, title, ptype, gpath, desc, label, price, variants, gender, material) in enumerate(catalog):
        brand = BRANDS[key[0]]
        if i % 4 == 3:
            ptype = ""
        if i % 5 == 4 or not gpath:
            gcat = ""
        elif i % 5 in (0, 2):
            gcat = google_id(gpath)
        else:
            gcat = gpath
        same_color = len({c for c, _ in variants}) == 1
        same_size = len({z for _, z in variants}) == 1
        for n, (color, size) in enumerate(variants, 1):
            pid = f"C18-{key}-{n}"
            parts = [x for x in ((color if not same_color or same_size else ""),
                                 (size if not same_size or same_color else "")) if x]
            if len(variants) == 1 and not color:
                parts = [size] if size else []
            vcolor = color[:1].upper() + color[1:]
            parts = [vcolor if x == color else x for x in parts]
            vtitle = f"{title} - {' / '.join(parts)}" if parts else title
            avail = AVAIL[n_row % len(AVAIL)]
            sale = ""
            if n_row % 7 == 4:
                sale = fmt(max(990, int(price * 0.85 / 1000) * 1000 + 990 - 1000))
            qty = 0 if avail == "out of stock" else 2 + (n_row * 11) % 37
            out.append({
                "id": pid, "title": vtitle, "description": desc,
                "availability": avail, "condition": "new",
                "price": fmt(price), "sale_price": sale,
                "link": f"https://www.multitiendaalameda.cl/producto/{pid.lower()}",
                "image_link": f"https://static.multitiendaalameda.cl/img/{pid.lower()}.jpg",
                "brand": brand, "product_type": ptype,
                "google_product_category": gcat, "color": color, "size": size,
                "gender": gender, "material": material,
                "quantity_to_sell_on_facebook": str(qty),
                "custom_label_0": label,
            })
            n_row += 1
    return out


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalog18.csv")
    data = rows(CATALOG18)
    keys = [m[0] for m in CATALOG18]
    assert len(keys) == len(set(keys)), "duplicate model key"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(data)
    print(f"wrote {path}: {len(data)} rows, {len(CATALOG18)} models")


if __name__ == "__main__":
    main()
