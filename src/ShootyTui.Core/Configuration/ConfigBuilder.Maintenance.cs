using System.Globalization;
using ShootyTui.Core.Configuration.Toml;

namespace ShootyTui.Core.Configuration;

internal sealed partial class ConfigBuilder
{
    private MaintenanceConfig BuildMaintenance(MaintenanceTable table)
    {
        var windows = table.Windows ?? [];
        var ranges = windows
            .Select(
                (text, i) => ParseOrReport(text, "maintenance.windows", MaintenanceWindow.Parse, i)
            )
            .OfType<MaintenanceWindow>()
            .ToList();

        return new MaintenanceConfig
        {
            Timezone = table.Timezone,
            TimeZone = ReadTimeZone(table.Timezone),
            Windows = windows.AsReadOnly(),
            WindowRanges = ranges.AsReadOnly(),
            BlackoutDays = ReadWeekdays(table.BlackoutDays ?? []),
            BlackoutDates = ReadDates(table.BlackoutDates ?? []),
        };
    }

    private TimeZoneInfo ReadTimeZone(string? name)
    {
        if (name is null)
        {
            return TimeZoneInfo.Local;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
        {
            return zone;
        }

        ErrorAtValue(
            "maintenance.timezone",
            $"unknown time zone \"{name}\"; use an IANA name such as \"Europe/Berlin\" or \"UTC\", "
                + "or remove the key to use the system's zone"
        );
        return TimeZoneInfo.Local;
    }

    private List<DayOfWeek> ReadWeekdays(List<string> names)
    {
        var days = new List<DayOfWeek>();
        for (var i = 0; i < names.Count; i++)
        {
            // English names, whole ("saturday") or abbreviated ("sat"), in any case.
            var day = Enum.GetValues<DayOfWeek>()
                .Where(candidate =>
                {
                    var full = candidate.ToString();
                    return names[i].Equals(full, StringComparison.OrdinalIgnoreCase)
                        || names[i].Equals(full[..3], StringComparison.OrdinalIgnoreCase);
                })
                .Cast<DayOfWeek?>()
                .FirstOrDefault();
            if (day is null)
            {
                ErrorAtItem(
                    "maintenance.blackout_days",
                    i,
                    $"invalid weekday \"{names[i]}\"; use an English day name such as "
                        + "\"saturday\" or \"sat\""
                );
                continue;
            }

            days.Add(day.Value);
        }

        return days;
    }

    private List<DateOnly> ReadDates(List<string> texts)
    {
        var dates = new List<DateOnly>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (
                DateOnly.TryParseExact(
                    texts[i],
                    "yyyy-MM-dd",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var date
                )
            )
            {
                dates.Add(date);
                continue;
            }

            ErrorAtItem(
                "maintenance.blackout_dates",
                i,
                $"invalid date \"{texts[i]}\"; use \"YYYY-MM-DD\" such as \"2026-12-24\""
            );
        }

        return dates;
    }

    private HealthConfig BuildHealth(HealthTable table)
    {
        var maxTemperature = table.MaxTemperatureC;
        if (maxTemperature <= 0)
        {
            ErrorAtValue(
                "health.max_temperature_c",
                "must be above zero; use degrees Celsius, such as 80"
            );
        }

        return new HealthConfig
        {
            MaxMemoryMb = ReadOptionalCount(table.MaxMemoryMb, "health.max_memory_mb", minimum: 1),
            MaxDbLatencyMs = ReadOptionalCount(
                table.MaxDbLatencyMs,
                "health.max_db_latency_ms",
                minimum: 1
            ),
            MinFreeDiskMb = ReadOptionalCount(
                table.MinFreeDiskMb,
                "health.min_free_disk_mb",
                minimum: 1
            ),
            MaxTemperatureC = maxTemperature,
        };
    }
}
