#!/usr/bin/env bash
# Installs what Parley needs to build (and, with --test, to test) on a Debian
# machine that has only rustup, Node and Python. Every step checks first and
# is skipped when already done, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $WASM_BINDGEN_VERSION\b"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
# wasm-opt (binaryen) and the end-to-end test driver come from package-lock.json.
if ! cmp -s package-lock.json node_modules/.parley-installed-lock 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.parley-installed-lock
fi
if [ "${1:-}" = "--test" ]; then
  if ! cargo deny --version 2>/dev/null | grep -qx "cargo-deny 0.20.2"; then
    say "installing cargo-deny 0.20.2 (about 8 minutes)"
    cargo install --locked cargo-deny --version 0.20.2
  fi
  # Chromium and its driver run the browser tests; pdftotext reads the printed PDF.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then
    say "installing Debian's chromium, chromium-driver and poppler-utils"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver poppler-utils
  fi
fi
# Trunk builds offline: fetch the crates once.
cargo fetch --quiet
