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
public sealed record BackupEntry(
    long Id,
    DateTimeOffset CreatedAt,
    string? Commit,
    string Path,
    long Size,
    string Sha256,
    bool Verified,
    string Reason,
    long? UpdateId
);
