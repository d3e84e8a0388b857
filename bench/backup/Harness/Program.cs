// Makes one backup with BackupService.CreateAsync and prints one line for bench/backup/bench.py:
// "<start unix s> <end unix s> <create ms> <integrity_check ms> <size bytes> <sqlite version>".
// The integrity_check time is measured again on the finished backup, as an estimate of the
// share that check takes inside CreateAsync.
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Serilog;
using ShootyTui.Core.Backups;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Harness DATABASE BACKUP_DIRECTORY STATE_DB");
    return 2;
}

var service = new BackupService(
    args[0],
    args[1],
    args[2],
    new LoggerConfiguration().CreateLogger()
);

var start = DateTimeOffset.UtcNow;
var stopwatch = Stopwatch.StartNew();
var entry = await service.CreateAsync(null, "manual", null, CancellationToken.None);
var createMs = stopwatch.Elapsed.TotalMilliseconds;
var end = DateTimeOffset.UtcNow;

stopwatch.Restart();
string sqliteVersion;
using (
    var connection = new SqliteConnection($"Data Source={entry.Path};Mode=ReadOnly;Pooling=False")
)
{
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "PRAGMA integrity_check";
    var result = (string)command.ExecuteScalar()!;
    if (result != "ok")
    {
        Console.Error.WriteLine($"integrity_check of {entry.Path} returned {result}");
        return 1;
    }

    command.CommandText = "SELECT sqlite_version()";
    sqliteVersion = (string)command.ExecuteScalar()!;
}

var integrityMs = stopwatch.Elapsed.TotalMilliseconds;
Console.WriteLine(
    string.Create(
        CultureInfo.InvariantCulture,
        $"{start.ToUnixTimeMilliseconds() / 1000.0:F3} {end.ToUnixTimeMilliseconds() / 1000.0:F3} "
            + $"{createMs:F1} {integrityMs:F1} {entry.Size} {sqliteVersion}"
    )
);
return 0;
