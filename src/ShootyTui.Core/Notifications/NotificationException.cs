namespace ShootyTui.Core.Notifications;

/// <summary>A notification could not be configured or sent; the message is safe to show.</summary>
public sealed class NotificationException(string message) : Exception(message);
