using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Updates;

public class LockedSecretsTests
{
    [Fact(Timeout = 120000)]
    public async Task Update_is_refused_while_required_secrets_are_locked()
    {
        // The checkout keeps its .env only encrypted, and nothing can unlock it unattended.
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml + "\n[secrets]\nfile = \"bot/.env.gpg\"\n"
        );
        var head = engine.Deployment.Git.HeadCommit;
        var pid = await engine.BotPidAsync();

        var result = await engine.UpdateAsync(new UpdateRequest("tui", IgnoreSessions: true));

        Assert.Equal(UpdateOutcome.Aborted, result.Outcome);
        Assert.Equal(UpdateStep.Preflight, result.FailedStep);
        Assert.Contains("secrets", result.Message);
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);
        Assert.Equal(pid, await engine.BotPidAsync());
    }
}
