namespace ShootyTui.Core.Flags;

/// <summary>
/// One flag as the panel shows it. <see cref="LastChanged"/> is the last audited change, or
/// the file's modification time when the audit has none.
/// </summary>
public sealed record FlagEntry(
    string Name,
    bool Enabled,
    string? Description,
    DateTimeOffset? LastChanged,
    bool Stale
);
