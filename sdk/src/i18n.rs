//! A small message table in English, Brazilian Portuguese and Spanish.
//!
//! Templates use `{name}` placeholders filled by [`tr`].
//!
//! ```
//! use agent_store_sdk::i18n::{self, Msg};
//! assert_eq!(i18n::lang("pt-BR"), "pt");
//! let s = i18n::tr("es", Msg::HandOff, &[("team", i18n::brand_label("beauty", "es"))]);
//! assert!(s.contains("Belleza"));
//! ```

/// A message the seller kit (or any seller) sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// `{name}`, `{brand}`: the default greeting.
    Greeting,
    /// Search results follow.
    Found,
    /// One result follows.
    FoundOne,
    /// Nothing matched: ask for more details.
    NothingFound,
    /// `{product}` went into the cart.
    AddedToCart,
    /// The cart is empty.
    CartEmpty,
    /// `{lines}`, `{total}`: the cart.
    CartSummary,
    /// The order was placed.
    OrderPlaced,
    /// A human will take over.
    Escalating,
    /// A complaint: sorry, a human will take over.
    EscalatingComplaint,
    /// A large order: a specialist will confirm it.
    HighValueOrder,
    /// Not understood several times: a human will help.
    EscalatingStuck,
    /// `{team}`: another brand's team takes over.
    HandOff,
    /// The product is not available here.
    NotAvailable,
    /// No further results.
    NoMore,
    /// Reply to thanks.
    Welcome,
    /// Reply to goodbye.
    Goodbye,
    /// `{orders}`: order status lines.
    OrderStatus,
    /// The customer has no orders.
    NoOrders,
    /// An audio without a transcript.
    AskToType,
    /// Something not understood.
    Fallback,
    /// `{product}`, `{price}`: the price of a product.
    PriceOf,
    /// Categories suggestion header.
    Categories,
    /// Button: add to cart.
    ButtonAdd,
    /// Button: more options.
    ButtonMore,
    /// Button: checkout.
    ButtonCheckout,
    /// Button: talk to a human.
    ButtonHuman,
    /// Button: keep shopping.
    ButtonKeepShopping,
    /// List button label: see categories.
    ListCategories,
    /// Stock label: out of stock.
    OutOfStock,
    /// Stock label: pre-order.
    Preorder,
    /// Products header.
    ProductsHeader,
    /// A catalog order from WhatsApp went into the cart.
    OrderReceived,
    /// `{product}` left the cart.
    Removed,
    /// `{product}` is not in the cart (nothing changed).
    NotInCart,
    /// The cart was emptied.
    CartCleared,
    /// `{product}`, `{quantity}`: a cart line's new quantity.
    QuantitySet,
    /// `{max}`: a quantity above what can be sold.
    QuantityTooLarge,
    /// A quantity of zero or none.
    QuantityInvalid,
    /// `{position}`, `{count}`: "the 7th one" after three.
    NoSuchPosition,
    /// A reference before anything was shown.
    NothingShownYet,
    /// Nothing matched the reference: pick from the list.
    WhichOne,
    /// `{product}`: nothing cheaper than it.
    NothingCheaper,
    /// `{products}`: named, but sold out now.
    SoldOut,
    /// `{a}`, `{b}`: the comparison follows.
    Compare,
    /// The purchase in progress was given up.
    Cancelled,
    /// `{budget}`: nothing found within the budget.
    NothingWithinBudget,
    /// Empty or unreadable message: what the customer can say.
    Help,
    /// `{product}`: sold out in the colour / size asked for; its available
    /// variants follow.
    VariantSoldOut,
}

/// "en", "pt" or "es" for any language tag ("pt-BR", "es_MX", "EN"); "en"
/// when unknown.
pub fn lang(code: &str) -> &'static str {
    let c = code.trim().to_ascii_lowercase();
    if c.starts_with("pt") {
        "pt"
    } else if c.starts_with("es") {
        "es"
    } else {
        "en"
    }
}

/// The template for `msg` in `language` (any tag; English fallback).
pub fn t(language: &str, msg: Msg) -> &'static str {
    use Msg::*;
    let (en, pt, es) = match msg {
        Greeting => (
            "Hi! I'm {name} from {brand}. What are you looking for today?",
            "Oi! Eu sou {name}, da {brand}. O que você está procurando hoje?",
            "¡Hola! Soy {name}, de {brand}. ¿Qué estás buscando hoy?",
        ),
        Found => (
            "Here is what I found for you:",
            "Olha o que eu encontrei para você:",
            "Esto es lo que encontré para ti:",
        ),
        FoundOne => (
            "I found this one for you:",
            "Encontrei este para você:",
            "Encontré este para ti:",
        ),
        NothingFound => (
            "I couldn't find that in our catalog. Can you tell me a bit more (type, colour, size or budget)?",
            "Não encontrei isso no nosso catálogo. Pode me contar um pouco mais (tipo, cor, tamanho ou orçamento)?",
            "No encontré eso en nuestro catálogo. ¿Me cuentas un poco más (tipo, color, talla o presupuesto)?",
        ),
        AddedToCart => (
            "Added {product} to your cart. 🛒",
            "Adicionei {product} ao seu carrinho. 🛒",
            "Agregué {product} a tu carrito. 🛒",
        ),
        CartEmpty => (
            "Your cart is empty. Tell me what you're looking for!",
            "Seu carrinho está vazio. Me conta o que você procura!",
            "Tu carrito está vacío. ¡Cuéntame qué buscas!",
        ),
        CartSummary => (
            "Your cart:\n{lines}\nSubtotal: {total}",
            "Seu carrinho:\n{lines}\nSubtotal: {total}",
            "Tu carrito:\n{lines}\nSubtotal: {total}",
        ),
        OrderPlaced => (
            "Done! I'm placing your order now; you'll get the confirmation with the final total in a moment.",
            "Pronto! Estou fechando seu pedido agora; você vai receber a confirmação com o total final em instantes.",
            "¡Listo! Estoy realizando tu pedido; en un momento recibirás la confirmación con el total final.",
        ),
        Escalating => (
            "Sure, I'm connecting you with a human from our team. They'll reply here shortly.",
            "Claro, vou te conectar com uma pessoa da nossa equipe. Ela vai responder aqui em breve.",
            "Claro, te estoy conectando con una persona de nuestro equipo. Te responderá aquí en breve.",
        ),
        HighValueOrder => (
            "Since this is a large order, a specialist from our team will confirm it with you here shortly.",
            "Como é um pedido grande, uma pessoa especialista da nossa equipe vai confirmar com você aqui em instantes.",
            "Como es un pedido grande, un especialista de nuestro equipo lo confirmará contigo aquí en breve.",
        ),
        EscalatingStuck => (
            "Sorry, I'm not getting it right. I'm asking a human from our team to help you here.",
            "Desculpe, não estou conseguindo te ajudar. Vou chamar uma pessoa da nossa equipe para continuar aqui.",
            "Perdona, no lo estoy logrando. Le pido a una persona de nuestro equipo que te ayude aquí.",
        ),
        EscalatingComplaint => (
            "I'm really sorry about that. I'm passing this to a human from our team right away so they can sort it out.",
            "Sinto muito por isso. Vou passar agora mesmo para uma pessoa da nossa equipe resolver.",
            "Lo siento mucho. Ya mismo lo paso a una persona de nuestro equipo para que lo resuelva.",
        ),
        HandOff => (
            "That's for our {team} team — handing you over to them now!",
            "Isso é com a nossa equipe de {team} — vou te passar para eles agora!",
            "Eso es para nuestro equipo de {team}, ¡te paso con ellos ahora!",
        ),
        NotAvailable => (
            "Sorry, that product isn't available.",
            "Desculpe, esse produto não está disponível.",
            "Lo siento, ese producto no está disponible.",
        ),
        NoMore => (
            "Those are all the options I have for that. Want to try something else?",
            "Essas são todas as opções que tenho para isso. Quer procurar outra coisa?",
            "Esas son todas las opciones que tengo. ¿Quieres buscar otra cosa?",
        ),
        Welcome => (
            "You're welcome! Anything else I can help with?",
            "Por nada! Posso ajudar em mais alguma coisa?",
            "¡De nada! ¿Te ayudo con algo más?",
        ),
        Goodbye => (
            "Thanks for stopping by. See you soon!",
            "Obrigado pela visita. Até logo!",
            "Gracias por tu visita. ¡Hasta pronto!",
        ),
        OrderStatus => (
            "Your recent orders:\n{orders}",
            "Seus pedidos recentes:\n{orders}",
            "Tus pedidos recientes:\n{orders}",
        ),
        NoOrders => (
            "I couldn't find any orders for you yet.",
            "Não encontrei nenhum pedido seu ainda.",
            "Aún no encontré pedidos tuyos.",
        ),
        AskToType => (
            "Sorry, I couldn't listen to that. Could you type your message?",
            "Desculpe, não consegui ouvir. Pode digitar sua mensagem?",
            "Lo siento, no pude escucharlo. ¿Puedes escribir tu mensaje?",
        ),
        Fallback => (
            "I can help you find products, add them to your cart and place your order. What are you looking for?",
            "Posso te ajudar a encontrar produtos, colocar no carrinho e fechar o pedido. O que você procura?",
            "Puedo ayudarte a encontrar productos, agregarlos al carrito y hacer tu pedido. ¿Qué buscas?",
        ),
        PriceOf => (
            "{product} costs {price}.",
            "{product} custa {price}.",
            "{product} cuesta {price}.",
        ),
        Categories => (
            "Here are our categories:",
            "Estas são as nossas categorias:",
            "Estas son nuestras categorías:",
        ),
        ButtonAdd => ("Add to cart", "Pôr no carrinho", "Agregar al carrito"),
        ButtonMore => ("More options", "Mais opções", "Más opciones"),
        ButtonCheckout => ("Checkout", "Finalizar compra", "Finalizar compra"),
        ButtonHuman => (
            "Talk to a human",
            "Falar com atendente",
            "Hablar con alguien",
        ),
        ButtonKeepShopping => ("Keep shopping", "Continuar comprando", "Seguir comprando"),
        ListCategories => ("See categories", "Ver categorias", "Ver categorías"),
        OutOfStock => ("out of stock", "esgotado", "agotado"),
        Preorder => ("pre-order", "pré-venda", "preventa"),
        ProductsHeader => ("Our picks", "Nossas sugestões", "Nuestras sugerencias"),
        OrderReceived => (
            "Got your order! I added the items to your cart. Shall I place it?",
            "Recebi seu pedido! Coloquei os itens no carrinho. Posso finalizar?",
            "¡Recibí tu pedido! Agregué los artículos al carrito. ¿Lo finalizo?",
        ),
        Removed => (
            "Done, I removed {product} from your cart.",
            "Pronto, tirei {product} do seu carrinho.",
            "Listo, quité {product} de tu carrito.",
        ),
        NotInCart => (
            "That isn't in your cart, so nothing changed.",
            "Isso não está no seu carrinho, então nada mudou.",
            "Eso no está en tu carrito, así que no cambié nada.",
        ),
        CartCleared => (
            "Your cart is empty now. Tell me if you want to see something else!",
            "Seu carrinho está vazio agora. Me diga se quiser ver outra coisa!",
            "Tu carrito quedó vacío. ¡Dime si quieres ver otra cosa!",
        ),
        QuantitySet => (
            "Done: {quantity} × {product} in your cart.",
            "Pronto: {quantity} × {product} no seu carrinho.",
            "Listo: {quantity} × {product} en tu carrito.",
        ),
        QuantityTooLarge => (
            "Sorry, I can sell at most {max} of this at once. How many would you like?",
            "Desculpe, consigo vender no máximo {max} deste por pedido. Quantos você quer?",
            "Lo siento, puedo vender como máximo {max} de este por pedido. ¿Cuántos quieres?",
        ),
        QuantityInvalid => (
            "How many would you like? Tell me a number from 1 up.",
            "Quantos você quer? Me diga um número a partir de 1.",
            "¿Cuántos quieres? Dime un número desde 1.",
        ),
        NoSuchPosition => (
            "I only showed you {count} option(s), so there is no number {position}. Which one do you mean?",
            "Eu só te mostrei {count} opção(ões), então não existe a número {position}. Qual delas você quer?",
            "Solo te mostré {count} opción(es), así que no hay una número {position}. ¿Cuál de ellas quieres?",
        ),
        NothingShownYet => (
            "I haven't shown you any product yet. What are you looking for?",
            "Ainda não te mostrei nenhum produto. O que você procura?",
            "Todavía no te mostré ningún producto. ¿Qué estás buscando?",
        ),
        WhichOne => (
            "Which one do you mean? You can tell me its number in the list.",
            "Qual deles você quer dizer? Pode me dizer o número na lista.",
            "¿Cuál de ellos? Puedes decirme su número en la lista.",
        ),
        NothingCheaper => (
            "{product} is already the best price I have for that. Want to see something else?",
            "{product} já é o melhor preço que eu tenho para isso. Quer ver outra coisa?",
            "{product} ya es el mejor precio que tengo para eso. ¿Quieres ver otra cosa?",
        ),
        SoldOut => (
            "Sold out right now: {products}.",
            "Esgotado no momento: {products}.",
            "Agotado por ahora: {products}.",
        ),
        Compare => (
            "Side by side:",
            "Comparando os dois:",
            "Comparando los dos:",
        ),
        Cancelled => (
            "No problem, I cancelled it and emptied your cart. I'm here if you need anything!",
            "Sem problemas, cancelei e esvaziei seu carrinho. Estou aqui se precisar!",
            "Sin problema, lo cancelé y vacié tu carrito. ¡Aquí estoy si necesitas algo!",
        ),
        NothingWithinBudget => (
            "I found nothing within {budget}. Want to raise the budget or look at something else?",
            "Não encontrei nada até {budget}. Quer aumentar o orçamento ou ver outra coisa?",
            "No encontré nada hasta {budget}. ¿Quieres subir el presupuesto o ver otra cosa?",
        ),
        Help => (
            "Tell me what you're looking for (for example \"black running shoes size 40\"), or say \"my cart\" or \"checkout\".",
            "Me diga o que você procura (por exemplo \"tênis de corrida preto 40\"), ou \"meu carrinho\" ou \"finalizar\".",
            "Dime qué buscas (por ejemplo \"zapatillas negras talla 40\"), o \"mi carrito\" o \"pagar\".",
        ),
        VariantSoldOut => (
            "{product} is sold out right now. These are the options I still have:",
            "{product} está esgotado no momento. Estas são as opções que eu ainda tenho:",
            "{product} está agotado por ahora. Estas son las opciones que todavía tengo:",
        ),
    };
    match lang(language) {
        "pt" => pt,
        "es" => es,
        _ => en,
    }
}

/// Replace `{key}` placeholders.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut s = template.to_owned();
    for (k, v) in vars {
        s = s.replace(&format!("{{{k}}}", k = k), v);
    }
    s
}

/// [`t`] then [`fill`].
pub fn tr(language: &str, msg: Msg, vars: &[(&str, &str)]) -> String {
    fill(t(language, msg), vars)
}

/// The customer-facing name of a known brand key in a language ("beauty"
/// → "Beleza"); `None` for a brand the store does not name. The host's
/// department menu and the seller kit's hand-off text both read it.
pub fn brand_name(brand: &str, language: &str) -> Option<&'static str> {
    let l = lang(language);
    Some(match (brand, l) {
        ("fashion", "en") => "Fashion",
        ("fashion", _) => "Moda",
        ("tech", "pt") => "Tecnologia",
        ("tech", "es") => "Tecnología",
        ("tech", _) => "Tech",
        ("home", "pt") => "Casa",
        ("home", "es") => "Hogar",
        ("home", _) => "Home",
        ("beauty", "pt") => "Beleza",
        ("beauty", "es") => "Belleza",
        ("beauty", _) => "Beauty",
        ("gaming", "pt") => "Games",
        ("gaming", _) => "Gaming",
        _ => return None,
    })
}

/// A customer-facing name for a brand key in a language ("beauty" →
/// "Beleza"), or the sales team's for a brand without one.
pub fn brand_label(brand: &str, language: &str) -> &'static str {
    brand_name(brand, language).unwrap_or(match lang(language) {
        "pt" => "vendas",
        "es" => "ventas",
        _ => "sales",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills() {
        assert_eq!(
            tr(
                "pt-BR",
                Msg::PriceOf,
                &[("product", "Tênis"), ("price", "R$ 10,00")]
            ),
            "Tênis custa R$ 10,00."
        );
        assert_eq!(t("fr", Msg::ButtonAdd), "Add to cart");
        for l in ["en", "pt", "es"] {
            for m in [
                Msg::ButtonAdd,
                Msg::ButtonMore,
                Msg::ButtonCheckout,
                Msg::ButtonHuman,
                Msg::ButtonKeepShopping,
                Msg::ListCategories,
            ] {
                assert!(t(l, m).chars().count() <= 20, "{l} {m:?}");
            }
        }
    }
}
