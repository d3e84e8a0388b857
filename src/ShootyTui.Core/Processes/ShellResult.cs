namespace ShootyTui.Core.Processes;

/// <summary>Outcome of a shell command run by <see cref="ShellCommand"/>.</summary>
/// <param name="ExitCode">The shell's exit code, which is 128 + N when signal N ended it.</param>
/// <param name="Output">Standard output and standard error as they were interleaved, cut to the
/// last 64 KiB of characters.</param>
/// <param name="TimedOut">Whether the timeout ran out and the command's process group was
/// ended.</param>
public sealed record ShellResult(int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
