using System.Diagnostics;
using ShootyTui.Core.Processes;
using ShootyTui.Tests.Supervision;
using Xunit;

namespace ShootyTui.Tests.Processes;

public sealed class ProcessGroupTests
{
    private static Process StartGroup(string script)
    {
        var startInfo = new ProcessStartInfo("setsid") { RedirectStandardInput = true };
        foreach (var argument in (string[])["/bin/sh", "-c", script])
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Process.Start(startInfo)!;
    }

    [Fact(Timeout = 60000)]
    public async Task TerminateAsync_ends_group_with_sigterm()
    {
        var sleep = ProcessScan.UniqueSleepArgument();
        using var process = StartGroup($"sleep {sleep} & sleep {sleep}");
        Assert.True(
            await ProcessScan.WaitUntilAsync(
                () => ProcessScan.FindByArgument(sleep).Count == 2,
                TimeSpan.FromSeconds(5)
            )
        );

        var termination = await ProcessGroup.TerminateAsync(
            process.Id,
            TimeSpan.FromSeconds(5),
            default
        );

        Assert.False(termination.Killed);
        Assert.True(termination.Gone);
        Assert.Empty(ProcessScan.FindByArgument(sleep));
    }

    [Fact(Timeout = 60000)]
    public async Task TerminateAsync_kills_members_that_ignore_sigterm()
    {
        var sleep = ProcessScan.UniqueSleepArgument();
        using var process = StartGroup($"trap '' TERM; sleep {sleep} & sleep {sleep}");
        Assert.True(
            await ProcessScan.WaitUntilAsync(
                () => ProcessScan.FindByArgument(sleep).Count == 2,
                TimeSpan.FromSeconds(5)
            )
        );

        var termination = await ProcessGroup.TerminateAsync(
            process.Id,
            TimeSpan.FromMilliseconds(500),
            default
        );

        Assert.True(termination.Killed);
        Assert.True(termination.Gone);
        Assert.True(termination.Duration >= TimeSpan.FromMilliseconds(500));
        Assert.Empty(ProcessScan.FindByArgument(sleep));
    }

    [Fact]
    public async Task WaitUntilEmptyAsync_accepts_empty_group()
    {
        using var process = StartGroup("exit 0");
        await process.WaitForExitAsync();

        Assert.True(await ProcessGroup.WaitUntilEmptyAsync(process.Id, TimeSpan.Zero, default));
    }
}
