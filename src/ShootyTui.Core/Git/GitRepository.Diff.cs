using LibGit2Sharp;

namespace ShootyTui.Core.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Returns true when a file matching any of <paramref name="paths"/> differs between the two
    /// commits. A rename counts for both its old and its new path.
    /// </summary>
    /// <param name="paths">Repository-relative paths or globs, matched as
    /// <see cref="PathGlob"/> describes: "requirements.txt", "requirements*.txt", "deps/",
    /// "**/*.lock".</param>
    public bool AnyFileChanged(string fromCommit, string toCommit, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var glob = new PathGlob(paths);
        lock (_sync)
        {
            ThrowIfDisposed();
            var from = LookupCommit(fromCommit);
            var to = LookupCommit(toCommit);
            using var changes = CompareTrees(from.Tree, to.Tree, detectRenames: false);
            return changes.Any(change =>
                glob.IsMatch(change.Path) || (change.OldPath is { } old && glob.IsMatch(old))
            );
        }
    }

    /// <summary>
    /// Lists the files that differ between the trees of two commits, with renames detected and
    /// line counts per file.
    /// </summary>
    public IReadOnlyList<FileChange> GetChanges(string fromCommit, string toCommit)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            return DescribeChanges(LookupCommit(fromCommit).Tree, LookupCommit(toCommit).Tree);
        }
    }

    private TreeChanges CompareTrees(Tree? from, Tree to, bool detectRenames)
    {
        var options = new CompareOptions
        {
            Similarity = detectRenames ? SimilarityOptions.Renames : SimilarityOptions.None,
        };
        return Repo.Diff.Compare<TreeChanges>(from, to, options);
    }

    // Statuses come from TreeChanges and line counts from PatchStats, never from Patch, because
    // Diff.Compare<Patch> crashes under NativeAOT with LibGit2Sharp 0.32.0.
    private List<FileChange> DescribeChanges(Tree? from, Tree to)
    {
        var options = new CompareOptions { Similarity = SimilarityOptions.Renames };
        using var changes = Repo.Diff.Compare<TreeChanges>(from, to, options);
        using var stats = Repo.Diff.Compare<PatchStats>(from, to, options);

        var files = new List<FileChange>();
        foreach (var change in changes)
        {
            var lineCounts = stats[change.Path];
            var added = lineCounts?.LinesAdded ?? 0;
            var deleted = lineCounts?.LinesDeleted ?? 0;
            var hasOldPath = change.Status is ChangeKind.Renamed or ChangeKind.Copied;
            files.Add(
                new FileChange(
                    change.Path,
                    StatusName(change.Status),
                    added,
                    deleted,
                    hasOldPath ? change.OldPath : null
                )
            );
        }

        return files;
    }

    private static string StatusName(ChangeKind kind) =>
        kind switch
        {
            ChangeKind.Added => "added",
            ChangeKind.Modified => "modified",
            ChangeKind.Deleted => "deleted",
            ChangeKind.Renamed => "renamed",
            ChangeKind.Copied => "copied",
            ChangeKind.TypeChanged => "typechange",
            _ => kind.ToString().ToLowerInvariant(),
        };
}
