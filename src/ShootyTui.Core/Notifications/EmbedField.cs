namespace ShootyTui.Core.Notifications;

public sealed record EmbedField(string Name, string Value, bool Inline);
