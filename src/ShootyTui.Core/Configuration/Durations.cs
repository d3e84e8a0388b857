using System.Globalization;
using System.Text;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// Parses and formats the duration strings of <c>shooty.toml</c>: a sequence of whole numbers with
/// units, largest unit first, such as <c>"90s"</c>, <c>"5m"</c>, <c>"1h30m"</c> or <c>"500ms"</c>.
/// Units are <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c> and <c>ms</c>, and each may appear once.
/// </summary>
public static class Durations
{
    private static readonly (string Unit, long Milliseconds)[] Units =
    [
        ("d", 86_400_000),
        ("h", 3_600_000),
        ("m", 60_000),
        ("s", 1_000),
        ("ms", 1),
    ];

    /// <summary>Parses a duration such as <c>"1h30m"</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid duration.</exception>
    public static TimeSpan Parse(string text)
    {
        if (TryParse(text, out var duration))
        {
            return duration;
        }

        throw new FormatException(
            $"invalid duration \"{text}\"; use a number and unit such as \"90s\", \"5m\" or \"1h\""
        );
    }

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        long totalMilliseconds = 0;
        var position = 0;
        var lastUnitIndex = -1;
        while (position < text.Length)
        {
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position == digitsStart || position - digitsStart > 12)
            {
                return false;
            }

            var number = long.Parse(
                text.AsSpan(digitsStart, position - digitsStart),
                CultureInfo.InvariantCulture
            );

            var unitIndex = MatchUnit(text, position);

            // Units must shrink from left to right: "1h30m" is valid, "30m1h" and "1m1m" are not.
            if (unitIndex < 0 || unitIndex <= lastUnitIndex)
            {
                return false;
            }

            position += Units[unitIndex].Unit.Length;
            lastUnitIndex = unitIndex;
            try
            {
                totalMilliseconds = checked(
                    totalMilliseconds + number * Units[unitIndex].Milliseconds
                );
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        if (totalMilliseconds > TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(totalMilliseconds);
        return true;
    }

    /// <summary>
    /// Formats a duration in the form <see cref="Parse"/> accepts, for example <c>"1h30m"</c>.
    /// Zero is <c>"0s"</c>, a negative duration gets a leading <c>-</c>, and fractions of a
    /// millisecond are dropped.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        var remaining = (long)Math.Abs(duration.TotalMilliseconds);
        if (remaining == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (duration < TimeSpan.Zero)
        {
            builder.Append('-');
        }

        foreach (var (unit, milliseconds) in Units)
        {
            var count = remaining / milliseconds;
            if (count > 0)
            {
                builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                remaining -= count * milliseconds;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Returns the index in <see cref="Units"/> of the unit at the position, or -1.
    /// </summary>
    private static int MatchUnit(string text, int position)
    {
        var rest = text.AsSpan(position);

        // "ms" must be tried before "m".
        if (rest.StartsWith("ms", StringComparison.Ordinal))
        {
            return Units.Length - 1;
        }

        for (var i = 0; i < Units.Length - 1; i++)
        {
            if (rest.StartsWith(Units[i].Unit, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
