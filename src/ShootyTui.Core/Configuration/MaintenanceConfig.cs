namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[maintenance]</c> section: when unattended updates may run.</summary>
public sealed record MaintenanceConfig
{
    /// <summary>The IANA time zone as written, or null for the system's local zone.</summary>
    public string? Timezone { get; init; }

    /// <summary>The zone that <see cref="Windows"/> are read in.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>
    /// The windows as written, <c>"HH:MM-HH:MM"</c>. An empty list puts no limit on the time of
    /// day.
    /// </summary>
    public required IReadOnlyList<string> Windows { get; init; }

    /// <summary>The same windows as <see cref="Windows"/>, parsed.</summary>
    public required IReadOnlyList<MaintenanceWindow> WindowRanges { get; init; }

    /// <summary>Weekdays on which no unattended update runs.</summary>
    public required IReadOnlyList<DayOfWeek> BlackoutDays { get; init; }

    /// <summary>Dates on which no unattended update runs.</summary>
    public required IReadOnlyList<DateOnly> BlackoutDates { get; init; }
}
