using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;
using ShootyTui.Tui.Panels;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Tui;

/// <summary>
/// The History panel on a real demo deployment after one successful and one rolled-back
/// update, drawn headless at 80x24 and 120x40.
/// </summary>
public class HistoryPanelTests
{
    [Fact(Timeout = 240000)]
    public async Task History_shows_updates_totals_and_chart()
    {
        await using var engine = await EngineHarness.StartAsync();
        var succeeded = await engine.UpdateAsync();
        await engine.Fixture.BreakAsync();
        var rolledBack = await engine.UpdateAsync();
        Assert.Equal(UpdateOutcome.Succeeded, succeeded.Outcome);
        Assert.Equal(UpdateOutcome.RolledBack, rolledBack.Outcome);
        var records = engine.Deployment.Journal.List(2);
        var good = records[1];
        var bad = records[0];
        var failedStep = bad.FailedStep!;

        // 80x24: rows cut at the list width, the newest (rolled back) update selected, and
        // the end of its details reached by scrolling the detail pane.
        var small = new TuiScript()
            .WaitFor("[1] Overview")
            .Press(Key.D4)
            .WaitFor("[4] History (2)")
            .WaitFor("✓ succeeded test")
            .WaitFor("↺ rolled back")
            .WaitFor("2 attempt(s), 50% succeeded: 1 ✓,")
            .WaitFor("Downtime per update")
            .WaitFor("2 update(s), newest right")
            .WaitFor($"failed at {failedStep}")
            .WaitFor("Steps")
            .Press(Key.Enter, Key.G.WithShift)
            .WaitFor("changelog: none")
            .Press(Key.Esc, Key.J)
            .WaitFor($"#{good.Id} ✓ succeeded, started by test")
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, small, 80, 24);

        Assert.True(small.Failure is null, small.Report());
        Assert.Null(running);
        AssertFits(small.LastScreen, 80);
        Assert.Contains(DowntimeChart.Blocks[^1], small.LastScreen);
        Assert.Contains(DowntimeChart.Marker, small.LastScreen);

        // 120x40: the whole row fits the wider list, and the older update shows its steps and
        // the changelog it wrote.
        var goodRow = $"✓ succeeded test {good.FromCommit[..7]}→{good.ToCommit[..7]} ";
        var changelog = HistoryPanel.FindChangelog(engine.Config.StateDirectory, good);
        Assert.NotNull(changelog);
        Assert.True(File.Exists(changelog), $"changelog {changelog} does not exist");
        var large = new TuiScript()
            .WaitFor("[1] Overview")
            .Press(Key.D4)
            .WaitFor(goodRow)
            .WaitFor($"{bad.FromCommit[..7]} → {bad.ToCommit[..7]}, took")
            .WaitFor("1 rollback(s), mean time to recover")
            .WaitFor("last unattended run never")
            .WaitFor($"✗ {failedStep}")
            .WaitFor("✓ rollback")
            .Press(Key.J)
            .WaitFor("✓ health_gate")
            .WaitFor("✓ finish")
            .Press(Key.Enter, Key.G.WithShift)
            .WaitFor("changelog:")
            .WaitFor(".md")
            .Press(Key.Q);

        running = PanelRunner.Run(engine.Deployment, large, 120, 40);

        Assert.True(large.Failure is null, large.Report());
        Assert.Null(running);
        AssertFits(large.LastScreen, 120);
        Assert.Contains(changelog, DetailText(large.LastScreen, 120));
    }

    [Fact]
    public void Row_names_outcome_commits_step_and_times()
    {
        var started = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var record = new UpdateRecord(
            Id: 7,
            Trigger: "webhook",
            StartedAt: started,
            FinishedAt: started.AddSeconds(42),
            FromCommit: "1111111aaaa",
            ToCommit: "2222222bbbb",
            Outcome: UpdateOutcome.RollbackFailed,
            FailedStep: "smoke_test",
            Error: "smoke test failed",
            OutputTail: null,
            DowntimeMs: 3500,
            BackupId: null,
            DependenciesChanged: false,
            GatePassed: false,
            Recovered: false
        );

        var row = HistoryPanel.Row(record);

        var local = started.ToLocalTime().ToString("MM-dd HH:mm");
        Assert.Equal(
            $"{local} ✗ rollback failed webhook 1111111→2222222 at smoke_test 42.0s down 3.5s",
            row
        );
    }

    [Fact]
    public void Row_marks_unfinished_update()
    {
        var record = new UpdateRecord(
            1,
            "auto",
            DateTimeOffset.UnixEpoch,
            null,
            "aaaaaaa",
            "bbbbbbb",
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            false,
            false
        );

        var row = HistoryPanel.Row(record);

        Assert.Contains("… unfinished auto aaaaaaa→bbbbbbb down -", row);
    }

    [Fact]
    public void StepLines_show_last_phase_duration_and_failure()
    {
        var at = DateTimeOffset.UnixEpoch;
        JournalEntry[] entries =
        [
            new(1, 1, "stop", "started", at, null, "stopping"),
            new(2, 1, "stop", "succeeded", at, 300, "stopped"),
            new(3, 1, "smoke_test", "started", at, null, "running"),
            new(4, 1, "smoke_test", "failed", at, 1200, "exit code 1"),
            new(5, 1, "rollback", "started", at, null, "rolling back"),
        ];

        var lines = HistoryPanel.StepLines(entries).ToList();
        var withError = HistoryPanel.StepLines(entries, "smoke_test: exit code 1").ToList();

        Assert.Equal(
            [
                "  ✓ stop 0.3s",
                "  ✗ smoke_test 1.2s failed",
                "      exit code 1",
                "  … rollback started, never finished",
                "      rolling back",
            ],
            lines
        );
        Assert.Equal(
            [
                "  ✓ stop 0.3s",
                "  ✗ smoke_test 1.2s failed",
                "  … rollback started, never finished",
                "      rolling back",
            ],
            withError
        );
    }

    /// <summary>
    /// Returns the detail pane's lines of a wide screen, trimmed and joined without breaks, so
    /// that text cut into lines reads as one string.
    /// </summary>
    private static string DetailText(string screen, int width)
    {
        // The side column of the wide layout takes two fifths of the screen, 32 to 60 columns.
        var left = Math.Clamp(width * 2 / 5, 32, 60) + 1;
        var parts = screen
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length >= width)
            .Select(line => line[left..(width - 1)].Trim());
        return string.Concat(parts);
    }

    private static void AssertFits(string screen, int width) =>
        Assert.All(screen.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= width));
}
