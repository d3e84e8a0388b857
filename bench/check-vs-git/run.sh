#!/usr/bin/env bash
# Compares `shooty check`'s git work (GitRepository fetch + pending-commit listing) with the git
# CLI doing the same job, on a synthetic repository served from a local path.
#
#   bench/check-vs-git/run.sh            # COMMITS=2000 PENDING=50 RUNS=20 by default
#   COMMITS=5000 PENDING=200 RUNS=5 bench/check-vs-git/run.sh
#
# Everything happens in a temporary folder that is deleted at exit; nothing touches the network.
# Uses hyperfine when it is installed, otherwise a timing loop around date +%s%N.
set -euo pipefail

COMMITS=${COMMITS:-2000}
PENDING=${PENDING:-50}
RUNS=${RUNS:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/shooty-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if (( PENDING >= COMMITS )); then
    echo "PENDING ($PENDING) must be smaller than COMMITS ($COMMITS)" >&2
    exit 2
fi

# The git CLI side ignores the user's and the system's git config.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0

echo "== building the harness (Release)"
dotnet build -c Release --nologo -v quiet "$HERE/Harness" -o "$WORK/harness" >"$WORK/build.log" \
    || { cat "$WORK/build.log"; exit 1; }
HARNESS=("dotnet" "$WORK/harness/Harness.dll")

echo "== building origin with $COMMITS commits, $PENDING of them not yet in the checkout"
git init --quiet --bare --initial-branch main "$WORK/origin.git"
python3 "$HERE/make_history.py" --end $((COMMITS - PENDING)) \
    | git -C "$WORK/origin.git" fast-import --quiet
# The template checkout is cloned before the last commits exist, so a fetch has to transfer them.
git clone --quiet --no-local --branch main "$WORK/origin.git" "$WORK/template"
python3 "$HERE/make_history.py" --start $((COMMITS - PENDING)) --end "$COMMITS" \
    | git -C "$WORK/origin.git" fast-import --quiet

fresh_copy() {
    rm -rf "$WORK/run"
    cp -a "$WORK/template" "$WORK/run"
}

GIT_CHECK="git -C $WORK/run fetch --quiet origin \
&& git -C $WORK/run rev-list --count HEAD..origin/main \
&& git -C $WORK/run log --numstat HEAD..origin/main"
LIB_CHECK="${HARNESS[*]} $WORK/run"

echo "== checking that both sides see the same pending commits"
fresh_copy
bash -c "$GIT_CHECK" >"$WORK/git-check.txt"
git_count=$(head -n 1 "$WORK/git-check.txt")
fresh_copy
lib_line=$($LIB_CHECK)
echo "git: pending=$git_count   GitRepository: $lib_line"
if [[ "$lib_line" != "pending=$git_count "* || "$git_count" != "$PENDING" ]]; then
    echo "pending counts differ (expected $PENDING)" >&2
    exit 1
fi

echo "== separate processes, fresh checkout copy before every run ($RUNS runs each)"
if command -v hyperfine >/dev/null; then
    hyperfine --style basic --warmup 2 --runs "$RUNS" \
        --prepare "rm -rf $WORK/run && cp -a $WORK/template $WORK/run" \
        --export-json "$WORK/hyperfine.json" \
        -n "GitRepository (dotnet harness)" "$LIB_CHECK" \
        -n "git CLI (fetch + rev-list + log --numstat)" "$GIT_CHECK" \
        -n "dotnet harness start-up only" "${HARNESS[*]} --startup"
    python3 - "$WORK/hyperfine.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
lib, git, startup = (r["mean"] * 1000 for r in results)
lib_median, git_median, startup_median = (r["median"] * 1000 for r in results)
print(f"mean:   GitRepository {lib:.1f} ms, git CLI {git:.1f} ms, ratio {lib / git:.2f}x")
print(f"median: GitRepository {lib_median:.1f} ms, git CLI {git_median:.1f} ms, "
      f"ratio {lib_median / git_median:.2f}x")
print(f"GitRepository minus .NET start-up (medians): {lib_median - startup_median:.1f} ms, "
      f"ratio {(lib_median - startup_median) / git_median:.2f}x")
PY
else
    time_loop() {
        local total=0 start end
        for _ in $(seq "$RUNS"); do
            fresh_copy
            start=$(date +%s%N)
            bash -c "$1" >/dev/null
            end=$(date +%s%N)
            total=$((total + end - start))
        done
        echo $((total / RUNS / 1000))
    }
    lib_us=$(time_loop "$LIB_CHECK")
    git_us=$(time_loop "$GIT_CHECK")
    echo "mean: GitRepository $((lib_us / 1000)) ms, git CLI $((git_us / 1000)) ms"
    python3 -c "print(f'ratio {$lib_us / $git_us:.2f}x')"
fi

echo "== inside one running process (as the TUI and --auto do), $RUNS runs"
"${HARNESS[@]}" --loop "$RUNS" --template "$WORK/template" --work "$WORK/run" >"$WORK/loop.txt"
echo "first run (includes JIT): $(head -n 1 "$WORK/loop.txt")"
tail -n 1 "$WORK/loop.txt"

echo "== machine: $(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "git $(git --version | cut -d' ' -f3), dotnet $(dotnet --version)"
