#!/usr/bin/env bash
# Cost against the size of the server: certifies the standalone fake seeded with R recordings and M live meetings
# and measures the runner's wall time and peak RSS (/usr/bin/time -v), the fake's seeding time, peak RSS and the
# time of one unfiltered getRecordings. The small server (the fake's defaults: 6 recordings, 3 meetings) is the
# baseline of the same run.
#
#   bench/big-server.sh                          # recordings 1,000 10,000 40,000 100,000; meetings 10 400 2,000
#   bench/big-server.sh --recordings "1000 100000" --meetings "10"
#
# Loopback only; each fake is started, measured and stopped in turn. Goal: at 100,000 recordings, runner time within
# 1.5x of the small server's and peak RSS at most 200 MB.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDINGS="1000 10000 40000 100000"
MEETINGS="10 400 2000"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --recordings) RECORDINGS="$2"; shift 2 ;;
    --meetings) MEETINGS="$2"; shift 2 ;;
    *) echo "usage: bench/big-server.sh [--recordings \"N ...\"] [--meetings \"N ...\"]" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (GNU time: apt-get install time)" >&2; exit 2; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }

SECRET="bench-big-server-secret"
WORK="$(mktemp -d)"
FAKE_PID=""
cleanup() { [[ -n "$FAKE_PID" ]] && kill "$FAKE_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "building the runner and the standalone fake if needed..." >&2
"$ROOT/run-conformance.sh" --list >/dev/null 2>"$WORK/build.log" || { cat "$WORK/build.log" >&2; exit 2; }
dotnet build "$ROOT/mock/Mconf.Mock.Host" -c Release -v q --nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 2; }
RUNNER="$ROOT/suite/Mconf.Conformance.Runner/bin/Release/net10.0/mconf-conformance.dll"
FAKE="$ROOT/mock/Mconf.Mock.Host/bin/Release/net10.0/Mconf.Mock.Host.dll"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# measure LABEL RECORDINGS MEETINGS -> one table row
measure() {
  local label="$1" recs="$2" meets="$3" port started ready rss_fake get_ms verdict
  port="$(free_port)"
  started="$(now_ms)"
  dotnet "$FAKE" --port "$port" --secret "$SECRET" --seed 42 ${recs:+--recordings "$recs"} ${meets:+--meetings "$meets"} >"$WORK/fake.log" 2>&1 &
  FAKE_PID=$!
  for _ in $(seq 1 1200); do
    curl -s "http://127.0.0.1:$port/bigbluebutton/api" 2>/dev/null | grep -q version && break
    sleep 0.1
  done
  ready=$(( $(now_ms) - started ))
  # One unfiltered getRecordings, signed (sha1 of "getRecordings" + secret; no parameters).
  local sum; sum="$(printf 'getRecordings%s' "$SECRET" | sha1sum | cut -d' ' -f1)"
  local t0; t0="$(now_ms)"
  local bytes; bytes="$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/bigbluebutton/api/getRecordings?checksum=$sum")"
  get_ms=$(( $(now_ms) - t0 ))
  MCONF_TARGET__SECRET="$SECRET" /usr/bin/time -v -o "$WORK/time.txt" dotnet "$RUNNER" --target "http://127.0.0.1:$port/bigbluebutton" \
    --out "$WORK/reports" >"$WORK/run.log" 2>&1 || true
  verdict="$(tail -1 "$WORK/run.log" | cut -c1-60)"
  rss_fake="$(awk '/VmHWM/ {print int($2/1024)}' /proc/$FAKE_PID/status 2>/dev/null || echo '?')"
  kill "$FAKE_PID" 2>/dev/null || true; wait "$FAKE_PID" 2>/dev/null || true; FAKE_PID=""
  local wall rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")"
  rss="$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$WORK/time.txt")"
  printf '| %s | %s | %s MB | %s ms | %s bytes, %s ms | %s MB | %s |\n' "$label" "$wall" "$rss" "$ready" "$bytes" "$get_ms" "$rss_fake" "$verdict"
}

echo "| server | runner wall | runner peak RSS | fake ready | unfiltered getRecordings | fake peak RSS | verdict |"
echo "|---|---|---|---|---|---|---|"
measure "small (6 recordings, 3 meetings)" "" ""
for r in $RECORDINGS; do measure "$r recordings" "$r" ""; done
for m in $MEETINGS; do measure "$m live meetings" "" "$m"; done
echo
echo "load: $(uptime)"
