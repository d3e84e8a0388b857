using ShootyTui.Core.Flags;

namespace ShootyTui.Core;

public sealed partial class Deployment
{
    /// <summary>The bot's feature flags, or null when <c>[flags] file</c> is not set.</summary>
    public FlagService? Flags { get; private set; }

    private void OpenFlags() =>
        Flags = Config.Flags.File is { } file
            ? new FlagService(new FlagFile(file), Config.Flags.Descriptions, State, Time, Log)
            : null;
}
