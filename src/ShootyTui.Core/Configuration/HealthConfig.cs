namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[health]</c> section. A null limit turns its check off.</summary>
public sealed record HealthConfig
{
    /// <summary>The bot's maximum resident memory, in MiB.</summary>
    public int? MaxMemoryMb { get; init; }

    /// <summary>
    /// The maximum time for a simple query on the bot's database, in milliseconds.
    /// </summary>
    public int? MaxDbLatencyMs { get; init; }

    /// <summary>The minimum free space on the bot's file system, in MiB.</summary>
    public int? MinFreeDiskMb { get; init; }

    /// <summary>The maximum CPU temperature, in degrees Celsius.</summary>
    public double? MaxTemperatureC { get; init; }
}
