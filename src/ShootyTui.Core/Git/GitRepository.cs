using LibGit2Sharp;
using Serilog;

namespace ShootyTui.Core.Git;

/// <summary>
/// The deployment checkout: a non-bare git working tree that tracks <c>remote</c>/<c>branch</c>.
/// </summary>
/// <remarks>
/// LibGit2Sharp is synchronous and a libgit2 repository handle must not be used by two threads at
/// once, so every member takes a lock. <see cref="FetchAsync"/> is the only network operation; it
/// runs on the thread pool with a handle of its own and does not block the other members.
/// </remarks>
public sealed partial class GitRepository : IDisposable
{
    // Repository ownership: libgit2 rejects a checkout owned by another user, as git does with
    // "dubious ownership". The check stays on. With the ssh_exec transport, libgit2 runs the
    // checkout's core.sshCommand, so without the check the owner of the checkout could run
    // commands as whoever runs shooty (often root through sudo). The error message tells the
    // admin to run shooty as the owner or to add the path to safe.directory.
    private Repository _repository;
    private string _openedTarget;
    private readonly string _remote;
    private readonly string _branch;
    private readonly string? _sshLogPath;
    private readonly ILogger _log;
    private readonly Lock _sync = new();
    private bool _disposed;

    /// <summary>
    /// Opens the working tree at <paramref name="path"/>.
    /// </summary>
    /// <param name="remote">Name of the configured remote to fetch, such as "origin".</param>
    /// <param name="branch">Branch on that remote that the checkout follows.</param>
    /// <param name="sshLogPath">File that receives ssh's stderr during fetches over ssh, unless
    /// the user configured an ssh command (see <see cref="FetchAsync"/>). Null leaves ssh's
    /// stderr on the process's stderr.</param>
    /// <exception cref="GitOperationException">The path is not a usable git working
    /// tree.</exception>
    public GitRepository(
        string path,
        string remote,
        string branch,
        ILogger log,
        string? sshLogPath = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(remote);
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        ArgumentNullException.ThrowIfNull(log);
        ValidateNames(remote, branch);

        Path = System.IO.Path.GetFullPath(path);
        _remote = remote;
        _branch = branch;
        _sshLogPath = sshLogPath;
        _log = log.ForContext<GitRepository>();
        _repository = Open(Path);
        _openedTarget = LinkTarget(Path);
    }

    /// <summary>Absolute path of the working tree.</summary>
    public string Path { get; }

    /// <summary>
    /// Receives fetch, fast-forward and reset as the git commands they stand for, when set.
    /// </summary>
    public Processes.CommandLog? Commands { get; init; }

    /// <summary>Full 40-character hash of HEAD.</summary>
    /// <exception cref="GitOperationException">HEAD has no commit yet.</exception>
    public string HeadCommit
    {
        get
        {
            lock (_sync)
            {
                ThrowIfDisposed();
                return HeadTip().Sha;
            }
        }
    }

    /// <summary>
    /// Resolves a short hash, branch, remote-tracking branch, tag or revision expression to the
    /// full hash of the commit it names.
    /// </summary>
    /// <exception cref="GitOperationException">Nothing in the repository matches, or the match
    /// is ambiguous or not a commit.</exception>
    public string ResolveCommit(string committish)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            return LookupCommit(committish).Sha;
        }
    }

    /// <summary>
    /// Returns true when <paramref name="ancestor"/> is reachable from
    /// <paramref name="descendant"/>, including when both name the same commit.
    /// </summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            return IsAncestor(LookupCommit(ancestor), LookupCommit(descendant));
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _repository.Dispose();
        }
    }

    private string RemoteTrackingBranch => $"{_remote}/{_branch}";

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private Commit HeadTip() =>
        Repo.Head.Tip
        ?? throw new GitOperationException(
            $"The checkout at {Path} has no commit yet (HEAD is unborn). "
                + "Clone the bot's repository into it first."
        );

    private Commit? RemoteTip() => Repo.Branches[RemoteTrackingBranch]?.Tip;

    private bool IsAncestor(Commit ancestor, Commit descendant)
    {
        if (ancestor.Id == descendant.Id)
        {
            return true;
        }

        return Repo.ObjectDatabase.FindMergeBase(ancestor, descendant)?.Id == ancestor.Id;
    }

    private Commit LookupCommit(string committish)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(committish);

        GitObject? target;
        try
        {
            target = Repo.Lookup(committish);
        }
        catch (AmbiguousSpecificationException e)
        {
            throw new GitOperationException(
                $"'{committish}' is ambiguous or too short in {Path}. "
                    + "Give at least 7 characters of the commit hash, "
                    + "or a full branch or tag name.",
                e
            );
        }
        catch (LibGit2SharpException e)
        {
            throw new GitOperationException(
                $"'{committish}' is not a valid commit name in {Path} ({e.Message}). "
                    + "Give a commit hash, branch or tag.",
                e
            );
        }

        if (target is null)
        {
            throw new GitOperationException(
                $"Commit '{committish}' was not found in {Path}. "
                    + "Fetch first, or check the hash, branch or tag name."
            );
        }

        try
        {
            return target.Peel<Commit>();
        }
        catch (LibGit2SharpException e)
        {
            throw new GitOperationException(
                $"'{committish}' in {Path} names a {target.GetType().Name.ToLowerInvariant()}, "
                    + "not a commit. Give a commit hash, branch or tag.",
                e
            );
        }
    }

    private static void ValidateNames(string remote, string branch)
    {
        if (!Reference.IsValidName($"refs/remotes/{remote}/{branch}"))
        {
            throw new ArgumentException(
                $"'{remote}/{branch}' is not a valid remote and branch name. "
                    + "Check [bot] remote and [bot] branch.",
                nameof(branch)
            );
        }
    }

    /// <summary>
    /// The repository at the path's current target. libgit2 resolves symbolic links when it
    /// opens a repository, so a switched blue-green link needs the repository opened again.
    /// </summary>
    private Repository Repo
    {
        get
        {
            var target = LinkTarget(Path);
            if (target != _openedTarget)
            {
                var reopened = Open(Path);
                _repository.Dispose();
                _repository = reopened;
                _openedTarget = target;
                _log.Information("Reopened {Path}, which now points at {Target}", Path, target);
            }

            return _repository;
        }
    }

    private static string LinkTarget(string path) =>
        new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static Repository Open(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new GitOperationException(
                $"The deployment folder {path} does not exist. "
                    + "Check [bot] path or clone the bot's repository there."
            );
        }

        try
        {
            var repository = new Repository(path);
            if (repository.Info.IsBare)
            {
                repository.Dispose();
                throw new GitOperationException(
                    $"{path} is a bare repository without a working tree. "
                        + "Point [bot] path at a checkout made with git clone."
                );
            }

            return repository;
        }
        catch (RepositoryNotFoundException e)
        {
            throw new GitOperationException(
                $"{path} is not a git checkout. "
                    + "Point [bot] path at a folder made with git clone.",
                e
            );
        }
        catch (LibGit2SharpException e) when (e.Message.Contains("not owned by current user"))
        {
            throw new GitOperationException(
                $"{path} belongs to another user, and git refuses to open it. Run shooty as "
                    + "the owner of the checkout, or trust it with "
                    + $"`git config --global --add safe.directory {path}`.",
                e
            );
        }
        catch (LibGit2SharpException e)
        {
            throw new GitOperationException(
                $"Opening the git checkout at {path} failed: {e.Message}. "
                    + $"Check it with `git -C {path} status`.",
                e
            );
        }
    }
}
