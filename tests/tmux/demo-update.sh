#!/usr/bin/env bash
# Drives `shooty demo` in tmux at 80x24 the way an operator would: open the panel, look at the
# pending commits, cancel an update with Enter, update, then break the demo and watch the
# update roll back, and quit with q. Prints each screen it checks to $SCREENS (default: a temp
# file) and exits non-zero with the last screen when an expectation fails.
#
# Usage: demo-update.sh SHOOTY...   (for example: demo-update.sh dotnet path/to/shooty.dll)
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 SHOOTY_COMMAND..." >&2
  exit 2
fi

shooty=("$@")
work=$(mktemp -d)
session="shooty-demo-$$"
screens=${SCREENS:-$work/screens.txt}
source "$(dirname "$0")/cleanup.sh"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; cleanup_work "$work"' EXIT

quoted=$(printf '%q ' "${shooty[@]}")
tmux new-session -d -s "$session" -x 80 -y 24 \
  "env -u DisableRealDriverIO TERM=xterm-256color $quoted demo $work/demo; echo \"shooty exited with \$?\"; sleep 60"

source "$(dirname "$0")/screen.sh"

wait_for "[1] Overview" 120
wait_for "✓ healthy" 60
wait_for "[2] Updates (3)" 30
keys 2
wait_for "Commit " 10

# Enter on the confirmation must cancel: Cancel is the default.
keys u
wait_for "Update shootybot-demo from" 10
keys Enter
wait_for "update cancelled" 10
refute "Update progress"

keys u
wait_for "Update shootybot-demo from" 10
keys Tab Enter
wait_for "Update progress" 10
wait_for "updated " 120
wait_for "✓ up to date" 30

# A commit that crashes the bot at start must roll back by itself.
"${shooty[@]}" demo break "$work/demo" >/dev/null
keys f
wait_for "[2] Updates (1)" 30
keys u
wait_for "Update shootybot-demo from" 10
keys Tab Enter
wait_for "Update failed" 120
wait_for "rolled back" 5
keys Enter
wait_for "✓ healthy" 60

keys q
wait_for "shooty exited with 0" 30
echo "demo in tmux: ok (screens in $screens)"
