using ShootyTui.Cli;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// Draws the downtime of each update as a column chart made of block characters: one column
/// per update, oldest on the left, scaled so the worst downtime fills the chart height. When
/// there are more updates than columns, only the newest are drawn.
/// </summary>
internal static class DowntimeChart
{
    /// <summary>Eighth blocks, from one eighth of a cell to a full cell.</summary>
    public const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// The character at the foot of a column whose update has no measured downtime.
    /// </summary>
    public const char NotMeasured = '·';

    /// <summary>The character under the column of the marked update.</summary>
    public const char Marker = '▲';

    /// <summary>
    /// Returns the chart lines, none wider than <paramref name="width"/>: the bar rows with the
    /// worst downtime as the top label, the axis with "0s", an optional marker row and a
    /// caption. A downtime that is not zero always gets at least one eighth block, so it is
    /// never mistaken for zero.
    /// </summary>
    /// <param name="downtimesMs">Downtime per update in milliseconds, oldest first; null when
    /// the update has none recorded (refused, aborted, still running).</param>
    /// <param name="height">Rows of bars, each worth eight levels.</param>
    /// <param name="marked">Index into <paramref name="downtimesMs"/> of the update to point
    /// at with <see cref="Marker"/>, or null.</param>
    public static IReadOnlyList<string> Render(
        IReadOnlyList<long?> downtimesMs,
        int width,
        int height,
        int? marked = null
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (downtimesMs.Count == 0)
        {
            return ["no downtime recorded yet"];
        }

        var worst = downtimesMs.Max(ms => ms ?? 0);
        var topLabel = Seconds(worst);
        var labelWidth = Math.Max(topLabel.Length, 2);
        var plotWidth = width - labelWidth - 2;
        if (plotWidth < 1)
        {
            return [$"chart needs {labelWidth + 3} columns"];
        }

        // Leave a gap between columns while they fit, so single updates stay apart.
        var step = downtimesMs.Count * 2 - 1 <= plotWidth ? 2 : 1;
        var columns = Math.Min(downtimesMs.Count, (plotWidth + step - 1) / step);
        var first = downtimesMs.Count - columns;
        var levels = new int[columns];
        for (var i = 0; i < columns; i++)
        {
            levels[i] = Level(downtimesMs[first + i], worst, height * 8);
        }

        var lines = new List<string>();
        for (var row = 0; row < height; row++)
        {
            var label = row == 0 ? topLabel : "";
            var floor = (height - 1 - row) * 8;
            var cells = new char[(columns - 1) * step + 1];
            Array.Fill(cells, ' ');
            for (var i = 0; i < columns; i++)
            {
                cells[i * step] = Cell(
                    levels[i] - floor,
                    row == height - 1,
                    downtimesMs[first + i]
                );
            }

            lines.Add($"{label.PadLeft(labelWidth)} │{new string(cells)}".TrimEnd());
        }

        lines.Add($"{"0s".PadLeft(labelWidth)} └{new string('─', (columns - 1) * step + 1)}");
        if (marked is { } index && index >= first && index < downtimesMs.Count)
        {
            var column = labelWidth + 2 + (index - first) * step;
            lines.Add(new string(' ', column) + Marker);
        }

        lines.Add(Caption(columns, downtimesMs.Count, width));
        return lines;
    }

    private static int Level(long? downtimeMs, long worst, int levels)
    {
        if (downtimeMs is not { } ms || ms <= 0 || worst <= 0)
        {
            return 0;
        }

        return Math.Max(1, (int)Math.Round((double)ms * levels / worst));
    }

    private static char Cell(int eighths, bool bottom, long? downtimeMs)
    {
        if (eighths <= 0)
        {
            return bottom && downtimeMs is null ? NotMeasured : ' ';
        }

        return Blocks[Math.Min(eighths, 8) - 1];
    }

    private static string Caption(int columns, int total, int width)
    {
        var caption =
            columns == total
                ? $"{total} update(s), newest right; {NotMeasured} not measured"
                : $"newest {columns} of {total} updates; {NotMeasured} not measured";
        return caption.Length <= width ? caption : caption[..width];
    }

    private static string Seconds(long ms) =>
        ms <= 0 ? "0s" : Format.Duration(TimeSpan.FromMilliseconds(ms));
}
