using ShootyTui.Core.Slots;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core;

public sealed partial class Deployment
{
    /// <summary>
    /// Creates the converter between the in-place and blue-green layouts. The caller holds the
    /// update lock while it converts.
    /// </summary>
    public SlotConverter CreateSlotConverter() =>
        new(Config, Slots, Supervisor, () => Pipeline.ExtraEnvironment(), Log);

    /// <summary>
    /// Returns why the bot runs outside the live slot, or null when it runs there, does not run,
    /// or the deployment is in-place.
    /// </summary>
    public string? SlotMismatch(BotProcessState bot)
    {
        if (!Slots.IsConverted)
        {
            return null;
        }

        SlotMismatch? mismatch;
        try
        {
            mismatch = Slots.FindMismatch(bot);
        }
        catch (SlotException e)
        {
            return e.Message;
        }

        return mismatch is null
            ? null
            : $"{mismatch.Describe()} (moved by hand?), so the health checks read slot "
                + $"{mismatch.Linked.ToName()}'s files and a restart would start another "
                + $"version; point the link back with `{mismatch.RelinkCommand}`";
    }

    /// <summary>
    /// Returns what to do about an idle slot whose folder is gone, or null when there is none.
    /// </summary>
    public string? MissingIdleSlot()
    {
        SlotColor? live;
        try
        {
            live = Slots.Layout.ReadLink();
        }
        catch (SlotException)
        {
            return null;
        }

        if (live is not { } linked || Directory.Exists(Slots.Layout.PathOf(linked.Other())))
        {
            return null;
        }

        return Slots.MissingSlotRepair(linked.Other(), linked)
            + "; until then an update or a rollback aborts";
    }

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
