using System.Text.Json;
using ShootyTui.Core.Slots;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.BlueGreen;

/// <summary>
/// Kills <c>shooty update</c> with SIGKILL at journal points of a blue-green update, then checks
/// that the next command recovers to one healthy slot with the shared data intact.
/// </summary>
public class BlueGreenRecoveryTests
{
    [Theory(Timeout = 180000)]
    [InlineData("smoke_test:succeeded", UpdateOutcome.Aborted, SlotColor.Blue)]
    [InlineData("switch:succeeded", UpdateOutcome.RolledBack, SlotColor.Blue)]
    [InlineData("start:succeeded", UpdateOutcome.RolledBack, SlotColor.Blue)]
    [InlineData("health_gate:succeeded", UpdateOutcome.Succeeded, SlotColor.Green)]
    public Task Killed_switch_is_recovered_by_next_command(
        string failpoint,
        UpdateOutcome outcome,
        SlotColor live
    ) => KillAndRecoverAsync(null, failpoint, outcome, live);

    [Theory(Timeout = 180000)]
    [InlineData("backup:succeeded", UpdateOutcome.Aborted, SlotColor.Blue)]
    [InlineData("switch:succeeded", UpdateOutcome.Aborted, SlotColor.Blue)]
    [InlineData("start:succeeded", UpdateOutcome.RolledBack, SlotColor.Blue)]
    [InlineData("health_gate:succeeded", UpdateOutcome.Succeeded, SlotColor.Green)]
    public Task Killed_overlap_is_recovered_by_next_command(
        string failpoint,
        UpdateOutcome outcome,
        SlotColor live
    ) => KillAndRecoverAsync(BlueGreenOverlapTests.WithOverlap("60s"), failpoint, outcome, live);

    private static async Task KillAndRecoverAsync(
        Func<string, string>? edit,
        string failpoint,
        UpdateOutcome outcome,
        SlotColor live
    )
    {
        await using var engine = await BlueGreenHarness.StartAsync(edit);
        var from = engine.SlotCommit(SlotColor.Blue);
        var playersBefore = engine.Count("players");
        var oldPid = await engine.BotPidAsync();

        var killed = await ShootyProcess.RunAsync(
            ["--config", engine.Fixture.ConfigPath, "update", "--yes"],
            new Dictionary<string, string> { [Failpoints.Variable] = failpoint }
        );
        Assert.True(
            killed.ExitCode == 137,
            $"update was not killed: {killed.Output}{killed.Error}"
        );
        var interrupted = engine.Deployment.Journal.FindUnfinished();
        Assert.NotNull(interrupted);
        var ticksAtKill = engine.Count("ticks");
        var status = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "status",
        ]);
        var handedOver = edit is not null && failpoint != "backup:succeeded";
        Assert.Equal(
            handedOver,
            status.Output.Contains("the old slot still runs beside it (running, pid ")
        );
        Assert.Equal(handedOver, status.Output.Contains("that switch was interrupted"));
        var json = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "status",
            "--json",
        ]);
        Assert.Contains($"update #{interrupted.Id} was interrupted", status.Output);
        var check = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "check"]);
        Assert.Contains($"note: update #{interrupted.Id} to ", check.Output);
        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.True(document.GetProperty("interrupted").GetBoolean());
        var outgoing = document.GetProperty("outgoing");
        Assert.Equal(handedOver, outgoing.ValueKind == JsonValueKind.Object);
        if (handedOver)
        {
            var pid = outgoing.GetProperty("pid").GetInt32();
            Assert.Contains(pid, engine.ProcessesIn(SlotColor.Blue));
        }

        var next = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "start"]);

        Assert.True(next.ExitCode == 0, $"shooty start failed: {next.Output}{next.Error}");
        Assert.Contains("recovered an interrupted update", next.Output);
        Assert.Null(engine.Deployment.Journal.FindUnfinished());
        var record = engine.Deployment.Journal.Get(interrupted.Id)!;
        Assert.True(record.Recovered);
        Assert.Equal(outcome, record.Outcome);
        Assert.Equal(live, engine.Live());
        Assert.Equal(live, engine.Deployment.Slots.Store.Live());
        var expected = live == SlotColor.Green ? interrupted.ToCommit : from;
        Assert.Equal(expected, engine.SlotCommit(live));
        await engine.WaitHealthyAsync();
        Assert.EndsWith(expected[..7], engine.HeartbeatVersion());
        Assert.True(engine.Count("players") >= playersBefore, "shared players were lost");
        Assert.Empty(engine.ProcessesIn(live.Other()));
        Assert.False(File.Exists(BlueGreenOverlapTests.OutgoingPidFile(engine)));
        if (edit is not null && failpoint == "switch:succeeded")
        {
            // The new slot never started: the old one served on and nothing was restored.
            Assert.Equal(oldPid, await engine.BotPidAsync());
            Assert.True(engine.Count("ticks") >= ticksAtKill, "the old slot's writes were lost");
            Assert.Contains("the database was not restored", next.Output);
        }
    }
}
