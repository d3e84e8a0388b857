using ShootyTui.Core.Git;
using ShootyTui.Tests.Support;
using Xunit;
using static ShootyTui.Tests.Git.TestRepositories;

namespace ShootyTui.Tests.Git;

public class GitRepositoryUpdateTests
{
    private static readonly Dictionary<string, string?> s_botFiles = new()
    {
        [".gitignore"] = "*.db\n",
        ["bot.py"] = "print('v1')\n",
        ["config.toml"] = "prefix = '!'\n",
    };

    private static readonly Dictionary<string, string?> s_update = new()
    {
        ["bot.py"] = "print('v2')\n",
        ["config.toml"] = null,
        ["cogs/music.py"] = "pass\n",
    };

    [Fact(Timeout = 60000)]
    public async Task FastForward_moves_branch_and_work_tree()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin("Version 2", s_update);
        GitFixture.WriteFile(fixture.DeployPath, "bot.db", "live data\n");
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        repository.FastForward(tip);

        var deploy = fixture.DeployPath;
        Assert.Equal(tip, repository.HeadCommit);
        Assert.Equal(tip, fixture.RunGit(deploy, "rev-parse", GitFixture.Branch));
        Assert.Equal(GitFixture.Branch, repository.GetStatus().BranchName);
        Assert.Equal("print('v2')\n", File.ReadAllText(Path.Combine(deploy, "bot.py")));
        Assert.True(File.Exists(Path.Combine(deploy, "cogs", "music.py")));
        Assert.False(File.Exists(Path.Combine(deploy, "config.toml")));
        Assert.Equal("live data\n", File.ReadAllText(Path.Combine(deploy, "bot.db")));
        Assert.Empty(fixture.RunGit(deploy, "status", "--porcelain"));
        Assert.Equal(0, repository.GetStatus().Behind);
    }

    [Fact(Timeout = 60000)]
    public async Task FastForward_on_detached_head_moves_head()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin("Version 2", s_update);
        fixture.RunGit(fixture.DeployPath, "checkout", "--quiet", "--detach", "HEAD");
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        repository.FastForward(tip);

        Assert.Equal(tip, repository.HeadCommit);
        Assert.True(repository.GetStatus().IsDetached);
        Assert.Equal(
            fixture.InitialCommit,
            fixture.RunGit(fixture.DeployPath, "rev-parse", "main")
        );
    }

    [Fact(Timeout = 60000)]
    public async Task FastForward_rejects_force_pushed_tip()
    {
        using var fixture = new GitFixture(s_botFiles);
        var published = fixture.CommitToOrigin("Version 2", s_update);
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);
        repository.FastForward(published);
        var rewritten = fixture.ForcePushOrigin(
            "Version 2, rewritten",
            new Dictionary<string, string?> { ["bot.py"] = "print('v2b')\n" }
        );
        await repository.FetchAsync(CancellationToken.None);

        var error = Assert.Throws<GitOperationException>(() => repository.FastForward(rewritten));

        Assert.Contains(rewritten, error.Message);
        Assert.Contains("force-pushed", error.Message);
        Assert.Equal(published, repository.HeadCommit);
        var botPy = File.ReadAllText(Path.Combine(fixture.DeployPath, "bot.py"));
        Assert.Equal("print('v2')\n", botPy);
    }

    [Fact(Timeout = 60000)]
    public async Task FastForward_rejects_dirty_tracked_file()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin("Version 2", s_update);
        GitFixture.WriteFile(fixture.DeployPath, "config.toml", "prefix = '?'\n");
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        var error = Assert.Throws<GitOperationException>(() => repository.FastForward(tip));

        Assert.Contains("config.toml", error.Message);
        Assert.Equal(fixture.InitialCommit, repository.HeadCommit);
        var config = File.ReadAllText(Path.Combine(fixture.DeployPath, "config.toml"));
        Assert.Equal("prefix = '?'\n", config);
    }

    [Fact(Timeout = 60000)]
    public async Task FastForward_rejects_untracked_file_in_the_way()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin("Version 2", s_update);
        GitFixture.WriteFile(fixture.DeployPath, "cogs/music.py", "my local cog\n");
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        var error = Assert.Throws<GitOperationException>(() => repository.FastForward(tip));

        Assert.Contains("cogs/music.py", error.Message);
        Assert.Equal(fixture.InitialCommit, repository.HeadCommit);
        var cog = File.ReadAllText(Path.Combine(fixture.DeployPath, "cogs", "music.py"));
        Assert.Equal("my local cog\n", cog);
    }

    [Fact(Timeout = 60000)]
    public async Task ResetHard_returns_to_previous_commit()
    {
        using var fixture = new GitFixture(s_botFiles);
        var tip = fixture.CommitToOrigin("Version 2", s_update);
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);
        repository.FastForward(tip);
        var deploy = fixture.DeployPath;
        GitFixture.WriteFile(deploy, "bot.py", "print('broken edit')\n");
        GitFixture.WriteFile(deploy, "notes.txt", "kept\n");

        repository.ResetHard(fixture.InitialCommit);

        Assert.Equal(fixture.InitialCommit, repository.HeadCommit);
        Assert.Equal(fixture.InitialCommit, fixture.RunGit(deploy, "rev-parse", GitFixture.Branch));
        Assert.Equal("print('v1')\n", File.ReadAllText(Path.Combine(deploy, "bot.py")));
        Assert.True(File.Exists(Path.Combine(deploy, "config.toml")));
        Assert.False(File.Exists(Path.Combine(deploy, "cogs", "music.py")));
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(deploy, "notes.txt")));
        Assert.Empty(repository.GetStatus().DirtyFiles);
    }
}
