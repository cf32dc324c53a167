# shellcheck shell=bash
# Installs, idempotently, every tool the build and the tests need, without
# downloading anything from outside the package registries (see README,
# "Toolchain"). Sourced by scripts/run and scripts/test.

CARGO_LEPTOS_VERSION=0.3.11
SQLX_CLI_VERSION=0.8.6
# Must equal the wasm-bindgen crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

# The tools are not the product: build them with a quick release profile
# instead of their own (cargo-leptos asks for fat LTO and one codegen unit,
# which took 22 minutes on 2 cores). Config profiles override the manifest's.
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=2 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_PROFILE_RELEASE_STRIP=true cargo install -q "$@"
}

apt_ready=""
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "$apt_ready" ]; then
    log "apt-get update"
    $sudo apt-get update -qq
    apt_ready=1
  fi
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_system_packages() {
  # postgresql: the private cluster; chromium: end-to-end tests;
  # pkg-config/libssl-dev: a few -sys crates of cargo-leptos.
  apt_install postgresql chromium pkg-config libssl-dev
  # Node may come from elsewhere (with its own npm); only add Debian's when absent.
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
}

ensure_rust_tools() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed | grep -q wasm32-unknown-unknown; then
    log "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    log "building cargo-leptos $CARGO_LEPTOS_VERSION (a few minutes, once)"
    # Its lock file pins cargo-util-schemas 0.14.2, which needs a newer rustc
    # than this machine's; build from the registry source with it pinned back.
    local src work
    cargo info "cargo-leptos@$CARGO_LEPTOS_VERSION" >/dev/null 2>&1 || true
    src=$(ls -d "$HOME"/.cargo/registry/src/*/cargo-leptos-"$CARGO_LEPTOS_VERSION" | head -n1)
    work=$(mktemp -d)
    cp -r "$src" "$work/cargo-leptos"
    (cd "$work/cargo-leptos" &&
      cargo update -q -p cargo-util-schemas --precise 0.14.1 &&
      tool_install --path . --locked)
    rm -rf "$work"
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: its lock names a webpki-roots release the registry lacks.
    tool_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if ! sqlx --version 2>/dev/null | grep -q "$SQLX_CLI_VERSION"; then
    log "installing sqlx-cli $SQLX_CLI_VERSION"
    tool_install sqlx-cli --version "$SQLX_CLI_VERSION" \
      --no-default-features --features postgres,rustls --locked
  fi
}

ensure_node_packages() {
  # Tailwind and a working wasm-opt (Debian's binaryen 108 breaks the wasm).
  if [ ! -x node_modules/.bin/tailwindcss ] || [ ! -x node_modules/.bin/wasm-opt ] ||
     [ package.json -nt node_modules/.installed ]; then
    log "installing npm packages (Tailwind, binaryen)"
    npm install --no-audit --no-fund --loglevel=error
    touch node_modules/.installed
  fi
}

ensure_e2e_packages() {
  if [ ! -d end2end/node_modules/@playwright/test ] ||
     [ end2end/package.json -nt end2end/node_modules/.installed ]; then
    log "installing Playwright (browser from Debian, not downloaded)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
    touch end2end/node_modules/.installed
  fi
}

ensure_toolchain() {
  ensure_system_packages
  ensure_rust_tools
  ensure_node_packages
}
