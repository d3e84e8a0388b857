using System.Diagnostics;

namespace ShootyTui.Core.Processes;

/// <summary>Ends a whole process group: SIGTERM, a grace period, then SIGKILL.</summary>
public static class ProcessGroup
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // Time allowed for the kernel to tear processes down after SIGKILL. Only processes stuck in
    // uninterruptible sleep (state D, for example on a hung NFS mount) should ever need longer.
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends SIGTERM to group <paramref name="pgid"/>, waits up to <paramref name="grace"/> for
    /// every member to exit, then sends SIGKILL and waits for the group to empty.
    /// </summary>
    public static async Task<GroupTermination> TerminateAsync(
        int pgid,
        TimeSpan grace,
        CancellationToken ct
    )
    {
        var stopwatch = Stopwatch.StartNew();

        Signals.SendGroup(pgid, Signal.Terminate);
        if (await WaitUntilEmptyAsync(pgid, grace, ct))
        {
            return new GroupTermination(Killed: false, Gone: true, stopwatch.Elapsed);
        }

        Signals.SendGroup(pgid, Signal.Kill);
        var gone = await WaitUntilEmptyAsync(pgid, KillWait, ct);
        return new GroupTermination(Killed: true, gone, stopwatch.Elapsed);
    }

    /// <summary>
    /// Polls <c>/proc</c> until no live process belongs to group <paramref name="pgid"/>.
    /// Returns false when members remain after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> WaitUntilEmptyAsync(
        int pgid,
        TimeSpan timeout,
        CancellationToken ct
    )
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (ProcessTable.FindGroupMembers(pgid).Count == 0)
            {
                return true;
            }

            if (stopwatch.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval, ct);
        }
    }
}
