#!/usr/bin/env bash
# Runs every test project of the kit (spec lint, fixtures, fake server, suite, runner, packaging) and ends with one line
# "N passed, N failed" summed over all of them. Exit status: non-zero when a test failed, a project did not
# run, or no test ran at all. Extra arguments go to `dotnet test` (e.g. --filter).
set -uo pipefail
cd "$(dirname "$0")"
source scripts/require-dotnet.sh
scripts/install-sample-deps.sh

# Each test assembly writes a TRX file (VSTest's XML results) here; the closing line sums their <Counters>, so the
# count never depends on console wording (nor on a nested `dotnet test` a test runs and prints).
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
trx=(--logger "console;verbosity=minimal" --logger "trx;LogFilePrefix=kit" --results-directory "$results")

dotnet test MconfConformance.sln "${trx[@]}" "$@"
status=$?

# What the kit ships (packages, the tool, single-file binaries): built once by scripts/dist.sh and tested as a user
# gets them. Outside the solution so it runs alone, after the rest, and not alongside the parallel test assemblies.
dotnet test packaging/Mconf.Packaging.Tests "${trx[@]}" "$@"
packaging_status=$?
[ "$status" -eq 0 ] && status=$packaging_status

# One <Counters total=".." executed=".." passed=".." failed=".." error=".." ... inconclusive=".." notExecuted=".."> per file.
count() { grep -o "<Counters [^>]*>" "$1" | grep -oE " $2=\"[0-9]+\"" | grep -oE "[0-9]+" || echo 0; }
passed=0 failed=0 skipped=0 projects=0
for file in "$results"/*.trx; do
  [ -e "$file" ] || continue
  projects=$((projects + 1))
  passed=$((passed + $(count "$file" passed)))
  failed=$((failed + $(count "$file" failed) + $(count "$file" error) + $(count "$file" timeout) + $(count "$file" aborted)))
  skipped=$((skipped + $(count "$file" notExecuted)))
done

# NUnit's Inconclusive has no VSTest outcome: such tests are listed as not run, in neither count below.
echo "test projects run: ${projects}; skipped: ${skipped}"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "a test project did not build or its test host stopped before writing results (see above)" >&2
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
