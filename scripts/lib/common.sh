# shellcheck shell=bash
# Shared by scripts/run, scripts/test and bench: where builds go, and the
# environment the server binary reads.

# Builds are cached outside the clone, so a fresh clone rebuilds little.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/haat/target}"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export LEPTOS_OUTPUT_NAME=haat
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
export LEPTOS_SITE_PKG_DIR=pkg
# The built files' names carry a content hash (see hash-files in Cargo.toml).
export LEPTOS_HASH_FILES=true
# Tailwind v4: must not be set to anything else (cargo-leptos would use v3 mode).
unset LEPTOS_TAILWIND_VERSION

# The server binary of a build profile: "debug" or "release".
server_binary() {
  echo "$CARGO_TARGET_DIR/$1/haat"
}

# Waits until the server at $1 answers /healthz, or fails after 60 s.
wait_for_health() {
  local url="$1/healthz"
  for _ in $(seq 1 120); do
    curl -fsS "$url" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server at $1 did not become healthy" >&2
  return 1
}

# The first port from $1 up that nothing on 127.0.0.1 listens on.
free_port() {
  local port="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}
