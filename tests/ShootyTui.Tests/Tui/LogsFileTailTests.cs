using System.Text;
using ShootyTui.Tests.Support;
using ShootyTui.Tui.Panels;

namespace ShootyTui.Tests.Tui;

public class LogsFileTailTests
{
    [Fact]
    public void Poll_reports_missing_file_then_reads_it()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bot.log");
        var tail = new LogsFileTail(path);

        Assert.True(tail.Poll());
        Assert.True(tail.Missing);
        Assert.Null(tail.Error);
        Assert.Empty(tail.Lines);
        Assert.False(tail.Poll());

        File.WriteAllText(path, "one\ntwo\n");

        Assert.True(tail.Poll());
        Assert.False(tail.Missing);
        Assert.Equal(["one", "two"], tail.Lines);
    }

    [Fact]
    public void Poll_reads_only_appended_lines()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bot.log");
        File.WriteAllText(path, "one\n");
        var tail = new LogsFileTail(path);
        tail.Poll();

        File.AppendAllText(path, "two\nthr");
        Assert.True(tail.Poll());
        Assert.Equal(["one", "two", "thr"], tail.Lines);

        File.AppendAllText(path, "ee\r\n");
        Assert.True(tail.Poll());
        Assert.Equal(["one", "two", "three"], tail.Lines);
        Assert.False(tail.Poll());
    }

    [Fact]
    public void Poll_joins_character_split_between_reads()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bot.log");
        var bytes = Encoding.UTF8.GetBytes("café ✓\n");
        File.WriteAllBytes(path, bytes[..4]);
        var tail = new LogsFileTail(path);
        tail.Poll();

        // The file ends inside the two bytes of "é".
        using (var stream = new FileStream(path, FileMode.Append))
        {
            stream.Write(bytes, 4, bytes.Length - 4);
        }

        tail.Poll();
        Assert.Equal(["café ✓"], tail.Lines);
    }

    [Fact]
    public void Poll_reads_only_end_of_large_file()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bot.log");
        var text = new StringBuilder();
        for (var i = 0; i < 20000; i++)
        {
            text.Append($"line {i:D5}\n");
        }

        File.WriteAllText(path, text.ToString());
        var tail = new LogsFileTail(path, maxLines: 100_000);

        tail.Poll();

        var lines = tail.Lines;
        Assert.StartsWith("── skipped ", lines[0]);
        Assert.Matches(@"^line \d{5}$", lines[1]);
        Assert.Equal("line 19999", lines[^1]);
        Assert.True(lines.Count <= LogsFileTail.MaxReadBytes / 11 + 1, $"{lines.Count} lines");
    }

    [Fact]
    public void Poll_keeps_newest_lines_up_to_limit()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bot.log");
        File.WriteAllText(path, string.Concat(Enumerable.Range(1, 30).Select(i => $"{i}\n")));
        var tail = new LogsFileTail(path, maxLines: 10);

        tail.Poll();

        Assert.Equal(Enumerable.Range(21, 10).Select(i => $"{i}"), tail.Lines);
    }

    [Fact]
    public void Poll_starts_again_after_truncation()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bot.log");
        File.WriteAllText(path, "old one\nold two\n");
        var tail = new LogsFileTail(path);
        tail.Poll();

        File.WriteAllText(path, "new\n");

        Assert.True(tail.Poll());
        var lines = tail.Lines;
        Assert.Equal(4, lines.Count);
        Assert.Contains("log truncated or replaced", lines[2]);
        Assert.Equal("new", lines[3]);
    }

    [Fact]
    public void Poll_notices_file_replaced_by_longer_one()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bot.log");
        File.WriteAllText(path, "first file\n");
        var tail = new LogsFileTail(path);
        tail.Poll();

        // A rotation that moves the old file away and starts a longer one at once.
        File.Move(path, path + ".1");
        File.WriteAllText(path, "second file, longer\n");

        Assert.True(tail.Poll());
        Assert.Equal("second file, longer", tail.Lines[^1]);
        Assert.Contains("log truncated or replaced", tail.Lines[^2]);
    }

    [Fact]
    public void Poll_marks_removed_file_and_reads_new_one()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bot.log");
        File.WriteAllText(path, "before\n");
        var tail = new LogsFileTail(path);
        tail.Poll();

        File.Delete(path);

        Assert.True(tail.Poll());
        Assert.True(tail.Missing);
        Assert.Contains("log removed", tail.Lines[^1]);

        File.WriteAllText(path, "after\n");

        Assert.True(tail.Poll());
        Assert.False(tail.Missing);
        Assert.Equal(["before", tail.Lines[1], "after"], tail.Lines);
    }
}
