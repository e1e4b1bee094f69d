#!/usr/bin/env bash
# Starts the standalone fake Mconf-Live server; all arguments go to it (try --help).
#   ./mock/run.sh --port 8090 --secret S --seed 42
#   ./mock/run.sh --servers 20            # a fleet of 20 fakes with a fleet control (see mock/README.md)
# Builds (Release) only when a source (code, project, spec JSON) is newer than the last build, so an already built
# fake skips dotnet build's own start-up and check.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
dll="$here/Mconf.Mock.Host/bin/Release/net10.0/Mconf.Mock.Host.dll"
stale() {
  [[ ! -f "$dll" ]] && return 0
  [[ -n "$(find "$here" "$root/specs" "$root"/Directory.*.props "$root"/Directory.Build.targets "$root/BannedSymbols.txt" "$root/global.json" \
      \( -name bin -o -name obj -o -name '*.Tests' -o -name '*.Bench' \) -prune -o -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.targets' -o -name '*.txt' \) \
      -newer "$dll" -print -quit 2>/dev/null)" ]]
}
if stale; then
  if ! build_log="$(dotnet build "$here/Mconf.Mock.Host" -c Release -v q --nologo 2>&1)"; then
    printf '%s\n' "$build_log" >&2
    exit 2
  fi
  touch "$dll"
fi
exec dotnet "$dll" "$@"
