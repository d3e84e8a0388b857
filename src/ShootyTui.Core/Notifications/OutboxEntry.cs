namespace ShootyTui.Core.Notifications;

/// <summary>One queued message in the notification outbox of <c>state.db</c>.</summary>
/// <param name="Key">Entries with the same key are one Discord message: the first is posted and
/// later ones edit it. Null for a message that is never edited.</param>
/// <param name="Payload">The <see cref="WebhookMessage"/> as JSON, exactly as it is sent.</param>
/// <param name="Attempts">Failed deliveries so far (server errors and network errors).</param>
public sealed record OutboxEntry(
    long Id,
    string? Key,
    string Payload,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt
);
