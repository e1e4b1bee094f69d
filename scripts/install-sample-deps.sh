#!/usr/bin/env bash
# Installs the npm dependency of samples/node-bigbluebutton-js (the third-party client the fake is checked
# against), exactly as pinned by its package-lock.json. Takes about a second.
set -uo pipefail
dir="$(cd "$(dirname "$0")/../samples/node-bigbluebutton-js" && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  echo "note: npm is not on PATH; the third-party client interop test will say so and fail" >&2
  exit 0
fi
(cd "$dir" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
  || echo "note: npm ci failed in samples/node-bigbluebutton-js; the third-party client interop test will fail" >&2
