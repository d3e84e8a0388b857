using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Notifications;

public class NotifyCommandTests
{
    [Fact(Timeout = 120000)]
    public async Task Notify_test_prints_the_response()
    {
        using var standIn = new DiscordStandIn();
        await using var fixture = await DeploymentFixture.CreateAsync();
        AppendNotify(fixture);

        var run = await ShootyProcess.RunAsync(
            ["--config", fixture.ConfigPath, "notify", "test"],
            new Dictionary<string, string> { [NotifierFixture.Variable] = standIn.Url }
        );

        Assert.Equal(0, run.ExitCode);
        var id = Assert.Single(standIn.Messages).Key;
        Assert.Contains("HTTP 200", run.Output);
        Assert.Contains($"message id: {id}", run.Output);
        Assert.Contains($"/api/webhooks/{DiscordStandIn.WebhookId}/***", run.Output);
        Assert.DoesNotContain(DiscordStandIn.Token, run.Output + run.Error);
        Assert.Empty(standIn.Violations);
    }

    [Fact(Timeout = 120000)]
    public async Task Notify_test_reports_a_rejected_message()
    {
        using var standIn = new DiscordStandIn();
        standIn.FailNext(1, 401, """{"message": "Invalid Webhook Token", "code": 50027}""");
        await using var fixture = await DeploymentFixture.CreateAsync();
        AppendNotify(fixture);

        var run = await ShootyProcess.RunAsync(
            ["--config", fixture.ConfigPath, "notify", "test"],
            new Dictionary<string, string> { [NotifierFixture.Variable] = standIn.Url }
        );

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 401", run.Output);
        Assert.Contains("Invalid Webhook Token", run.Output);
        Assert.Contains(NotifierFixture.Variable, run.Error);
    }

    [Fact(Timeout = 120000)]
    public async Task Notify_test_needs_the_variable()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        AppendNotify(fixture);

        var run = await ShootyProcess.RunAsync(["--config", fixture.ConfigPath, "notify", "test"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the variable {NotifierFixture.Variable} is not set", run.Error);
    }

    [Fact(Timeout = 120000)]
    public async Task Notify_test_needs_the_config_section()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();

        var run = await ShootyProcess.RunAsync(["--config", fixture.ConfigPath, "notify", "test"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("webhook_url_env", run.Error);
    }

    private static void AppendNotify(DeploymentFixture fixture) =>
        File.AppendAllText(
            fixture.ConfigPath,
            $"\n[notify.discord]\nwebhook_url_env = \"{NotifierFixture.Variable}\"\n"
        );
}
