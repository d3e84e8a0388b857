using ShootyTui.Core.Slots;

namespace ShootyTui.Core;

public sealed partial class Deployment
{
    /// <summary>
    /// Creates the converter between the in-place and blue-green layouts. The caller holds the
    /// update lock while it converts.
    /// </summary>
    public SlotConverter CreateSlotConverter() =>
        new(Config, Slots, Supervisor, () => Pipeline.ExtraEnvironment(), Log);

    /// <summary>Returns the live slot's name, or null for an in-place deployment.</summary>
    public string? LiveSlotName()
    {
        try
        {
            return Slots.Layout.ReadLink()?.ToName();
        }
        catch (SlotException e)
        {
            Log.Warning(e, "Reading the slot links of {Link} failed", Slots.Layout.BotPath);
            return null;
        }
    }
}
