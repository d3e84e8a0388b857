namespace ShootyTui.Core.Notifications;

/// <summary>
/// What one webhook request returned. <see cref="Status"/> is 0 when no HTTP response arrived
/// (connection refused, DNS, timeout), and <see cref="Error"/> describes the failure.
/// </summary>
/// <param name="Body">The response body, with the webhook URL and token redacted.</param>
/// <param name="RetryAfter">For a 429: how long Discord asks to wait.</param>
/// <param name="MessageId">For a 2xx to <c>?wait=true</c>: the id of the message.</param>
public sealed record WebhookResponse(
    int Status,
    string Body,
    TimeSpan? RetryAfter,
    string? MessageId,
    string? Error
)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsRateLimited => Status == 429;

    /// <summary>True for errors worth retrying later: no response, or a 5xx.</summary>
    public bool IsTransient => Status == 0 || Status >= 500;
}
