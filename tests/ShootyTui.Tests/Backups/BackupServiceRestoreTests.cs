using System.Runtime.Versioning;
using System.Security.Cryptography;
using ShootyTui.Core.Backups;
using Xunit;

namespace ShootyTui.Tests.Backups;

public sealed class BackupServiceRestoreTests : IDisposable
{
    private readonly BackupTestFolder _folder = new();
    private readonly BackupService _service;

    public BackupServiceRestoreTests()
    {
        TestDatabase.Create(_folder.DatabasePath, rows: 100);
        _service = _folder.CreateService();
    }

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 60000)]
    public async Task Restore_replaces_content_and_removes_stale_wal()
    {
        var entry = await _service.CreateAsync(null, "pre-update", null, CancellationToken.None);
        await LeaveWalBehindAsync(rows: 500);

        await _service.RestoreAsync(entry.Id, CancellationToken.None);

        Assert.False(File.Exists(_folder.DatabasePath + "-wal"));
        Assert.False(File.Exists(_folder.DatabasePath + "-shm"));
        Assert.False(File.Exists(_folder.DatabasePath + ".restore.tmp"));
        // The live database was in WAL mode and stays so.
        Assert.Equal(((byte)2, (byte)2), TestDatabase.HeaderFormatVersions(_folder.DatabasePath));
        Assert.Equal((100L, 100L), TestDatabase.CountRows(_folder.DatabasePath));
        Assert.Equal("ok", TestDatabase.IntegrityCheck(_folder.DatabasePath));
    }

    [Fact(Timeout = 60000)]
    public async Task Restore_of_tampered_backup_changes_nothing()
    {
        var entry = await _service.CreateAsync(null, "pre-update", null, CancellationToken.None);
        await LeaveWalBehindAsync(rows: 50);
        var before = HashLiveFiles();
        TestDatabase.FlipMiddleByte(entry.Path);

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            _service.RestoreAsync(entry.Id, CancellationToken.None)
        );

        Assert.Contains("SHA-256", error.Message);
        Assert.Contains(entry.Path, error.Message);
        Assert.Equal(before, HashLiveFiles());
    }

    [Fact]
    public async Task Restore_of_unknown_backup_changes_nothing()
    {
        await _service.CreateAsync(null, "manual", null, CancellationToken.None);
        var before = HashLiveFiles();

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            _service.RestoreAsync(999, CancellationToken.None)
        );

        Assert.Contains("999", error.Message);
        Assert.Equal(before, HashLiveFiles());
    }

    [Fact]
    public async Task Restore_of_missing_file_changes_nothing()
    {
        var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);
        File.Delete(entry.Path);
        var before = HashLiveFiles();

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            _service.RestoreAsync(entry.Id, CancellationToken.None)
        );

        Assert.Equal(entry.Path, error.Path);
        Assert.Equal(before, HashLiveFiles());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Restore_creates_missing_live_database()
    {
        var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);
        Directory.Delete(Path.GetDirectoryName(_folder.DatabasePath)!, recursive: true);

        await _service.RestoreAsync(entry.Id, CancellationToken.None);

        Assert.Equal((100L, 100L), TestDatabase.CountRows(_folder.DatabasePath));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(_folder.DatabasePath)
        );
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Restore_keeps_mode_of_live_database()
    {
        var entry = await _service.CreateAsync(null, "manual", null, CancellationToken.None);
        var mode =
            UnixFileMode.UserRead
            | UnixFileMode.UserWrite
            | UnixFileMode.GroupRead
            | UnixFileMode.GroupWrite;
        File.SetUnixFileMode(_folder.DatabasePath, mode);

        await _service.RestoreAsync(entry.Id, CancellationToken.None);

        Assert.Equal(mode, File.GetUnixFileMode(_folder.DatabasePath));
    }

    /// <summary>
    /// Adds rows through a writer killed with SIGKILL, so the live database keeps a -wal and a
    /// -shm that hold committed rows.
    /// </summary>
    private async Task LeaveWalBehindAsync(int rows)
    {
        using var writer = await PythonWriter.StartCrashAsync(_folder.DatabasePath, rows);
        await writer.KillAsync();
        Assert.True(new FileInfo(_folder.DatabasePath + "-wal").Length > 0);
        Assert.True(File.Exists(_folder.DatabasePath + "-shm"));
    }

    /// <summary>Maps each file in the live database's folder to its SHA-256.</summary>
    private Dictionary<string, string> HashLiveFiles() =>
        Directory
            .GetFiles(Path.GetDirectoryName(_folder.DatabasePath)!)
            .Where(path => !path.EndsWith(".py", StringComparison.Ordinal))
            .ToDictionary(
                path => Path.GetFileName(path),
                path => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))
            );
}
