#!/usr/bin/env python3
"""Writes catalog14.csv (Meta feed format, like catalog/products.csv) next to
this file: the fourteenth evaluation catalog of issue 15, held out from
tuning.

A Brazilian marketplace's feed whose rows are mixed: about half the models
are written in Brazilian Portuguese (titles, descriptions, product types,
colours) and half in English (imported items keep their English titles).
232 rows (187 models) of six brands: the five demo brands and a sixth,
`outdoor` (camping e trilha: barracas, sacos de dormir, isolantes,
fogareiros e panelas de camping, mochilas cargueiras e de ataque, mochila
de hidratação, lanternas de cabeça, lampiões e lanternas de mão, bastões
de caminhada, filtros de água, cadeiras e mesas de camping, caixas e
bolsas térmicas (coolers), rede de camping com mosquiteiro, escalada
(cadeirinha, corda, capacete, mosquetões), botas de trilha e tênis de
trail running, jaqueta corta-vento impermeável, poncho de chuva, fleece e
segunda pele, canivete, bússola, saco estanque, chapéu de trilha, kit de
primeiros socorros; its seller's manifest section is
seller-outdoor.routing.toml).

Deliberate overlaps, and who owns what:
- hiking boots (bota de trilha) and trail running shoes are outdoor's;
  city boots (coturno), road running shoes, sneakers and sandals fashion's;
- rain jackets, windbreakers, rain ponchos, fleece jackets and thermal
  base layers are outdoor's; the puffer jacket, the denim jacket and the
  hoodie are fashion's; sunglasses and the trucker cap fashion's, the wide
  brim hiking hat outdoor's;
- thermal bottles and cups (garrafa térmica, copo térmico) and the lunch
  cooler bag (lancheira térmica) are home's; the water filter bottle, the
  hydration pack and the coolers (caixa térmica, cooler backpack) outdoor's;
- lanterns, headlamps and flashlights (lanterna, lampião) are outdoor's;
  desk and floor lamps (luminária) home's, the smart bulb tech's;
- the GPS sports watch, the smartband, the solar power bank, the action
  camera, the walkie-talkies and the waterproof speaker are tech's (even
  for a trail); outdoor sells a compass and no electronics beyond lights;
- the trekking backpacks are outdoor's, the laptop backpack tech's;
- the camping hammock with mosquito net is outdoor's, the cotton rede de
  descanso for the porch home's; the sleeping bag outdoor's, blankets
  home's; the camping chair outdoor's, the office chair home's, the gaming
  chair gaming's; camping stoves and camp cookware outdoor's, kitchen
  pans and the pressure cooker home's;
- sunscreen and insect repellent are beauty's, the mosquito net of the
  hammock outdoor's; the pocket knife outdoor's, kitchen knives home's.

Written on 2026-12-06 in issue 15 before the router or the search ran on it,
and without looking at the router's or the search's word lists. The feed's
own style:

- Portuguese rows: Portuguese title, description, colour, product_type
  path with " > " ("Camping > Barracas"), sizes P/M/G/GG; English rows:
  English everything, product_type path in English ("Camping > Tents"),
  sizes S/M/L/XL; the variant after the title with " - ";
- prices in BRL ("199.90 BRL"), 15 % off on every seventh row; appliances
  come in 110V/220V/bivolt;
- `google_product_category` Google's numeric id on half the models (i % 4
  in 0, 3), the English path on a quarter (i % 4 == 2), empty on the rest
  (resolved from lang/data/google-taxonomy-with-ids.en-US.txt by feedgen
  from an English path ending);
- `custom_label_0` a campaign code (blackfriday, frete-gratis, cashback10,
  full-sp, liquida-verao, semana-aventura) or empty, never a product word;
- availability cycles in stock / preorder / out of stock.

    python3 catalog/eval/catalog14.py
"""

from feedgen import Style, rows, write, dashed_variant, google_by_cycle

AVAIL = ["in stock", "in stock", "preorder", "in stock", "out of stock",
         "in stock", "in stock", "in stock"]

# (model key, brand, title, product type path, google category path ending,
#  description, campaign label, price (BRL), variants, gender, material);
#  a variant is (colour, size).
CATALOG14 = [
    # fashion (moda / apparel)
    ("F01", "fashion", "Tênis Casual de Couro Leblon", "Calçados > Tênis", "Apparel & Accessories > Shoes", "Tênis casual de couro liso com sola de borracha costurada. Combina com jeans e com roupa social.", "blackfriday", 349.90, [("branco", "38"), ("branco", "40"), ("preto", "42")], "unisex", "couro"),
    ("F02", "fashion", "Cloudstep Road Running Shoes", "Shoes > Running", "Apparel & Accessories > Shoes", "Road running shoes with a breathable mesh upper and a cushioned foam midsole. For the treadmill, the track and city runs.", "", 499.90, [("grey", "41"), ("pink", "37")], "unisex", "mesh, EVA"),
    ("F03", "fashion", "Chinelo de Borracha Tira Larga Maré", "Calçados > Chinelos", "Apparel & Accessories > Shoes", "Chinelo de borracha macia com tira larga. Pra praia, piscina e o dia a dia no verão.", "", 39.90, [("preto", "39/40"), ("azul", "41/42")], "unisex", "borracha"),
    ("F04", "fashion", "Sandália Rasteira Trançada Jurerê", "Calçados > Sandálias", "Apparel & Accessories > Shoes", "Rasteira com tiras trançadas e fivela no tornozelo, leve e confortável.", "liquida-verao", 129.90, [("caramelo", "36")], "female", "couro sintético"),
    ("F05", "fashion", "Coturno Feminino Tratorado Vila Madalena", "Calçados > Botas", "Apparel & Accessories > Shoes", "Coturno de cano curto com solado tratorado e cadarço. Estilo urbano para o inverno.", "", 289.90, [("preto", "37"), ("preto", "39")], "female", "couro sintético"),
    ("F06", "fashion", "Kingsbury Leather Oxford Dress Shoes", "Shoes > Dress Shoes", "Apparel & Accessories > Shoes", "Leather lace-up oxfords for the office, weddings and formal events.", "", 459.90, [("black", "42")], "male", "leather"),
    ("F07", "fashion", "Camiseta Básica Algodão Pima Gola Redonda", "Masculino > Camisetas", "Clothing > Shirts & Tops", "Camiseta básica de algodão pima, gola redonda e modelagem regular. Pra todo dia.", "frete-gratis", 79.90, [("branco", "M"), ("preto", "G"), ("cinza mescla", "GG")], "male", "algodão"),
    ("F08", "fashion", "Sunset Club Oversized Graphic Tee", "Women > T-Shirts", "Clothing > Shirts & Tops", "Oversized tee in heavy jersey with a front print, loose and boxy.", "", 99.90, [("beige", "S")], "female", "cotton"),
    ("F09", "fashion", "Camisa Polo Piquet Masculina Búzios", "Masculino > Polos", "Clothing > Shirts & Tops", "Camisa polo de piquet com gola e punhos de ribana e três botões.", "", 139.90, [("azul marinho", "G")], "male", "algodão piquet"),
    ("F10", "fashion", "Camisa de Linho Manga Longa Paraty", "Masculino > Camisas", "Clothing > Shirts & Tops", "Camisa de linho fresquinha, manga longa que dobra. Pra casamento na praia ou o verão.", "", 219.90, [("branco", "M"), ("azul claro", "G")], "male", "linho"),
    ("F11", "fashion", "Brooklyn High Rise Mom Jeans", "Women > Jeans", "Clothing > Pants", "High rise mom jeans in a light wash with a rolled hem.", "blackfriday", 229.90, [("light blue", "38"), ("blue", "42")], "female", "denim"),
    ("F12", "fashion", "Calça Jeans Reta Masculina com Elastano", "Masculino > Calças", "Clothing > Pants", "Calça jeans reta clássica com elastano, cinco bolsos.", "", 199.90, [("azul escuro", "44")], "male", "denim, elastano"),
    ("F13", "fashion", "Bermuda de Sarja Masculina Itacaré", "Masculino > Bermudas", "Clothing > Shorts", "Bermuda de sarja com bolsos laterais e passantes para cinto.", "", 119.90, [("bege", "42")], "male", "sarja"),
    ("F14", "fashion", "Tidewave Quick-Dry Board Shorts", "Men > Swimwear", "Clothing > Swimwear", "Quick-dry board shorts with an inner mesh and a drawstring waist.", "", 149.90, [("royal blue", "L")], "male", "polyester"),
    ("F15", "fashion", "Biquíni Cortininha Estampa Folhagem", "Moda Praia > Feminino", "Clothing > Swimwear", "Biquíni cortininha com calcinha de amarrar e estampa de folhagens.", "liquida-verao", 139.90, [("verde", "P"), ("preto", "M")], "female", "poliamida"),
    ("F16", "fashion", "Maiô com Decote nas Costas", "Moda Praia > Feminino", "Clothing > Swimwear", "Maiô com bojo removível e decote profundo nas costas.", "", 169.90, [("vinho", "M")], "female", "poliamida"),
    ("F17", "fashion", "Primavera Floral Midi Dress", "Women > Dresses", "Clothing > Dresses", "Floral midi dress with thin straps and a flowing skirt. Lovely for a daytime wedding or summer.", "", 259.90, [("blue floral", "S"), ("red floral", "M")], "female", "viscose"),
    ("F18", "fashion", "Saia Midi Plissada", "Feminino > Saias", "Clothing > Skirts", "Saia midi plissada com cós de elástico, fica linda com tênis.", "", 149.90, [("preto", "M")], "female", "poliéster"),
    ("F19", "fashion", "Arcadia Heavyweight Pullover Hoodie", "Unisex > Hoodies", "Clothing > Activewear", "Heavyweight fleece-lined pullover hoodie with a kangaroo pocket. Cosy for winter.", "blackfriday", 229.90, [("grey", "M"), ("olive", "L")], "unisex", "cotton, polyester"),
    ("F20", "fashion", "Jaqueta Jeans Clássica Unissex", "Unissex > Jaquetas", "Outerwear > Coats & Jackets", "Jaqueta jeans com botões de metal e bolsos no peito.", "", 259.90, [("azul", "M")], "unisex", "denim"),
    ("F21", "fashion", "Nordby Packable Puffer Jacket", "Unisex > Jackets", "Outerwear > Coats & Jackets", "Lightweight puffer jacket with synthetic fill that packs into its own pouch. For cold city days.", "", 399.90, [("black", "L"), ("navy", "S")], "unisex", "nylon"),
    ("F22", "fashion", "Legging Fitness Cintura Alta Pulsar", "Feminino > Fitness", "Clothing > Activewear", "Legging de cintura alta que não fica transparente, com bolsinho pro celular. Pra academia.", "", 99.90, [("preto", "P"), ("preto", "M")], "female", "poliamida"),
    ("F23", "fashion", "Top Fitness Alças Cruzadas", "Feminino > Fitness", "Clothing > Activewear", "Top de academia com bojo removível e costas com alças cruzadas.", "", 69.90, [("lilás", "P")], "female", "poliamida"),
    ("F24", "fashion", "Everyday Ankle Socks 6-Pack", "Underwear > Socks", "Clothing > Underwear & Socks", "Six pairs of cotton ankle socks with reinforced heel and toe.", "", 59.90, [("assorted", "39-43")], "unisex", "cotton"),
    ("F25", "fashion", "Kit 3 Cuecas Boxer Algodão Confort Plus", "Moda Íntima > Masculino", "Clothing > Underwear & Socks", "Três cuecas boxer de algodão com elástico macio que não marca.", "", 79.90, [("sortido", "G")], "male", "algodão, elastano"),
    ("F26", "fashion", "Pijama Longo de Flanela", "Moda Íntima > Pijamas", "Clothing > Sleepwear & Loungewear", "Pijama de calça e blusa de flanela macia pras noites frias.", "", 149.90, [("rosa", "M")], "female", "flanela"),
    ("F27", "fashion", "Marais Leather Crossbody Bag", "Accessories > Bags", "Handbags, Wallets & Cases > Handbags", "Small leather crossbody bag with an adjustable strap and zip.", "full-sp", 329.90, [("black", "U"), ("tan", "U")], "female", "leather"),
    ("F28", "fashion", "Carteira Masculina de Couro Ouro Preto", "Acessórios > Carteiras", "Handbags, Wallets & Cases", "Carteira de couro com porta-moedas e oito divisórias para cartões.", "", 119.90, [("marrom", "U")], "male", "couro"),
    ("F29", "fashion", "Cinto de Couro Fivela Prata", "Acessórios > Cintos", "Clothing Accessories > Belts", "Cinto de couro legítimo com fivela de metal prateada.", "", 89.90, [("preto", "100")], "male", "couro"),
    ("F30", "fashion", "Riptide Mesh Trucker Cap", "Accessories > Caps", "Clothing Accessories > Hats", "Trucker cap with an embroidered front panel, mesh back and snapback.", "", 79.90, [("black", "U")], "unisex", "cotton, polyester"),
    ("F31", "fashion", "Óculos de Sol Aviador Polarizado", "Acessórios > Óculos", "Clothing Accessories > Sunglasses", "Óculos de sol aviador com lentes polarizadas UV400 e armação de metal.", "", 189.90, [("dourado", "U")], "unisex", "metal"),
    ("F32", "fashion", "Gold-Plated Hoop Earrings", "Accessories > Jewellery", "Jewelry > Earrings", "Medium gold-plated hoop earrings, hypoallergenic.", "", 89.90, [("gold", "U")], "female", "brass"),
    # tech (tecnologia / electronics)
    ("T01", "tech", "Nimbus X5 5G Smartphone 256GB", "Electronics > Phones", "Electronics > Communications > Telephony > Mobile Phones", "5G smartphone with a 6.7\" AMOLED screen, 50MP camera and a 5000mAh battery.", "blackfriday", 1899.00, [("black", "256GB"), ("green", "256GB")], "unisex", ""),
    ("T02", "tech", "Celular Aurora G8 128GB", "Eletrônicos > Celulares", "Electronics > Communications > Telephony > Mobile Phones", "Celular baratinho com 4GB de RAM, 128GB e bateria que dura o dia todo.", "", 999.00, [("azul", "128GB")], "unisex", ""),
    ("T03", "tech", "Orbit S24 Smartphone 512GB", "Electronics > Phones", "Electronics > Communications > Telephony > Mobile Phones", "Flagship phone with a triple camera, 12GB RAM and 512GB storage. Imported, with international warranty.", "", 5499.00, [("titanium", "512GB")], "unisex", ""),
    ("T04", "tech", "Smart TV 55\" 4K Vértice", "Eletrônicos > TVs", "Electronics > Video > Televisions", "Smart TV de 55 polegadas 4K com Netflix, YouTube, Globoplay e comando de voz.", "frete-gratis", 2799.00, [("preto", "55\"")], "unisex", ""),
    ("T05", "tech", "Lumo 32\" HD Smart TV", "Electronics > TVs", "Electronics > Video > Televisions", "Small 32-inch smart TV, great for a bedroom or the kitchen.", "", 1099.00, [("black", "32\"")], "unisex", ""),
    ("T06", "tech", "Altair 15.6\" Laptop Core i5 16GB SSD 512GB", "Electronics > Laptops", "Electronics > Computers > Laptops", "Laptop with Intel Core i5, 16GB RAM and a 512GB SSD. For work, college and light editing.", "", 3899.00, [("grey", "")], "unisex", ""),
    ("T07", "tech", "Notebook Escola 14\" Celeron 4GB", "Eletrônicos > Notebooks", "Electronics > Computers > Laptops", "Notebook básico pra estudar, navegar e fazer chamada de vídeo.", "", 1699.00, [("prata", "")], "unisex", ""),
    ("T08", "tech", "Tablet Pipa 10\" 64GB com Capa", "Eletrônicos > Tablets", "Electronics > Computers > Tablet Computers", "Tablet de 10 polegadas com Wi-Fi, 64GB e capa com suporte. Pras crianças ou ver série.", "", 899.00, [("cinza", "")], "unisex", ""),
    ("T09", "tech", "Halcyon 700 Noise Cancelling Headphones", "Electronics > Audio > Headphones", "Audio Components > Headphones & Headsets > Headphones", "Over-ear Bluetooth headphones with active noise cancelling and 30 hours of battery.", "", 1299.00, [("black", ""), ("white", "")], "unisex", ""),
    ("T10", "tech", "Fone de Ouvido Bluetooth TWS Bolha", "Eletrônicos > Áudio > Fones", "Audio Components > Headphones & Headsets > Headphones", "Fone sem fio intra-auricular com estojo de carga e microfone pra ligação.", "cashback10", 149.90, [("branco", ""), ("preto", "")], "unisex", ""),
    ("T11", "tech", "Torrent IPX7 Waterproof Bluetooth Speaker", "Electronics > Audio > Speakers", "Electronics > Audio", "Portable speaker that floats and survives a dunk, 15 hours of battery. For the beach, the pool or the campsite.", "", 399.90, [("blue", "")], "unisex", ""),
    ("T12", "tech", "Soundbar 2.1 com Subwoofer Trovão", "Eletrônicos > Áudio > Soundbars", "Electronics > Audio", "Soundbar com subwoofer sem fio, HDMI ARC e Bluetooth.", "", 899.00, [("preto", "")], "unisex", ""),
    ("T13", "tech", "Summit GPS Sports Watch", "Electronics > Wearables", "Electronics > Electronics Accessories", "Sports watch with built-in GPS, heart rate, altimeter and barometer, trail and running modes, 14 days of battery.", "semana-aventura", 1499.00, [("black", ""), ("orange", "")], "unisex", ""),
    ("T14", "tech", "Smartband Pulso 7", "Eletrônicos > Vestíveis", "Electronics > Electronics Accessories", "Pulseira inteligente que conta passos, monitora o sono e os batimentos.", "", 229.90, [("preto", "")], "unisex", ""),
    ("T15", "tech", "Carregador Turbo USB-C 30W", "Eletrônicos > Acessórios para Celular", "Electronics > Electronics Accessories", "Carregador de tomada turbo 30W com cabo USB-C de 1 metro.", "", 99.90, [("branco", "")], "unisex", ""),
    ("T16", "tech", "Voltbox 20000mAh Power Bank", "Electronics > Phone Accessories", "Electronics > Electronics Accessories", "Power bank with 20000mAh, two USB-A ports and USB-C fast charging.", "", 199.90, [("black", "")], "unisex", ""),
    ("T17", "tech", "Helios Solar Power Bank 10000mAh with Flashlight", "Electronics > Phone Accessories", "Electronics > Electronics Accessories", "Rugged power bank with a solar panel, a built-in flashlight and a carabiner. Charges your phone off the grid.", "semana-aventura", 189.90, [("green", "")], "unisex", ""),
    ("T18", "tech", "Roteador Wi-Fi 6 Dual Band Teia", "Eletrônicos > Redes", "Electronics > Networking", "Roteador Wi-Fi 6 dual band com quatro antenas, sinal melhor na casa toda.", "", 449.90, [("preto", "")], "unisex", ""),
    ("T19", "tech", "Impressora Multifuncional Tanque de Tinta Gráfica Jet", "Eletrônicos > Impressoras", "Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines", "Imprime, copia e digitaliza com tanque de tinta recarregável e Wi-Fi.", "", 1199.00, [("preto", "")], "unisex", ""),
    ("T20", "tech", "Clarity 24\" Full HD IPS Monitor", "Electronics > Monitors", "Electronics > Video > Computer Monitors", "24-inch Full HD IPS monitor with thin bezels and HDMI input.", "", 749.00, [("black", "24\"")], "unisex", ""),
    ("T21", "tech", "Kit Teclado e Mouse Sem Fio ABNT2", "Eletrônicos > Periféricos", "Input Devices > Keyboards", "Teclado ABNT2 com ç e mouse sem fio, silenciosos, com receptor USB.", "", 149.90, [("preto", "ABNT2")], "unisex", ""),
    ("T22", "tech", "Looksee Full HD Webcam with Mic", "Electronics > Peripherals", "Electronics > Electronics Accessories", "1080p webcam with built-in microphone for meetings and online classes.", "", 199.90, [("black", "")], "unisex", ""),
    ("T23", "tech", "SSD Externo 1TB USB-C Cofre", "Eletrônicos > Armazenamento", "Electronics > Electronics Accessories", "SSD externo de 1TB USB-C, pequeno e rápido, pra backup de fotos.", "", 599.90, [("cinza", "1TB")], "unisex", ""),
    ("T24", "tech", "Snap 64GB USB 3.0 Flash Drive", "Electronics > Storage", "Electronics > Electronics Accessories", "64GB USB 3.0 flash drive with a sliding cap.", "", 49.90, [("black", "64GB")], "unisex", ""),
    ("T25", "tech", "Câmera de Segurança Wi-Fi 360° Coruja", "Eletrônicos > Casa Inteligente", "Cameras & Optics > Cameras", "Câmera de segurança pra dentro de casa com giro 360°, visão noturna e alerta no celular.", "", 229.90, [("branco", "")], "unisex", ""),
    ("T26", "tech", "Glow Smart LED Bulb RGB Wi-Fi", "Electronics > Smart Home", "Home & Garden > Lighting", "Colour LED bulb you switch on from your phone or with Alexa.", "", 69.90, [("white", "")], "unisex", ""),
    ("T27", "tech", "Rapids 4K Waterproof Action Camera", "Electronics > Cameras", "Cameras & Optics > Cameras", "4K action camera, waterproof to 30 m with its case, with a helmet mount and chest strap.", "", 899.00, [("black", "")], "unisex", ""),
    ("T28", "tech", "Leitor de Livros Digital Folha 6\"", "Eletrônicos > Leitores de E-book", "Electronics > Computers > Tablet Computers", "Leitor de e-books com tela antirreflexo e luz embutida, bateria de semanas.", "", 599.00, [("preto", "")], "unisex", ""),
    ("T29", "tech", "Mochila para Notebook 15,6\" Antifurto", "Eletrônicos > Acessórios para Notebook", "Luggage & Bags > Backpacks", "Mochila antifurto com compartimento acolchoado pra notebook até 15,6\" e saída USB.", "", 219.90, [("cinza", "")], "unisex", "poliéster"),
    ("T30", "tech", "Ridge Walkie-Talkie Pair 10km Range", "Electronics > Radios", "Electronics > Communications", "A pair of rechargeable two-way radios with a 10 km range in open country, for hikes, camping and events.", "", 349.90, [("black", "pair")], "unisex", ""),
    # home (casa / home)
    ("H01", "home", "Air Fryer Digital 5L Crocante", "Casa > Eletroportáteis > Cozinha", "Kitchen Appliances > Deep Fryers", "Fritadeira sem óleo de 5 litros com painel digital e oito programas.", "blackfriday", 449.90, [("preto", "110V"), ("preto", "220V")], "unisex", ""),
    ("H02", "home", "Brewhouse Stainless Steel Electric Kettle 1.7L", "Home > Kitchen Appliances", "Electric Kettles", "1.7 L stainless steel kettle with auto shut-off. Tea, coffee and chimarrão water in minutes.", "", 189.90, [("steel", "220V")], "unisex", "stainless steel"),
    ("H03", "home", "Cafeteira Elétrica 30 Xícaras Cerrado", "Casa > Eletroportáteis > Cozinha", "Kitchen Appliances", "Cafeteira de filtro com jarra de vidro e placa que mantém o café quente.", "", 139.90, [("preto", "110V")], "unisex", ""),
    ("H04", "home", "Liquidificador 1200W Copo de Vidro", "Casa > Eletroportáteis > Cozinha", "Kitchen Appliances > Food Mixers & Blenders", "Liquidificador potente com copo de vidro de 3 litros e 12 velocidades.", "", 229.90, [("preto", "220V")], "unisex", ""),
    ("H05", "home", "Bakewell 4.5L Stand Mixer", "Home > Kitchen Appliances", "Kitchen Appliances > Food Mixers & Blenders", "Stand mixer with a 4.5 L steel bowl, whisk, beater and dough hook.", "", 799.00, [("red", "110V")], "unisex", ""),
    ("H06", "home", "Panela de Pressão Elétrica 6L Fogão Fácil", "Casa > Eletroportáteis > Cozinha", "Kitchen Appliances", "Panela de pressão elétrica com 14 programas, faz feijão, arroz e carne sem chiar.", "", 499.90, [("inox", "220V")], "unisex", ""),
    ("H07", "home", "Granite Nonstick Cookware Set 5 Pieces", "Home > Kitchen > Cookware", "Kitchen & Dining > Cookware & Bakeware", "Five-piece granite nonstick set: pots, a saucepan and a frying pan, for gas and induction.", "", 399.90, [("grey", "5 pieces")], "unisex", "aluminium"),
    ("H08", "home", "Frigideira Antiaderente 28cm Pedra Sabão", "Casa > Cozinha > Panelas", "Kitchen & Dining > Cookware & Bakeware", "Frigideira funda de 28 cm com cabo que não esquenta.", "", 119.90, [("preto", "28cm")], "unisex", "alumínio"),
    ("H09", "home", "Jogo de Facas de Cozinha com Cepo", "Casa > Cozinha > Utensílios", "Kitchen & Dining > Kitchen Tools & Utensils", "Seis facas de inox com cepo de madeira: chef, pão, carne, legumes e churrasco.", "", 249.90, [("inox", "6 peças")], "unisex", "aço inox, madeira"),
    ("H10", "home", "Coastal Stoneware Dinner Set 20 Pieces", "Home > Tableware", "Kitchen & Dining", "Dinner plates, soup plates, side plates and mugs for four in glazed stoneware.", "", 349.90, [("white", "20 pieces")], "unisex", "stoneware"),
    ("H11", "home", "Garrafa Térmica Inox 1L para Café", "Casa > Cozinha > Garrafas Térmicas", "Kitchen & Dining > Food & Beverage Carriers", "Garrafa térmica de aço inox de 1 litro, mantém o café quente por 12 horas e a água gelada por 24.", "frete-gratis", 129.90, [("inox", "1L"), ("preto", "1L")], "unisex", "aço inox"),
    ("H12", "home", "Frostline Insulated Tumbler 600ml with Lid", "Home > Drinkware", "Kitchen & Dining > Food & Beverage Carriers", "Double-wall insulated tumbler with a lid and straw, keeps drinks cold all day.", "", 119.90, [("black", "600ml"), ("sage", "600ml")], "unisex", "stainless steel"),
    ("H13", "home", "Lancheira Térmica com Alça", "Casa > Cozinha > Lancheiras", "Kitchen & Dining > Food & Beverage Carriers", "Lancheira térmica pra marmita do trabalho ou da escola, com alça de ombro.", "", 69.90, [("azul", "")], "unisex", "poliéster"),
    ("H14", "home", "Jogo de Cama Casal 200 Fios Percal", "Casa > Cama > Jogos de Cama", "Linens & Bedding > Bedding", "Lençol com elástico, lençol de cima e duas fronhas em percal 200 fios.", "", 199.90, [("branco", "Casal"), ("cinza", "Queen")], "unisex", "algodão"),
    ("H15", "home", "Cloudrest Down Alternative Duvet", "Home > Bedding", "Linens & Bedding > Bedding", "All-season duvet with a soft down-alternative fill.", "", 329.90, [("white", "Queen")], "unisex", "microfibre"),
    ("H16", "home", "Travesseiro Viscoelástico Sono Leve", "Casa > Cama > Travesseiros", "Linens & Bedding > Bedding", "Travesseiro de espuma viscoelástica que molda no pescoço.", "", 119.90, [("branco", "50x70")], "unisex", "viscoelástico"),
    ("H17", "home", "Cobertor Microfibra Casal", "Casa > Cama > Cobertores", "Linens & Bedding > Bedding", "Cobertor de microfibra macio e quentinho pra cama de casal.", "", 149.90, [("cinza", "Casal")], "unisex", "microfibra"),
    ("H18", "home", "Spa Bath Towel Set 4 Pieces", "Home > Bath", "Linens & Bedding", "Two bath towels and two hand towels in thick cotton.", "", 159.90, [("white", ""), ("blue", "")], "unisex", "cotton"),
    ("H19", "home", "Ventilador de Coluna 40cm Brisa", "Casa > Climatização", "Household Appliances", "Ventilador de coluna com 3 velocidades e oscilação, silencioso pro quarto.", "liquida-verao", 229.90, [("preto", "110V")], "unisex", ""),
    ("H20", "home", "Sweeply Cordless Stick Vacuum", "Home > Cleaning", "Home & Garden > Household Appliances > Vacuums", "2-in-1 cordless stick vacuum with a handheld unit, 40 minutes of battery.", "", 699.00, [("grey", "")], "unisex", ""),
    ("H21", "home", "Aspirador Robô Wi-Fi com Mop", "Casa > Limpeza", "Home & Garden > Household Appliances > Vacuums", "Robô aspirador que varre e passa pano, controlado pelo app.", "", 1299.00, [("preto", "")], "unisex", ""),
    ("H22", "home", "Ferro de Passar a Vapor Lisinho", "Casa > Lavanderia", "Household Appliances", "Ferro de passar roupa a vapor com base cerâmica e jato extra.", "", 139.90, [("azul", "220V")], "unisex", ""),
    ("H23", "home", "Lumen Dimmable LED Desk Lamp", "Home > Lighting", "Home & Garden > Lighting", "LED desk lamp with three colour temperatures, a dimmer and a USB port.", "", 149.90, [("white", "")], "unisex", ""),
    ("H24", "home", "Luminária de Chão Tripé", "Casa > Iluminação", "Home & Garden > Lighting", "Luminária de chão tripé de madeira com cúpula de tecido pra sala.", "", 299.90, [("preto", "")], "unisex", "madeira, tecido"),
    ("H25", "home", "Cadeira de Escritório Ergonômica Postura", "Casa > Móveis > Escritório", "Furniture > Chairs", "Cadeira de escritório com apoio lombar, braços reguláveis e tela respirável.", "", 699.00, [("preto", "")], "unisex", "tela, nylon"),
    ("H26", "home", "Tidy Storage Boxes with Lids 3-Pack", "Home > Storage", "Household Supplies", "Three 30 L clear plastic storage boxes with clip lids.", "", 129.90, [("clear", "30L")], "unisex", "polypropylene"),
    ("H27", "home", "Varal de Chão Retrátil", "Casa > Lavanderia", "Household Supplies", "Varal de chão com abas que dobra e guarda atrás da porta.", "", 119.90, [("branco", "")], "unisex", "aço"),
    ("H28", "home", "Vanilla & Sandalwood Scented Candle Set", "Home > Decor", "Home & Garden > Decor", "Three soy wax scented candles in glass jars.", "", 99.90, [("ivory", "")], "unisex", "soy wax"),
    ("H29", "home", "Tapete Felpudo Nuvem 2x1,5m", "Casa > Decoração > Tapetes", "Home & Garden > Decor", "Tapete felpudo macio pra sala ou quarto, 2 m x 1,5 m.", "", 259.90, [("bege", "200x150")], "unisex", "poliéster"),
    ("H30", "home", "Rede de Descanso Algodão Cearense", "Casa > Varanda > Redes", "Home & Garden > Decor", "Rede de dormir tradicional de algodão com varanda de crochê, pra varanda ou o quarto. Acompanha cordas.", "", 189.90, [("colorida", "casal")], "unisex", "algodão"),
    # beauty (beleza / beauty)
    ("B01", "beauty", "Dewdrop Hydrating Face Moisturizer SPF 30", "Beauty > Skincare > Moisturisers", "Cosmetics > Skin Care", "Light daily face cream with hyaluronic acid and SPF 30.", "", 89.90, [("", "50ml")], "unisex", ""),
    ("B02", "beauty", "Protetor Solar Corporal FPS 50 Toque Seco", "Beleza > Cuidados com a Pele > Proteção Solar", "Cosmetics > Skin Care", "Protetor solar FPS 50 resistente à água e ao suor, toque seco. Pra praia, trilha e esporte.", "liquida-verao", 69.90, [("", "200ml")], "unisex", ""),
    ("B03", "beauty", "Sérum Vitamina C 10%", "Beleza > Cuidados com a Pele > Séruns", "Cosmetics > Skin Care", "Sérum de vitamina C pra uniformizar o tom e dar viço.", "", 79.90, [("", "30ml")], "unisex", ""),
    ("B04", "beauty", "Gentle Foaming Face Cleanser", "Beauty > Skincare > Cleansers", "Cosmetics > Skin Care", "Gentle foaming cleanser for sensitive skin, fragrance free.", "", 59.90, [("", "150ml")], "unisex", ""),
    ("B05", "beauty", "Base Líquida Matte Longa Duração", "Beleza > Maquiagem > Rosto", "Cosmetics > Makeup > Face Makeup", "Base líquida de cobertura média a alta com acabamento matte.", "cashback10", 79.90, [("bege médio", "30ml"), ("bege claro", "30ml")], "female", ""),
    ("B06", "beauty", "Big Lash Volumizing Mascara", "Beauty > Makeup > Eyes", "Cosmetics > Makeup > Eye Makeup", "Volumizing mascara that doesn't clump or smudge.", "", 69.90, [("black", "")], "female", ""),
    ("B07", "beauty", "Batom Líquido Matte", "Beleza > Maquiagem > Lábios", "Cosmetics > Makeup > Lip Makeup", "Batom líquido matte que não transfere e dura o dia todo.", "", 39.90, [("nude", ""), ("vermelho", "")], "female", ""),
    ("B08", "beauty", "Desert Rose Eyeshadow Palette 18 Shades", "Beauty > Makeup > Eyes", "Cosmetics > Makeup > Eye Makeup", "18 matte and shimmer shades in warm nudes and roses.", "", 119.90, [("", "18 shades")], "female", ""),
    ("B09", "beauty", "Kit Pincéis de Maquiagem 12 Peças", "Beleza > Maquiagem > Acessórios", "Cosmetic Tools > Makeup Tools", "Doze pincéis de cerdas macias pra base, pó, blush e sombra, com estojo.", "", 89.90, [("rosa", "12 peças")], "female", "cerdas sintéticas"),
    ("B10", "beauty", "Velvet Bloom Eau de Parfum for Her", "Beauty > Fragrance > Women", "Cosmetics > Perfume & Cologne", "Floral fruity eau de parfum with peony, pear and musk.", "blackfriday", 299.90, [("", "100ml"), ("", "50ml")], "female", ""),
    ("B11", "beauty", "Perfume Masculino Amadeirado Cedro Noir 100ml", "Beleza > Perfumes > Masculino", "Cosmetics > Perfume & Cologne", "Eau de toilette amadeirado com notas de cedro e vetiver.", "", 229.90, [("", "100ml")], "male", ""),
    ("B12", "beauty", "Shampoo Reconstrução 400ml", "Beleza > Cabelos > Shampoos", "Hair Care > Shampoo & Conditioner", "Shampoo de reconstrução pra cabelo danificado e quebradiço.", "", 39.90, [("", "400ml")], "unisex", ""),
    ("B13", "beauty", "Deep Repair Hair Mask 300g", "Beauty > Hair > Treatments", "Personal Care > Hair Care", "Deep conditioning mask for dry, frizzy hair.", "", 59.90, [("", "300g")], "unisex", ""),
    ("B14", "beauty", "Óleo Capilar de Argan", "Beleza > Cabelos > Tratamentos", "Personal Care > Hair Care", "Óleo de argan que tira o frizz e dá brilho nas pontas.", "", 49.90, [("", "60ml")], "unisex", ""),
    ("B15", "beauty", "Airflow Ionic Hair Dryer 2100W", "Beauty > Hair > Styling Tools", "Hair Care > Hair Styling Tools", "Ionic hair dryer with a diffuser and concentrator nozzle, three heat settings.", "", 259.90, [("black", "220V"), ("black", "110V")], "unisex", ""),
    ("B16", "beauty", "Chapinha Prancha de Cerâmica", "Beleza > Cabelos > Aparelhos", "Hair Care > Hair Styling Tools", "Prancha alisadora com placas de cerâmica e temperatura até 230°C, bivolt.", "", 149.90, [("preto", "bivolt")], "female", ""),
    ("B17", "beauty", "Modelador de Cachos 25mm", "Beleza > Cabelos > Aparelhos", "Hair Care > Hair Styling Tools", "Modelador de cachos de 25 mm pra ondas e cachos definidos, bivolt.", "", 129.90, [("rosa", "bivolt")], "female", ""),
    ("B18", "beauty", "Rotary Electric Shaver for Men", "Beauty > Men > Shaving", "Shaving & Grooming", "Rotary shaver for wet or dry use, rechargeable with a pop-up trimmer.", "", 349.90, [("black", "")], "male", ""),
    ("B19", "beauty", "Aparador de Barba e Pelos", "Beleza > Masculino > Barba", "Shaving & Grooming", "Aparador recarregável com pentes de 1 a 10 mm pra barba e corpo.", "", 159.90, [("preto", "")], "male", ""),
    ("B20", "beauty", "Kit Esmaltes 6 Cores Aquarela", "Beleza > Unhas", "Cosmetics > Nail Care", "Seis esmaltes cremosos de secagem rápida.", "", 49.90, [("sortido", "")], "female", ""),
    ("B21", "beauty", "Shea Butter Body Lotion 400ml", "Beauty > Body", "Cosmetics > Skin Care", "Rich body lotion with shea butter for dry skin.", "", 49.90, [("", "400ml")], "unisex", ""),
    ("B22", "beauty", "Repelente Loção Icaridina 100ml", "Beleza > Cuidados com a Pele > Repelentes", "Personal Care", "Repelente de insetos com icaridina, protege até 10 horas contra mosquitos. Pode usar em crianças a partir de 2 anos.", "semana-aventura", 44.90, [("", "100ml")], "unisex", ""),
    ("B23", "beauty", "Lip Balm SPF 15 Trio", "Beauty > Lips", "Cosmetics > Skin Care", "Three moisturising lip balms with SPF 15: plain, cherry and mint.", "", 39.90, [("", "3 pack")], "unisex", ""),
    ("B24", "beauty", "Desodorante Roll-on sem Álcool", "Beleza > Corpo > Desodorantes", "Personal Care", "Desodorante antitranspirante roll-on 48h sem álcool.", "", 19.90, [("", "50ml")], "unisex", ""),
    ("B25", "beauty", "Micellar Cleansing Water 400ml", "Beauty > Skincare > Cleansers", "Cosmetics > Skin Care", "Micellar water that removes makeup and cleanses in one step.", "", 49.90, [("", "400ml")], "unisex", ""),
    ("B26", "beauty", "Escova Secadora Giratória", "Beleza > Cabelos > Aparelhos", "Hair Care > Hair Styling Tools", "Escova secadora e modeladora giratória, seca e escova ao mesmo tempo, bivolt.", "blackfriday", 219.90, [("preto", "bivolt")], "female", ""),
    ("B27", "beauty", "Jade Gua Sha Facial Tool", "Beauty > Tools", "Cosmetic Tools", "Jade gua sha stone for facial massage and de-puffing.", "", 59.90, [("green", "")], "female", "jade"),
    ("B28", "beauty", "Kit Presente Hidratante e Sabonete Lavanda", "Beleza > Kits Presente", "Personal Care", "Kit presente com hidratante corporal, sabonete líquido e necessaire, aroma de lavanda.", "", 119.90, [("", "kit")], "female", ""),
    # gaming (games)
    ("G01", "gaming", "Console PS5 Slim Edição Digital 1TB", "Games > Consoles", "Video Game Consoles", "PlayStation 5 Slim digital de 1TB com um controle DualSense.", "blackfriday", 3599.00, [("branco", "")], "unisex", ""),
    ("G02", "gaming", "Xbox Series S 512GB Console Bundle", "Games > Consoles", "Video Game Consoles", "Xbox Series S all-digital console with 512GB and a wireless controller.", "", 2699.00, [("white", "")], "unisex", ""),
    ("G03", "gaming", "Console Nintendo Switch OLED", "Games > Consoles", "Video Game Consoles", "Nintendo Switch com tela OLED de 7 polegadas, joga na TV ou no modo portátil.", "", 2299.00, [("branco", ""), ("neon", "")], "unisex", ""),
    ("G04", "gaming", "Pixelbox Retro Handheld Console 10,000 Games", "Games > Handhelds", "Video Game Consoles", "Retro handheld with 10,000 classic games built in and a 3.5\" screen.", "", 299.90, [("black", "")], "unisex", ""),
    ("G05", "gaming", "Controle DualSense PS5 sem Fio", "Games > Controles", "Input Devices > Game Controllers", "Controle sem fio DualSense com gatilhos adaptáveis e resposta tátil.", "", 449.90, [("branco", ""), ("preto", "")], "unisex", ""),
    ("G06", "gaming", "Wireless Pro Controller for Switch", "Games > Controllers", "Input Devices > Game Controllers", "Wireless pro-style controller for Nintendo Switch with motion controls.", "", 399.90, [("black", "")], "unisex", ""),
    ("G07", "gaming", "Jogo de Futebol EA FC 26 PS5 Mídia Física", "Games > Jogos > PlayStation", "Software > Video Game Software", "O futebol da EA com Brasileirão, ligas europeias e Ultimate Team. Mídia física.", "", 299.90, [("", "PS5")], "unisex", ""),
    ("G08", "gaming", "The Legend of Zelda: Tears of the Kingdom (Switch)", "Games > Nintendo", "Software > Video Game Software", "Open-world adventure in Hyrule and the sky islands.", "", 349.90, [("", "Switch")], "unisex", ""),
    ("G09", "gaming", "Jogo Minecraft Edição Bedrock Xbox", "Games > Jogos > Xbox", "Software > Video Game Software", "Construa, explore e sobreviva. O jogo favorito da criançada.", "", 149.90, [("", "Xbox")], "unisex", ""),
    ("G10", "gaming", "Hogwarts Legacy (PS5)", "Games > PlayStation", "Software > Video Game Software", "Open-world action RPG set in the wizarding world of the 1800s.", "", 249.90, [("", "PS5")], "unisex", ""),
    ("G11", "gaming", "Jogo Mario Party Superstars Switch", "Games > Jogos > Nintendo", "Software > Video Game Software", "Festa com minigames pra jogar em até quatro na mesma TV.", "", 299.90, [("", "Switch")], "unisex", ""),
    ("G12", "gaming", "Stormcall 7.1 Surround Gaming Headset", "Games > Peripherals > Headsets", "Audio Components > Headphones & Headsets > Headsets", "Gaming headset with 7.1 surround, a detachable mic and RGB. Works on PC, PS5 and Xbox.", "", 299.90, [("black", "")], "unisex", ""),
    ("G13", "gaming", "Teclado Mecânico Gamer ABNT2 RGB Forja", "Games > Periféricos > Teclados", "Input Devices > Keyboards", "Teclado mecânico com switch azul, RGB e layout ABNT2 com ç.", "", 279.90, [("preto", "ABNT2")], "unisex", ""),
    ("G14", "gaming", "Falconer 16000 DPI Gaming Mouse", "Games > Peripherals > Mice", "Input Devices > Mice & Trackballs", "Gaming mouse with a 16000 DPI optical sensor, seven buttons and RGB.", "", 199.90, [("black", "")], "unisex", ""),
    ("G15", "gaming", "Mousepad Gamer Speed 80x30 Borda Costurada", "Games > Periféricos > Mousepads", "Electronics > Electronics Accessories > Computer Accessories", "Mousepad speed com base de borracha antiderrapante e borda costurada.", "", 59.90, [("preto", "80x30")], "unisex", "tecido, borracha"),
    ("G16", "gaming", "Titan Ergonomic Gaming Chair with Footrest", "Games > Chairs", "Furniture > Chairs", "Reclining gaming chair with lumbar and neck pillows and a pull-out footrest.", "full-sp", 1199.00, [("black/red", ""), ("black/blue", "")], "unisex", "PU leather"),
    ("G17", "gaming", "Mesa Gamer com LED 1,36m", "Games > Mesas", "Furniture", "Mesa gamer com tampo de fibra de carbono, porta-copos e fita de LED.", "", 899.00, [("preto", "1,36m")], "unisex", "MDP, aço"),
    ("G18", "gaming", "Rapidfire 27\" 180Hz Gaming Monitor", "Games > Monitors", "Video > Computer Monitors", "27-inch QHD gaming monitor, 180 Hz and 1 ms for competitive games.", "", 1799.00, [("black", "27\"")], "unisex", ""),
    ("G19", "gaming", "Volante Gamer Turbo GT com Pedais e Câmbio", "Games > Simuladores", "Input Devices > Game Controllers", "Volante com force feedback, pedaleira de três pedais e câmbio, pra PS5 e PC.", "", 1899.00, [("preto", "")], "unisex", ""),
    ("G20", "gaming", "Dual Charging Dock for DualSense", "Games > Accessories", "Video Game Console Accessories > Home Game Console Accessories", "Charging station for two DualSense controllers with LED indicators.", "", 129.90, [("white", "")], "unisex", ""),
    ("G21", "gaming", "Case Rígido Blindado para Nintendo Switch", "Games > Acessórios", "Video Game Console Accessories > Portable Game Console Accessories", "Estojo rígido com espaço pra dez jogos e película de vidro de brinde.", "", 89.90, [("preto", "")], "unisex", "EVA"),
    ("G22", "gaming", "Steam Wallet Gift Card", "Games > Gift Cards", "Gift Giving > Gift Cards & Certificates", "Digital Steam wallet code, delivered by e-mail.", "", 50.00, [("", "R$50"), ("", "R$100")], "unisex", ""),
    ("G23", "gaming", "Microfone Condensador USB Streamer", "Games > Streaming", "Electronics > Audio > Audio Components > Microphones", "Microfone condensador USB com braço articulado e filtro pop pra live e podcast.", "", 329.90, [("preto", "")], "unisex", ""),
    ("G24", "gaming", "Jogo de Tabuleiro Banco Imobiliário Clássico", "Jogos > Tabuleiro", "Toys & Games > Games > Board Games", "O clássico de comprar e vender imóveis, de 2 a 6 jogadores.", "", 149.90, [("", "")], "unisex", ""),
    ("G25", "gaming", "Ticket to Ride Board Game", "Games > Board Games", "Toys & Games > Games > Board Games", "Build train routes across the map; 2 to 5 players, Portuguese edition.", "", 349.90, [("", "")], "unisex", ""),
    ("G26", "gaming", "Jogo de Cartas Exploding Kittens", "Jogos > Cartas", "Toys & Games > Games > Card Games", "Jogo de cartas rápido e engraçado pra jogar com os amigos.", "", 129.90, [("", "")], "unisex", ""),
    ("G27", "gaming", "Pokémon TCG Booster Bundle (6 packs)", "Games > Trading Cards", "Toys & Games > Games > Card Games", "Six Pokémon trading card booster packs, Portuguese edition.", "", 179.90, [("", "6 packs")], "unisex", ""),
    ("G28", "gaming", "Quest 3 VR Headset 128GB", "Games > VR", "Video Game Consoles", "Standalone mixed-reality VR headset with two touch controllers.", "", 3999.00, [("white", "128GB")], "unisex", ""),
    # outdoor (camping e trilha / camping and hiking)
    ("O01", "outdoor", "Barraca Iguaçu 4 Pessoas Impermeável", "Camping > Barracas", "Camping & Hiking > Tents", "Barraca iglu pra 4 pessoas com sobreteto impermeável coluna d'água 2500 mm, avanço e mosquiteiro. Monta em 10 minutos.", "semana-aventura", 599.90, [("verde", "4 pessoas"), ("laranja", "4 pessoas")], "unisex", "poliéster, fibra de vidro"),
    ("O02", "outdoor", "Skyline Ultralight Backpacking Tent 2P", "Camping > Tents", "Camping & Hiking > Tents", "Two-person freestanding tent, 1.6 kg with aluminium poles, for multi-day treks.", "", 1299.00, [("grey", "2P")], "unisex", "ripstop nylon, aluminium"),
    ("O03", "outdoor", "Barraca Instantânea Pop-Up 3 Pessoas", "Camping > Barracas", "Camping & Hiking > Tents", "Barraca que abre sozinha em segundos, pra 3 pessoas. Ideal pra camping de festival e praia.", "", 399.90, [("azul", "3 pessoas")], "unisex", "poliéster"),
    ("O04", "outdoor", "Saco de Dormir Serra Fina -5°C", "Camping > Sacos de Dormir", "Camping & Hiking > Sleeping Bags", "Saco de dormir tipo múmia com conforto até 0°C e limite de -5°C, com capuz e saco de compressão. Pra serra e noites frias.", "blackfriday", 449.90, [("azul", "adulto"), ("vermelho", "adulto")], "unisex", "poliéster"),
    ("O05", "outdoor", "Featherlite Summer Sleeping Bag 15°C", "Camping > Sleeping Bags", "Camping & Hiking > Sleeping Bags", "Light envelope sleeping bag for warm nights, opens into a quilt, packs small.", "", 179.90, [("green", "")], "unisex", "polyester"),
    ("O06", "outdoor", "Isolante Térmico Autoinflável", "Camping > Isolantes e Colchões", "Camping & Hiking > Sleeping Pads", "Colchonete autoinflável de 3 cm que isola do chão frio da barraca, com bolsa de transporte.", "", 289.90, [("verde", "190x60")], "unisex", "espuma, poliéster"),
    ("O07", "outdoor", "Driftnap Inflatable Camping Pillow", "Camping > Sleeping", "Camping & Hiking", "Ultralight inflatable pillow that packs to the size of a fist.", "", 79.90, [("grey", "")], "unisex", "TPU, polyester"),
    ("O08", "outdoor", "Fogareiro Portátil a Gás Chama Azul", "Camping > Cozinha de Camping > Fogareiros", "Portable Cooking Stoves", "Fogareiro compacto com acendedor automático, pra cartucho de gás de rosca. Ferve 1 litro de água em 4 minutos.", "", 189.90, [("prata", "")], "unisex", "aço, alumínio"),
    ("O09", "outdoor", "Basecamp Aluminium Cook Set 6 Pieces", "Camping > Camp Kitchen", "Camping & Hiking", "Two pots, a frying pan, a kettle and two bowls that nest together, with a mesh bag.", "", 229.90, [("", "6 pieces")], "unisex", "anodised aluminium"),
    ("O10", "outdoor", "Cartucho de Gás para Fogareiro 230g", "Camping > Cozinha de Camping > Gás", "Camping & Hiking", "Cartucho de gás butano/propano com rosca, 230 g. Só envio terrestre.", "", 39.90, [("", "230g")], "unisex", ""),
    ("O11", "outdoor", "Ascent 50L Trekking Backpack with Rain Cover", "Hiking > Backpacks", "Luggage & Bags > Backpacks", "50-litre trekking pack with an adjustable back system, hip belt, sleeping bag compartment and a rain cover.", "semana-aventura", 699.00, [("black", "50L"), ("blue", "50L")], "unisex", "ripstop nylon"),
    ("O12", "outdoor", "Mochila de Ataque 25L Pico da Bandeira", "Trilha > Mochilas", "Luggage & Bags > Backpacks", "Mochila leve de 25 litros pra trilha de um dia, com barrigueira, porta-hidratação e capa de chuva.", "", 249.90, [("cinza", "25L")], "unisex", "nylon"),
    ("O13", "outdoor", "Trailrunner 2L Hydration Pack", "Hiking > Hydration", "Hydration Systems", "Slim running vest with a 2-litre bladder and a bite valve, for trail runs and bike rides.", "", 199.90, [("black", "2L")], "unisex", "nylon, TPU"),
    ("O14", "outdoor", "Lanterna de Cabeça LED Recarregável 500 Lúmens", "Camping > Iluminação", "Headlamps", "Lanterna de cabeça com luz branca e vermelha, sensor de movimento e bateria USB-C. Pra trilha noturna e acampamento.", "frete-gratis", 119.90, [("preto", "")], "unisex", ""),
    ("O15", "outdoor", "Firefly Rechargeable LED Camping Lantern", "Camping > Lighting", "Camping & Hiking", "Collapsible LED lantern with warm light, a hanging hook and a USB power-out, 30 hours on low.", "", 139.90, [("green", "")], "unisex", ""),
    ("O16", "outdoor", "Lanterna Tática LED Recarregável", "Camping > Iluminação", "Flashlights", "Lanterna de mão de alumínio com zoom, 5 modos e bateria recarregável. Pra camping, pesca e falta de luz.", "", 99.90, [("preto", "")], "unisex", "alumínio"),
    ("O17", "outdoor", "Quicklock Carbon Trekking Poles (Pair)", "Hiking > Poles", "Camping & Hiking > Hiking Poles", "Pair of carbon trekking poles with quick locks, cork grips and rubber tips, 110-135 cm.", "", 389.90, [("black", "pair")], "unisex", "carbon, cork"),
    ("O18", "outdoor", "Filtro de Água Portátil tipo Canudo", "Trilha > Água", "Camping & Hiking > Portable Water Filters & Purifiers", "Filtro canudo que remove 99,9% das bactérias, pra beber direto do rio ou da cachoeira.", "", 129.90, [("azul", "")], "unisex", ""),
    ("O19", "outdoor", "PureTrail Water Filter Bottle 650ml", "Hiking > Water", "Camping & Hiking > Portable Water Filters & Purifiers", "Squeeze bottle with a built-in filter: fill it at a stream and drink safely.", "", 179.90, [("clear", "650ml")], "unisex", "BPA-free plastic"),
    ("O20", "outdoor", "Cadeira de Camping Dobrável com Porta-Copos", "Camping > Móveis de Camping", "Camping & Hiking > Camp Furniture", "Cadeira dobrável com porta-copos e bolsa de transporte, aguenta 120 kg. Pra camping, pesca e praia.", "", 119.90, [("verde", ""), ("azul", "")], "unisex", "aço, poliéster"),
    ("O21", "outdoor", "Aluminium Folding Camp Table", "Camping > Camp Furniture", "Camping & Hiking > Camp Furniture", "Roll-up aluminium table for four that folds into a carry bag.", "", 259.90, [("silver", "")], "unisex", "aluminium"),
    ("O22", "outdoor", "Caixa Térmica 34 Litros com Alça", "Camping > Caixas Térmicas", "Kitchen & Dining > Food & Beverage Carriers", "Caixa térmica de 34 litros, cabe 48 latinhas, mantém o gelo por até 2 dias. Pra praia, pesca e churrasco.", "liquida-verao", 199.90, [("azul", "34L"), ("vermelho", "34L")], "unisex", "polipropileno"),
    ("O23", "outdoor", "Glacier 20L Soft Cooler Backpack", "Camping > Coolers", "Kitchen & Dining > Food & Beverage Carriers", "Leakproof insulated backpack cooler, 20 litres, keeps ice for 24 hours.", "", 229.90, [("grey", "20L")], "unisex", "polyester, PEVA"),
    ("O24", "outdoor", "Rede de Camping com Mosquiteiro", "Camping > Redes", "Camping & Hiking", "Rede de nylon paraquedas com mosquiteiro e fitas de árvore, leve pra trilha e acampamento.", "", 169.90, [("verde", "")], "unisex", "nylon"),
    ("O25", "outdoor", "Vertex Adjustable Climbing Harness", "Climbing > Harnesses", "Climbing", "All-round climbing harness with adjustable leg loops and four gear loops.", "", 399.90, [("orange", "M/L"), ("orange", "S/M")], "unisex", "nylon"),
    ("O26", "outdoor", "Dynamic Climbing Rope 10mm 60m", "Climbing > Ropes", "Climbing", "UIAA-rated dynamic single rope for gym and crag climbing.", "", 899.00, [("blue", "60m")], "unisex", "nylon"),
    ("O27", "outdoor", "Capacete de Escalada Leve", "Escalada > Capacetes", "Climbing", "Capacete de escalada e rapel com regulagem e suporte pra lanterna de cabeça.", "", 279.90, [("branco", "")], "unisex", "EPS, policarbonato"),
    ("O28", "outdoor", "Bota de Trilha Impermeável Mantiqueira", "Trilha > Calçados", "Apparel & Accessories > Shoes", "Bota de trekking cano médio com membrana impermeável e solado de borracha com cravos. Pra trilha, lama e serra.", "blackfriday", 549.90, [("marrom", "39"), ("marrom", "42"), ("cinza", "37")], "unisex", "camurça, nylon"),
    ("O29", "outdoor", "Ridgeback Trail Running Shoes", "Hiking > Footwear", "Apparel & Accessories > Shoes", "Trail running shoes with deep lugs and a rock plate for dirt, mud and rocky trails.", "", 599.00, [("black/orange", "41"), ("teal", "38")], "unisex", "mesh, rubber"),
    ("O30", "outdoor", "Jaqueta Corta-Vento Impermeável com Capuz", "Trilha > Vestuário", "Outerwear > Coats & Jackets", "Jaqueta impermeável e corta-vento com costuras seladas e capuz, dobra dentro do bolso. Pra chuva na trilha.", "", 329.90, [("vermelho", "M"), ("preto", "G")], "unisex", "poliéster"),
    ("O31", "outdoor", "Packable Rain Poncho", "Hiking > Rainwear", "Outerwear > Coats & Jackets", "Rain poncho that covers you and your backpack, with a hood, packs into a pouch.", "", 89.90, [("yellow", "U")], "unisex", "PVC"),
    ("O32", "outdoor", "Jaqueta Fleece Térmica", "Trilha > Vestuário", "Outerwear > Coats & Jackets", "Fleece leve e quentinho com zíper inteiro, pra usar por baixo da corta-vento no frio da montanha.", "", 199.90, [("azul", "M"), ("cinza", "G")], "unisex", "fleece"),
    ("O33", "outdoor", "Merino Blend Thermal Base Layer Set", "Hiking > Clothing", "Clothing > Underwear & Socks", "Long-sleeve top and long johns in a merino blend; warm, breathable and odour resistant.", "", 349.90, [("black", "M"), ("black", "L")], "unisex", "merino wool, polyester"),
    ("O34", "outdoor", "Canivete Multiuso 11 Funções", "Camping > Ferramentas", "Camping & Hiking", "Canivete com lâmina, serrinha, abridor de latas, saca-rolhas e tesoura.", "", 89.90, [("vermelho", "")], "unisex", "aço inox"),
    ("O35", "outdoor", "Baseplate Compass with Sighting Mirror", "Hiking > Navigation", "Camping & Hiking > Navigational Compasses", "Baseplate compass with a sighting mirror, declination adjustment and a lanyard.", "", 119.90, [("clear", "")], "unisex", ""),
    ("O36", "outdoor", "Kit 4 Mosquetões de Alumínio com Trava", "Escalada > Mosquetões", "Climbing", "Quatro mosquetões de alumínio com trava de rosca, 24 kN.", "", 159.90, [("sortido", "4 un")], "unisex", "alumínio"),
    ("O37", "outdoor", "Roll-Top Waterproof Dry Bag", "Camping > Dry Bags", "Camping & Hiking", "Roll-top dry bag that keeps clothes and phone dry on boats, kayaks and rainy treks.", "", 79.90, [("yellow", "20L"), ("blue", "10L")], "unisex", "PVC tarpaulin"),
    ("O38", "outdoor", "Chapéu de Trilha Aba Larga UV50+", "Trilha > Acessórios", "Clothing Accessories > Hats", "Chapéu de aba larga com proteção UV50+, cordão e ventilação. Pra trilha e pesca no sol.", "", 89.90, [("bege", "U")], "unisex", "nylon"),
    ("O39", "outdoor", "Kit Primeiros Socorros para Trilha", "Trilha > Segurança", "Camping & Hiking", "Estojo compacto com curativos, gaze, esparadrapo, tesoura, manta térmica e apito.", "", 99.90, [("vermelho", "")], "unisex", ""),
]


class Catalog14(Style):
    avail = AVAIL
    currency = "BRL"
    sale_factor = 0.85
    sale_every = 7

    def google(self, ids, ending, i):
        """Google's numeric id on half the models, the English path on a
        quarter, empty on the rest."""
        return google_by_cycle(ids, ending, i, ["id", "", "path", "id"])

    def variant(self, title, v):
        return dashed_variant(title, v)

    def stock(self, n):
        return 2 + (n * 5) % 37

    def link(self, pid):
        return f"https://www.marketplace-exemplo.com.br/produto/{pid.lower()}"

    def image(self, pid):
        return f"https://img.marketplace-exemplo.com.br/{pid.lower()}/1.jpg"


if __name__ == "__main__":
    write("catalog14.csv", rows(CATALOG14, "C14", Catalog14()))
