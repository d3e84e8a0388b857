namespace ShootyTui.Core.Notifications;

/// <summary>
/// Sends what the outbox holds. A 429 is retried after Discord's <c>retry_after</c>; a 5xx or a
/// network error leaves the entry queued with a growing delay and ends the pass, because the
/// endpoint is down for the other entries too; any other 4xx is logged with the response and
/// dropped, since sending the same payload again would fail the same way.
/// </summary>
public sealed partial class NotificationDelivery(
    NotificationOutbox outbox,
    DiscordWebhookClient client,
    Func<WebhookAddress?> address,
    string variable,
    Serilog.ILogger log,
    TimeProvider time
)
{
    private const int MaxRateLimitRetries = 5;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    // One pass at a time in this process, so a keyed message is posted before it is edited.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>
    /// Longest 429 wait spent inside a pass; a longer one leaves the entry queued for later.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Age after which an undelivered entry is dropped with a warning.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Sends the due entries, oldest first. <paramref name="ignoreBackoff"/> also sends entries
    /// still waiting out a retry delay, as an unattended run does: the time between runs is
    /// then the delay.
    /// </summary>
    public async Task<DeliveryReport> DeliverAsync(bool ignoreBackoff, CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            return await PassAsync(ignoreBackoff, ct);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<DeliveryReport> PassAsync(bool ignoreBackoff, CancellationToken ct)
    {
        var due = outbox.Due(time.GetUtcNow(), ignoreBackoff);
        if (due.Count == 0)
        {
            return new DeliveryReport(0, 0, outbox.All().Count);
        }

        WebhookAddress? target;
        try
        {
            target = address();
        }
        catch (NotificationException e)
        {
            log.Error("Notifications stay queued: {Reason}", e.Message);
            return new DeliveryReport(0, 0, outbox.All().Count);
        }

        if (target is null)
        {
            log.Warning(
                "Notifications stay queued: the webhook URL variable {Variable} is not set in "
                    + "the environment or the unlocked secrets ({Count} queued)",
                variable,
                due.Count
            );
            return new DeliveryReport(0, 0, outbox.All().Count);
        }

        int sent = 0,
            dropped = 0;
        foreach (var entry in due)
        {
            var now = time.GetUtcNow();
            if (!outbox.TryClaim(entry.Id, now, ClaimLease))
            {
                continue;
            }

            if (now - entry.CreatedAt > MaxAge)
            {
                log.Warning(
                    "Notification {EntryId} dropped: undelivered for {Days:0} days after "
                        + "{Attempts} attempts",
                    entry.Id,
                    (now - entry.CreatedAt).TotalDays,
                    entry.Attempts
                );
                outbox.Remove(entry.Id);
                dropped++;
                continue;
            }

            var outcome = await SendEntryAsync(target, entry, ct);
            if (outcome == EntryOutcome.Sent)
            {
                sent++;
            }
            else if (outcome == EntryOutcome.Dropped)
            {
                dropped++;
            }
            else
            {
                break;
            }
        }

        return new DeliveryReport(sent, dropped, outbox.All().Count);
    }

    private enum EntryOutcome
    {
        Sent,
        Dropped,
        Deferred,
    }
}
