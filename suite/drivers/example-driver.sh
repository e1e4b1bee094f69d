#!/usr/bin/env bash
# A minimal presence driver, to copy: it shows the contract. The runner calls it once per action as
#   example-driver.sh ACTION JOIN_URL USER_ID MEETING_ID
# (the same values are in MCONF_PRESENCE_ACTION, _JOIN_URL, _USER, _FULL_NAME, _MEETING_ID) and waits:
# exit 0 = done, anything else = the action was not done, with the first stderr line as the reason.
# Keep each user's client connected until the action meeting-ended for its meeting (MEETING_ID), then close the
# clients of that meeting only: the suite's cases connect users of several meetings at once ('connect').
set -euo pipefail
action="$1" join_url="$2" user="$3" meeting="$4"
# One folder per meeting with the PID of each client started in it.
clients="${TMPDIR:-/tmp}/example-driver/$(printf '%s' "$meeting" | tr -c 'A-Za-z0-9._-' '_')"

open_client() {
  # A real driver starts a browser bot here (e.g. Playwright) and returns once the user is in the meeting.
  local browser="${MCONF_BROWSER:-chromium}"
  command -v "$browser" >/dev/null 2>&1 || { echo "no browser '$browser' to open the join link (set MCONF_BROWSER)" >&2; exit 1; }
  mkdir -p "$clients"
  "$browser" --headless=new --use-fake-ui-for-media-stream --use-fake-device-for-media-stream "$join_url" >/dev/null 2>&1 &
  echo $! >"$clients/$user.pid"
  sleep 20
}

case "$action" in
  # Generic: open the join link (its parameters are the case's: guest, userdata-..., role by password) and keep
  # the user connected; nothing else is asked of the client.
  connect) open_client ;;
  join-moderator-voice | join-viewer-listen-only | join-guest)
    # A real driver also joins the audio as asked (microphone or listen only).
    open_client ;;
  share-webcam | share-second-webcam | make-presenter | accept-guest)
    echo "this example cannot do '$action' for $user in $meeting" >&2
    exit 1 ;;
  meeting-ended)
    # Close this meeting's clients, and only those.
    if [[ -d "$clients" ]]; then
      for pid in "$clients"/*.pid; do
        [[ -e "$pid" ]] && kill "$(cat "$pid")" 2>/dev/null || true
      done
      rm -rf "$clients"
    fi ;;
  *) echo "unknown action '$action'" >&2; exit 3 ;;
esac
