//! Console sign-in: sessions in SQL behind an HttpOnly, SameSite=Strict
//! cookie (Secure by configuration: `server.public_url` /
//! `server.secure_cookies`), and a CSRF token per session checked on every
//! POST. Rate limits and the hashing pool are in `signin`.

use std::time::Duration;

use axum::http::{HeaderMap, header};
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::users::{Role, Scope, User};
use super::{Sales, SalesError};
use crate::db::now_ms;

pub const COOKIE: &str = "agent_store_console";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A signed-in console.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf: String,
}

fn token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Constant-time equality of two secrets.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of cookie `name` in the request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The `Set-Cookie` value of a session (or of its removal with `max_age` 0).
pub fn set_cookie(value: &str, max_age: Duration, secure: bool) -> String {
    format!(
        "{COOKIE}={value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age={}{}",
        max_age.as_secs(),
        if secure { "; Secure" } else { "" }
    )
}

/// A cross-site POST: its `Origin` names another host than the one asked.
pub fn cross_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .unwrap_or("");
    origin_host != host
}

impl Sales {
    /// Open a session for `user`: (cookie token, CSRF token).
    pub(super) async fn open_session(&self, user: &User) -> Result<(String, String), SalesError> {
        let (t, csrf) = (token(), token());
        let now = now_ms();
        let ttl = self.options().session_ttl.as_millis() as i64;
        let pool = &self.inner.deps.db.pool;
        sqlx::query("DELETE FROM sales_sessions WHERE expires_at < $1")
            .bind(now)
            .execute(pool)
            .await?;
        sqlx::query(
            "INSERT INTO sales_sessions (token_hash, user_name, csrf_token, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash(&t))
        .bind(&user.name)
        .bind(&csrf)
        .bind(now)
        .bind(now + ttl)
        .execute(pool)
        .await?;
        Ok((t, csrf))
    }

    /// The session of the request's cookie, if valid and unexpired.
    pub(super) async fn session(&self, headers: &HeaderMap) -> Result<Option<Session>, SalesError> {
        let Some(t) = cookie(headers, COOKIE).filter(|t| t.len() == 64) else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT s.csrf_token, u.name, u.role, u.brands FROM sales_sessions s
             JOIN sales_users u ON u.name = s.user_name
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash(&t))
        .bind(now_ms())
        .fetch_optional(&self.inner.deps.db.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let role: String = row.try_get("role")?;
        let brands: String = row.try_get("brands")?;
        Ok(Some(Session {
            csrf: row.try_get("csrf_token")?,
            user: User {
                name: row.try_get("name")?,
                role: Role::parse(&role).unwrap_or(Role::Rep),
                scope: Scope::parse(&brands),
            },
        }))
    }

    pub(super) async fn close_session(&self, headers: &HeaderMap) -> Result<(), SalesError> {
        if let Some(t) = cookie(headers, COOKIE) {
            sqlx::query("DELETE FROM sales_sessions WHERE token_hash = $1")
                .bind(token_hash(&t))
                .execute(&mut *self.inner.deps.db.writer.acquire().await?)
                .await?;
        }
        Ok(())
    }
}
