namespace ShootyTui.Core.Notifications;

/// <summary>The part of Discord's reply to <c>?wait=true</c> that this program reads.</summary>
internal sealed record WebhookReply(string? Id, string? ChannelId);
