"""Behaviour settings read from the tracked file bot_settings.json."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, Callable

log = logging.getLogger(__name__)


class SettingsError(Exception):
    """Raised when bot_settings.json is missing, is not JSON or contains an invalid value."""


@dataclass(frozen=True)
class Settings:
    """Behaviour knobs. The defaults apply to keys missing from the file."""

    heartbeat_interval_s: float = 120.0
    tick_interval_s: float = 1.0
    heartbeat: bool = True
    crash_at_start: bool = False
    ignore_sigterm: bool = False
    exit_after_s: float | None = None
    db_writes: bool = True
    # None simulates players joining and leaving. A number is reported as the session count.
    active_sessions: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False)


def _positive_number(path: str, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise SettingsError(f"{path}: {key} must be a number above 0, got {value!r}")
    return float(value)


def _optional_positive_number(path: str, key: str, value: Any) -> float | None:
    if value is None:
        return None
    return _positive_number(path, key, value)


def _boolean(path: str, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(f"{path}: {key} must be true or false, got {value!r}")
    return value


def _optional_count(path: str, key: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SettingsError(f"{path}: {key} must be null or a whole number >= 0, got {value!r}")
    return value


_PARSERS: dict[str, Callable[[str, str, Any], Any]] = {
    "heartbeat_interval_s": _positive_number,
    "tick_interval_s": _positive_number,
    "heartbeat": _boolean,
    "crash_at_start": _boolean,
    "ignore_sigterm": _boolean,
    "exit_after_s": _optional_positive_number,
    "db_writes": _boolean,
    "active_sessions": _optional_count,
}


def load_settings(path: str) -> Settings:
    """Read and validate bot_settings.json. Unknown keys are logged and ignored."""
    try:
        with open(path, encoding="utf-8") as file:
            raw = json.load(file)
    except FileNotFoundError:
        raise SettingsError(
            f"{path} not found: restore it with 'git checkout -- bot_settings.json'"
        ) from None
    except json.JSONDecodeError as error:
        raise SettingsError(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}"
        ) from None

    if not isinstance(raw, dict):
        raise SettingsError(f"{path} must contain a JSON object, got {type(raw).__name__}")

    values = {}
    for key, value in raw.items():
        parser = _PARSERS.get(key)
        if parser is None:
            log.warning("unknown setting %r in %s is ignored", key, path)
            continue
        values[key] = parser(path, key, value)

    return Settings(**values, raw=raw)
