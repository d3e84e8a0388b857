using ShootyTui.Core.Health;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Configuration;

internal sealed partial class ConfigBuilder
{
    private const string OverlapKey = "update.overlap";

    /// <summary>
    /// Checks that <c>[update] overlap</c> above zero can be honoured: only blue-green slots run
    /// side by side, only the process supervisor can run two instances, and the health gate must
    /// read the new slot's own heartbeat rather than one the old slot keeps fresh.
    /// </summary>
    private void CheckOverlap(ShootyConfig config)
    {
        var overlap = config.Update.Overlap;
        // An invalid strategy or supervisor is reported where it is written, not here.
        if (
            overlap <= TimeSpan.Zero
            || _errors.Any(error => error.Key is "update.strategy" or "bot.supervisor")
        )
        {
            return;
        }

        var value = DurationText.Format(overlap);
        if (config.Update.Strategy != UpdateStrategy.BlueGreen)
        {
            ErrorAtValue(
                OverlapKey,
                $"an overlap of {value} needs [update] strategy = \"blue-green\": an in-place "
                    + "update has one checkout and cannot run two versions; set overlap = \"0s\" "
                    + "or switch the strategy"
            );
            return;
        }

        if (config.Bot.Supervisor != SupervisorKind.Process)
        {
            var kind = config.Bot.Supervisor.ToString().ToLowerInvariant();
            ErrorAtValue(
                OverlapKey,
                $"an overlap of {value} needs [bot] supervisor = \"process\": the {kind} "
                    + "supervisor runs one instance of the bot, so the slots cannot overlap; set "
                    + "overlap = \"0s\""
            );
            return;
        }

        var heartbeat = config.Bot.HeartbeatFile;
        if (!FolderPaths.IsInside(heartbeat, config.Bot.Path))
        {
            ErrorAtValue(
                OverlapKey,
                $"an overlap of {value} needs a heartbeat file inside [bot] path, but it is "
                    + $"'{heartbeat}': both slots would write it, and the old slot's heartbeat "
                    + "could pass the new slot's health gate; keep the heartbeat in the checkout "
                    + "or set overlap = \"0s\""
            );
        }
    }
}
