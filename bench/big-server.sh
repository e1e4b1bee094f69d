#!/usr/bin/env bash
# Cost against the size of the server: certifies the standalone fake seeded with R recordings or M live meetings and
# measures the runner's wall time, CPU time and peak RSS (/usr/bin/time -v), the fake's start-up, peak RSS and one
# unfiltered getRecordings (cold, then cached). The small server (the fake's defaults: 6 recordings, 3 meetings) is
# the baseline: its own row, and a small fake started beside every other row, certified just before each run against
# that row's fake, so that each ratio compares runs seconds apart (a shared machine's load moves within minutes).
# Every verdict is compared with the small server's.
#
#   bench/big-server.sh                          # recordings 1,000 10,000 40,000 100,000; meetings 10 400 2,000
#   bench/big-server.sh --recordings "1000 100000" --meetings "10"
#   bench/big-server.sh --recordings "" --meetings "2000" --repeat 3
#
# Loopback only. Goal: at 100,000 recordings, runner time within 1.5x of the small server's and peak RSS at most
# 200 MB.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDINGS="1000 10000 40000 100000"
MEETINGS="10 400 2000"
REPEAT=1
usage() {
  cat >&2 <<'EOF'
usage: bench/big-server.sh [--recordings "N ..."] [--meetings "N ..."] [--repeat K]
  --recordings  recordings rows (default "1000 10000 40000 100000"; "" for none)
  --meetings    live-meeting rows (default "10 400 2000"; "" for none)
  --repeat      runner runs per row (default 1): the median wall and CPU time and the highest peak RSS are shown,
                each ratio against the median of the small server's runs beside the row
EOF
  exit 2
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --recordings) [[ $# -ge 2 ]] || usage; RECORDINGS="$2"; shift 2 ;;
    --meetings) [[ $# -ge 2 ]] || usage; MEETINGS="$2"; shift 2 ;;
    --repeat) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || usage; REPEAT="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) usage ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (GNU time: apt-get install time)" >&2; exit 2; }
for tool in curl jq python3 sha1sum; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

SECRET="bench-big-server-secret"
WORK="$(mktemp -d)"
FAKE_PIDS=()
cleanup() {
  local pid
  for pid in "${FAKE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building the runner and the standalone fake if needed..." >&2
"$ROOT/run-conformance.sh" --list >/dev/null 2>"$WORK/build.log" || { cat "$WORK/build.log" >&2; exit 2; }
dotnet build "$ROOT/mock/Mconf.Mock.Host" -c Release -v q --nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 2; }
RUNNER="$ROOT/suite/Mconf.Conformance.Runner/bin/Release/net10.0/mconf-conformance.dll"
FAKE="$ROOT/mock/Mconf.Mock.Host/bin/Release/net10.0/Mconf.Mock.Host.dll"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# "m:ss.ss" or "h:mm:ss" (GNU time) -> seconds
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }
group() { sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta' <<<"$1"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

SMALL_VERDICT=""
DIFFERENT=()
# Verdicts compare on the verdict, the failures and the deltas verified: how many cases stay inconclusive may differ
# with the data (e.g. meta_*#missing-key when every recording of a big seeded list has every key).
judged() { sed -E 's/, [0-9]+ inconclusive//' <<<"$1"; }

# start_fake RECORDINGS MEETINGS -> "PID PORT READY_MS" (ready: until the API answers)
start_fake() {
  local recs="$1" meets="$2" port started pid
  port="$(free_port)"
  started="$(now_ms)"
  dotnet "$FAKE" --port "$port" --secret "$SECRET" --seed 42 ${recs:+--recordings "$recs"} ${meets:+--meetings "$meets"} </dev/null >"$WORK/fake-$port.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    curl -s "http://127.0.0.1:$port/bigbluebutton/api" 2>/dev/null | grep -q version && break
    kill -0 "$pid" 2>/dev/null || { echo "the fake did not start:" >&2; cat "$WORK/fake-$port.log" >&2; exit 2; }
    sleep 0.1
  done
  echo "$pid $port $(( $(now_ms) - started ))"
}

# stop_fake PID -> its peak RSS in MB (VmHWM)
stop_fake() {
  awk '/VmHWM/ {print int($2/1024)}' "/proc/$1/status" 2>/dev/null || echo '?'
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# One unfiltered, signed getRecordings (sha1 of "getRecordings" + secret; no parameters): "BYTES MS"
get_recordings() {
  local port="$1" sum t0 bytes
  sum="$(printf 'getRecordings%s' "$SECRET" | sha1sum | cut -d' ' -f1)"
  t0="$(now_ms)"
  bytes="$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/bigbluebutton/api/getRecordings?checksum=$sum")"
  echo "$bytes $(( $(now_ms) - t0 ))"
}

# run_runner PORT -> "WALL_S CPU_S RSS_MB|VERDICT"
run_runner() {
  local port="$1" v
  rm -rf "$WORK/reports"
  MCONF_TARGET__SECRET="$SECRET" /usr/bin/time -v -o "$WORK/time.txt" dotnet "$RUNNER" --target "http://127.0.0.1:$port/bigbluebutton" \
    --presence-driver "$ROOT/suite/drivers/fake-driver.sh" --out "$WORK/reports" >"$WORK/run.log" 2>&1 || true
  if [[ -f "$WORK/reports/latest/results.json" ]]; then
    v="$(jq -r '"\(.verdict), \(.totals.failed) failed, \(.totals.inconclusive) inconclusive, deltas \(.deltasVerified)/50"' "$WORK/reports/latest/results.json")"
  else
    v="no report: $(tail -1 "$WORK/run.log" | cut -c1-80)"
  fi
  echo "$(seconds "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")")" \
    "$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$WORK/time.txt")" \
    "$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$WORK/time.txt")|$v"
}

# measure LABEL RECORDINGS MEETINGS -> one table row. Each runner run against the row's fake follows one against a
# small fake started beside it, so that the ratios compare runs a few seconds apart (the load of a shared machine
# moves within minutes).
measure() {
  local label="$1" recs="$2" meets="$3" fake small="" cold warm verdict="" k
  local walls="" cpus="" small_walls="" small_cpus="" rss=0
  fake="$(start_fake "$recs" "$meets")"
  FAKE_PIDS+=("${fake%% *}")
  cold="$(get_recordings "$(cut -d' ' -f2 <<<"$fake")")"
  warm="$(get_recordings "$(cut -d' ' -f2 <<<"$fake")")"
  if [[ -n "$recs$meets" ]]; then
    small="$(start_fake "" "")"
    FAKE_PIDS+=("${small%% *}")
  fi
  for (( k = 1; k <= REPEAT; k++ )); do
    local out numbers v
    if [[ -n "$small" ]]; then
      out="$(run_runner "$(cut -d' ' -f2 <<<"$small")")"
      numbers="${out%%|*}"; v="${out#*|}"
      small_walls+=" $(cut -d' ' -f1 <<<"$numbers")"; small_cpus+=" $(cut -d' ' -f2 <<<"$numbers")"
      [[ "$(judged "$v")" == "$(judged "$SMALL_VERDICT")" ]] || DIFFERENT+=("small server beside $label: $v")
    fi
    out="$(run_runner "$(cut -d' ' -f2 <<<"$fake")")"
    numbers="${out%%|*}"; v="${out#*|}"
    walls+=" $(cut -d' ' -f1 <<<"$numbers")"; cpus+=" $(cut -d' ' -f2 <<<"$numbers")"
    (( $(cut -d' ' -f3 <<<"$numbers") > rss )) && rss="$(cut -d' ' -f3 <<<"$numbers")"
    if [[ -n "$verdict" && "$v" != "$verdict" ]]; then verdict="$verdict / $v"; else verdict="$v"; fi
  done
  [[ -n "$small" ]] && stop_fake "$(cut -d' ' -f1 <<<"$small")" >/dev/null
  local rss_fake wall cpu ratio cpu_ratio
  rss_fake="$(stop_fake "$(cut -d' ' -f1 <<<"$fake")")"
  wall="$(median <<<"$walls")"
  cpu="$(median <<<"$cpus")"
  if [[ -z "$small" ]]; then
    SMALL_VERDICT="$verdict"; small_walls="$walls"; small_cpus="$cpus"
  fi
  ratio="$(awk -v a="$wall" -v b="$(median <<<"$small_walls")" 'BEGIN { printf "%.2f", a / b }')"
  cpu_ratio="$(awk -v a="$cpu" -v b="$(median <<<"$small_cpus")" 'BEGIN { printf "%.2f", a / b }')"
  [[ "$(judged "$verdict")" == "$(judged "$SMALL_VERDICT")" ]] || DIFFERENT+=("$label")
  printf '| %s | %.1f s (%sx) | %.1f s (%sx) | %s MB | %s ms | %s bytes: %s ms cold, %s ms cached | %s MB | %s |\n' \
    "$label" "$wall" "$ratio" "$cpu" "$cpu_ratio" "$rss" "$(cut -d' ' -f3 <<<"$fake")" "$(group "${cold%% *}")" "${cold##* }" "${warm##* }" "$rss_fake" "$verdict"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo '+changes'), $(nproc) cores, load average $(loadavg) at the start; runner runs per row: $REPEAT"
echo
echo "| server | runner wall (x small) | runner CPU (x small) | runner peak RSS | fake ready | unfiltered getRecordings | fake peak RSS | verdict |"
echo "|---|---|---|---|---|---|---|---|"
measure "small (6 recordings, 3 meetings)" "" ""
for r in $RECORDINGS; do measure "$(group "$r") recordings" "$r" ""; done
for m in $MEETINGS; do measure "$(group "$m") live meetings" "" "$m"; done
echo
echo "load average $(loadavg) at the end"
if [[ ${#DIFFERENT[@]} -eq 0 ]]; then
  echo "verdicts: every row has the small server's"
else
  echo "verdicts: different from the small server's: ${DIFFERENT[*]}"
fi
