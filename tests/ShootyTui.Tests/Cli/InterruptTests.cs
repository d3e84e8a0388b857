using System.Diagnostics;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Cli;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM during <c>shooty update</c> or <c>shooty --auto</c> must not cut
/// the update in half: it goes on until it has finished or rolled back.
/// </summary>
public class InterruptTests
{
    [Theory(Timeout = 120000)]
    [InlineData("INT", "update")]
    [InlineData("TERM", "update")]
    [InlineData("TERM", "--auto")]
    public async Task Signal_during_update_lets_it_finish(string signal, string command)
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nauto = true\n")
        );
        var config = engine.Fixture.ConfigPath;
        // The signal comes when the health gate starts, and an 8 s settle keeps the update
        // running well past it, even when the test machine is slow to poll.
        File.WriteAllText(
            config,
            File.ReadAllText(config).Replace("health_settle = \"1s\"", "health_settle = \"8s\"")
        );
        Assert.Contains("health_settle = \"8s\"", File.ReadAllText(config));
        var journal = engine.Deployment.Journal;

        var run = await ShootyProcess.RunAsync(
            command == "update"
                ? ["--config", config, "update", "--yes"]
                : ["--config", config, command],
            whileRunning: async process =>
            {
                await WaitForStepAsync(journal, "health_gate");
                Process.Start("kill", [$"-{signal}", process.Id.ToString()])!.WaitForExit();
            }
        );

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Output}{run.Error}");
        Assert.Contains("goes on until it has finished or rolled back", run.Error);
        var record = journal.List(1)[0];
        Assert.Equal(UpdateOutcome.Succeeded, record.Outcome);
        Assert.False(record.Recovered);
        Assert.Null(journal.FindUnfinished());
        await engine.WaitHealthyAsync();
    }

    private static async Task WaitForStepAsync(UpdateJournal journal, string step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (
                journal.FindUnfinished() is { } unfinished
                && journal.Steps(unfinished.Id).Any(entry => entry.Step == step)
            )
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"the update did not reach {step} within 60 s");
    }
}
