#!/usr/bin/env bash
# Opens the panel in tmux at 80x24, then sends it SIGNAL (TERM or HUP, as systemd or a dropped
# SSH session would, or INT, as kill -INT would) and checks that it exits 0 and leaves the terminal's alternate screen,
# so no panel remnants stay on the screen.
#
# Usage: signals.sh SIGNAL SHOOTY...   (for example: signals.sh TERM dotnet path/to/shooty.dll)
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 TERM|HUP|INT SHOOTY_COMMAND..." >&2
  exit 2
fi

signal=$1
shift
shooty=("$@")
work=$(mktemp -d)
session="shooty-signal-$$"
source "$(dirname "$0")/cleanup.sh"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; cleanup_work "$work"' EXIT

"${shooty[@]}" demo "$work/demo" --no-tui >/dev/null
config="$work/demo/shooty.toml"
quoted=$(printf '%q ' "${shooty[@]}")
tmux new-session -d -s "$session" -x 80 -y 24 \
  "echo before-the-panel; env -u DisableRealDriverIO TERM=xterm-256color $quoted --config $config; echo \"shooty exited with \$?\"; sleep 60"

source "$(dirname "$0")/screen.sh"

wait_for "[1] Overview" 60
# The pane runs sh, whose child is the panel (env execs into it).
pane=$(tmux display-message -p -t "$session" '#{pane_pid}')
pid=$(pgrep -P "$pane" | head -n 1)
kill "-$signal" "$pid"
wait_for "shooty exited with 0" 30
if screen | grep -qF "[1] Overview"; then
  echo "FAILED: the panel is still drawn after SIG$signal:" >&2
  screen >&2
  exit 1
fi
screen | grep -qF "before-the-panel" || {
  echo "FAILED: the screen from before the panel was not restored:" >&2
  screen >&2
  exit 1
}
echo "SIG$signal: clean exit"
