using ShootyTui.Core.Git;
using ShootyTui.Tests.Support;
using Xunit;
using static ShootyTui.Tests.Git.TestRepositories;

namespace ShootyTui.Tests.Git;

public class GitRepositoryStatusTests
{
    private static readonly Dictionary<string, string?> s_botFiles = new()
    {
        [".gitignore"] = "venv/\n*.db\n.bot_health\n",
        ["bot.py"] = "print('hello')\n",
        ["config.toml"] = "prefix = '!'\n",
    };

    [Fact(Timeout = 60000)]
    public async Task Status_behind_remote_is_fast_forward()
    {
        using var fixture = new GitFixture(s_botFiles);
        fixture.CommitToOrigin("One", new Dictionary<string, string?> { ["a.txt"] = "1" });
        var tip = fixture.CommitToOrigin(
            "Two",
            new Dictionary<string, string?> { ["b.txt"] = "2" }
        );
        using var repository = OpenDeploy(fixture);

        await repository.FetchAsync(CancellationToken.None);
        var status = repository.GetStatus();

        Assert.Equal(fixture.InitialCommit, status.HeadCommit);
        Assert.Equal(GitFixture.Branch, status.BranchName);
        Assert.False(status.IsDetached);
        Assert.Equal(tip, status.RemoteTip);
        Assert.Equal(0, status.Ahead);
        Assert.Equal(2, status.Behind);
        Assert.True(status.IsFastForward);
        Assert.False(status.Diverged);
        Assert.Empty(status.DirtyFiles);
    }

    [Fact(Timeout = 60000)]
    public async Task Status_counts_local_commits_as_ahead_and_diverged()
    {
        using var fixture = new GitFixture(s_botFiles);
        fixture.CommitToOrigin("One", new Dictionary<string, string?> { ["a.txt"] = "1" });
        fixture.CommitToOrigin("Two", new Dictionary<string, string?> { ["b.txt"] = "2" });
        var local = fixture.CommitToDeploy(
            "Hotfix on the Pi",
            new Dictionary<string, string?> { ["bot.py"] = "print('patched')\n" }
        );
        using var repository = OpenDeploy(fixture);

        await repository.FetchAsync(CancellationToken.None);
        var status = repository.GetStatus();

        Assert.Equal(local, status.HeadCommit);
        Assert.Equal(1, status.Ahead);
        Assert.Equal(2, status.Behind);
        Assert.False(status.IsFastForward);
        Assert.True(status.Diverged);
    }

    [Fact(Timeout = 60000)]
    public async Task Status_flags_force_pushed_remote_as_diverged()
    {
        using var fixture = new GitFixture(s_botFiles);
        var published = fixture.CommitToOrigin(
            "Published",
            new Dictionary<string, string?> { ["a.txt"] = "1" }
        );
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);
        repository.FastForward(published);

        var rewritten = fixture.ForcePushOrigin(
            "Rewritten",
            new Dictionary<string, string?> { ["a.txt"] = "2" }
        );
        var fetch = await repository.FetchAsync(CancellationToken.None);
        var status = repository.GetStatus();

        Assert.Equal(published, fetch.PreviousTip);
        Assert.Equal(rewritten, fetch.Tip);
        Assert.Equal(rewritten, status.RemoteTip);
        Assert.Equal(1, status.Ahead);
        Assert.Equal(1, status.Behind);
        Assert.False(status.IsFastForward);
        Assert.True(status.Diverged);
    }

    [Fact]
    public void Status_detects_detached_head()
    {
        using var fixture = new GitFixture(s_botFiles);
        fixture.RunGit(fixture.DeployPath, "checkout", "--quiet", "--detach", "HEAD");
        using var repository = OpenDeploy(fixture);

        var status = repository.GetStatus();

        Assert.True(status.IsDetached);
        Assert.Null(status.BranchName);
        Assert.Equal(fixture.InitialCommit, status.HeadCommit);
    }

    [Fact]
    public void Status_lists_only_changed_tracked_files_as_dirty()
    {
        using var fixture = new GitFixture(s_botFiles);
        var deploy = fixture.DeployPath;
        GitFixture.WriteFile(deploy, "bot.py", "print('edited on the Pi')\n");
        GitFixture.WriteFile(deploy, "config.toml", null);
        GitFixture.WriteFile(deploy, "staged.txt", "new\n");
        fixture.RunGit(deploy, "add", "staged.txt");
        GitFixture.WriteFile(deploy, "notes.txt", "untracked\n");
        GitFixture.WriteFile(deploy, "bot.db", "ignored database\n");
        GitFixture.WriteFile(deploy, ".bot_health", "1700000000\n");
        GitFixture.WriteFile(deploy, "venv/lib/site.py", "ignored\n");
        using var repository = OpenDeploy(fixture);

        var status = repository.GetStatus();

        Assert.Equal(["bot.py", "config.toml", "staged.txt"], status.DirtyFiles);
    }

    [Fact]
    public void Status_with_untracked_files_is_clean()
    {
        using var fixture = new GitFixture(s_botFiles);
        GitFixture.WriteFile(fixture.DeployPath, "bot.db", "ignored database\n");
        GitFixture.WriteFile(fixture.DeployPath, "notes.txt", "untracked\n");
        using var repository = OpenDeploy(fixture);

        Assert.Empty(repository.GetStatus().DirtyFiles);
    }

    [Fact(Timeout = 60000)]
    public async Task Untracked_files_blocking_tip_are_listed()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin(
            "Add data and plugins",
            new Dictionary<string, string?>
            {
                ["data.json"] = "{}\n",
                ["plugins"] = "now a file\n",
                ["cogs/music.py"] = "pass\n",
            }
        );
        var deploy = fixture.DeployPath;
        GitFixture.WriteFile(deploy, "data.json", "{\"local\": true}\n");
        GitFixture.WriteFile(deploy, "plugins/local.py", "pass\n");
        GitFixture.WriteFile(deploy, "cogs", "a file where the tip needs a folder\n");
        GitFixture.WriteFile(deploy, "notes.txt", "unrelated\n");
        GitFixture.WriteFile(deploy, "venv/data.json", "ignored\n");
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        var blocking = repository.GetUntrackedFilesOverwrittenBy(tip);

        Assert.Equal(["cogs", "data.json", "plugins/local.py"], blocking);
    }

    [Fact(Timeout = 60000)]
    public async Task Ignored_file_never_blocks_tip()
    {
        using var fixture = new GitFixture(s_botFiles);
        // The tip stops ignoring *.db and adds a seed database, which the checkout still ignores.
        var tip = fixture.CommitToOrigin(
            "Track the database seed",
            new Dictionary<string, string?>
            {
                [".gitignore"] = "venv/\n.bot_health\n",
                ["seed.db"] = "seed\n",
            }
        );
        GitFixture.WriteFile(fixture.DeployPath, "seed.db", "local data\n");
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        Assert.Empty(repository.GetUntrackedFilesOverwrittenBy(tip));
    }
}
