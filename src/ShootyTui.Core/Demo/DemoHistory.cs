namespace ShootyTui.Core.Demo;

/// <summary>
/// The demo bot's history, oldest first. Files come from Demo/Bot. Where a later commit changes
/// a file, the earlier version is derived from the embedded one by an exact text edit, so a
/// source change that breaks an edit fails every demo build instead of silently changing history.
/// </summary>
internal static class DemoHistory
{
    public const int CommitCount = 7;

    private const string OldScorefmt = "1.0.0";
    private const string NewScorefmt = "1.1.0";

    private static readonly string[] FirstCommitFiles =
    [
        "bot.py",
        "shootybot/__init__.py",
        "shootybot/app.py",
        "shootybot/settings.py",
        "shootybot/heartbeat.py",
        "shootybot/storage.py",
        "shootybot/flags.py",
        "shootybot/commands/__init__.py",
        "shootybot/commands/ping.py",
        "tools/install_deps.py",
        "tools/seed_dev_data.py",
    ];

    public static IReadOnlyList<DemoCommit> Build(DemoOptions options)
    {
        var first = FirstCommitFiles.ToDictionary(path => path, path => (string?)Bot(path));
        first[".gitignore"] = Bot("gitignore");
        first["README.md"] = WithoutSection(Bot("README.md"), "## Feature flags");
        first["bot_settings.json"] = DemoBotSettings.Render(options.HeartbeatIntervalSeconds);
        first["requirements.txt"] = Requirements(OldScorefmt);
        first[Vendored(OldScorefmt)] = Bot(Vendored(OldScorefmt));

        var history = new List<DemoCommit>
        {
            new(
                "feat: bot skeleton with heartbeat, tick log and feature flags",
                "Writes .bot_health every couple of minutes and one tick per second into "
                    + "SQLite, so the Pi can tell whether the bot is alive.",
                DemoAuthor.Maya,
                At(2025, 5, 5, 9, 14, 2),
                first
            ),
            new(
                "feat: add /leaderboard command",
                null,
                DemoAuthor.Tomas,
                At(2025, 5, 7, 18, 40, 1),
                Files(("shootybot/commands/leaderboard.py", LeaderboardBeforeTieFix()))
            ),
            new(
                "test: add a smoke test for deployments",
                "Compiles the sources, parses the settings, checks the installed requirements "
                    + "and runs every command against a throwaway database.",
                DemoAuthor.Priya,
                At(2025, 5, 12, 21, 3, 2),
                Files(("smoke_test.py", Bot("smoke_test.py")))
            ),
            new(
                "docs: explain feature flags in the README",
                null,
                DemoAuthor.Maya,
                At(2025, 5, 13, 8, 30, 2),
                Files(("README.md", Bot("README.md")))
            ),
            new(
                "feat: add /stats command",
                null,
                DemoAuthor.Tomas,
                At(2025, 5, 19, 20, 11, 1),
                Files(("shootybot/commands/stats.py", Bot("shootybot/commands/stats.py")))
            ),
            new(
                "fix: keep leaderboard ties in join order",
                "Players with the same score came back in whatever order SQLite chose, so the "
                    + "leaderboard reshuffled between two calls.",
                DemoAuthor.Priya,
                At(2025, 5, 20, 7, 55, 2),
                Files(
                    ("shootybot/commands/leaderboard.py", Bot("shootybot/commands/leaderboard.py"))
                )
            ),
            new(
                $"chore(deps): bump scorefmt from {OldScorefmt} to {NewScorefmt}",
                "1.1.0 adds ordinal() and formats durations of a day or more as days and hours.",
                DemoAuthor.Maya,
                At(2025, 5, 21, 12, 2, 2),
                Files(
                    ("requirements.txt", Requirements(NewScorefmt)),
                    (Vendored(NewScorefmt), Bot(Vendored(NewScorefmt))),
                    (Vendored(OldScorefmt), null)
                )
            ),
        };

        if (history.Count != CommitCount)
        {
            throw new InvalidOperationException(
                $"DemoHistory.CommitCount is {CommitCount} but the history has {history.Count}."
            );
        }

        return history;
    }

    private static string Bot(string path) => DemoSources.Read("Bot/" + path);

    private static string Vendored(string version) =>
        $"vendor/scorefmt-{version}/scorefmt/__init__.py";

    private static string Requirements(string scorefmtVersion) =>
        "# Pinned and vendored under vendor/; install with: python3 tools/install_deps.py\n"
        + $"scorefmt=={scorefmtVersion}\n";

    private static DateTimeOffset At(
        int year,
        int month,
        int day,
        int hour,
        int minute,
        int utcOffset
    ) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(utcOffset));

    private static Dictionary<string, string?> Files(
        params (string Path, string? Content)[] files
    ) => files.ToDictionary(file => file.Path, file => file.Content);

    private static string LeaderboardBeforeTieFix()
    {
        var fixedVersion = Bot("shootybot/commands/leaderboard.py");
        var withoutComment = ReplaceExactly(
            fixedVersion,
            "    # Players with the same score keep the order in which they joined.\n",
            ""
        );
        return ReplaceExactly(
            withoutComment,
            "score DESC, joined_at, id LIMIT",
            "score DESC LIMIT"
        );
    }

    private static string WithoutSection(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no '{heading}' section.");
        }

        var end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        if (end < 0)
        {
            return markdown[..start].TrimEnd('\n') + "\n";
        }

        return markdown[..(start + 1)] + markdown[(end + 1)..];
    }

    private static string ReplaceExactly(string text, string oldText, string newText)
    {
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Demo source no longer contains the text that the history replaces:\n{oldText}"
            );
        }

        return text.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
