#!/usr/bin/env bash
# Visits every panel of `shooty demo` in tmux at 80x24 the way an operator would. It opens
# each panel, the Flags window, the command log and the help, then runs an update, a backup
# restore and a broken commit that rolls back, and ends with the small layouts and q.
# Prints each screen it checks to $SCREENS (default: a temp file) and exits non-zero with the
# last screen when an expectation fails.
#
# Usage: panel-tour.sh SHOOTY...   (for example: panel-tour.sh dotnet path/to/shooty.dll)
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 SHOOTY_COMMAND..." >&2
  exit 2
fi

shooty=("$@")
work=$(mktemp -d)
session="shooty-tour-$$"
screens=${SCREENS:-$work/screens.txt}
source "$(dirname "$0")/cleanup.sh"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; cleanup_work "$work"' EXIT

quoted=$(printf '%q ' "${shooty[@]}")
tmux new-session -d -s "$session" -x 80 -y 24 \
  "env -u DisableRealDriverIO TERM=xterm-256color $quoted demo $work/demo; echo \"shooty exited with \$?\"; sleep 60"

source "$(dirname "$0")/screen.sh"

wait_for "[1] Overview" 120
wait_for "✓ healthy" 60
wait_for "fetched: 3 commit(s) pending" 60

# The themes use the 16 ANSI colours and the panel sends them as such: no 256-colour or RGB
# sequences reach the terminal.
if tmux capture-pane -e -p -t "$session" | grep -qE '\[([0-9;]*;)?[34]8;[25];'; then
  echo "FAILED: the screen uses colours beyond the 16 ANSI ones:" >&2
  tmux capture-pane -e -p -t "$session" | grep -oE '\[[0-9;]*m' | sort -u | head -20 >&2
  exit 1
fi

# Every panel, window and overlay, and back.
keys 3
wait_for "[3] Backups (0)" 10
keys 4
wait_for "[4] History" 10
wait_for "no updates recorded yet" 10
keys 6
wait_for "[6] Logs: bot" 10
wait_for "INFO shootybot" 20
keys 5
wait_for "[5] Flags" 10
keys Escape
wait_gone "[5] Flags"
keys @
wait_for "Command log" 10
wait_for "git fetch origin" 10
keys Escape
wait_gone "Command log"
keys 2 '?'
wait_for "Keys: Updates" 10
wait_for "roll back the last update" 5
keys Escape
wait_gone "Keys: Updates"

# An update, seen in History and Backups.
keys u
wait_for "Update shootybot-demo from" 10
keys Tab Enter
wait_for "» updating:" 20
wait_for "✓ up to date at" 120
keys 4
wait_for "✓ succeeded tui" 10
wait_for "Downtime per update" 10
keys 3
wait_for "[3] Backups (1)" 10
wait_for "✓ verified" 10

# Restoring the pre-update backup requires its commit to be typed.
keys R
wait_for "Restore backup" 10
commit=$(screen | grep -o 'Type [0-9a-f]\{7,\}' | head -1 | cut -d' ' -f2)
if [[ -z $commit ]]; then
  echo "FAILED: no commit to type in the restore dialog:" >&2
  screen >&2
  exit 1
fi
keys "$commit"
keys Tab Enter
wait_for "✓ restored backup 1" 120
wait_for "[3] Backups (2)" 20

# A commit that crashes the bot at start rolls back by itself.
"${shooty[@]}" demo break "$work/demo" >/dev/null
keys 2 f
wait_for "[2] Updates (1)" 30
keys u
wait_for "Update shootybot-demo from" 10
keys Tab Enter
wait_for "Update failed" 120
keys Enter
wait_gone "Update failed"
wait_for "✓ healthy" 60
keys 4
wait_for "↺ rolled back" 10

# Smaller terminals stack the panels; the smallest shows a notice and still quits.
tmux resize-window -t "$session" -x 60 -y 20
wait_for "[4] History (2)" 10
wait_gone "[1] Overview"
tmux resize-window -t "$session" -x 30 -y 10
wait_for "terminal too small" 10
keys q
wait_for "shooty exited with 0" 30

# NO_COLOR: the monochrome theme, so no cyan header and no yellow selection.
tmux kill-session -t "$session"
tmux new-session -d -s "$session" -x 80 -y 24 \
  "env -u DisableRealDriverIO TERM=xterm-256color NO_COLOR=1 $quoted --config $work/demo/shooty.toml; echo \"shooty exited with \$?\"; sleep 60"
wait_for "[1] Overview" 60
wait_for "✓ healthy" 60
if tmux capture-pane -e -p -t "$session" | grep -qE '\[([0-9;]*;)?(3[36]|4[36]|9[36]|10[36])m'; then
  echo "FAILED: NO_COLOR still draws cyan or yellow:" >&2
  tmux capture-pane -e -p -t "$session" | grep -oE '\[[0-9;]*m' | sort -u >&2
  exit 1
fi
keys q
wait_for "shooty exited with 0" 30
echo "panel tour in tmux: ok (screens in $screens)"
