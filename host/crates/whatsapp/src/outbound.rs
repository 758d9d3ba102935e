//! Reply actions → Graph API message bodies, within Meta's limits.
//!
//! Over-limit content is adapted rather than refused where a faithful
//! adaptation exists: long text is split, more than three buttons become a
//! list, long titles are shortened. Product cards render as WhatsApp product
//! messages when a Meta catalog id is configured, else as an image with a
//! caption built from the catalog (price and stock always come from the
//! catalog, never from the plugin).

use serde_json::{Value, json};

use super::limits::{self, fit};
use crate::catalog::{Availability, Catalog};
use crate::chat::{Action, Button, ListRow, ListSection};

/// What rendering needs besides the action.
pub struct RenderContext<'a> {
    pub to: &'a str,
    pub catalog: &'a Catalog,
    /// Meta catalog id for product messages; `None` = image fallback.
    pub catalog_id: Option<&'a str>,
    pub language: &'a str,
}

/// One Graph API message body and the text a person reads in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub body: Value,
    pub text: String,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RenderError {
    #[error("{0} is not a message action")]
    NotAMessage(&'static str),
    #[error("unknown product {0}")]
    UnknownProduct(String),
    #[error("{0}")]
    Invalid(String),
}

/// Render one customer-visible action into one or more messages.
pub fn render(action: &Action, ctx: &RenderContext<'_>) -> Result<Vec<Rendered>, RenderError> {
    match action {
        Action::Text { body } => {
            let parts = limits::split_text(body, limits::TEXT_BODY);
            if parts.is_empty() {
                return Err(RenderError::Invalid("empty text".into()));
            }
            Ok(parts.into_iter().map(|p| text(ctx.to, &p)).collect())
        }
        Action::Image { url, caption } => {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(RenderError::Invalid(format!(
                    "image url {url:?} is not http(s)"
                )));
            }
            Ok(vec![image(ctx.to, url, caption.as_deref().unwrap_or(""))])
        }
        Action::Buttons {
            body,
            buttons,
            header,
            footer,
        } => buttons_message(ctx.to, body, buttons, header.as_deref(), footer.as_deref()),
        Action::List {
            body,
            button_label,
            sections,
            header,
            footer,
        } => Ok(vec![list(
            ctx.to,
            body,
            button_label,
            sections,
            header.as_deref(),
            footer.as_deref(),
        )?]),
        Action::Product { product_id, body } => {
            Ok(vec![product(ctx, product_id, body.as_deref())?])
        }
        Action::Products {
            header,
            body,
            product_ids,
        } => products(ctx, header, body, product_ids),
        Action::AddToCart { .. } => Err(RenderError::NotAMessage("add-to-cart")),
        Action::RemoveFromCart { .. } => Err(RenderError::NotAMessage("remove-from-cart")),
        Action::SetCartQuantity { .. } => Err(RenderError::NotAMessage("set-cart-quantity")),
        Action::ClearCart => Err(RenderError::NotAMessage("clear-cart")),
        Action::PlaceOrder { .. } => Err(RenderError::NotAMessage("place-order")),
        Action::Escalate { .. } => Err(RenderError::NotAMessage("escalate")),
        Action::HandOff { .. } => Err(RenderError::NotAMessage("hand-off")),
    }
}

fn envelope(to: &str, kind: &str, content: Value) -> Value {
    // A customer known only by their business-scoped user id (they hide
    // their number behind a username) is addressed by `recipient`.
    let address = if super::identity::is_bsuid(to) {
        "recipient"
    } else {
        "to"
    };
    let mut v = json!({
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "type": kind,
    });
    v[address] = json!(to);
    v[kind] = content;
    v
}

pub fn text(to: &str, body: &str) -> Rendered {
    Rendered {
        body: envelope(to, "text", json!({ "preview_url": false, "body": body })),
        text: body.to_string(),
    }
}

fn image(to: &str, url: &str, caption: &str) -> Rendered {
    let caption = fit(caption, limits::IMAGE_CAPTION);
    let mut img = json!({ "link": url });
    if !caption.is_empty() {
        img["caption"] = json!(caption);
    }
    Rendered {
        body: envelope(to, "image", img),
        text: caption,
    }
}

fn header_footer(interactive: &mut Value, header: Option<&str>, footer: Option<&str>) {
    if let Some(h) = header.filter(|h| !h.trim().is_empty()) {
        interactive["header"] = json!({ "type": "text", "text": fit(h, limits::HEADER) });
    }
    if let Some(f) = footer.filter(|f| !f.trim().is_empty()) {
        interactive["footer"] = json!({ "text": fit(f, limits::FOOTER) });
    }
}

fn check_id(id: &str) -> Result<(), RenderError> {
    if id.is_empty() || id.len() > limits::ID {
        return Err(RenderError::Invalid(format!(
            "reply id must be 1-{} bytes, got {}",
            limits::ID,
            id.len()
        )));
    }
    Ok(())
}

fn buttons_message(
    to: &str,
    body: &str,
    buttons: &[Button],
    header: Option<&str>,
    footer: Option<&str>,
) -> Result<Vec<Rendered>, RenderError> {
    if buttons.is_empty() {
        return Err(RenderError::Invalid(
            "a buttons message needs at least one button".into(),
        ));
    }
    if buttons.len() > limits::BUTTONS_MAX {
        // More choices than WhatsApp shows as buttons: a list keeps them all.
        let rows = buttons
            .iter()
            .map(|b| ListRow {
                id: b.id.clone(),
                title: b.title.clone(),
                description: None,
            })
            .collect();
        let section = ListSection {
            title: String::new(),
            rows,
        };
        return Ok(vec![list(to, body, "Options", &[section], header, footer)?]);
    }
    let mut seen = std::collections::HashSet::new();
    let mut reply_buttons = Vec::new();
    for b in buttons {
        check_id(&b.id)?;
        if !seen.insert(b.id.as_str()) {
            return Err(RenderError::Invalid(format!(
                "duplicate button id {}",
                b.id
            )));
        }
        reply_buttons.push(json!({ "type": "reply", "reply": { "id": b.id, "title": fit(&b.title, limits::BUTTON_TITLE) } }));
    }
    let body = non_empty(body, limits::INTERACTIVE_BODY)?;
    let mut interactive = json!({ "type": "button", "body": { "text": body }, "action": { "buttons": reply_buttons } });
    header_footer(&mut interactive, header, footer);
    Ok(vec![Rendered {
        body: envelope(to, "interactive", interactive),
        text: body,
    }])
}

fn non_empty(body: &str, max: usize) -> Result<String, RenderError> {
    let body = fit(body, max);
    if body.is_empty() {
        return Err(RenderError::Invalid("empty message body".into()));
    }
    Ok(body)
}

fn list(
    to: &str,
    body: &str,
    button_label: &str,
    sections: &[ListSection],
    header: Option<&str>,
    footer: Option<&str>,
) -> Result<Rendered, RenderError> {
    let mut remaining = limits::LIST_ROWS_MAX;
    let mut out_sections = Vec::new();
    for s in sections.iter().take(limits::LIST_SECTIONS_MAX) {
        let mut rows = Vec::new();
        for r in s.rows.iter().take(remaining) {
            check_id(&r.id)?;
            let mut row = json!({ "id": r.id, "title": fit(&r.title, limits::ROW_TITLE) });
            if let Some(d) = r.description.as_deref().filter(|d| !d.trim().is_empty()) {
                row["description"] = json!(fit(d, limits::ROW_DESCRIPTION));
            }
            rows.push(row);
        }
        remaining -= rows.len();
        if rows.is_empty() {
            continue;
        }
        let mut section = json!({ "rows": rows });
        // Meta requires a title whenever there is more than one section.
        let title = if s.title.trim().is_empty() && sections.len() > 1 {
            "Options"
        } else {
            s.title.as_str()
        };
        if !title.trim().is_empty() {
            section["title"] = json!(fit(title, limits::SECTION_TITLE));
        }
        out_sections.push(section);
    }
    if out_sections.is_empty() {
        return Err(RenderError::Invalid("a list needs at least one row".into()));
    }
    let body = non_empty(body, limits::INTERACTIVE_BODY)?;
    let label = if button_label.trim().is_empty() {
        "Options"
    } else {
        button_label
    };
    let mut interactive = json!({
        "type": "list",
        "body": { "text": body },
        "action": { "button": fit(label, limits::LIST_BUTTON), "sections": out_sections }
    });
    header_footer(&mut interactive, header, footer);
    Ok(Rendered {
        body: envelope(to, "interactive", interactive),
        text: body,
    })
}

/// "Title — 89.90 USD" (+ stock note), from the catalog only.
fn product_line(
    ctx: &RenderContext<'_>,
    id: &str,
) -> Result<(String, Option<String>), RenderError> {
    let p = ctx
        .catalog
        .get(None, id)
        .ok_or_else(|| RenderError::UnknownProduct(id.to_string()))?;
    // The customer's language for the few words around the catalog's.
    let (was, sold_out) = match ctx.language {
        "pt" => ("antes", "esgotado"),
        "es" => ("antes", "agotado"),
        _ => ("was", "out of stock"),
    };
    let mut line = format!("*{}* — {}", p.title, p.effective_price());
    if p.sale_price.is_some() {
        line.push_str(&format!(" ({was} {})", p.price));
    }
    if p.availability == Availability::OutOfStock {
        line.push_str(&format!(" · {sold_out}"));
    }
    Ok((line, p.image_url.clone()))
}

fn product(ctx: &RenderContext<'_>, id: &str, body: Option<&str>) -> Result<Rendered, RenderError> {
    let (line, image_url) = product_line(ctx, id)?;
    let text = match body.filter(|b| !b.trim().is_empty()) {
        Some(b) => format!("{line}\n{b}"),
        None => line,
    };
    if let Some(catalog_id) = ctx.catalog_id {
        let mut interactive = json!({
            "type": "product",
            "action": { "catalog_id": catalog_id, "product_retailer_id": id }
        });
        if let Some(b) = body.filter(|b| !b.trim().is_empty()) {
            interactive["body"] = json!({ "text": fit(b, limits::INTERACTIVE_BODY) });
        }
        return Ok(Rendered {
            body: envelope(ctx.to, "interactive", interactive),
            text,
        });
    }
    Ok(match image_url {
        Some(url) => image(ctx.to, &url, &text),
        None => self::text(ctx.to, &text),
    })
}

fn products(
    ctx: &RenderContext<'_>,
    header: &str,
    body: &str,
    ids: &[String],
) -> Result<Vec<Rendered>, RenderError> {
    if ids.is_empty() {
        return Err(RenderError::Invalid(
            "a product list needs at least one product".into(),
        ));
    }
    let ids: Vec<&String> = ids.iter().take(limits::PRODUCT_LIST_ITEMS).collect();
    let mut lines = Vec::new();
    for id in &ids {
        lines.push(product_line(ctx, id)?.0);
    }
    let text = format!("{}\n{}", body.trim(), lines.join("\n"))
        .trim()
        .to_string();
    if let Some(catalog_id) = ctx.catalog_id {
        let items: Vec<Value> = ids
            .iter()
            .map(|id| json!({ "product_retailer_id": id }))
            .collect();
        let header = if header.trim().is_empty() {
            "Products"
        } else {
            header
        };
        let interactive = json!({
            "type": "product_list",
            "header": { "type": "text", "text": fit(header, limits::HEADER) },
            "body": { "text": non_empty(if body.trim().is_empty() { header } else { body }, limits::INTERACTIVE_BODY)? },
            "action": { "catalog_id": catalog_id, "sections": [{ "title": fit(header, limits::SECTION_TITLE), "product_items": items }] }
        });
        return Ok(vec![Rendered {
            body: envelope(ctx.to, "interactive", interactive),
            text,
        }]);
    }
    Ok(limits::split_text(&text, limits::TEXT_BODY)
        .into_iter()
        .map(|p| self::text(ctx.to, &p))
        .collect())
}

/// A template message (the only kind WhatsApp delivers outside the 24-hour
/// customer-service window). `components` are Meta's template components
/// (header/body/button parameters), passed through.
pub fn template(to: &str, name: &str, language: &str, components: &[Value]) -> Value {
    let mut template = json!({ "name": name, "language": { "code": language } });
    if !components.is_empty() {
        template["components"] = Value::Array(components.to_vec());
    }
    envelope(to, "template", template)
}

/// Mark an inbound message as read (blue ticks for the customer).
pub fn mark_read(wamid: &str) -> Value {
    json!({ "messaging_product": "whatsapp", "status": "read", "message_id": wamid })
}
