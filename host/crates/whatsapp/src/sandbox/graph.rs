//! The Graph API stand-in's wire format: authentication, Meta-like validation of
//! `POST /{version}/{phone_number_id}/messages` bodies, and Meta's response and error envelopes.
//!
//! Reference: <https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages>.

use std::collections::HashSet;

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::{Map, Value, json};

use super::SentMessage;

/// Limits Meta enforces on interactive and text messages (in characters).
const TEXT_BODY_MAX: usize = 4096;
const CAPTION_MAX: usize = 1024;
const BUTTON_BODY_MAX: usize = 1024;
const LIST_BODY_MAX: usize = 4096;
const HEADER_TEXT_MAX: usize = 60;
const FOOTER_TEXT_MAX: usize = 60;
const BUTTONS_MAX: usize = 3;
const BUTTON_TITLE_MAX: usize = 20;
const BUTTON_ID_MAX: usize = 256;
const LIST_BUTTON_MAX: usize = 20;
const LIST_SECTIONS_MAX: usize = 10;
const LIST_ROWS_MAX: usize = 10;
const ROW_ID_MAX: usize = 200;
const ROW_TITLE_MAX: usize = 24;
const ROW_DESCRIPTION_MAX: usize = 72;
const SECTION_TITLE_MAX: usize = 24;
const PRODUCT_ITEMS_MAX: usize = 30;
const CTA_DISPLAY_TEXT_MAX: usize = 20;

/// A Graph API error, answered in Meta's envelope.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// No `Authorization: Bearer …` header (Meta: 401, code 2500).
    #[error("missing access token")]
    MissingToken,
    /// A malformed or empty bearer token (Meta: 401, code 190).
    #[error("malformed access token")]
    BadToken,
    /// The path's phone number id is not the sandbox's business number (Meta: 400, code 100/33).
    #[error("unknown phone number id {0:?}")]
    UnknownObject(String),
    /// The path's version is not `v<major>.<minor>` (Meta: 400, code 2500).
    #[error("unknown API version {0:?}")]
    UnknownVersion(String),
    /// The body failed validation (Meta: 400, code 100 "Invalid parameter").
    #[error("invalid parameter: {0}")]
    InvalidParameter(String),
}

impl GraphError {
    fn invalid(details: impl Into<String>) -> Self {
        GraphError::InvalidParameter(details.into())
    }

    /// Meta's HTTP status and `error` object for this error.
    pub fn envelope(&self) -> (StatusCode, Value) {
        let fbtrace_id = fbtrace_id();
        match self {
            GraphError::MissingToken => (
                StatusCode::UNAUTHORIZED,
                json!({"error": {
                    "message": "An active access token must be used to query information about the current user.",
                    "type": "OAuthException",
                    "code": 2500,
                    "fbtrace_id": fbtrace_id,
                }}),
            ),
            GraphError::BadToken => (
                StatusCode::UNAUTHORIZED,
                json!({"error": {
                    "message": "Invalid OAuth access token - Cannot parse access token",
                    "type": "OAuthException",
                    "code": 190,
                    "fbtrace_id": fbtrace_id,
                }}),
            ),
            GraphError::UnknownObject(id) => (
                StatusCode::BAD_REQUEST,
                json!({"error": {
                    "message": format!("Unsupported post request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api"),
                    "type": "GraphMethodException",
                    "code": 100,
                    "error_subcode": 33,
                    "fbtrace_id": fbtrace_id,
                }}),
            ),
            GraphError::UnknownVersion(version) => (
                StatusCode::BAD_REQUEST,
                json!({"error": {
                    "message": format!("Unknown path components: /{version}"),
                    "type": "OAuthException",
                    "code": 2500,
                    "fbtrace_id": fbtrace_id,
                }}),
            ),
            GraphError::InvalidParameter(details) => (
                StatusCode::BAD_REQUEST,
                json!({"error": {
                    "message": "(#100) Invalid parameter",
                    "type": "OAuthException",
                    "code": 100,
                    "error_data": {"messaging_product": "whatsapp", "details": details},
                    "fbtrace_id": fbtrace_id,
                }}),
            ),
        }
    }
}

impl IntoResponse for GraphError {
    fn into_response(self) -> Response {
        let (status, body) = self.envelope();
        let mut response = (status, axum::Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("OAuth \"Facebook Platform\" \"invalid_token\""),
            );
        }
        response
    }
}

/// A validated Graph request.
#[derive(Debug)]
pub enum Request {
    /// Mark an inbound message read (optionally with a typing indicator).
    MarkRead { message_id: String, typing: bool },
    /// Send a message to `to` (digits only).
    Send {
        to: String,
        kind: String,
        payload: Value,
    },
}

/// Checks auth, path and body of a `/messages` request.
pub fn check_request(
    our_phone_number_id: &str,
    version: &str,
    phone_number_id: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Request, GraphError> {
    check_bearer(headers)?;
    if !is_version(version) {
        return Err(GraphError::UnknownVersion(version.to_owned()));
    }
    if phone_number_id != our_phone_number_id {
        return Err(GraphError::UnknownObject(phone_number_id.to_owned()));
    }
    let payload: Value = serde_json::from_slice(body)
        .map_err(|err| GraphError::invalid(format!("The request body is not valid JSON: {err}")))?;
    validate(payload)
}

fn check_bearer(headers: &HeaderMap) -> Result<(), GraphError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or(GraphError::MissingToken)?;
    let value = value.to_str().map_err(|_| GraphError::BadToken)?;
    let (scheme, token) = value.split_once(' ').ok_or(GraphError::BadToken)?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(GraphError::BadToken);
    }
    Ok(())
}

/// `v21.0`-style versions.
fn is_version(version: &str) -> bool {
    let Some(rest) = version.strip_prefix('v') else {
        return false;
    };
    let Some((major, minor)) = rest.split_once('.') else {
        return false;
    };
    [major, minor]
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Validates a body the way the Cloud API does.
pub fn validate(payload: Value) -> Result<Request, GraphError> {
    let body = payload
        .as_object()
        .ok_or_else(|| GraphError::invalid("The request body must be a JSON object"))?;
    match body.get("messaging_product") {
        Some(Value::String(product)) if product == "whatsapp" => {}
        Some(other) => {
            return Err(GraphError::invalid(format!(
                "Param messaging_product must be 'whatsapp', got {other}"
            )));
        }
        None => {
            return Err(GraphError::invalid(
                "The parameter messaging_product is required.",
            ));
        }
    }

    if let Some(status) = body.get("status") {
        if status.as_str() != Some("read") {
            return Err(GraphError::invalid(format!(
                "Param status must be 'read', got {status}"
            )));
        }
        let message_id = required_str(body, "message_id", "message_id")?;
        let typing = match body.get("typing_indicator") {
            None => false,
            Some(indicator) => {
                let kind = indicator.get("type").and_then(Value::as_str);
                if kind != Some("text") {
                    return Err(GraphError::invalid(
                        "Param typing_indicator.type must be 'text'",
                    ));
                }
                true
            }
        };
        return Ok(Request::MarkRead {
            message_id: message_id.to_owned(),
            typing,
        });
    }

    if let Some(recipient_type) = body.get("recipient_type")
        && recipient_type.as_str() != Some("individual")
    {
        return Err(GraphError::invalid(format!(
            "Param recipient_type must be 'individual', got {recipient_type}"
        )));
    }
    let to_raw = required_str(body, "to", "to")?;
    let to = digits(to_raw);
    if to.len() < 5 || to.len() > 15 {
        return Err(GraphError::invalid(format!(
            "Param to is not a valid phone number: {to_raw:?}"
        )));
    }
    let kind = match body.get("type") {
        None => "text",
        Some(Value::String(kind)) => kind.as_str(),
        Some(other) => {
            return Err(GraphError::invalid(format!(
                "Param type must be a string, got {other}"
            )));
        }
    };
    let object = |name: &str| -> Result<&Map<String, Value>, GraphError> {
        body.get(name).and_then(Value::as_object).ok_or_else(|| {
            GraphError::invalid(format!(
                "The parameter {name} is required for messages of type {kind}"
            ))
        })
    };
    match kind {
        "text" => validate_text(object("text")?)?,
        "image" => validate_image(object("image")?)?,
        "interactive" => validate_interactive(object("interactive")?)?,
        "template" => validate_template(object("template")?)?,
        "reaction" => validate_reaction(object("reaction")?)?,
        other => {
            return Err(GraphError::invalid(format!(
                "Param type must be one of {{text, image, interactive, template, reaction}} in this sandbox, got '{other}'"
            )));
        }
    }
    if let Some(context) = body.get("context") {
        let id = context.get("message_id").and_then(Value::as_str);
        if id.is_none_or(str::is_empty) {
            return Err(GraphError::invalid(
                "Param context.message_id is required when context is set",
            ));
        }
    }
    Ok(Request::Send {
        to,
        kind: kind.to_owned(),
        payload,
    })
}

fn validate_text(text: &Map<String, Value>) -> Result<(), GraphError> {
    let body = required_str(text, "body", "text.body")?;
    max_chars(body, TEXT_BODY_MAX, "text.body")?;
    if let Some(preview) = text.get("preview_url")
        && !preview.is_boolean()
    {
        return Err(GraphError::invalid(
            "Param text.preview_url must be a boolean",
        ));
    }
    Ok(())
}

fn validate_image(image: &Map<String, Value>) -> Result<(), GraphError> {
    let id = image.get("id").and_then(Value::as_str);
    let link = image.get("link").and_then(Value::as_str);
    match (id, link) {
        (Some(_), Some(_)) => {
            return Err(GraphError::invalid(
                "Param image must have either id or link, not both",
            ));
        }
        (None, None) => {
            return Err(GraphError::invalid("Param image requires an id or a link"));
        }
        (None, Some(link)) if !(link.starts_with("https://") || link.starts_with("http://")) => {
            return Err(GraphError::invalid(format!(
                "Param image.link must be an http(s) URL, got {link:?}"
            )));
        }
        _ => {}
    }
    if let Some(caption) = image.get("caption") {
        let caption = caption
            .as_str()
            .ok_or_else(|| GraphError::invalid("Param image.caption must be a string"))?;
        max_chars(caption, CAPTION_MAX, "image.caption")?;
    }
    Ok(())
}

fn validate_reaction(reaction: &Map<String, Value>) -> Result<(), GraphError> {
    required_str(reaction, "message_id", "reaction.message_id")?;
    // An empty emoji removes a reaction, so only the type is checked.
    match reaction.get("emoji") {
        Some(Value::String(_)) => Ok(()),
        _ => Err(GraphError::invalid(
            "The parameter reaction.emoji is required",
        )),
    }
}

fn validate_template(template: &Map<String, Value>) -> Result<(), GraphError> {
    required_str(template, "name", "template.name")?;
    let language = template
        .get("language")
        .and_then(Value::as_object)
        .ok_or_else(|| GraphError::invalid("The parameter template.language is required"))?;
    required_str(language, "code", "template.language.code")?;
    if let Some(components) = template.get("components") {
        let components = components
            .as_array()
            .ok_or_else(|| GraphError::invalid("Param template.components must be an array"))?;
        for (i, component) in components.iter().enumerate() {
            let kind = component.get("type").and_then(Value::as_str);
            if !matches!(kind, Some("header" | "body" | "button" | "footer")) {
                return Err(GraphError::invalid(format!(
                    "Param template.components[{i}].type must be header, body, footer or button"
                )));
            }
        }
    }
    Ok(())
}

fn validate_interactive(interactive: &Map<String, Value>) -> Result<(), GraphError> {
    let kind = required_str(interactive, "type", "interactive.type")?;
    let action = interactive
        .get("action")
        .and_then(Value::as_object)
        .ok_or_else(|| GraphError::invalid("The parameter interactive.action is required"))?;
    match kind {
        "button" => {
            validate_body(interactive, BUTTON_BODY_MAX, true)?;
            validate_header(interactive, &["text", "image", "video", "document"], false)?;
            validate_footer(interactive)?;
            validate_buttons(action)
        }
        "list" => {
            validate_body(interactive, LIST_BODY_MAX, true)?;
            validate_header(interactive, &["text"], false)?;
            validate_footer(interactive)?;
            validate_list(action)
        }
        "product" => {
            validate_body(interactive, BUTTON_BODY_MAX, false)?;
            validate_footer(interactive)?;
            required_str(action, "catalog_id", "interactive.action.catalog_id")?;
            required_str(
                action,
                "product_retailer_id",
                "interactive.action.product_retailer_id",
            )?;
            Ok(())
        }
        "product_list" => {
            validate_body(interactive, BUTTON_BODY_MAX, true)?;
            validate_header(interactive, &["text"], true)?;
            validate_footer(interactive)?;
            validate_product_list(action)
        }
        "cta_url" => {
            validate_body(interactive, BUTTON_BODY_MAX, true)?;
            validate_header(interactive, &["text", "image", "video", "document"], false)?;
            validate_footer(interactive)?;
            let parameters = action
                .get("parameters")
                .and_then(Value::as_object)
                .ok_or_else(|| {
                    GraphError::invalid("The parameter interactive.action.parameters is required")
                })?;
            let text = required_str(
                parameters,
                "display_text",
                "interactive.action.parameters.display_text",
            )?;
            max_chars(
                text,
                CTA_DISPLAY_TEXT_MAX,
                "interactive.action.parameters.display_text",
            )?;
            required_str(parameters, "url", "interactive.action.parameters.url")?;
            Ok(())
        }
        other => Err(GraphError::invalid(format!(
            "Param interactive.type must be one of {{button, list, product, product_list, cta_url}}, got '{other}'"
        ))),
    }
}

fn validate_body(
    interactive: &Map<String, Value>,
    max: usize,
    required: bool,
) -> Result<(), GraphError> {
    match interactive.get("body") {
        None if required => Err(GraphError::invalid(
            "The parameter interactive.body is required",
        )),
        None => Ok(()),
        Some(body) => {
            let body = body
                .as_object()
                .ok_or_else(|| GraphError::invalid("Param interactive.body must be an object"))?;
            let text = required_str(body, "text", "interactive.body.text")?;
            max_chars(text, max, "interactive.body.text")
        }
    }
}

fn validate_header(
    interactive: &Map<String, Value>,
    kinds: &[&str],
    required: bool,
) -> Result<(), GraphError> {
    let Some(header) = interactive.get("header") else {
        return if required {
            Err(GraphError::invalid(
                "The parameter interactive.header is required",
            ))
        } else {
            Ok(())
        };
    };
    let header = header
        .as_object()
        .ok_or_else(|| GraphError::invalid("Param interactive.header must be an object"))?;
    let kind = required_str(header, "type", "interactive.header.type")?;
    if !kinds.contains(&kind) {
        return Err(GraphError::invalid(format!(
            "Param interactive.header.type must be one of {kinds:?}, got '{kind}'"
        )));
    }
    if kind == "text" {
        let text = required_str(header, "text", "interactive.header.text")?;
        max_chars(text, HEADER_TEXT_MAX, "interactive.header.text")?;
    } else {
        let media = header.get(kind).and_then(Value::as_object).ok_or_else(|| {
            GraphError::invalid(format!(
                "The parameter interactive.header.{kind} is required"
            ))
        })?;
        if media.get("id").is_none() && media.get("link").is_none() {
            return Err(GraphError::invalid(format!(
                "Param interactive.header.{kind} requires an id or a link"
            )));
        }
    }
    Ok(())
}

fn validate_footer(interactive: &Map<String, Value>) -> Result<(), GraphError> {
    let Some(footer) = interactive.get("footer") else {
        return Ok(());
    };
    let footer = footer
        .as_object()
        .ok_or_else(|| GraphError::invalid("Param interactive.footer must be an object"))?;
    let text = required_str(footer, "text", "interactive.footer.text")?;
    max_chars(text, FOOTER_TEXT_MAX, "interactive.footer.text")
}

fn validate_buttons(action: &Map<String, Value>) -> Result<(), GraphError> {
    let buttons = action
        .get("buttons")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            GraphError::invalid("The parameter interactive.action.buttons is required")
        })?;
    if buttons.is_empty() || buttons.len() > BUTTONS_MAX {
        return Err(GraphError::invalid(format!(
            "Param interactive.action.buttons must have between 1 and {BUTTONS_MAX} elements, got {}",
            buttons.len()
        )));
    }
    let mut ids = HashSet::new();
    let mut titles = HashSet::new();
    for (i, button) in buttons.iter().enumerate() {
        let field = format!("interactive.action.buttons[{i}]");
        if button.get("type").and_then(Value::as_str) != Some("reply") {
            return Err(GraphError::invalid(format!(
                "Param {field}.type must be 'reply'"
            )));
        }
        let reply = button
            .get("reply")
            .and_then(Value::as_object)
            .ok_or_else(|| {
                GraphError::invalid(format!("The parameter {field}.reply is required"))
            })?;
        let id = required_str(reply, "id", &format!("{field}.reply.id"))?;
        max_chars(id, BUTTON_ID_MAX, &format!("{field}.reply.id"))?;
        let title = required_str(reply, "title", &format!("{field}.reply.title"))?;
        max_chars(title, BUTTON_TITLE_MAX, &format!("{field}.reply.title"))?;
        if !ids.insert(id) {
            return Err(GraphError::invalid(format!(
                "Param {field}.reply.id duplicates another button's id: {id:?}"
            )));
        }
        if !titles.insert(title) {
            return Err(GraphError::invalid(format!(
                "Param {field}.reply.title duplicates another button's title: {title:?}"
            )));
        }
    }
    Ok(())
}

fn validate_list(action: &Map<String, Value>) -> Result<(), GraphError> {
    let button = required_str(action, "button", "interactive.action.button")?;
    max_chars(button, LIST_BUTTON_MAX, "interactive.action.button")?;
    let sections = sections(action, "interactive.action.sections")?;
    let mut rows_total = 0;
    let mut ids = HashSet::new();
    for (i, section) in sections.iter().enumerate() {
        let field = format!("interactive.action.sections[{i}]");
        section_title(section, sections.len() > 1, &field)?;
        let rows = section
            .get("rows")
            .and_then(Value::as_array)
            .filter(|rows| !rows.is_empty())
            .ok_or_else(|| {
                GraphError::invalid(format!("Param {field}.rows must be a non-empty array"))
            })?;
        rows_total += rows.len();
        for (j, row) in rows.iter().enumerate() {
            let field = format!("{field}.rows[{j}]");
            let row = row
                .as_object()
                .ok_or_else(|| GraphError::invalid(format!("Param {field} must be an object")))?;
            let id = required_str(row, "id", &format!("{field}.id"))?;
            max_chars(id, ROW_ID_MAX, &format!("{field}.id"))?;
            if !ids.insert(id) {
                return Err(GraphError::invalid(format!(
                    "Param {field}.id duplicates another row's id: {id:?}"
                )));
            }
            let title = required_str(row, "title", &format!("{field}.title"))?;
            max_chars(title, ROW_TITLE_MAX, &format!("{field}.title"))?;
            if let Some(description) = row.get("description") {
                let description = description.as_str().ok_or_else(|| {
                    GraphError::invalid(format!("Param {field}.description must be a string"))
                })?;
                max_chars(
                    description,
                    ROW_DESCRIPTION_MAX,
                    &format!("{field}.description"),
                )?;
            }
        }
    }
    if rows_total > LIST_ROWS_MAX {
        return Err(GraphError::invalid(format!(
            "Param interactive.action.sections may have at most {LIST_ROWS_MAX} rows in total, got {rows_total}"
        )));
    }
    Ok(())
}

fn validate_product_list(action: &Map<String, Value>) -> Result<(), GraphError> {
    required_str(action, "catalog_id", "interactive.action.catalog_id")?;
    let sections = sections(action, "interactive.action.sections")?;
    let mut items_total = 0;
    for (i, section) in sections.iter().enumerate() {
        let field = format!("interactive.action.sections[{i}]");
        section_title(section, sections.len() > 1, &field)?;
        let items = section
            .get("product_items")
            .and_then(Value::as_array)
            .filter(|items| !items.is_empty())
            .ok_or_else(|| {
                GraphError::invalid(format!(
                    "Param {field}.product_items must be a non-empty array"
                ))
            })?;
        items_total += items.len();
        for (j, item) in items.iter().enumerate() {
            let field = format!("{field}.product_items[{j}]");
            let item = item
                .as_object()
                .ok_or_else(|| GraphError::invalid(format!("Param {field} must be an object")))?;
            required_str(
                item,
                "product_retailer_id",
                &format!("{field}.product_retailer_id"),
            )?;
        }
    }
    if items_total > PRODUCT_ITEMS_MAX {
        return Err(GraphError::invalid(format!(
            "Param interactive.action.sections may have at most {PRODUCT_ITEMS_MAX} product items in total, got {items_total}"
        )));
    }
    Ok(())
}

fn sections<'a>(action: &'a Map<String, Value>, field: &str) -> Result<&'a [Value], GraphError> {
    let sections = action
        .get("sections")
        .and_then(Value::as_array)
        .ok_or_else(|| GraphError::invalid(format!("The parameter {field} is required")))?;
    if sections.is_empty() || sections.len() > LIST_SECTIONS_MAX {
        return Err(GraphError::invalid(format!(
            "Param {field} must have between 1 and {LIST_SECTIONS_MAX} elements, got {}",
            sections.len()
        )));
    }
    Ok(sections)
}

fn section_title(section: &Value, required: bool, field: &str) -> Result<(), GraphError> {
    match section.get("title") {
        None if required => Err(GraphError::invalid(format!(
            "The parameter {field}.title is required when there is more than one section"
        ))),
        None => Ok(()),
        Some(title) => {
            let title = title.as_str().ok_or_else(|| {
                GraphError::invalid(format!("Param {field}.title must be a string"))
            })?;
            max_chars(title, SECTION_TITLE_MAX, &format!("{field}.title"))
        }
    }
}

fn required_str<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    field: &str,
) -> Result<&'a str, GraphError> {
    match object.get(key) {
        Some(Value::String(value)) if !value.trim().is_empty() => Ok(value),
        Some(Value::String(_)) => Err(GraphError::invalid(format!(
            "Param {field} must not be empty"
        ))),
        Some(other) => Err(GraphError::invalid(format!(
            "Param {field} must be a string, got {other}"
        ))),
        None => Err(GraphError::invalid(format!(
            "The parameter {field} is required"
        ))),
    }
}

fn max_chars(value: &str, max: usize, field: &str) -> Result<(), GraphError> {
    let len = value.chars().count();
    if len > max {
        return Err(GraphError::invalid(format!(
            "Param {field} is too long: {len} characters, the maximum is {max}"
        )));
    }
    Ok(())
}

/// The digits of a phone number: Meta normalizes `+1 (555) 000-0001` to `15550000001`.
pub fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

/// A fresh `wamid.…`, shaped like Meta's (base64 of a small binary record with the recipient).
pub fn new_wamid(to: &str) -> String {
    let mut raw = Vec::with_capacity(48);
    raw.extend_from_slice(&[0x1c, 0x18, 0x0b]);
    raw.extend_from_slice(to.as_bytes());
    raw.extend_from_slice(&[0x15, 0x02, 0x00, 0x11, 0x18, 0x12]);
    raw.extend_from_slice(hex::encode_upper(rand::random::<[u8; 9]>()).as_bytes());
    raw.push(0x00);
    format!(
        "wamid.{}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

/// Meta's `fbtrace_id`: an opaque 11-character token.
fn fbtrace_id() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 8]>())
}

/// Meta's success envelope for a sent message.
pub fn send_response(message: &SentMessage) -> Value {
    let input = message
        .payload
        .get("to")
        .and_then(Value::as_str)
        .unwrap_or(&message.to);
    let mut sent = json!({"id": message.id});
    if message.kind == "template" {
        // Meta adds the template's pacing state.
        sent["message_status"] = json!("accepted");
    }
    json!({
        "messaging_product": "whatsapp",
        "contacts": [{"input": input, "wa_id": message.to}],
        "messages": [sent],
    })
}
