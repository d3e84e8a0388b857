using System.Globalization;

namespace ShootyTui.Core.Health;

/// <summary>
/// Formats durations for check details: "45 s", "3 min 12 s", "2 h 5 min", "3 d 4 h".
/// </summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        var value = duration.Duration();
        var invariant = CultureInfo.InvariantCulture;
        return value switch
        {
            { TotalSeconds: < 10 } => string.Create(invariant, $"{value.TotalSeconds:0.#} s"),
            { TotalMinutes: < 1 } => $"{value.Seconds} s",
            { TotalHours: < 1 } => $"{value.Minutes} min {value.Seconds} s",
            { TotalDays: < 1 } => $"{value.Hours} h {value.Minutes} min",
            _ => $"{(int)value.TotalDays} d {value.Hours} h",
        };
    }
}
