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

    [Fact]
    public async Task Create_and_verify_record_when_the_check_ran()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 10);
        var service = _folder.CreateService();
        var entry = await service.CreateAsync(null, "manual", null, CancellationToken.None);
        var created = service.Get(entry.Id)!;
        TestDatabase.FlipMiddleByte(entry.Path);

        var beforeVerify = DateTimeOffset.UtcNow.AddSeconds(-1);
        await service.VerifyAsync(entry.Id, CancellationToken.None);
        var verified = service.Get(entry.Id)!;

        Assert.True(created.Verified);
        Assert.NotNull(created.VerifiedAt);
        Assert.True(created.VerifiedAt >= created.CreatedAt);
        Assert.False(verified.Verified);
        Assert.True(verified.FailedVerification);
        Assert.True(verified.VerifiedAt >= beforeVerify);
    }

    [Fact]
    public async Task Catalog_without_verified_at_gains_the_column()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 10);
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.StateDbPath)!);
        using (var connection = OpenState())
        using (var command = connection.CreateCommand())
        {
            // The backups table as older versions created it, without verified_at.
            command.CommandText = """
                CREATE TABLE backups (
                    id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, commit_sha TEXT,
                    path TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
                    verified INTEGER NOT NULL, reason TEXT NOT NULL, update_id INTEGER NULL,
                    deleted_at TEXT NULL);
                INSERT INTO backups (created_at, path, size, sha256, verified, reason)
                VALUES ('2026-01-02T03:04:05.000Z', '/nowhere/old.db', 1, 'ab', 0, 'manual');
                """;
            command.ExecuteNonQuery();
        }

        var service = _folder.CreateService();
        var created = await service.CreateAsync(null, "manual", null, CancellationToken.None);
        var entries = service.List();

        Assert.Equal(2, entries.Count);
        Assert.Equal(created, entries[0]);
        Assert.Null(entries[1].VerifiedAt);
        Assert.False(entries[1].FailedVerification);
    }

    [Fact]
    public async Task Last_good_skips_failed_and_missing_backups()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 10);
        var service = _folder.CreateService();
        var oldest = await service.CreateAsync(null, "manual", null, CancellationToken.None);
        var middle = await service.CreateAsync(null, "manual", null, CancellationToken.None);
        var newest = await service.CreateAsync(null, "manual", null, CancellationToken.None);

        var allGood = service.FindLastGood();
        TestDatabase.FlipMiddleByte(newest.Path);
        await service.VerifyAsync(newest.Id, CancellationToken.None);
        var newestFailed = service.FindLastGood();
        File.Delete(middle.Path);
        var middleMissing = service.FindLastGood();
        TestDatabase.FlipMiddleByte(oldest.Path);
        await service.VerifyAsync(oldest.Id, CancellationToken.None);
        var noneLeft = service.FindLastGood();

        Assert.Equal(newest.Id, allGood!.Id);
        Assert.Equal(middle.Id, newestFailed!.Id);
        Assert.Equal(oldest.Id, middleMissing!.Id);
        Assert.Null(noneLeft);
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
