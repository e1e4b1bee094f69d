#!/usr/bin/env bash
# Starts the standalone fake Mconf-Live server; all arguments go to it (try --help).
#   ./mock/run.sh --port 8090 --secret S --seed 42
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! build_log="$(dotnet build "$here/Mconf.Mock.Host" -c Release -v q --nologo 2>&1)"; then
  printf '%s\n' "$build_log" >&2
  exit 2
fi
exec dotnet "$here/Mconf.Mock.Host/bin/Release/net10.0/Mconf.Mock.Host.dll" "$@"
