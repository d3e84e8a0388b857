using ShootyTui.Core.Processes;
using ShootyTui.Core.Supervision;
using Xunit;

namespace ShootyTui.Tests.Supervision;

/// <summary>
/// Handing the running bot over: it keeps running under bot.outgoing.pid while a second
/// instance starts under bot.pid, until the outgoing one is stopped.
/// </summary>
public sealed class HandoverTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private string InfoFile => _sandbox.Combine("info.json");

    private string OutgoingPidFile => _sandbox.Combine("state", "bot.outgoing.pid");

    private IHandoverSupervisor Create()
    {
        var start =
            "exec "
            + Sandbox.BotCommand(
                $"--heartbeat '{_sandbox.Combine("heartbeat")}' --info '{InfoFile}'"
            );
        return (IHandoverSupervisor)
            BotSupervisor.Create(_sandbox.ProcessOptions(start), _sandbox.Log);
    }

    private async Task<int> StartAsync(IHandoverSupervisor supervisor)
    {
        File.Delete(InfoFile);
        await supervisor.StartAsync(null, default);
        var info = await BotInfo.WaitForAsync(InfoFile);
        _sandbox.KillOnDispose(info.ProcessGroupId);
        return info.Pid;
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_ends_untracked_outgoing_bot()
    {
        var supervisor = Create();
        var first = await StartAsync(supervisor);
        await supervisor.HandOverAsync(default);
        var second = await StartAsync(supervisor);
        File.Delete(OutgoingPidFile);

        var stop = await supervisor.StopAsync(default);
        await Task.Delay(200);

        Assert.True(stop.WasRunning);
        Assert.False(Signals.IsAlive(second));
        Assert.False(Signals.IsAlive(first));
        Assert.False((await supervisor.GetStateAsync(default)).Running);
    }

    [Fact(Timeout = 60000)]
    public async Task Outgoing_bot_runs_beside_new_one_until_stopped()
    {
        var supervisor = Create();
        var first = await StartAsync(supervisor);

        var handed = await supervisor.HandOverAsync(default);
        var afterHandover = await supervisor.GetStateAsync(default);
        var second = await StartAsync(supervisor);
        var outgoing = await supervisor.GetOutgoingStateAsync(default);

        Assert.True(handed.Running);
        Assert.Equal(first, handed.Pid);
        Assert.False(afterHandover.Running);
        Assert.NotEqual(first, second);
        Assert.True(Signals.IsAlive(first));
        Assert.True(Signals.IsAlive(second));
        Assert.Equal(first, outgoing.Pid);
        Assert.Equal(second, (await supervisor.GetStateAsync(default)).Pid);

        var stop = await supervisor.StopOutgoingAsync(default);

        Assert.True(stop.WasRunning);
        Assert.False(Signals.IsAlive(first));
        Assert.True(Signals.IsAlive(second));
        Assert.False(File.Exists(OutgoingPidFile));
        Assert.False((await supervisor.GetOutgoingStateAsync(default)).Running);
        Assert.Equal(second, (await supervisor.GetStateAsync(default)).Pid);
    }

    [Fact(Timeout = 60000)]
    public async Task Second_handover_rejected_while_outgoing_runs()
    {
        var supervisor = Create();
        var first = await StartAsync(supervisor);
        await supervisor.HandOverAsync(default);
        var second = await StartAsync(supervisor);

        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.HandOverAsync(default)
        );

        Assert.Contains($"still runs (running, pid {first})", error.Message);
        Assert.Contains("`shooty start`", error.Message);
        Assert.Equal(second, (await supervisor.GetStateAsync(default)).Pid);
        Assert.Equal(first, (await supervisor.GetOutgoingStateAsync(default)).Pid);
    }

    [Fact(Timeout = 60000)]
    public async Task Handover_without_running_bot_moves_nothing()
    {
        var supervisor = Create();

        var handed = await supervisor.HandOverAsync(default);
        var stop = await supervisor.StopOutgoingAsync(default);

        Assert.False(handed.Running);
        Assert.False(stop.WasRunning);
        Assert.False(File.Exists(OutgoingPidFile));
    }
}
