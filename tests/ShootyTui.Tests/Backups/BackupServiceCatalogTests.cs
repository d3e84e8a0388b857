using Microsoft.Data.Sqlite;
using ShootyTui.Core.Backups;
using Xunit;

namespace ShootyTui.Tests.Backups;

public sealed class BackupServiceCatalogTests : IDisposable
{
    private readonly BackupTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task List_returns_newest_first()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 10);
        var service = _folder.CreateService();
        var first = await service.CreateAsync(null, "manual", null, CancellationToken.None);
        var second = await service.CreateAsync(null, "pre-update", 7, CancellationToken.None);

        Assert.Equal([second, first], service.List());
        Assert.NotEqual(first.Path, second.Path);
    }

    [Fact]
    public async Task Catalog_leaves_other_tables_alone()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 10);
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.StateDbPath)!);
        using (var connection = OpenState())
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "CREATE TABLE updates (id INTEGER PRIMARY KEY, outcome TEXT);"
                + "INSERT INTO updates (outcome) VALUES ('succeeded');";
            command.ExecuteNonQuery();
        }

        var service = _folder.CreateService();
        await service.CreateAsync(null, "manual", null, CancellationToken.None);

        using (var connection = OpenState())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT outcome FROM updates";
            Assert.Equal("succeeded", command.ExecuteScalar());
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Estimate_counts_database_and_wal()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 100);
        using (var writer = await PythonWriter.StartCrashAsync(_folder.DatabasePath, rows: 40))
        {
            await writer.KillAsync();
        }

        var service = _folder.CreateService();
        var expected =
            new FileInfo(_folder.DatabasePath).Length
            + new FileInfo(_folder.DatabasePath + "-wal").Length;

        Assert.Equal(expected, service.EstimateRequiredBytes());
        Assert.True(expected > 100 * TestDatabase.PayloadBytes);
    }

    [Fact]
    public void Estimate_for_missing_database_names_path()
    {
        var service = _folder.CreateService();

        var error = Assert.Throws<BackupException>(() => service.EstimateRequiredBytes());

        Assert.Contains(_folder.DatabasePath, error.Message);
    }

    private SqliteConnection OpenState()
    {
        var connection = new SqliteConnection($"Data Source={_folder.StateDbPath};Pooling=False");
        connection.Open();
        return connection;
    }
}
