#!/usr/bin/env bash
# Builds the viewer with the records in transcripts/ and serves it on
# http://127.0.0.1:8080 (installing the build tools first if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --release --address 127.0.0.1 --port 8080
