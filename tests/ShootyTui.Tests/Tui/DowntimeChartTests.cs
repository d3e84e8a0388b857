using ShootyTui.Tui.Panels;

namespace ShootyTui.Tests.Tui;

public class DowntimeChartTests
{
    private const string Blocks = DowntimeChart.Blocks;

    [Fact]
    public void Render_scales_worst_downtime_to_full_height()
    {
        var lines = DowntimeChart.Render([4000, 2000, 1000], width: 46, height: 2);

        // Two bar rows of eight levels each: 4 s fills both, 2 s the lower one, 1 s half of it.
        Assert.Equal("4.0s │█", lines[0]);
        Assert.Equal("     │█ █ ▄", lines[1]);
        Assert.Equal("  0s └─────", lines[2]);
    }

    [Fact]
    public void Render_keeps_tiny_downtime_visible()
    {
        var lines = DowntimeChart.Render([60000, 10], width: 46, height: 4);

        Assert.Equal(Blocks[0], lines[3][^1]);
    }

    [Fact]
    public void Render_draws_zero_downtime_as_empty_columns()
    {
        var lines = DowntimeChart.Render([0, 0], width: 46, height: 3);

        Assert.Equal("0s │", lines[0]);
        Assert.Equal("0s └───", lines[3]);
        Assert.DoesNotContain(lines, line => line.IndexOfAny(Blocks.ToCharArray()) >= 0);
        Assert.DoesNotContain(lines.Take(3), line => line.Contains(DowntimeChart.NotMeasured));
    }

    [Fact]
    public void Render_marks_unmeasured_updates_at_the_foot()
    {
        var lines = DowntimeChart.Render([2000, null, 2000], width: 46, height: 2);

        Assert.Equal("     │█ · █", lines[1]);
    }

    [Fact]
    public void Render_draws_one_update_as_one_full_column()
    {
        var lines = DowntimeChart.Render([1500], width: 46, height: 3);

        Assert.Equal(["1.5s │█", "     │█", "     │█", "  0s └─"], lines.Take(4));
        Assert.StartsWith("1 update(s)", lines[^1]);
    }

    [Fact]
    public void Render_keeps_newest_updates_when_more_than_columns()
    {
        // 100 updates, the newest of which is the worst, on 20 columns of which 13 plot.
        var downtimes = Enumerable.Repeat<long?>(100, 99).Append(10000).ToList();

        var lines = DowntimeChart.Render(downtimes, width: 20, height: 2);

        Assert.All(lines, line => Assert.True(line.Length <= 20, $"too wide: \"{line}\""));
        Assert.Equal("10.0s │" + new string(' ', 12) + "█", lines[0]);
        Assert.Equal("      │" + new string(Blocks[0], 12) + "█", lines[1]);
        Assert.Equal("   0s └" + new string('─', 13), lines[2]);
        Assert.StartsWith("newest 13 of 100", lines[^1]);
    }

    [Fact]
    public void Render_fits_80_and_120_column_detail_panes()
    {
        var downtimes = Enumerable.Range(0, 60).Select(i => (long?)(i % 7 * 900)).ToList();

        var narrow = DowntimeChart.Render(downtimes, 46, height: 4);
        var wide = DowntimeChart.Render(downtimes, 86, height: 4);

        Assert.All(narrow, line => Assert.True(line.Length <= 46, $"too wide: \"{line}\""));
        Assert.All(wide, line => Assert.True(line.Length <= 86, $"too wide: \"{line}\""));
        Assert.Equal(46, narrow[4].Length);
        Assert.StartsWith("newest 40 of 60", narrow[^1]);
        Assert.StartsWith("60 update(s)", wide[^1]);
    }

    [Fact]
    public void Render_points_at_marked_update()
    {
        var lines = DowntimeChart.Render([1000, 2000, 3000], width: 46, height: 1, marked: 1);

        Assert.Equal("3.0s │▃ ▅ █", lines[0]);
        Assert.Equal(lines[0].IndexOf('▅'), lines[2].IndexOf(DowntimeChart.Marker));
    }

    [Fact]
    public void Render_reports_empty_history_and_narrow_width()
    {
        Assert.Equal(["no downtime recorded yet"], DowntimeChart.Render([], 46, 4));
        Assert.Equal(["chart needs 7 columns"], DowntimeChart.Render([1000], 6, 4));
    }
}
