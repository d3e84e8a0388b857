using ShootyTui.Core.Configuration;

namespace ShootyTui.Core.Schedule;

/// <summary>
/// Decides whether unattended updates may run now: inside one of the <c>[maintenance]</c>
/// windows, in its time zone, and not on a blackout day or date. With no windows configured
/// every time of day is inside.
/// </summary>
public static class MaintenanceWindows
{
    public static bool IsOpen(MaintenanceConfig maintenance, DateTimeOffset now, out string reason)
    {
        var zone = maintenance.TimeZone;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);

        // NOTE: windows compare local wall-clock times, so on a daylight saving change a window
        // that starts inside the skipped hour is missed that day.
        var time = TimeOnly.FromDateTime(local.DateTime);
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
            if (!window.Contains(time))
            {
                continue;
            }

            // A window that crosses midnight belongs to the day it started on.
            var day = window.CrossesMidnight && time < window.End ? today.AddDays(-1) : today;
            if (IsBlackout(maintenance, day, out reason))
            {
                return false;
            }

            reason = $"inside the window {window} ({zone.Id})";
            return true;
        }

        reason =
            $"outside the maintenance windows {string.Join(", ", maintenance.WindowRanges)} "
            + $"({zone.Id}, now {local:HH:mm})";
        return false;
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
