#!/usr/bin/env python3
"""Stand-in for systemctl: runs "units" as detached local processes.

State lives next to this file: UNIT.command contains the shell command that runs the unit (no such
file means the unit does not exist), UNIT.pid the running main process, UNIT.start-fails makes
start fail, and calls.log records every argv as one JSON line. Supports start, stop
[--no-block], kill --signal=SIGKILL and show --property=..., with an optional --user.
"""

import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def path(unit, suffix):
    return os.path.join(HERE, f"{unit}.{suffix}")


def main_pid(unit):
    try:
        pid = int(open(path(unit, "pid")).read())
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except (OSError, ValueError):
        return 0
    return 0 if state in ("Z", "X") else pid


def start(unit):
    if not os.path.exists(path(unit, "command")):
        print(f"Failed to start {unit}: Unit {unit} not found.", file=sys.stderr)
        return 5
    if os.path.exists(path(unit, "start-fails")):
        print(f"Job for {unit} failed because the control process exited with error code.",
              file=sys.stderr)
        return 1
    if main_pid(unit):
        return 0
    command = open(path(unit, "command")).read()
    with open(path(unit, "log"), "ab") as log:
        process = subprocess.Popen(["/bin/sh", "-c", command], stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=log, start_new_session=True, cwd=HERE)
    with open(path(unit, "pid"), "w") as file:
        file.write(str(process.pid))
    return 0


def signal_unit(unit, signum):
    pid = main_pid(unit)
    if pid:
        os.killpg(pid, signum)
    return pid


def stop(unit, block):
    pid = signal_unit(unit, signal.SIGTERM)
    deadline = time.monotonic() + 90
    while block and pid and main_pid(unit) and time.monotonic() < deadline:
        time.sleep(0.05)
    return 0


def show(unit, properties):
    exists = os.path.exists(path(unit, "command"))
    pid = main_pid(unit)
    values = {
        "LoadState": "loaded" if exists else "not-found",
        "ActiveState": "active" if pid else "inactive",
        "SubState": "running" if pid else "dead",
        "MainPID": str(pid),
    }
    for name in properties:
        print(f"{name}={values.get(name, '')}")
    return 0


def main(argv):
    with open(os.path.join(HERE, "calls.log"), "a") as log:
        log.write(json.dumps(argv) + "\n")
    args = [a for a in argv if a != "--user"]
    verb, rest = args[0], args[1:]
    options = [a for a in rest if a.startswith("-")]
    units = [a for a in rest if not a.startswith("-")]
    if verb == "start":
        return start(units[0])
    if verb == "stop":
        return stop(units[0], "--no-block" not in options)
    if verb == "kill":
        signum = signal.SIGKILL if "--signal=SIGKILL" in options else signal.SIGTERM
        signal_unit(units[0], signum)
        return 0
    if verb == "show":
        properties = []
        for option in options:
            if option.startswith("--property="):
                properties += option.split("=", 1)[1].split(",")
        return show(units[0], properties)
    print(f"Unknown command verb {verb}.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
