namespace ShootyTui.Core.Slots;

/// <summary>
/// The slot layout is missing, inconsistent or cannot be changed; the message explains what to do.
/// </summary>
public sealed class SlotException(string message, Exception? inner = null)
    : Exception(message, inner);
