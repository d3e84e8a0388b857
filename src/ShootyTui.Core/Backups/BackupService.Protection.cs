namespace ShootyTui.Core.Backups;

public sealed partial class BackupService
{
    /// <summary>
    /// Returns the last good backup, which a front-end must never offer to delete: the newest
    /// verified backup whose file exists or, when none is verified, the newest one whose file
    /// exists and has not failed a check. Returns null when every backup is missing or failed.
    /// </summary>
    public BackupEntry? FindLastGood()
    {
        var usable = _catalog
            .List()
            .Where(entry => !entry.FailedVerification && File.Exists(entry.Path))
            .ToList();
        return usable.FirstOrDefault(entry => entry.Verified) ?? usable.FirstOrDefault();
    }
}
