using ShootyTui.Core.Git;
using ShootyTui.Tests.Support;
using Xunit;
using static ShootyTui.Tests.Git.TestRepositories;

namespace ShootyTui.Tests.Git;

public class GitRepositoryLogTests
{
    [Fact(Timeout = 60000)]
    public async Task Merge_commit_is_listed_with_first_parent_changes()
    {
        using var fixture = new GitFixture();
        var onMain = fixture.CommitToOrigin(
            "Tweak readme",
            new Dictionary<string, string?> { ["README.md"] = "# Bot\n\nTweaked.\n" }
        );
        var merge = fixture.MergeBranchToOrigin(
            "music",
            "Add music cog",
            new Dictionary<string, string?> { ["cogs/music.py"] = "import discord\npass\n" }
        );
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        var pending = repository.GetPendingCommits();

        Assert.Equal(3, pending.Count);
        Assert.Equal(merge, pending[0].Sha);
        Assert.True(pending[0].IsMerge);
        Assert.Equal("Merge music", pending[0].Subject);
        Assert.Equal([new FileChange("cogs/music.py", "added", 2, 0, null)], pending[0].Files);
        Assert.Contains(pending, c => c.Sha == onMain && !c.IsMerge);
        Assert.Contains(pending, c => c.Subject == "Add music cog" && !c.IsMerge);
    }

    [Fact(Timeout = 60000)]
    public async Task Pending_commits_keep_newest_up_to_max()
    {
        using var fixture = new GitFixture();
        var shas = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var files = new Dictionary<string, string?> { ["counter.txt"] = $"{i}\n" };
            shas.Add(fixture.CommitToOrigin($"Commit {i}", files));
        }

        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        var pending = repository.GetPendingCommits(max: 2);

        Assert.Equal([shas[2], shas[1]], pending.Select(c => c.Sha));
    }

    [Fact(Timeout = 60000)]
    public async Task Pending_commits_stop_at_explicit_tip()
    {
        using var fixture = new GitFixture();
        var first = fixture.CommitToOrigin(
            "First",
            new Dictionary<string, string?> { ["a"] = "1" }
        );
        fixture.CommitToOrigin("Second", new Dictionary<string, string?> { ["b"] = "2" });
        using var repository = OpenDeploy(fixture);
        await repository.FetchAsync(CancellationToken.None);

        var pending = repository.GetPendingCommits(first[..10]);

        Assert.Equal([first], pending.Select(c => c.Sha));
    }

    [Fact]
    public void Pending_commits_at_remote_tip_are_empty()
    {
        using var fixture = new GitFixture();
        using var repository = OpenDeploy(fixture);

        Assert.Empty(repository.GetPendingCommits());
    }

    [Fact]
    public void GetCommits_lists_range_newest_first()
    {
        using var fixture = new GitFixture();
        var first = fixture.CommitToOrigin("One", new Dictionary<string, string?> { ["a"] = "1" });
        var second = fixture.CommitToOrigin("Two", new Dictionary<string, string?> { ["b"] = "2" });
        var third = fixture.CommitToOrigin(
            "Three",
            new Dictionary<string, string?> { ["c"] = "3" }
        );
        using var repository = OpenUpstream(fixture);

        var commits = repository.GetCommits(first, third);

        Assert.Equal([third, second], commits.Select(c => c.Sha));
    }

    [Fact]
    public void ResolveCommit_accepts_short_hash_branch_and_tag()
    {
        using var fixture = new GitFixture();
        var tip = fixture.CommitToOrigin("Tip", new Dictionary<string, string?> { ["a"] = "1" });
        fixture.RunGit(fixture.UpstreamPath, "tag", "-a", "v1.0", "-m", "Release 1.0", tip);
        using var repository = OpenUpstream(fixture);

        Assert.Equal(tip, repository.ResolveCommit(tip[..8]));
        Assert.Equal(tip, repository.ResolveCommit(GitFixture.Branch));
        Assert.Equal(tip, repository.ResolveCommit("origin/main"));
        Assert.Equal(tip, repository.ResolveCommit("v1.0"));
        Assert.Equal(fixture.InitialCommit, repository.ResolveCommit("HEAD~1"));
    }

    [Fact]
    public void ResolveCommit_of_unknown_name_says_to_fetch()
    {
        using var fixture = new GitFixture();
        using var repository = OpenDeploy(fixture);

        var error = Assert.Throws<GitOperationException>(() =>
            repository.ResolveCommit("no-such-branch")
        );

        Assert.Contains("'no-such-branch'", error.Message);
        Assert.Contains("Fetch first", error.Message);
    }

    [Fact]
    public void ResolveCommit_of_a_file_blob_is_rejected()
    {
        using var fixture = new GitFixture();
        using var repository = OpenDeploy(fixture);

        var error = Assert.Throws<GitOperationException>(() =>
            repository.ResolveCommit("HEAD:README.md")
        );

        Assert.Contains("not a commit", error.Message);
    }

    [Fact]
    public void IsAncestor_follows_history()
    {
        using var fixture = new GitFixture();
        var tip = fixture.CommitToOrigin("Tip", new Dictionary<string, string?> { ["a"] = "1" });
        using var repository = OpenUpstream(fixture);

        Assert.True(repository.IsAncestor(fixture.InitialCommit, tip));
        Assert.False(repository.IsAncestor(tip, fixture.InitialCommit));
        Assert.True(repository.IsAncestor(tip, tip));
    }
}
