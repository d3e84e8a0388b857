#!/usr/bin/env python3
"""Stand-in for the real bot in supervisor and health tests.

Writes a JSON heartbeat every 0.5 s and exits 0 on SIGTERM, recording "sigterm" in the marker
file. Flags change that behaviour so tests can model bots that misbehave.
"""

import argparse
import json
import os
import signal
import sys
import time


def write_atomically(path, text):
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w") as file:
        file.write(text)
    os.replace(temporary, path)


def write_info(path):
    stat = open(f"/proc/{os.getpid()}/stat").read()
    fields = stat[stat.rindex(")") + 2 :].split()
    info = {
        "pid": os.getpid(),
        "ppid": os.getppid(),
        "pgid": int(fields[2]),
        "sid": int(fields[3]),
        "cwd": os.getcwd(),
        "env": {k: v for k, v in os.environ.items() if k.startswith("SHOOTY_TEST_")},
    }
    write_atomically(path, json.dumps(info))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--heartbeat", help="heartbeat file to rewrite every 0.5 s")
    parser.add_argument("--marker", help="file that records how the bot ended")
    parser.add_argument("--info", help="file that receives pid, pgid, sid, cwd and environment")
    parser.add_argument("--ignore-term", action="store_true", help="ignore SIGTERM")
    parser.add_argument("--crash-after", type=float, help="exit with code 3 after N seconds")
    parser.add_argument("--heartbeat-after", type=float, default=0.0,
                        help="write the first heartbeat only after N seconds")
    args = parser.parse_args()

    def on_term(signum, frame):
        if args.marker:
            write_atomically(args.marker, "sigterm")
        sys.exit(0)

    signal.signal(signal.SIGTERM, signal.SIG_IGN if args.ignore_term else on_term)
    if args.info:
        write_info(args.info)
    print("bot started", flush=True)
    print("bot stderr line", file=sys.stderr, flush=True)

    started = time.monotonic()
    while True:
        elapsed = time.monotonic() - started
        if args.crash_after is not None and elapsed >= args.crash_after:
            print("bot crashing on purpose", file=sys.stderr, flush=True)
            sys.exit(3)
        if args.heartbeat and elapsed >= args.heartbeat_after:
            write_atomically(args.heartbeat, json.dumps({"timestamp": time.time(), "guilds": 2}))
        time.sleep(0.5)


if __name__ == "__main__":
    main()
