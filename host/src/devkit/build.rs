//! `agent-store plugin build`: build the guest crates under `plugins/` to
//! `wasm32-wasip2` components and install them, with their manifests, into
//! the plugins directory.
//!
//! Two toolchain routes, chosen here so nobody has to:
//! - **rustup** (route A): the `wasm32-wasip2` standard library is
//!   installed, or `rustup target add` can install it;
//! - **Debian** (route B, offline machines): Debian's `rustc-web` with
//!   `rust-web-src`, building std from source (`-Zbuild-std`), linking
//!   through `wasm-component-ld` and `wasm-ld-16`. `./dev setup` installs it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::plugins::manifest::{self, Manifest};

pub const TARGET: &str = "wasm32-wasip2";

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("no plugin crates (plugins/*/plugin.toml) under {0}")]
    NoPlugins(String),
    #[error("plugin {plugin}: {source}")]
    Manifest {
        plugin: String,
        source: manifest::ManifestError,
    },
    #[error(
        "no {TARGET} toolchain: `rustup target add {TARGET}` failed and Debian's rustc-web route is not installed; run `./dev setup`"
    )]
    NoToolchain,
    #[error("cargo build failed ({0}); see its output above")]
    Cargo(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |source| BuildError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Which compiler builds the guests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Toolchain {
    Rustup,
    Debian { component_ld: PathBuf },
}

impl Toolchain {
    /// Route A if its std is there (installing it when possible), else B.
    pub fn detect() -> Result<Self, BuildError> {
        if rustup_target_installed() {
            return Ok(Toolchain::Rustup);
        }
        if which("rustup").is_some() {
            tracing::info!("installing the {TARGET} target with rustup");
            let ok = run_with_timeout(
                Command::new("rustup").args(["target", "add", TARGET]),
                Duration::from_secs(180),
            );
            if ok && rustup_target_installed() {
                return Ok(Toolchain::Rustup);
            }
            tracing::warn!("rustup could not install {TARGET}; trying Debian's rustc-web route");
        }
        debian_route().ok_or(BuildError::NoToolchain)
    }
}

fn rustup_target_installed() -> bool {
    let Ok(out) = Command::new("rustc")
        .args(["--print", "target-libdir", "--target", TARGET])
        .output()
    else {
        return false;
    };
    let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    std::fs::read_dir(dir)
        .map(|entries| {
            entries.filter_map(Result::ok).any(|e| {
                let n = e.file_name();
                let n = n.to_string_lossy();
                n.starts_with("libstd-") && n.ends_with(".rlib")
            })
        })
        .unwrap_or(false)
}

/// Route B's pieces, when all are present.
fn debian_route() -> Option<Toolchain> {
    let present = |p: &str| Path::new(p).exists();
    if !(present("/usr/bin/rustc")
        && present("/usr/lib/rustlib/src/rust")
        && present("/usr/bin/wasm-ld-16"))
    {
        return None;
    }
    let local = std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".local/share/agent-store/tools/bin/wasm-component-ld"));
    let component_ld = which("wasm-component-ld").or(local.filter(|p| p.exists()))?;
    Some(Toolchain::Debian { component_ld })
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(program))
            .find(|p| p.is_file())
    })
}

fn run_with_timeout(cmd: &mut Command, timeout: Duration) -> bool {
    let Ok(mut child) = cmd.spawn() else {
        return false;
    };
    let deadline = std::time::Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(200));
            }
            _ => {
                let _ = child.kill();
                return false;
            }
        }
    }
}

/// A guest crate found in the workspace.
#[derive(Debug, Clone)]
pub struct GuestCrate {
    pub dir: PathBuf,
    pub manifest: Manifest,
}

/// Every `plugins/*/plugin.toml` of the workspace, sorted by name.
pub fn discover(workspace: &Path) -> Result<Vec<GuestCrate>, BuildError> {
    let root = workspace.join("plugins");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).map_err(io(&root))? {
        let dir = entry.map_err(io(&root))?.path();
        let path = dir.join(manifest::FILE_NAME);
        if !path.exists() || !dir.join("Cargo.toml").exists() {
            continue;
        }
        let manifest = Manifest::read(&path).map_err(|source| BuildError::Manifest {
            plugin: dir.display().to_string(),
            source,
        })?;
        out.push(GuestCrate { dir, manifest });
    }
    if out.is_empty() {
        return Err(BuildError::NoPlugins(workspace.display().to_string()));
    }
    out.sort_by(|a, b| a.manifest.name.cmp(&b.manifest.name));
    Ok(out)
}

/// One installed plugin.
#[derive(Debug, Clone)]
pub struct Installed {
    pub name: String,
    pub path: PathBuf,
    pub bytes: u64,
}

/// Build every guest of `workspace` and install it into `plugins_dir`.
pub fn build_and_install(
    workspace: &Path,
    plugins_dir: &Path,
) -> Result<Vec<Installed>, BuildError> {
    build_and_install_from(workspace, workspace, plugins_dir)
}

/// Build the guests under `<root>/plugins/*` (crates of `workspace`, e.g.
/// test fixtures) with the workspace's toolchain and target directory, and
/// install them into `plugins_dir`.
pub fn build_and_install_from(
    workspace: &Path,
    root: &Path,
    plugins_dir: &Path,
) -> Result<Vec<Installed>, BuildError> {
    let crates = discover(root)?;
    let toolchain = Toolchain::detect()?;
    let target_dir = cargo_build(workspace, &crates, &toolchain)?;
    crates
        .iter()
        .map(|c| install(c, &target_dir, plugins_dir))
        .collect()
}

/// Build the guest crates in `crate_dirs` (workspace members, each with a
/// `plugin.toml` whose `name` is its package name) and install them into
/// `plugins_dir`, as [`build_and_install`] does for `plugins/*`. Tests
/// build their own plugin corpora with it.
pub fn build_crates(
    workspace: &Path,
    crate_dirs: &[PathBuf],
    plugins_dir: &Path,
) -> Result<Vec<Installed>, BuildError> {
    let crates = crate_dirs
        .iter()
        .map(|dir| {
            let manifest = Manifest::read(&dir.join(manifest::FILE_NAME)).map_err(|source| {
                BuildError::Manifest {
                    plugin: dir.display().to_string(),
                    source,
                }
            })?;
            Ok(GuestCrate {
                dir: dir.clone(),
                manifest,
            })
        })
        .collect::<Result<Vec<_>, BuildError>>()?;
    if crates.is_empty() {
        return Err(BuildError::NoPlugins(workspace.display().to_string()));
    }
    let toolchain = Toolchain::detect()?;
    let target_dir = cargo_build(workspace, &crates, &toolchain)?;
    crates
        .iter()
        .map(|c| install(c, &target_dir, plugins_dir))
        .collect()
}

/// The guests' release profile, given on the command line so it wins over
/// the workspace's `[profile.release]` (which the host's release builds
/// share) and over `CARGO_PROFILE_RELEASE_*` overrides meant for the host:
/// a guest runs once per turn in a fresh instance, so whole-program
/// optimisation (one codegen unit, fat LTO) pays on every message, and a
/// guest is small enough that it costs seconds to build.
const GUEST_PROFILE: [&str; 3] = [
    "profile.release.opt-level=3",
    "profile.release.lto=\"fat\"",
    "profile.release.codegen-units=1",
];

/// Run cargo for all guests at once; returns the target directory.
fn cargo_build(
    workspace: &Path,
    crates: &[GuestCrate],
    toolchain: &Toolchain,
) -> Result<PathBuf, BuildError> {
    // Guests get their own target dir: their artifacts never mix with the
    // host's, and a build from inside `cargo test` does not wait on the lock
    // `cargo test` holds on the host's target dir.
    let target_root = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace.join("target"))
        .join("guests");
    let (mut cmd, target_dir) = match toolchain {
        Toolchain::Rustup => (
            Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())),
            target_root.clone(),
        ),
        Toolchain::Debian { component_ld } => {
            // Debian's compiler builds std itself; its artifacts live apart so
            // the two compilers never invalidate each other's caches.
            let mut cmd = Command::new("/usr/bin/cargo");
            cmd.env("RUSTC_BOOTSTRAP", "1")
                .env("RUSTC", "/usr/bin/rustc");
            cmd.args(["--config", "unstable.build-std=[\"std\",\"panic_abort\"]"]);
            cmd.args([
                "--config",
                &format!("target.{TARGET}.linker=\"{}\"", component_ld.display()),
            ]);
            cmd.args(["--config", &format!(
                "target.{TARGET}.rustflags=[\"-C\",\"link-self-contained=no\",\"-L\",\"/usr/lib/wasm32-wasi\",\"-C\",\"link-arg=--wasm-ld-path=/usr/bin/wasm-ld-16\"]"
            )]);
            (cmd, target_root.join("debian-wasm"))
        }
    };
    cmd.current_dir(workspace)
        .env("CARGO_TARGET_DIR", &target_dir)
        .args(["build", "--release", "--target", TARGET]);
    for setting in GUEST_PROFILE {
        cmd.args(["--config", setting]);
    }
    for c in crates {
        cmd.args(["-p", &c.manifest.name]);
    }
    tracing::info!(?toolchain, plugins = crates.len(), "building plugins");
    let status = cmd.status().map_err(io(workspace))?;
    if !status.success() {
        return Err(BuildError::Cargo(status.to_string()));
    }
    Ok(target_dir.join(TARGET).join("release"))
}

/// Copy component + manifest into `<plugins_dir>/<name>/`, atomically per
/// file (write beside, then rename) so a watcher never sees half a file.
fn install(c: &GuestCrate, target_dir: &Path, plugins_dir: &Path) -> Result<Installed, BuildError> {
    let name = &c.manifest.name;
    let built = target_dir.join(format!("{}.wasm", name.replace('-', "_")));
    let dest_dir = plugins_dir.join(name);
    std::fs::create_dir_all(&dest_dir).map_err(io(&dest_dir))?;
    let component = dest_dir.join(c.manifest.component_file());
    copy_atomic(&built, &component)?;
    copy_atomic(
        &c.dir.join(manifest::FILE_NAME),
        &dest_dir.join(manifest::FILE_NAME),
    )?;
    let bytes = std::fs::metadata(&component).map_err(io(&component))?.len();
    Ok(Installed {
        name: name.clone(),
        path: component,
        bytes,
    })
}

fn copy_atomic(from: &Path, to: &Path) -> Result<(), BuildError> {
    // A unique temporary name: two builds installing at once never share it.
    let tmp = to.with_extension(format!(
        "tmp-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::copy(from, &tmp).map_err(io(from))?;
    std::fs::rename(&tmp, to).map_err(io(to))
}
