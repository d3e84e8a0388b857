using System.Text.Json;
using ShootyTui.Core.Slots;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.BlueGreen;

/// <summary>
/// A link moved by hand away from the slot the bot runs in: status reports it and the watchdog
/// never restarts the bot into the other slot's version.
/// </summary>
public class SlotMismatchTests
{
    [Fact(Timeout = 120000)]
    public async Task Moved_link_fails_status_not_restart()
    {
        await using var engine = await BlueGreenHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nauto = true\n")
        );
        var pid = await engine.BotPidAsync();
        var config = engine.Fixture.ConfigPath;
        engine.Deployment.Slots.Layout.PointAt(SlotColor.Green);
        ShootyRun status,
            json,
            auto,
            restart,
            rollback;
        try
        {
            status = await ShootyProcess.RunAsync(["--config", config, "status"]);
            json = await ShootyProcess.RunAsync(["--config", config, "status", "--json"]);
            auto = await ShootyProcess.RunAsync(["--config", config, "--auto"]);
            restart = await ShootyProcess.RunAsync(["--config", config, "restart"]);
            rollback = await ShootyProcess.RunAsync([
                "--config",
                config,
                "rollback",
                "--to",
                "HEAD",
                "--yes",
            ]);
        }
        finally
        {
            engine.Deployment.Slots.Layout.PointAt(SlotColor.Blue);
        }

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("the bot runs from slot blue, but", status.Output);
        Assert.Contains("`ln -sfn blue ", status.Output);
        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.Contains("slot blue", document.GetProperty("slot_mismatch").GetString());
        Assert.False(document.GetProperty("healthy").GetBoolean());
        Assert.False(document.GetProperty("interrupted").GetBoolean());
        Assert.Equal(1, auto.ExitCode);
        Assert.Contains("is not restarted: the bot runs from slot blue", auto.Output);
        Assert.Equal(1, restart.ExitCode);
        Assert.Contains("not restarting: the bot runs from slot blue", restart.Error);
        Assert.Equal(1, rollback.ExitCode);
        Assert.Contains("the bot runs from slot blue", rollback.Error);
        Assert.Equal(pid, await engine.BotPidAsync());
        Assert.Equal(SlotColor.Blue, engine.Deployment.Slots.SlotOfProcess(pid!.Value));
        // The refused update did not record the hand-moved link as live.
        Assert.Equal(SlotColor.Blue, engine.Deployment.Slots.Store.Live());
    }
}
