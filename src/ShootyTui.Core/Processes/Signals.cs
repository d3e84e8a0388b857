using System.Runtime.InteropServices;

namespace ShootyTui.Core.Processes;

/// <summary>
/// Sends signals with libc <c>kill(2)</c> to single processes and process groups.
/// </summary>
public static class Signals
{
    private const int NoSuchProcess = 3; // ESRCH
    private const int PermissionDenied = 1; // EPERM

    /// <summary>
    /// Sends <paramref name="signal"/> to one process. Returns false when no such process exists.
    /// </summary>
    /// <exception cref="InvalidOperationException">kill(2) failed for another reason.</exception>
    public static bool Send(int pid, Signal signal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        return Kill(pid, signal, $"process {pid}");
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to every process in process group <paramref name="pgid"/>.
    /// Returns false when the group has no members.
    /// </summary>
    /// <exception cref="InvalidOperationException">kill(2) failed for another reason.</exception>
    public static bool SendGroup(int pgid, Signal signal)
    {
        // kill(-1, ...) would signal every process we may signal, so a group id of 1 is rejected.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pgid, 1);
        return Kill(-pgid, signal, $"process group {pgid}");
    }

    /// <summary>
    /// Returns whether a process with this pid exists and has not exited. A zombie (exited, not
    /// yet reaped by its parent) counts as gone.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        if (KillNative(pid, 0) != 0 && Marshal.GetLastPInvokeError() != PermissionDenied)
        {
            return false;
        }

        var stat = ProcStat.Read(pid);
        return stat is not null && !stat.IsZombie;
    }

    private static bool Kill(int target, Signal signal, string description)
    {
        if (KillNative(target, (int)signal) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == NoSuchProcess)
        {
            return false;
        }

        throw new InvalidOperationException(
            $"kill({target}, {signal}) for {description} failed with errno {errno}; "
                + "check that shooty runs as the same user as the bot."
        );
    }

    // DllImport rather than LibraryImport: the signature is blittable, so no marshalling code
    // is generated either way, and LibraryImport would require AllowUnsafeBlocks.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillNative(int pid, int signal);
}
