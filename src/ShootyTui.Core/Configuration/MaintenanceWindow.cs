using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// A daily time range written <c>"HH:MM-HH:MM"</c> in 24-hour time. The start is inclusive and
/// the end exclusive. A range whose end is before its start, such as <c>"22:00-01:00"</c>, runs
/// past midnight.
/// </summary>
public sealed record MaintenanceWindow(TimeOnly Start, TimeOnly End)
{
    public bool CrossesMidnight => End < Start;

    public bool Contains(TimeOnly time) => time.IsBetween(Start, End);

    /// <exception cref="FormatException">The text is not a valid window.</exception>
    public static MaintenanceWindow Parse(string text)
    {
        if (TryParse(text, out var window))
        {
            return window;
        }

        throw new FormatException(
            $"invalid window \"{text}\"; use 24-hour \"HH:MM-HH:MM\" such as \"02:00-06:00\""
        );
    }

    /// <summary>
    /// Parses <c>"HH:MM-HH:MM"</c>. Start and end must differ, because an empty window would
    /// never open and a full day is clearer as no window at all.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out MaintenanceWindow? window)
    {
        window = null;
        var parts = text.Split('-');
        if (
            parts.Length != 2
            || !TryParseTime(parts[0], out var start)
            || !TryParseTime(parts[1], out var end)
            || start == end
        )
        {
            return false;
        }

        window = new MaintenanceWindow(start, end);
        return true;
    }

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-"
        + End.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(
            text,
            "HH:mm",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out time
        );
}
