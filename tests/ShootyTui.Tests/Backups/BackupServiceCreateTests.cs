using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using ShootyTui.Core.Backups;
using Xunit;

namespace ShootyTui.Tests.Backups;

public sealed class BackupServiceCreateTests : IDisposable
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private readonly BackupTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 60000)]
    public async Task Create_under_concurrent_writer_keeps_committed_rows()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 20_000);
        var service = _folder.CreateService();
        using var writer = await PythonWriter.StartContinuousAsync(_folder.DatabasePath);

        var committedBefore = TestDatabase.CountRows(_folder.DatabasePath).Count;
        var entry = await service.CreateAsync(Commit, "manual", null, CancellationToken.None);
        var committedAfter = TestDatabase.CountRows(_folder.DatabasePath).Count;
        var (_, errors, lastError) = await writer.StopAsync();

        Assert.Equal("ok", TestDatabase.IntegrityCheck(entry.Path));
        var (count, maxId) = TestDatabase.CountRows(entry.Path);
        Assert.True(count >= committedBefore, $"{count} rows in backup, {committedBefore} before");
        // Ids are assigned in commit order, so a gap would mean a torn copy.
        Assert.Equal(maxId, count);
        Assert.True(count <= committedAfter, $"{count} rows in backup, {committedAfter} after");
        Assert.True(committedAfter > committedBefore, "The writer made no progress meanwhile.");
        Assert.True(errors == 0, $"The writer saw {errors} errors, the last: {lastError}");
    }

    [Fact(Timeout = 60000)]
    public async Task Create_writes_one_file_in_delete_journal_mode()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 100);
        using (var writer = await PythonWriter.StartCrashAsync(_folder.DatabasePath, rows: 25))
        {
            await writer.KillAsync();
        }

        Assert.True(new FileInfo(_folder.DatabasePath + "-wal").Length > 0);
        var service = _folder.CreateService();

        var entry = await service.CreateAsync(Commit, "manual", null, CancellationToken.None);

        Assert.Equal([Path.GetFileName(entry.Path)], _folder.BackupDirectoryFiles());
        Assert.Matches(@"^\d{8}T\d{9}Z-0123456\.db$", Path.GetFileName(entry.Path));
        Assert.Equal(((byte)1, (byte)1), TestDatabase.HeaderFormatVersions(entry.Path));
        Assert.Equal("delete", TestDatabase.JournalMode(entry.Path));
        // The 25 rows committed only to the WAL are part of the backup.
        Assert.Equal(125, TestDatabase.CountRows(entry.Path).Count);
    }

    [Fact]
    public async Task Create_without_commit_names_file_nocommit()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 10);
        var service = _folder.CreateService();

        var entry = await service.CreateAsync(null, "manual", null, CancellationToken.None);

        Assert.Matches(@"^\d{8}T\d{9}Z-nocommit\.db$", Path.GetFileName(entry.Path));
        Assert.Null(entry.Commit);
    }

    [Fact]
    public async Task Create_records_row_in_state_database()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 50);
        var service = _folder.CreateService();
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);

        var entry = await service.CreateAsync(Commit, "pre-update", 42, CancellationToken.None);

        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry.Path))),
            entry.Sha256
        );
        Assert.Equal(new FileInfo(entry.Path).Length, entry.Size);
        Assert.True(entry.Verified);
        Assert.InRange(entry.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(entry, service.Get(entry.Id));
        Assert.Equal([entry], service.List());

        using var connection = new SqliteConnection(
            $"Data Source={_folder.StateDbPath};Pooling=False"
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT created_at, commit_sha, path, size, sha256, verified, reason, update_id, "
            + "deleted_at FROM backups WHERE id = $id";
        command.Parameters.AddWithValue("$id", entry.Id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", reader.GetString(0));
        Assert.Equal(Commit, reader.GetString(1));
        Assert.Equal(entry.Path, reader.GetString(2));
        Assert.Equal(entry.Size, reader.GetInt64(3));
        Assert.Equal(entry.Sha256, reader.GetString(4));
        Assert.Equal(1, reader.GetInt64(5));
        Assert.Equal("pre-update", reader.GetString(6));
        Assert.Equal(42, reader.GetInt64(7));
        Assert.True(reader.IsDBNull(8));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Create_sets_private_permissions()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 10);
        var service = _folder.CreateService();

        var entry = await service.CreateAsync(null, "manual", null, CancellationToken.None);

        var directoryMode = File.GetUnixFileMode(_folder.BackupDirectory);
        var fileMode = File.GetUnixFileMode(entry.Path);
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            directoryMode
        );
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, fileMode);
    }

    [Fact]
    public async Task Create_for_missing_database_names_path()
    {
        var service = _folder.CreateService();

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            service.CreateAsync(null, "manual", null, CancellationToken.None)
        );

        Assert.Equal(_folder.DatabasePath, error.Path);
        Assert.Contains(_folder.DatabasePath, error.Message);
        Assert.Empty(_folder.BackupDirectoryFiles());
        Assert.Empty(service.List());
    }

    [Fact]
    public async Task Create_of_damaged_database_leaves_nothing()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 200, wal: false);
        TestDatabase.CorruptItemsRootPage(_folder.DatabasePath);
        var service = _folder.CreateService();

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            service.CreateAsync(null, "manual", null, CancellationToken.None)
        );

        Assert.Contains("integrity_check", error.Message);
        Assert.Contains(_folder.DatabasePath, error.Message);
        Assert.Empty(_folder.BackupDirectoryFiles());
        Assert.Empty(service.List());
    }

    [Fact]
    public async Task Create_rejects_commit_that_is_not_hex()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 10);
        var service = _folder.CreateService();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            service.CreateAsync("../../escape", "manual", null, CancellationToken.None)
        );

        Assert.Empty(_folder.BackupDirectoryFiles());
    }
}
