using System.Globalization;
using ShootyTui.Core.Health;

namespace ShootyTui.Cli;

/// <summary>
/// Text helpers shared by the command line and the TUI.
/// </summary>
internal static class Format
{
    public static string Short(string? commit) =>
        commit is null ? "-"
        : commit.Length > 7 ? commit[..7]
        : commit;

    public static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span)
    {
        if (span.TotalSeconds < 60)
        {
            return $"{span.TotalSeconds:0.0}s";
        }

        if (span.TotalHours < 1)
        {
            return $"{(int)span.TotalMinutes}m {span.Seconds}s";
        }

        if (span.TotalDays < 1)
        {
            return $"{(int)span.TotalHours}h {span.Minutes}m";
        }

        return $"{(int)span.TotalDays}d {span.Hours}h";
    }

    /// <summary>Returns the status symbol and word, so state never depends on colour.</summary>
    public static string Status(CheckStatus status) =>
        status switch
        {
            CheckStatus.Pass => "✓ pass",
            CheckStatus.Warn => "! warn",
            CheckStatus.Fail => "✗ fail",
            _ => "? error",
        };

    public static string StatusName(CheckStatus status) => status.ToString().ToLowerInvariant();
}
