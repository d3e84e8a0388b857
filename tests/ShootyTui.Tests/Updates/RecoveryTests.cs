using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Updates;

/// <summary>
/// Kills <c>shooty update</c> with SIGKILL right after each journal point, then checks that the
/// next command taking the lock recovers to a healthy old or new version without losing data.
/// </summary>
public class RecoveryTests
{
    [Theory(Timeout = 180000)]
    [InlineData("preflight:succeeded", false)]
    [InlineData("stop:started", false)]
    [InlineData("stop:succeeded", false)]
    [InlineData("backup:succeeded", false)]
    [InlineData("fast_forward:started", false)]
    [InlineData("fast_forward:succeeded", false)]
    [InlineData("dependencies:succeeded", false)]
    [InlineData("smoke_test:succeeded", false)]
    [InlineData("start:succeeded", false)]
    [InlineData("health_gate:started", false)]
    [InlineData("health_gate:succeeded", true)]
    public async Task Killed_update_is_recovered_by_next_command(
        string failpoint,
        bool newVersionWins
    )
    {
        await using var engine = await EngineHarness.StartAsync();
        var from = engine.Deployment.Git.HeadCommit;
        var playersBefore = engine.Count("players");

        var killed = await ShootyProcess.RunAsync(
            ["--config", engine.Fixture.ConfigPath, "update", "--yes"],
            new Dictionary<string, string> { [Failpoints.Variable] = failpoint }
        );
        Assert.Equal(137, killed.ExitCode);
        var interrupted = engine.Deployment.Journal.FindUnfinished();
        Assert.NotNull(interrupted);

        var next = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "start"]);

        Assert.True(next.ExitCode == 0, $"shooty start failed: {next.Output}{next.Error}");
        Assert.Contains("recovered an interrupted update", next.Output);
        Assert.Null(engine.Deployment.Journal.FindUnfinished());
        var record = engine.Deployment.Journal.Get(interrupted.Id)!;
        Assert.True(record.Recovered);
        var expected = newVersionWins ? interrupted.ToCommit : from;
        Assert.Equal(
            newVersionWins ? UpdateOutcome.Succeeded : UpdateOutcome.RolledBack,
            record.Outcome
        );
        Assert.Equal(expected, engine.Deployment.Git.HeadCommit);
        Assert.Empty(engine.Deployment.Git.GetStatus().DirtyFiles);
        await engine.WaitHealthyAsync();
        Assert.EndsWith(expected[..7], engine.HeartbeatVersion());
        Assert.True(
            engine.Count("players") >= playersBefore,
            "players from before the update were lost"
        );
    }
}
