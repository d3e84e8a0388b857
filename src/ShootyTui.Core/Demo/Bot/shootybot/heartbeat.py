"""The heartbeat file, which deployment tools read to check that the bot is alive."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from typing import Any


def write_heartbeat(path: str, payload: dict[str, Any]) -> None:
    """Replace the heartbeat file with payload as JSON.

    The file is written to a temporary name, flushed to disk and renamed over the old one,
    so a reader sees either the previous heartbeat or the new one, never half of one.
    """
    directory = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(
        prefix=os.path.basename(path) + ".", suffix=".tmp", dir=directory
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(payload, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
