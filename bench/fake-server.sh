#!/usr/bin/env bash
# Benchmarks the fake Mconf-Live server: builds mock/Mconf.Mock.Bench in Release and runs it, side by side with
# a bare Kestrel endpoint (the floor) and a static WireMock stub (the peer). Arguments go to the benchmark
# (--quick, --duration 5, --concurrency 16, --meetings 10,1000,10000, --requests-for-memory 100000, --help).
# The report (Markdown) goes to stdout, progress to stderr:  bench/fake-server.sh > bench-results.md
# Exit status: 0 when it measured (whatever the verdicts), 1 when it could not, 2 on a bad option.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-dotnet.sh

project=mock/Mconf.Mock.Bench/Mconf.Mock.Bench.csproj
dotnet build -c Release "$project" -v q -nologo >&2
exec dotnet run -c Release --no-build --project "$project" -- "$@"
