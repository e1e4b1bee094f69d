#!/usr/bin/env bash
# Runs every test project of the kit (spec lint, fixtures, fake server, suite, runner, packaging) and ends with one line
# "N passed, N failed" summed over all of them. Exit status: non-zero when a test failed, a project did not
# run, or no test ran at all. Extra arguments go to `dotnet test` (e.g. --filter).
set -uo pipefail
cd "$(dirname "$0")"
source scripts/require-dotnet.sh
scripts/install-sample-deps.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test MconfConformance.sln --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# What the kit ships (packages, the tool, single-file binaries): built once by scripts/dist.sh and tested as a user
# gets them. Outside the solution so it runs alone, after the rest, and not alongside the parallel test assemblies.
dotnet test packaging/Mconf.Packaging.Tests --logger "console;verbosity=minimal" "$@" 2>&1 | tee -a "$log"
packaging_status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && status=$packaging_status

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped projects < <(
  grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
    awk -F'[:,]' '{f+=$2; p+=$4; s+=$6; n++} END {print p+0, f+0, s+0, n+0}')

# NUnit's Inconclusive has no VSTest outcome: such tests are listed as not run, in neither count below.
echo "test projects run: ${projects}; skipped: ${skipped}"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
