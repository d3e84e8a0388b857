namespace ShootyTui.Core.Configuration;

/// <summary>How an update replaces the running version (<c>[update] strategy</c>).</summary>
public enum UpdateStrategy
{
    /// <summary>Stop the bot, move its checkout forward, start it again.</summary>
    InPlace,

    /// <summary>Prepare the other of two checkouts while the bot runs, then switch.</summary>
    BlueGreen,
}
