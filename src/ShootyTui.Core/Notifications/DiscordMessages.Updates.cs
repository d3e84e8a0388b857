using ShootyTui.Core.Changelogs;
using ShootyTui.Core.Git;
using ShootyTui.Core.Updates;

namespace ShootyTui.Core.Notifications;

public sealed partial class DiscordMessages
{
    private const int MessageBudget = 1200;
    private const int OutputBudget = 1500;

    /// <summary>The "update started" card, with the changelog summary as its description.</summary>
    public WebhookMessage Started(UpdateStarted update)
    {
        var merges = update.Commits.Count(commit => commit.IsMerge);
        var fields = new List<EmbedField>
        {
            new("Range", $"`{Short(update.FromCommit)}` → `{Short(update.ToCommit)}`", true),
            new(
                "Commits",
                merges > 0
                    ? $"{update.Commits.Count} ({merges} merges)"
                    : $"{update.Commits.Count}",
                true
            ),
            new("Trigger", update.Trigger, true),
        };
        var badges = ChangeBadgeRules.Describe(
            ChangeBadgeRules.For(update.Commits.SelectMany(commit => commit.Files), config)
        );
        if (badges.Count > 0)
        {
            fields.Add(new EmbedField("Badges", string.Join(", ", badges), true));
        }

        var embed = new Embed(
            $"⏳ Updating {_bot} to {Short(update.ToCommit)}",
            null,
            Blue,
            fields,
            Iso(update.At),
            Footer($"update #{update.UpdateId}")
        );
        return Compose(null, embed, AllowedMentions.None, budget =>
            CommitSummary(update.Commits, budget)
        );
    }

    /// <summary>
    /// The card that replaces "update started" once the update ended: downtime on success,
    /// the failing step and the tail of its output after a rollback, and what to do when the
    /// rollback failed too. <paramref name="commits"/> are the commits of the started card, or
    /// null when this process did not start the update.
    /// </summary>
    public WebhookMessage Finished(UpdateFinished update, IReadOnlyList<PendingCommit>? commits)
    {
        var record = update.Record;
        var result = update.Result;
        var fields = new List<EmbedField>
        {
            new("Range", $"`{Short(record.FromCommit)}` → `{Short(record.ToCommit)}`", true),
            new("Trigger", record.Trigger, true),
        };
        if (record.DowntimeMs is { } downtime)
        {
            fields.Add(new EmbedField("Downtime", Seconds(downtime), true));
        }

        if (record.Duration is { } duration)
        {
            fields.Add(new EmbedField("Duration", Seconds((long)duration.TotalMilliseconds), true));
        }

        if (record.FailedStep is { } step && result.Outcome != UpdateOutcome.Succeeded)
        {
            fields.Add(new EmbedField("Failed step", step, true));
        }

        if (record.Recovered)
        {
            fields.Add(new EmbedField("Recovered", "finished after an interrupted run", true));
        }

        if (result.Outcome == UpdateOutcome.RollbackFailed)
        {
            fields.Add(
                new EmbedField(
                    "Manual action needed",
                    $"The bot may be down. On the host: `shooty status`, read the log "
                        + $"{config.Logging.File}, then `shooty backup list` and "
                        + "`shooty rollback --to COMMIT` or `shooty start`.",
                    false
                )
            );
        }

        var (title, color) = Heading(record, result.Outcome);
        var embed = new Embed(
            title,
            null,
            color,
            fields,
            Iso(record.FinishedAt ?? record.StartedAt),
            Footer($"update #{record.Id}")
        );
        return Compose(null, embed, AllowedMentions.None, budget =>
            FinishedText(result, commits, budget)
        );
    }

    /// <summary>True when the outcome should ping the failure mention.</summary>
    public static bool IsFailure(UpdateRecord record, UpdateOutcome outcome) =>
        outcome is UpdateOutcome.RolledBack or UpdateOutcome.RollbackFailed
        || (outcome == UpdateOutcome.Aborted && record.FailedStep != UpdateStep.Preflight.ToName());

    /// <summary>The one-line text of the ping that follows a failed update.</summary>
    public string FailureLine(UpdateRecord record, UpdateOutcome outcome) =>
        outcome switch
        {
            UpdateOutcome.RollbackFailed =>
                $"{_bot}: update to {Short(record.ToCommit)} failed at {record.FailedStep} and "
                    + "the rollback failed too. Manual action needed.",
            UpdateOutcome.RolledBack =>
                $"{_bot}: update to {Short(record.ToCommit)} failed at {record.FailedStep}; "
                    + $"rolled back to {Short(record.FromCommit)}.",
            _ => $"{_bot}: update to {Short(record.ToCommit)} aborted at {record.FailedStep}; "
                + "the old version was started again.",
        };

    private (string Title, int Color) Heading(UpdateRecord record, UpdateOutcome outcome)
    {
        var to = Short(record.ToCommit);
        var isRollback = record.Trigger == "rollback";
        return outcome switch
        {
            UpdateOutcome.Succeeded when isRollback => ($"↩️ {_bot} rolled back to {to}", Green),
            UpdateOutcome.Succeeded => ($"✅ {_bot} updated to {to}", Green),
            UpdateOutcome.RolledBack => ($"↩️ {_bot}: update to {to} failed, rolled back", Orange),
            UpdateOutcome.RollbackFailed => (
                $"🛑 {_bot}: update to {to} failed and the rollback failed",
                Red
            ),
            _ when record.FailedStep == UpdateStep.Preflight.ToName() => (
                $"⚠️ {_bot}: update to {to} refused",
                Yellow
            ),
            _ => ($"⚠️ {_bot}: update to {to} aborted", Yellow),
        };
    }

    private static string FinishedText(
        UpdateResult result,
        IReadOnlyList<PendingCommit>? commits,
        int budget
    )
    {
        var parts = new List<string> { DiscordText.Head(result.Message, MessageBudget) };
        if (result.Outcome != UpdateOutcome.Succeeded && result.OutputTail is { Length: > 0 } tail)
        {
            // A fence inside the output would end the code block early.
            var safe = tail.TrimEnd().Replace("```", "`\u200b`\u200b`");
            parts.Add("```\n" + DiscordText.Tail(safe, OutputBudget) + "\n```");
        }

        var used = parts.Sum(part => part.Length + 2);
        if (commits is { Count: > 0 } && budget - used > 80)
        {
            parts.Add(CommitSummary(commits, budget - used));
        }

        return string.Join("\n\n", parts);
    }
}
