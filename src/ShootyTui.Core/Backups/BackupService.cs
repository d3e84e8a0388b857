using Serilog;

namespace ShootyTui.Core.Backups;

/// <summary>
/// Creates, verifies, restores and prunes backups of the bot's SQLite database, and keeps their
/// catalog in the state database.
/// </summary>
public sealed partial class BackupService
{
    private readonly string _databasePath;
    private readonly string _backupDirectory;
    private readonly string _stateDbPath;
    private readonly BackupCatalog _catalog;
    private readonly ILogger _log;

    /// <param name="databasePath">The bot's live database.</param>
    /// <param name="backupDirectory">
    /// Where backup files go. It is created with mode 0700 if missing.
    /// </param>
    /// <param name="stateDbPath">The state database that contains the <c>backups</c> table.</param>
    public BackupService(
        string databasePath,
        string backupDirectory,
        string stateDbPath,
        ILogger log
    )
    {
        _databasePath = Path.GetFullPath(databasePath);
        _backupDirectory = Path.GetFullPath(backupDirectory);
        _stateDbPath = Path.GetFullPath(stateDbPath);
        _catalog = new BackupCatalog(_stateDbPath);
        _log = log.ForContext<BackupService>();
    }

    /// <summary>
    /// Receives each database copy as the equivalent <c>sqlite3 .backup</c> command, when set.
    /// </summary>
    public Processes.CommandLog? Commands { get; init; }

    /// <summary>Returns the backups that have not been deleted, newest first.</summary>
    public IReadOnlyList<BackupEntry> List() => _catalog.List();

    /// <summary>Returns a backup that has not been deleted, or null.</summary>
    public BackupEntry? Get(long id) => _catalog.Get(id);

    /// <summary>
    /// Returns the size of the database plus its WAL, an upper bound for the size of the next
    /// backup, for the free-disk check before an update.
    /// </summary>
    public long EstimateRequiredBytes()
    {
        var database = new FileInfo(_databasePath);
        if (!database.Exists)
        {
            throw MissingDatabase();
        }

        var wal = new FileInfo(_databasePath + "-wal");
        return database.Length + (wal.Exists ? wal.Length : 0);
    }

    private BackupException MissingDatabase() =>
        new(
            $"Database {_databasePath} does not exist. Check [bot] database in shooty.toml, "
                + "or start the bot once so that it creates the file.",
            _databasePath
        );

    internal BackupException NotFound(long id) =>
        new(
            $"Backup {id} is not in the catalog {_stateDbPath} or was deleted. "
                + "Run `shooty backup list` to see the available ids.",
            _stateDbPath
        );
}
