#!/usr/bin/env bash
# The suite's power, in one command: builds suite/Mconf.Conformance.Power and runs the whole suite (in process,
# against the in-process fake behind the mutating proxy) against every answer mutant generated from the spec and
# against every tolerated transformation, in each configuration; writes power.md and power.json.
#
#   bench/suite-power.sh                                  # all mutants, the three configurations, report in bench/power/
#   bench/suite-power.sh --config certification           # the full certification only (driver, no auto-connect)
#   bench/suite-power.sh --sample 40 --seed 17            # a seeded sample
#   bench/suite-power.sh --parallel 2 --time-box 3600     # mutants run at once; seconds before the rest is not-run
#   bench/suite-power.sh --only 'getStats/*' --out /tmp/p # a glob over mutant IDs (or @FILE, one glob a line), another report folder
#   bench/suite-power.sh --script-driver                  # run suite/drivers/fake-driver.sh itself (default: the same requests in process)
#   bench/suite-power.sh --list                           # the mutant IDs, without running
#
# Exit 0 when every tolerated transformation passed, 1 otherwise, 2 on a usage or build error. Loopback only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v dotnet >/dev/null 2>&1 || { echo "dotnet is not on PATH" >&2; exit 2; }
PROJECT="$ROOT/suite/Mconf.Conformance.Power/Mconf.Conformance.Power.csproj"

args=("$@")
has_out=0 has_config=0 has_parallel=0 has_box=0
for a in "${args[@]}"; do
  case "$a" in
    --out) has_out=1 ;; --config) has_config=1 ;; --parallel) has_parallel=1 ;; --time-box) has_box=1 ;;
  esac
done
[[ $has_out == 1 ]] || args+=(--out "$ROOT/bench/power")
[[ $has_config == 1 ]] || args+=(--config certification,auto-connect,no-auto-connect)
[[ $has_parallel == 1 ]] || args+=(--parallel 2)
[[ $has_box == 1 ]] || args+=(--time-box 5400)

dotnet build "$PROJECT" -c Release --nologo -v quiet >/dev/null || { echo "build failed: dotnet build $PROJECT -c Release" >&2; exit 2; }
start=$(date +%s)
cd "$ROOT"
status=0
dotnet "$ROOT/suite/Mconf.Conformance.Power/bin/Release/net10.0/Mconf.Conformance.Power.dll" "${args[@]}" || status=$?
echo "suite-power: $(( $(date +%s) - start )) s on $(nproc) cores; load: $(uptime | sed 's/.*load average: //')"
exit $status
