using System.Diagnostics;
using ShootyTui.Core.Git;
using ShootyTui.Tests.Support;
using Xunit;
using static ShootyTui.Tests.Git.TestRepositories;

namespace ShootyTui.Tests.Git;

public class GitRepositoryFetchTests
{
    private static readonly Dictionary<string, string?> s_botFiles = new()
    {
        ["README.md"] = "# Bot\n",
        ["bot.py"] = "print('hello')\nprint('ready')\n",
        ["config.toml"] = "prefix = '!'\n",
    };

    [Fact(Timeout = 60000)]
    public async Task Fetch_lists_pending_commits_with_details()
    {
        using var fixture = new GitFixture(s_botFiles);
        var fixDate = new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2));
        var fix = fixture.CommitToOrigin(
            "Fix greeting\n\nSay hi instead of hello.",
            new Dictionary<string, string?> { ["bot.py"] = "print('hi')\nprint('ready')\n" },
            fixDate
        );
        var feature = fixture.CommitToOrigin(
            "Add feature file",
            new Dictionary<string, string?> { ["feat.txt"] = "one\ntwo\n", ["config.toml"] = null }
        );
        using var repository = OpenDeploy(fixture);

        var result = await repository.FetchAsync(CancellationToken.None);
        var pending = repository.GetPendingCommits();

        Assert.Equal(fixture.InitialCommit, result.PreviousTip);
        Assert.Equal(feature, result.Tip);
        Assert.True(result.Changed);
        Assert.Equal([feature, fix], pending.Select(c => c.Sha));

        var fixCommit = pending[1];
        Assert.Equal(GitFixture.AuthorName, fixCommit.Author);
        Assert.Equal(GitFixture.AuthorEmail, fixCommit.AuthorEmail);
        Assert.Equal(fixDate, fixCommit.Date);
        Assert.Equal(fixDate.Offset, fixCommit.Date.Offset);
        Assert.Equal("Fix greeting", fixCommit.Subject);
        Assert.Equal("Fix greeting\n\nSay hi instead of hello.", fixCommit.Message);
        Assert.StartsWith(fixCommit.ShortSha, fix);
        Assert.True(fixCommit.ShortSha.Length >= 7);
        Assert.False(fixCommit.IsMerge);
        Assert.Equal([new FileChange("bot.py", "modified", 1, 1, null)], fixCommit.Files);

        var featureFiles = pending[0].Files.OrderBy(f => f.Path, StringComparer.Ordinal);
        Assert.Equal(
            [
                new FileChange("config.toml", "deleted", 0, 1, null),
                new FileChange("feat.txt", "added", 2, 0, null),
            ],
            featureFiles
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Fetch_reports_unchanged_tip_on_second_fetch()
    {
        using var fixture = new GitFixture();
        var tip = fixture.CommitToOrigin("Change", new Dictionary<string, string?> { ["a"] = "1" });
        using var repository = OpenDeploy(fixture);

        await repository.FetchAsync(CancellationToken.None);
        var second = await repository.FetchAsync(CancellationToken.None);

        Assert.Equal(tip, second.PreviousTip);
        Assert.Equal(tip, second.Tip);
        Assert.False(second.Changed);
    }

    [Theory(Timeout = 60000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fetch_accepts_file_url_and_plain_path(bool useFileUrl)
    {
        using var fixture = new GitFixture();
        var url = useFileUrl ? fixture.OriginFileUrl : fixture.OriginPath;
        fixture.RunGit(fixture.DeployPath, "remote", "set-url", "origin", url);
        var tip = fixture.CommitToOrigin("Change", new Dictionary<string, string?> { ["a"] = "1" });
        using var repository = OpenDeploy(fixture);

        var result = await repository.FetchAsync(CancellationToken.None);

        Assert.Equal(tip, result.Tip);
        Assert.Equal(tip, repository.GetStatus().RemoteTip);
    }

    [Fact(Timeout = 60000)]
    public async Task Fetch_from_missing_remote_path_names_url()
    {
        using var fixture = new GitFixture();
        var missing = Path.Combine(fixture.RootPath, "gone.git");
        fixture.RunGit(fixture.DeployPath, "remote", "set-url", "origin", missing);
        using var repository = OpenDeploy(fixture);

        var error = await Assert.ThrowsAsync<GitOperationException>(() =>
            repository.FetchAsync(CancellationToken.None)
        );

        Assert.Contains(missing, error.Message);
        Assert.Contains("remote set-url", error.Message);
    }

    [Fact(Timeout = 60000)]
    public async Task Fetch_with_unconfigured_remote_lists_known_remotes()
    {
        using var fixture = new GitFixture();
        using var repository = new GitRepository(
            fixture.DeployPath,
            "upstream",
            GitFixture.Branch,
            Serilog.Core.Logger.None
        );

        var error = await Assert.ThrowsAsync<GitOperationException>(() =>
            repository.FetchAsync(CancellationToken.None)
        );

        Assert.Contains("'upstream' is not configured", error.Message);
        Assert.Contains("origin", error.Message);
    }

    [Fact(Timeout = 60000)]
    public async Task Fetch_of_branch_missing_on_remote_names_branch()
    {
        using var fixture = new GitFixture();
        using var repository = new GitRepository(
            fixture.DeployPath,
            "origin",
            "release",
            Serilog.Core.Logger.None
        );

        var error = await Assert.ThrowsAsync<GitOperationException>(() =>
            repository.FetchAsync(CancellationToken.None)
        );

        Assert.Contains("'release'", error.Message);
        Assert.Contains(fixture.OriginPath, error.Message);
    }

    [Fact(Timeout = 60000)]
    public async Task Fetch_over_ssh_to_closed_port_fails_fast()
    {
        Assert.True(IsOnPath("ssh"), "The ssh client is not installed; this test needs it.");
        using var fixture = new GitFixture();
        const string Url = "ssh://git@127.0.0.1:1/x.git";
        fixture.RunGit(fixture.DeployPath, "remote", "set-url", "origin", Url);
        var sshLog = Path.Combine(fixture.RootPath, "state", "ssh.log");
        using var repository = new GitRepository(
            fixture.DeployPath,
            "origin",
            GitFixture.Branch,
            Serilog.Core.Logger.None,
            sshLog
        );

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<GitOperationException>(() =>
            repository.FetchAsync(CancellationToken.None)
        );
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"took {stopwatch.Elapsed}");
        Assert.Contains(Url, error.Message);
        Assert.Contains("ssh -T -p 1 git@127.0.0.1", error.Message);
        Assert.Contains(sshLog, error.Message);
        // ssh's error goes to the log file, not to the terminal.
        Assert.Contains("Connection refused", File.ReadAllText(sshLog));
        Assert.Equal("0", Environment.GetEnvironmentVariable("GIT_TERMINAL_PROMPT"));
    }

    [Fact(Timeout = 60000)]
    public async Task Fetch_with_cancelled_token_throws_operation_cancelled()
    {
        using var fixture = new GitFixture();
        using var repository = OpenDeploy(fixture);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            repository.FetchAsync(cancellation.Token)
        );
    }

    private static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
