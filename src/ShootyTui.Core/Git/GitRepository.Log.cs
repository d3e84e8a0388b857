using LibGit2Sharp;

namespace ShootyTui.Core.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Lists the commits in <paramref name="tip"/> that HEAD does not contain (HEAD..tip), newest
    /// first, each with its changed files.
    /// </summary>
    /// <param name="tip">Commit to compare with; null means the remote-tracking branch.</param>
    /// <param name="max">Maximum number of commits returned; the newest are kept.</param>
    /// <exception cref="GitOperationException"><paramref name="tip"/> is null and the branch was
    /// never fetched, or <paramref name="tip"/> is unknown.</exception>
    public IReadOnlyList<PendingCommit> GetPendingCommits(string? tip = null, int max = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_sync)
        {
            ThrowIfDisposed();
            var head = HeadTip();
            var target = tip is null ? RequireRemoteTip() : LookupCommit(tip);
            return ListCommits(target, head, max);
        }
    }

    /// <summary>
    /// Lists the commits reachable from <paramref name="to"/> but not from
    /// <paramref name="from"/> (from..to), newest first, each with its changed files.
    /// </summary>
    /// <param name="max">Maximum number of commits returned; the newest are kept.</param>
    public IReadOnlyList<PendingCommit> GetCommits(string from, string to, int max = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_sync)
        {
            ThrowIfDisposed();
            return ListCommits(LookupCommit(to), LookupCommit(from), max);
        }
    }

    private Commit RequireRemoteTip() =>
        RemoteTip()
        ?? throw new GitOperationException(
            $"The checkout at {Path} has no remote-tracking branch {RemoteTrackingBranch}. "
                + "Fetch first (shooty check)."
        );

    private List<PendingCommit> ListCommits(Commit include, Commit exclude, int max)
    {
        var filter = new CommitFilter
        {
            IncludeReachableFrom = include,
            ExcludeReachableFrom = exclude,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        return Repo.Commits.QueryBy(filter).Take(max).Select(ToPendingCommit).ToList();
    }

    private PendingCommit ToPendingCommit(Commit commit)
    {
        var parents = commit.Parents.ToList();
        var firstParentTree = parents.Count > 0 ? parents[0].Tree : null;
        return new PendingCommit(
            commit.Sha,
            Repo.ObjectDatabase.ShortenObjectId(commit, 7),
            commit.Author.Name,
            commit.Author.Email,
            commit.Author.When,
            commit.MessageShort,
            commit.Message.TrimEnd('\n', '\r'),
            DescribeChanges(firstParentTree, commit.Tree),
            parents.Count > 1
        );
    }
}
