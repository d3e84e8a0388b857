namespace ShootyTui.Core.Slots;

/// <summary>One slot as the panel and <c>shooty status</c> show it.</summary>
/// <param name="Name">"blue" or "green".</param>
/// <param name="Path">Absolute path of the slot's checkout.</param>
/// <param name="Commit">Full hash of the slot's HEAD, or null when it cannot be read.</param>
/// <param name="Live">True for the slot that the current link points at.</param>
/// <param name="Ready">True when the slot's dependencies were installed for its commit, so it
/// can be started without an install.</param>
public sealed record SlotInfo(string Name, string Path, string? Commit, bool Live, bool Ready)
{
    /// <summary>True when the slot's folder does not exist.</summary>
    public bool Missing { get; init; }
}
