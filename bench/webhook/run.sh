#!/usr/bin/env bash
# Loads a real `shooty webhook serve` on 127.0.0.1 with COUNT forged requests (default 20000)
# at CONCURRENCY (default 32), sends one signed push half-way through, waits until that push
# has updated the demo bot, and writes RESULTS.md beside this script. Everything lives in a
# temp folder that is removed at exit; only loopback is contacted.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
count=${COUNT:-20000}
concurrency=${CONCURRENCY:-32}
secret="bench-secret-$RANDOM$RANDOM"

work=$(mktemp -d "${TMPDIR:-/tmp}/shooty-bench-webhook.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" || true
  fi
  if [[ -f "$work/demo/shooty.toml" ]]; then
    dotnet "$work/shooty/shooty.dll" --config "$work/demo/shooty.toml" stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$root/src/ShootyTui" -c Release -nologo -v q -o "$work/shooty" >"$work/build.log" \
  || { cat "$work/build.log" >&2; exit 1; }
dotnet build "$here/Harness" -c Release -nologo -v q -o "$work/harness" >"$work/build.log" \
  || { cat "$work/build.log" >&2; exit 1; }
shooty() { dotnet "$work/shooty/shooty.dll" --config "$work/demo/shooty.toml" "$@"; }

dotnet "$work/shooty/shooty.dll" demo --no-tui "$work/demo" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >>"$work/demo/shooty.toml" <<TOML

[webhook]
listen = "127.0.0.1:$port"
secret_env = "BENCH_WEBHOOK_SECRET"
# Documentation ranges stand in for GitHub and for attackers; they only appear in
# X-Forwarded-For headers sent by the loopback "proxy".
allow_networks = ["198.51.100.0/24", "203.0.113.0/24"]
trusted_proxies = ["127.0.0.1"]
rate_limit = "5/m"
max_body = "64KiB"
TOML

shooty start >/dev/null
# Bring the checkout up to date, then push one commit for the signed push to deliver.
shooty update --yes --ignore-window >/dev/null
git -C "$work/demo/upstream" pull -q
echo "bench" >"$work/demo/upstream/BENCH.md"
git -C "$work/demo/upstream" add BENCH.md
git -C "$work/demo/upstream" -c user.name=bench -c user.email=bench@example.invalid \
  commit -q -m "docs: benchmark marker"
git -C "$work/demo/upstream" push -q
tip=$(git -C "$work/demo/upstream" rev-parse HEAD)

BENCH_WEBHOOK_SECRET="$secret" dotnet "$work/shooty/shooty.dll" \
  --config "$work/demo/shooty.toml" webhook serve >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.1
done
sleep 1 # let the listener settle before the "before" memory reading

status=0
"$work/harness/Harness" "http://127.0.0.1:$port" "$server_pid" "$secret" "$tip" \
  "$count" "$concurrency" >"$work/report.md" || status=$?

# The signed push updates the bot in the background; wait for its history record.
outcome=""
for _ in $(seq 120); do
  outcome=$(shooty history --json | python3 -c '
import json, sys
updates = [u for u in json.load(sys.stdin)["updates"] if u["trigger"] == "webhook"]
print(updates[0]["outcome"] + " to " + updates[0]["to_commit"][:7] if updates and updates[0]["outcome"] else "")')
  [[ -n "$outcome" ]] && break
  sleep 0.5
done
log_lines=$(grep -c "Webhook delivery" "$work/demo/state/shooty.log" || true)

{
  echo "# Webhook listener under forged load"
  echo
  echo "Command: \`COUNT=$count CONCURRENCY=$concurrency bench/webhook/run.sh\`, $(date -u +%Y-%m-%d)."
  echo "Machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);"
  echo ".NET $(dotnet --version); Release build run with \`dotnet shooty.dll\` (JIT, not AOT)."
  echo
  echo "The listener ran on 127.0.0.1 against a demo deployment with rate_limit 5/m, max_body"
  echo "64 KiB and 127.0.0.1 as a trusted proxy. Forged requests came in eight kinds: random,"
  echo "missing, malformed and wrong-secret signatures, sources outside allow_networks,"
  echo "unreadable X-Forwarded-For entries and 70 KiB bodies, spread over 250 X-Forwarded-For"
  echo "addresses. One signed push was sent half-way through from a fresh address."
  echo
  cat "$work/report.md"
  echo "| update started by the signed push | ${outcome:-not finished within 60 s} |"
  echo "| delivery lines in shooty.log | $log_lines (rejections are capped at 20 a minute) |"
  echo
  echo "A connection error is a 70 KiB request whose connection the listener closed after"
  echo "answering 413, before the client had finished sending the body; it counts as rejected."
} >"$here/RESULTS.md"
cat "$here/RESULTS.md"
[[ -n "$outcome" ]] || status=1
exit "$status"
