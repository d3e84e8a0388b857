#!/usr/bin/env python3
"""Fill a development database with sample players and a few hours of ticks.

Usage: python3 tools/seed_dev_data.py [DATABASE]  (default: data/bot.db)
Existing players are kept, so running it twice does not duplicate them.
"""

import os
import random
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from shootybot import storage  # noqa: E402

PLAYERS = ["ace_of_spades", "bunnyhop", "clutchqueen", "dropshot", "headshot_harry", "noscope"]


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data", "bot.db")
    generator = random.Random(20250505)
    now = time.time()
    db = storage.open_database(path)
    try:
        with storage.transaction(db):
            for index, name in enumerate(PLAYERS):
                joined_at = now - 86400 * (30 - index)
                storage.add_player(db, name, generator.randint(50, 2500), joined_at)
            for minute in range(180, 0, -1):
                db.execute(
                    "INSERT INTO ticks (at, active_sessions, latency_ms) VALUES (?, ?, ?)",
                    (
                        now - minute * 60,
                        generator.randint(0, 3),
                        round(generator.uniform(35, 80), 1),
                    ),
                )
        players = db.execute("SELECT count(*) FROM players").fetchone()[0]
    finally:
        db.close()
    print(f"seeded {path}: {players} players")
    return 0


if __name__ == "__main__":
    sys.exit(main())
