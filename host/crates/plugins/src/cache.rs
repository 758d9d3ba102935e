//! Compiled components on disk, so a restart deserializes instead of
//! recompiling. Only the main engine's code is cached: with tiered
//! compilation, the optimised code of the background upgrade, never the
//! baseline code served until then.
//!
//! A cache file is `<cache_dir>/<component sha256>-<engine hash>.cwasm`, where
//! the engine hash is [`wasmtime::Engine::precompile_compatibility_hash`]
//! (wasmtime version, compiler settings, enabled features): a different
//! engine never even looks at another engine's files.
//!
//! # Why deserializing is sound here
//!
//! [`Component::deserialize_file`] is `unsafe` because wasmtime trusts the
//! file to be machine code it produced itself: a crafted file could run
//! anything. This module only ever deserializes files that it wrote itself,
//! from [`Component::serialize`] of a component this process compiled from
//! wasm bytes (uploaded bytes are always compiled, never deserialized), into
//! the host's own cache directory (`<data_dir>/cache/components` by default,
//! never the plugins directory, which operators and the watcher write to).
//! Files are written beside and renamed into place, so a half-written file is
//! never read; the file name binds it to the digest of the wasm it came from
//! and to this engine's configuration; and wasmtime still checks the
//! artifact's header and engine compatibility when loading it. Anyone able to
//! write into the host's data directory can already replace the host itself.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};
use wasmtime::Engine;
use wasmtime::component::Component;

/// Counters, visible in `GET /admin/plugins` under `cache`.
#[derive(Debug, Default)]
pub struct CacheStats {
    /// Components deserialized from the cache.
    pub hits: AtomicU64,
    /// Components compiled from wasm bytes by the main engine's compiler.
    pub compiled: AtomicU64,
    /// Components compiled by the baseline compiler to serve until their
    /// optimised code is ready (tiered compilation; never cached).
    pub baseline: AtomicU64,
    /// Compiled components written to the cache.
    pub stored: AtomicU64,
    /// Cache files that could not be used (then compiled).
    pub errors: AtomicU64,
}

impl CacheStats {
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "hits": self.hits.load(Ordering::Relaxed),
            "compiled": self.compiled.load(Ordering::Relaxed),
            "baseline": self.baseline.load(Ordering::Relaxed),
            "stored": self.stored.load(Ordering::Relaxed),
            "errors": self.errors.load(Ordering::Relaxed),
        })
    }
}

/// A `Hasher` over sha256, so the engine hash is stable across runs and
/// Rust versions (std's `DefaultHasher` promises neither).
struct Sha256Hasher(Sha256);

impl Hasher for Sha256Hasher {
    fn finish(&self) -> u64 {
        let d = self.0.clone().finalize();
        u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

/// The compiled-component cache of one engine.
pub struct Cache {
    dir: Option<PathBuf>,
    engine_hash: String,
    pub stats: CacheStats,
}

impl Cache {
    /// `dir = None` disables the cache (every load compiles).
    pub fn new(engine: &Engine, dir: Option<PathBuf>) -> Self {
        let mut h = Sha256Hasher(Sha256::new());
        engine.precompile_compatibility_hash().hash(&mut h);
        let engine_hash = hex::encode(&h.0.finalize()[..8]);
        if let Some(d) = &dir
            && let Err(e) = std::fs::create_dir_all(d)
        {
            tracing::warn!(dir = %d.display(), error = %e, "cannot create the compiled-component cache; compiling every time");
        }
        Self {
            dir,
            engine_hash,
            stats: CacheStats::default(),
        }
    }

    fn path(&self, digest: &str) -> Option<PathBuf> {
        let ok = digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit());
        self.dir
            .as_ref()
            .filter(|_| ok)
            .map(|d| d.join(format!("{digest}-{}.cwasm", self.engine_hash)))
    }

    /// The compiled component of `bytes` (whose sha256 is `digest`): from the
    /// cache when `trusted` (bytes read from the host's own plugins store)
    /// and present, else compiled (and then cached).
    pub fn component(
        &self,
        engine: &Engine,
        bytes: &[u8],
        digest: &str,
        trusted: bool,
    ) -> wasmtime::Result<Component> {
        if trusted && let Some(c) = self.cached(engine, digest) {
            return Ok(c);
        }
        self.compile(engine, bytes, digest)
    }

    /// The cached compilation of the component whose sha256 is `digest`,
    /// when there is a usable one. Only for bytes read from the host's own
    /// plugins store (see the module docs).
    pub fn cached(&self, engine: &Engine, digest: &str) -> Option<Component> {
        let path = self.path(digest)?;
        if !path.exists() {
            return None;
        }
        // SAFETY: see the module docs: only files this cache wrote from
        // components this host compiled, in the host's own directory.
        match unsafe { Component::deserialize_file(engine, &path) } {
            Ok(c) => {
                self.stats.hits.fetch_add(1, Ordering::Relaxed);
                tracing::debug!(digest = %&digest[..12], "component deserialized from the cache");
                Some(c)
            }
            Err(e) => {
                self.stats.errors.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(path = %path.display(), error = %e, "unusable cache file; recompiling");
                let _ = std::fs::remove_file(path);
                None
            }
        }
    }

    /// Compile `bytes` (whose sha256 is `digest`) and cache the result.
    pub fn compile(
        &self,
        engine: &Engine,
        bytes: &[u8],
        digest: &str,
    ) -> wasmtime::Result<Component> {
        let component = Component::new(engine, bytes)?;
        self.stats.compiled.fetch_add(1, Ordering::Relaxed);
        if let Some(path) = self.path(digest) {
            self.store(&component, &path);
        }
        Ok(component)
    }

    /// Compile `bytes` with the baseline engine (not cached: the optimised
    /// code replaces it soon).
    pub fn baseline(&self, engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Component> {
        let component = Component::new(engine, bytes)?;
        self.stats.baseline.fetch_add(1, Ordering::Relaxed);
        Ok(component)
    }

    fn store(&self, component: &Component, path: &Path) {
        if path.exists() {
            return;
        }
        let written = component
            .serialize()
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::new_v4().simple()));
                std::fs::write(&tmp, bytes)
                    .and_then(|()| std::fs::rename(&tmp, path))
                    .map_err(|e| {
                        let _ = std::fs::remove_file(&tmp);
                        e.to_string()
                    })
            });
        match written {
            Ok(()) => {
                self.stats.stored.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "cannot write the compiled-component cache")
            }
        }
    }
}
