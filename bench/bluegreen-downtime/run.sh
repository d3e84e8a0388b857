#!/usr/bin/env bash
# Measures the downtime of the same demo update (three commits, the newest of which changes
# requirements.txt, so dependencies are installed) in-place, blue-green, and blue-green with
# [update] overlap = "30s", side by side in one run. Runs RUNS times each (default 3) and prints markdown tables: the mean downtime of each
# strategy, and the mean duration of each journaled step. Downtime is what shooty records:
# from the stop request to the first healthy check of the version that came up. Everything
# happens in a temp folder on this machine; the bots are stopped with `shooty stop`.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${RUNS:-3}
work=$(mktemp -d)
shooty=(dotnet src/ShootyTui/bin/Release/net10.0/shooty.dll)

stop_all() {
  for config in "$work"/*/shooty.toml; do
    [ -e "$config" ] && "${shooty[@]}" --config "$config" stop >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap stop_all EXIT

dotnet build src/ShootyTui -c Release -nologo -v q >/dev/null

# Prints "<label> <run> <step> <ms>" for each step and "<label> <run> downtime <ms>".
record() {
  local label=$1 run=$2 demo=$3
  sqlite3 -separator ' ' "$demo/state/state.db" \
    "SELECT step, duration_ms FROM journal WHERE phase = 'succeeded' AND duration_ms IS NOT NULL ORDER BY id;" \
    | sed "s/^/$label $run /"
  sqlite3 "$demo/state/state.db" \
    "SELECT '$label $run downtime ' || downtime_ms || ' ' || outcome FROM updates ORDER BY id DESC LIMIT 1;"
}

# The same demo, with its database moved to a shared folder and converted to two slots; the
# fourth argument is added to [update].
blue_green() {
  local label=$1 run=$2 extra=$3
  local demo="$work/$label-$run"
  "${shooty[@]}" demo "$demo" --no-tui >/dev/null
  sed -i \
    -e 's|^database = "bot/data/bot.db"|database = "shared/bot.db"|' \
    -e 's|^file = "bot/data/flags.json"|file = "shared/flags.json"|' \
    -e "s|^\\[update\\]\$|[update]\\nstrategy = \"blue-green\"\\n$extra|" \
    "$demo/shooty.toml"
  printf '\n[bot.environment]\nDATA_DIR = "%s"\n' "$demo/shared" >>"$demo/shooty.toml"
  "${shooty[@]}" --config "$demo/shooty.toml" slots convert --to blue-green --move-data data \
    >/dev/null
  "${shooty[@]}" --config "$demo/shooty.toml" check >/dev/null || true
  "${shooty[@]}" --config "$demo/shooty.toml" update --yes >/dev/null
  record "$label" "$run" "$demo"
  "${shooty[@]}" --config "$demo/shooty.toml" stop >/dev/null
}

for i in $(seq 1 "$runs"); do
  demo="$work/in-place-$i"
  "${shooty[@]}" demo "$demo" --no-tui >/dev/null
  "${shooty[@]}" --config "$demo/shooty.toml" check >/dev/null || true
  "${shooty[@]}" --config "$demo/shooty.toml" update --yes >/dev/null
  record in-place "$i" "$demo"
  "${shooty[@]}" --config "$demo/shooty.toml" stop >/dev/null

  blue_green blue-green "$i" ""
  blue_green overlap "$i" 'overlap = "30s"'
done | tee "$work/raw.txt"

mean() {
  awk -v label="$1" '$1 == label && $3 == "downtime" { s += $4; n++ } END { printf "%.0f", s / n }' \
    "$work/raw.txt"
}
in_place=$(mean in-place)
blue_green=$(mean blue-green)
overlap=$(mean overlap)

echo
echo "| strategy | mean downtime (ms) | ratio to in-place |"
echo "|---|---:|---:|"
echo "| in-place: stop, backup, fast-forward, install, smoke test, start | $in_place | 1.00 |"
awk -v b="$blue_green" -v i="$in_place" \
  'BEGIN { printf "| blue-green: prepare slot first, then stop, backup, switch, start | %d | %.2f |\n", b, b / i }'
awk -v o="$overlap" -v i="$in_place" \
  'BEGIN { printf "| blue-green, overlap 30s: old slot serves until the new one is healthy | %d | %.2f |\n", o, o / i }'
echo
echo "| step | in-place mean (ms) | blue-green mean (ms) | overlap mean (ms) |"
echo "|---|---:|---:|---:|"
awk 'NF == 4 && $3 != "downtime" { sum[$3 " " $1] += $4; n[$3 " " $1]++; steps[$3] = 1 }
  END {
    for (s in steps) {
      a = (s " in-place") in n ? sprintf("%.0f", sum[s " in-place"] / n[s " in-place"]) : "-"
      b = (s " blue-green") in n ? sprintf("%.0f", sum[s " blue-green"] / n[s " blue-green"]) : "-"
      o = (s " overlap") in n ? sprintf("%.0f", sum[s " overlap"] / n[s " overlap"]) : "-"
      printf "| %s | %s | %s | %s |\n", s, a, b, o
    }
  }' "$work/raw.txt" | sort
