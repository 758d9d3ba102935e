//! The console: one HTML document with its stylesheet and script, embedded
//! in the binary (no build step, no CDN: it works offline).

use axum::http::header;
use axum::response::{Html, IntoResponse};

const INDEX_HTML: &str = include_str!("console/index.html");
const APP_CSS: &str = include_str!("console/app.css");
const APP_JS: &str = include_str!("console/app.js");

/// Every page answer: not cached, not framed, scripts only from us.
const SECURITY: [(header::HeaderName, &str); 4] = [
    (header::CACHE_CONTROL, "no-store"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; img-src 'self' data: https: http:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    ),
];

/// `GET /console`.
pub(super) async fn index() -> impl IntoResponse {
    (SECURITY, Html(INDEX_HTML))
}

/// `GET /console/assets/app.css`.
pub(super) async fn css() -> impl IntoResponse {
    (
        SECURITY,
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        APP_CSS,
    )
}

/// `GET /console/assets/app.js`.
pub(super) async fn js() -> impl IntoResponse {
    (
        SECURITY,
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        APP_JS,
    )
}
