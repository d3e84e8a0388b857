using ShootyTui.Core.Health;

namespace ShootyTui.Core.Backups;

/// <summary>The outcome of <see cref="BackupRestore.RunAsync"/>.</summary>
/// <param name="Restored">The backup now in place as the live database.</param>
/// <param name="Saved">The backup of the database that was live before the restore.</param>
/// <param name="Gate">The health gate after the bot started on the restored database.</param>
public sealed record RestoreResult(BackupEntry Restored, BackupEntry Saved, GateResult Gate);
