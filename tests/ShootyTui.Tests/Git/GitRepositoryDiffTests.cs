using ShootyTui.Core.Git;
using ShootyTui.Tests.Support;
using Xunit;
using static ShootyTui.Tests.Git.TestRepositories;

namespace ShootyTui.Tests.Git;

public class GitRepositoryDiffTests
{
    private static readonly Dictionary<string, string?> s_botFiles = new()
    {
        ["requirements.txt"] = "discord.py==2.3.2\n",
        ["bot.py"] = "import discord\n\nclient = discord.Client()\nclient.run()\n",
        ["docs/setup.md"] = "# Setup\n",
    };

    [Fact]
    public void AnyFileChanged_matches_watched_path_and_glob()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin(
            "Bump discord.py",
            new Dictionary<string, string?>
            {
                ["requirements.txt"] = "discord.py==2.4.0\n",
                ["docs/setup.md"] = "# Setup\n\nRun pip.\n",
            }
        );
        using var repository = OpenUpstream(fixture);
        var from = fixture.InitialCommit;

        Assert.True(repository.AnyFileChanged(from, tip, ["requirements.txt"]));
        Assert.True(repository.AnyFileChanged(from, tip, ["requirements*.txt"]));
        Assert.True(repository.AnyFileChanged(from, tip, ["pyproject.toml", "./requirements.txt"]));
        Assert.True(repository.AnyFileChanged(from, tip, ["docs/"]));
        Assert.False(repository.AnyFileChanged(from, tip, ["pyproject.toml", "*.py"]));
        Assert.False(repository.AnyFileChanged(from, tip, []));
    }

    [Fact]
    public void AnyFileChanged_counts_old_path_of_rename()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin(
            "Move requirements",
            new Dictionary<string, string?>
            {
                ["requirements.txt"] = null,
                ["deps/requirements.txt"] = "discord.py==2.3.2\n",
            }
        );
        using var repository = OpenUpstream(fixture);

        Assert.True(repository.AnyFileChanged(fixture.InitialCommit, tip, ["requirements.txt"]));
        Assert.True(repository.AnyFileChanged(fixture.InitialCommit, tip, ["**/requirements.txt"]));
    }

    [Fact]
    public void GetChanges_reports_rename_with_line_counts()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin(
            "Rename bot and edit",
            new Dictionary<string, string?>
            {
                ["bot.py"] = null,
                ["main.py"] = "import discord\n\nclient = discord.Client()\nclient.run(TOKEN)\n",
                ["requirements.txt"] = "discord.py==2.3.2\naiohttp==3.9.0\n",
            }
        );
        using var repository = OpenUpstream(fixture);

        var changes = repository
            .GetChanges(fixture.InitialCommit, tip)
            .OrderBy(c => c.Path, StringComparer.Ordinal);

        Assert.Equal(
            [
                new FileChange("main.py", "renamed", 1, 1, "bot.py"),
                new FileChange("requirements.txt", "modified", 1, 0, null),
            ],
            changes
        );
    }
}
