using System.Diagnostics;
using ShootyTui.Core.Processes;
using Xunit;

namespace ShootyTui.Tests.Processes;

public sealed class SignalsTests
{
    [Fact]
    public void IsAlive_is_true_for_own_process()
    {
        Assert.True(Signals.IsAlive(Environment.ProcessId));
    }

    [Fact(Timeout = 60000)]
    public async Task IsAlive_is_false_for_reaped_process()
    {
        using var process = Process.Start("true")!;
        await process.WaitForExitAsync();

        Assert.False(Signals.IsAlive(process.Id));
        Assert.False(Signals.Send(process.Id, Signal.Terminate));
    }

    [Fact(Timeout = 60000)]
    public async Task IsAlive_is_false_for_zombie()
    {
        // The parent forks a child that exits at once and is never reaped while the parent sleeps.
        var script = """
            import os, time
            pid = os.fork()
            if pid == 0:
                os._exit(0)
            print(pid, flush=True)
            time.sleep(30)
            """;
        var startInfo = new ProcessStartInfo("python3") { RedirectStandardOutput = true };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        using var parent = Process.Start(startInfo)!;
        try
        {
            var zombie = int.Parse(await parent.StandardOutput.ReadLineAsync() ?? "");
            var isZombie = await Supervision.ProcessScan.WaitUntilAsync(
                () => ProcStat.Read(zombie)?.IsZombie == true,
                TimeSpan.FromSeconds(5)
            );

            Assert.True(isZombie);
            Assert.False(Signals.IsAlive(zombie));
        }
        finally
        {
            parent.Kill();
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Send_terminate_ends_process()
    {
        using var process = Process.Start("sleep", "30")!;

        Assert.True(Signals.Send(process.Id, Signal.Terminate));
        await process.WaitForExitAsync();

        Assert.Equal(128 + 15, process.ExitCode);
    }

    [Fact]
    public void SendGroup_rejects_group_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Signals.SendGroup(1, Signal.Terminate));
    }
}
