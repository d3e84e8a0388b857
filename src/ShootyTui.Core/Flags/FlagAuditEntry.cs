namespace ShootyTui.Core.Flags;

/// <summary>
/// One audited change. A null <see cref="OldValue"/> means the flag was added, a null
/// <see cref="NewValue"/> that it was removed.
/// </summary>
public sealed record FlagAuditEntry(
    long Id,
    string Name,
    FlagActor Actor,
    DateTimeOffset ChangedAt,
    bool? OldValue,
    bool? NewValue
);
