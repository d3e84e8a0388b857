using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// A request budget per source address, written <c>"N/s"</c>, <c>"N/m"</c> or <c>"N/h"</c>
/// (for example <c>"5/m"</c>: five requests per minute).
/// </summary>
public sealed record RateLimit(int Requests, TimeSpan Period)
{
    /// <exception cref="FormatException">The text is not a valid rate limit.</exception>
    public static RateLimit Parse(string text)
    {
        if (TryParse(text, out var limit))
        {
            return limit;
        }

        throw new FormatException(
            $"invalid rate limit \"{text}\"; use requests per second, minute or hour "
                + "such as \"5/m\""
        );
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out RateLimit? limit)
    {
        limit = null;
        var parts = text.Split('/');
        if (
            parts.Length != 2
            || parts[0].Length == 0
            || !parts[0].All(char.IsAsciiDigit)
            || !int.TryParse(
                parts[0],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var requests
            )
            || requests < 1
        )
        {
            return false;
        }

        TimeSpan? period = parts[1] switch
        {
            "s" => TimeSpan.FromSeconds(1),
            "m" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            _ => null,
        };
        if (period is null)
        {
            return false;
        }

        limit = new RateLimit(requests, period.Value);
        return true;
    }

    public override string ToString()
    {
        var unit =
            Period == TimeSpan.FromSeconds(1) ? "s"
            : Period == TimeSpan.FromMinutes(1) ? "m"
            : Period == TimeSpan.FromHours(1) ? "h"
            : Durations.Format(Period);
        return $"{Requests.ToString(CultureInfo.InvariantCulture)}/{unit}";
    }
}
