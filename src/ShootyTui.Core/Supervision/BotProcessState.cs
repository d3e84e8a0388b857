namespace ShootyTui.Core.Supervision;

/// <summary>Whether the bot runs, as its supervisor sees it.</summary>
/// <param name="Pid">The bot's main process, when the supervisor knows it.</param>
/// <param name="StartedAt">When the running bot was started, when known.</param>
/// <param name="Detail">One line for the operator, such as "running, pid 812".</param>
public sealed record BotProcessState(
    bool Running,
    int? Pid,
    DateTimeOffset? StartedAt,
    string Detail
);
