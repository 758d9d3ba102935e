//! The watched plugins directory: a new drop-in (`<dir>/<name>/plugin.toml`
//! or its component written or replaced) is validated and swapped in, a
//! removed plugin directory is unloaded. Events are debounced per plugin, so
//! a build that writes the component and then the manifest is one change.
//! The host's own writes (`versions/`, `history`, `imported`, temporary
//! files) are ignored.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Weak};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecursiveMode, Watcher as _};
use tokio::sync::mpsc;

use super::Plugins;

/// Quiet time after the last change before acting on it.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

#[derive(Debug, thiserror::Error)]
#[error("cannot watch {dir}: {source}")]
pub struct WatchError {
    dir: String,
    source: notify::Error,
}

/// The plugin a changed path belongs to, when the change matters.
fn plugin_of(dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let name = parts.first()?;
    if name.starts_with('.') {
        return None;
    }
    match parts.get(1).map(String::as_str) {
        None => Some(name.clone()),
        Some(f)
            if parts.len() == 2 && (f == super::manifest::FILE_NAME || f.ends_with(".wasm")) =>
        {
            Some(name.clone())
        }
        _ => None,
    }
}

/// Whether `kind` may have changed a file. Opening and reading one does
/// not: the host's own read of a drop-in (every sync opens its manifest
/// and component) would otherwise be a change that syncs it again, 300 ms
/// later, for ever.
fn changes(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// The watcher's callback: sends the plugin each change under `dirs` (the
/// directory as given and canonicalised) belongs to.
fn forward(
    dirs: [PathBuf; 2],
    tx: mpsc::UnboundedSender<String>,
) -> impl FnMut(notify::Result<notify::Event>) + Send + 'static {
    move |event| {
        let Ok(event) = event else {
            return;
        };
        if !changes(&event.kind) {
            return;
        }
        for path in &event.paths {
            if let Some(name) = dirs.iter().find_map(|d| plugin_of(d, path)) {
                let _ = tx.send(name);
            }
        }
    }
}

/// Watch `plugins`' directory until `plugins` is dropped (or the runtime
/// stops). Must be called inside a tokio runtime.
pub fn spawn(plugins: &Arc<Plugins>, debounce: Duration) -> Result<(), WatchError> {
    let given: PathBuf = plugins.store().dir().to_path_buf();
    let canonical = given.canonicalize().unwrap_or_else(|_| given.clone());
    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    let mut watcher = notify::recommended_watcher(forward([given.clone(), canonical.clone()], tx))
        .map_err(|source| WatchError {
            dir: given.display().to_string(),
            source,
        })?;
    watcher
        .watch(&canonical, RecursiveMode::Recursive)
        .map_err(|source| WatchError {
            dir: given.display().to_string(),
            source,
        })?;
    let weak: Weak<Plugins> = Arc::downgrade(plugins);
    tracing::info!(dir = %given.display(), "watching the plugins directory");
    tokio::spawn(async move {
        let _watcher = watcher;
        while let Some(first) = rx.recv().await {
            let mut names = BTreeSet::from([first]);
            // Debounce: wait until nothing changed for `debounce`.
            while let Ok(Some(n)) = tokio::time::timeout(debounce, rx.recv()).await {
                names.insert(n);
            }
            let Some(plugins) = weak.upgrade() else {
                break;
            };
            for name in names {
                tracing::debug!(plugin = %name, "plugins directory changed");
                plugins.sync(&name).await;
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dropins_and_plugin_directories_matter() {
        let dir = Path::new("/p");
        let of = |p: &str| plugin_of(dir, Path::new(p));
        assert_eq!(of("/p/seller-x").as_deref(), Some("seller-x"));
        assert_eq!(of("/p/seller-x/plugin.toml").as_deref(), Some("seller-x"));
        assert_eq!(of("/p/seller-x/seller-x.wasm").as_deref(), Some("seller-x"));
        assert_eq!(of("/p/seller-x/seller-x.tmp-1-abc"), None);
        assert_eq!(of("/p/seller-x/history"), None);
        assert_eq!(of("/p/seller-x/imported"), None);
        assert_eq!(of("/p/seller-x/versions/0.1.0-abc/component.wasm"), None);
        assert_eq!(of("/p/.cache/x.wasm"), None);
        assert_eq!(of("/elsewhere/x"), None);
    }

    /// Reading a drop-in (as every sync does) is no change; writing one
    /// is. inotify reports a directory's events in order, so once the
    /// marker `m`'s write is forwarded (after the watcher's own walk of the
    /// directories), the next other name must be `b`'s, written after
    /// `a`'s files were read.
    #[tokio::test]
    async fn reading_a_dropin_is_not_a_change_writing_one_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().canonicalize().expect("canonical");
        for name in ["a", "b", "m"] {
            std::fs::create_dir(root.join(name)).expect("plugin dir");
            std::fs::write(root.join(name).join("plugin.toml"), "x").expect("manifest");
            std::fs::write(root.join(name).join("c.wasm"), "x").expect("component");
        }
        let (tx, mut rx) = mpsc::unbounded_channel();
        let mut watcher = notify::recommended_watcher(forward([root.clone(), root.clone()], tx))
            .expect("watcher");
        watcher
            .watch(&root, RecursiveMode::Recursive)
            .expect("watch");
        let mut next = async || {
            tokio::time::timeout(Duration::from_secs(10), rx.recv())
                .await
                .expect("a change within 10 s")
                .expect("the watcher runs")
        };
        std::fs::write(root.join("m").join("plugin.toml"), "y").expect("write marker");
        while next().await != "m" {}
        std::fs::read(root.join("a").join("plugin.toml")).expect("read manifest");
        std::fs::read(root.join("a").join("c.wasm")).expect("read component");
        std::fs::write(root.join("b").join("plugin.toml"), "y").expect("write manifest");
        let mut after_marker = next().await;
        while after_marker == "m" {
            after_marker = next().await;
        }
        assert_eq!(after_marker, "b");
    }
}
