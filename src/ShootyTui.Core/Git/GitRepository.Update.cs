using LibGit2Sharp;

namespace ShootyTui.Core.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Moves the checked-out branch (or a detached HEAD) and the work tree forward to
    /// <paramref name="tip"/>. Does nothing when HEAD already is the tip.
    /// </summary>
    /// <exception cref="GitOperationException">The tip does not descend from HEAD, tracked files
    /// have uncommitted changes, or untracked files are in the way. Nothing is changed
    /// then.</exception>
    public void FastForward(string tip)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            var head = HeadTip();
            var target = LookupCommit(tip);
            if (head.Id == target.Id)
            {
                _log.Information("{Path} is already at {Commit}", Path, target.Sha);
                return;
            }

            using var run = Commands?.Begin(
                $"git merge --ff-only {target.Sha}",
                Path,
                inProcess: true
            );
            try
            {
                EnsureCanFastForward(head, target, tip);
            }
            catch (GitOperationException e)
            {
                run?.Finish(1, e.Message);
                throw;
            }

            var options = new MergeOptions
            {
                FastForwardStrategy = FastForwardStrategy.FastForwardOnly,
                CommitOnSuccess = false,
            };
            try
            {
                Repo.Merge(target, UpdateSignature(), options);
            }
            catch (LibGit2SharpException e)
            {
                var error = new GitOperationException(
                    $"Fast-forwarding {Path} to {target.Sha} failed: {e.Message}. "
                        + $"Check the work tree with `git -C {Path} status`.",
                    e
                );
                run?.Finish(1, error.Message);
                throw error;
            }

            run?.Finish(0, $"Updating {head.Sha[..7]}..{target.Sha[..7]}\nFast-forward");

            _log.Information(
                "Fast-forwarded {Path} from {From} to {To}",
                Path,
                head.Sha,
                target.Sha
            );
        }
    }

    /// <summary>
    /// Points the checked-out branch (or a detached HEAD), the index and the work tree at
    /// <paramref name="commit"/>, discarding changes to tracked files. Untracked and ignored
    /// files stay.
    /// </summary>
    public void ResetHard(string commit)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            var target = LookupCommit(commit);
            var before = Repo.Head.Tip?.Sha;
            using var run = Commands?.Begin(
                $"git reset --hard {target.Sha}",
                Path,
                inProcess: true
            );
            try
            {
                Repo.Reset(ResetMode.Hard, target);
            }
            catch (LibGit2SharpException e)
            {
                var error = new GitOperationException(
                    $"Resetting {Path} to {target.Sha} failed: {e.Message}. "
                        + $"Run `git -C {Path} reset --hard {target.Sha}` to see the cause.",
                    e
                );
                run?.Finish(1, error.Message);
                throw error;
            }

            run?.Finish(0, $"HEAD is now at {target.Sha[..7]} {target.MessageShort}");

            _log.Information(
                "Reset {Path} from {From} to {To}",
                Path,
                before ?? "(none)",
                target.Sha
            );
        }
    }

    private void EnsureCanFastForward(Commit head, Commit target, string tip)
    {
        if (!IsAncestor(head, target))
        {
            throw new GitOperationException(
                $"Cannot fast-forward {Path} to '{tip}' ({target.Sha}) because it does not "
                    + $"contain HEAD ({head.Sha}): the remote was force-pushed or the checkout "
                    + "has local commits. Compare them with "
                    + $"`git -C {Path} log --oneline --graph HEAD {target.Sha}`, then reset "
                    + "explicitly if the remote is right."
            );
        }

        var dirty = ListDirtyFiles();
        if (dirty.Count > 0)
        {
            throw new GitOperationException(
                $"Cannot update {Path}: tracked files have uncommitted changes "
                    + $"({DescribeFiles(dirty)}). Commit or stash them, or discard them with "
                    + $"`git -C {Path} checkout -- FILE`."
            );
        }

        var blocking = ListUntrackedFilesOverwrittenBy(head, target);
        if (blocking.Count > 0)
        {
            throw new GitOperationException(
                $"Cannot update {Path}: untracked files are in the way of files that "
                    + $"{target.Sha} adds ({DescribeFiles(blocking)}). Move or delete them first."
            );
        }
    }

    private Signature UpdateSignature() =>
        Repo.Config.BuildSignature(DateTimeOffset.Now)
        ?? new Signature("shooty", "shooty@localhost", DateTimeOffset.Now);

    private static string DescribeFiles(IReadOnlyList<string> files)
    {
        const int MaxListed = 5;
        var list = string.Join(", ", files.Take(MaxListed));
        return files.Count > MaxListed ? $"{list} and {files.Count - MaxListed} more" : list;
    }
}
