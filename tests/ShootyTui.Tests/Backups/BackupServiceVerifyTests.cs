using Microsoft.Data.Sqlite;
using ShootyTui.Core.Backups;
using Xunit;

namespace ShootyTui.Tests.Backups;

public sealed class BackupServiceVerifyTests : IDisposable
{
    private readonly BackupTestFolder _folder = new();
    private readonly BackupService _service;

    public BackupServiceVerifyTests()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 200);
        _service = _folder.CreateService();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Verify_passes_for_intact_backup()
    {
        var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);

        Assert.True(await _service.VerifyAsync(entry.Id, CancellationToken.None));
        Assert.True(_service.Get(entry.Id)!.Verified);
    }

    [Fact]
    public async Task Verify_fails_for_tampered_backup()
    {
        var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);
        TestDatabase.FlipMiddleByte(entry.Path);

        Assert.False(await _service.VerifyAsync(entry.Id, CancellationToken.None));
        Assert.False(_service.Get(entry.Id)!.Verified);
    }

    [Fact]
    public async Task Verify_fails_for_missing_file()
    {
        var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);
        File.Delete(entry.Path);

        Assert.False(await _service.VerifyAsync(entry.Id, CancellationToken.None));
        Assert.False(_service.Get(entry.Id)!.Verified);
    }

    [Fact]
    public async Task Verify_fails_integrity_check_despite_matching_sha256()
    {
        var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);
        TestDatabase.CorruptItemsRootPage(entry.Path);
        var damagedSha256 = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(entry.Path))
        );
        SetRecordedSha256(entry.Id, damagedSha256);

        Assert.False(await _service.VerifyAsync(entry.Id, CancellationToken.None));
        Assert.False(_service.Get(entry.Id)!.Verified);
    }

    [Fact]
    public async Task Verify_passes_again_after_repair()
    {
        var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);
        var original = File.ReadAllBytes(entry.Path);
        TestDatabase.FlipMiddleByte(entry.Path);
        Assert.False(await _service.VerifyAsync(entry.Id, CancellationToken.None));

        File.WriteAllBytes(entry.Path, original);

        Assert.True(await _service.VerifyAsync(entry.Id, CancellationToken.None));
        Assert.True(_service.Get(entry.Id)!.Verified);
    }

    [Fact]
    public async Task Verify_of_unknown_id_throws()
    {
        var error = await Assert.ThrowsAsync<BackupException>(() =>
            _service.VerifyAsync(999, CancellationToken.None)
        );

        Assert.Contains("999", error.Message);
    }

    private void SetRecordedSha256(long id, string sha256)
    {
        using var connection = new SqliteConnection(
            $"Data Source={_folder.StateDbPath};Pooling=False"
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE backups SET sha256 = $sha256 WHERE id = $id";
        command.Parameters.AddWithValue("$sha256", sha256);
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
