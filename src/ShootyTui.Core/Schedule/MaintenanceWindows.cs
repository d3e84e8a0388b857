using ShootyTui.Core.Configuration;

namespace ShootyTui.Core.Schedule;

/// <summary>
/// Decides whether unattended updates may run now: inside one of the <c>[maintenance]</c>
/// windows, in its time zone, and not on a blackout day or date. With no windows configured
/// every time of day is inside.
/// </summary>
/// <remarks>
/// Windows are local wall-clock times turned into instants for each day. On a daylight saving
/// change, a start that does not exist that day begins at the first valid minute after it, and
/// a time that occurs twice counts at its first occurrence only, so a repeated hour runs once.
/// </remarks>
public static class MaintenanceWindows
{
    public static bool IsOpen(MaintenanceConfig maintenance, DateTimeOffset now, out string reason)
    {
        var zone = maintenance.TimeZone;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (maintenance.WindowRanges.Count == 0)
        {
            if (IsBlackout(maintenance, today, out reason))
            {
                return false;
            }

            reason = "no maintenance windows configured";
            return true;
        }

        foreach (var window in maintenance.WindowRanges)
        {
            // A window that crosses midnight may have started yesterday.
            foreach (var day in new[] { today, today.AddDays(-1) })
            {
                var (start, end) = Instants(window, day, zone);
                if (now < start || now >= end)
                {
                    continue;
                }

                if (IsBlackout(maintenance, day, out reason))
                {
                    return false;
                }

                reason = $"inside the window {window} ({zone.Id})";
                return true;
            }
        }

        reason =
            $"outside the maintenance windows {string.Join(", ", maintenance.WindowRanges)} "
            + $"({zone.Id}, now {local:HH:mm})";
        return false;
    }

    /// <summary>
    /// Returns when the next window opens after <paramref name="now"/> (now itself when a
    /// window is open), or null when none opens in the next two weeks (every day blacked out).
    /// </summary>
    public static DateTimeOffset? NextOpening(MaintenanceConfig maintenance, DateTimeOffset now)
    {
        if (IsOpen(maintenance, now, out _))
        {
            return now;
        }

        var zone = maintenance.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (maintenance.WindowRanges.Count == 0)
        {
            // Blacked out today: the next day that is not.
            for (var offset = 1; offset <= 14; offset++)
            {
                var day = today.AddDays(offset);
                if (!IsBlackout(maintenance, day, out _))
                {
                    return Instant(day.ToDateTime(TimeOnly.MinValue), zone);
                }
            }

            return null;
        }

        DateTimeOffset? next = null;
        for (var offset = 0; offset <= 14; offset++)
        {
            var day = today.AddDays(offset);
            if (IsBlackout(maintenance, day, out _))
            {
                continue;
            }

            foreach (var window in maintenance.WindowRanges)
            {
                var (start, _) = Instants(window, day, zone);
                if (start > now && (next is null || start < next))
                {
                    next = start;
                }
            }

            if (next is not null)
            {
                return next;
            }
        }

        return next;
    }

    /// <summary>Returns the instants a window opens and closes when it starts on this day.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Instants(
        MaintenanceWindow window,
        DateOnly day,
        TimeZoneInfo zone
    )
    {
        var start = Instant(day.ToDateTime(window.Start), zone);
        var endDay = window.CrossesMidnight ? day.AddDays(1) : day;
        var end = Instant(endDay.ToDateTime(window.End), zone);
        if (end <= start)
        {
            // The whole window fell into a skipped hour: keep its length from the moved start.
            var length = window.CrossesMidnight
                ? window.End.ToTimeSpan() + TimeSpan.FromDays(1) - window.Start.ToTimeSpan()
                : window.End - window.Start;
            end = start + length;
        }

        return (start, end);
    }

    private static DateTimeOffset Instant(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);

        // Skipped by a daylight saving change: move to the first minute that exists.
        for (var minutes = 0; zone.IsInvalidTime(local) && minutes < 24 * 60; minutes++)
        {
            local = local.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The earlier occurrence has the larger offset.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static bool IsBlackout(MaintenanceConfig maintenance, DateOnly date, out string reason)
    {
        if (maintenance.BlackoutDays.Contains(date.DayOfWeek))
        {
            reason = $"{date.DayOfWeek} is a blackout day";
            return true;
        }

        if (maintenance.BlackoutDates.Contains(date))
        {
            reason = $"{date:yyyy-MM-dd} is a blackout date";
            return true;
        }

        reason = "";
        return false;
    }
}
