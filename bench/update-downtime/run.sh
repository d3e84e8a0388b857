#!/usr/bin/env bash
# Measures the downtime of a demo update, split by pipeline step, side by side with a naive
# update of the same demo (fetch first, then stop, git merge --ff-only, install, start, first
# fresh heartbeat) that has no backup, smoke test or health gate. Runs RUNS times each (default 3) and prints
# a markdown table. Everything happens in a temp folder on this machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${RUNS:-3}
work=$(mktemp -d)
trap 'pkill -f "$work/" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/ShootyTui -c Release -nologo -v q >/dev/null
shooty=(dotnet src/ShootyTui/bin/Release/net10.0/shooty.dll)

now_ms() { date +%s%3N; }

for i in $(seq 1 "$runs"); do
  demo="$work/safe-$i"
  "${shooty[@]}" demo "$demo" --no-tui >/dev/null
  "${shooty[@]}" --config "$demo/shooty.toml" check >/dev/null || true
  "${shooty[@]}" --config "$demo/shooty.toml" update --yes >/dev/null
  sqlite3 -separator ' ' "$demo/state/state.db" \
    "SELECT step, duration_ms FROM journal WHERE phase = 'succeeded' AND duration_ms IS NOT NULL ORDER BY id;" \
    | sed "s/^/safe $i /"
  sqlite3 "$demo/state/state.db" "SELECT 'safe $i downtime ' || downtime_ms FROM updates ORDER BY id DESC LIMIT 1;"
  "${shooty[@]}" --config "$demo/shooty.toml" stop >/dev/null

  # The naive way on an identical demo: no backup, no smoke test, no health gate.
  demo="$work/naive-$i"
  "${shooty[@]}" demo "$demo" --no-tui >/dev/null
  pid=$(python3 -c "import json;print(json.load(open('$demo/state/bot.pid'))['pid'])")
  git -C "$demo/bot" fetch -q origin
  start=$(now_ms)
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  git -C "$demo/bot" merge -q --ff-only origin/main
  (cd "$demo/bot" && python3 tools/install_deps.py >/dev/null)
  (cd "$demo/bot" && setsid sh -c 'exec python3 bot.py' >>"$work/naive-$i.log" 2>&1 </dev/null &)
  started=$(date +%s.%N)
  # One poller process, so its start-up is not counted again on every check.
  python3 - "$demo/bot/.bot_health" "$started" <<'PY'
import json, sys, time
path, started = sys.argv[1], float(sys.argv[2])
while True:
    try:
        if json.load(open(path))["timestamp"] >= started:
            break
    except (OSError, ValueError, KeyError):
        pass
    time.sleep(0.05)
PY
  echo "naive $i downtime $(($(now_ms) - start))"
  pkill -f "$demo/" 2>/dev/null || true
done | tee "$work/raw.txt"

echo
echo "| step | shooty mean (ms) |"
echo "|---|---:|"
awk '$1 == "safe" && $3 != "downtime" { sum[$3] += $4; n[$3]++ } END { for (s in sum) printf "| %s | %.0f |\n", s, sum[s] / n[s] }' "$work/raw.txt" | sort
safe=$(awk '$1 == "safe" && $3 == "downtime" { s += $4; n++ } END { printf "%.0f", s / n }' "$work/raw.txt")
naive=$(awk '$1 == "naive" && $3 == "downtime" { s += $4; n++ } END { printf "%.0f", s / n }' "$work/raw.txt")
echo
echo "| update | mean downtime (ms) | ratio to naive |"
echo "|---|---:|---:|"
echo "| naive: stop, merge, install, start, first heartbeat | $naive | 1.00 |"
awk -v s="$safe" -v n="$naive" 'BEGIN { printf "| shooty update (backup, smoke test, health gate with settle) | %d | %.2f |\n", s, s / n }'
