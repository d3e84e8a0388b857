"""The bot's main loop: game ticks, heartbeat, feature flags, simulated commands and signals."""

from __future__ import annotations

import logging
import os
import random
import signal
import subprocess
import sys
import time
from types import ModuleType

import scorefmt

from shootybot import __version__, storage
from shootybot.commands import load_commands
from shootybot.flags import FlagFile
from shootybot.heartbeat import write_heartbeat
from shootybot.settings import Settings, load_settings

log = logging.getLogger("shootybot")

GUILDS = 3
FLAG_POLL_S = 0.5
COMMAND_INTERVAL_S = 5.0
PRUNE_INTERVAL_S = 600.0
# Maximum length of one sleep, so a stop request is noticed within this many seconds.
MAX_SLEEP_S = 0.05


class StopRequest:
    """Set by the signal handlers. The loop checks it between writes, never inside one."""

    def __init__(self) -> None:
        self.signal_name: str | None = None


def install_signal_handlers(ignore_sigterm: bool) -> StopRequest:
    stop = StopRequest()

    def on_signal(number: int, frame: object) -> None:
        name = signal.Signals(number).name
        if number == signal.SIGTERM and ignore_sigterm:
            log.warning("received SIGTERM, ignoring it because ignore_sigterm is true")
            return
        stop.signal_name = name

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    return stop


def describe_version(root: str) -> str:
    """Return the package version plus the checkout's short commit, or the version alone."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return __version__
    commit = result.stdout.strip()
    return f"{__version__}+{commit}" if commit else __version__


class SessionCounter:
    """Active game sessions: fixed by the active_sessions setting, or a slow random walk."""

    def __init__(self, fixed: int | None) -> None:
        self._fixed = fixed
        self._current = 0

    def next(self) -> int:
        if self._fixed is not None:
            return self._fixed
        if random.random() < 0.1:
            self._current = max(0, min(4, self._current + random.choice((-1, 1))))
        return self._current


def main(root: str) -> int:
    sys.stdout.reconfigure(line_buffering=True)
    logging.basicConfig(
        stream=sys.stdout,
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )

    settings = load_settings(os.path.join(root, "bot_settings.json"))
    stop = install_signal_handlers(settings.ignore_sigterm)
    data_dir = os.environ.get("DATA_DIR") or os.path.join(root, "data")
    version = describe_version(root)
    log.info(
        "shootybot %s starting (pid %d, data dir %s, scorefmt %s)",
        version,
        os.getpid(),
        data_dir,
        scorefmt.__version__,
    )

    if settings.crash_at_start:
        raise RuntimeError("crash_at_start is true in bot_settings.json")

    commands = load_commands()
    for command in commands.values():
        setup = getattr(command, "setup", None)
        if setup is not None:
            setup(settings)
    log.info("commands: %s", ", ".join(commands))

    flags = FlagFile(os.path.join(data_dir, "flags.json"))
    db = storage.open_database(os.path.join(data_dir, "bot.db"))
    try:
        run(root, settings, db, flags, commands, version, stop)
    finally:
        db.close()
        log.info("database closed")
    return 0


def run(
    root: str,
    settings: Settings,
    db,
    flags: FlagFile,
    commands: dict[str, ModuleType],
    version: str,
    stop: StopRequest,
) -> None:
    heartbeat_path = os.path.join(root, ".bot_health")
    sessions = SessionCounter(settings.active_sessions)
    command_names = list(commands)
    started = time.monotonic()
    next_flags = next_tick = next_heartbeat = started
    next_command = started + COMMAND_INTERVAL_S
    next_prune = started + PRUNE_INTERVAL_S
    active = 0
    latency_ms = 0.0

    while stop.signal_name is None:
        now = time.monotonic()
        if settings.exit_after_s is not None and now - started >= settings.exit_after_s:
            raise RuntimeError(f"simulated crash: exit_after_s is {settings.exit_after_s}")

        if now >= next_flags:
            if flags.poll():
                log.info("flags: %s", flags.describe())
            next_flags = now + FLAG_POLL_S

        if now >= next_tick:
            active = sessions.next()
            latency_ms = round(random.uniform(35.0, 80.0), 1)
            if settings.db_writes:
                storage.record_tick(db, time.time(), active, latency_ms)
            if flags.enabled("verbose_ticks"):
                log.info("tick: %d active sessions, latency %.1f ms", active, latency_ms)
            next_tick = max(next_tick + settings.tick_interval_s, now)

        if settings.heartbeat and now >= next_heartbeat:
            write_heartbeat(
                heartbeat_path,
                {
                    "timestamp": time.time(),
                    "discord_latency_ms": latency_ms,
                    "guilds": GUILDS,
                    "active_sessions": active,
                    "version": version,
                },
            )
            next_heartbeat = max(next_heartbeat + settings.heartbeat_interval_s, now)

        if now >= next_command and command_names:
            simulate_command(db, commands, command_names)
            next_command = now + COMMAND_INTERVAL_S

        if settings.db_writes and now >= next_prune:
            deleted = storage.prune_ticks(db)
            if deleted:
                log.info("pruned %d old ticks", deleted)
            next_prune = now + PRUNE_INTERVAL_S

        wake = min(next_flags, next_tick, next_command, next_prune)
        if settings.heartbeat:
            wake = min(wake, next_heartbeat)
        time.sleep(min(MAX_SLEEP_S, max(0.0, wake - time.monotonic())))

    log.info("received %s, shutting down", stop.signal_name)


def simulate_command(db, commands: dict[str, ModuleType], names: list[str]) -> None:
    """Run a random command for a random player, as Discord traffic would, and log the reply."""
    name = random.choice(names)
    row = db.execute("SELECT name FROM players ORDER BY random() LIMIT 1").fetchone()
    player = row[0] if row else "someone"
    try:
        reply = commands[name].handle(db, player)
    except Exception:
        # A failing command must not take the bot down, as with a real Discord bot.
        log.exception("command %s from %s failed", name, player)
        return
    log.info("%s from %s: %s", name, player, reply.replace("\n", " | "))
