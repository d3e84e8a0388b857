using System.Globalization;
using ShootyTui.Cli;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tui.Panels;

internal sealed partial class HistoryPanel
{
    // A changelog is written just after its update finishes. The margin covers the fraction of
    // a second that the time stamp in the file name drops.
    private static readonly TimeSpan ChangelogMargin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Returns the changelog that a successful update wrote under
    /// <c>STATE/changelogs/</c>, named by the finish time and the new short commit, or null.
    /// </summary>
    internal static string? FindChangelog(string stateDirectory, UpdateRecord record)
    {
        var directory = Path.Combine(stateDirectory, "changelogs");
        if (record.Outcome != UpdateOutcome.Succeeded || !Directory.Exists(directory))
        {
            return null;
        }

        var from = record.StartedAt - ChangelogMargin;
        var to = (record.FinishedAt ?? record.StartedAt) + ChangelogMargin;
        var suffix = $"-{Format.Short(record.ToCommit)}.md";
        foreach (var path in Directory.EnumerateFiles(directory, "*" + suffix).Order())
        {
            var stamp = Path.GetFileName(path)[..^suffix.Length];
            var parsed = DateTimeOffset.TryParseExact(
                stamp,
                "yyyyMMdd'T'HHmmss'Z'",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var at
            );
            if (parsed && at >= from && at <= to)
            {
                return path;
            }
        }

        return null;
    }
}
