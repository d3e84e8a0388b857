namespace ShootyTui.Core.Slots;

/// <summary>One of the two checkouts of a blue-green deployment.</summary>
public enum SlotColor
{
    Blue,
    Green,
}

public static class SlotColorNames
{
    /// <summary>Returns the lower-case name used for folders, state.db and output.</summary>
    public static string ToName(this SlotColor slot) => slot == SlotColor.Blue ? "blue" : "green";

    /// <summary>Returns the slot that is not <paramref name="slot"/>.</summary>
    public static SlotColor Other(this SlotColor slot) =>
        slot == SlotColor.Blue ? SlotColor.Green : SlotColor.Blue;

    public static SlotColor Parse(string name) =>
        name switch
        {
            "blue" => SlotColor.Blue,
            "green" => SlotColor.Green,
            _ => throw new FormatException($"unknown slot \"{name}\": expected blue or green"),
        };
}
