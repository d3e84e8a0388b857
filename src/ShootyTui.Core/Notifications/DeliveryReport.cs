namespace ShootyTui.Core.Notifications;

/// <summary>What one delivery pass over the outbox did.</summary>
/// <param name="Remaining">Entries still queued after the pass.</param>
public sealed record DeliveryReport(int Sent, int Dropped, int Remaining);
