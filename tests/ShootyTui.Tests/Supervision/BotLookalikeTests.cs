using System.Diagnostics;
using ShootyTui.Core.Supervision;
using ShootyTui.Tests.Support;
using Xunit;

namespace ShootyTui.Tests.Supervision;

/// <summary>
/// A bot started by hand in the checkout (in screen, with nohup, by an old unit) is seen, so
/// shooty never starts a second one on the same token.
/// </summary>
public sealed class BotLookalikeTests
{
    [Theory]
    [InlineData("exec .venv/bin/python3 bot.py", "python")]
    [InlineData("python3.11 -m shootybot", "python")]
    [InlineData("LOG_LEVEL=debug nohup node index.js", "node")]
    [InlineData("./run.sh --fast", "run.sh")]
    [InlineData("   ", null)]
    public void ProgramOf_reads_the_interpreter(string start, string? expected) =>
        Assert.Equal(expected, BotLookalikes.ProgramOf(start));

    [Fact(Timeout = 120000)]
    public async Task Start_refuses_beside_a_hand_run_bot()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Deployment.Supervisor.StopAsync(default);
        var config = engine.Fixture.ConfigPath;
        using var handRun = StartSleeper(engine.Fixture.CheckoutPath);

        var rejected = await ShootyProcess.RunAsync(["--config", config, "start"]);
        var pidAfterRejection = await engine.BotPidAsync();
        handRun.Kill();
        await handRun.WaitForExitAsync();
        var started = await ShootyProcess.RunAsync(["--config", config, "start"]);

        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains($"pid {handRun.Id} (`", rejected.Error);
        Assert.Contains("python3 -c import time", rejected.Error);
        Assert.Contains("was not started by shooty", rejected.Error);
        Assert.Contains($"`kill {handRun.Id}`", rejected.Error);
        Assert.Null(pidAfterRejection);
        Assert.True(started.ExitCode == 0, started.Output + started.Error);
        Assert.NotNull(await engine.BotPidAsync());
    }

    [Fact(Timeout = 180000)]
    public async Task Update_and_watchdog_refuse_beside_it()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nauto = true\n")
        );
        await engine.Deployment.Supervisor.StopAsync(default);
        var config = engine.Fixture.ConfigPath;
        var head = engine.Deployment.Git.HeadCommit;
        using var handRun = StartSleeper(engine.Fixture.CheckoutPath);

        var update = await ShootyProcess.RunAsync(["--config", config, "update", "--yes"]);
        var auto = await ShootyProcess.RunAsync(["--config", config, "--auto"]);
        var status = await ShootyProcess.RunAsync(["--config", config, "status"]);
        var pidAfter = await engine.BotPidAsync();
        handRun.Kill();
        await handRun.WaitForExitAsync();

        Assert.NotEqual(0, update.ExitCode);
        Assert.Contains($"pid {handRun.Id} (`", update.Output + update.Error);
        Assert.Contains("is not restarted: pid ", auto.Output);
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("was not started by shooty", status.Output);
        Assert.Null(pidAfter);
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);
        // Refused before anything was touched, not failed half-way.
        Assert.NotEmpty(engine.Deployment.Journal.List(10));
        Assert.All(engine.Deployment.Journal.List(10), record =>
            Assert.Equal("preflight", record.FailedStep)
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Own_bot_is_no_lookalike()
    {
        await using var engine = await EngineHarness.StartAsync();

        var found = ShootyTui.Core.Deployment.FindLookalikes(engine.Config);

        Assert.NotNull(await engine.BotPidAsync());
        Assert.Empty(found);
    }

    [Fact(Timeout = 60000)]
    public async Task Init_names_a_hand_run_bot()
    {
        using var git = new GitFixture(
            new Dictionary<string, string?> { ["bot.py"] = "print('bot')\n" }
        );
        using var output = new TempDirectory();
        using var handRun = StartSleeper(git.DeployPath);

        var init = await ShootyProcess.RunAsync([
            "init",
            git.DeployPath,
            "--output",
            output.Combine("shooty.toml"),
        ]);
        handRun.Kill();

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Contains($"  running:    pid {handRun.Id} (`", init.Output);
        Assert.Contains("python3 -c import time", init.Output);
        Assert.Contains("stop it before `shooty start`", init.Output);
    }

    /// <summary>Starts a python process in <paramref name="folder"/>, as a bot run by hand.</summary>
    private static Process StartSleeper(string folder)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = folder };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import time; time.sleep(120)");
        return Process.Start(start)!;
    }
}
