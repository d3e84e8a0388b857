namespace ShootyTui.Core.Health;

/// <summary>
/// Limits and places for the health probes beyond process and heartbeat. A null limit turns
/// its probe off.
/// </summary>
public sealed record ProbeSettings
{
    public string? DatabasePath { get; init; }

    public int? MaxDbLatencyMs { get; init; }

    public int? MaxMemoryMb { get; init; }

    /// <summary>Folders whose file systems must keep <see cref="MinFreeDiskMb"/> free.</summary>
    public IReadOnlyList<string> DiskPaths { get; init; } = [];

    public int? MinFreeDiskMb { get; init; }

    public double? MaxTemperatureC { get; init; }

    /// <summary>The folder of the kernel's thermal zones; tests point it elsewhere.</summary>
    public string ThermalRoot { get; init; } = "/sys/class/thermal";

    /// <summary>
    /// Returns the times of the last two unattended runs, or nulls when there were none.
    /// </summary>
    public Func<(DateTimeOffset? Last, DateTimeOffset? Previous)>? UnattendedRuns { get; init; }
}
