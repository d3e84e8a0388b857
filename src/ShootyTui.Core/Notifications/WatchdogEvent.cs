namespace ShootyTui.Core.Notifications;

/// <summary>What the watchdog of an unattended run found or did, with a line of detail.</summary>
public sealed record WatchdogEvent(WatchdogEventKind Kind, string Detail);
