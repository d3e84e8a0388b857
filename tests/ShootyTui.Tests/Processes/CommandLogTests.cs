using ShootyTui.Core.Processes;
using ShootyTui.Tests.Supervision;

namespace ShootyTui.Tests.Processes;

public class CommandLogTests
{
    private readonly CollectingSink _sink;
    private readonly Serilog.ILogger _log;

    public CommandLogTests()
    {
        _log = CollectingSink.CreateLogger(out _sink);
    }

    private CommandLog CreateLog(
        int capacity = CommandLog.DefaultCapacity,
        string? secret = null
    ) => new(_log, new SecretRedactor(() => [secret]), capacity: capacity);

    [Fact]
    public void Entries_are_newest_first_and_bounded()
    {
        var commands = CreateLog(capacity: 3);

        for (var i = 1; i <= 5; i++)
        {
            commands.Begin($"echo {i}", "/tmp").Finish(0, $"{i}\n");
        }

        var entries = commands.Entries();
        Assert.Equal(3, entries.Count);
        Assert.Equal(["echo 5", "echo 4", "echo 3"], entries.Select(entry => entry.CommandLine));
        Assert.Equal([5L, 4L, 3L], entries.Select(entry => entry.Id));
    }

    [Fact]
    public void Identical_runs_in_a_row_share_one_entry()
    {
        var commands = CreateLog(capacity: 3);
        commands.Begin("git fetch origin", "/srv/bot").Finish(0, "From origin");

        for (var i = 0; i < 5; i++)
        {
            commands.Begin("systemctl show bot", "/").Finish(0, "ActiveState=active");
        }

        var entries = commands.Entries();
        Assert.Equal(2, entries.Count);
        Assert.Equal("systemctl show bot", entries[0].CommandLine);
        Assert.Equal(5, entries[0].Repeats);
        Assert.Equal(6, entries[0].Id);
        Assert.Equal("git fetch origin", entries[1].CommandLine);
        Assert.Equal(1, entries[1].Repeats);
    }

    [Fact]
    public void Runs_with_another_result_get_their_own_entry()
    {
        var commands = CreateLog();

        commands.Begin("systemctl show bot", "/").Finish(0, "ActiveState=active");
        commands.Begin("systemctl show bot", "/").Finish(0, "ActiveState=failed");
        commands.Begin("systemctl show bot", "/").Finish(1, "ActiveState=failed");
        commands.Begin("systemctl show bot", "/tmp").Finish(1, "ActiveState=failed");

        var entries = commands.Entries();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, entry => Assert.Equal(1, entry.Repeats));
    }

    [Fact]
    public void Entry_keeps_the_end_of_long_output()
    {
        var commands = CreateLog();
        var output = new string('a', 10_000) + "LAST LINE";

        var entry = commands.Begin("yes", "/tmp").Finish(1, output);

        Assert.NotNull(entry);
        Assert.Equal(CommandLog.MaxOutputChars, entry.Output.Length);
        Assert.EndsWith("LAST LINE", entry.Output);
        Assert.Equal(1, entry.ExitCode);
        Assert.False(entry.Succeeded);
    }

    [Fact]
    public void Entry_redacts_command_line_and_output()
    {
        var commands = CreateLog(secret: "hunter22-pass");

        var entry = commands
            .Begin("env API_TOKEN=abc123 ./deploy hunter22-pass", "/srv/bot")
            .Finish(0, "logged in with hunter22-pass");

        Assert.NotNull(entry);
        Assert.Equal("env API_TOKEN=*** ./deploy ***", entry.CommandLine);
        Assert.Equal("logged in with ***", entry.Output);
        Assert.Equal("/srv/bot", entry.WorkingDirectory);
    }

    [Fact]
    public void Finish_writes_one_redacted_debug_line()
    {
        var commands = CreateLog(secret: "hunter22-pass");

        commands.Begin("login hunter22-pass", "/srv/bot").Finish(3, "");

        var line = Assert.Single(_sink.Messages);
        Assert.Contains("login ***", line);
        Assert.Contains("exit 3", line);
        Assert.Contains("/srv/bot", line);
        Assert.DoesNotContain("hunter22", line);
    }

    [Fact]
    public void Finish_adds_a_run_only_once()
    {
        var commands = CreateLog();
        var run = commands.Begin("true", "/tmp");

        var first = run.Finish(0, "");
        var second = run.Finish(1, "again");
        run.Dispose();

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Single(commands.Entries());
    }

    [Fact]
    public void Dispose_adds_an_unfinished_run_without_exit_code()
    {
        var commands = CreateLog();

        using (commands.Begin("sleep 60", "/tmp")) { }

        var entry = Assert.Single(commands.Entries());
        Assert.Null(entry.ExitCode);
        Assert.Equal("not finished", CommandLog.Describe(entry));
    }

    [Fact]
    public void Added_survives_a_failing_handler()
    {
        var commands = CreateLog();
        var seen = new List<long>();
        commands.Added += (_, _) => throw new InvalidOperationException("listener broke");
        commands.Added += (_, entry) => seen.Add(entry.Id);

        commands.Begin("true", "/tmp").Finish(0, "");
        commands.Begin("false", "/tmp").Finish(1, "");

        Assert.Equal([1L, 2L], seen);
        Assert.Equal(2, commands.Entries().Count);
        Assert.Contains(_sink.Messages, message => message.Contains("listener failed"));
    }

    [Fact(Timeout = 60000)]
    public async Task Concurrent_adds_stay_unique_and_bounded()
    {
        var commands = CreateLog();
        var raised = 0;
        commands.Added += (_, _) => Interlocked.Increment(ref raised);
        const int Threads = 8;
        const int PerThread = 500;

        var writers = Enumerable
            .Range(0, Threads)
            .Select(thread =>
                Task.Run(() =>
                {
                    for (var i = 0; i < PerThread; i++)
                    {
                        commands.Begin($"echo {thread} {i}", "/tmp").Finish(0, "x");
                        _ = commands.Entries();
                    }
                })
            );
        await Task.WhenAll(writers);

        var entries = commands.Entries();
        Assert.Equal(Threads * PerThread, raised);
        Assert.Equal(CommandLog.DefaultCapacity, entries.Count);
        Assert.Equal(entries.Count, entries.Select(entry => entry.Id).Distinct().Count());
        Assert.Equal((long)(Threads * PerThread), entries[0].Id);
        Assert.True(
            entries.Zip(entries.Skip(1)).All(pair => pair.First.Id > pair.Second.Id),
            "entries are not newest first"
        );
    }
}
