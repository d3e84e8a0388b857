"""/leaderboard: the five best players."""

import scorefmt

NAME = "/leaderboard"


def handle(db, player):
    # Players with the same score keep the order in which they joined.
    rows = db.execute(
        "SELECT name, score FROM players ORDER BY score DESC, joined_at, id LIMIT 5"
    ).fetchall()
    if not rows:
        return "no players yet"
    return "\n".join(
        f"{rank}. {name}: {scorefmt.points(score)}" for rank, (name, score) in enumerate(rows, 1)
    )
