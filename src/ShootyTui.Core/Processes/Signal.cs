namespace ShootyTui.Core.Processes;

/// <summary>
/// POSIX signals that Core sends, with their Linux numbers (x86-64 and arm64 agree).
/// </summary>
public enum Signal
{
    /// <summary>Signal 0: sends nothing and only checks that the target exists.</summary>
    Probe = 0,
    Hangup = 1,
    Interrupt = 2,
    Kill = 9,
    Terminate = 15,
}
