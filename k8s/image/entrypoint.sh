#!/bin/sh
# The image's entrypoint: install the plugins baked into the image as
# drop-ins of the plugins directory, then run the host.
#
# The plugins directory must be writable (the host keeps versions, history
# and what it imported there), so it lives on the data volume, not on the
# read-only image. A drop-in the host already imported is skipped by the
# host (same manifest and digest); a new image's plugins are new drop-ins
# and are validated and activated at start.
set -eu
dir="${AGENT_STORE_PLUGINS_DIR:-${AGENT_STORE_DATA_DIR:-/var/lib/agent-store}/plugins}"
baked="${AGENT_STORE_IMAGE_PLUGINS:-/usr/lib/agent-store/plugins}"
bin="${AGENT_STORE_BIN:-/usr/local/bin/agent-store}"
mkdir -p "$dir"
for plugin in "$baked"/*/; do
    name="$(basename "$plugin")"
    mkdir -p "$dir/$name"
    cp "$plugin"* "$dir/$name/"
done
exec "$bin" "$@"
