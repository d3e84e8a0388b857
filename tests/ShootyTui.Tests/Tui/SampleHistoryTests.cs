using ShootyTui.Core.Health;
using ShootyTui.Tui.Panels;

namespace ShootyTui.Tests.Tui;

/// <summary>The one-line history of a health check's samples in the Overview's detail pane.</summary>
public class SampleHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);

    private static (DateTimeOffset, CheckStatus, double?) Sample(
        CheckStatus status,
        double? value
    ) => (At, status, value);

    [Fact]
    public void Values_draw_a_sparkline_with_their_range()
    {
        var line = SampleHistory.Draw([
            Sample(CheckStatus.Pass, 10),
            Sample(CheckStatus.Pass, 20),
            Sample(CheckStatus.Pass, 80),
        ]);

        Assert.Equal("▁▂█ 10-80", line);
    }

    [Fact]
    public void Equal_values_draw_a_flat_line()
    {
        var line = SampleHistory.Draw([Sample(CheckStatus.Pass, 5), Sample(CheckStatus.Pass, 5)]);

        Assert.Equal("▁▁ 5-5", line);
    }

    [Fact]
    public void Samples_without_values_show_statuses()
    {
        var line = SampleHistory.Draw([
            Sample(CheckStatus.Pass, null),
            Sample(CheckStatus.Warn, null),
            Sample(CheckStatus.Fail, null),
            Sample(CheckStatus.Error, null),
        ]);

        Assert.Equal("✓!✗?", line);
    }

    [Fact]
    public void A_failed_sample_adds_statuses_to_the_sparkline()
    {
        var line = SampleHistory.Draw([
            Sample(CheckStatus.Pass, 100),
            Sample(CheckStatus.Fail, 400),
        ]);

        Assert.Equal("▁█ 100-400  ✓✗", line);
    }

    [Fact(Timeout = 180000)]
    public async Task Overview_detail_shows_the_samples_of_each_check()
    {
        await using var engine = await Support.EngineHarness.StartAsync();
        var script = new TuiScript()
            .WaitFor("✓ pass  memory")
            .WaitFor("✓✓✓", 30)
            .WaitFor(" MiB resident")
            .Press(Terminal.Gui.Input.Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script, 120, 40);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted);
        var memory = engine.Deployment.Samples.Recent("memory", OverviewPanel.HistoryLength);
        Assert.True(memory.Count >= 3, $"only {memory.Count} memory samples were kept");
        Assert.All(memory, sample => Assert.NotNull(sample.Value));
    }
}
