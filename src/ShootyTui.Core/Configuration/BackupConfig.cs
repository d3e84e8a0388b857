namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[backup]</c> section.</summary>
public sealed record BackupConfig
{
    public required string Dir { get; init; }

    /// <summary>The number of backups kept by pruning.</summary>
    public required int Keep { get; init; }

    /// <summary>The free disk space a backup must leave, in bytes.</summary>
    public required long MinFreeDiskBytes { get; init; }
}
