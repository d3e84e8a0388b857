"""Time BackupService.CreateAsync against `sqlite3 DB "VACUUM INTO"` under a live writer.

Called by run.sh, which builds the harness and removes the work folder afterwards. Creates a
WAL database of random blobs, starts writer.py, then alternates the two methods RUNS times
each, with a pause between runs. Writes a markdown report with machine details.
"""

import argparse
import datetime
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time

# A 3500-byte blob fills most of a 4096-byte page without overflowing it, so the file size is
# about rows × page size.
BLOB_BYTES = 3500
PAGE_BYTES = 4096
PAUSE_S = 1.0
WARM_UP_S = 2.0


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", required=True, help="scratch folder for the big files")
    parser.add_argument("--harness", required=True, help="path of the built Harness executable")
    parser.add_argument("--runs", type=int, default=5, help="runs of each method")
    parser.add_argument("--size-mb", type=int, default=200, help="database size in MiB")
    parser.add_argument("--results", required=True, help="markdown file to write")
    parser.add_argument("--command", required=True, help="command line to print in the report")
    return parser.parse_args()


def create_database(path: str, size_mb: int) -> float:
    """Create a WAL database of about size_mb MiB of random blobs and return the seconds taken."""
    started = time.monotonic()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(
        "CREATE TABLE items (id INTEGER PRIMARY KEY, payload BLOB NOT NULL, note TEXT)"
    )
    connection.execute("CREATE INDEX items_note ON items (note)")
    rows = size_mb * 1024 * 1024 // PAGE_BYTES
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO items (payload, note) VALUES (?, 'seed')",
        ((os.urandom(BLOB_BYTES),) for _ in range(rows)),
    )
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return time.monotonic() - started


def run_ours(harness: str, database: str, work: str) -> dict:
    backup_directory = os.path.join(work, "backups")
    process_started = time.time()
    output = subprocess.run(
        [harness, database, backup_directory, os.path.join(work, "state.db")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    process_ended = time.time()
    for name in os.listdir(backup_directory):
        os.remove(os.path.join(backup_directory, name))
    start, end, create_ms, integrity_ms, size, sqlite_version = output
    return {
        "method": "BackupService.CreateAsync",
        "start": float(start),
        "end": float(end),
        "ms": float(create_ms),
        "process_ms": (process_ended - process_started) * 1000,
        "integrity_ms": float(integrity_ms),
        "size": int(size),
        "sqlite_version": sqlite_version,
    }


def run_vacuum_into(database: str, work: str) -> dict:
    target = os.path.join(work, "vacuum-into.db")
    start = time.time()
    subprocess.run(["sqlite3", database, f"VACUUM INTO '{target}'"], check=True)
    end = time.time()
    size = os.path.getsize(target)
    os.remove(target)
    return {
        "method": "sqlite3 VACUUM INTO",
        "start": start,
        "end": end,
        "ms": (end - start) * 1000,
        "process_ms": (end - start) * 1000,
        "size": size,
    }


def read_writer_log(path: str) -> tuple[list[tuple[float, float]], str]:
    samples = []
    errors = ""
    with open(path, encoding="utf-8") as log:
        for line in log:
            if line.startswith("errors"):
                errors = line.strip()
            else:
                finished, latency = line.split()
                samples.append((float(finished), float(latency)))
    return samples, errors


def writer_during(samples: list[tuple[float, float]], start: float, end: float) -> tuple:
    """Return (inserts finished in the window, max latency in ms of inserts overlapping it)."""
    finished = sum(1 for done, _ in samples if start <= done <= end)
    overlapping = [latency for done, latency in samples if done >= start and done - latency <= end]
    return finished, max(overlapping, default=0.0) * 1000


def idle_windows(runs: list[dict], samples: list[tuple[float, float]]) -> list[tuple]:
    """Return the stretches of the writer's run with no backup going on."""
    edges = [samples[0][0]]
    for run in sorted(runs, key=lambda item: item["start"]):
        edges += [run["start"], run["end"]]
    edges.append(samples[-1][0])
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def machine_details(work: str) -> list[tuple[str, str]]:
    def command_output(*command: str) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip()
        except OSError as error:
            return f"unavailable ({error})"

    cpu = "unknown"
    memory = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) // 1024} MiB"
                break
    with open("/proc/loadavg", encoding="utf-8") as info:
        load = " ".join(info.read().split()[:3])
    return [
        ("CPU", f"{cpu}, {os.cpu_count()} logical cores"),
        ("Load average (1, 5, 15 min) when the report was written", load),
        ("Memory", memory),
        ("OS", platform.platform()),
        ("File system of the work folder", command_output("stat", "-f", "-c", "%T", work)),
        (".NET SDK", command_output("dotnet", "--version")),
        ("sqlite3 CLI", command_output("sqlite3", "--version").split(" ")[0]),
        ("Python sqlite3 (writer)", sqlite3.sqlite_version),
    ]


def table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def main() -> None:
    arguments = parse_arguments()
    database = os.path.join(arguments.work, "bot.db")
    log_file = os.path.join(arguments.work, "writer.log")
    stop_file = os.path.join(arguments.work, "writer.stop")
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "writer.py")

    creation_s = create_database(database, arguments.size_mb)
    database_bytes = os.path.getsize(database)
    print(f"created {database_bytes / 2**20:.0f} MiB in {creation_s:.1f} s", file=sys.stderr)

    writer = subprocess.Popen(
        [sys.executable, script, database, log_file, stop_file],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        if writer.stdout.readline().strip() != "ready":
            sys.exit("writer.py did not start")
        time.sleep(WARM_UP_S)
        runs = []
        for round_number in range(arguments.runs):
            methods = [
                lambda: run_ours(arguments.harness, database, arguments.work),
                lambda: run_vacuum_into(database, arguments.work),
            ]
            # Alternate which method goes first, so neither always follows the other.
            if round_number % 2 == 1:
                methods.reverse()
            for method in methods:
                time.sleep(PAUSE_S)
                run = method()
                run["round"] = round_number + 1
                runs.append(run)
                print(f"{run['method']}: {run['ms']:.0f} ms", file=sys.stderr)
        time.sleep(PAUSE_S)
    finally:
        open(stop_file, "w").close()
        writer.wait(timeout=60)

    samples, writer_errors = read_writer_log(log_file)
    write_report(arguments, runs, samples, writer_errors, database_bytes, creation_s)


def write_report(arguments, runs, samples, writer_errors, database_bytes, creation_s) -> None:
    rows = []
    for run in runs:
        inserts, max_latency = writer_during(samples, run["start"], run["end"])
        window_s = run["end"] - run["start"]
        run["inserts"] = inserts
        run["rate"] = inserts / window_s if window_s > 0 else 0.0
        run["max_latency"] = max_latency
        rows.append(
            [
                run["method"],
                run["round"],
                f"{run['ms']:.0f}",
                f"{run['process_ms']:.0f}",
                f"{run['size'] / 2**20:.1f}",
                inserts,
                f"{run['rate']:.0f}",
                f"{max_latency:.1f}",
            ]
        )

    idle = idle_windows(runs, samples)
    idle_inserts = sum(writer_during(samples, start, end)[0] for start, end in idle)
    idle_seconds = sum(end - start for start, end in idle)
    idle_max_latency = max(writer_during(samples, start, end)[1] for start, end in idle)

    ours = [run for run in runs if run["method"].startswith("BackupService")]
    vacuum = [run for run in runs if not run["method"].startswith("BackupService")]
    summary = []
    for name, group in (("BackupService.CreateAsync", ours), ("sqlite3 VACUUM INTO", vacuum)):
        summary.append(
            [
                name,
                f"{statistics.median(run['ms'] for run in group):.0f}",
                f"{min(run['ms'] for run in group):.0f}–{max(run['ms'] for run in group):.0f}",
                f"{statistics.median(run['rate'] for run in group):.0f}",
                f"{max(run['max_latency'] for run in group):.1f}",
            ]
        )
    summary.append(
        [
            "writer alone (between runs)",
            "–",
            "–",
            f"{idle_inserts / idle_seconds:.0f}",
            f"{idle_max_latency:.1f}",
        ]
    )
    ratio = statistics.median(run["ms"] for run in ours) / statistics.median(
        run["ms"] for run in vacuum
    )
    integrity = statistics.median(run["integrity_ms"] for run in ours)

    lines = [
        "# Benchmark: online backup vs VACUUM INTO under a live writer",
        "",
        f"Command: `{arguments.command}`",
        "",
        f"Run on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.",
        "",
        "## Machine",
        "",
        *table(["", ""], [list(item) for item in machine_details(arguments.work)]),
        f"| SQLite bundled with Microsoft.Data.Sqlite | {ours[0]['sqlite_version']} |",
        "",
        "## Setup",
        "",
        f"- Database: {database_bytes / 2**20:.0f} MiB in WAL mode, {BLOB_BYTES}-byte random "
        f"blobs plus an index, created in {creation_s:.1f} s and checkpointed. The page cache "
        "is warm for every run.",
        "- Writer: `writer.py`, one insert of a 1 KiB blob per transaction in a tight loop "
        "(Python sqlite3 defaults, synchronous=FULL in WAL mode). It runs for the whole "
        "benchmark.",
        f"- {arguments.runs} runs of each method, alternating which goes first, with "
        f"{PAUSE_S:.0f} s between runs.",
        "- BackupService.CreateAsync: one `Harness` process per run. The time is measured "
        "inside the process around the call. It includes the copy, the switch to DELETE "
        "journal mode, `PRAGMA integrity_check`, fsync, SHA-256 and the catalog row. "
        "Process time adds .NET start-up.",
        "- VACUUM INTO: `sqlite3 bot.db \"VACUUM INTO 'x.db'\"`, timed around the process. It "
        "makes the copy only, with no integrity check or hash.",
        "- Writer inserts count the inserts finished inside the timed window. Max latency is "
        "the slowest insert that overlapped the window.",
        "",
        "## Summary",
        "",
        *table(
            ["method", "median ms", "range ms", "writer inserts/s", "writer max latency ms"],
            summary,
        ),
        "",
        f"Ratio of the medians: CreateAsync takes {ratio:.2f}× the time of VACUUM INTO, "
        "which does less work. A separate `PRAGMA integrity_check` of the finished backup "
        f"took a median {integrity:.0f} ms, an estimate of that step's share inside "
        "CreateAsync.",
        "",
        f"Writer errors over the whole benchmark: `{writer_errors}`.",
        "",
        "## Runs",
        "",
        *table(
            [
                "method",
                "round",
                "ms",
                "process ms",
                "output MiB",
                "writer inserts",
                "inserts/s",
                "max latency ms",
            ],
            rows,
        ),
        "",
        "Figures come from one run on a virtual machine shared with other jobs (see the load "
        "average above), so single runs vary widely. Compare medians and ratios, not single "
        "runs, and do not read them as Raspberry Pi timings.",
        "",
    ]
    with open(arguments.results, "w", encoding="utf-8") as results:
        results.write("\n".join(lines))


if __name__ == "__main__":
    main()
