"""/leaderboard: the five best players, cached between refreshes."""

import time

import scorefmt

NAME = "/leaderboard"

_cache_seconds = 0.0
_cached_at = 0.0
_cached_reply = None


def setup(settings):
    global _cache_seconds
    _cache_seconds = settings.raw["leaderboard_cache_s"]


def handle(db, player):
    global _cached_at, _cached_reply
    now = time.monotonic()
    if _cached_reply is not None and now - _cached_at < _cache_seconds:
        return _cached_reply
    # Players with the same score keep the order in which they joined.
    rows = db.execute(
        "SELECT name, score FROM players ORDER BY score DESC, joined_at, id LIMIT 5"
    ).fetchall()
    if not rows:
        return "no players yet"
    _cached_reply = "\n".join(
        f"{rank}. {name}: {scorefmt.points(score)}" for rank, (name, score) in enumerate(rows, 1)
    )
    _cached_at = now
    return _cached_reply
