# syntax=docker/dockerfile:1
# The Agent Store image: the host (release build) with the six plugins
# built to wasm components and baked in, the brand prompts, the demo catalog
# feed and a default config. Runs as a non-root user on a read-only root
# filesystem; everything it writes goes under /var/lib/agent-store (mount a
# volume there).
#
#   docker build -t agent-store .
#   docker run -p 8080:8080 -v agent-store-data:/var/lib/agent-store agent-store demo --no-build --bind 0.0.0.0:8080
#
# tests/tests/k8s.rs checks this recipe without Docker (see README,
# "Kubernetes"): every COPY source exists, the final stage's files come from
# the build stage's script, the user is not root, and the plugin half of
# the build runs for real.

ARG RUST_VERSION=1.95

# ---------------------------------------------------------------- build
FROM rust:${RUST_VERSION}-bookworm AS build
WORKDIR /src
RUN rustup target add wasm32-wasip2
COPY . .
# The host, then the plugins through the host's own `plugin build` (what
# `./dev demo` and `agent-store plugin build` run), into /out.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    OUT=/out k8s/image/build-stage.sh host
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    OUT=/out AGENT_STORE_BIN=/out/bin/agent-store k8s/image/build-stage.sh plugins

# ---------------------------------------------------------------- runtime
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 agent-store \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/agent-store --shell /usr/sbin/nologin agent-store \
    && install -d -o 10001 -g 10001 /var/lib/agent-store
COPY --from=build /out/bin/agent-store /usr/local/bin/agent-store
COPY --from=build /out/plugins /usr/lib/agent-store/plugins
COPY k8s/image/entrypoint.sh /usr/local/bin/agent-store-entrypoint
COPY k8s/image/agent-store.toml /etc/agent-store/agent-store.toml
COPY prompts /usr/share/agent-store/prompts
COPY catalog /usr/share/agent-store/catalog
USER 10001:10001
WORKDIR /var/lib/agent-store
VOLUME ["/var/lib/agent-store"]
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/agent-store-entrypoint"]
CMD ["serve", "--config", "/etc/agent-store/agent-store.toml"]
