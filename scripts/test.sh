#!/usr/bin/env bash
# Installs everything the tests need, then runs every check and test:
# formatting, clippy (host and wasm32), rustdoc, cargo deny, the core's native tests,
# the CLI's tests, the component tests in headless Chromium, a release build
# and the end-to-end tests against it. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all -- --check
step "clippy (host: core, CLI, interface text)"
cargo clippy -p parley-core -p parley-cli -p parley-i18n --all-targets -- -D warnings
step "clippy (wasm32: viewer)"
cargo clippy -p parley-web --target wasm32-unknown-unknown --all-targets -- -D warnings
step "rustdoc"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p parley-core -p parley-cli -p parley-i18n -p parley-web --quiet
step "cargo deny: licences, bans, sources (advisories need the network)"
cargo deny --offline check licenses bans sources
step "core, CLI and interface-text tests (native)"
cargo test -p parley-core -p parley-cli -p parley-i18n
step "component tests (wasm32, headless Chromium)"
cargo test -p parley-web --target wasm32-unknown-unknown
step "release build"
trunk build --release
node scripts/size-report.mjs
step "end-to-end tests (dist/ on 127.0.0.1, headless Chromium)"
node --test tests/e2e/
