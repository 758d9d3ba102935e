#!/bin/sh
# The image's build stage, in one place so it can run outside Docker too
# (tests/tests/k8s.rs runs the `plugins` half on the workspace):
#
#   OUT=/out build-stage.sh host      release host binary → $OUT/bin/agent-store
#   OUT=/out AGENT_STORE_BIN=… build-stage.sh plugins
#                                     the six plugins, built to wasm32-wasip2
#                                     components by the host's own
#                                     `plugin build` → $OUT/plugins/<name>/
#
# Run from the workspace root.
set -eu
: "${OUT:?set OUT to the output directory}"

case "${1:-}" in
    host)
        cargo build --release --locked -p agent-store --bin agent-store
        mkdir -p "$OUT/bin"
        cp "${CARGO_TARGET_DIR:-target}/release/agent-store" "$OUT/bin/agent-store"
        ;;
    plugins)
        bin="${AGENT_STORE_BIN:-$OUT/bin/agent-store}"
        # `plugin build` installs into <data_dir>/plugins.
        rm -rf "$OUT/plugins"
        AGENT_STORE_DATA_DIR="$OUT" "$bin" plugin build --workspace "$(pwd)"
        ;;
    *)
        echo "usage: OUT=DIR $0 host|plugins" >&2
        exit 2
        ;;
esac
