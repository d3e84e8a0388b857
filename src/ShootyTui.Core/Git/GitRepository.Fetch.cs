using System.Diagnostics;
using LibGit2Sharp;

namespace ShootyTui.Core.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Fetches the tracked branch from the remote and updates the remote-tracking branch, forced
    /// so that a force-pushed remote is still recorded. Runs on the thread pool.
    /// </summary>
    /// <remarks>
    /// Over ssh, libgit2 starts the system ssh client. Unless the user set GIT_SSH_COMMAND or
    /// GIT_SSH, or the checkout sets core.sshCommand, ssh runs in batch mode, so a missing key or
    /// an unknown host fails instead of prompting, and its stderr goes to the ssh log file.
    /// Fetches in one process run one at a time because these settings are process-wide.
    /// </remarks>
    /// <exception cref="GitOperationException">The remote is not configured, unreachable, or does
    /// not have the branch. The message names the remote URL and the next step.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was
    /// cancelled.</exception>
    public async Task<FetchResult> FetchAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        await GitSshEnvironment.FetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Fetch(cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            GitSshEnvironment.FetchGate.Release();
        }
    }

    private FetchResult Fetch(CancellationToken cancellationToken)
    {
        // A handle of its own keeps the fetch off _sync. The main handle finds the new refs and
        // objects afterwards because libgit2 rereads refs and rescans packs on a lookup miss.
        using var repository = Open(Path);
        var remote = repository.Network.Remotes[_remote]
            ?? throw new GitOperationException(
                $"Remote '{_remote}' is not configured in {Path}. Add it with "
                    + $"`git -C {Path} remote add {_remote} URL`, or set [bot] remote to one of: "
                    + $"{string.Join(", ", repository.Network.Remotes.Select(r => r.Name))}."
            );
        var url = remote.Url;
        var shownUrl = RemoteUrl.Redact(url);

        var repositorySshCommand = repository.Config.Get<string>("core.sshCommand")?.Value;
        GitSshEnvironment.Apply(_sshLogPath, repositorySshCommand is not null, _log);

        var previousTip = repository.Branches[RemoteTrackingBranch]?.Tip?.Sha;
        var options = new FetchOptions
        {
            OnProgress = _ => !cancellationToken.IsCancellationRequested,
            OnTransferProgress = _ => !cancellationToken.IsCancellationRequested,
        };
        string[] refspecs = [$"+refs/heads/{_branch}:refs/remotes/{_remote}/{_branch}"];

        var stopwatch = Stopwatch.StartNew();
        using var run = Commands?.Begin(
            $"git fetch {_remote} {refspecs[0]}",
            Path,
            inProcess: true
        );
        try
        {
            LibGit2Sharp.Commands.Fetch(
                repository,
                _remote,
                refspecs,
                options,
                $"shooty: fetch {_remote} {_branch}"
            );
        }
        catch (LibGit2SharpException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var error = new GitOperationException(
                $"Fetching branch '{_branch}' from remote '{_remote}' ({shownUrl}) failed: "
                    + $"{e.Message.TrimEnd('.')}. "
                    + RemoteUrl.NextStep(url, Path, _remote, _sshLogPath),
                e
            );
            run?.Finish(1, error.Message);
            throw error;
        }

        var tip = repository.Branches[RemoteTrackingBranch]?.Tip?.Sha;
        if (tip is null)
        {
            var error = new GitOperationException(
                $"Branch '{_branch}' was not found on remote '{_remote}' ({shownUrl}). "
                    + "Check [bot] branch, or push the branch to the remote."
            );
            run?.Finish(1, error.Message);
            throw error;
        }

        run?.Finish(0, DescribeFetch(shownUrl, previousTip, tip));

        _log.Information(
            "Fetched {Remote}/{Branch} from {Url} in {ElapsedMs} ms: {PreviousTip} -> {Tip}",
            _remote,
            _branch,
            shownUrl,
            stopwatch.ElapsedMilliseconds,
            previousTip ?? "(none)",
            tip
        );
        return new FetchResult(previousTip, tip, previousTip != tip);
    }

    /// <summary>Describes a fetch's result in the shape of git's own fetch output.</summary>
    private string DescribeFetch(string shownUrl, string? previousTip, string tip)
    {
        var range = previousTip is null ? "[new branch]" : $"{previousTip[..7]}..{tip[..7]}";
        return previousTip == tip
            ? $"From {shownUrl}\n{RemoteTrackingBranch} is unchanged at {tip}"
            : $"From {shownUrl}\n   {range}  {_branch} -> {RemoteTrackingBranch}";
    }
}
