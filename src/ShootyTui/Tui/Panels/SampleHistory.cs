using System.Globalization;
using ShootyTui.Core.Health;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// Draws the recent samples of one health check on one line: a sparkline of the measured
/// values with their range, and the statuses when any sample did not pass.
/// </summary>
internal static class SampleHistory
{
    private const string Levels = "▁▂▃▄▅▆▇█";

    public static string Draw(
        IReadOnlyList<(DateTimeOffset At, CheckStatus Status, double? Value)> samples
    )
    {
        var parts = new List<string>();
        var values = samples.Where(s => s.Value is not null).Select(s => s.Value!.Value).ToList();
        if (values.Count > 0)
        {
            parts.Add($"{Sparkline(values)} {Number(values.Min())}-{Number(values.Max())}");
        }

        if (values.Count == 0 || samples.Any(s => s.Status != CheckStatus.Pass))
        {
            parts.Add(string.Concat(samples.Select(s => Symbol(s.Status))));
        }

        return string.Join("  ", parts);
    }

    /// <summary>One block per value, scaled between the smallest and the largest.</summary>
    public static string Sparkline(IReadOnlyList<double> values)
    {
        var low = values.Min();
        var span = values.Max() - low;
        return string.Concat(
            values.Select(value =>
                span <= 0
                    ? Levels[0]
                    : Levels[(int)Math.Round((value - low) / span * (Levels.Length - 1))]
            )
        );
    }

    private static char Symbol(CheckStatus status) =>
        status switch
        {
            CheckStatus.Pass => '✓',
            CheckStatus.Warn => '!',
            CheckStatus.Fail => '✗',
            _ => '?',
        };

    private static string Number(double value) =>
        value.ToString(value >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
