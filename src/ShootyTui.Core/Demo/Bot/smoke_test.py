#!/usr/bin/env python3
"""Quick pre-start check for a deployment: python3 smoke_test.py, exit status 0 when it passes.

Compiles every source file, parses bot_settings.json, checks that the installed requirements
match requirements.txt, and runs every command against a temporary database. It does not start
the bot.
"""

import json
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, ".deps"))
sys.path.insert(1, ROOT)


def check_sources_compile() -> str:
    count = 0
    for folder, _, names in os.walk(os.path.join(ROOT, "shootybot")):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as file:
                    compile(file.read(), path, "exec")
                count += 1
    return f"{count} modules compile"


def check_settings() -> str:
    from shootybot.settings import load_settings

    settings = load_settings(os.path.join(ROOT, "bot_settings.json"))
    return f"settings parse (heartbeat every {settings.heartbeat_interval_s:g} s)"


def check_installed_requirements() -> str:
    with open(os.path.join(ROOT, "requirements.txt"), encoding="utf-8") as file:
        pinned = {}
        for line in file:
            text = line.split("#", 1)[0].strip()
            if text:
                name, _, version = text.partition("==")
                pinned[name] = version
    try:
        with open(os.path.join(ROOT, ".deps", "installed.json"), encoding="utf-8") as file:
            installed = json.load(file)
    except FileNotFoundError:
        raise AssertionError(
            ".deps/installed.json not found: run python3 tools/install_deps.py"
        ) from None
    if installed != pinned:
        raise AssertionError(f"installed {installed} but requirements.txt pins {pinned}")
    return f"requirements installed ({', '.join(f'{k}=={v}' for k, v in sorted(pinned.items()))})"


def check_commands() -> str:
    from shootybot import storage
    from shootybot.commands import load_commands

    commands = load_commands()
    with tempfile.TemporaryDirectory(prefix="shootybot-smoke-") as folder:
        db = storage.open_database(os.path.join(folder, "smoke.db"))
        try:
            storage.add_player(db, "smoke", 10, time.time())
            storage.record_tick(db, time.time(), 0, 42.0)
            for name, command in commands.items():
                reply = command.handle(db, "smoke")
                if not isinstance(reply, str) or not reply:
                    raise AssertionError(f"{name} returned {reply!r}, expected a non-empty reply")
        finally:
            db.close()
    return f"{len(commands)} commands answer ({', '.join(commands)})"


CHECKS = [check_sources_compile, check_settings, check_installed_requirements, check_commands]


def main() -> int:
    for check in CHECKS:
        try:
            detail = check()
        except Exception as error:
            print(
                f"smoke test failed: {check.__name__}: {type(error).__name__}: {error}",
                file=sys.stderr,
            )
            return 1
        print(f"ok: {detail}")
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
