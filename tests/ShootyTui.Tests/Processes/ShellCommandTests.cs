using ShootyTui.Core.Processes;
using ShootyTui.Tests.Supervision;
using Xunit;

namespace ShootyTui.Tests.Processes;

public sealed class ShellCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private Task<ShellResult> RunAsync(
        string command,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken ct = default
    ) =>
        ShellCommand.RunAsync(
            command,
            _sandbox.Root,
            environment,
            timeout ?? Timeout,
            _sandbox.Log,
            ct
        );

    [Fact(Timeout = 60000)]
    public async Task RunAsync_interleaves_stdout_and_stderr()
    {
        var result = await RunAsync("echo one; echo two >&2; echo three");

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Equal("one\ntwo\nthree\n", result.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_returns_nonzero_exit_code()
    {
        var result = await RunAsync("echo failing; exit 7");

        Assert.Equal(7, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.False(result.TimedOut);
        Assert.Equal("failing\n", result.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_uses_environment_and_working_directory()
    {
        var environment = new Dictionary<string, string> { ["SHOOTY_TEST_VALUE"] = "a b$c" };

        var result = await RunAsync(
            "printf '%s|%s' \"$SHOOTY_TEST_VALUE\" \"$PWD\"",
            environment: environment
        );

        Assert.Equal($"a b$c|{_sandbox.Root}", result.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_gives_empty_stdin()
    {
        var result = await RunAsync("cat; echo end");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("end\n", result.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_runs_command_in_new_session()
    {
        var result = await RunAsync("cat /proc/$$/stat");

        var stat = ProcStat.Parse(result.Output);
        var own = ProcStat.Read(Environment.ProcessId)!;
        Assert.Equal(stat.Pid, stat.SessionId);
        Assert.Equal(stat.Pid, stat.ProcessGroupId);
        Assert.NotEqual(own.SessionId, stat.SessionId);
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_timeout_ends_whole_process_group()
    {
        var sleep = ProcessScan.UniqueSleepArgument();

        var result = await RunAsync($"sleep {sleep} & sleep {sleep}", TimeSpan.FromSeconds(1));

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        // Ended by the 1 s timeout, not by the sleep. A timer may fire a moment before the
        // stopwatch that measures it reaches 1 s, and a loaded machine is slow to reap.
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
        Assert.Empty(ProcessScan.FindByArgument(sleep));
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_cancellation_ends_group_and_throws()
    {
        var sleep = ProcessScan.UniqueSleepArgument();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RunAsync($"sleep {sleep} & sleep {sleep}", ct: cancellation.Token)
        );

        Assert.Empty(ProcessScan.FindByArgument(sleep));
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_returns_while_background_child_holds_output()
    {
        var sleep = ProcessScan.UniqueSleepArgument();

        var result = await RunAsync($"(sleep {sleep}; echo late) & echo early");

        var survivors = ProcessScan.FindByArgument(sleep);
        foreach (var pid in survivors)
        {
            Signals.Send(pid, Signal.Kill);
        }

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("early\n", result.Output);
        Assert.True(result.Duration < TimeSpan.FromSeconds(30), $"took {result.Duration}");
        Assert.Single(survivors);
        Assert.Contains(_sandbox.LogSink.Messages, m => m.Contains("still hold its output open"));
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_caps_output_to_its_tail()
    {
        var result = await RunAsync(
            "head -c 200000 /dev/zero | tr '\\0' 'a'; echo; echo last line"
        );

        Assert.StartsWith("[", result.Output);
        Assert.Contains("earlier characters of output cut]", result.Output);
        Assert.EndsWith("a\nlast line\n", result.Output);
        Assert.InRange(
            result.Output.Length,
            ShellCommand.MaxOutputChars,
            ShellCommand.MaxOutputChars + 100
        );
    }

    [Fact]
    public async Task RunAsync_rejects_missing_working_directory()
    {
        var missing = _sandbox.Combine("missing");

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            ShellCommand.RunAsync("true", missing, null, Timeout, _sandbox.Log, default)
        );

        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData("a\nb\nc\n", 2, "b\nc")]
    [InlineData("a\r\nb\r\n\n\n", 5, "a\nb")]
    [InlineData("only", 3, "only")]
    [InlineData("", 3, "")]
    [InlineData("a\nb", 0, "")]
    public void Tail_returns_last_lines(string output, int lines, string expected)
    {
        Assert.Equal(expected, ShellCommand.Tail(output, lines));
    }
}
