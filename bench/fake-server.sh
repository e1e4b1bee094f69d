#!/usr/bin/env bash
# Benchmarks the fake Mconf-Live server: builds mock/Mconf.Mock.Bench in Release and runs it, side by side with
# a bare Kestrel endpoint (the floor) and static WireMock stubs (admin interface off and on), then times
# ./mock/run.sh to its first answer. Arguments go to the benchmark (--quick, --duration 5, --connections 1,16,64,
# --meetings 10,1000,10000, --fleet 50, --help). The report (Markdown) goes to stdout, progress to stderr:
#   bench/fake-server.sh > bench-results.md
# The machine's load (uptime) is printed before and after: figures from a loaded machine move, ratios less.
# Exit status: 0 when it measured (whatever the verdicts), 1 when it could not, 2 on a bad option.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-dotnet.sh

project=mock/Mconf.Mock.Bench/Mconf.Mock.Bench.csproj
dotnet build -c Release "$project" -v q -nologo >&2
for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" || "$arg" == "-?" ]]; then
    exec dotnet run -c Release --no-build --project "$project" -- "$@"
  fi
done

# ./mock/run.sh when already built: from launching the script to the first answer of the API root, 3 times.
./mock/run.sh --help >/dev/null   # builds the host if a source is newer than its last build
runs=()
for i in 1 2 3; do
  out="$(mktemp)"
  start=$(date +%s%N)
  ./mock/run.sh --port 0 >"$out" 2>&1 &
  pid=$!
  answered=""
  for _ in $(seq 1 3000); do
    url="$(sed -n 's/^URL: //p' "$out")"
    if [[ -n "$url" ]] && curl -fsS -o /dev/null --max-time 1 "$url/api" 2>/dev/null; then
      answered=$(( ($(date +%s%N) - start) / 1000000 ))
      break
    fi
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$out"
  runs+=("${answered:-none within 30 s}")
done

echo "load before: $(uptime)"
echo
status=0
dotnet run -c Release --no-build --project "$project" -- "$@" || status=$?
echo "## ./mock/run.sh to the first answer"
echo
echo "From launching \`./mock/run.sh --port 0\` (already built: no build, only the staleness check) to the first"
echo "answer of the API root, three times: ${runs[*]} ms."
echo
echo "load after: $(uptime)"
exit "$status"
