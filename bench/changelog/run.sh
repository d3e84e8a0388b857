#!/usr/bin/env bash
# Compares the changelog of a long commit range (ChangelogWriter over GitRepository, as
# `shooty changelog FROM TO` runs it) with `git log --numstat` over the same range.
#
#   bench/changelog/run.sh              # COMMITS=5000 RUNS=10 by default
#   COMMITS=2000 RUNS=5 bench/changelog/run.sh
#
# The history comes from ../check-vs-git/make_history.py. Everything happens in a temporary
# folder that is deleted at exit; nothing touches the network.
set -euo pipefail

COMMITS=${COMMITS:-5000}
RUNS=${RUNS:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/shooty-changelog-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The git CLI side ignores the user's and the system's git config.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0

echo "== building the harness (Release)"
dotnet build -c Release --nologo -v quiet "$HERE/Harness" -o "$WORK/harness" >"$WORK/build.log" \
    || { cat "$WORK/build.log"; exit 1; }
HARNESS=("dotnet" "$WORK/harness/Harness.dll")

echo "== building a repository with $((COMMITS + 1)) commits"
git init --quiet --bare --initial-branch main "$WORK/origin.git"
python3 "$HERE/../check-vs-git/make_history.py" --end $((COMMITS + 1)) \
    | git -C "$WORK/origin.git" fast-import --quiet
git clone --quiet --no-local --branch main "$WORK/origin.git" "$WORK/checkout"
FROM=$(git -C "$WORK/checkout" rev-list --max-parents=0 HEAD)
TO=$(git -C "$WORK/checkout" rev-parse HEAD)

LIB="${HARNESS[*]} $WORK/checkout $FROM $TO"
GIT="git -C $WORK/checkout log --numstat $FROM..$TO"

echo "== checking that both sides list the same commits"
git_count=$(git -C "$WORK/checkout" rev-list --count "$FROM..$TO")
lib_count=$($LIB | grep -cE '^- [0-9a-f]{7,} ')
echo "git log: $git_count commits   changelog: $lib_count commits"
if [[ "$git_count" != "$lib_count" || "$git_count" != "$COMMITS" ]]; then
    echo "commit counts differ (expected $COMMITS)" >&2
    exit 1
fi
echo "output size: changelog $($LIB | wc -c) bytes, git log --numstat $($GIT | wc -c) bytes"

echo "== separate processes ($RUNS runs each)"
if command -v hyperfine >/dev/null; then
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/hyperfine.json" \
        -n "changelog (dotnet harness)" "$LIB" \
        -n "git log --numstat" "$GIT"
    python3 - "$WORK/hyperfine.json" <<'PY'
import json, sys
lib, git = json.load(open(sys.argv[1]))["results"]
print(f"median: changelog {lib['median'] * 1000:.0f} ms, git log --numstat "
      f"{git['median'] * 1000:.0f} ms, ratio {lib['median'] / git['median']:.1f}x")
PY
else
    for command in "$LIB" "$GIT"; do
        start=$(date +%s%N)
        for _ in $(seq "$RUNS"); do $command >/dev/null; done
        end=$(date +%s%N)
        echo "mean $(( (end - start) / RUNS / 1000000 )) ms: $command"
    done
fi

echo "== inside one running process, $RUNS runs"
"${HARNESS[@]}" --loop "$RUNS" "$WORK/checkout" "$FROM" "$TO" >"$WORK/loop.txt"
echo "first run (includes JIT): $(head -n 1 "$WORK/loop.txt")"
tail -n 1 "$WORK/loop.txt"

echo "== machine: $(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "git $(git --version | cut -d' ' -f3), dotnet $(dotnet --version)"
