namespace ShootyTui.Core.Slots;

/// <summary>
/// A bot that runs from <paramref name="Running"/> while the current link points at
/// <paramref name="Linked"/>.
/// </summary>
public sealed record SlotMismatch(SlotColor Running, SlotColor Linked, SlotLayout Layout)
{
    /// <summary>The sentence that names both slots, for messages to build on.</summary>
    public string Describe() =>
        $"the bot runs from slot {Running.ToName()}, but {Layout.BotPath} leads to slot "
        + Linked.ToName();

    /// <summary>The shell command that points the link back at the slot the bot runs from.</summary>
    public string RelinkCommand => Layout.RelinkCommand(Running);
}
