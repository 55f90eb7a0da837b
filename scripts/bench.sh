#!/usr/bin/env bash
# Reruns the measurements in BENCHMARKS.md: parse speed (native), a warm
# release build, and the bundle sizes. With --cold, also a cold release build
# into a fresh target folder (about a minute on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== parse speed (median; the dialogue repeated 1×, 10×, 100×)"
cargo run -q --release -p parley-core --example parse_bench

seconds() { local start=$SECONDS; "$@" >/dev/null 2>&1; echo $((SECONDS - start)); }
if [ "${1:-}" = "--cold" ]; then
  cold=$(mktemp -d)
  echo "== cold release build: $(CARGO_TARGET_DIR="$cold/target" seconds trunk build --release --dist "$cold/dist") s"
  rm -rf "$cold"
fi
trunk build --release >/dev/null 2>&1
touch src/lib.rs
echo "== warm release build (src/lib.rs touched): $(seconds trunk build --release) s"

echo "== bundle sizes (bytes)"
node scripts/size-report.mjs
