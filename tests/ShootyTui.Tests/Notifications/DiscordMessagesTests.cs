using System.Text.Json.Nodes;
using ShootyTui.Core.Notifications;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tests.Notifications;

public class DiscordMessagesTests
{
    [Fact(Timeout = 60000)]
    public async Task Started_message_with_5000_commits_fits_every_limit()
    {
        using var fixture = new NotifierFixture();
        var commits = TestCommits.Many(5000, i => $"feat(scores): add leaderboard page {i}");

        var message = fixture.Notifier.Messages.Started(TestCommits.Started(7, commits));
        var report = await fixture.SendAsync(message);

        Assert.Equal(1, report.Sent);
        Assert.Empty(fixture.StandIn.Violations);
        var description = Description(Assert.Single(fixture.StandIn.Messages.Values));
        var lines = description.Split('\n');
        var listed = lines.Length - 1;
        Assert.Equal($"… and {5000 - listed} more commits", lines[^1]);
        Assert.True(listed > 20, $"only {listed} commits listed");
    }

    [Fact]
    public void Commit_summary_is_cut_at_a_line_boundary()
    {
        var commits = TestCommits.Many(300, i =>
            $"fix: subject line number {i} " + new string('x', i % 50)
        );
        var expected = commits.Select(c => $"`{c.ShortSha}` {c.Subject} · {c.Author}").ToList();

        var summary = DiscordMessages.CommitSummary(commits, 4096);

        Assert.True(summary.Length <= 4096, $"{summary.Length} characters");
        var lines = summary.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            Assert.Equal(expected[i], lines[i]);
        }

        Assert.Equal($"… and {300 - (lines.Length - 1)} more commits", lines[^1]);
    }

    [Fact]
    public void Commit_summary_without_cut_lists_every_commit()
    {
        var commits = TestCommits.Many(3);

        var summary = DiscordMessages.CommitSummary(commits, 4096);

        Assert.Equal(3, summary.Split('\n').Length);
        Assert.DoesNotContain("more commit", summary);
    }

    [Fact(Timeout = 60000)]
    public async Task Oversized_texts_are_cut_to_each_limit()
    {
        using var fixture = new NotifierFixture(
            mention: "<@&1> " + new string('m', 2500),
            botName: new string('N', 300),
            username: new string('u', 200)
        );
        var config = fixture.Notifier.Messages;
        var output = string.Join('\n', Enumerable.Range(1, 4000).Select(i => $"line {i} ```"));
        var finished = TestCommits.Finished(
            3,
            UpdateOutcome.RolledBack,
            new string('e', 10_000),
            "smoke_test",
            output + "\nlast line of output"
        );
        var commits = TestCommits.Many(200, _ => new string('s', 3000));

        var card = config.Finished(finished, commits);
        var ping = config.Ping(config.FailureLine(finished.Record, UpdateOutcome.RolledBack))!;
        await fixture.SendAsync(card);
        await fixture.SendAsync(ping);

        Assert.Empty(fixture.StandIn.Violations);
        Assert.Equal(2, fixture.StandIn.Messages.Count);
        var embed = card.Embeds[0];
        Assert.Equal(256, embed.Title.Length);
        Assert.Contains("last line of output\n```", embed.Description);
        Assert.DoesNotContain("line 1 ```", embed.Description);
        Assert.Equal(80, card.Username!.Length);
        Assert.Equal(2000, ping.Content!.Length);
    }

    [Fact(Timeout = 60000)]
    public async Task Card_with_too_many_fields_fits_the_total()
    {
        using var fixture = new NotifierFixture();
        var fields = Enumerable
            .Range(1, 40)
            .Select(i => new EmbedField(new string('n', 300), new string('v', 2000), false))
            .ToList();
        var embed = new Embed(new string('t', 400), new string('d', 9000), 1, fields, null, null);

        var card = fixture.Notifier.Messages.Card(embed);
        await fixture.SendAsync(card);

        Assert.Empty(fixture.StandIn.Violations);
        Assert.Single(fixture.StandIn.Messages);
        var fitted = card.Embeds[0];
        Assert.True(fitted.Fields.Count is > 0 and <= 25, $"{fitted.Fields.Count} fields");
        Assert.All(fitted.Fields, field => Assert.Equal(256, field.Name.Length));
        Assert.All(fitted.Fields, field => Assert.Equal(1024, field.Value.Length));
        Assert.True(DiscordLimits.TotalLength(fitted) <= 6000);
    }

    [Fact]
    public void Text_cuts_never_split_an_emoji()
    {
        var text = string.Concat(Enumerable.Repeat("🎉", 100));

        for (var max = 0; max < 40; max++)
        {
            var head = DiscordText.Head(text, max);
            var tail = DiscordText.Tail(text, max);

            Assert.True(head.Length <= max, $"head of {max}: {head.Length}");
            Assert.True(tail.Length <= max, $"tail of {max}: {tail.Length}");
            Assert.False(head.Length > 1 && char.IsHighSurrogate(head[^2]) && head[^1] == '…');
            Assert.False(tail.Length > 2 && char.IsLowSurrogate(tail[2]));
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Commit_text_is_sent_as_data()
    {
        using var fixture = new NotifierFixture();
        const string subject =
            "fix: quote \"names\", keep C:\\bot\\path and 🎉 for @everyone <@123>";
        var commits = new[] { TestCommits.Commit(1, subject), TestCommits.Commit(2, "second") };

        await fixture.SendAsync(fixture.Notifier.Messages.Started(TestCommits.Started(1, commits)));

        var stored = Assert.Single(fixture.StandIn.Messages.Values);
        var lines = Description(stored).Split('\n');
        Assert.Equal($"`{commits[0].ShortSha}` {subject} · Ada Upstream", lines[0]);
        Assert.Equal($"`{commits[1].ShortSha}` second · Ada Upstream", lines[1]);
        Assert.Empty(DiscordStandIn.Pinged(stored));
    }

    [Fact(Timeout = 60000)]
    public async Task Only_the_configured_mention_pings_on_failure()
    {
        using var fixture = new NotifierFixture();
        var finished = TestCommits.Finished(
            4,
            UpdateOutcome.RolledBack,
            "update failed at smoke_test: @everyone look",
            "smoke_test",
            "Traceback: @here <@&999> <@555>"
        );

        fixture.Notifier.UpdateFinished(finished);
        await fixture.StandIn.WaitForRequestsAsync(2);

        var sends = fixture.StandIn.Sends;
        Assert.Equal(2, sends.Count);
        Assert.Empty(DiscordStandIn.Pinged(sends[0].Json!));
        Assert.Equal(["role:424242424242424242"], DiscordStandIn.Pinged(sends[1].Json!));
        Assert.StartsWith(
            "<@&424242424242424242> ShootyBot: update to bbbbbbb failed",
            (string?)sends[1].Json!["content"]
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Successful_update_pings_nobody()
    {
        using var fixture = new NotifierFixture();
        fixture.Notifier.UpdateFinished(
            TestCommits.Finished(5, UpdateOutcome.Succeeded, "updated aaaaaaa -> bbbbbbb")
        );

        var sent = await fixture.StandIn.WaitForRequestsAsync(1);
        await Task.Delay(300);

        Assert.Single(fixture.StandIn.Requests);
        Assert.Null(sent.Json!["content"]);
        Assert.Empty(DiscordStandIn.Pinged(sent.Json!));
        var embed = sent.Json!["embeds"]![0]!;
        Assert.Equal("✅ ShootyBot updated to bbbbbbb", (string?)embed["title"]);
        Assert.Equal(0x2ECC71, (int)embed["color"]!);
        Assert.Contains(embed["fields"]!.AsArray(), field =>
            (string?)field!["name"] == "Downtime" && (string?)field["value"] == "3.4 s"
        );
        Assert.NotNull((string?)embed["timestamp"]);
    }

    [Fact(Timeout = 60000)]
    public async Task Failed_rollback_card_says_what_to_do()
    {
        using var fixture = new NotifierFixture();
        fixture.Notifier.UpdateFinished(
            TestCommits.Finished(
                6,
                UpdateOutcome.RollbackFailed,
                "the rollback failed too: restore failed. Manual action needed",
                "health_gate",
                "bot crashed"
            )
        );

        await fixture.StandIn.WaitForRequestsAsync(2);

        var card = fixture.StandIn.Sends[0].Json!["embeds"]![0]!;
        Assert.Equal(0xE74C3C, (int)card["color"]!);
        Assert.StartsWith("🛑", (string?)card["title"]);
        var fields = card["fields"]!.AsArray();
        Assert.Contains(fields, field => (string?)field!["name"] == "Manual action needed");
        Assert.Contains(fields, field =>
            (string?)field!["name"] == "Failed step" && (string?)field["value"] == "health_gate"
        );
        Assert.Contains("Manual action needed", (string?)fixture.StandIn.Sends[1].Json!["content"]);
        Assert.Empty(fixture.StandIn.Violations);
    }

    [Fact(Timeout = 60000)]
    public async Task Repeated_preflight_refusal_is_announced_once()
    {
        using var fixture = new NotifierFixture();
        var refusal = TestCommits.Finished(8, UpdateOutcome.Aborted, "dirty tree", "preflight");

        fixture.Notifier.UpdateFinished(refusal);
        fixture.Notifier.UpdateFinished(refusal with { Record = refusal.Record with { Id = 9 } });
        await fixture.StandIn.WaitForRequestsAsync(1);
        await Task.Delay(300);

        var sent = Assert.Single(fixture.StandIn.Requests);
        Assert.Equal(
            "⚠️ ShootyBot: update to bbbbbbb refused",
            (string?)sent.Json!["embeds"]![0]!["title"]
        );
    }

    private static string Description(JsonObject message) =>
        (string)message["embeds"]![0]!["description"]!;
}
