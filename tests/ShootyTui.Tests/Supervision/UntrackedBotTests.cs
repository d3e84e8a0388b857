using ShootyTui.Core.Processes;
using ShootyTui.Core.Supervision;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;
using Xunit;

namespace ShootyTui.Tests.Supervision;

/// <summary>
/// A bot that no pid file tracks (the file was deleted, or shooty died between starting the bot
/// and writing it) is found by the mark in its environment, so it is never started twice.
/// </summary>
public sealed class UntrackedBotTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private string InfoFile => _sandbox.Combine("info.json");

    private IBotSupervisor Create(Sandbox sandbox) =>
        BotSupervisor.Create(
            sandbox.ProcessOptions(
                "exec "
                    + Sandbox.BotCommand(
                        $"--heartbeat '{sandbox.Combine("heartbeat")}' "
                            + $"--info '{sandbox.Combine("info.json")}'"
                    )
            ),
            sandbox.Log
        );

    [Fact(Timeout = 60000)]
    public async Task Lost_pid_file_is_adopted()
    {
        var (supervisor, info) = await StartThenLosePidFileAsync();

        var state = await supervisor.GetStateAsync(default);
        await supervisor.StartAsync(null, default);

        Assert.True(state.Running);
        Assert.Equal(info.Pid, state.Pid);
        Assert.Contains("untracked", state.Detail);
        Assert.Equal([info.Pid], Groups(_sandbox.Root));
        Assert.True(File.Exists(_sandbox.PidFilePath));
        Assert.Equal(info.Pid, (await supervisor.GetStateAsync(default)).Pid);
        Assert.Contains(_sandbox.LogSink.Messages, m => m.Contains("tracking it again"));
    }

    [Fact(Timeout = 60000)]
    public async Task Untracked_bot_is_stopped()
    {
        var (supervisor, info) = await StartThenLosePidFileAsync();

        var stop = await supervisor.StopAsync(default);

        Assert.True(stop.WasRunning);
        Assert.False(Signals.IsAlive(info.Pid));
        Assert.Empty(Groups(_sandbox.Root));
    }

    [Fact(Timeout = 60000)]
    public async Task Other_deployment_bot_is_ignored()
    {
        using var other = new Sandbox();
        var otherSupervisor = Create(other);
        await otherSupervisor.StartAsync(null, default);
        await BotInfo.WaitForAsync(other.Combine("info.json"));

        var state = await Create(_sandbox).GetStateAsync(default);

        Assert.False(state.Running);
        Assert.Single(Groups(other.Root));
    }

    [Fact(Timeout = 120000)]
    public async Task Kill_before_pid_file_starts_one_bot()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Deployment.Supervisor.StopAsync(default);
        var config = engine.Fixture.ConfigPath;
        var pidFile = Path.Combine(engine.Config.StateDirectory, PidFile.FileName);

        var killed = await ShootyProcess.RunAsync(
            ["--config", config, "start"],
            new Dictionary<string, string> { [Failpoints.Variable] = "bot_launched" }
        );
        var status = await ShootyProcess.RunAsync(["--config", config, "status"]);
        var started = await ShootyProcess.RunAsync(["--config", config, "start"]);

        Assert.True(killed.ExitCode == 137, $"start was not killed: {killed.Output}{killed.Error}");
        Assert.Contains("untracked", status.Output);
        Assert.True(started.ExitCode == 0, started.Output + started.Error);
        Assert.Contains("it is tracked again", started.Output);
        Assert.True(File.Exists(pidFile));
        Assert.Single(Groups(engine.Fixture.CheckoutPath));
        await engine.WaitHealthyAsync();
    }

    private async Task<(IBotSupervisor Supervisor, BotInfo Info)> StartThenLosePidFileAsync()
    {
        var supervisor = Create(_sandbox);
        await supervisor.StartAsync(null, default);
        var info = await BotInfo.WaitForAsync(InfoFile);
        File.Delete(_sandbox.PidFilePath);
        return (supervisor, info);
    }

    /// <summary>The process groups of the processes that run in <paramref name="folder"/>.</summary>
    private static IReadOnlyList<int> Groups(string folder) =>
        BotProcesses
            .In(folder)
            .Select(ProcStat.Read)
            .OfType<ProcStat>()
            .Select(stat => stat.ProcessGroupId)
            .Distinct()
            .ToList();
}
