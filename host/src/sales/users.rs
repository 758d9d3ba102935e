//! Sales reps' accounts: a role, a brand scope and an argon2id password
//! hash. Stored in SQL like everything else.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::SalesError;
use crate::db::{Db, now_ms};

/// Shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 8;
/// Longest password accepted, in bytes (sign-in refuses longer ones before
/// any hashing).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Every brand, user management, every report.
    Admin,
    /// Conversations and reports of the brands in scope.
    Rep,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Rep => "rep",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "rep" => Some(Role::Rep),
            _ => None,
        }
    }
}

/// Which brands an account sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "brands")]
pub enum Scope {
    All,
    Brands(Vec<String>),
}

impl Scope {
    /// `*` or a comma-separated list (lower-cased, trimmed).
    pub fn parse(s: &str) -> Scope {
        if s.trim() == "*" {
            return Scope::All;
        }
        let mut brands: Vec<String> = s
            .split(',')
            .map(|b| b.trim().to_ascii_lowercase())
            .filter(|b| !b.is_empty())
            .collect();
        brands.sort();
        brands.dedup();
        Scope::Brands(brands)
    }

    pub fn to_db(&self) -> String {
        match self {
            Scope::All => "*".into(),
            Scope::Brands(b) => b.join(","),
        }
    }

    /// Whether something of `brand` is in scope. Conversations not yet
    /// routed to a brand are for accounts that see every brand.
    pub fn allows(&self, brand: Option<&str>) -> bool {
        match (self, brand) {
            (Scope::All, _) => true,
            (Scope::Brands(bs), Some(b)) => bs.iter().any(|x| x.eq_ignore_ascii_case(b)),
            (Scope::Brands(_), None) => false,
        }
    }
}

/// A signed-in account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub role: Role,
    pub scope: Scope,
}

impl User {
    /// What the account can see: admins see everything.
    pub fn allows(&self, brand: Option<&str>) -> bool {
        self.role == Role::Admin || self.scope.allows(brand)
    }
}

/// The account store.
#[derive(Debug, Clone)]
pub struct Users {
    db: Db,
}

/// Hash a password with argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> Result<String, SalesError> {
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
        .map_err(|e| SalesError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| SalesError::Hash(e.to_string()))
}

/// Whether `password` matches a PHC hash (false for a corrupt hash).
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Most argon2 memory a reusable buffer keeps (a stored hash asking for
/// more is verified with a buffer of its own).
const MAX_REUSED_BLOCKS: usize = 64 * 1024;

/// [`verify_password`] with argon2's working memory (19 MiB by default)
/// kept in `memory` and reused by the next call: a hashing thread never
/// returns it to the allocator, so a stream of sign-ins cannot fragment
/// the heap into ever more resident memory.
pub fn verify_password_reusing(
    password: &str,
    hash: &str,
    memory: &mut Vec<argon2::Block>,
) -> bool {
    let Ok(phc) = PasswordHash::new(hash) else {
        return false;
    };
    let (Some(expected), Some(salt)) = (phc.hash, phc.salt) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        argon2::Algorithm::try_from(phc.algorithm),
        argon2::Params::try_from(&phc),
    ) else {
        return false;
    };
    let version = match phc.version.map(argon2::Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    let blocks = params.block_count();
    if blocks > MAX_REUSED_BLOCKS {
        return verify_password(password, hash);
    }
    if memory.len() < blocks {
        memory.resize(blocks, argon2::Block::default());
    }
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return false;
    };
    let mut out = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, &mut memory[..blocks])
        .is_ok()
        // Output's equality is constant-time.
        && argon2::password_hash::Output::new(&out).is_ok_and(|o| o == expected)
}

/// A valid user name: 1-64 of `[A-Za-z0-9._@-]`.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
}

impl Users {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Create the account, or replace its password, role and scope.
    /// Hashing runs off the async threads.
    pub async fn upsert(
        &self,
        name: &str,
        password: &str,
        role: Role,
        scope: &Scope,
    ) -> Result<(), SalesError> {
        if !valid_name(name) {
            return Err(SalesError::Invalid(
                "user names are 1-64 letters, digits, '.', '_', '-' or '@'".into(),
            ));
        }
        if password.chars().count() < MIN_PASSWORD_LEN || password.len() > MAX_PASSWORD_BYTES {
            return Err(SalesError::Invalid(format!(
                "passwords have at least {MIN_PASSWORD_LEN} characters and at most {MAX_PASSWORD_BYTES} bytes"
            )));
        }
        if role == Role::Rep && scope == &Scope::Brands(Vec::new()) {
            return Err(SalesError::Invalid(
                "a rep needs at least one brand (--brands fashion,tech)".into(),
            ));
        }
        let password = password.to_string();
        let hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|e| SalesError::Hash(e.to_string()))??;
        let now = now_ms();
        sqlx::query(
            "INSERT INTO sales_users (name, password_hash, role, brands, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $5)
             ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash,
                 role = excluded.role, brands = excluded.brands, updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(hash)
        .bind(role.as_str())
        .bind(scope.to_db())
        .bind(now)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        // A changed password or scope ends the account's sessions.
        sqlx::query("DELETE FROM sales_sessions WHERE user_name = $1")
            .bind(name)
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
        Ok(())
    }

    pub async fn get(&self, name: &str) -> Result<Option<User>, SalesError> {
        Ok(self.get_with_hash(name).await?.map(|(u, _)| u))
    }

    pub(super) async fn get_with_hash(
        &self,
        name: &str,
    ) -> Result<Option<(User, String)>, SalesError> {
        let row = sqlx::query(
            "SELECT name, password_hash, role, brands FROM sales_users WHERE name = $1",
        )
        .bind(name)
        .fetch_optional(&self.db.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let role: String = row.try_get("role")?;
        let brands: String = row.try_get("brands")?;
        let user = User {
            name: row.try_get("name")?,
            role: Role::parse(&role).unwrap_or(Role::Rep),
            scope: Scope::parse(&brands),
        };
        Ok(Some((user, row.try_get("password_hash")?)))
    }

    /// The account when the password matches. An unknown name costs as much
    /// as a wrong password (no timing oracle for valid names).
    pub async fn authenticate(
        &self,
        name: &str,
        password: &str,
    ) -> Result<Option<User>, SalesError> {
        let found = self.get_with_hash(name).await?;
        let hash = found.as_ref().map(|(_, h)| h.clone());
        let password = password.to_string();
        let ok = tokio::task::spawn_blocking(move || {
            // Unknown name: verify against a hash of a random string, which
            // takes the same time and never matches.
            verify_password(&password, &hash.unwrap_or_else(dummy_hash))
        })
        .await
        .map_err(|e| SalesError::Hash(e.to_string()))?;
        Ok(found.filter(|_| ok).map(|(u, _)| u))
    }

    /// Every account, by name.
    pub async fn list(&self) -> Result<Vec<User>, SalesError> {
        let rows = sqlx::query("SELECT name, role, brands FROM sales_users ORDER BY name")
            .fetch_all(&self.db.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let role: String = r.try_get("role")?;
                let brands: String = r.try_get("brands")?;
                Ok(User {
                    name: r.try_get("name")?,
                    role: Role::parse(&role).unwrap_or(Role::Rep),
                    scope: Scope::parse(&brands),
                })
            })
            .collect()
    }
}

/// argon2id of a random throw-away password, default parameters, made once.
pub(super) fn dummy_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password(&hex::encode(rand::random::<[u8; 16]>())).unwrap_or_default())
        .clone()
}
