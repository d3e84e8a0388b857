namespace ShootyTui.Core.Supervision;

/// <summary>Starts, stops and observes the bot process.</summary>
public interface IBotSupervisor
{
    /// <summary>Finds out whether the bot runs now.</summary>
    /// <exception cref="SupervisorException">The state could not be determined.</exception>
    Task<BotProcessState> GetStateAsync(CancellationToken ct);

    /// <summary>
    /// Starts the bot with <paramref name="extraEnvironment"/> added to the configured
    /// environment. Does nothing when the bot already runs.
    /// </summary>
    /// <exception cref="SupervisorException">The bot could not be started.</exception>
    Task StartAsync(IReadOnlyDictionary<string, string>? extraEnvironment, CancellationToken ct);

    /// <summary>
    /// Stops the bot gracefully, and forcibly after the stop timeout. Returns a result with
    /// <see cref="StopResult.WasRunning"/> false when the bot was not running.
    /// </summary>
    /// <exception cref="SupervisorException">The bot could not be stopped.</exception>
    Task<StopResult> StopAsync(CancellationToken ct);

    /// <summary>
    /// Tracks again a running bot that the supervisor found but no longer tracked, and returns
    /// its state; null when there was none. Only the process supervisor can lose track.
    /// </summary>
    Task<BotProcessState?> AdoptAsync(CancellationToken ct) =>
        Task.FromResult<BotProcessState?>(null);
}
