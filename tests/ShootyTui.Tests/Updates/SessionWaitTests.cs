using System.Globalization;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Updates;

public class SessionWaitTests
{
    [Fact(Timeout = 120000)]
    public async Task Update_waits_for_sessions_up_to_the_limit()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nwait_for_sessions = \"3s\"\n")
        );
        await engine.Deployment.Supervisor.StopAsync(CancellationToken.None);
        WriteHeartbeat(engine, sessions: 2);
        var head = engine.Deployment.Git.HeadCommit;

        var first = await engine.UpdateAsync(new UpdateRequest("auto", Unattended: true));

        Assert.True(first.Deferred);
        Assert.Equal(11, first.ExitCode);
        Assert.Contains("2 active session(s)", first.Message);
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        WriteHeartbeat(engine, sessions: 2);
        var second = await engine.UpdateAsync(new UpdateRequest("auto", Unattended: true));

        Assert.Equal(UpdateOutcome.Succeeded, second.Outcome);
    }

    [Fact(Timeout = 120000)]
    public async Task Confirmed_update_does_not_wait_for_sessions()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nwait_for_sessions = \"1h\"\n")
        );
        await engine.Deployment.Supervisor.StopAsync(CancellationToken.None);
        WriteHeartbeat(engine, sessions: 1);

        var result = await engine.UpdateAsync(new UpdateRequest("tui", IgnoreSessions: true));

        Assert.Equal(UpdateOutcome.Succeeded, result.Outcome);
    }

    [Fact(Timeout = 120000)]
    public async Task Update_with_yes_exits_11_while_sessions_are_active()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nwait_for_sessions = \"1h\"\n")
        );
        await engine.Deployment.Supervisor.StopAsync(CancellationToken.None);
        WriteHeartbeat(engine, sessions: 3);
        var head = engine.Deployment.Git.HeadCommit;

        var run = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "update",
            "--yes",
        ]);

        Assert.Equal(11, run.ExitCode);
        Assert.Contains("3 active session(s)", run.Error);
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);
    }

    private static void WriteHeartbeat(EngineHarness engine, int sessions)
    {
        var now = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString(
            CultureInfo.InvariantCulture
        );
        File.WriteAllText(
            engine.Config.Bot.HeartbeatFile,
            $"{{\"timestamp\": {now}, \"active_sessions\": {sessions}}}"
        );
    }
}
