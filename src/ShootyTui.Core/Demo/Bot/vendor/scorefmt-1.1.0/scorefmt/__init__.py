"""Formatting helpers for game scores and durations.

1.1.0 adds ordinal() and formats durations of a day or more as "2d 03h".
"""

__version__ = "1.1.0"


def points(count):
    """Format a score with thousands separators, such as "1,250 pts"."""
    if count == 1:
        return "1 pt"
    return f"{count:,} pts"


def duration(seconds):
    """Format a duration in seconds as "2d 03h", "2h 05m", "4m 09s" or "7s"."""
    days, rest = divmod(int(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours:02d}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"


def ordinal(number):
    """Format a rank as "1st", "2nd", "3rd", "11th" and so on."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
