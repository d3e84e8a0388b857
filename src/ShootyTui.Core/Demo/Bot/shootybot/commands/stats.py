"""/stats: the player's score and rank, and how long games have been tracked."""

import scorefmt

NAME = "/stats"


def handle(db, player):
    row = db.execute("SELECT score FROM players WHERE name = ?", (player,)).fetchone()
    if row is None:
        return f"{player} has not played yet"
    score = row[0]
    rank = db.execute("SELECT count(*) + 1 FROM players WHERE score > ?", (score,)).fetchone()[0]
    total = db.execute("SELECT count(*) FROM players").fetchone()[0]
    first, last = db.execute("SELECT min(at), max(at) FROM ticks").fetchone()
    tracked = scorefmt.duration(last - first) if first is not None else "0s"
    return (
        f"{player}: {scorefmt.points(score)}, rank {rank} of {total}, "
        f"games tracked for {tracked}"
    )
