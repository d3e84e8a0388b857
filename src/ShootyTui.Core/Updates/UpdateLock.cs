namespace ShootyTui.Core.Updates;

/// <summary>
/// The exclusive update lock: an advisory <c>flock</c> on <c>update.lock</c> in the state
/// directory. The kernel releases it when the holder dies, even by SIGKILL, so a stale lock
/// never blocks the recovery run.
/// </summary>
public sealed class UpdateLock : IDisposable
{
    private readonly FileStream _stream;

    private UpdateLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    /// <summary>
    /// Takes the lock without waiting; returns null when another process holds it, with the
    /// holder's description (pid and what it runs) in <paramref name="holder"/>.
    /// </summary>
    public static UpdateLock? TryAcquire(string stateDirectory, string purpose, out string holder)
    {
        var path = System.IO.Path.Combine(stateDirectory, "update.lock");
        try
        {
            // .NET maps FileShare.None to flock(LOCK_EX | LOCK_NB) on Linux.
            var stream = new FileStream(
                path,
                new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = State.StateFiles.PrivateFileMode,
                }
            );
            // The lock file itself cannot be read while locked, so the holder is described in a
            // file beside it.
            State.StateFiles.EnsurePrivateFile(HolderPath(path));
            File.WriteAllText(HolderPath(path), $"pid {Environment.ProcessId}: {purpose}\n");
            holder = "";
            return new UpdateLock(stream, path);
        }
        catch (IOException)
        {
            holder = ReadHolder(path);
            return null;
        }
    }

    private static string HolderPath(string lockPath) => lockPath + ".holder";

    /// <summary>
    /// Returns true when the process that last took the lock still runs. It reads the holder
    /// file instead of taking the lock, so a read-only command never makes an update wait. That
    /// file stays after the lock is released, so callers pair this with an unfinished journal
    /// entry.
    /// </summary>
    public static bool HolderAlive(string stateDirectory)
    {
        var holderPath = HolderPath(System.IO.Path.Combine(stateDirectory, "update.lock"));
        string text;
        DateTime written;
        try
        {
            text = File.ReadAllText(holderPath);
            written = File.GetLastWriteTimeUtc(holderPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var digits = new string(
            text.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray()
        );
        if (!int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        // A process that started after the holder file was written reuses the pid.
        return Processes.ProcessTable.ReadStartTime(pid) is { } started
            && started.UtcDateTime <= written.AddSeconds(1);
    }

    private static string ReadHolder(string lockPath)
    {
        try
        {
            var text = File.ReadAllText(HolderPath(lockPath)).Trim();
            return text.Length > 0 ? text : "another shooty process";
        }
        catch (IOException)
        {
            return "another shooty process";
        }
    }

    public void Dispose() => _stream.Dispose();
}
