namespace ShootyTui.Core.Configuration;

/// <summary>
/// The <c>[notify.discord]</c> section. Notifications are off while no URL is named.
/// </summary>
public sealed record DiscordNotifyConfig
{
    /// <summary>
    /// The environment variable (or unlocked secret) that holds the webhook URL. The URL itself
    /// never appears in the config file.
    /// </summary>
    public string? WebhookUrlEnv { get; init; }

    /// <summary>
    /// Text put in front of failure messages, such as <c>"&lt;@&amp;123&gt;"</c>.
    /// </summary>
    public string? MentionOnFailure { get; init; }

    /// <summary>The sender name shown in Discord, or null for the webhook's own name.</summary>
    public string? Username { get; init; }
}
