"""Feature flags: a JSON object of {"name": true | false}, reread when the file changes."""

from __future__ import annotations

import json
import logging
import os

log = logging.getLogger(__name__)


class FlagFile:
    """The flags in one JSON file, as last read by poll()."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.flags: dict[str, bool] = {}
        self._stamp: tuple[int, int, int] | None = None
        self._read_once = False

    def enabled(self, name: str) -> bool:
        return self.flags.get(name, False)

    def poll(self) -> bool:
        """Reread the file if it changed since the last poll, and return whether it did."""
        stamp = self._stat()
        if self._read_once and stamp == self._stamp:
            return False
        self._read_once = True
        self._stamp = stamp
        if stamp is None:
            log.info("no flags file at %s, all flags are off", self.path)
            self.flags = {}
            return True
        self.flags = self._read(self.flags)
        return True

    def describe(self) -> str:
        if not self.flags:
            return "(none)"
        states = (f"{name}={'on' if on else 'off'}" for name, on in sorted(self.flags.items()))
        return ", ".join(states)

    def _stat(self) -> tuple[int, int, int] | None:
        # The inode is part of the stamp because tools replace the file by renaming a new one
        # over it.
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (status.st_mtime_ns, status.st_size, status.st_ino)

    def _read(self, previous: dict[str, bool]) -> dict[str, bool]:
        try:
            with open(self.path, encoding="utf-8") as file:
                raw = json.load(file)
        except (OSError, json.JSONDecodeError) as error:
            log.warning(
                "cannot read flags file %s, keeping the previous flags: %s", self.path, error
            )
            return previous
        if not isinstance(raw, dict):
            log.warning(
                "flags file %s must contain a JSON object, keeping the previous flags", self.path
            )
            return previous

        flags = {}
        for name, value in raw.items():
            if isinstance(value, bool):
                flags[name] = value
            else:
                log.warning(
                    "flag %r in %s is not true or false (%r), treating it as off",
                    name,
                    self.path,
                    value,
                )
                flags[name] = False
        return flags
