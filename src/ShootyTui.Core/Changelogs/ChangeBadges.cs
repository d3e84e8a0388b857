using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;

namespace ShootyTui.Core.Changelogs;

/// <summary>
/// Marks on a commit or range that an operator should look at before updating.
/// </summary>
[Flags]
public enum ChangeBadges
{
    None = 0,

    /// <summary>A watched dependency manifest changed, so the update reinstalls dependencies.</summary>
    Dependencies = 1,

    /// <summary>A migration or schema file changed.</summary>
    Schema = 2,

    /// <summary>A file named in the start command (the bot's entry point) changed.</summary>
    EntryPoint = 4,
}

public static class ChangeBadgeRules
{
    public static ChangeBadges For(IEnumerable<FileChange> files, ShootyConfig config)
    {
        var badges = ChangeBadges.None;
        var startWords = (config.Bot.Start ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files)
        {
            if (config.Dependencies.Watch.Any(watch => PathMatches(file.Path, watch)))
            {
                badges |= ChangeBadges.Dependencies;
            }

            if (IsSchemaFile(file.Path))
            {
                badges |= ChangeBadges.Schema;
            }

            if (startWords.Any(word => word == file.Path || word.EndsWith("/" + file.Path)))
            {
                badges |= ChangeBadges.EntryPoint;
            }
        }

        return badges;
    }

    public static IReadOnlyList<string> Describe(ChangeBadges badges)
    {
        var words = new List<string>();
        if (badges.HasFlag(ChangeBadges.Dependencies))
        {
            words.Add("deps");
        }

        if (badges.HasFlag(ChangeBadges.Schema))
        {
            words.Add("schema");
        }

        if (badges.HasFlag(ChangeBadges.EntryPoint))
        {
            words.Add("entry");
        }

        return words;
    }

    private static bool IsSchemaFile(string path) =>
        path.Contains("migration", StringComparison.OrdinalIgnoreCase)
        || path.Contains("schema", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Matches a path against a watch entry: exact, or a single <c>*</c> wildcard.</summary>
    public static bool PathMatches(string path, string pattern)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return path == pattern;
        }

        var prefix = pattern[..star];
        var suffix = pattern[(star + 1)..];
        return path.Length >= prefix.Length + suffix.Length
            && path.StartsWith(prefix, StringComparison.Ordinal)
            && path.EndsWith(suffix, StringComparison.Ordinal);
    }
}
