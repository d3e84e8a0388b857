using System.Text.RegularExpressions;
using Serilog.Core;
using ShootyTui.Core.Changelogs;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Git;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Changelogs;

public partial class ChangelogWriterTests
{
    [Fact]
    public void Changelog_keeps_merges_and_free_subjects()
    {
        using var fixture = new GitFixture();
        var feat = fixture.CommitToOrigin("feat(ui): add the scores panel", Files("ui.py", "a"));
        var fix = fixture.CommitToOrigin("fix: stop crashing on empty names", Files("ui.py", "b"));
        var plain = fixture.CommitToOrigin("Update README wording", Files("README.md", "new"));
        var merge = fixture.MergeBranchToOrigin(
            "docs-branch",
            "docs: explain the flags",
            Files("docs/flags.md", "flags")
        );

        var text = Write(fixture, fixture.InitialCommit, merge);

        Assert.Contains($"Range: `{fixture.InitialCommit}..{merge}`", text);
        Assert.Contains("5 commit(s) (1 merge(s)), 3 file(s) changed", text);
        Assert.Equal(["Features", "Fixes", "Documentation", "Other", "Files"], Headings(text));
        Assert.Contains($"- {feat[..7]} feat(ui): add the scores panel", text);
        Assert.Contains($"- {fix[..7]} fix: stop crashing on empty names", text);
        Assert.Matches($@"## Other\n\n(- .*\n)*- {plain[..7]} Update README wording", text);
        Assert.Contains($"- {merge[..7]} Merge docs-branch (merge)", text);
        Assert.Equal(5, CommitLines(text).Count);
    }

    [Fact]
    public void Changelog_shows_renames_binary_files_and_counts()
    {
        using var fixture = new GitFixture(
            new Dictionary<string, string?> { ["old_name.py"] = Lines(20), ["gone.txt"] = "x\n" }
        );
        fixture.RunGit(fixture.UpstreamPath, "mv", "old_name.py", "new|name.py");
        var binary = "PNG\0\u0001\u0002\0binary\0" + new string('\0', 64);
        var tip = fixture.CommitToOrigin(
            "refactor: rename the module",
            new Dictionary<string, string?>
            {
                ["new|name.py"] = Lines(20) + "extra\n",
                ["logo.bin"] = binary,
                ["gone.txt"] = null,
            }
        );

        var text = Write(fixture, fixture.InitialCommit, tip);

        Assert.Contains(@"| old_name.py → new\|name.py | renamed | 1 | 0 |", text);
        Assert.Contains("| logo.bin | added | 0 | 0 |", text);
        Assert.Contains("| gone.txt | deleted | 0 | 1 |", text);
        Assert.Contains("1 commit(s), 3 file(s) changed, +1 -1", text);
    }

    [Fact]
    public void Changelog_names_the_badges()
    {
        using var fixture = new GitFixture();
        var tip = fixture.CommitToOrigin(
            "chore: bump and migrate",
            new Dictionary<string, string?>
            {
                ["requirements.txt"] = "discord.py==2.4.0\n",
                ["migrations/002_scores.sql"] = "ALTER TABLE scores ADD COLUMN x;\n",
                ["bot.py"] = "print('hi')\n",
            }
        );

        var text = Write(fixture, fixture.InitialCommit, tip);

        Assert.Contains("Badges: deps, schema, entry", text);
    }

    [Fact]
    public void Changelog_without_badges_has_no_badge_line()
    {
        using var fixture = new GitFixture();
        var tip = fixture.CommitToOrigin("docs: typo", Files("README.md", "fixed"));

        var text = Write(fixture, fixture.InitialCommit, tip);

        Assert.DoesNotContain("Badges:", text);
    }

    [Fact]
    public void Changelog_of_5000_commits_drops_none()
    {
        using var fixture = new GitFixture();
        var tip = SyntheticHistory.Append(fixture, commits: 5000, mergeEvery: 250);
        fixture.RunGit(fixture.DeployPath, "fetch", "--quiet", "origin");
        var expected = fixture
            .RunGit(fixture.DeployPath, "rev-list", $"{fixture.InitialCommit}..{tip}")
            .Split('\n');

        var text = Write(fixture, fixture.InitialCommit, tip);

        var listed = CommitLines(text);
        Assert.Equal(expected.Length, listed.Count);
        // Abbreviations grow past 7 characters where two commits share a prefix.
        var byPrefix = listed.Select(line => line.Split(' ')[1]).ToLookup(sha => sha[..7]);
        Assert.All(expected, sha =>
            Assert.Single(byPrefix[sha[..7]], listedSha => sha.StartsWith(listedSha))
        );
        Assert.Contains($"{expected.Length} commit(s) (20 merge(s))", text);
        Assert.Contains("## Features", text);
        Assert.Contains("## Other", text);
    }

    private static string Write(GitFixture fixture, string from, string to)
    {
        fixture.RunGit(fixture.DeployPath, "fetch", "--quiet", "origin");
        using var git = new GitRepository(fixture.DeployPath, "origin", "main", Logger.None);
        return ChangelogWriter.ForRange(git, from, to, Config(fixture));
    }

    private static ShootyConfig Config(GitFixture fixture) =>
        ConfigLoader.Parse(
            """
            [bot]
            name = "ShootyBot"
            path = "deploy"
            start = "python3 bot.py"

            [dependencies]
            watch = ["requirements.txt"]
            """,
            Path.Combine(fixture.RootPath, "shooty.toml"),
            new Dictionary<string, string?> { ["HOME"] = fixture.RootPath }
        );

    private static Dictionary<string, string?> Files(string path, string content) =>
        new() { [path] = content + "\n" };

    private static string Lines(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"line {i}\n"));

    private static List<string> Headings(string text) =>
        HeadingPattern().Matches(text).Select(match => match.Groups[1].Value).ToList();

    private static List<string> CommitLines(string text) =>
        text.Split('\n').Where(line => CommitLinePattern().IsMatch(line)).ToList();

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^- [0-9a-f]{7,} ")]
    private static partial Regex CommitLinePattern();
}
