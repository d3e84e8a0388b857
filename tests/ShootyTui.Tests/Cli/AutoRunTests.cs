using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Cli;

/// <summary>
/// <c>shooty --auto</c> as cron runs it: a separate process, no terminal, a bare environment.
/// </summary>
public class AutoRunTests
{
    [Fact(Timeout = 180000)]
    public async Task Auto_updates_under_a_bare_cron_environment()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nauto = true\n")
        );

        var run = await ShootyProcess.RunAsync(
            ["--config", engine.Fixture.ConfigPath, "--auto"],
            bareEnvironment: true
        );

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("3 commit(s) pending", run.Output);
        Assert.Contains("updated", run.Output);
        var record = engine.Deployment.Journal.List(1)[0];
        Assert.Equal("auto", record.Trigger);
        Assert.Equal(UpdateOutcome.Succeeded, record.Outcome);
        await engine.WaitHealthyAsync();
    }

    [Fact(Timeout = 180000)]
    public async Task Watchdog_stops_restarting_after_restart_limit()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[bot]\n", "[bot]\nrestart_limit = 2\n")
        );
        await engine.UpdateAsync();

        for (var restart = 1; restart <= 2; restart++)
        {
            await engine.Deployment.Supervisor.StopAsync(CancellationToken.None);
            var run = await ShootyProcess.RunAsync([
                "--config",
                engine.Fixture.ConfigPath,
                "--auto",
            ]);
            Assert.True(run.ExitCode == 0, $"restart {restart}: {run.Output}{run.Error}");
            Assert.Contains("restarted and healthy again", run.Output);
        }

        await engine.Deployment.Supervisor.StopAsync(CancellationToken.None);
        var limited = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "--auto",
        ]);

        Assert.Equal(1, limited.ExitCode);
        Assert.Contains("restart_limit = 2", limited.Output);
        Assert.False(
            (await engine.Deployment.Supervisor.GetStateAsync(CancellationToken.None)).Running
        );
    }

    [Fact(Timeout = 180000)]
    public async Task Pending_tip_is_announced_once_when_auto_is_off()
    {
        await using var engine = await EngineHarness.StartAsync();

        var first = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "--auto"]);
        var second = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "--auto",
        ]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("3 commit(s) pending", first.Output);
        Assert.Equal("", second.Output);
        Assert.Empty(engine.Deployment.Journal.List(10));
    }

    [Fact(Timeout = 180000)]
    public async Task Clock_behind_last_run_defers_updates()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nauto = true\n")
        );
        engine.Deployment.Settings.Set(
            AutoRun.LastRunKey,
            UpdateJournal.Iso(DateTimeOffset.UtcNow.AddDays(1))
        );

        var run = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "--auto"]);

        Assert.Equal(11, run.ExitCode);
        Assert.Contains("behind the last run", run.Output);
        Assert.Empty(engine.Deployment.Journal.List(10));
    }
}
