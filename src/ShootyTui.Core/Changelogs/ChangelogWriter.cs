using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;

namespace ShootyTui.Core.Changelogs;

/// <summary>
/// Writes the markdown changelog of a commit range: commits grouped by conventional-commit
/// type (under "Other" when a subject does not follow it, so no commit is dropped), the files
/// changed with their +/- counts, totals and badges.
/// </summary>
public static partial class ChangelogWriter
{
    private static readonly (string Type, string Heading)[] Groups =
    [
        ("feat", "Features"),
        ("fix", "Fixes"),
        ("perf", "Performance"),
        ("refactor", "Refactoring"),
        ("docs", "Documentation"),
        ("test", "Tests"),
        ("build", "Build"),
        ("ci", "CI"),
        ("chore", "Chores"),
        ("revert", "Reverts"),
    ];

    /// <summary>
    /// Reads every commit of from..to (no cap) and the files changed between the two trees,
    /// then writes the changelog.
    /// </summary>
    public static string ForRange(GitRepository git, string from, string to, ShootyConfig config) =>
        Write(
            config.Bot.Name,
            from,
            to,
            git.GetCommits(from, to, int.MaxValue),
            git.GetChanges(from, to),
            config
        );

    public static string Write(
        string botName,
        string from,
        string to,
        IReadOnlyList<PendingCommit> commits,
        IReadOnlyList<FileChange> files,
        ShootyConfig config
    )
    {
        var text = new StringBuilder();
        text.AppendLine($"# {botName}: {Short(from)}..{Short(to)}");
        text.AppendLine();
        text.AppendLine($"Range: `{from}..{to}`");
        text.AppendLine();
        var added = files.Sum(file => file.Added);
        var deleted = files.Sum(file => file.Deleted);
        var merges = commits.Count(commit => commit.IsMerge);
        var mergeNote = merges > 0 ? $" ({merges} merge(s))" : "";
        text.AppendLine(
            $"{commits.Count} commit(s){mergeNote}, {files.Count} file(s) changed, "
                + $"+{added} -{deleted}"
        );
        var badges = ChangeBadgeRules.Describe(ChangeBadgeRules.For(files, config));
        if (badges.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Badges: {string.Join(", ", badges)}");
        }

        foreach (var (heading, members) in Group(commits))
        {
            text.AppendLine();
            text.AppendLine($"## {heading}");
            text.AppendLine();
            foreach (var commit in members)
            {
                var date = commit.Date.UtcDateTime.ToString(
                    "yyyy-MM-dd",
                    CultureInfo.InvariantCulture
                );
                var merge = commit.IsMerge ? " (merge)" : "";
                text.AppendLine(
                    $"- {commit.ShortSha} {commit.Subject}{merge} ({commit.Author}, {date})"
                );
            }
        }

        if (files.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Files");
            text.AppendLine();
            text.AppendLine("| file | status | + | - |");
            text.AppendLine("|---|---|---:|---:|");
            foreach (var file in files)
            {
                var path = file.OldPath is { } old
                    ? $"{Cell(old)} → {Cell(file.Path)}"
                    : Cell(file.Path);
                // NOTE: binary files show 0 and 0, because FileChange carries no binary flag.
                text.AppendLine($"| {path} | {file.Status} | {file.Added} | {file.Deleted} |");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<(string Heading, List<PendingCommit> Commits)> Group(
        IReadOnlyList<PendingCommit> commits
    )
    {
        var byType = commits.ToLookup(commit => TypeOf(commit.Subject));
        foreach (var (type, heading) in Groups)
        {
            var members = byType[type].ToList();
            if (members.Count > 0)
            {
                yield return (heading, members);
            }
        }

        var other = byType[""].ToList();
        if (other.Count > 0)
        {
            yield return ("Other", other);
        }
    }

    private static string TypeOf(string subject)
    {
        var match = ConventionalSubject().Match(subject);
        if (!match.Success)
        {
            return "";
        }

        var type = match.Groups[1].Value.ToLowerInvariant();
        return Groups.Any(group => group.Type == type) ? type : "";
    }

    /// <summary>Escapes a pipe, which would otherwise split a markdown table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|");

    private static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;

    [GeneratedRegex(@"^([A-Za-z]+)(\([^)]*\))?!?:\s")]
    private static partial Regex ConventionalSubject();
}
