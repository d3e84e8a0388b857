using System.Text.Json;
using ShootyTui.Core.Metrics;
using ShootyTui.Core.State;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Metrics;

public class UpdateMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Metrics_sum_up_the_history()
    {
        using var folder = new TempDirectory();
        var database = new StateDatabase(folder.Combine("state.db"));
        var journal = new UpdateJournal(database);
        Succeeded(journal, "cli", T0, stopMs: 100, smokeMs: 300, downtimeMs: 2000);
        Succeeded(journal, "auto", T0.AddDays(1), stopMs: 300, smokeMs: 500, downtimeMs: 4000);
        RolledBack(journal, "auto", T0.AddDays(2), rollbackMs: 6000, downtimeMs: 9000);
        RolledBack(journal, "webhook", T0.AddDays(3), rollbackMs: 2000, downtimeMs: 3000);
        Refused(journal, "auto", T0.AddDays(4));
        // `shooty rollback` is planned work, not an update: it is counted on its own.
        var manual = journal.Begin("rollback", "b", "a", T0.AddDays(5));
        journal.Record(
            manual,
            UpdateStep.Restore,
            "succeeded",
            T0.AddDays(5),
            TimeSpan.FromMilliseconds(700)
        );
        journal.Finish(
            manual,
            UpdateOutcome.Succeeded,
            T0.AddDays(5).AddMinutes(1),
            null,
            null,
            null,
            TimeSpan.FromMilliseconds(1000)
        );
        new Settings(database).Set(AutoRun.LastRunKey, "2025-03-05T02:00:00.000Z");

        var metrics = UpdateMetrics.Read(database, journal);

        Assert.Equal(4, metrics.Totals.Attempts);
        Assert.Equal(2, metrics.Totals.Succeeded);
        Assert.Equal(0.5, metrics.Totals.SuccessRate);
        Assert.Equal(1, metrics.Totals.Refused);
        Assert.Equal(1, metrics.Totals.ManualRollbacks);
        Assert.Equal(0, metrics.Totals.Aborted);
        Assert.Equal(2, metrics.Rollbacks);
        Assert.Equal(4500, metrics.Totals.MeanDowntimeMs);
        Assert.Equal(9000, metrics.Totals.WorstDowntimeMs);
        Assert.Equal(4000, metrics.MeanTimeToRecoverMs);
        var stop = Assert.Single(metrics.Steps, step => step.Step == "stop");
        Assert.Equal(new StepDuration("stop", 2, 200, 300), stop);
        Assert.Equal(["stop", "smoke_test", "rollback"], metrics.Steps.Select(step => step.Step));
        Assert.Equal(T0.AddDays(4), metrics.LastUnattended.LastRunAt);
        Assert.Equal(4, metrics.LastUnattended.LastUpdateId);
        Assert.Equal("rolled_back", metrics.LastUnattended.LastUpdateOutcome);
    }

    [Fact]
    public void Metrics_of_an_empty_history_are_empty()
    {
        using var folder = new TempDirectory();
        var database = new StateDatabase(folder.Combine("state.db"));

        var metrics = UpdateMetrics.Read(database, new UpdateJournal(database));

        Assert.Equal(0, metrics.Totals.Attempts);
        Assert.Null(metrics.MeanTimeToRecoverMs);
        Assert.Empty(metrics.Steps);
        Assert.Null(metrics.LastUnattended.LastRunAt);
        Assert.Null(metrics.LastUnattended.LastUpdateId);
    }

    [Fact(Timeout = 180000)]
    public async Task History_json_reports_the_metrics()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        await engine.Fixture.PushFailingSmokeTestAsync();
        await engine.UpdateAsync();

        var run = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "history",
            "--json",
        ]);

        Assert.Equal(0, run.ExitCode);
        var totals = JsonDocument.Parse(run.Output).RootElement.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("attempts").GetInt32());
        Assert.Equal(0.5, totals.GetProperty("success_rate").GetDouble());
        Assert.Equal(1, totals.GetProperty("rollbacks").GetInt32());
        Assert.True(totals.GetProperty("mean_time_to_recover_ms").GetDouble() > 0);
        Assert.True(totals.GetProperty("worst_downtime_ms").GetInt64() > 0);
        var steps = totals
            .GetProperty("step_durations")
            .EnumerateArray()
            .Select(step => step.GetProperty("step").GetString())
            .ToList();
        Assert.Contains("stop", steps);
        Assert.Contains("health_gate", steps);
        Assert.Equal(
            JsonValueKind.Null,
            totals.GetProperty("last_unattended_run").GetProperty("at").ValueKind
        );
    }

    private static void Succeeded(
        UpdateJournal journal,
        string trigger,
        DateTimeOffset at,
        int stopMs,
        int smokeMs,
        int downtimeMs
    )
    {
        var id = journal.Begin(trigger, "a", "b", at);
        journal.Record(id, UpdateStep.Stop, "succeeded", at, TimeSpan.FromMilliseconds(stopMs));
        journal.Record(
            id,
            UpdateStep.SmokeTest,
            "succeeded",
            at,
            TimeSpan.FromMilliseconds(smokeMs)
        );
        journal.Finish(
            id,
            UpdateOutcome.Succeeded,
            at.AddMinutes(1),
            null,
            null,
            null,
            TimeSpan.FromMilliseconds(downtimeMs)
        );
    }

    private static void RolledBack(
        UpdateJournal journal,
        string trigger,
        DateTimeOffset at,
        int rollbackMs,
        int downtimeMs
    )
    {
        var id = journal.Begin(trigger, "a", "b", at);
        journal.Record(id, UpdateStep.SmokeTest, "failed", at, TimeSpan.FromMilliseconds(50));
        journal.Record(
            id,
            UpdateStep.Rollback,
            "succeeded",
            at,
            TimeSpan.FromMilliseconds(rollbackMs)
        );
        journal.Finish(
            id,
            UpdateOutcome.RolledBack,
            at.AddMinutes(1),
            "smoke_test",
            "smoke test failed",
            null,
            TimeSpan.FromMilliseconds(downtimeMs)
        );
    }

    private static void Refused(UpdateJournal journal, string trigger, DateTimeOffset at)
    {
        var id = journal.Begin(trigger, "a", "b", at);
        journal.Finish(id, UpdateOutcome.Aborted, at, "preflight", "dirty tree", null, null);
    }
}
