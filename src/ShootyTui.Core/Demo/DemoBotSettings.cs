using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShootyTui.Core.Demo;

/// <summary>The bot's tracked bot_settings.json, whose keys the bot reads at start.</summary>
internal static class DemoBotSettings
{
    public static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    public static string Render(double heartbeatIntervalSeconds)
    {
        var settings = new JsonObject
        {
            ["heartbeat_interval_s"] = heartbeatIntervalSeconds,
            ["tick_interval_s"] = 1,
            ["heartbeat"] = true,
            ["db_writes"] = true,
            // A fixed count keeps updates that wait for idle sessions from waiting on the demo.
            ["active_sessions"] = 0,
            ["crash_at_start"] = false,
            ["exit_after_s"] = null,
            ["ignore_sigterm"] = false,
        };
        return settings.ToJsonString(WriteOptions) + "\n";
    }
}
