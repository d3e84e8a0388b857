namespace ShootyTui.Core.Supervision;

/// <summary>
/// Contents of <c>bot.pid</c>: what identifies the bot process that shooty started.
/// </summary>
/// <param name="StartTicks">Field 22 of <c>/proc/PID/stat</c>, or 0 when the process had already
/// gone when it was read.</param>
/// <param name="BootId">The kernel's boot id at start, because a pid from another boot is never
/// ours.</param>
internal sealed record PidRecord(
    int Pid,
    int Pgid,
    ulong StartTicks,
    string BootId,
    DateTimeOffset StartedAt,
    string Command
);
