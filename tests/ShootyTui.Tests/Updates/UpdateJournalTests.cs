using ShootyTui.Core.State;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Updates;

public class UpdateJournalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Unfinished_update_is_found_with_its_steps()
    {
        using var dir = new TempDirectory();
        var journal = new UpdateJournal(new StateDatabase(dir.Combine("state", "state.db")));
        var id = journal.Begin("cli", new string('a', 40), new string('b', 40), T0);
        journal.Record(id, UpdateStep.Stop, "started", T0);
        journal.Record(id, UpdateStep.Stop, "succeeded", T0.AddSeconds(2), TimeSpan.FromSeconds(2));
        journal.SetBackup(id, 7);

        var unfinished = journal.FindUnfinished();

        Assert.NotNull(unfinished);
        Assert.Equal(id, unfinished.Id);
        Assert.Equal(7, unfinished.BackupId);
        Assert.Null(unfinished.Outcome);
        var steps = journal.Steps(id);
        Assert.Equal(["stop:started", "stop:succeeded"], steps.Select(s => $"{s.Step}:{s.Phase}"));
        Assert.Equal(2000, steps[1].DurationMs);
    }

    [Fact]
    public void Finished_update_is_not_unfinished_and_keeps_outcome()
    {
        using var dir = new TempDirectory();
        var journal = new UpdateJournal(new StateDatabase(dir.Combine("state.db")));
        var id = journal.Begin("auto", "a", "b", T0);
        journal.Finish(
            id,
            UpdateOutcome.RolledBack,
            T0.AddMinutes(1),
            "smoke_test",
            "boom",
            "tail",
            TimeSpan.FromSeconds(3)
        );

        Assert.Null(journal.FindUnfinished());
        var record = journal.Get(id)!;
        Assert.Equal(UpdateOutcome.RolledBack, record.Outcome);
        Assert.Equal("smoke_test", record.FailedStep);
        Assert.Equal(3000, record.DowntimeMs);
        Assert.Equal(TimeSpan.FromMinutes(1), record.Duration);
    }

    [Fact]
    public void State_files_are_private()
    {
        using var dir = new TempDirectory();
        var database = new StateDatabase(dir.Combine("state", "state.db"));

        Assert.Equal(StateFiles.PrivateDirectoryMode, File.GetUnixFileMode(dir.Combine("state")));
        Assert.Equal(StateFiles.PrivateFileMode, File.GetUnixFileMode(database.Path));
    }

    [Fact]
    public void Failed_tips_are_remembered()
    {
        using var dir = new TempDirectory();
        var tips = new FailedTips(new StateDatabase(dir.Combine("state.db")));
        tips.Add("abc", 1, T0);

        Assert.True(tips.Contains("abc"));
        Assert.False(tips.Contains("def"));
    }

    [Fact]
    public void Totals_count_attempts_without_preflight_refusals()
    {
        UpdateRecord Record(UpdateOutcome outcome, string? step, long? downtime) =>
            new(
                1,
                "cli",
                T0,
                T0,
                "a",
                "b",
                outcome,
                step,
                null,
                null,
                downtime,
                null,
                false,
                false,
                false
            );

        var totals = UpdateTotals.From([
            Record(UpdateOutcome.Succeeded, null, 1000),
            Record(UpdateOutcome.Succeeded, null, 3000),
            Record(UpdateOutcome.RolledBack, "smoke_test", 5000),
            Record(UpdateOutcome.Aborted, "preflight", null),
        ]);

        Assert.Equal(3, totals.Attempts);
        Assert.Equal(2, totals.Succeeded);
        Assert.Equal(1, totals.RolledBack);
        Assert.Equal(1, totals.Refused);
        Assert.Equal(2.0 / 3, totals.SuccessRate, 6);
        Assert.Equal(3000, totals.MeanDowntimeMs);
        Assert.Equal(5000, totals.WorstDowntimeMs);
    }
}
