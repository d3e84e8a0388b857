# Screen helpers for the tmux scripts. Source after setting $session (the tmux session) and
# optionally $screens (a file that collects every screen a wait matched).

screen() { tmux capture-pane -p -t "$session"; }

keys() { tmux send-keys -t "$session" "$@"; }

# wait_for TEXT SECONDS: polls the screen until TEXT appears, or fails with the screen.
wait_for() {
  local text=$1 limit=${2:-30} start=$SECONDS
  while ((SECONDS - start < limit)); do
    if screen | grep -qF -- "$text"; then
      if [[ -n ${screens:-} ]]; then
        { echo "=== found: $text"; screen; } >>"$screens"
      fi
      return 0
    fi
    sleep 0.3
  done
  echo "FAILED: \"$text\" not on screen after ${limit}s; screen:" >&2
  screen >&2
  exit 1
}

# wait_gone TEXT SECONDS: polls the screen until TEXT is no longer on it.
wait_gone() {
  local text=$1 limit=${2:-10} start=$SECONDS
  while ((SECONDS - start < limit)); do
    if ! screen | grep -qF -- "$text"; then
      return 0
    fi
    sleep 0.3
  done
  echo "FAILED: \"$text\" still on screen after ${limit}s:" >&2
  screen >&2
  exit 1
}

# refute TEXT: fails when TEXT is on screen now.
refute() {
  if screen | grep -qF -- "$1"; then
    echo "FAILED: \"$1\" should not be on screen:" >&2
    screen >&2
    exit 1
  fi
}
