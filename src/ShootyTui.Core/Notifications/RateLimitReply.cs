namespace ShootyTui.Core.Notifications;

/// <summary>The body of a 429 reply; <c>retry_after</c> is in seconds.</summary>
internal sealed record RateLimitReply(double? RetryAfter, bool? Global, string? Message);
