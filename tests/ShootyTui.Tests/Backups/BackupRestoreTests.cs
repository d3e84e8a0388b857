using Microsoft.Data.Sqlite;
using ShootyTui.Core.Backups;
using ShootyTui.Tests.Support;
using Xunit;

namespace ShootyTui.Tests.Backups;

/// <summary>The restore sequence on a running demo deployment, and the CLI that runs it.</summary>
public class BackupRestoreTests
{
    private const string Marker = "written-after-the-backup";

    [Fact(Timeout = 120000)]
    public async Task Restore_puts_backup_back_and_bot_runs_healthy()
    {
        await using var engine = await EngineHarness.StartAsync();
        var backups = engine.Deployment.Backups!;
        var backup = await backups.CreateAsync(
            engine.Deployment.Git.HeadCommit,
            "manual",
            null,
            CancellationToken.None
        );
        AddPlayer(engine.Fixture.DatabasePath, Marker);
        var pidBefore = await engine.BotPidAsync();
        var steps = new List<string>();

        RestoreResult result;
        using (var held = engine.Deployment.TryLock("test", out var holder))
        {
            Assert.True(held is not null, $"lock busy: {holder}");
            result = await BackupRestore.RunAsync(
                engine.Deployment,
                held,
                backup.Id,
                new SynchronousProgress(steps),
                CancellationToken.None
            );
        }

        Assert.True(result.Gate.Passed, result.Gate.Detail);
        Assert.Equal(backup.Id, result.Restored.Id);
        Assert.Equal(0L, PlayersNamed(engine.Fixture.DatabasePath, Marker));
        Assert.Equal("pre-restore", result.Saved.Reason);
        Assert.Equal(1L, PlayersNamed(result.Saved.Path, Marker));
        Assert.NotEqual(pidBefore, await engine.BotPidAsync());
        await engine.WaitHealthyAsync();
        Assert.Equal(
            [
                $"verifying backup {backup.Id}",
                "stopping shootybot-demo",
                "saving the current database as a backup",
                $"restoring backup {backup.Id}",
                "starting shootybot-demo",
                "waiting for the bot to be healthy",
            ],
            steps
        );
    }

    [Fact(Timeout = 120000)]
    public async Task Restore_of_damaged_backup_changes_nothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        var backups = engine.Deployment.Backups!;
        var backup = await backups.CreateAsync(null, "manual", null, CancellationToken.None);
        TestDatabase.FlipMiddleByte(backup.Path);
        AddPlayer(engine.Fixture.DatabasePath, Marker);
        var pidBefore = await engine.BotPidAsync();
        using var held = engine.Deployment.TryLock("test", out var holder);
        Assert.True(held is not null, $"lock busy: {holder}");

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            BackupRestore.RunAsync(engine.Deployment, held, backup.Id, null, CancellationToken.None)
        );

        Assert.Contains("failed verification", error.Message);
        Assert.Equal(pidBefore, await engine.BotPidAsync());
        Assert.Equal(1L, PlayersNamed(engine.Fixture.DatabasePath, Marker));
        Assert.DoesNotContain(backups.List(), entry => entry.Reason == "pre-restore");
        Assert.True(backups.Get(backup.Id)!.FailedVerification);
    }

    [Fact(Timeout = 120000)]
    public async Task Failed_save_restarts_bot_on_its_database()
    {
        await using var engine = await EngineHarness.StartAsync();
        var backups = engine.Deployment.Backups!;
        var backup = await backups.CreateAsync(null, "manual", null, CancellationToken.None);
        // The backup file moves out of the backup directory, which then becomes a plain file,
        // so the backup of the current database fails after the bot was stopped.
        var movedPath = Path.Combine(engine.Fixture.Root, "moved.db");
        File.Move(backup.Path, movedPath);
        SetBackupPath(engine, backup.Id, movedPath);
        Directory.Delete(engine.Config.Backup.Dir, recursive: true);
        File.WriteAllText(engine.Config.Backup.Dir, "not a directory");
        AddPlayer(engine.Fixture.DatabasePath, Marker);
        using var held = engine.Deployment.TryLock("test", out var holder);
        Assert.True(held is not null, $"lock busy: {holder}");

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            BackupRestore.RunAsync(engine.Deployment, held, backup.Id, null, CancellationToken.None)
        );

        Assert.Contains("Could not create a backup file", error.Message);
        Assert.NotNull(await engine.BotPidAsync());
        await engine.WaitHealthyAsync();
        Assert.Equal(1L, PlayersNamed(engine.Fixture.DatabasePath, Marker));
    }

    [Fact(Timeout = 120000)]
    public async Task Restore_of_unknown_backup_throws_not_found()
    {
        await using var engine = await EngineHarness.StartAsync();
        var pidBefore = await engine.BotPidAsync();
        using var held = engine.Deployment.TryLock("test", out var holder);
        Assert.True(held is not null, $"lock busy: {holder}");

        var error = await Assert.ThrowsAsync<BackupException>(() =>
            BackupRestore.RunAsync(engine.Deployment, held, 4242, null, CancellationToken.None)
        );

        Assert.Contains("Backup 4242 is not in the catalog", error.Message);
        Assert.Equal(pidBefore, await engine.BotPidAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task Cli_restore_keeps_its_messages_and_restores()
    {
        await using var engine = await EngineHarness.StartAsync();
        var backup = await engine.Deployment.Backups!.CreateAsync(
            engine.Deployment.Git.HeadCommit,
            "manual",
            null,
            CancellationToken.None
        );
        AddPlayer(engine.Fixture.DatabasePath, Marker);
        string[] restore = ["--config", engine.Fixture.ConfigPath, "backup", "restore"];

        var refused = await ShootyProcess.RunAsync([.. restore, backup.Id.ToString()]);
        var run = await ShootyProcess.RunAsync([.. restore, backup.Id.ToString(), "--yes"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("pass --yes to confirm", refused.Error);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var saved = engine.Deployment.Backups.List()[0];
        Assert.Equal("pre-restore", saved.Reason);
        Assert.Contains(
            $"restored backup {backup.Id}; the previous database was saved as backup {saved.Id}",
            run.Output
        );
        Assert.Equal(0L, PlayersNamed(engine.Fixture.DatabasePath, Marker));
        await engine.WaitHealthyAsync();
    }

    /// <summary>Adds a player beside the running bot, which writes to the same database.</summary>
    internal static void AddPlayer(string databasePath, string name)
    {
        using var connection = Open(databasePath, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO players (name, score, joined_at) VALUES ($name, 0, unixepoch())";
        command.Parameters.AddWithValue("$name", name);
        command.ExecuteNonQuery();
    }

    internal static long PlayersNamed(string databasePath, string name)
    {
        using var connection = Open(databasePath, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM players WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()!;
    }

    private static void SetBackupPath(EngineHarness engine, long id, string path)
    {
        using var connection = Open(engine.Deployment.State.Path, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE backups SET path = $path WHERE id = $id";
        command.Parameters.AddWithValue("$path", path);
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = mode,
                Pooling = false,
                DefaultTimeout = 10,
            }.ToString()
        );
        connection.Open();
        return connection;
    }

    /// <summary>Collects reports on the reporting thread, unlike <c>Progress</c>.</summary>
    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
