using System.Runtime.Versioning;
using System.Text.Json;
using ShootyTui.Core.Processes;
using ShootyTui.Core.Supervision;
using Xunit;

namespace ShootyTui.Tests.Supervision;

public sealed class ProcessSupervisorTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private string Marker => _sandbox.Combine("marker");

    private string InfoFile => _sandbox.Combine("info.json");

    private string BotArguments(string extra = "") =>
        $"--heartbeat '{_sandbox.Combine("heartbeat")}' --marker '{Marker}' "
        + $"--info '{InfoFile}' {extra}";

    // exec makes the bot the shell's replacement, so its pid is the one in the pid file.
    private string ExecBot(string extra = "") => "exec " + Sandbox.BotCommand(BotArguments(extra));

    private IBotSupervisor Create(string start, TimeSpan? stopTimeout = null) =>
        BotSupervisor.Create(_sandbox.ProcessOptions(start, stopTimeout), _sandbox.Log);

    [Fact(Timeout = 60000)]
    public async Task Start_detaches_bot_into_its_own_session()
    {
        var supervisor = Create(ExecBot());

        await supervisor.StartAsync(null, default);
        var info = await BotInfo.WaitForAsync(InfoFile);
        var state = await supervisor.GetStateAsync(default);

        var own = ProcStat.Read(Environment.ProcessId)!;
        Assert.True(state.Running);
        Assert.Equal(info.Pid, state.Pid);
        Assert.Equal(info.Pid, info.SessionId);
        Assert.Equal(info.Pid, info.ProcessGroupId);
        Assert.NotEqual(own.SessionId, info.SessionId);
        Assert.NotEqual(Environment.ProcessId, info.ParentPid);
        Assert.Equal(_sandbox.Root, info.WorkingDirectory);
    }

    [Fact(Timeout = 60000)]
    [SupportedOSPlatform("linux")]
    public async Task Start_writes_private_pid_file()
    {
        var command = ExecBot();
        var supervisor = Create(command);
        var before = DateTimeOffset.UtcNow;

        await supervisor.StartAsync(null, default);
        var info = await BotInfo.WaitForAsync(InfoFile);

        var root = JsonDocument.Parse(File.ReadAllText(_sandbox.PidFilePath)).RootElement;
        Assert.Equal(info.Pid, root.GetProperty("pid").GetInt32());
        Assert.Equal(info.Pid, root.GetProperty("pgid").GetInt32());
        Assert.Equal(
            ProcStat.Read(info.Pid)!.StartTicks,
            root.GetProperty("start_ticks").GetUInt64()
        );
        Assert.Equal(ProcessTable.ReadBootId(), root.GetProperty("boot_id").GetString());
        Assert.InRange(
            root.GetProperty("started_at").GetDateTimeOffset(),
            before,
            DateTimeOffset.UtcNow
        );
        Assert.Equal(command, root.GetProperty("command").GetString());
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(_sandbox.PidFilePath)
        );
        Assert.Empty(Directory.GetFiles(_sandbox.StateDirectory, "*.tmp"));
    }

    [Fact(Timeout = 60000)]
    public async Task Start_passes_environment_and_appends_output_to_log()
    {
        var options = _sandbox.ProcessOptions(ExecBot()) with
        {
            Environment = new Dictionary<string, string>
            {
                ["SHOOTY_TEST_CONFIGURED"] = "from config",
                ["SHOOTY_TEST_OVERRIDDEN"] = "config value",
            },
        };
        var supervisor = BotSupervisor.Create(options, _sandbox.Log);
        var extra = new Dictionary<string, string> { ["SHOOTY_TEST_OVERRIDDEN"] = "extra value" };
        Directory.CreateDirectory(_sandbox.Combine("logs"));
        File.WriteAllText(options.LogFile, "earlier line\n");

        await supervisor.StartAsync(extra, default);
        var info = await BotInfo.WaitForAsync(InfoFile);
        await ProcessScan.WaitUntilAsync(
            () => File.ReadAllText(options.LogFile).Contains("bot stderr line"),
            TimeSpan.FromSeconds(5)
        );

        Assert.Equal("from config", info.Environment["SHOOTY_TEST_CONFIGURED"]);
        Assert.Equal("extra value", info.Environment["SHOOTY_TEST_OVERRIDDEN"]);
        var log = File.ReadAllText(options.LogFile);
        Assert.StartsWith("earlier line\nbot started\n", log);
        Assert.Contains("bot stderr line", log);
    }

    [Fact(Timeout = 60000)]
    public async Task Start_twice_is_a_noop()
    {
        var supervisor = Create(ExecBot());

        await supervisor.StartAsync(null, default);
        var first = await BotInfo.WaitForAsync(InfoFile);
        await supervisor.StartAsync(null, default);
        var state = await supervisor.GetStateAsync(default);
        await Task.Delay(500);

        Assert.Equal(first.Pid, state.Pid);
        Assert.Equal(first.Pid, (await BotInfo.WaitForAsync(InfoFile)).Pid);
        var starts = File.ReadAllLines(_sandbox.Combine("logs", "bot.log"))
            .Count(l => l == "bot started");
        Assert.Equal(1, starts);
        Assert.Contains(_sandbox.LogSink.Messages, m => m.Contains("not starting it again"));
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_ends_bot_gracefully_with_sigterm()
    {
        var supervisor = Create(ExecBot());
        await supervisor.StartAsync(null, default);
        var info = await BotInfo.WaitForAsync(InfoFile);

        var result = await supervisor.StopAsync(default);

        Assert.True(result.WasRunning);
        Assert.False(result.Killed);
        Assert.True(result.Duration < TimeSpan.FromSeconds(10), $"took {result.Duration}");
        Assert.Equal("sigterm", File.ReadAllText(Marker));
        Assert.False(Signals.IsAlive(info.Pid));
        Assert.False(File.Exists(_sandbox.PidFilePath));
        Assert.False((await supervisor.GetStateAsync(default)).Running);
        Assert.Contains(_sandbox.LogSink.Messages, m =>
            m.StartsWith("Bot stopped in") && m.Contains("killed: False")
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_kills_bot_that_ignores_sigterm()
    {
        var supervisor = Create(ExecBot("--ignore-term"), TimeSpan.FromSeconds(1));
        await supervisor.StartAsync(null, default);
        var info = await BotInfo.WaitForAsync(InfoFile);

        var result = await supervisor.StopAsync(default);

        Assert.True(result.WasRunning);
        Assert.True(result.Killed);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
        Assert.Contains("SIGKILL", result.Detail);
        Assert.False(File.Exists(Marker));
        Assert.False(Signals.IsAlive(info.Pid));
        Assert.Contains(_sandbox.LogSink.Messages, m =>
            m.StartsWith("Bot stopped in") && m.Contains("killed: True")
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_ends_child_that_outlives_its_wrapper()
    {
        var childPidFile = _sandbox.Combine("child.pid");
        var start =
            $"exec python3 -u '{Sandbox.Script("wrapper.py")}' '{childPidFile}' "
            + BotArguments("--ignore-term");
        var supervisor = Create(start, TimeSpan.FromSeconds(1));
        await supervisor.StartAsync(null, default);
        var child = await BotInfo.WaitForAsync(InfoFile);
        var wrapper = (await supervisor.GetStateAsync(default)).Pid!.Value;

        var result = await supervisor.StopAsync(default);

        Assert.NotEqual(wrapper, child.Pid);
        Assert.Equal(wrapper, child.ProcessGroupId);
        Assert.True(result.Killed);
        Assert.False(Signals.IsAlive(wrapper));
        Assert.False(Signals.IsAlive(child.Pid));
        Assert.Empty(ProcessTable.FindGroupMembers(wrapper));
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_signals_child_of_non_exec_shell()
    {
        var start = Sandbox.BotCommand(BotArguments()) + "; echo bot ended";
        var supervisor = Create(start);
        await supervisor.StartAsync(null, default);
        var bot = await BotInfo.WaitForAsync(InfoFile);
        var shell = (await supervisor.GetStateAsync(default)).Pid!.Value;

        var result = await supervisor.StopAsync(default);

        Assert.NotEqual(shell, bot.Pid);
        Assert.False(result.Killed);
        Assert.Equal("sigterm", File.ReadAllText(Marker));
        Assert.False(Signals.IsAlive(bot.Pid));
        Assert.False(Signals.IsAlive(shell));
    }

    [Fact(Timeout = 60000)]
    public async Task State_counts_leftover_group_members()
    {
        var childPidFile = _sandbox.Combine("child.pid");
        var start = $"{Sandbox.BotCommand(BotArguments())} & echo $! > '{childPidFile}'";
        var supervisor = Create(start);
        await supervisor.StartAsync(null, default);
        var bot = await BotInfo.WaitForAsync(InfoFile);
        var leader = JsonDocument
            .Parse(File.ReadAllText(_sandbox.PidFilePath))
            .RootElement.GetProperty("pid")
            .GetInt32();
        await ProcessScan.WaitUntilAsync(() => !Signals.IsAlive(leader), TimeSpan.FromSeconds(5));

        var state = await supervisor.GetStateAsync(default);
        var result = await supervisor.StopAsync(default);

        Assert.True(state.Running);
        Assert.Equal(bot.Pid, state.Pid);
        Assert.Contains($"main process {leader} has exited", state.Detail);
        Assert.True(result.WasRunning);
        Assert.Equal("sigterm", File.ReadAllText(Marker));
        Assert.False(Signals.IsAlive(bot.Pid));
    }

    [Fact]
    public async Task Stop_without_pid_file_is_a_noop()
    {
        var supervisor = Create(ExecBot());

        var result = await supervisor.StopAsync(default);

        Assert.False(result.WasRunning);
        Assert.False(result.Killed);
        Assert.Equal(TimeSpan.Zero, result.Duration);
        Assert.Contains("no pid file", result.Detail);
    }

    [Fact]
    public async Task Start_reports_missing_working_directory()
    {
        var options = _sandbox.ProcessOptions("true") with
        {
            WorkingDirectory = _sandbox.Combine("missing"),
        };
        var supervisor = BotSupervisor.Create(options, _sandbox.Log);

        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.StartAsync(null, default)
        );

        Assert.Contains(options.WorkingDirectory, error.Message);
        Assert.Equal("true", error.Command);
    }

    [Fact]
    public void Create_rejects_process_kind_without_start()
    {
        var options = _sandbox.ProcessOptions("unused") with { Start = null };

        var error = Assert.Throws<ArgumentException>(() =>
            BotSupervisor.Create(options, _sandbox.Log)
        );

        Assert.Contains("[bot] start", error.Message);
    }
}
