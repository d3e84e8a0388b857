namespace ShootyTui.Core.Notifications;

public sealed partial class NotificationDelivery
{
    private async Task<EntryOutcome> SendEntryAsync(
        WebhookAddress target,
        OutboxEntry entry,
        CancellationToken ct
    )
    {
        var messageId = entry.Key is { } key ? outbox.MessageId(key) : null;
        var response = await SendWithRateLimitAsync(target, messageId, entry, ct);
        if (response.Status == 404 && messageId is not null)
        {
            // Someone deleted the message that this entry edits: post it anew.
            log.Information(
                "Notification {EntryId}: message {MessageId} is gone; posting a new one",
                entry.Id,
                messageId
            );
            outbox.ForgetMessageId(entry.Key!);
            messageId = null;
            response = await SendWithRateLimitAsync(target, null, entry, ct);
        }

        if (response.IsSuccess)
        {
            if (entry.Key is { } sentKey && messageId is null && response.MessageId is { } id)
            {
                outbox.SetMessageId(sentKey, id, time.GetUtcNow());
            }

            outbox.Remove(entry.Id);
            log.Information(
                "Notification {EntryId} {Action} ({Status}, Discord message {MessageId})",
                entry.Id,
                messageId is null ? "posted" : "edited",
                response.Status,
                response.MessageId ?? messageId
            );
            return EntryOutcome.Sent;
        }

        if (response.IsTransient || response.IsRateLimited)
        {
            var attempts = entry.Attempts + 1;
            var delay = response.RetryAfter ?? Backoff(attempts);
            var next = time.GetUtcNow() + delay;
            var error = response.Error ?? $"HTTP {response.Status}: {response.Body}";
            outbox.Reschedule(entry.Id, attempts, next, error);
            log.Warning(
                "Notification {EntryId} not delivered to {Webhook} (attempt {Attempts}): "
                    + "{Error}; retrying in {DelaySeconds:0} s or at the next run",
                entry.Id,
                target.ToString(),
                attempts,
                error,
                delay.TotalSeconds
            );
            return EntryOutcome.Deferred;
        }

        outbox.Remove(entry.Id);
        log.Error(
            "Notification {EntryId} dropped: {Webhook} rejected it with HTTP {Status}: {Body}",
            entry.Id,
            target.ToString(),
            response.Status,
            response.Body
        );
        return EntryOutcome.Dropped;
    }

    /// <summary>
    /// Sends once, and again after each 429 while Discord's wait is short. Returns the last
    /// response. It is a 429 only when the wait was too long or the retries ran out.
    /// </summary>
    private async Task<WebhookResponse> SendWithRateLimitAsync(
        WebhookAddress target,
        string? messageId,
        OutboxEntry entry,
        CancellationToken ct
    )
    {
        var response = await client.SendAsync(target, messageId, entry.Payload, ct);
        for (var retry = 1; retry <= MaxRateLimitRetries && response.IsRateLimited; retry++)
        {
            var wait = response.RetryAfter ?? TimeSpan.FromSeconds(1);
            if (wait > MaxRateLimitWait)
            {
                break;
            }

            log.Information(
                "Notification {EntryId}: rate limited by Discord; retrying in {WaitMs} ms",
                entry.Id,
                (long)wait.TotalMilliseconds
            );
            await Task.Delay(wait, time, ct);
            response = await client.SendAsync(target, messageId, entry.Payload, ct);
        }

        return response;
    }

    private static TimeSpan Backoff(int attempts)
    {
        var seconds = FirstBackoff.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
    }
}
