using ShootyTui.Core.Slots;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tests.BlueGreen;

/// <summary>
/// <c>[update] overlap</c> above zero: the old slot keeps serving while the new one starts, and
/// is stopped when the new one passes its gate or the overlap runs out.
/// </summary>
public class BlueGreenOverlapTests
{
    internal static Func<string, string> WithOverlap(string overlap, string settle = "1s") =>
        text =>
            text.Replace(
                    "strategy = \"blue-green\"",
                    $"strategy = \"blue-green\"\noverlap = \"{overlap}\""
                )
                .Replace("health_settle = \"1s\"", $"health_settle = \"{settle}\"");

    [Fact(Timeout = 120000)]
    public async Task Old_slot_serves_until_gate_passes()
    {
        await using var engine = await BlueGreenHarness.StartAsync(WithOverlap("60s"));
        var oldPid = await engine.BotPidAsync();
        var playersBefore = engine.Count("players");
        var logOffset = engine.BotLogLength();

        var result = await engine.UpdateAsync();

        Assert.True(result.Outcome == UpdateOutcome.Succeeded, result.Message);
        Assert.Equal(TimeSpan.Zero, result.Downtime);
        Assert.Equal(SlotColor.Green, engine.Live());
        var newPid = await engine.BotPidAsync();
        Assert.NotEqual(oldPid, newPid);
        Assert.EndsWith(result.ToCommit[..7], engine.HeartbeatVersion());
        Assert.True(engine.Count("players") >= playersBefore, "shared players were lost");

        // Both ran together: the new slot logged its start before the old one its shutdown.
        var log = engine.BotLogSince(logOffset);
        var newStart = BlueGreenUpdateTests.IndexOf(log, $"starting (pid {newPid},");
        var shutdown = BlueGreenUpdateTests.IndexOf(log, "received SIGTERM, shutting down");
        Assert.True(newStart < shutdown, string.Join("\n", log));
        Assert.Empty(engine.ProcessesIn(SlotColor.Blue));
        Assert.NotEmpty(engine.ProcessesIn(SlotColor.Green));
        Assert.False(File.Exists(OutgoingPidFile(engine)));

        var steps = engine.Deployment.Journal.Steps(result.UpdateId!.Value);
        var backup = steps.Single(e => e.Step == "backup" && e.Phase == "succeeded");
        var handover = steps.Single(e => e.Step == "switch" && e.Phase == "succeeded");
        var gate = steps.Single(e => e.Step == "health_gate" && e.Phase == "succeeded");
        var stop = steps.Single(e => e.Step == "stop" && e.Phase == "started");
        var stopped = steps.Single(e => e.Step == "stop" && e.Phase == "succeeded");
        Assert.True(backup.Id < handover.Id, "the backup ran after the handover");
        Assert.True(handover.Id < gate.Id, "the gate passed before the handover");
        Assert.True(gate.Id < stop.Id, "the old slot stopped before the gate passed");
        Assert.Contains($"serves until then (running, pid {oldPid})", handover.Detail);
        Assert.Contains("it passed its health gate", stop.Detail);
        Assert.Contains("slot blue stopped gracefully", stopped.Detail);
        Assert.Equal(0, engine.Deployment.Journal.Get(result.UpdateId!.Value)!.DowntimeMs);
    }

    [Fact(Timeout = 120000)]
    public async Task Old_slot_stops_when_overlap_runs_out()
    {
        // The gate lasts at least the 5 s settle time, so the 1 s overlap ends first.
        await using var engine = await BlueGreenHarness.StartAsync(WithOverlap("1s", "5s"));

        var result = await engine.UpdateAsync();

        Assert.True(result.Outcome == UpdateOutcome.Succeeded, result.Message);
        Assert.NotNull(result.Downtime);
        Assert.Empty(engine.ProcessesIn(SlotColor.Blue));
        var steps = engine.Deployment.Journal.Steps(result.UpdateId!.Value);
        var gateStarted = steps.Single(e => e.Step == "health_gate" && e.Phase == "started");
        var gatePassed = steps.Single(e => e.Step == "health_gate" && e.Phase == "succeeded");
        var stop = steps.Single(e => e.Step == "stop" && e.Phase == "started");
        Assert.True(gateStarted.Id < stop.Id, "the old slot stopped before the gate began");
        Assert.True(stop.Id < gatePassed.Id, "the old slot served until the gate passed");
        Assert.Contains(
            "the overlap of 1.0s ran out before it passed its health gate",
            stop.Detail
        );
        Assert.True(stop.At - gateStarted.At >= TimeSpan.FromSeconds(0.9));
        Assert.True(stop.At < gatePassed.At);
    }

    [Fact(Timeout = 120000)]
    public async Task Failed_gate_restores_old_slot()
    {
        await using var engine = await BlueGreenHarness.StartAsync(WithOverlap("60s"));
        var from = engine.SlotCommit(SlotColor.Blue);
        await engine.Fixture.PushBehaviourAsync(heartbeat: false);

        var result = await engine.UpdateAsync();

        Assert.True(result.Outcome == UpdateOutcome.RolledBack, result.Message);
        Assert.Equal(UpdateStep.HealthGate, result.FailedStep);
        Assert.Contains(
            "new version stopped, slot blue, still serving beside it, stopped",
            result.Message
        );
        Assert.Contains("(writes of both slots since then saved as", result.Message);
        Assert.Contains("current link back on slot blue", result.Message);
        Assert.Contains("database restored from backup", result.Message);
        Assert.Equal(SlotColor.Blue, engine.Live());
        Assert.Equal(SlotColor.Blue, engine.Deployment.Slots.Store.Live());
        Assert.Empty(engine.ProcessesIn(SlotColor.Green));
        Assert.False(File.Exists(OutgoingPidFile(engine)));
        Assert.Single(engine.Deployment.Backups!.List(), b => b.Reason == "failed-version");
        await engine.WaitHealthyAsync();
        Assert.EndsWith(from[..7], engine.HeartbeatVersion());
    }

    [Fact(Timeout = 120000)]
    public async Task Rollback_with_overlap_stops_before_restoring()
    {
        await using var engine = await BlueGreenHarness.StartAsync(WithOverlap("60s"));
        var update = await engine.UpdateAsync();
        Assert.True(update.Outcome == UpdateOutcome.Succeeded, update.Message);
        var logOffset = engine.BotLogLength();

        var result = await engine.RollbackAsync();

        Assert.True(result.Outcome == UpdateOutcome.Succeeded, result.Message);
        Assert.Equal(SlotColor.Blue, engine.Live());
        var log = engine.BotLogSince(logOffset);
        var shutdown = BlueGreenUpdateTests.IndexOf(log, "received SIGTERM, shutting down");
        var start = BlueGreenUpdateTests.IndexOf(
            log,
            $"starting (pid {await engine.BotPidAsync()},"
        );
        Assert.True(shutdown < start, string.Join("\n", log));
        Assert.Empty(engine.ProcessesIn(SlotColor.Green));
    }

    internal static string OutgoingPidFile(BlueGreenHarness engine) =>
        Path.Combine(engine.Deployment.Config.StateDirectory, "bot.outgoing.pid");
}
