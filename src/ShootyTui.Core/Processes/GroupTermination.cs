namespace ShootyTui.Core.Processes;

/// <summary>Outcome of ending a process group.</summary>
/// <param name="Killed">Whether members were still alive after the grace period and got
/// SIGKILL.</param>
/// <param name="Gone">Whether no live member remained at the end.</param>
public sealed record GroupTermination(bool Killed, bool Gone, TimeSpan Duration);
