#!/usr/bin/env bash
# Certifies a server against the Mconf-Live API (BigBlueButton 0.9 + the documented Mconf-Live deltas).
#
#   ./run-conformance.sh                                   certify the kit's embedded fake
#   MCONF_TARGET__SECRET=... ./run-conformance.sh --target https://host/bigbluebutton
#   ./run-conformance.sh --list | --help
#   ./run-conformance.sh compare reports/<run-a> reports/<run-b>
#
# Builds the runner (Release) on the first run and whenever a source it depends on changed, then hands over to
# it: every option is the runner's (see --help). Reports go to ./reports/<run-id>/ unless --out or
# MCONF_RUN__OUT says otherwise. Exit codes: 0 conformant (or incomplete), 1 not conformant, 2 could not run,
# 3 incomplete with --require-complete. The presence session: --presence, or --presence-driver suite/drivers/fake-driver.sh.
set -euo pipefail

case "${BASH_SOURCE[0]}" in
  */*) ROOT="$(cd "${BASH_SOURCE[0]%/*}" && pwd)" ;;
  *) ROOT="$(pwd)" ;;
esac
PROJECT="$ROOT/suite/Mconf.Conformance.Runner/Mconf.Conformance.Runner.csproj"
CONFIGURATION=Release
OUT_DIR="$ROOT/suite/Mconf.Conformance.Runner/bin/$CONFIGURATION/net10.0"
DLL="$OUT_DIR/mconf-conformance.dll"
STAMP="$OUT_DIR/.mconf-build-stamp"

could_not_run() {
  echo "could not run: $*" >&2
  exit 2
}

# Stops with "could not run: ..." and exit 2 when the .NET SDK 10 is missing.
source "$ROOT/scripts/require-dotnet.sh"

# True when the runner was never built, or a source it is built from is newer than the last good build.
# Test projects, test targets, the NUnit suite and the standalone mock host are not part of the runner.
needs_build() {
  [[ -f "$DLL" && -f "$STAMP" ]] || return 0
  local newer
  newer="$(find "$ROOT/specs" "$ROOT/fixtures" "$ROOT/mock" "$ROOT/suite" \
      \( -name bin -o -name obj -o -name '*.Tests' -o -name Mconf.Conformance.TestTargets \
         -o -name Mconf.Conformance.Suite -o -name Mconf.Mock.Host -o -name '*.Bench' \) -prune \
      -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.xml' -o -name '*.props' -o -name '*.targets' \) \
      -newer "$STAMP" -print -quit 2>/dev/null || true)"
  [[ -n "$newer" ]] && return 0
  local file
  for file in "$ROOT"/Directory.Build.props "$ROOT"/Directory.Build.targets "$ROOT"/Directory.Packages.props \
      "$ROOT"/global.json "$ROOT"/BannedSymbols.txt "$ROOT"/.editorconfig; do
    [[ -f "$file" && "$file" -nt "$STAMP" ]] && return 0
  done
  return 1
}

if needs_build; then
  echo "building the conformance runner ($CONFIGURATION; first run or sources changed)..." >&2
  # The stamp takes the time the build started, so an edit made during the build triggers the next one.
  started="$(mktemp)"
  log="$(mktemp)"
  trap 'rm -f "$started" "$log"' EXIT
  # Build output goes to a log (shown only on failure); no node reuse, so no build process outlives this script.
  if ! DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
      dotnet build "$PROJECT" -c "$CONFIGURATION" -nologo -v quiet -nodeReuse:false >"$log" 2>&1; then
    cat "$log" >&2
    could_not_run "the runner did not build (compiler output above)"
  fi
  mkdir -p "$OUT_DIR"
  mv -f "$started" "$STAMP"
  rm -f "$log"
  trap - EXIT
fi

export MCONF_RUN__OUT="${MCONF_RUN__OUT:-$ROOT/reports}"
exec dotnet "$DLL" "$@"
