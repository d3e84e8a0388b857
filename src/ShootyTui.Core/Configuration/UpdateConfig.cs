namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[update]</c> section.</summary>
public sealed record UpdateConfig
{
    /// <summary>
    /// Whether unattended runs apply pending commits inside the maintenance window.
    /// </summary>
    public required bool Auto { get; init; }

    public required UpdateStrategy Strategy { get; init; }

    /// <summary>How long a new version may take to become healthy.</summary>
    public required TimeSpan HealthGate { get; init; }

    /// <summary>How long a new version must then stay healthy.</summary>
    public required TimeSpan HealthSettle { get; init; }

    /// <summary>How long an update waits for active sessions to end. Zero does not wait.</summary>
    public required TimeSpan WaitForSessions { get; init; }

    /// <summary>
    /// The maximum time the old and the new slot may run side by side in blue-green mode. Zero (the
    /// default) stops the old slot before the new one starts, as a Discord bot needs, since two
    /// instances on one token answer everything twice.
    /// </summary>
    public required TimeSpan Overlap { get; init; }
}
