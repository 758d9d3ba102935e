#!/usr/bin/env python3
"""Writes catalog11.csv (Meta feed format, like catalog/products.csv) next to
this file: the eleventh evaluation catalog of issue 15, held out from tuning.

231 rows (213 models) of six brands: the five demo brands and a sixth,
`stationery` (papelaria: cadernos and blocos, planners and agendas, canetas,
lápis, marca-textos and lettering, material escolar (estojos, borrachas,
apontadores, réguas, tesouras sem ponta, colas, mochilas escolares and
lancheiras), material de arte (aquarela, tinta acrílica, telas, pincéis,
sketchbooks, lápis de cor), organização de mesa and escritório (porta-lápis,
organizadores, pastas, fichários, post-its, grampeadores, calculadoras,
quadros de cortiça e brancos) and presentes de papelaria (washi tapes,
adesivos, papel de presente); its seller's manifest section is
seller-stationery.routing.toml). Bags for grown-ups stay fashion's, desk
chairs and desks home's, toys and games gaming's; school backpacks,
lunch boxes and art supplies are stationery's.

Written in issue 15's eighth session before the router or the search ran on
it, and without looking at the router's or the search's word lists. The
feed is a Brazilian shop's own export and, unlike every earlier catalog,
written entirely in Brazilian Portuguese:

- titles, descriptions and colours in Portuguese; the variant after the
  title with " - " ("Vestido Midi Floral Alça Fina - Azul - M");
- prices in BRL, sales at 15 % off on every seventh row;
- clothing sizes P/M/G/GG, shoe sizes 34-44;
- `product_type` a Portuguese path with " > " ("Moda Feminina > Vestidos");
- `google_product_category` Google's numeric id on every other model
  (resolved from lang/data/google-taxonomy-with-ids.en-US.txt by feedgen
  from an English path ending), empty on the rest;
- `custom_label_0` a campaign or shelf code (bf26, queima-dez, lanc-2612,
  cd-sp, vitrine3) or empty, never a product word;
- availability cycles in stock / out of stock / preorder.

    python3 catalog/eval/catalog11.py
"""

from feedgen import Style, rows, write, dashed_variant, google_by_cycle

AVAIL = ["in stock", "in stock", "in stock", "out of stock", "in stock",
         "in stock", "preorder", "in stock"]

# (model key, brand, title, product type path, google category path ending,
#  description, campaign label, price (BRL), variants, gender, material);
#  a variant is (colour, size).
CATALOG11 = [
    # fashion (moda)
    ("F01", "fashion", "Vestido Midi Floral Alça Fina", "Moda Feminina > Vestidos", "Clothing > Dresses", "Vestido midi com estampa floral, alças finas reguláveis e saia fluida. Perfeito para o verão e para casamento de dia.", "lanc-2612", 189.9, [("azul", "P"), ("azul", "M"), ("rosa", "G")], "female", "viscose"),
    ("F02", "fashion", "Vestido Longo de Festa com Fenda", "Moda Feminina > Vestidos", "Clothing > Dresses", "Vestido longo de festa em cetim com fenda lateral e decote nas costas. Para formatura, madrinha e réveillon.", "", 349.9, [("verde esmeralda", "M")], "female", "cetim"),
    ("F03", "fashion", "Calça Jeans Mom Cintura Alta", "Moda Feminina > Calças", "Clothing > Pants", "Calça jeans mom de cintura alta, lavagem clara e barra dobrada.", "bf26", 159.9, [("azul claro", "38")], "female", "algodão"),
    ("F04", "fashion", "Camiseta Básica Algodão Gola Careca", "Moda Masculina > Camisetas", "Clothing > Shirts & Tops", "Camiseta básica 100% algodão penteado, gola careca, caimento reto. Pra usar todo dia.", "", 49.9, [("branco", "M"), ("preto", "G")], "male", "algodão"),
    ("F05", "fashion", "Camisa Polo Piquet Masculina", "Moda Masculina > Polos", "Clothing > Shirts & Tops", "Polo em malha piquet com botões e punhos canelados.", "", 99.9, [("azul marinho", "M")], "male", "algodão piquet"),
    ("F06", "fashion", "Bermuda de Sarja Masculina", "Moda Masculina > Bermudas", "Clothing > Shorts", "Bermuda de sarja com bolsos faca e cós com passante para cinto.", "", 89.9, [("bege", "40")], "male", "sarja de algodão"),
    ("F07", "fashion", "Tênis Casual Couro Branco", "Calçados > Tênis", "Apparel & Accessories > Shoes", "Tênis casual de couro liso branco, solado de borracha. Combina com tudo.", "bf26", 229.9, [("branco", "37"), ("branco", "41")], "unisex", "couro"),
    ("F08", "fashion", "Tênis de Corrida Amortecimento Leve", "Calçados > Tênis Esportivos", "Apparel & Accessories > Shoes", "Tênis de corrida com cabedal em tecido respirável e entressola com amortecimento.", "", 299.9, [("preto", "39")], "unisex", "mesh, EVA"),
    ("F09", "fashion", "Chinelo de Dedo Tiras Finas", "Calçados > Chinelos", "Apparel & Accessories > Shoes", "Chinelo de dedo de borracha macia com tiras finas. Pra praia e piscina.", "", 39.9, [("preto", "35/36"), ("rosa", "37/38")], "unisex", "borracha"),
    ("F10", "fashion", "Sandália Rasteira com Tiras Trançadas", "Calçados > Sandálias", "Apparel & Accessories > Shoes", "Rasteirinha com tiras trançadas e fivela no tornozelo.", "", 79.9, [("caramelo", "36")], "female", "couro sintético"),
    ("F11", "fashion", "Sandália Salto Bloco Médio", "Calçados > Sandálias", "Apparel & Accessories > Shoes", "Sandália de salto bloco de 7 cm, confortável para o trabalho ou uma festa.", "vitrine3", 169.9, [("nude", "35")], "female", "couro sintético"),
    ("F12", "fashion", "Bota Coturno Cano Curto", "Calçados > Botas", "Apparel & Accessories > Shoes", "Coturno de cano curto com cadarço e solado tratorado.", "", 259.9, [("preto", "36")], "female", "couro sintético"),
    ("F13", "fashion", "Sapato Social Masculino Derby", "Calçados > Sapatos", "Apparel & Accessories > Shoes", "Sapato social derby em couro legítimo, para o escritório e casamentos.", "", 279.9, [("preto", "41")], "male", "couro"),
    ("F14", "fashion", "Jaqueta Jeans Oversized", "Moda Feminina > Jaquetas", "Outerwear > Coats & Jackets", "Jaqueta jeans oversized com botões de metal e bolsos frontais.", "", 219.9, [("azul médio", "M")], "female", "jeans"),
    ("F15", "fashion", "Jaqueta Corta-Vento com Capuz", "Moda Masculina > Jaquetas", "Outerwear > Coats & Jackets", "Corta-vento leve com capuz embutido na gola, repele água. Cabe na mochila.", "queima-dez", 179.9, [("preto", "G")], "male", "poliamida"),
    ("F16", "fashion", "Moletom Canguru com Capuz", "Unissex > Moletons", "Clothing > Activewear", "Moletom flanelado por dentro com capuz e bolso canguru.", "", 149.9, [("cinza", "M")], "unisex", "algodão, poliéster"),
    ("F17", "fashion", "Biquíni Cortininha Estampado", "Moda Praia > Biquínis", "Clothing > Swimwear", "Biquíni cortininha com calcinha de lacinho e estampa tropical. Proteção UV 50.", "lanc-2612", 119.9, [("estampa tropical", "P")], "female", "poliamida, elastano"),
    ("F18", "fashion", "Maiô Decote nas Costas", "Moda Praia > Maiôs", "Clothing > Swimwear", "Maiô com bojo removível e decote profundo nas costas.", "", 159.9, [("preto", "M")], "female", "poliamida, elastano"),
    ("F19", "fashion", "Sunga Boxer Masculina", "Moda Praia > Masculino", "Clothing > Swimwear", "Sunga boxer com forro e cordão na cintura.", "", 69.9, [("azul royal", "M")], "male", "poliamida, elastano"),
    ("F20", "fashion", "Saia Plissada Midi", "Moda Feminina > Saias", "Clothing > Skirts", "Saia midi plissada com cós de elástico, fica linda com tênis ou sandália.", "", 129.9, [("off-white", "P")], "female", "poliéster"),
    ("F21", "fashion", "Blusa Cropped Canelada Manga Longa", "Moda Feminina > Blusas", "Clothing > Shirts & Tops", "Cropped de malha canelada com manga longa e gola alta.", "", 59.9, [("off-white", "P")], "female", "viscose, elastano"),
    ("F22", "fashion", "Conjunto de Pijama Curto Feminino", "Moda Íntima > Pijamas", "Clothing > Sleepwear & Loungewear", "Baby-doll de short e blusinha em malha fresquinha de algodão.", "", 79.9, [("rosa", "M")], "female", "algodão"),
    ("F23", "fashion", "Kit 3 Cuecas Boxer Algodão", "Moda Íntima > Cuecas", "Clothing > Underwear & Socks", "Três cuecas boxer de algodão com elástico macio.", "", 69.9, [("sortido", "M")], "male", "algodão, elastano"),
    ("F24", "fashion", "Kit 5 Pares de Meias Cano Médio", "Moda Íntima > Meias", "Clothing > Underwear & Socks", "Cinco pares de meias esportivas cano médio com reforço no calcanhar.", "", 49.9, [("branco", "39-43")], "unisex", "algodão"),
    ("F25", "fashion", "Legging Fitness Cintura Alta", "Moda Fitness > Leggings", "Clothing > Activewear", "Legging de academia que não fica transparente, cintura alta com bolso lateral para celular.", "bf26", 99.9, [("preto", "P")], "female", "poliamida, elastano"),
    ("F26", "fashion", "Top Fitness Nadador", "Moda Fitness > Tops", "Clothing > Activewear", "Top esportivo nadador com bojo removível, sustentação média.", "", 59.9, [("preto", "M")], "female", "poliamida, elastano"),
    ("F27", "fashion", "Bolsa Transversal Pequena Couro", "Acessórios > Bolsas", "Handbags, Wallets & Cases > Handbags", "Bolsa transversal pequena de couro com alça regulável e bolso interno com zíper.", "", 199.9, [("preto", "U")], "female", "couro"),
    ("F28", "fashion", "Bolsa Tote Grande de Lona", "Acessórios > Bolsas", "Handbags, Wallets & Cases > Handbags", "Bolsa sacola grande de lona com alças de couro, cabe notebook.", "", 139.9, [("cru", "U")], "female", "lona"),
    ("F29", "fashion", "Carteira Masculina de Couro", "Acessórios > Carteiras", "Handbags, Wallets & Cases", "Carteira de couro com porta-cédulas e seis compartimentos para cartões.", "", 89.9, [("marrom", "U")], "male", "couro"),
    ("F30", "fashion", "Cinto de Couro Fivela Prateada", "Acessórios > Cintos", "Clothing Accessories > Belts", "Cinto de couro legítimo com fivela de metal prateada.", "", 79.9, [("preto", "100")], "male", "couro"),
    ("F31", "fashion", "Boné Aba Curva", "Acessórios > Bonés", "Clothing Accessories > Hats", "Boné de sarja com aba curva e regulagem de fivela.", "", 59.9, [("preto", "U")], "unisex", "sarja"),
    ("F32", "fashion", "Óculos de Sol Quadrado Proteção UV400", "Acessórios > Óculos", "Clothing Accessories > Sunglasses", "Óculos de sol com armação quadrada de acetato e lentes UV400.", "vitrine3", 149.9, [("tartaruga", "U")], "unisex", "acetato"),
    ("F33", "fashion", "Brinco Argola Banhado a Ouro", "Acessórios > Bijuterias", "Jewelry > Earrings", "Argola média banhada a ouro 18k, antialérgica.", "", 69.9, [("dourado", "3cm")], "female", "metal banhado"),
    ("F34", "fashion", "Vestido Infantil de Festa Junina", "Moda Infantil > Vestidos", "Clothing > Dresses", "Vestido caipira xadrez com babados para festa junina, de 2 a 10 anos.", "", 89.9, [("xadrez vermelho", "4 anos")], "female", "algodão"),
    ("F35", "fashion", "Camisa Social Slim Manga Longa", "Moda Masculina > Camisas", "Clothing > Shirts & Tops", "Camisa social slim de tricoline que amassa pouco, pra trabalho e casamento.", "", 139.9, [("branco", "M")], "male", "algodão"),
    # tech (eletrônicos)
    ("T01", "tech", "Smartphone Galaxy A56 5G 128GB", "Eletrônicos > Celulares", "Electronics > Communications > Telephony > Mobile Phones", "Celular 5G com tela de 6,7 polegadas, câmera tripla de 50 MP e bateria de 5000 mAh. Desbloqueado.", "bf26", 2199.0, [("preto", "128GB"), ("azul", "256GB")], "unisex", ""),
    ("T02", "tech", "Smartphone Moto G35 Tela 6,7\"", "Eletrônicos > Celulares", "Electronics > Communications > Telephony > Mobile Phones", "Celular barato e bom, 4GB de RAM e 128GB, bateria que dura o dia todo. Bom primeiro celular.", "", 999.0, [("verde", "128GB")], "unisex", ""),
    ("T03", "tech", "iPhone 15 128GB Recondicionado", "Eletrônicos > Celulares", "Electronics > Communications > Telephony > Mobile Phones", "iPhone 15 recondicionado grau A, bateria acima de 85%, com garantia de 12 meses.", "", 3899.0, [("preto", "128GB")], "unisex", ""),
    ("T04", "tech", "Smart TV 50\" 4K UHD com Wi-Fi", "Eletrônicos > TVs", "Electronics > Video > Televisions", "Smart TV 4K de 50 polegadas com Netflix, YouTube e Globoplay, HDR10 e controle por voz.", "", 2499.0, [("preto", "50\"")], "unisex", ""),
    ("T05", "tech", "Smart TV 32\" HD", "Eletrônicos > TVs", "Electronics > Video > Televisions", "TV pequena de 32 polegadas com sistema smart, ideal para quarto e cozinha.", "queima-dez", 1099.0, [("preto", "32\"")], "unisex", ""),
    ("T06", "tech", "Notebook Ultrafino Core i5 16GB SSD 512GB", "Informática > Notebooks", "Electronics > Computers > Laptops", "Notebook leve de 14 polegadas com Intel Core i5, 16GB de RAM e SSD de 512GB. Ótimo para faculdade e trabalho.", "", 3999.0, [("cinza", "14\"")], "unisex", ""),
    ("T07", "tech", "Notebook Básico Celeron 4GB", "Informática > Notebooks", "Electronics > Computers > Laptops", "Notebook de entrada com tela de 15,6 polegadas para estudar, navegar e videochamadas.", "", 1799.0, [("preto", "15,6\"")], "unisex", ""),
    ("T08", "tech", "Tablet 10\" 64GB com Capa", "Eletrônicos > Tablets", "Electronics > Computers > Tablet Computers", "Tablet de 10 polegadas com Wi-Fi, 64GB e capa com suporte. Bom para as crianças e para ler.", "", 1199.0, [("cinza", "64GB")], "unisex", ""),
    ("T09", "tech", "Fone de Ouvido Bluetooth com Cancelamento de Ruído", "Eletrônicos > Áudio > Fones", "Audio Components > Headphones & Headsets > Headphones", "Fone over-ear sem fio com cancelamento ativo de ruído e 40 horas de bateria. Ideal para ônibus, avião e home office.", "bf26", 699.0, [("preto", ""), ("bege", "")], "unisex", ""),
    ("T10", "tech", "Fone Sem Fio Intra-auricular TWS", "Eletrônicos > Áudio > Fones", "Audio Components > Headphones & Headsets > Headphones", "Fone de ouvido sem fio com estojo carregador, resistente a suor e com microfone para ligações.", "", 199.0, [("branco", "")], "unisex", ""),
    ("T11", "tech", "Caixa de Som Bluetooth à Prova d'Água", "Eletrônicos > Áudio > Caixas de Som", "Electronics > Audio", "Caixinha de som portátil resistente à água (IPX7) com 12 horas de bateria. Leva pra praia e piscina.", "", 349.0, [("azul", "")], "unisex", ""),
    ("T12", "tech", "Soundbar 2.1 com Subwoofer", "Eletrônicos > Áudio > Soundbars", "Electronics > Audio", "Barra de som com subwoofer sem fio, HDMI ARC e Bluetooth. Diálogos mais claros na TV.", "", 999.0, [("preto", "")], "unisex", ""),
    ("T13", "tech", "Smartwatch com GPS e Monitor Cardíaco", "Eletrônicos > Relógios Inteligentes", "Electronics > Electronics Accessories", "Relógio inteligente com GPS, frequência cardíaca, oxigenação e notificações do celular. À prova d'água.", "lanc-2612", 899.0, [("preto", "44mm")], "unisex", ""),
    ("T14", "tech", "Pulseira Inteligente Fitness", "Eletrônicos > Relógios Inteligentes", "Electronics > Electronics Accessories", "Pulseira que conta passos, monitora o sono e os batimentos.", "", 249.0, [("preto", "")], "unisex", ""),
    ("T15", "tech", "Carregador Turbo USB-C 25W", "Eletrônicos > Acessórios de Celular", "Electronics > Electronics Accessories", "Carregador de parede com carregamento rápido de 25W e cabo USB-C de 1 m.", "", 89.0, [("branco", "")], "unisex", ""),
    ("T16", "tech", "Carregador Portátil Power Bank 20000mAh", "Eletrônicos > Acessórios de Celular", "Electronics > Electronics Accessories", "Bateria externa de 20000 mAh com duas saídas USB e uma USB-C, carrega o celular até 4 vezes.", "", 179.0, [("preto", "")], "unisex", ""),
    ("T17", "tech", "Capinha Anti-Impacto para Celular", "Eletrônicos > Acessórios de Celular", "Electronics > Electronics Accessories", "Capa transparente com bordas reforçadas contra quedas, para Galaxy A56 e Moto G35.", "", 39.9, [("transparente", "Galaxy A56"), ("transparente", "Moto G35")], "unisex", "TPU"),
    ("T18", "tech", "Película de Vidro 3D", "Eletrônicos > Acessórios de Celular", "Electronics > Electronics Accessories", "Película de vidro temperado que cobre a tela toda.", "", 29.9, [("", "iPhone 15")], "unisex", "vidro temperado"),
    ("T19", "tech", "Roteador Wi-Fi 6 Dual Band", "Informática > Redes", "Electronics > Networking", "Roteador Wi-Fi 6 com quatro antenas para o sinal chegar em todos os cômodos.", "", 449.0, [("preto", "")], "unisex", ""),
    ("T20", "tech", "Repetidor de Sinal Wi-Fi", "Informática > Redes", "Electronics > Networking", "Repetidor de sinal de internet de tomada, amplia o Wi-Fi até o quarto do fundo.", "", 129.0, [("branco", "")], "unisex", ""),
    ("T21", "tech", "Impressora Multifuncional Tanque de Tinta", "Informática > Impressoras", "Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines", "Imprime, copia e digitaliza com tanque de tinta recarregável e Wi-Fi. Imprime milhares de páginas.", "", 1299.0, [("preto", "")], "unisex", ""),
    ("T22", "tech", "Monitor 24\" Full HD IPS", "Informática > Monitores", "Electronics > Video > Computer Monitors", "Monitor de 24 polegadas Full HD com painel IPS e bordas finas, entrada HDMI.", "", 799.0, [("preto", "24\"")], "unisex", ""),
    ("T23", "tech", "Teclado e Mouse Sem Fio", "Informática > Periféricos", "Input Devices > Keyboards", "Kit teclado ABNT2 com ç e mouse sem fio, silenciosos, com receptor USB.", "", 149.0, [("preto", "ABNT2")], "unisex", ""),
    ("T24", "tech", "Webcam Full HD com Microfone", "Informática > Periféricos", "Electronics > Electronics Accessories", "Webcam 1080p com microfone embutido para reuniões e aulas online.", "", 229.0, [("preto", "")], "unisex", ""),
    ("T25", "tech", "SSD Externo Portátil 1TB", "Informática > Armazenamento", "Electronics > Electronics Accessories", "HD externo SSD de 1TB, USB-C, pequeno e rápido para backup de fotos.", "", 599.0, [("cinza", "1TB")], "unisex", ""),
    ("T26", "tech", "Pen Drive 64GB", "Informática > Armazenamento", "Electronics > Electronics Accessories", "Pendrive USB 3.0 de 64GB com tampa retrátil.", "", 49.9, [("preto", "64GB")], "unisex", ""),
    ("T27", "tech", "Câmera de Segurança Wi-Fi 360°", "Eletrônicos > Casa Inteligente", "Cameras & Optics > Cameras", "Câmera de segurança interna com giro 360°, visão noturna e alerta de movimento no app. Serve de babá eletrônica.", "", 219.0, [("branco", "")], "unisex", ""),
    ("T28", "tech", "Lâmpada Inteligente Wi-Fi RGB", "Eletrônicos > Casa Inteligente", "Home & Garden > Lighting", "Lâmpada LED colorida que liga pelo celular ou pela Alexa, 16 milhões de cores.", "", 69.9, [("", "E27")], "unisex", ""),
    ("T29", "tech", "Echo Dot 5ª Geração com Alexa", "Eletrônicos > Casa Inteligente", "Electronics > Audio", "Caixa de som inteligente com Alexa: música, lembretes e controle da casa pela voz.", "bf26", 399.0, [("preto", "")], "unisex", ""),
    ("T30", "tech", "Kindle 11ª Geração", "Eletrônicos > Leitores Digitais", "Electronics > Computers > Tablet Computers", "Leitor de livros digitais com tela antirreflexo e luz embutida, bateria de semanas.", "", 549.0, [("preto", "16GB")], "unisex", ""),
    ("T31", "tech", "Câmera Instantânea Mini", "Eletrônicos > Câmeras", "Cameras & Optics > Cameras", "Câmera que imprime a foto na hora, com modo selfie. Presente de aniversário que todo mundo ama.", "", 499.0, [("lilás", "")], "unisex", ""),
    ("T32", "tech", "Ring Light 26cm com Tripé", "Eletrônicos > Acessórios de Foto", "Cameras & Optics", "Iluminador ring light com tripé de 2 m e suporte de celular para gravar vídeos e lives.", "", 119.0, [("preto", "26cm")], "unisex", ""),
    ("T33", "tech", "Cabo HDMI 2.1 de 2 Metros", "Informática > Cabos", "Electronics > Electronics Accessories", "Cabo HDMI 2.1 8K de 2 m para TV, notebook e videogame.", "", 59.9, [("preto", "2m")], "unisex", ""),
    ("T34", "tech", "Suporte de TV Articulado", "Eletrônicos > TVs", "Electronics > Electronics Accessories", "Suporte de parede articulado para TVs de 32 a 65 polegadas.", "", 159.0, [("preto", "32-65\"")], "unisex", "aço"),
    ("T35", "tech", "Fone com Fio P2 e Microfone", "Eletrônicos > Áudio > Fones", "Audio Components > Headphones & Headsets > Headphones", "Fone de ouvido com fio, conector P2 e microfone no cabo.", "", 39.9, [("preto", "")], "unisex", ""),
    # home (casa)
    ("H01", "home", "Panela de Pressão Elétrica 6L", "Casa > Eletroportáteis", "Kitchen Appliances", "Panela de pressão elétrica digital de 6 litros com 14 funções: feijão, arroz, carnes e sobremesas.", "bf26", 499.0, [("preto", "6L")], "unisex", "inox"),
    ("H02", "home", "Fritadeira Air Fryer 4,5L", "Casa > Eletroportáteis", "Kitchen Appliances", "Fritadeira elétrica sem óleo de 4,5 litros com timer e cesto antiaderente.", "", 399.0, [("preto", "127V"), ("preto", "220V")], "unisex", ""),
    ("H03", "home", "Liquidificador 1200W 12 Velocidades", "Casa > Eletroportáteis", "Kitchen Appliances", "Liquidificador potente com copo de 3 litros e função pulsar, tritura gelo.", "", 229.0, [("vermelho", "127V")], "unisex", ""),
    ("H04", "home", "Cafeteira Elétrica 30 Xícaras", "Casa > Eletroportáteis", "Kitchen Appliances", "Cafeteira de filtro com jarra de vidro e placa que mantém o café quente.", "", 149.0, [("preto", "127V")], "unisex", ""),
    ("H05", "home", "Máquina de Café Expresso em Cápsulas", "Casa > Eletroportáteis", "Kitchen Appliances", "Cafeteira de cápsulas com 15 bar de pressão, prepara expresso e lungo.", "", 449.0, [("vermelho", "127V")], "unisex", ""),
    ("H06", "home", "Jogo de Panelas Antiaderente 5 Peças", "Casa > Cozinha > Panelas", "Kitchen & Dining > Cookware & Bakeware", "Jogo de panelas com revestimento antiaderente cerâmico e tampas de vidro. Serve em fogão de indução.", "queima-dez", 389.0, [("grafite", "5 peças")], "unisex", "alumínio"),
    ("H07", "home", "Frigideira Antiaderente 28cm", "Casa > Cozinha > Panelas", "Kitchen & Dining > Cookware & Bakeware", "Frigideira funda de 28 cm com cabo de baquelite que não esquenta.", "", 99.0, [("preto", "28cm")], "unisex", "alumínio"),
    ("H08", "home", "Panela de Pressão Inox 4,5L", "Casa > Cozinha > Panelas", "Kitchen & Dining > Cookware & Bakeware", "Panela de pressão de fogão em aço inox com sistema de segurança.", "", 249.0, [("inox", "4,5L")], "unisex", "inox"),
    ("H09", "home", "Conjunto de Potes Herméticos de Vidro", "Casa > Cozinha > Organização", "Kitchen & Dining", "Dez potes de vidro com tampa hermética, vão ao micro-ondas e ao freezer.", "", 129.0, [("", "10 peças")], "unisex", "vidro borossilicato"),
    ("H10", "home", "Faqueiro Inox 24 Peças", "Casa > Mesa Posta", "Kitchen & Dining", "Faqueiro de aço inox com garfos, facas, colheres e colheres de sobremesa para 6 pessoas.", "", 119.0, [("inox", "24 peças")], "unisex", "inox"),
    ("H11", "home", "Aparelho de Jantar 20 Peças Porcelana", "Casa > Mesa Posta", "Kitchen & Dining", "Aparelho de jantar com pratos rasos, fundos, de sobremesa e xícaras para 4 pessoas.", "", 299.0, [("branco", "20 peças")], "unisex", "porcelana"),
    ("H12", "home", "Jogo de Lençol Queen 400 Fios", "Casa > Cama > Lençóis", "Linens & Bedding > Bedding", "Jogo de lençol de percal 400 fios com lençol de elástico, lençol de cima e duas fronhas.", "", 259.0, [("branco", "Queen"), ("cinza", "Casal")], "unisex", "algodão percal"),
    ("H13", "home", "Edredom Dupla Face Casal", "Casa > Cama > Edredons", "Linens & Bedding > Bedding", "Edredom macio dupla face para o inverno, enchimento de fibra siliconada.", "", 219.0, [("azul/cinza", "Casal")], "unisex", "microfibra"),
    ("H14", "home", "Travesseiro Viscoelástico Nasa", "Casa > Cama > Travesseiros", "Linens & Bedding > Bedding", "Travesseiro de espuma viscoelástica que se molda ao pescoço, alivia dor cervical.", "", 149.0, [("branco", "50x70")], "unisex", "viscoelástico"),
    ("H15", "home", "Colchão de Molas Ensacadas Casal", "Casa > Quarto > Colchões", "Beds & Accessories > Mattresses", "Colchão casal com molas ensacadas e pillow top, 28 cm de altura.", "", 1899.0, [("branco", "Casal 138x188")], "unisex", ""),
    ("H16", "home", "Jogo de Toalhas de Banho 4 Peças", "Casa > Banho > Toalhas", "Linens & Bedding", "Duas toalhas de banho e duas de rosto em algodão fio penteado, bem felpudas.", "", 139.0, [("branco", "")], "unisex", "algodão"),
    ("H17", "home", "Cortina Blackout 2,80m", "Casa > Decoração > Cortinas", "Home & Garden > Decor", "Cortina blackout que bloqueia a luz, com ilhoses, para quarto.", "", 189.0, [("cinza", "2,80x2,30m")], "unisex", "poliéster"),
    ("H18", "home", "Tapete Sala Felpudo 2x1,5m", "Casa > Decoração > Tapetes", "Home & Garden > Decor", "Tapete felpudo shaggy antiderrapante para sala e quarto.", "", 249.0, [("off-white", "2x1,5m")], "unisex", "poliéster"),
    ("H19", "home", "Luminária de Mesa Articulada LED", "Casa > Iluminação", "Home & Garden > Lighting", "Luminária de mesa com braço articulado e três temperaturas de luz, ideal para home office.", "", 129.0, [("preto", "")], "unisex", "metal"),
    ("H20", "home", "Ventilador de Coluna 40cm", "Casa > Climatização", "Household Appliances", "Ventilador de coluna silencioso com 6 pás e 3 velocidades. Pro calor de dezembro.", "bf26", 229.0, [("preto", "127V")], "unisex", ""),
    ("H21", "home", "Ar-Condicionado Split Inverter 12000 BTUs", "Casa > Climatização", "Household Appliances", "Ar-condicionado split inverter frio, econômico e silencioso. Instalação não inclusa.", "", 2599.0, [("branco", "220V")], "unisex", ""),
    ("H22", "home", "Aspirador de Pó Robô", "Casa > Limpeza", "Household Appliances", "Robô aspirador que varre e passa pano, volta sozinho para a base e é controlado pelo app.", "lanc-2612", 1299.0, [("preto", "bivolt")], "unisex", ""),
    ("H23", "home", "Aspirador Vertical Sem Fio", "Casa > Limpeza", "Household Appliances", "Aspirador vertical 2 em 1 sem fio, vira aspirador de mão.", "", 699.0, [("cinza", "bivolt")], "unisex", ""),
    ("H24", "home", "Ferro de Passar a Vapor", "Casa > Lavanderia", "Household Appliances", "Ferro a vapor com base cerâmica e jato de vapor vertical.", "", 139.0, [("azul", "127V")], "unisex", ""),
    ("H25", "home", "Varal de Chão Sanfonado", "Casa > Lavanderia", "Household Supplies", "Varal de chão dobrável com abas, aguenta 20 kg de roupa. Para apartamento.", "", 119.0, [("branco", "")], "unisex", "aço"),
    ("H26", "home", "Cesto Organizador com Tampa", "Casa > Organização", "Household Supplies", "Cesto de tricô com tampa para roupas, brinquedos ou mantas.", "", 79.9, [("cinza", "40L")], "unisex", "fio de malha"),
    ("H27", "home", "Sofá Retrátil e Reclinável 3 Lugares", "Casa > Móveis > Sofás", "Furniture", "Sofá de 3 lugares com assentos retráteis e encostos reclináveis, tecido suede.", "", 2899.0, [("cinza", "2,10m")], "unisex", "suede, madeira"),
    ("H28", "home", "Rack para TV até 65\"", "Casa > Móveis > Salas", "Furniture", "Rack com painel e nichos para TV de até 65 polegadas.", "", 699.0, [("freijó/off-white", "1,80m")], "unisex", "MDP"),
    ("H29", "home", "Cadeira de Escritório Ergonômica", "Casa > Móveis > Escritório", "Furniture > Chairs", "Cadeira giratória de escritório com encosto em tela, apoio lombar e braços reguláveis.", "", 899.0, [("preto", "")], "unisex", "tela, nylon"),
    ("H30", "home", "Escrivaninha com Gavetas 1,20m", "Casa > Móveis > Escritório", "Furniture", "Mesa de escritório com duas gavetas e nicho, para home office ou quarto de estudo.", "", 459.0, [("branco", "1,20m")], "unisex", "MDP"),
    ("H31", "home", "Espelho Redondo Decorativo 60cm", "Casa > Decoração", "Home & Garden > Decor", "Espelho redondo com moldura fina de metal dourado para sala ou banheiro.", "", 199.0, [("dourado", "60cm")], "unisex", "metal, vidro"),
    ("H32", "home", "Vela Aromática em Pote de Vidro", "Casa > Decoração > Aromas", "Home & Garden > Decor", "Vela perfumada de cera vegetal com aroma de capim-limão, queima por 40 horas.", "", 59.9, [("", "capim-limão")], "unisex", "cera de soja"),
    ("H33", "home", "Kit Churrasco Inox 3 Peças", "Casa > Churrasco", "Kitchen & Dining", "Garfo, faca e pegador de churrasco em inox com cabo de madeira, em maleta.", "", 99.0, [("inox", "3 peças")], "male", "inox, madeira"),
    ("H34", "home", "Filtro de Água Purificador de Parede", "Casa > Cozinha", "Household Appliances", "Purificador de água de parede com refil que retira cloro e impurezas.", "", 349.0, [("branco", "")], "unisex", ""),
    ("H35", "home", "Árvore de Natal 1,80m com Luzes", "Casa > Natal", "Home & Garden > Decor", "Árvore de Natal cheia de 1,80 m com pisca-pisca de LED embutido.", "vitrine3", 399.0, [("verde", "1,80m")], "unisex", "PVC"),
    # beauty (beleza)
    ("B01", "beauty", "Sérum Facial Vitamina C 30ml", "Beleza > Skincare > Séruns", "Cosmetics > Skin Care", "Sérum antioxidante com 10% de vitamina C que clareia manchas e dá viço à pele.", "bf26", 119.9, [("", "30ml")], "female", ""),
    ("B02", "beauty", "Protetor Solar Facial FPS 50 Toque Seco", "Beleza > Skincare > Proteção Solar", "Cosmetics > Skin Care", "Protetor solar facial com toque seco e efeito matte, não deixa a pele oleosa.", "", 69.9, [("", "50g")], "unisex", ""),
    ("B03", "beauty", "Protetor Solar Corporal FPS 30 200ml", "Beleza > Corpo > Proteção Solar", "Cosmetics > Skin Care", "Protetor solar para o corpo resistente à água, para praia e piscina.", "", 59.9, [("", "200ml")], "unisex", ""),
    ("B04", "beauty", "Hidratante Facial com Ácido Hialurônico", "Beleza > Skincare > Hidratantes", "Cosmetics > Skin Care", "Gel creme hidratante leve para pele mista a oleosa.", "", 79.9, [("", "50g")], "unisex", ""),
    ("B05", "beauty", "Sabonete Líquido Facial para Pele Oleosa", "Beleza > Skincare > Limpeza", "Cosmetics > Skin Care", "Gel de limpeza facial com ácido salicílico que controla a oleosidade e as espinhas.", "", 49.9, [("", "150ml")], "unisex", ""),
    ("B06", "beauty", "Água Micelar 200ml", "Beleza > Skincare > Limpeza", "Cosmetics > Skin Care", "Água micelar que remove a maquiagem sem esfregar, para todos os tipos de pele.", "", 39.9, [("", "200ml")], "female", ""),
    ("B07", "beauty", "Base Líquida Alta Cobertura", "Beleza > Maquiagem > Rosto", "Cosmetics > Makeup > Face Makeup", "Base de longa duração com acabamento matte, 30 tons.", "", 89.9, [("", "tom 10 claro"), ("", "tom 25 médio")], "female", ""),
    ("B08", "beauty", "Corretivo Líquido Cobertura Total", "Beleza > Maquiagem > Rosto", "Cosmetics > Makeup > Face Makeup", "Corretivo que cobre olheiras e manchas sem craquelar.", "", 49.9, [("", "claro")], "female", ""),
    ("B09", "beauty", "Batom Líquido Matte Longa Duração", "Beleza > Maquiagem > Boca", "Cosmetics > Makeup > Lip Makeup", "Batom líquido matte que não transfere, dura o dia inteiro.", "lanc-2612", 39.9, [("vermelho", ""), ("nude rosado", "")], "female", ""),
    ("B10", "beauty", "Gloss Labial com Brilho", "Beleza > Maquiagem > Boca", "Cosmetics > Makeup > Lip Makeup", "Gloss hidratante com efeito volume.", "", 29.9, [("transparente", "")], "female", ""),
    ("B11", "beauty", "Máscara de Cílios à Prova d'Água", "Beleza > Maquiagem > Olhos", "Cosmetics > Makeup > Eye Makeup", "Rímel que alonga e dá volume, não borra nem com calor.", "", 54.9, [("preto", "")], "female", ""),
    ("B12", "beauty", "Paleta de Sombras 12 Cores", "Beleza > Maquiagem > Olhos", "Cosmetics > Makeup > Eye Makeup", "Paleta de sombras com tons terrosos matte e cintilantes.", "", 79.9, [("terrosos", "")], "female", ""),
    ("B13", "beauty", "Delineador Caneta Preto", "Beleza > Maquiagem > Olhos", "Cosmetics > Makeup > Eye Makeup", "Delineador em caneta com ponta fina para gatinho perfeito.", "", 34.9, [("preto", "")], "female", ""),
    ("B14", "beauty", "Kit Pincéis de Maquiagem 10 Peças", "Beleza > Acessórios", "Cosmetic Tools > Makeup Tools", "Dez pincéis de cerdas sintéticas macias com estojo.", "", 69.9, [("rosé", "10 peças")], "female", "cerdas sintéticas"),
    ("B15", "beauty", "Esponja de Maquiagem Gota", "Beleza > Acessórios", "Cosmetic Tools > Makeup Tools", "Esponja gota para aplicar base e corretivo.", "", 19.9, [("rosa", "")], "female", ""),
    ("B16", "beauty", "Shampoo Antiqueda 300ml", "Beleza > Cabelos > Shampoos", "Personal Care > Hair Care", "Shampoo fortalecedor com cafeína que reduz a queda de cabelo.", "", 44.9, [("", "300ml")], "unisex", ""),
    ("B17", "beauty", "Máscara de Hidratação para Cachos 500g", "Beleza > Cabelos > Tratamento", "Personal Care > Hair Care", "Máscara capilar para cabelos cacheados e crespos, define os cachos e tira o frizz. Liberada para low poo.", "bf26", 59.9, [("", "500g")], "female", ""),
    ("B18", "beauty", "Óleo Reparador de Pontas", "Beleza > Cabelos > Tratamento", "Personal Care > Hair Care", "Óleo de argan que sela as pontas duplas e dá brilho.", "", 39.9, [("", "60ml")], "unisex", ""),
    ("B19", "beauty", "Secador de Cabelo Profissional 2100W", "Beleza > Cabelos > Eletros", "Hair Care > Hair Styling Tools", "Secador potente com íons e bico concentrador, seca rápido sem frizz.", "", 299.0, [("preto", "127V")], "female", ""),
    ("B20", "beauty", "Prancha Alisadora de Cerâmica", "Beleza > Cabelos > Eletros", "Hair Care > Hair Styling Tools", "Chapinha com placas de cerâmica e temperatura até 230 °C, bivolt.", "queima-dez", 179.0, [("rosa", "bivolt")], "female", ""),
    ("B21", "beauty", "Escova Secadora Rotativa", "Beleza > Cabelos > Eletros", "Hair Care > Hair Styling Tools", "Escova que seca e modela ao mesmo tempo, escova perfeita em casa.", "", 279.0, [("preto", "127V")], "female", ""),
    ("B22", "beauty", "Perfume Feminino Floral Eau de Parfum 100ml", "Beleza > Perfumes > Femininos", "Cosmetics > Perfume & Cologne", "Perfume feminino floral frutado com notas de pera, jasmim e baunilha.", "", 249.0, [("", "100ml")], "female", ""),
    ("B23", "beauty", "Perfume Masculino Amadeirado 100ml", "Beleza > Perfumes > Masculinos", "Cosmetics > Perfume & Cologne", "Perfume masculino amadeirado com notas de cedro e especiarias.", "", 229.0, [("", "100ml")], "male", ""),
    ("B24", "beauty", "Body Splash Frutas Vermelhas 250ml", "Beleza > Perfumes > Body Splash", "Cosmetics > Perfume & Cologne", "Colônia corporal refrescante de frutas vermelhas.", "", 49.9, [("", "250ml")], "female", ""),
    ("B25", "beauty", "Hidratante Corporal Manteiga de Karité 400ml", "Beleza > Corpo > Hidratantes", "Bath & Body", "Loção hidratante corporal com manteiga de karité para pele seca.", "", 39.9, [("", "400ml")], "unisex", ""),
    ("B26", "beauty", "Kit Esmaltes 6 Cores", "Beleza > Unhas", "Cosmetics > Nail Care", "Seis esmaltes cremosos de secagem rápida.", "", 39.9, [("", "6 cores")], "female", ""),
    ("B27", "beauty", "Cabine de Unhas LED UV", "Beleza > Unhas", "Cosmetics > Nail Care", "Cabine LED para secar unha em gel e alongamento.", "", 99.0, [("branco", "bivolt")], "female", ""),
    ("B28", "beauty", "Barbeador Elétrico Recarregável", "Beleza > Barba", "Shaving & Grooming", "Barbeador elétrico à prova d'água com aparador de barba e bigode.", "", 199.0, [("preto", "")], "male", ""),
    ("B29", "beauty", "Óleo para Barba 30ml", "Beleza > Barba", "Shaving & Grooming", "Óleo que hidrata e amacia a barba, com cheiro amadeirado.", "", 39.9, [("", "30ml")], "male", ""),
    ("B30", "beauty", "Depilador Elétrico Feminino", "Beleza > Depilação", "Shaving & Grooming > Hair Removal", "Depilador elétrico com pinças que arrancam o pelo pela raiz, pernas e axilas.", "", 249.0, [("branco", "bivolt")], "female", ""),
    ("B31", "beauty", "Cera Depilatória Roll-On", "Beleza > Depilação", "Shaving & Grooming > Hair Removal", "Cera quente roll-on com aquecedor e refil.", "", 59.9, [("", "kit")], "female", ""),
    ("B32", "beauty", "Escova de Dente Elétrica", "Beleza > Higiene", "Personal Care > Oral Care", "Escova elétrica sônica recarregável com timer de dois minutos.", "", 189.0, [("branco", "")], "unisex", ""),
    ("B33", "beauty", "Desodorante Antitranspirante Aerosol Kit 3", "Beleza > Higiene", "Personal Care", "Três desodorantes aerosol 72 horas sem manchar a roupa.", "", 44.9, [("", "3x150ml")], "unisex", ""),
    ("B34", "beauty", "Kit Presente Skincare Natal", "Beleza > Kits", "Cosmetics > Skin Care", "Caixa de presente com sérum, hidratante e protetor solar em tamanho viagem.", "vitrine3", 149.9, [("", "kit")], "female", ""),
    ("B35", "beauty", "Máscara Facial de Argila Verde", "Beleza > Skincare > Máscaras", "Cosmetics > Skin Care", "Máscara de argila verde que limpa os poros.", "", 29.9, [("", "100g")], "unisex", ""),
    # gaming (games)
    ("G01", "gaming", "Console PlayStation 5 Slim 1TB", "Games > Consoles", "Electronics > Video Game Consoles", "PS5 Slim com leitor de disco, SSD de 1TB e controle DualSense.", "bf26", 3999.0, [("branco", "com leitor"), ("branco", "digital")], "unisex", ""),
    ("G02", "gaming", "Console Xbox Series S 512GB", "Games > Consoles", "Electronics > Video Game Consoles", "Xbox Series S totalmente digital, compacto, 1440p.", "", 2599.0, [("branco", "512GB")], "unisex", ""),
    ("G03", "gaming", "Nintendo Switch OLED", "Games > Consoles", "Electronics > Video Game Consoles", "Nintendo Switch com tela OLED de 7 polegadas, joga na TV ou no modo portátil.", "", 2299.0, [("branco", "")], "unisex", ""),
    ("G04", "gaming", "Controle sem Fio para PS5 DualSense", "Games > Acessórios > Controles", "Input Devices > Game Controllers", "Controle DualSense com gatilhos adaptáveis e resposta tátil.", "", 449.0, [("branco", ""), ("preto", "")], "unisex", ""),
    ("G05", "gaming", "Controle sem Fio Xbox", "Games > Acessórios > Controles", "Input Devices > Game Controllers", "Controle sem fio para Xbox e PC, Bluetooth.", "", 429.0, [("preto", "")], "unisex", ""),
    ("G06", "gaming", "Controle Pro para Nintendo Switch", "Games > Acessórios > Controles", "Input Devices > Game Controllers", "Controle Pro para Switch, bateria de 40 horas.", "", 469.0, [("preto", "")], "unisex", ""),
    ("G07", "gaming", "Headset Gamer 7.1 com Microfone", "Games > Acessórios > Headsets", "Audio Components > Headphones & Headsets > Headsets", "Headset gamer com som surround 7.1, microfone removível e LED RGB. PC, PS5 e Xbox.", "", 299.0, [("preto", "")], "unisex", ""),
    ("G08", "gaming", "Mouse Gamer RGB 12000 DPI", "Games > PC Gamer > Periféricos", "Electronics > Electronics Accessories", "Mouse gamer com sensor de 12000 DPI, 7 botões programáveis e RGB.", "", 149.0, [("preto", "")], "unisex", ""),
    ("G09", "gaming", "Teclado Mecânico Gamer ABNT2", "Games > PC Gamer > Periféricos", "Input Devices > Keyboards", "Teclado mecânico com switch azul, iluminação RGB e layout ABNT2.", "lanc-2612", 279.0, [("preto", "ABNT2")], "unisex", ""),
    ("G10", "gaming", "Mousepad Gamer Extra Grande", "Games > PC Gamer > Periféricos", "Electronics > Electronics Accessories", "Mousepad speed de 90x40 cm com bordas costuradas.", "", 79.9, [("preto", "90x40")], "unisex", "tecido, borracha"),
    ("G11", "gaming", "Cadeira Gamer Reclinável", "Games > Móveis Gamer", "Furniture > Chairs", "Cadeira gamer com encosto reclinável até 180°, almofadas de pescoço e lombar.", "bf26", 999.0, [("preto/vermelho", "")], "unisex", "couro sintético"),
    ("G12", "gaming", "Mesa Gamer com Suporte para Headset", "Games > Móveis Gamer", "Furniture", "Mesa gamer de 1,20 m com porta-copos, gancho para headset e passa-cabos.", "", 599.0, [("preto", "1,20m")], "unisex", "MDP, aço"),
    ("G13", "gaming", "Monitor Gamer 27\" 165Hz 1ms", "Games > PC Gamer > Monitores", "Electronics > Video > Computer Monitors", "Monitor gamer curvo de 27 polegadas, 165 Hz, tempo de resposta de 1 ms.", "", 1499.0, [("preto", "27\"")], "unisex", ""),
    ("G14", "gaming", "PC Gamer Ryzen 5 RTX 4060", "Games > PC Gamer", "Electronics > Computers > Desktop Computers", "Computador gamer com Ryzen 5, RTX 4060, 16GB de RAM e SSD de 1TB. Roda tudo em Full HD.", "", 5999.0, [("preto", "")], "unisex", ""),
    ("G15", "gaming", "Jogo EA Sports FC 26 PS5", "Games > Jogos", "Video Game Software", "O futebol mais jogado do mundo com Brasileirão e Ultimate Team.", "bf26", 299.0, [("", "PS5"), ("", "Xbox Series")], "unisex", ""),
    ("G16", "gaming", "Jogo Minecraft", "Games > Jogos", "Video Game Software", "Construa, explore e sobreviva. Classificação livre, para crianças.", "", 149.0, [("", "Switch")], "unisex", ""),
    ("G17", "gaming", "Jogo Mario Kart 8 Deluxe", "Games > Jogos", "Video Game Software", "Corrida com os personagens do Mario para jogar em família, até 4 na mesma tela.", "", 299.0, [("", "Switch")], "unisex", ""),
    ("G18", "gaming", "Jogo Zelda Tears of the Kingdom", "Games > Jogos", "Video Game Software", "Aventura de mundo aberto em Hyrule.", "", 349.0, [("", "Switch")], "unisex", ""),
    ("G19", "gaming", "Jogo Spider-Man 2 PS5", "Games > Jogos", "Video Game Software", "Aventura de ação com Peter Parker e Miles Morales em Nova York.", "", 249.0, [("", "PS5")], "unisex", ""),
    ("G20", "gaming", "Jogo GTA V Edição Premium", "Games > Jogos", "Video Game Software", "Mundo aberto em Los Santos com GTA Online, classificação 18 anos.", "", 129.0, [("", "PS5")], "unisex", ""),
    ("G21", "gaming", "Jogo Terror na Mansão Remake", "Games > Jogos", "Video Game Software", "Survival horror remasterizado, classificação 18 anos.", "", 199.0, [("", "PS5")], "unisex", ""),
    ("G22", "gaming", "Gift Card PlayStation Store R$ 100", "Games > Cartões Digitais", "Video Game Software", "Cartão pré-pago para a PlayStation Store, código enviado por e-mail.", "", 100.0, [("", "R$ 100")], "unisex", ""),
    ("G23", "gaming", "Assinatura Game Pass Ultimate 3 Meses", "Games > Cartões Digitais", "Video Game Software", "Três meses de Game Pass Ultimate, código por e-mail.", "", 179.0, [("", "3 meses")], "unisex", ""),
    ("G24", "gaming", "Cartão Nintendo eShop R$ 150", "Games > Cartões Digitais", "Video Game Software", "Crédito para a Nintendo eShop, código digital.", "", 150.0, [("", "R$ 150")], "unisex", ""),
    ("G25", "gaming", "Base Carregadora Dupla para Controles PS5", "Games > Acessórios", "Video Game Console Accessories", "Carrega dois controles DualSense ao mesmo tempo com luz indicadora.", "", 129.0, [("branco", "")], "unisex", ""),
    ("G26", "gaming", "Case Rígido para Nintendo Switch", "Games > Acessórios", "Video Game Console Accessories", "Estojo rígido para transportar o Switch com espaço para 10 cartuchos.", "", 89.0, [("preto", "")], "unisex", "EVA"),
    ("G27", "gaming", "Volante Gamer com Pedais e Câmbio", "Games > Acessórios > Volantes", "Input Devices > Game Controllers", "Volante com force feedback, pedais e câmbio para PS5 e PC.", "", 1899.0, [("preto", "")], "unisex", ""),
    ("G28", "gaming", "Óculos de Realidade Virtual Meta Quest 3S", "Games > Realidade Virtual", "Electronics > Video Game Consoles", "Óculos de realidade virtual independente, sem fio, 128GB.", "", 2499.0, [("branco", "128GB")], "unisex", ""),
    ("G29", "gaming", "Console Portátil Retrô 10 Mil Jogos", "Games > Consoles > Retrô", "Electronics > Video Game Consoles", "Videogame portátil retrô com 10 mil jogos clássicos e saída para TV.", "queima-dez", 249.0, [("amarelo", "")], "unisex", ""),
    ("G30", "gaming", "Fita LED RGB para Setup Gamer 5m", "Games > Setup", "Home & Garden > Lighting", "Fita de LED RGB com controle remoto que sincroniza com a música.", "", 79.9, [("", "5m")], "unisex", ""),
    ("G31", "gaming", "Microfone Condensador USB para Streaming", "Games > Streaming", "Electronics > Audio", "Microfone condensador USB com braço articulado e pop filter para lives e podcast.", "", 349.0, [("preto", "")], "unisex", ""),
    ("G32", "gaming", "Placa de Captura Full HD", "Games > Streaming", "Video Game Console Accessories", "Placa de captura USB para gravar e transmitir a gameplay do console.", "", 399.0, [("preto", "")], "unisex", ""),
    ("G33", "gaming", "Cooler Suporte Vertical para PS5", "Games > Acessórios", "Video Game Console Accessories", "Suporte vertical com ventoinhas e carregador para dois controles.", "", 149.0, [("preto", "")], "unisex", ""),
    ("G34", "gaming", "Jogo de Tabuleiro Detetive", "Games > Jogos de Tabuleiro", "Video Game Software", "Jogo de tabuleiro clássico de investigação para 3 a 6 jogadores, a partir de 8 anos.", "", 119.0, [("", "")], "unisex", ""),
    ("G35", "gaming", "Cadeira Gamer Infantil", "Games > Móveis Gamer", "Furniture > Chairs", "Cadeira gamer menor para crianças de 6 a 12 anos.", "", 599.0, [("preto/rosa", "")], "unisex", "couro sintético"),
    # stationery (papelaria, the sixth brand)
    ("P01", "stationery", "Caderno Universitário 10 Matérias 200 Folhas", "Papelaria > Cadernos", "Notebooks & Notepads", "Caderno espiral universitário com capa dura, 10 matérias e divisórias.", "vitrine3", 39.9, [("floral", "200 folhas"), ("preto", "200 folhas")], "unisex", "papel 56g"),
    ("P02", "stationery", "Caderno Brochura Pequeno 96 Folhas", "Papelaria > Cadernos", "Notebooks & Notepads", "Caderno brochura 1/4 com capa flexível, para as crianças da escola.", "", 9.9, [("azul", "96 folhas")], "unisex", "papel 56g"),
    ("P03", "stationery", "Caderno Inteligente com Discos A5", "Papelaria > Cadernos", "Notebooks & Notepads", "Caderno de discos em que você tira e recoloca as folhas, capa de couro sintético.", "lanc-2612", 119.9, [("lilás", "A5")], "female", "couro sintético"),
    ("P04", "stationery", "Caderno de Desenho A4 Espiral", "Papelaria > Cadernos", "Notebooks & Notepads", "Caderno de desenho sem pauta, 48 folhas de papel 150g.", "", 19.9, [("", "A4")], "unisex", "papel 150g"),
    ("P05", "stationery", "Bullet Journal Pontilhado A5", "Papelaria > Cadernos", "Notebooks & Notepads", "Caderno de folhas pontilhadas com capa dura, elástico e marcador de fita. Para bujo e lettering.", "", 59.9, [("verde sálvia", "A5")], "unisex", "papel 120g"),
    ("P06", "stationery", "Planner 2027 Semanal", "Papelaria > Planners e Agendas", "Calendars, Organizers & Planners", "Planner anual 2027 com visão semanal, metas do mês, controle financeiro e adesivos.", "bf26", 69.9, [("rosa", "A5"), ("azul", "A5")], "unisex", ""),
    ("P07", "stationery", "Agenda 2027 Diária Capa Dura", "Papelaria > Planners e Agendas", "Calendars, Organizers & Planners", "Agenda com uma página por dia, calendário e contatos.", "", 49.9, [("caramelo", "14x20")], "unisex", ""),
    ("P08", "stationery", "Bloco de Notas Adesivas 4 Cores", "Papelaria > Escritório", "Sticky Notes", "Bloquinhos autoadesivos de 76x76 mm em quatro cores neon, 400 folhas.", "", 14.9, [("neon", "76x76")], "unisex", ""),
    ("P09", "stationery", "Kit Canetas Esferográficas 10 Unidades", "Papelaria > Canetas", "Pens", "Canetas esferográficas de ponta média 1.0 em azul, preto e vermelho.", "", 12.9, [("sortidas", "10 un")], "unisex", ""),
    ("P10", "stationery", "Canetas Gel Coloridas 24 Cores", "Papelaria > Canetas", "Pens", "Canetas de gel com tinta colorida, metalizada e glitter para anotações e cadernos bonitos.", "", 39.9, [("sortidas", "24 un")], "female", ""),
    ("P11", "stationery", "Caneta Brush Pen para Lettering 12 Cores", "Papelaria > Lettering", "Markers", "Canetas pincel com ponta flexível para lettering e caligrafia.", "", 49.9, [("pastel", "12 un")], "unisex", ""),
    ("P12", "stationery", "Marca-Texto Tons Pastel 6 Cores", "Papelaria > Canetas", "Highlighters", "Marca-textos em tons pastel com ponta chanfrada, não mancham a folha.", "", 29.9, [("pastel", "6 un")], "unisex", ""),
    ("P13", "stationery", "Caneta Tinteiro com Conversor", "Papelaria > Canetas", "Pens", "Caneta tinteiro de metal com pena fina e conversor para tinta.", "", 89.9, [("preto", "pena F")], "unisex", "metal"),
    ("P14", "stationery", "Lápis Preto HB Caixa com 12", "Papelaria > Lápis", "Pencils", "Lápis grafite HB com borracha na ponta.", "", 11.9, [("", "12 un")], "unisex", "madeira"),
    ("P15", "stationery", "Lapiseira 0.7 com Grafite", "Papelaria > Lápis", "Pencils", "Lapiseira de 0,7 mm com corpo emborrachado e tubo de grafite.", "", 19.9, [("azul", "0.7mm")], "unisex", ""),
    ("P16", "stationery", "Lápis de Cor 48 Cores", "Papelaria > Material Escolar", "Writing & Drawing Instruments", "Caixa com 48 lápis de cor com mina macia que não quebra fácil.", "bf26", 54.9, [("", "48 cores")], "unisex", "madeira reflorestada"),
    ("P17", "stationery", "Giz de Cera Grosso 12 Cores", "Papelaria > Material Escolar", "Crayons", "Giz de cera grosso e atóxico para as mãozinhas dos pequenos.", "", 9.9, [("", "12 cores")], "unisex", ""),
    ("P18", "stationery", "Canetinha Hidrográfica 24 Cores", "Papelaria > Material Escolar", "Markers", "Canetinhas laváveis de ponta fina para colorir.", "", 19.9, [("", "24 cores")], "unisex", ""),
    ("P19", "stationery", "Estojo Escolar Box 3 Divisórias", "Papelaria > Material Escolar", "Office Supplies", "Estojo de tecido com três zíperes que cabe 100 canetas e lápis.", "", 49.9, [("preto", ""), ("lilás", "")], "unisex", "poliéster"),
    ("P20", "stationery", "Kit Borracha e Apontador com Depósito", "Papelaria > Material Escolar", "Erasers", "Duas borrachas brancas macias e um apontador com depósito.", "", 7.9, [("", "kit")], "unisex", ""),
    ("P21", "stationery", "Tesoura Escolar sem Ponta", "Papelaria > Material Escolar", "Office Supplies", "Tesoura infantil sem ponta de 13 cm, segura para crianças.", "", 8.9, [("verde", "")], "unisex", "aço, plástico"),
    ("P22", "stationery", "Cola Branca Escolar 90g", "Papelaria > Material Escolar", "Office Supplies", "Cola branca lavável para papel e trabalhos escolares.", "", 4.9, [("", "90g")], "unisex", ""),
    ("P23", "stationery", "Régua 30cm e Kit Geometria", "Papelaria > Material Escolar", "Rulers", "Régua de 30 cm, esquadros e transferidor em estojinho.", "", 12.9, [("transparente", "30cm")], "unisex", "acrílico"),
    ("P24", "stationery", "Calculadora Científica 240 Funções", "Papelaria > Escritório", "Calculators", "Calculadora científica para o ensino médio e a faculdade, aceita em vestibular.", "", 79.9, [("preto", "")], "unisex", ""),
    ("P25", "stationery", "Mochila Escolar com Rodinhas", "Papelaria > Mochilas e Lancheiras", "Luggage & Bags > Backpacks", "Mochila escolar de rodinhas com alça retrátil, para crianças do fundamental.", "queima-dez", 189.9, [("azul", "")], "unisex", "poliéster"),
    ("P26", "stationery", "Mochila Escolar Juvenil 20L", "Papelaria > Mochilas e Lancheiras", "Luggage & Bags > Backpacks", "Mochila de costas com compartimento acolchoado para notebook de até 15,6 polegadas e porta-garrafa.", "", 159.9, [("preto", "20L")], "unisex", "poliéster"),
    ("P27", "stationery", "Lancheira Térmica Infantil", "Papelaria > Mochilas e Lancheiras", "Office Supplies", "Lancheira térmica com alça e bolsinha para garrafinha, mantém o lanche geladinho.", "", 69.9, [("dinossauros", "")], "unisex", "poliéster, EVA"),
    ("P28", "stationery", "Estojo de Aquarela 24 Cores com Pincel", "Papelaria > Arte", "Art & Crafting Materials", "Aquarela em pastilhas com pincel reservatório de água, para pintura e sketch.", "", 69.9, [("", "24 cores")], "unisex", ""),
    ("P29", "stationery", "Tinta Acrílica 12 Cores 20ml", "Papelaria > Arte", "Art & Crafting Materials", "Tintas acrílicas para pintura em tela, madeira e artesanato.", "", 44.9, [("", "12x20ml")], "unisex", ""),
    ("P30", "stationery", "Tela para Pintura 30x40 Kit com 3", "Papelaria > Arte", "Art & Crafting Materials", "Três telas de algodão montadas em chassi de madeira para tinta acrílica e óleo.", "", 49.9, [("branco", "30x40")], "unisex", "algodão, pinus"),
    ("P31", "stationery", "Kit Pincéis Artísticos 10 Peças", "Papelaria > Arte", "Art & Crafting Materials", "Pincéis de cerdas sintéticas redondos e chatos para aquarela e acrílica.", "", 34.9, [("", "10 un")], "unisex", "cerdas sintéticas"),
    ("P32", "stationery", "Organizador de Mesa Acrílico com Gavetas", "Papelaria > Organização", "Desk Organizers", "Organizador de mesa com porta-canetas, nichos e duas gavetinhas.", "", 79.9, [("transparente", "")], "unisex", "acrílico"),
    ("P33", "stationery", "Pasta Fichário A4 com 4 Argolas", "Papelaria > Organização", "Binders", "Fichário colegial com quatro argolas, refil de folhas e divisórias.", "", 59.9, [("preto", "A4")], "unisex", "papelão revestido"),
    ("P34", "stationery", "Grampeador de Mesa 26/6 com Grampos", "Papelaria > Escritório", "Staplers", "Grampeador de metal para até 25 folhas, com caixa de 1000 grampos.", "", 34.9, [("preto", "")], "unisex", "metal"),
    ("P35", "stationery", "Quadro de Cortiça 40x60", "Papelaria > Organização", "Bulletin Boards", "Mural de cortiça com moldura de madeira e 20 tachinhas.", "", 59.9, [("natural", "40x60")], "unisex", "cortiça, madeira"),
    ("P36", "stationery", "Washi Tape Kit 10 Rolos", "Papelaria > Decoração e Presentes", "Office Tape", "Fitas adesivas decorativas de papel para bujo, scrapbook e embalagens.", "", 29.9, [("floral", "10 rolos")], "unisex", "papel"),
    ("P37", "stationery", "Cartela de Adesivos Decorativos", "Papelaria > Decoração e Presentes", "Cardstock & Scrapbooking Paper", "Adesivos fofos para planner e caderno, 6 cartelas.", "", 14.9, [("", "6 cartelas")], "unisex", "papel"),
    ("P38", "stationery", "Papel de Presente Rolo 5m", "Papelaria > Decoração e Presentes", "Gift Wrapping", "Rolo de papel de presente com estampa de Natal.", "", 12.9, [("natal vermelho", "5m")], "unisex", "papel"),
]


class Catalog11(Style):
    avail = AVAIL
    currency = "BRL"
    sale_factor = 0.85
    sale_every = 7

    def google(self, ids, ending, i):
        """The numeric id on every other model, empty on the rest."""
        return google_by_cycle(ids, ending, i, ["id", ""])

    def variant(self, title, v):
        return dashed_variant(title, v)

    def stock(self, n):
        return 2 + (n * 11) % 37

    def link(self, pid):
        return f"https://www.lojaexemplo.com.br/produto/{pid.lower()}"

    def image(self, pid):
        return f"https://cdn.lojaexemplo.com.br/img/{pid.lower()}-1.jpg"


if __name__ == "__main__":
    write("catalog11.csv", rows(CATALOG11, "C11", Catalog11()))
