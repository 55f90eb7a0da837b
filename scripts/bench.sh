#!/usr/bin/env bash
# Reruns the measurements in BENCHMARKS.md: the core's parse and query speed
# (native), a warm release build, the bundle sizes, the views' rendering cost,
# the filters' speed in headless Chromium at 1x, 10x and 100x the record, first
# paint against a static HTML page, and 10 minutes of fuzzing the parser.
# With --cold, also a cold release build into a fresh target folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== core: parse, topic toggle, search keystroke (median; the dialogue repeated 1×, 10×, 100×)"
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

echo "== rendering the views (headless Chromium)"
node scripts/bench-views.mjs
echo "== filters in the browser at 1×, 10×, 100× (builds two synthetic bundles)"
node scripts/bench-filters.mjs 1 10 100
echo "== first paint: the static HTML page of the record against Parley"
node scripts/bench-first-paint.mjs
echo "== the parser fuzzed for 10 minutes"
cargo run -q --release -p parley-core --example fuzz -- 600
