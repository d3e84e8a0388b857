using Serilog;
using ShootyTui.Core.Git;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Git;

/// <summary>
/// A repository opened through a symbolic link, as a blue-green deployment's current link is,
/// reads whichever checkout the link points at now.
/// </summary>
public sealed class GitLinkTests : IDisposable
{
    private readonly GitFixture _git = new(
        new Dictionary<string, string?> { ["bot.py"] = "print('bot')\n" }
    );

    public void Dispose() => _git.Dispose();

    [Fact]
    public void Head_follows_link_switch()
    {
        var first = _git.DeployPath;
        var second = Path.Combine(_git.RootPath, "second");
        _git.RunGit(_git.RootPath, "clone", "-q", first, second);
        var newer = _git.CommitToDeploy(
            "feat: newer",
            new Dictionary<string, string?> { ["NOTES.md"] = "x\n" }
        );
        var link = Path.Combine(_git.RootPath, "current");
        File.CreateSymbolicLink(link, second);
        using var repository = new GitRepository(link, "origin", GitFixture.Branch, Log.Logger);
        var before = repository.GetStatus().HeadCommit;

        File.Delete(link);
        File.CreateSymbolicLink(link, first);
        var after = repository.GetStatus().HeadCommit;

        Assert.Equal(_git.InitialCommit, before);
        Assert.Equal(newer, after);
        Assert.Equal(newer, repository.HeadCommit);
    }
}
