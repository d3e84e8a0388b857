#!/usr/bin/env bash
# Compares the real shooty panel on a demo deployment with a bare Terminal.Gui window (one
# Window and one Label, bench/tui/bare), both built in Release and run in tmux at 80x24:
#   - time to first frame: from launch until `tmux capture-pane` shows a known text
#     ("[1] Overview" for shooty, "bare-tui ready" for the bare window), RUNS launches each;
#   - resident memory: VmRSS from /proc/PID/status, 10 s after launch, while idle;
#   - idle CPU: utime + stime from /proc/PID/stat over the same 30 s window for both.
#
#   bash bench/tui/run.sh            # RUNS=3 by default
#   RUNS=5 bash bench/tui/run.sh
#
# Everything happens in a temporary folder deleted at exit, on a tmux server of its own. The
# demo's origin is a local bare repository, so nothing touches the network. The demo bot runs
# during the bench, so the panel's health checks see a live bot. Every process the bench starts
# (tmux server, panels, the bot's process group) is ended by PID at exit, also on failure.
set -euo pipefail

RUNS=${RUNS:-3}
RSS_AFTER_S=10
CPU_WINDOW_S=30
FRAME_LIMIT_S=60
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/shooty-tui-bench.XXXXXX")
SOCKET="bench-tui-$$"
TMUX_CMD=(tmux -L "$SOCKET" -f /dev/null)
STARTED_PIDS=()

stop_pid() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    set +e
    for pid in "${STARTED_PIDS[@]}"; do
        stop_pid "$pid"
    done

    # `shooty demo` starts the demo bot in a session of its own; end its process group.
    local pid_file="$WORK/demo/state/bot.pid"
    if [[ -f "$pid_file" ]]; then
        local bot
        bot=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pgid"])' \
            "$pid_file" 2>/dev/null)
        [[ "$bot" =~ ^[0-9]+$ ]] && kill -TERM -- "-$bot" 2>/dev/null
    fi

    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build() {
    local project=$1 output=$2
    dotnet build -c Release --nologo -v quiet --disable-build-servers \
        -p:UseSharedCompilation=false "$project" -o "$output" >"$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log"; exit 1; }
}

echo "== building shooty and the bare window (Release)"
build "$ROOT/src/ShootyTui/ShootyTui.csproj" "$WORK/shooty"
build "$HERE/bare/Bare.csproj" "$WORK/bare"

echo "== creating the demo deployment"
"$WORK/shooty/shooty" demo "$WORK/demo" --no-tui >"$WORK/demo.log" 2>&1 \
    || { cat "$WORK/demo.log"; exit 1; }

# The panel's state, logs and settings stay inside $WORK.
export XDG_STATE_HOME="$WORK/xdg/state" XDG_CONFIG_HOME="$WORK/xdg/config"
export XDG_CACHE_HOME="$WORK/xdg/cache"

now_ns() { date +%s%N; }

# launch NAME TEXT COMMAND: starts COMMAND in a new 80x24 tmux session and waits until TEXT is
# on its screen. Sets PANE_PID, LAUNCHED_NS and FRAME_MS.
launch() {
    local name=$1 text=$2 command=$3
    LAUNCHED_NS=$(now_ns)
    "${TMUX_CMD[@]}" new-session -d -s "$name" -x 80 -y 24 "exec $command"
    PANE_PID=$("${TMUX_CMD[@]}" display-message -p -t "$name" '#{pane_pid}')
    STARTED_PIDS+=("$PANE_PID")
    if [[ -z "${TMUX_SERVER_PID:-}" ]]; then
        TMUX_SERVER_PID=$("${TMUX_CMD[@]}" display-message -p '#{pid}')
        STARTED_PIDS+=("$TMUX_SERVER_PID")
    fi

    local deadline=$((LAUNCHED_NS + FRAME_LIMIT_S * 1000000000))
    while ! "${TMUX_CMD[@]}" capture-pane -p -t "$name" 2>/dev/null | grep -qF -- "$text"; do
        if (($(now_ns) > deadline)); then
            echo "'$text' did not appear within $FRAME_LIMIT_S s in session $name; screen:" >&2
            "${TMUX_CMD[@]}" capture-pane -p -t "$name" >&2 || true
            exit 1
        fi
        sleep 0.01
    done
    FRAME_MS=$((($(now_ns) - LAUNCHED_NS) / 1000000))
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
threads() { awk '/^Threads:/ { print $2 }' "/proc/$1/status"; }

# utime + stime in clock ticks. The fields are counted after the ")" that ends the command name,
# which may itself contain spaces.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# sleep_until NS: sleeps until the clock of now_ns reaches NS.
sleep_until() {
    local wait_ms=$((($1 - $(now_ns)) / 1000000))
    if ((wait_ms > 0)); then
        sleep "$(awk -v ms="$wait_ms" 'BEGIN { print ms / 1000 }')"
    fi
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

SHOOTY_CMD="$WORK/shooty/shooty --config $WORK/demo/shooty.toml"
BARE_CMD="$WORK/bare/bare-tui"
BARE_FRAMES=()
SHOOTY_FRAMES=()

echo "== time to first frame, $RUNS launches each (the last ones stay open for the idle part)"
for run in $(seq "$RUNS"); do
    launch "bare-$run" "bare-tui ready" "$BARE_CMD"
    BARE_FRAMES+=("$FRAME_MS")
    BARE_PID=$PANE_PID
    BARE_LAUNCHED_NS=$LAUNCHED_NS

    launch "shooty-$run" "[1] Overview" "$SHOOTY_CMD"
    SHOOTY_FRAMES+=("$FRAME_MS")
    SHOOTY_PID=$PANE_PID
    SHOOTY_LAUNCHED_NS=$LAUNCHED_NS
    echo "run $run: bare ${BARE_FRAMES[-1]} ms, shooty ${SHOOTY_FRAMES[-1]} ms"

    if ((run < RUNS)); then
        stop_pid "$BARE_PID"
        stop_pid "$SHOOTY_PID"
    fi
done

echo "== memory ${RSS_AFTER_S} s after launch"
sleep_until $((BARE_LAUNCHED_NS + RSS_AFTER_S * 1000000000))
BARE_RSS=$(rss_kib "$BARE_PID")
BARE_THREADS=$(threads "$BARE_PID")
sleep_until $((SHOOTY_LAUNCHED_NS + RSS_AFTER_S * 1000000000))
SHOOTY_RSS=$(rss_kib "$SHOOTY_PID")
SHOOTY_THREADS=$(threads "$SHOOTY_PID")

echo "== idle CPU over ${CPU_WINDOW_S} s (both at once)"
TICKS_PER_S=$(getconf CLK_TCK)
bare_before=$(cpu_ticks "$BARE_PID")
shooty_before=$(cpu_ticks "$SHOOTY_PID")
window_start=$(now_ns)
sleep "$CPU_WINDOW_S"
bare_after=$(cpu_ticks "$BARE_PID")
shooty_after=$(cpu_ticks "$SHOOTY_PID")
window_s=$(awk "BEGIN { print ($(now_ns) - $window_start) / 1e9 }")

# Both must still be running, or the numbers describe a crashed process.
for pid in "$BARE_PID" "$SHOOTY_PID"; do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid exited during the bench" >&2; exit 1; }
done

BARE_FRAME=$(median "${BARE_FRAMES[@]}")
SHOOTY_FRAME=$(median "${SHOOTY_FRAMES[@]}")
awk -v bf="$BARE_FRAME" -v sf="$SHOOTY_FRAME" \
    -v br="$BARE_RSS" -v sr="$SHOOTY_RSS" -v bt="$BARE_THREADS" -v st="$SHOOTY_THREADS" \
    -v bc=$((bare_after - bare_before)) -v sc=$((shooty_after - shooty_before)) \
    -v hz="$TICKS_PER_S" -v w="$window_s" -v runs="$RUNS" '
    function ratio(a, b) { return b > 0 ? sprintf("%.1fx", a / b) : "n/a" }
    BEGIN {
        bcpu = 100 * bc / hz / w; scpu = 100 * sc / hz / w
        print ""
        printf "| metric | shooty panel | bare Terminal.Gui | ratio |\n"
        printf "|---|---|---|---|\n"
        printf "| time to first frame, median of %d (ms) | %d | %d | %s |\n", runs, sf, bf, ratio(sf, bf)
        printf "| VmRSS after 10 s idle (MiB) | %.1f | %.1f | %s |\n", sr / 1024, br / 1024, ratio(sr, br)
        printf "| threads after 10 s | %d | %d | %s |\n", st, bt, ratio(st, bt)
        printf "| idle CPU over %.0f s (%% of one core) | %.2f | %.2f | %s |\n", w, scpu, bcpu, ratio(sc, bc)
        printf "| idle CPU time over the window (ticks of 1/%d s) | %d | %d | |\n", hz, sc, bc
    }'
echo
echo "first frames (ms): shooty ${SHOOTY_FRAMES[*]}; bare ${BARE_FRAMES[*]}"
echo "machine: $(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/^MemTotal:/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version), $(tmux -V)"
