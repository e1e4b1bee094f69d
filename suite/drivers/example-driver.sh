#!/usr/bin/env bash
# A minimal presence driver, to copy: it shows the contract. The runner calls it once per step as
#   example-driver.sh ACTION JOIN_URL USER_ID MEETING_ID
# (the same values are in MCONF_PRESENCE_ACTION, _JOIN_URL, _USER, _FULL_NAME, _MEETING_ID) and waits:
# exit 0 = done, anything else = the step is skipped, with the first stderr line as the reason.
# Keep each user's client connected until the action meeting-ended.
set -euo pipefail
action="$1" join_url="$2" user="$3" meeting="$4"

case "$action" in
  join-moderator-voice | join-viewer-listen-only | join-guest)
    # A real driver starts a browser bot here (e.g. Playwright), joins audio as asked, and returns once joined.
    xdg-open "$join_url" >/dev/null 2>&1 || { echo "no browser to open the join link" >&2; exit 1; }
    sleep 20 ;;
  share-webcam | share-second-webcam | make-presenter | accept-guest)
    echo "this example cannot do '$action' for $user in $meeting" >&2
    exit 1 ;;
  meeting-ended) ;;
  *) echo "unknown action '$action'" >&2; exit 3 ;;
esac
