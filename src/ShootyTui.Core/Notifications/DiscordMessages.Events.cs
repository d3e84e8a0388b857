using ShootyTui.Core.Git;

namespace ShootyTui.Core.Notifications;

public sealed partial class DiscordMessages
{
    /// <summary>The "updates pending" card for a newly fetched tip.</summary>
    /// <param name="plan">What happens next, such as "applied in the next maintenance
    /// window".</param>
    public WebhookMessage Pending(
        string head,
        string tip,
        IReadOnlyList<PendingCommit> commits,
        string plan,
        DateTimeOffset at
    )
    {
        var embed = new Embed(
            $"📦 {_bot}: {commits.Count} commit{(commits.Count == 1 ? "" : "s")} pending",
            null,
            Purple,
            [
                new EmbedField("Range", $"`{Short(head)}` → `{Short(tip)}`", true),
                new EmbedField("Next", plan, true),
            ],
            Iso(at),
            null
        );
        return Compose(null, embed, AllowedMentions.None, budget => CommitSummary(commits, budget));
    }

    /// <summary>A watchdog or health card; <paramref name="healthy"/> picks its colour.</summary>
    public WebhookMessage Health(string title, string detail, bool healthy, DateTimeOffset at) =>
        Card(new Embed($"{title}", detail, healthy ? Green : Red, [], Iso(at), null));

    /// <summary>The message <c>shooty notify test</c> sends.</summary>
    public WebhookMessage Test(DateTimeOffset at, string host) =>
        Compose(
            null,
            new Embed(
                $"🔔 Test notification from {_bot}",
                $"Sent by `shooty notify test` on {host}. Update, rollback and health messages "
                    + "will look like this card.",
                Blue,
                [
                    new EmbedField(
                        "Failure mention",
                        FailureMention?.Text ?? "none configured",
                        true
                    ),
                ],
                Iso(at),
                null
            ),
            AllowedMentions.None
        );
}
