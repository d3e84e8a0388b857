namespace ShootyTui.Core.Notifications;

public sealed record EmbedFooter(string Text);
