"""/ping: replies with the gateway latency, the usual "is the bot alive" check."""

NAME = "/ping"


def handle(db, player):
    row = db.execute("SELECT latency_ms FROM ticks ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return "pong"
    return f"pong ({row[0]:.0f} ms)"
