using LibGit2Sharp;

namespace ShootyTui.Core.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Reads HEAD, the remote-tracking branch and the tracked files' state, without network
    /// access. Fetch first for an up-to-date remote tip.
    /// </summary>
    public GitStatus GetStatus()
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            var head = HeadTip();
            var isDetached = Repo.Info.IsHeadDetached;
            var remoteTip = RemoteTip();

            var (ahead, behind) = remoteTip is null ? (0, 0) : CountDivergence(head, remoteTip);
            var isFastForward = remoteTip is not null && ahead == 0;
            return new GitStatus(
                head.Sha,
                isDetached ? null : Repo.Head.FriendlyName,
                isDetached,
                remoteTip?.Sha,
                ahead,
                behind,
                isFastForward,
                Diverged: remoteTip is not null && !isFastForward,
                ListDirtyFiles()
            );
        }
    }

    /// <summary>
    /// Lists untracked, non-ignored files in the work tree that checking out
    /// <paramref name="tip"/> would overwrite: files at a path that HEAD..tip adds, files inside
    /// a folder at such a path, and files where the tip needs a folder. Ignored files (virtualenv,
    /// database, heartbeat) are not listed; git replaces them without asking.
    /// </summary>
    public IReadOnlyList<string> GetUntrackedFilesOverwrittenBy(string tip)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            return ListUntrackedFilesOverwrittenBy(HeadTip(), LookupCommit(tip));
        }
    }

    private (int Ahead, int Behind) CountDivergence(Commit head, Commit remoteTip)
    {
        var divergence = Repo.ObjectDatabase.CalculateHistoryDivergence(head, remoteTip);
        if (divergence.AheadBy is int ahead && divergence.BehindBy is int behind)
        {
            return (ahead, behind);
        }

        // Unrelated histories have no merge base, so every commit on each side counts.
        return (CountCommits(head, remoteTip), CountCommits(remoteTip, head));
    }

    private int CountCommits(Commit include, Commit exclude) =>
        Repo
            .Commits.QueryBy(
                new CommitFilter { IncludeReachableFrom = include, ExcludeReachableFrom = exclude }
            )
            .Count();

    private List<string> ListDirtyFiles()
    {
        var options = new StatusOptions
        {
            IncludeUntracked = false,
            IncludeIgnored = false,
            RecurseIgnoredDirs = false,
        };

        // Masking out the untracked and ignored bits keeps a tracked file that is also listed as
        // something else, and drops everything that is only untracked or ignored.
        const FileStatus NotTracked = FileStatus.NewInWorkdir | FileStatus.Ignored;
        return Repo.RetrieveStatus(options)
            .Where(entry => (entry.State & ~NotTracked) != FileStatus.Unaltered)
            .Select(entry => entry.FilePath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private List<string> ListUntrackedFilesOverwrittenBy(Commit head, Commit tip)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        using (var changes = CompareTrees(head.Tree, tip.Tree, detectRenames: false))
        {
            added.UnionWith(
                changes.Where(change => change.Status == ChangeKind.Added).Select(c => c.Path)
            );
        }

        if (added.Count == 0)
        {
            return [];
        }

        var addedFolders = new HashSet<string>(
            added.SelectMany(ParentFolders),
            StringComparer.Ordinal
        );
        var options = new StatusOptions
        {
            IncludeUntracked = true,
            RecurseUntrackedDirs = true,
            IncludeIgnored = false,
        };

        return Repo.RetrieveStatus(options)
            .Untracked.Select(entry => entry.FilePath)
            .Where(path =>
                added.Contains(path)
                || addedFolders.Contains(path)
                || ParentFolders(path).Any(added.Contains)
            )
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> ParentFolders(string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }
}
