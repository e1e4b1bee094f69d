#!/usr/bin/env bash
# A client failing over between the servers of a fleet of fakes, from outside .NET (bash, curl, sha1sum):
# server 0 answers, then refuses connections, and the next request goes to server 1; the fleet's counters show
# where the requests went; server 0 is brought back at the end.
#   ./mock/run.sh --servers 3 --fleet-port 8099 &
#   FLEET=http://127.0.0.1:8099/fleet samples/fleet-failover.sh
# (FailoverTests runs it against an in-process fleet.) Exit status 0 when it failed over as expected.
set -euo pipefail
fleet="${FLEET:-http://127.0.0.1:8099/fleet}"
list="$(curl -fsS "$fleet")"

# GET /fleet lists each server's url and secret (compact JSON, read here without jq).
mapfile -t urls < <(grep -o '"url":"[^"]*"' <<<"$list" | cut -d'"' -f4)
mapfile -t secrets < <(grep -o '"secret":"[^"]*"' <<<"$list" | cut -d'"' -f4)
echo "fleet of ${#urls[@]} servers"

# BBB checksum: sha1(call + query + secret), appended as the last parameter.
signed() { printf '%s&checksum=%s' "$2" "$(printf '%s%s%s' "$1" "$2" "$3" | sha1sum | cut -d' ' -f1)"; }

# The client: the first server (in order) that answers SUCCESS within 2 s; prints "index body".
first_up() {
  local i body
  for i in "${!urls[@]}"; do
    if body="$(curl -fsS --max-time 2 "${urls[$i]}/api/$1?$(signed "$1" "$2" "${secrets[$i]}")" 2>/dev/null)" \
        && [[ "$body" == *"<returncode>SUCCESS</returncode>"* ]]; then
      echo "$i $body"
      return 0
    fi
    echo "server $i did not answer $1; trying the next" >&2
  done
  return 1
}

trap 'curl -fsS -X POST "$fleet/servers/0/up" >/dev/null || true' EXIT

read -r before _ < <(first_up isMeetingRunning "meetingID=room")
echo "isMeetingRunning answered by server $before"

curl -fsS -X POST "$fleet/servers/0/down?mode=refuse" >/dev/null
echo "server 0 now refuses connections"
read -r after body < <(first_up create "meetingID=room&name=Room")
[[ "$body" == *"<meetingID>room</meetingID>"* ]] || { echo "unexpected create answer: $body" >&2; exit 1; }
echo "create failed over to server $after"

echo "requests per server: $(curl -fsS "$fleet" | grep -o '"requests":[0-9]*' | cut -d: -f2 | paste -sd' ')"
curl -fsS -X POST "$fleet/servers/0/up" >/dev/null
read -r back _ < <(first_up isMeetingRunning "meetingID=room")
echo "server 0 is back: isMeetingRunning answered by server $back"
[[ "$before" == 0 && "$after" == 1 && "$back" == 0 ]]
