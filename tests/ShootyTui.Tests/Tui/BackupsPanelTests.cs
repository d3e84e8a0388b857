using ShootyTui.Cli;
using ShootyTui.Core.Backups;
using ShootyTui.Tests.Backups;
using ShootyTui.Tests.Support;
using ShootyTui.Tui;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Tui;

/// <summary>
/// The Backups panel of the real main window on a running demo deployment, drawn headless and
/// driven by keys.
/// </summary>
public class BackupsPanelTests
{
    private const string Marker = "written-after-the-backup";

    [Theory(Timeout = 180000)]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task List_shows_every_backup_and_its_details(int width, int height)
    {
        await using var engine = await EngineHarness.StartAsync();
        var head = engine.Deployment.Git.HeadCommit;
        var manual = await CreateAsync(engine, "manual");
        var preUpdate = await CreateAsync(engine, "pre-update");
        var script = new TuiScript()
            .WaitFor("fetched: ")
            .Press(Key.D3)
            .WaitFor("[3] Backups (2)")
            .WaitFor($"{Format.Short(head)} ✓ verified")
            .WaitFor("reason    pre-update")
            .WaitFor("state     ✓ verified at")
            .WaitFor(preUpdate.Sha256[..40])
            .Press(Key.J)
            .WaitFor("reason    manual")
            .WaitFor($"Backup {manual.Id}")
            .Press(Key.Q);

        var running = RunPanel(engine, script, width, height);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel left work running");
        Assert.Contains("c backup", script.LastScreen);
        Assert.Contains("R restore", script.LastScreen);
        Assert.All(script.LastScreen.Split('\n'), line =>
            Assert.True(line.TrimEnd('\r').Length <= width)
        );
        if (width >= 120)
        {
            // The wide list has room for the size and the reason too.
            Assert.Contains(" KiB manual", script.LastScreen);
        }
    }

    [Fact(Timeout = 180000)]
    public async Task Create_adds_a_manual_backup()
    {
        await using var engine = await EngineHarness.StartAsync();
        var script = new TuiScript()
            .WaitFor("fetched: ")
            .Press(Key.D3)
            .WaitFor("No backups yet.")
            .Press(Key.C)
            .WaitFor("✓ backup 1 created", 60)
            .WaitFor("[3] Backups (1)")
            .WaitFor("reason    manual")
            .Press(Key.Q);

        var running = RunPanel(engine, script, 80, 24);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel left work running");
        var entry = Assert.Single(engine.Deployment.Backups!.List());
        Assert.Equal("manual", entry.Reason);
        Assert.Equal(engine.Deployment.Git.HeadCommit, entry.Commit);
        Assert.True(File.Exists(entry.Path));
    }

    [Fact(Timeout = 180000)]
    public async Task Create_failure_shows_error_and_log_path()
    {
        await using var engine = await EngineHarness.StartAsync();
        // A plain file where the backup directory should be makes every backup fail.
        File.WriteAllText(engine.Config.Backup.Dir, "not a directory");
        var script = new TuiScript()
            .WaitFor("fetched: ")
            .Press(Key.D3)
            .WaitFor("No backups yet.")
            .Press(Key.C)
            .WaitFor("Backup failed", 60)
            .WaitFor("Could not create a backup file")
            .WaitFor("Log: ")
            .Press(Key.Enter)
            .WaitForGone("Backup failed")
            .Press(Key.Q);

        var running = RunPanel(engine, script, 80, 24);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel left work running");
        Assert.Empty(engine.Deployment.Backups!.List());
    }

    [Fact(Timeout = 180000)]
    public async Task Verify_marks_damaged_backup_failed()
    {
        await using var engine = await EngineHarness.StartAsync();
        var intact = await CreateAsync(engine, "manual");
        var damaged = await CreateAsync(engine, "manual");
        TestDatabase.FlipMiddleByte(damaged.Path);
        var script = new TuiScript()
            .WaitFor("fetched: ")
            .Press(Key.D3)
            .WaitFor("[3] Backups (2)")
            .Press(Key.V)
            .WaitFor("Backup damaged", 60)
            .WaitFor("SHA-256 is")
            .WaitFor("Log: ")
            .Press(Key.Enter)
            .WaitForGone("Backup damaged")
            .WaitFor("✗ failed")
            .Press(Key.J, Key.V)
            .WaitFor($"✓ backup {intact.Id} verified", 60)
            .Press(Key.Q);

        var running = RunPanel(engine, script, 120, 40);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel left work running");
        var backups = engine.Deployment.Backups!;
        Assert.True(backups.Get(damaged.Id)!.FailedVerification);
        Assert.True(backups.Get(intact.Id)!.Verified);
        Assert.True(backups.Get(intact.Id)!.VerifiedAt > intact.VerifiedAt);
    }

    [Fact(Timeout = 180000)]
    public async Task Restore_with_wrong_commit_changes_nothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        var backup = await CreateAsync(engine, "manual");
        BackupRestoreTests.AddPlayer(engine.Fixture.DatabasePath, Marker);
        var pid = await engine.BotPidAsync();
        var script = new TuiScript()
            .WaitFor("fetched: ")
            .Press(Key.D3)
            .WaitFor("[3] Backups (1)")
            .Press(Key.R.WithShift)
            .WaitFor($"Type {Format.Short(backup.Commit)}")
            .Press(Typed("0000000"))
            .Press(Key.Tab, Key.Enter)
            .WaitFor("restore cancelled")
            .Press(Key.R.WithShift)
            .WaitFor($"Type {Format.Short(backup.Commit)}")
            .Press(Typed(Format.Short(backup.Commit)))
            .Press(Key.Enter)
            .WaitFor("restore cancelled")
            .Press(Key.Q);

        var running = RunPanel(engine, script, 80, 24);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel left work running");
        Assert.Equal(1L, BackupRestoreTests.PlayersNamed(engine.Fixture.DatabasePath, Marker));
        Assert.Equal(pid, await engine.BotPidAsync());
        Assert.Single(engine.Deployment.Backups!.List());
    }

    [Fact(Timeout = 180000)]
    public async Task Restore_with_right_commit_restores_database()
    {
        await using var engine = await EngineHarness.StartAsync();
        var backup = await CreateAsync(engine, "manual");
        BackupRestoreTests.AddPlayer(engine.Fixture.DatabasePath, Marker);
        var pid = await engine.BotPidAsync();
        var script = new TuiScript()
            .WaitFor("fetched: ")
            .Press(Key.D3)
            .WaitFor("[3] Backups (1)")
            .Press(Key.R.WithShift)
            .WaitFor($"Type {Format.Short(backup.Commit)}")
            .Press(Typed(Format.Short(backup.Commit)))
            .WaitFor(Format.Short(backup.Commit) + "     ")
            .Press(Key.Tab, Key.Enter)
            .WaitFor($"Restoring backup {backup.Id}")
            .WaitFor("… waiting for the bot to be healthy", 60)
            .WaitFor($"✓ restored backup {backup.Id}; bot healthy", 60)
            .WaitFor("[3] Backups (2)")
            .WaitFor("reason    pre-restore")
            .Press(Key.Q);

        var running = RunPanel(engine, script, 120, 40);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel left work running");
        Assert.Equal(0L, BackupRestoreTests.PlayersNamed(engine.Fixture.DatabasePath, Marker));
        var saved = engine.Deployment.Backups!.List()[0];
        Assert.Equal("pre-restore", saved.Reason);
        Assert.Equal(1L, BackupRestoreTests.PlayersNamed(saved.Path, Marker));
        Assert.NotEqual(pid, await engine.BotPidAsync());
        await engine.WaitHealthyAsync();
    }

    [Fact(Timeout = 180000)]
    public async Task Delete_keeps_last_good_and_deletes_another()
    {
        await using var engine = await EngineHarness.StartAsync();
        var older = await CreateAsync(engine, "manual");
        var newest = await CreateAsync(engine, "manual");
        var script = new TuiScript()
            .WaitFor("fetched: ")
            .Press(Key.D3)
            .WaitFor("[3] Backups (2)")
            .Press(Key.D)
            .WaitFor("Backup kept")
            .WaitFor("is the last good")
            .Press(Key.Enter)
            .WaitForGone("Backup kept")
            .Press(Key.J, Key.D)
            .WaitFor($"Delete backup {older.Id}")
            .Press(Key.Enter)
            .WaitFor("delete cancelled")
            .Press(Key.D)
            .WaitFor($"Delete backup {older.Id}")
            .Press(Key.Tab, Key.Enter)
            .WaitFor($"✓ backup {older.Id} deleted")
            .WaitFor("[3] Backups (1)")
            .Press(Key.Q);

        var running = RunPanel(engine, script, 80, 24);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel left work running");
        var left = Assert.Single(engine.Deployment.Backups!.List());
        Assert.Equal(newest.Id, left.Id);
        Assert.False(File.Exists(older.Path));
        Assert.True(File.Exists(newest.Path));
    }

    [Fact(Timeout = 180000)]
    public async Task Read_only_hides_and_blocks_mutating_keys()
    {
        await using var engine = await EngineHarness.StartAsync();
        await CreateAsync(engine, "manual");
        var script = new TuiScript()
            .WaitFor("fetched: ")
            .Press(Key.D3)
            .WaitFor("[3] Backups (1)")
            .WaitFor("v verify")
            .Press(Key.C)
            .WaitFor("read-only")
            .Press(Key.Q);

        var running = RunPanel(engine, script, 80, 24, readOnly: true);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel left work running");
        Assert.DoesNotContain("c backup", script.LastScreen);
        Assert.DoesNotContain("R restore", script.LastScreen);
        Assert.Single(engine.Deployment.Backups!.List());
    }

    private static Task<BackupEntry> CreateAsync(EngineHarness engine, string reason) =>
        engine.Deployment.Backups!.CreateAsync(
            engine.Deployment.Git.HeadCommit,
            reason,
            null,
            CancellationToken.None
        );

    private static Key[] Typed(string text) => text.Select(c => new Key(c)).ToArray();

    private static Task? RunPanel(
        EngineHarness engine,
        TuiScript script,
        int width,
        int height,
        bool readOnly = false
    ) =>
        TuiLauncher.Run(
            engine.Deployment,
            Theme.Load("default"),
            app =>
            {
                app.Driver!.SetScreenSize(width, height);
                script.Attach(app, TimeSpan.FromSeconds(150));
            },
            DriverRegistry.Names.ANSI,
            readOnly
        );
}
