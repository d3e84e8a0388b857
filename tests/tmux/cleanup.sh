# Sourced by the tmux scripts: stops everything a test started under a work folder (the demo
# bot runs with its checkout as working directory, which its command line does not name),
# then removes the folder.
kill_under() {
  local root=$1 pid cwd
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || continue
    case "$cwd" in "$root"*) kill -KILL "$pid" 2>/dev/null || true ;; esac
  done
}

cleanup_work() {
  local root=$1
  kill_under "$root"
  sleep 0.3
  rm -rf "$root" 2>/dev/null || { sleep 1; rm -rf "$root"; }
}
