#!/usr/bin/env bash
# Presence driver for the kit's fake server: does each step of the presence session through the fake's control
# surface over HTTP (/fake/..., mock/README.md), as a browser bot would through a real client.
#
#   run-conformance.sh [--target http://127.0.0.1:PORT/bigbluebutton] --presence-driver suite/drivers/fake-driver.sh
#
# Contract (README.md, "Presence session"): called as  fake-driver.sh ACTION JOIN_URL USER_ID MEETING_ID ; exit 0
# once the action is done, non-zero (with one line on stderr) when it cannot be. The control surface lives next to
# the API: http://HOST:PORT/fake (MCONF_FAKE_CONTROL overrides it). The fake keeps a connected user connected by
# itself, so 'connect' returns at once and 'meeting-ended' has no client to close.
set -euo pipefail

action="${1:?action}" join_url="${2:-}" user="${3:-}" meeting="${4:?meeting ID}"
control="${MCONF_FAKE_CONTROL:-${join_url%%/bigbluebutton*}/fake}"

post() {
  local answer
  if ! answer="$(curl -sS -X POST --max-time 10 -w '\n%{http_code}' "$control$1" 2>&1)"; then
    echo "fake-driver: POST $1 failed: ${answer//$'\n'/ }" >&2
    exit 1
  fi
  # A status the caller tolerates (e.g. 409 for a guest the meeting's policy already let in) counts as done.
  if [[ -n "${2:-}" && "${answer##*$'\n'}" == "$2" ]]; then
    return 0
  fi
  if [[ "${answer##*$'\n'}" != 2* ]]; then
    echo "fake-driver: POST $1 answered ${answer##*$'\n'}: $(head -n1 <<<"$answer")" >&2
    exit 1
  fi
}

user_path="/meetings/$meeting/users/$user"
# The users this driver connected, per meeting, so that meeting-ended closes exactly that meeting's clients.
state="${TMPDIR:-/tmp}/mconf-fake-driver/$(printf '%s' "$meeting" | tr -c 'A-Za-z0-9._-' '_')"
join() {
  # The join request registers the user (a browser would follow the redirect into the client) ...
  curl -sS -o /dev/null --max-time 10 "$join_url" || { echo "fake-driver: the join URL did not answer" >&2; exit 1; }
  # ... and the client connecting makes the user an attendee.
  post "$user_path/connect"
  mkdir -p "$state" && printf '%s\n' "$user" >>"$state/users"
}

# The meeting is over: each client this driver kept connected in it leaves (404: the fake already removed the
# meeting, as end does), then the fake processes its recording now instead of after a while.
ended() {
  if [[ -f "$state/users" ]]; then
    while IFS= read -r connected; do
      post "/meetings/$meeting/users/$connected/leave" 404
    done < <(sort -u "$state/users")
    rm -rf "$state"
  fi
  post "/recordings/process"
}

case "$action" in
  join-moderator-voice) join; post "$user_path/voice?on=true" ;;
  join-viewer-listen-only) join; post "$user_path/listen-only?on=true" ;;
  share-webcam | share-second-webcam) post "$user_path/webcam" ;;
  make-presenter) post "$user_path/presenter" ;;
  join-guest) join ;;
  # A guest policy that accepts guests at once leaves nobody waiting: the fake answers 409, and there is nothing to do.
  accept-guest) post "$user_path/guest/approve" 409 ;;
  # Generic: a case's user joins with this link (guest, userdata-..., as the case chose) and its client connects.
  connect) join ;;
  meeting-ended) ended ;;
  *) echo "fake-driver: unknown action '$action'" >&2; exit 3 ;;
esac
