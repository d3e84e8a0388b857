using System.Net;
using ShootyTui.Core.Schedule;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tests.Web;

public sealed class WebhookUpdateTests
{
    [Fact(Timeout = 60000)]
    public async Task Valid_push_updates_through_the_pipeline()
    {
        await using var webhook = await WebhookHarness.StartAsync();
        var tip = await webhook.Engine.Fixture.PushAsync(
            "docs: mention the webhook",
            new Dictionary<string, string?> { ["WEBHOOK.md"] = "pushed\n" }
        );

        using var response = await webhook.PushAsync(tip);
        await webhook.WaitIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var update = Assert.Single(webhook.WebhookUpdates());
        Assert.Equal(UpdateOutcome.Succeeded, update.Outcome);
        Assert.Equal(tip, update.ToCommit);
        Assert.Equal(tip, webhook.Engine.Deployment.Git.GetStatus().HeadCommit);
    }

    [Fact(Timeout = 60000)]
    public async Task Burst_during_update_gives_one_follow_up()
    {
        var release = Path.Combine(Path.GetTempPath(), $"shooty-release-{Guid.NewGuid():N}");
        try
        {
            // The smoke test waits for the release file, so the first update stays in flight
            // while the burst arrives.
            await using var webhook = await WebhookHarness.StartAsync(editToml: toml =>
                toml.Replace(
                    "command = \"python3 smoke_test.py\"",
                    $"command = \"while [ ! -e '{release}' ]; do sleep 0.05; done; "
                        + "python3 smoke_test.py\"",
                    StringComparison.Ordinal
                )
            );
            var fixture = webhook.Engine.Fixture;
            var first = await fixture.PushAsync(
                "feat: first",
                new Dictionary<string, string?> { ["burst-0.txt"] = "0\n" }
            );
            using var firstResponse = await webhook.PushAsync(first);
            await WaitForRunningUpdateAsync(webhook);

            var tips = new List<string>();
            for (var i = 1; i <= 10; i++)
            {
                var tip = await fixture.PushAsync(
                    $"feat: burst {i}",
                    new Dictionary<string, string?> { [$"burst-{i}.txt"] = $"{i}\n" }
                );
                tips.Add(tip);
                using var response = await webhook.PushAsync(tip);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            File.WriteAllText(release, "");
            await webhook.WaitIdleAsync();

            var updates = webhook.WebhookUpdates();
            Assert.Equal(2, updates.Count);
            Assert.Equal(first, updates[0].ToCommit);
            Assert.Equal(tips[^1], updates[1].ToCommit);
            Assert.All(updates, update => Assert.Equal(UpdateOutcome.Succeeded, update.Outcome));
            Assert.Equal(2, webhook.Server.Updates.RunsStarted);
        }
        finally
        {
            File.Delete(release);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Push_outside_window_becomes_scheduled_update()
    {
        var hour = (DateTime.UtcNow.Hour + 12) % 24;
        await using var webhook = await WebhookHarness.StartAsync(editToml: toml =>
            toml
            + "\n[maintenance]\ntimezone = \"UTC\"\n"
            + $"windows = [\"{hour:D2}:00-{(hour + 1) % 24:D2}:00\"]\n"
        );
        var deployment = webhook.Engine.Deployment;
        var head = deployment.Git.GetStatus().HeadCommit;
        var tip = await webhook.Engine.Fixture.PushAsync(
            "feat: after hours",
            new Dictionary<string, string?> { ["late.txt"] = "late\n" }
        );

        using var response = await webhook.PushAsync(tip);
        await webhook.WaitIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(tip, new UpdateSchedule(deployment.State).Get()?.Tip);
        Assert.Equal(head, deployment.Git.GetStatus().HeadCommit);
        Assert.Empty(webhook.WebhookUpdates());
    }

    private static async Task WaitForRunningUpdateAsync(WebhookHarness webhook)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (webhook.Engine.Deployment.Journal.FindUnfinished() is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the first webhook update did not start");
            await Task.Delay(50);
        }
    }
}
