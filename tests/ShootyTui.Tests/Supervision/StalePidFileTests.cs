using System.Diagnostics;
using System.Text.Json;
using ShootyTui.Core.Processes;
using ShootyTui.Core.Supervision;
using Xunit;

namespace ShootyTui.Tests.Supervision;

/// <summary>
/// A pid file whose pid now names an unrelated process must never lead to a signal.
/// </summary>
public sealed class StalePidFileTests : IDisposable
{
    private readonly Sandbox _sandbox = new();
    private readonly Process _unrelated;

    public StalePidFileTests()
    {
        // An unrelated live process in a group of its own, standing in for a reused pid.
        var startInfo = new ProcessStartInfo("setsid") { RedirectStandardInput = true };
        startInfo.ArgumentList.Add("sleep");
        startInfo.ArgumentList.Add(ProcessScan.UniqueSleepArgument());
        _unrelated = Process.Start(startInfo)!;
        _sandbox.KillOnDispose(_unrelated.Id);
    }

    public void Dispose()
    {
        _sandbox.Dispose();
        _unrelated.Dispose();
    }

    private void WritePidFile(ulong startTicks, string bootId)
    {
        Directory.CreateDirectory(_sandbox.StateDirectory);
        var record = new
        {
            pid = _unrelated.Id,
            pgid = _unrelated.Id,
            start_ticks = startTicks,
            boot_id = bootId,
            started_at = DateTimeOffset.UtcNow.AddHours(-1),
            command = "python3 bot.py",
        };
        File.WriteAllText(_sandbox.PidFilePath, JsonSerializer.Serialize(record));
    }

    private async Task AssertNotSignalledAsync(IBotSupervisor supervisor)
    {
        var state = await supervisor.GetStateAsync(default);
        var result = await supervisor.StopAsync(default);
        await Task.Delay(300);

        Assert.False(state.Running);
        Assert.Null(state.Pid);
        Assert.False(result.WasRunning);
        Assert.True(Signals.IsAlive(_unrelated.Id));
        Assert.False(_unrelated.HasExited);
        Assert.False(File.Exists(_sandbox.PidFilePath));
    }

    [Fact(Timeout = 60000)]
    public async Task State_rejects_pid_with_other_start_ticks()
    {
        await ProcessScan.WaitUntilAsync(
            () => ProcStat.Read(_unrelated.Id) is not null,
            TimeSpan.FromSeconds(5)
        );
        var startTicks = ProcStat.Read(_unrelated.Id)!.StartTicks;
        WritePidFile(startTicks + 1, ProcessTable.ReadBootId());
        var supervisor = BotSupervisor.Create(_sandbox.ProcessOptions("true"), _sandbox.Log);

        var state = await supervisor.GetStateAsync(default);

        Assert.Contains("now belongs to another process", state.Detail);
        await AssertNotSignalledAsync(supervisor);
    }

    [Fact(Timeout = 60000)]
    public async Task State_rejects_pid_from_earlier_boot()
    {
        await ProcessScan.WaitUntilAsync(
            () => ProcStat.Read(_unrelated.Id) is not null,
            TimeSpan.FromSeconds(5)
        );
        var startTicks = ProcStat.Read(_unrelated.Id)!.StartTicks;
        WritePidFile(startTicks, Guid.NewGuid().ToString());
        var supervisor = BotSupervisor.Create(_sandbox.ProcessOptions("true"), _sandbox.Log);

        var state = await supervisor.GetStateAsync(default);

        Assert.Contains("before a reboot", state.Detail);
        await AssertNotSignalledAsync(supervisor);
    }

    [Fact(Timeout = 60000)]
    public async Task State_treats_invalid_pid_file_as_stopped()
    {
        Directory.CreateDirectory(_sandbox.StateDirectory);
        File.WriteAllText(_sandbox.PidFilePath, "{ not json");
        var supervisor = BotSupervisor.Create(_sandbox.ProcessOptions("true"), _sandbox.Log);

        var state = await supervisor.GetStateAsync(default);

        Assert.False(state.Running);
        Assert.Contains("not valid JSON", state.Detail);
    }
}
