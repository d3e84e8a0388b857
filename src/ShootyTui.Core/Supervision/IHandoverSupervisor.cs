namespace ShootyTui.Core.Supervision;

/// <summary>
/// A supervisor that can hand the running bot over: its record moves aside, it keeps serving as
/// the outgoing bot, and a second instance can start beside it until the outgoing one is
/// stopped. Blue-green updates with <c>[update] overlap</c> use this.
/// </summary>
public interface IHandoverSupervisor : IBotSupervisor
{
    /// <summary>
    /// Makes the running bot the outgoing one. Returns its state, with
    /// <see cref="BotProcessState.Running"/> false when nothing ran and nothing was handed over.
    /// </summary>
    /// <exception cref="SupervisorException">An outgoing bot from an earlier handover still
    /// runs.</exception>
    Task<BotProcessState> HandOverAsync(CancellationToken ct);

    /// <summary>Finds out whether an outgoing bot still runs.</summary>
    Task<BotProcessState> GetOutgoingStateAsync(CancellationToken ct);

    /// <summary>
    /// Stops the outgoing bot gracefully, and forcibly after the stop timeout, then deletes its record.
    /// </summary>
    /// <exception cref="SupervisorException">It could not be stopped.</exception>
    Task<StopResult> StopOutgoingAsync(CancellationToken ct);

    /// <summary>
    /// Undoes a handover: the outgoing bot becomes the bot again. Returns its state, with
    /// <see cref="BotProcessState.Running"/> false when it had gone (its record is then deleted).
    /// </summary>
    /// <exception cref="SupervisorException">A bot already runs under the main record.</exception>
    Task<BotProcessState> TakeBackAsync(CancellationToken ct);
}
