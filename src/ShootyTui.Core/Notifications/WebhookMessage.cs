namespace ShootyTui.Core.Notifications;

/// <summary>
/// The JSON body of a Discord webhook execute or edit request. Null members are left out of the
/// JSON.
/// </summary>
public sealed record WebhookMessage(
    string? Content,
    string? Username,
    IReadOnlyList<Embed> Embeds,
    AllowedMentions AllowedMentions
);
