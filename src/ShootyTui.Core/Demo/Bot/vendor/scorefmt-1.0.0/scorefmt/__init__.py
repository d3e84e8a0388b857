"""Formatting helpers for game scores and durations."""

__version__ = "1.0.0"


def points(count):
    """Format a score with thousands separators, such as "1,250 pts"."""
    if count == 1:
        return "1 pt"
    return f"{count:,} pts"


def duration(seconds):
    """Format a duration in seconds as "2h 05m", "4m 09s" or "7s"."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"
