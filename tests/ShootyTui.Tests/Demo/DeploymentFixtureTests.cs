using System.Diagnostics;
using ShootyTui.Tests.Support;
using Xunit;

namespace ShootyTui.Tests.Demo;

public sealed class DeploymentFixtureTests
{
    [Fact(Timeout = 60000)]
    public async Task Dispose_kills_bot_and_deletes_folder()
    {
        var deployment = await DeploymentFixture.CreateAsync();
        // Started through a shell that exits at once, as a supervisor would leave it behind.
        using var shell = Process.Start(
            new ProcessStartInfo("sh", ["-c", "python3 bot.py >/dev/null 2>&1 & echo $!"])
            {
                WorkingDirectory = deployment.CheckoutPath,
                RedirectStandardOutput = true,
            }
        )!;
        var pid = int.Parse(await shell.StandardOutput.ReadToEndAsync());
        await shell.WaitForExitAsync();
        await Poll.UntilAsync(
            () => File.Exists(deployment.HeartbeatPath),
            TimeSpan.FromSeconds(10),
            () => $"a heartbeat from pid {pid}"
        );

        deployment.Dispose();

        Assert.True(IsGone(pid), $"pid {pid} still runs");
        Assert.False(Directory.Exists(deployment.Root));
    }

    [Fact(Timeout = 60000)]
    public async Task RunGit_commits_with_test_identity()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var checkout = deployment.CheckoutPath;

        deployment.RunGit(checkout, "commit", "--quiet", "--allow-empty", "-m", "local change");
        var author = deployment.RunGit(checkout, "log", "-1", "--format=%an <%ae>");
        var error = Assert.Throws<InvalidOperationException>(() =>
            deployment.RunGit(checkout, "rev-parse", "no-such-ref")
        );

        Assert.Equal("Test Pusher <tests@shootybot.example>", author);
        Assert.Contains("no-such-ref", error.Message);
    }

    private static bool IsGone(int pid)
    {
        try
        {
            // A killed process whose parent has not reaped it yet is a zombie: it no longer runs.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
