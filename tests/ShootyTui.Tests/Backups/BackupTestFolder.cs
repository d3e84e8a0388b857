using Microsoft.Data.Sqlite;
using Serilog;
using ShootyTui.Core.Backups;

namespace ShootyTui.Tests.Backups;

/// <summary>
/// A temporary folder with the paths a backup service needs: a live database, a backup directory
/// that does not exist yet, and a state database. Deleted on dispose.
/// </summary>
internal sealed class BackupTestFolder : IDisposable
{
    public BackupTestFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "shooty-backups-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        DatabasePath = Path.Combine(Root, "bot", "data", "bot.db");
        BackupDirectory = Path.Combine(Root, "backups");
        StateDbPath = Path.Combine(Root, "state", "state.db");
    }

    public string Root { get; }

    public string DatabasePath { get; }

    public string BackupDirectory { get; }

    public string StateDbPath { get; }

    public BackupService CreateService() =>
        new(DatabasePath, BackupDirectory, StateDbPath, new LoggerConfiguration().CreateLogger());

    public string[] BackupDirectoryFiles() =>
        Directory.Exists(BackupDirectory)
            ? Directory
                .GetFiles(BackupDirectory)
                .Select(path => Path.GetFileName(path))
                .Order()
                .ToArray()
            : [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
