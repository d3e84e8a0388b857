using System.Diagnostics;
using ShootyTui.Core.Processes;
using Xunit;

namespace ShootyTui.Tests.Processes;

public sealed class ProcStatTests
{
    [Fact]
    public void Parse_handles_command_name_with_spaces_and_parentheses()
    {
        // Fields 9 to 52 hold their own field number, so field 22 (start ticks) reads 22.
        var tail = string.Join(' ', Enumerable.Range(9, 44));
        var line = $"4242 (bad ) name) S 17 4200 4100 0 -1 {tail}\n";

        var stat = ProcStat.Parse(line);

        Assert.Equal(4242, stat.Pid);
        Assert.Equal('S', stat.State);
        Assert.Equal(17, stat.ParentPid);
        Assert.Equal(4200, stat.ProcessGroupId);
        Assert.Equal(4100, stat.SessionId);
        Assert.Equal(22UL, stat.StartTicks);
    }

    [Fact]
    public void Parse_rejects_truncated_line()
    {
        Assert.Throws<FormatException>(() => ProcStat.Parse("12 (x) S 1 2"));
    }

    [Fact]
    public void Read_returns_null_for_missing_process()
    {
        Assert.Null(ProcStat.Read(int.MaxValue));
    }

    [Fact]
    public void Read_describes_own_process()
    {
        var stat = ProcStat.Read(Environment.ProcessId)!;

        Assert.Equal(Environment.ProcessId, stat.Pid);
        Assert.False(stat.IsZombie);
        Assert.True(stat.StartTicks > 0);
    }

    [Fact]
    public void ReadStartTime_matches_process_start_time()
    {
        var expected = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime());

        var actual = ProcessTable.ReadStartTime(Environment.ProcessId)!.Value;

        Assert.InRange(actual - expected, TimeSpan.FromSeconds(-1.5), TimeSpan.FromSeconds(1.5));
    }
}
