namespace ShootyTui.Core.Demo;

/// <summary>
/// Settings for a new demo deployment. They are ignored when an existing demo is reopened.
/// </summary>
public sealed record DemoOptions
{
    /// <summary>
    /// Number of origin commits that the checkout does not have yet, from 0 to
    /// <see cref="MaxCommitsBehind"/>. The newest commit changes requirements.txt, so any value
    /// above 0 makes an update reinstall dependencies.
    /// </summary>
    public int CommitsBehind { get; init; } = 3;

    /// <summary>Seconds between heartbeat writes, stored in the bot's bot_settings.json.</summary>
    public double HeartbeatIntervalSeconds { get; init; } = 2;

    /// <summary>The <c>[bot] stop_timeout</c> for shooty.toml, in whole seconds.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>[update] health_gate</c> for shooty.toml, in whole seconds.</summary>
    public TimeSpan HealthGate { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The <c>[update] health_settle</c> for shooty.toml, in whole seconds.</summary>
    public TimeSpan HealthSettle { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Largest valid <see cref="CommitsBehind"/>, because the checkout needs at least the first
    /// commit of the history.
    /// </summary>
    public static int MaxCommitsBehind => DemoHistory.CommitCount - 1;

    internal void Validate()
    {
        if (CommitsBehind < 0 || CommitsBehind > MaxCommitsBehind)
        {
            throw new ArgumentOutOfRangeException(
                nameof(CommitsBehind),
                CommitsBehind,
                $"CommitsBehind must be between 0 and {MaxCommitsBehind}."
            );
        }

        if (!(HeartbeatIntervalSeconds > 0 && HeartbeatIntervalSeconds <= 3600))
        {
            throw new ArgumentOutOfRangeException(
                nameof(HeartbeatIntervalSeconds),
                HeartbeatIntervalSeconds,
                "HeartbeatIntervalSeconds must be above 0 and at most 3600."
            );
        }

        ValidateWholeSeconds(StopTimeout, nameof(StopTimeout));
        ValidateWholeSeconds(HealthGate, nameof(HealthGate));
        ValidateWholeSeconds(HealthSettle, nameof(HealthSettle));
    }

    private static void ValidateWholeSeconds(TimeSpan value, string name)
    {
        if (value < TimeSpan.FromSeconds(1) || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                $"{name} must be a whole number of seconds, at least 1."
            );
        }
    }
}
