namespace ShootyTui.Core.Backups;

/// <summary>
/// One backup in the catalog: a self-contained SQLite file and the facts recorded when it was
/// made.
/// </summary>
/// <param name="Commit">Full commit hash of the deployment the backup belongs to, if known.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the backup file.</param>
/// <param name="Verified">
/// Whether the last check of the file (at creation or by <c>VerifyAsync</c>) passed.
/// </param>
/// <param name="Reason">
/// Why it was made, such as "pre-update", "manual", "pre-restore" or "failed-version".
/// </param>
/// <param name="UpdateId">The update in the journal that made this backup, if any.</param>
/// <param name="VerifiedAt">
/// When <paramref name="Verified"/> was last set by a check, or null when the catalog has no
/// record of one (rows written before these times were kept).
/// </param>
public sealed record BackupEntry(
    long Id,
    DateTimeOffset CreatedAt,
    string? Commit,
    string Path,
    long Size,
    string Sha256,
    bool Verified,
    string Reason,
    long? UpdateId,
    DateTimeOffset? VerifiedAt = null
)
{
    /// <summary>Whether a check ran and found the file damaged or missing.</summary>
    public bool FailedVerification => !Verified && VerifiedAt is not null;
}
