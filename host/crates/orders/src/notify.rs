//! What the customer reads about their order, in their language.

use super::OrderError;
use crate::catalog::Catalog;
use crate::events::OrderInfo;
use crate::money::Money;
use crate::payments::PaymentsConfig;

fn lang(l: &str) -> &'static str {
    match l {
        "pt" => "pt",
        "es" => "es",
        _ => "en",
    }
}

fn money(m: &Money, l: &str) -> String {
    m.format_locale(lang(l))
}

/// The order's lines and totals.
fn summary(o: &OrderInfo) -> String {
    let l = lang(&o.language);
    let (subtotal, shipping, total, free) = match l {
        "pt" => ("Subtotal", "Frete", "Total", "grátis"),
        "es" => ("Subtotal", "Envío", "Total", "gratis"),
        _ => ("Subtotal", "Shipping", "Total", "free"),
    };
    let mut s = String::new();
    for line in &o.lines {
        let line_total = line
            .unit_price
            .checked_mul(i64::from(line.quantity))
            .unwrap_or_else(|_| line.unit_price.clone());
        // The same line as the seller's cart (`sdk::reply::cart_line`): the
        // unit price, and with several units the sum spelled out.
        if line.quantity <= 1 {
            s.push_str(&format!(
                "• {}× {} — {}\n",
                line.quantity,
                line.title,
                money(&line.unit_price, l)
            ));
        } else {
            s.push_str(&format!(
                "• {q}× {} — {q} × {} = {}\n",
                line.title,
                money(&line.unit_price, l),
                money(&line_total, l),
                q = line.quantity,
            ));
        }
    }
    let ship = if o.shipping.minor_units == 0 {
        free.to_string()
    } else {
        money(&o.shipping, l)
    };
    s.push_str(&format!(
        "{subtotal}: {}\n{shipping}: {ship}\n*{total}: {}*",
        money(&o.subtotal, l),
        money(&o.total, l)
    ));
    s
}

/// How to pay, per the order's provider.
fn payment(o: &OrderInfo, payments: &PaymentsConfig) -> String {
    let l = lang(&o.language);
    if let Some(url) = &o.payment_url {
        return match l {
            "pt" => format!("Pague com segurança por este link: {url}"),
            "es" => format!("Paga de forma segura en este enlace: {url}"),
            _ => format!("Pay securely here: {url}"),
        };
    }
    let mut parts = Vec::new();
    if !payments.pix_key.is_empty() {
        parts.push(match l {
            "pt" => format!("Pix (chave: {})", payments.pix_key),
            "es" => format!("Pix (clave: {})", payments.pix_key),
            _ => format!("Pix (key: {})", payments.pix_key),
        });
    }
    if payments.cash_on_delivery {
        parts.push(
            match l {
                "pt" => "pagamento na entrega",
                "es" => "pago contra entrega",
                _ => "cash on delivery",
            }
            .to_string(),
        );
    }
    if parts.is_empty() {
        return match l {
            "pt" => "Nossa equipe vai enviar as instruções de pagamento.".into(),
            "es" => "Nuestro equipo te enviará las instrucciones de pago.".into(),
            _ => "Our team will send you the payment instructions.".into(),
        };
    }
    let how = parts.join(match l {
        "pt" => " ou ",
        "es" => " o ",
        _ => " or ",
    });
    match l {
        "pt" => {
            format!("Formas de pagamento: {how}. Confirmamos assim que o pagamento for recebido.")
        }
        "es" => format!("Formas de pago: {how}. Confirmamos en cuanto recibamos el pago."),
        _ => format!("How to pay: {how}. We confirm as soon as the payment arrives."),
    }
}

/// The WhatsApp text for the order's new status `to`.
pub fn status_text(
    o: &OrderInfo,
    to: &str,
    reason: Option<&str>,
    payments: &PaymentsConfig,
) -> String {
    let l = lang(&o.language);
    let id = &o.order_id;
    match (to, l) {
        ("pending", "pt") => format!(
            "Pedido *{id}* recebido! 🛍️\n{}\n\n{}",
            summary(o),
            payment(o, payments)
        ),
        ("pending", "es") => format!(
            "¡Pedido *{id}* recibido! 🛍️\n{}\n\n{}",
            summary(o),
            payment(o, payments)
        ),
        ("pending", _) => format!(
            "Order *{id}* received! 🛍️\n{}\n\n{}",
            summary(o),
            payment(o, payments)
        ),
        ("confirmed", "pt") => format!(
            "Pagamento recebido ✅ O pedido *{id}* está confirmado. Total: {}. Avisaremos quando for enviado.",
            money(&o.total, l)
        ),
        ("confirmed", "es") => format!(
            "Pago recibido ✅ El pedido *{id}* está confirmado. Total: {}. Te avisaremos cuando se envíe.",
            money(&o.total, l)
        ),
        ("confirmed", _) => format!(
            "Payment received ✅ Order *{id}* is confirmed. Total: {}. We'll let you know when it ships.",
            money(&o.total, l)
        ),
        ("processing", "pt") => format!("Estamos preparando o seu pedido *{id}* 📦"),
        ("processing", "es") => format!("Estamos preparando tu pedido *{id}* 📦"),
        ("processing", _) => format!("We're preparing your order *{id}* 📦"),
        ("shipped", _) => {
            let carrier = o.carrier.as_deref().unwrap_or("-");
            let tracking = o.tracking_number.as_deref().unwrap_or("-");
            match l {
                "pt" => format!(
                    "Seu pedido *{id}* foi enviado! 🚚\nTransportadora: {carrier}\nCódigo de rastreio: {tracking}"
                ),
                "es" => format!(
                    "¡Tu pedido *{id}* fue enviado! 🚚\nTransportista: {carrier}\nNúmero de seguimiento: {tracking}"
                ),
                _ => format!(
                    "Your order *{id}* is on its way! 🚚\nCarrier: {carrier}\nTracking number: {tracking}"
                ),
            }
        }
        ("delivered", "pt") => format!("Seu pedido *{id}* foi entregue. Aproveite! 🎉"),
        ("delivered", "es") => format!("Tu pedido *{id}* fue entregado. ¡Que lo disfrutes! 🎉"),
        ("delivered", _) => format!("Your order *{id}* was delivered. Enjoy! 🎉"),
        ("cancelled", _) => {
            let reason = match (reason, l) {
                (Some(super::EXPIRED_REASON), "pt") => Some("o prazo de pagamento expirou"),
                (Some(super::EXPIRED_REASON), "es") => Some("el plazo de pago venció"),
                (r, _) => r,
            };
            let why = reason.map(|r| format!(" ({r})")).unwrap_or_default();
            match l {
                "pt" => format!("Seu pedido *{id}* foi cancelado{why}."),
                "es" => format!("Tu pedido *{id}* fue cancelado{why}."),
                _ => format!("Your order *{id}* was cancelled{why}."),
            }
        }
        ("payment_failed", "pt") => format!(
            "O pagamento do pedido *{id}* não foi aprovado. Total: {}. Você pode tentar de novo: {}",
            money(&o.total, l),
            payment(o, payments)
        ),
        ("payment_failed", "es") => format!(
            "El pago del pedido *{id}* no se aprobó. Total: {}. Puedes intentarlo de nuevo: {}",
            money(&o.total, l),
            payment(o, payments)
        ),
        ("payment_failed", _) => format!(
            "The payment for order *{id}* did not go through. Total: {}. You can try again: {}",
            money(&o.total, l),
            payment(o, payments)
        ),
        ("refunded", "pt") => format!("O pedido *{id}* foi reembolsado: {}.", money(&o.total, l)),
        ("refunded", "es") => format!("El pedido *{id}* fue reembolsado: {}.", money(&o.total, l)),
        ("refunded", _) => format!("Order *{id}* was refunded: {}.", money(&o.total, l)),
        (other, _) => format!("{id}: {other}"),
    }
}

/// Why an order could not be placed, for the customer.
pub fn refusal_text(e: &OrderError, language: &str, catalog: &Catalog) -> String {
    let l = lang(language);
    let title = |id: &str| {
        catalog
            .get(None, id)
            .map(|p| p.title)
            .unwrap_or_else(|| id.to_string())
    };
    match (e, l) {
        (OrderError::EmptyCart, "pt") => {
            "Seu carrinho está vazio: adicione um produto antes de finalizar.".into()
        }
        (OrderError::EmptyCart, "es") => {
            "Tu carrito está vacío: agrega un producto antes de finalizar.".into()
        }
        (OrderError::EmptyCart, _) => {
            "Your cart is empty: add a product before checking out.".into()
        }
        (OrderError::OutOfStock { product, .. } | OrderError::Unavailable(product, _), "pt") => {
            format!(
                "Desculpe, não temos estoque suficiente de {}. Ajuste a quantidade ou escolha outro produto.",
                title(product)
            )
        }
        (OrderError::OutOfStock { product, .. } | OrderError::Unavailable(product, _), "es") => {
            format!(
                "Lo siento, no hay stock suficiente de {}. Ajusta la cantidad o elige otro producto.",
                title(product)
            )
        }
        (OrderError::OutOfStock { product, .. } | OrderError::Unavailable(product, _), _) => {
            format!(
                "Sorry, we don't have enough stock of {}. Change the quantity or pick another product.",
                title(product)
            )
        }
        (_, "pt") => {
            "Desculpe, não consegui registrar o pedido. Um atendente vai ajudar você.".into()
        }
        (_, "es") => {
            "Lo siento, no pude registrar el pedido. Alguien de nuestro equipo te ayudará.".into()
        }
        (_, _) => "Sorry, I couldn't place the order. A member of our team will help you.".into(),
    }
}
