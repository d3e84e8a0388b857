"""The bot's SQLite database: players and their scores, and one row per game tick."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
from typing import Iterator

SCHEMA = """
CREATE TABLE IF NOT EXISTS players (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    score INTEGER NOT NULL DEFAULT 0,
    joined_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS ticks (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    active_sessions INTEGER NOT NULL,
    latency_ms REAL NOT NULL
);
"""

# Ticks are kept only for the stats command. Older rows are deleted so the file stays small.
MAX_TICKS = 100_000


def open_database(path: str) -> sqlite3.Connection:
    """Open (or create) the database in WAL mode and make sure the tables exist."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    connection = sqlite3.connect(path, timeout=10.0, isolation_level=None)
    mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        connection.close()
        raise RuntimeError(f"{path}: could not switch to WAL journal mode (got {mode})")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.executescript(SCHEMA)
    return connection


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one write transaction, rolled back if the block raises."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def add_player(connection: sqlite3.Connection, name: str, score: int, joined_at: float) -> None:
    """Insert a player, or leave an existing player of that name unchanged."""
    connection.execute(
        "INSERT OR IGNORE INTO players (name, score, joined_at) VALUES (?, ?, ?)",
        (name, score, joined_at),
    )


def record_tick(
    connection: sqlite3.Connection, at: float, active_sessions: int, latency_ms: float
) -> None:
    """Insert a tick and award a random player a few points, in one transaction."""
    with transaction(connection):
        connection.execute(
            "INSERT INTO ticks (at, active_sessions, latency_ms) VALUES (?, ?, ?)",
            (at, active_sessions, latency_ms),
        )
        connection.execute(
            "UPDATE players SET score = score + ? "
            "WHERE id = (SELECT id FROM players ORDER BY random() LIMIT 1)",
            (random.randint(0, 3),),
        )


def prune_ticks(connection: sqlite3.Connection, keep: int = MAX_TICKS) -> int:
    """Delete all but the newest `keep` ticks and return how many rows were deleted."""
    with transaction(connection):
        cursor = connection.execute(
            "DELETE FROM ticks WHERE id <= (SELECT max(id) FROM ticks) - ?", (keep,)
        )
    return cursor.rowcount
