#!/usr/bin/env bash
# Side by side, in one run: (a) an empty NUnit `dotnet test` (one trivial test, built first, timed with --no-build)
# and (b) ./run-conformance.sh certifying the embedded fake after its first build. Each is run N times (default 3),
# interleaved, after one untimed warm-up of each; prints every time, the medians and the ratio b/a.
#
#   bench/conformance-speed.sh [N]
#
# The empty project lives in a temporary folder (removed at the end) and uses the kit's own package versions, read
# from Directory.Packages.props. Loopback only; the fake is started and stopped by each certification run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/conformance-speed.sh [N>=1]" >&2; exit 2; }
command -v dotnet >/dev/null 2>&1 || { echo "dotnet is not on PATH" >&2; exit 2; }

version() {
  sed -n "s/.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$ROOT/Directory.Packages.props"
}

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/EmptyNUnit"
cat >"$WORK/EmptyNUnit/EmptyNUnit.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsTestProject>true</IsTestProject>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="$(version Microsoft.NET.Test.Sdk)" />
    <PackageReference Include="NUnit" Version="$(version NUnit)" />
    <PackageReference Include="NUnit3TestAdapter" Version="$(version NUnit3TestAdapter)" />
  </ItemGroup>
</Project>
CSPROJ
cat >"$WORK/EmptyNUnit/EmptyTest.cs" <<'CS'
namespace EmptyNUnit;

public sealed class EmptyTest
{
    [NUnit.Framework.Test]
    public void Nothing() => NUnit.Framework.Assert.Pass();
}
CS

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
echo "building the empty NUnit project and, if needed, the conformance runner..." >&2
dotnet build "$WORK/EmptyNUnit" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 2; }
"$ROOT/run-conformance.sh" --list >/dev/null 2>&1 || { echo "run-conformance.sh --list failed" >&2; exit 2; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

empty_test() {
  dotnet test "$WORK/EmptyNUnit" -c Release --no-build -nologo -v quiet >"$WORK/last.log" 2>&1 \
    || { cat "$WORK/last.log" >&2; echo "the empty NUnit run failed" >&2; exit 2; }
}

certify() {
  "$ROOT/run-conformance.sh" --out "$WORK/reports" >"$WORK/last.log" 2>&1 \
    || { cat "$WORK/last.log" >&2; echo "the certification of the fake did not exit 0" >&2; exit 2; }
}

timed() {
  local start end
  start="$(now_ms)"
  "$@"
  end="$(now_ms)"
  echo $((end - start))
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

empty_test   # warm-up, untimed
certify      # warm-up, untimed
empty_times=()
certify_times=()
for ((i = 1; i <= RUNS; i++)); do
  empty_times+=("$(timed empty_test)")
  certify_times+=("$(timed certify)")
done

cases="$(sed -n 's/.*"total": \([0-9]*\).*/\1/p' "$WORK/reports/latest/results.json" | head -n 1)"
empty_median="$(median "${empty_times[@]}")"
certify_median="$(median "${certify_times[@]}")"
ratio="$(awk -v a="$empty_median" -v b="$certify_median" 'BEGIN { printf "%.2f", b / a }')"

printf 'machine: %s cores, dotnet %s\n' "$(nproc)" "$(dotnet --version)"
printf '%-44s %s\n' "(a) empty NUnit dotnet test --no-build, ms:" "${empty_times[*]}"
printf '%-44s %s\n' "(b) run-conformance.sh (fake, ${cases:-?} cases), ms:" "${certify_times[*]}"
printf 'median (a) %s ms, median (b) %s ms, ratio b/a %s (target: about 2 or less)\n' "$empty_median" "$certify_median" "$ratio"
