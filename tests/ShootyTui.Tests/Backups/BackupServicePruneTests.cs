using Microsoft.Data.Sqlite;
using ShootyTui.Core.Backups;
using Xunit;

namespace ShootyTui.Tests.Backups;

public sealed class BackupServicePruneTests : IDisposable
{
    private readonly BackupTestFolder _folder = new();
    private readonly BackupService _service;

    public BackupServicePruneTests()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 20);
        _service = _folder.CreateService();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Prune_keeps_newest_and_protected()
    {
        var ids = await CreateBackupsAsync(5);

        var deleted = _service.Prune(keep: 2, new HashSet<long> { ids[0] });

        Assert.Equal([ids[2], ids[1]], deleted.Select(entry => entry.Id));
        Assert.Equal([ids[4], ids[3], ids[0]], _service.List().Select(entry => entry.Id));
        Assert.All(deleted, entry => Assert.False(File.Exists(entry.Path)));
        Assert.All(_service.List(), entry => Assert.True(File.Exists(entry.Path)));
        Assert.Null(_service.Get(ids[1]));
        Assert.False(IsDeletedAtNull(ids[1]));
        Assert.True(IsDeletedAtNull(ids[0]));
    }

    [Fact]
    public async Task Prune_with_keep_zero_keeps_newest()
    {
        var ids = await CreateBackupsAsync(3);

        var deleted = _service.Prune(keep: 0, new HashSet<long>());

        Assert.Equal([ids[1], ids[0]], deleted.Select(entry => entry.Id));
        Assert.Equal([ids[2]], _service.List().Select(entry => entry.Id));
    }

    [Fact]
    public async Task Prune_skips_protected_ids_beyond_keep()
    {
        var ids = await CreateBackupsAsync(3);

        var deleted = _service.Prune(keep: 1, new HashSet<long>(ids));

        Assert.Empty(deleted);
        Assert.Equal(3, _service.List().Count);
    }

    [Fact]
    public async Task Prune_removes_stale_temporary_files()
    {
        await CreateBackupsAsync(1);
        var stale = Path.Combine(_folder.BackupDirectory, "20200101T000000000Z-nocommit.db.tmp");
        var staleJournal = stale + "-journal";
        var fresh = Path.Combine(_folder.BackupDirectory, "20990101T000000000Z-nocommit.db.tmp");
        foreach (var path in new[] { stale, staleJournal, fresh })
        {
            File.WriteAllText(path, "partial");
        }

        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(staleJournal, DateTime.UtcNow.AddHours(-2));

        _service.Prune(keep: 5, new HashSet<long>());

        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(staleJournal));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public async Task Delete_removes_file_and_hides_entry()
    {
        var ids = await CreateBackupsAsync(2);
        var entry = _service.Get(ids[0])!;

        await _service.DeleteAsync(ids[0], new HashSet<long>(), CancellationToken.None);

        Assert.False(File.Exists(entry.Path));
        Assert.Null(_service.Get(ids[0]));
        Assert.Equal([ids[1]], _service.List().Select(item => item.Id));
    }

    [Fact]
    public async Task Delete_rejects_protected_backup()
    {
        var ids = await CreateBackupsAsync(2);

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            _service.DeleteAsync(ids[0], new HashSet<long> { ids[0] }, CancellationToken.None)
        );

        Assert.Contains("protected", error.Message);
        Assert.True(File.Exists(_service.Get(ids[0])!.Path));
    }

    [Fact]
    public async Task Delete_rejects_newest_backup()
    {
        var ids = await CreateBackupsAsync(2);

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            _service.DeleteAsync(ids[1], new HashSet<long>(), CancellationToken.None)
        );

        Assert.Contains("newest", error.Message);
        Assert.True(File.Exists(_service.Get(ids[1])!.Path));
    }

    [Fact]
    public async Task Delete_of_unknown_id_throws()
    {
        await CreateBackupsAsync(1);

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            _service.DeleteAsync(999, new HashSet<long>(), CancellationToken.None)
        );

        Assert.Contains("999", error.Message);
    }

    /// <summary>Creates backups oldest first and returns their ids in that order.</summary>
    private async Task<long[]> CreateBackupsAsync(int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);
            ids[i] = entry.Id;
        }

        return ids;
    }

    private bool IsDeletedAtNull(long id)
    {
        using var connection = new SqliteConnection(
            $"Data Source={_folder.StateDbPath};Pooling=False"
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT deleted_at IS NULL FROM backups WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (long)command.ExecuteScalar()! == 1;
    }
}
